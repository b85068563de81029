// SPDX-License-Identifier: MIT
#include "core/generation/generationcontrol.h"

#include <QString>

#include "core/schema/realisticvalues.h"

quint64 GenerationControl::nextDrawSeed()
{
    const quint64 draw = m_draws.fetch_add(1, std::memory_order_relaxed) + 1;
    return RealisticValues::mix(seed(), draw);
}

bool GenerationControl::parseSeed(const QString& text, quint64* seed, QString* error)
{
    bool ok = false;
    const quint64 value = text.trimmed().toULongLong(&ok, 10);
    if (!ok || text.trimmed().startsWith(QLatin1Char('-')) || text.trimmed().startsWith(QLatin1Char('+'))) {
        if (error)
            *error = QStringLiteral("'%1' is not a seed (a whole number from 0 to 18446744073709551615)").arg(text);
        return false;
    }
    *seed = value;
    return true;
}
