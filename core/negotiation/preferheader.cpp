// SPDX-License-Identifier: MIT
#include "core/negotiation/preferheader.h"

#include <QStringList>

#include "core/http/headertokens.h"

namespace {

PreferHeader invalid(PreferHeader result, const QString& message)
{
    result.valid = false;
    result.error = message;
    return result;
}

} // namespace

PreferHeader PreferHeader::parse(const QString& header)
{
    PreferHeader result;
    using HeaderTokens::Escapes;
    // Commas and semicolons both separate preferences here, so `example="a, b"` must stay whole.
    const QStringList parts = HeaderTokens::splitOutsideQuotes(header, u",;", Escapes::Resolve);
    for (const QString& rawPart : parts) {
        const QString part = rawPart.trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (part.isEmpty() || eq < 0)
            continue; // bare preferences such as `respond-async` are not ours
        const QString name = part.left(eq).trimmed().toLower();
        const QString value = HeaderTokens::unquote(part.mid(eq + 1).trimmed(), Escapes::Keep).trimmed();

        if (name == QLatin1String("code")) {
            const bool threeDigits = value.size() == 3 && value.at(0) >= QLatin1Char('1')
                && value.at(0) <= QLatin1Char('5') && value.at(1).isDigit() && value.at(2).isDigit()
                && value.at(1).unicode() < 128 && value.at(2).unicode() < 128;
            if (!threeDigits) {
                return invalid(result,
                    QStringLiteral("Prefer: code must be a three-digit HTTP status code (100-599), got '%1'")
                        .arg(value.left(40)));
            }
            result.code = value.toInt();
        } else if (name == QLatin1String("example")) {
            if (value.isEmpty())
                return invalid(result, QStringLiteral("Prefer: example must name an example, got an empty value"));
            result.example = value;
        } else if (name == QLatin1String("dynamic")) {
            if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
                result.dynamic = true;
            } else if (value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
                result.dynamic = false;
            } else {
                return invalid(
                    result, QStringLiteral("Prefer: dynamic must be true or false, got '%1'").arg(value.left(40)));
            }
            result.hasDynamic = true;
        }
    }
    return result;
}
