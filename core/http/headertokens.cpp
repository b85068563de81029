// SPDX-License-Identifier: MIT
#include "core/http/headertokens.h"

namespace HeaderTokens {

QStringList splitOutsideQuotes(const QString& text, QStringView separators, Escapes escapes)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == QLatin1Char('\\') && i + 1 < text.size()) {
            if (escapes == Escapes::Keep)
                current += c;
            current += text.at(++i);
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (!quoted && separators.contains(c)) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current);
    return parts;
}

QString unquote(const QString& value, Escapes escapes)
{
    if (value.size() < 2 || !value.startsWith(QLatin1Char('"')) || !value.endsWith(QLatin1Char('"')))
        return value;
    const QString inner = value.mid(1, value.size() - 2);
    if (escapes == Escapes::Keep)
        return inner;
    QString out;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == QLatin1Char('\\') && i + 1 < inner.size())
            ++i;
        out += inner.at(i);
    }
    return out;
}

} // namespace HeaderTokens
