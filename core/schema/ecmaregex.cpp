// SPDX-License-Identifier: MIT
#include "core/schema/ecmaregex.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QMutexLocker>

namespace EcmaRegex {

namespace {

const QLatin1String kWhiteSpace(
    "\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}");

bool isHexDigit(QChar c)
{
    return c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
}

// ECMA spells Unicode properties out ("Letter", "Script=Greek"); PCRE wants the short forms.
QString pcrePropertyName(const QString& name)
{
    static const QHash<QString, QString> longNames = {
        { QStringLiteral("Letter"), QStringLiteral("L") },
        { QStringLiteral("Lowercase_Letter"), QStringLiteral("Ll") },
        { QStringLiteral("Uppercase_Letter"), QStringLiteral("Lu") },
        { QStringLiteral("Titlecase_Letter"), QStringLiteral("Lt") },
        { QStringLiteral("Modifier_Letter"), QStringLiteral("Lm") },
        { QStringLiteral("Other_Letter"), QStringLiteral("Lo") },
        { QStringLiteral("Mark"), QStringLiteral("M") },
        { QStringLiteral("Number"), QStringLiteral("N") },
        { QStringLiteral("Decimal_Number"), QStringLiteral("Nd") },
        { QStringLiteral("digit"), QStringLiteral("Nd") },
        { QStringLiteral("Letter_Number"), QStringLiteral("Nl") },
        { QStringLiteral("Other_Number"), QStringLiteral("No") },
        { QStringLiteral("Punctuation"), QStringLiteral("P") },
        { QStringLiteral("Symbol"), QStringLiteral("S") },
        { QStringLiteral("Separator"), QStringLiteral("Z") },
        { QStringLiteral("Space_Separator"), QStringLiteral("Zs") },
        { QStringLiteral("Other"), QStringLiteral("C") },
        { QStringLiteral("Control"), QStringLiteral("Cc") },
    };
    QString n = name;
    const int eq = n.indexOf(QLatin1Char('='));
    if (eq >= 0)
        n = n.mid(eq + 1); // "Script=Greek", "gc=Lu", "General_Category=Letter"
    return longNames.value(n, n);
}

} // namespace

QString toPcre(const QString& p)
{
    QString out;
    out.reserve(p.size() + 8);
    bool inClass = false;
    for (int i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('\\') && i + 1 < p.size()) {
            const QChar e = p.at(i + 1);
            ++i;
            if (e == QLatin1Char('d')) {
                out += inClass ? QStringLiteral("0-9") : QStringLiteral("[0-9]");
            } else if (e == QLatin1Char('D') && !inClass) {
                out += QStringLiteral("[^0-9]");
            } else if (e == QLatin1Char('s')) {
                out += inClass ? QString(kWhiteSpace) : QLatin1Char('[') + QString(kWhiteSpace) + QLatin1Char(']');
            } else if (e == QLatin1Char('S') && !inClass) {
                out += QStringLiteral("[^") + QString(kWhiteSpace) + QLatin1Char(']');
            } else if ((e == QLatin1Char('p') || e == QLatin1Char('P')) && i + 1 < p.size()
                && p.at(i + 1) == QLatin1Char('{')) {
                const int close = p.indexOf(QLatin1Char('}'), i + 2);
                if (close < 0) {
                    out += c;
                    out += e;
                    continue;
                }
                out += QLatin1Char('\\') + e + QLatin1Char('{') + pcrePropertyName(p.mid(i + 2, close - i - 2))
                    + QLatin1Char('}');
                i = close;
            } else if (e == QLatin1Char('u')) {
                if (i + 1 < p.size() && p.at(i + 1) == QLatin1Char('{')) {
                    const int close = p.indexOf(QLatin1Char('}'), i + 2);
                    if (close > 0) {
                        out += QStringLiteral("\\x{") + p.mid(i + 2, close - i - 2) + QLatin1Char('}');
                        i = close;
                        continue;
                    }
                }
                if (i + 4 < p.size() && isHexDigit(p.at(i + 1)) && isHexDigit(p.at(i + 2)) && isHexDigit(p.at(i + 3))
                    && isHexDigit(p.at(i + 4))) {
                    out += QStringLiteral("\\x{") + p.mid(i + 1, 4) + QLatin1Char('}');
                    i += 4;
                } else {
                    out += QLatin1Char('u');
                }
            } else {
                out += c;
                out += e;
            }
            continue;
        }
        if (inClass) {
            if (c == QLatin1Char(']'))
                inClass = false;
            out += c;
            continue;
        }
        if (c == QLatin1Char('[')) {
            inClass = true;
            out += c;
            // a leading ']' (or '^]') is a literal in PCRE but closes an empty class in ECMA; keep PCRE's view
            continue;
        }
        if (c == QLatin1Char('$')) {
            out += QStringLiteral("(?!\\n)$");
            continue;
        }
        out += c;
    }
    return out;
}

