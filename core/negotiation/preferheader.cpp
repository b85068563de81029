// SPDX-License-Identifier: MIT
#include "core/negotiation/preferheader.h"

#include <QStringList>

namespace {

// Splits at commas and semicolons outside double quotes, so `example="a, b"` stays whole.
QStringList splitPreferences(const QString& header)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QChar c = header.at(i);
        if (quoted && c == QLatin1Char('\\') && i + 1 < header.size()) {
            current += header.at(++i);
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            current += c;
            continue;
        }
        if (!quoted && (c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current);
    return parts;
}

QString unquote(const QString& value)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2);
    return value;
}

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
    for (const QString& rawPart : splitPreferences(header)) {
        const QString part = rawPart.trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (part.isEmpty() || eq < 0)
            continue; // bare preferences such as `respond-async` are not ours
        const QString name = part.left(eq).trimmed().toLower();
        const QString value = unquote(part.mid(eq + 1).trimmed()).trimmed();

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
                return invalid(result,
                               QStringLiteral("Prefer: dynamic must be true or false, got '%1'").arg(value.left(40)));
            }
            result.hasDynamic = true;
        }
    }
    return result;
}