QRegularExpression compile(const QString& ecmaPattern)
{
    constexpr qsizetype kMaxCached = 4096;
    static QMutex mutex;
    static QHash<QString, QRegularExpression> cache;
    QMutexLocker lock(&mutex);
    const auto it = cache.constFind(ecmaPattern);
    if (it != cache.constEnd())
        return it.value();
    QRegularExpression re(toPcre(ecmaPattern));
    re.optimize();
    if (cache.size() >= kMaxCached)
        cache.clear();
    cache.insert(ecmaPattern, re);
    return re;
}

bool isValidPattern(const QString& ecmaPattern)
{
    // ECMA has no \Z, \A, \z and no possessive or lookbehind-free restrictions we could check cheaply;
    // reject the escapes PCRE accepts but ECMA does not know.
    for (int i = 0; i + 1 < ecmaPattern.size(); ++i) {
        if (ecmaPattern.at(i) == QLatin1Char('\\')) {
            const QChar e = ecmaPattern.at(i + 1);
            if (e == QLatin1Char('Z') || e == QLatin1Char('A') || e == QLatin1Char('z') || e == QLatin1Char('a'))
                return false;
            ++i;
        }
    }
    return compile(ecmaPattern).isValid();
}

bool mayBacktrackCatastrophically(const QString& p)
{
    // For every open group remember whether something inside it repeats without bound.
    QList<bool> groupHasRepeat;
    bool inClass = false;
    auto unboundedAt = [&p](int i) {
        if (i >= p.size())
            return false;
        const QChar q = p.at(i);
        if (q == QLatin1Char('+') || q == QLatin1Char('*'))
            return true;
        if (q == QLatin1Char('{')) {
            const int close = p.indexOf(QLatin1Char('}'), i);
            return close > 0 && p.mid(i, close - i).endsWith(QLatin1Char(','));
        }
        return false;
    };
    for (int i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
            if (unboundedAt(i + 1) && !groupHasRepeat.isEmpty())
                groupHasRepeat.last() = true;
            continue;
        }
        if (inClass) {
            if (c == QLatin1Char(']')) {
                inClass = false;
                if (unboundedAt(i + 1) && !groupHasRepeat.isEmpty())
                    groupHasRepeat.last() = true;
            }
            continue;
        }
        if (c == QLatin1Char('[')) {
            inClass = true;
        } else if (c == QLatin1Char('(')) {
            groupHasRepeat.append(false);
        } else if (c == QLatin1Char(')')) {
            const bool inner = groupHasRepeat.isEmpty() ? false : groupHasRepeat.takeLast();
            const bool repeated = unboundedAt(i + 1);
            if (inner && repeated)
                return true;
            if ((inner || repeated) && !groupHasRepeat.isEmpty())
                groupHasRepeat.last() = true;
        } else if (unboundedAt(i + 1) && !groupHasRepeat.isEmpty()) {
            groupHasRepeat.last() = true;
        }
    }
    return false;
}

} // namespace EcmaRegex
