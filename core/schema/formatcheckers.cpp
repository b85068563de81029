// SPDX-License-Identifier: MIT
#include "core/schema/formatcheckers.h"

#include <array>
#include <cmath>
#include <cstring>

#include <QHash>
#include <QStringList>

#include "core/schema/ecmaregex.h"

namespace SchemaFormats {

namespace {

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

bool isHex(QChar c)
{
    const ushort u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

bool isAlpha(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Reads exactly `count` ASCII digits at `pos`; -1 when they are not there.
int digits(const QString& s, int pos, int count)
{
    if (pos + count > s.size())
        return -1;
    int value = 0;
    for (int i = pos; i < pos + count; ++i) {
        if (!isDigit(s.at(i)))
            return -1;
        value = value * 10 + (s.at(i).unicode() - '0');
    }
    return value;
}

bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && isLeapYear(y))
        return 29;
    return days[m - 1];
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). A leap second must fall on 23:59:60 UTC.
bool parseTime(const QString& s)
{
    const int h = digits(s, 0, 2);
    if (h < 0 || s.size() < 9 || s.at(2) != QLatin1Char(':') || s.at(5) != QLatin1Char(':'))
        return false;
    const int m = digits(s, 3, 2);
    const int sec = digits(s, 6, 2);
    if (m < 0 || sec < 0 || h > 23 || m > 59 || sec > 60)
        return false;
    int pos = 8;
    if (pos < s.size() && s.at(pos) == QLatin1Char('.')) {
        ++pos;
        const int start = pos;
        while (pos < s.size() && isDigit(s.at(pos)))
            ++pos;
        if (pos == start)
            return false;
    }
    if (pos >= s.size())
        return false;
    int offsetMinutes = 0;
    const QChar z = s.at(pos);
    if (z == QLatin1Char('Z') || z == QLatin1Char('z')) {
        if (pos + 1 != s.size())
            return false;
    } else if (z == QLatin1Char('+') || z == QLatin1Char('-')) {
        if (s.size() != pos + 6 || s.at(pos + 3) != QLatin1Char(':'))
            return false;
        const int oh = digits(s, pos + 1, 2);
        const int om = digits(s, pos + 4, 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return false;
        offsetMinutes = (oh * 60 + om) * (z == QLatin1Char('+') ? 1 : -1);
    } else {
        return false;
    }
    if (sec == 60) {
        int utc = (h * 60 + m - offsetMinutes) % (24 * 60);
        if (utc < 0)
            utc += 24 * 60;
        if (utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

bool isIpv4Group(const QString& g)
{
    if (g.isEmpty() || g.size() > 3)
        return false;
    for (QChar c : g) {
        if (!isDigit(c))
            return false;
    }
    if (g.size() > 1 && g.at(0) == QLatin1Char('0'))
        return false;
    return g.toInt() <= 255;
}

bool isHostLabel(const QString& label)
{
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    for (QChar c : label) {
        if (!isAlpha(c) && !isDigit(c) && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

bool isUriChar(QChar c)
{
    const ushort u = c.unicode();
    if (isAlpha(c) || isDigit(c))
        return true;
    static const auto table = [] {
        std::array<bool, 128> t {};
        for (const char* p = "-._~:/?#[]@!$&'()*+,;=%"; *p; ++p)
            t[size_t(*p)] = true;
        return t;
    }();
    return u < 128 && table[u];
}

} // namespace

Kind kindOf(const QString& f)
{
    static const QHash<QString, Kind> kinds = {
        { QStringLiteral("date-time"), Kind::DateTime },
        { QStringLiteral("date"), Kind::Date },
        { QStringLiteral("time"), Kind::Time },
        { QStringLiteral("email"), Kind::Email },
        { QStringLiteral("uuid"), Kind::Uuid },
        { QStringLiteral("uri"), Kind::Uri },
        { QStringLiteral("uri-reference"), Kind::UriReference },
        { QStringLiteral("ipv4"), Kind::Ipv4 },
        { QStringLiteral("ipv6"), Kind::Ipv6 },
        { QStringLiteral("hostname"), Kind::Hostname },
        { QStringLiteral("json-pointer"), Kind::JsonPointer },
        { QStringLiteral("regex"), Kind::Regex },
        { QStringLiteral("duration"), Kind::Duration },
        { QStringLiteral("int32"), Kind::Int32 },
        { QStringLiteral("int64"), Kind::Int64 },
        { QStringLiteral("byte"), Kind::Byte },
    };
    return kinds.value(f, Kind::Unknown);
}

bool check(Kind kind, const QJsonValue& value)
{
    if (kind == Kind::Int32 || kind == Kind::Int64) {
        if (!value.isDouble())
            return true;
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d)
            return false;
        if (kind == Kind::Int32)
            return d >= -2147483648.0 && d <= 2147483647.0;
        return d >= -9223372036854775808.0 && d < 9223372036854775808.0;
    }
    if (!value.isString())
        return true;
    const QString s = value.toString();
    switch (kind) {
    case Kind::DateTime:
        return isDateTime(s);
    case Kind::Date:
        return isDate(s);
    case Kind::Time:
        return isTime(s);
    case Kind::Email:
        return isEmail(s);
    case Kind::Uuid:
        return isUuid(s);
    case Kind::Uri:
        return isUri(s, false);
    case Kind::UriReference:
        return isUri(s, true);
    case Kind::Ipv4:
        return isIpv4(s);
    case Kind::Ipv6:
        return isIpv6(s);
    case Kind::Hostname:
        return isHostname(s);
    case Kind::JsonPointer:
        return isJsonPointer(s);
    case Kind::Regex:
        return EcmaRegex::isValidPattern(s);
    case Kind::Duration:
        return isDuration(s);
    case Kind::Byte:
        return isBase64(s);
    default:
        return true;
    }
}

bool isBase64(const QString& s)
{
    qsizetype end = s.size();
    int padding = 0;
    while (end > 0 && s.at(end - 1) == QLatin1Char('=') && padding < 2) {
        --end;
        ++padding;
    }
    for (qsizetype i = 0; i < end; ++i) {
        const char16_t c = s.at(i).unicode();
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
            || c == '/' || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    if (padding > 0 && s.size() % 4 != 0)
        return false;
    return end % 4 != 1;
}

bool isDate(const QString& s)
{
    if (s.size() != 10 || s.at(4) != QLatin1Char('-') || s.at(7) != QLatin1Char('-'))
        return false;
    const int y = digits(s, 0, 4);
    const int m = digits(s, 5, 2);
    const int d = digits(s, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= daysInMonth(y, m);
}

bool isTime(const QString& s)
{
    return parseTime(s);
}

bool isDateTime(const QString& s)
{
    if (s.size() < 20)
        return false;
    const QChar t = s.at(10);
    if (t != QLatin1Char('T') && t != QLatin1Char('t'))
        return false;
    return isDate(s.left(10)) && parseTime(s.mid(11));
}

bool isEmail(const QString& s)
{
    const int at = s.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == s.size() - 1)
        return false;
    const QString local = s.left(at);
    const QString domain = s.mid(at + 1);
    if (local.startsWith(QLatin1Char('"')) && local.endsWith(QLatin1Char('"')) && local.size() >= 2) {
        // quoted local part: anything printable
    } else {
        if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
            || local.contains(QLatin1String("..")))
            return false;
        for (QChar c : local) {
            if (c.unicode() < 33 || c.unicode() > 126 || QStringLiteral("()<>[]:;@\\,\"").contains(c))
                return false;
        }
    }
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        const QString literal = domain.mid(1, domain.size() - 2);
        if (literal.startsWith(QLatin1String("IPv6:")))
            return isIpv6(literal.mid(5));
        return isIpv4(literal);
    }
    return isHostname(domain);
}

bool isUuid(const QString& s)
{
    if (s.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s.at(i) != QLatin1Char('-') : !isHex(s.at(i)))
            return false;
    }
    return true;
}

bool isUri(const QString& s, bool allowRelative)
{
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!isUriChar(c))
            return false;
        if (c == QLatin1Char('%') && (i + 2 >= s.size() || !isHex(s.at(i + 1)) || !isHex(s.at(i + 2))))
            return false;
    }
    int colon = -1;
    if (!s.isEmpty() && isAlpha(s.at(0))) {
        int i = 1;
        while (i < s.size()
            && (isAlpha(s.at(i)) || isDigit(s.at(i)) || s.at(i) == QLatin1Char('+') || s.at(i) == QLatin1Char('-')
                || s.at(i) == QLatin1Char('.')))
            ++i;
        if (i < s.size() && s.at(i) == QLatin1Char(':'))
            colon = i;
    }
    if (colon < 0 && !allowRelative)
        return false;
    QString rest = s.mid(colon + 1);
    // '#' may appear only once (the fragment delimiter); '[' ']' only around an IPv6 host.
    const int hash = rest.indexOf(QLatin1Char('#'));
    if (hash >= 0 && rest.indexOf(QLatin1Char('#'), hash + 1) >= 0)
        return false;
    if (rest.startsWith(QLatin1String("//"))) {
        int end = 2;
        while (end < rest.size() && rest.at(end) != QLatin1Char('/') && rest.at(end) != QLatin1Char('?')
            && rest.at(end) != QLatin1Char('#'))
            ++end;
        QString authority = rest.mid(2, end - 2);
        const int atSign = authority.lastIndexOf(QLatin1Char('@'));
        if (atSign >= 0) {
            const QString userInfo = authority.left(atSign);
            if (userInfo.contains(QLatin1Char('[')) || userInfo.contains(QLatin1Char(']'))
                || userInfo.contains(QLatin1Char('@')))
                return false;
            authority = authority.mid(atSign + 1);
        }
        if (authority.startsWith(QLatin1Char('['))) {
            const int close = authority.indexOf(QLatin1Char(']'));
            if (close < 0)
                return false;
            const QString literal = authority.mid(1, close - 1);
            if (!literal.startsWith(QLatin1Char('v'), Qt::CaseInsensitive) && !isIpv6(literal))
                return false;
            const QString port = authority.mid(close + 1);
            if (!port.isEmpty() && !port.startsWith(QLatin1Char(':')))
                return false;
            for (int i = 1; i < port.size(); ++i) {
                if (!isDigit(port.at(i)))
                    return false;
            }
        } else {
            if (authority.contains(QLatin1Char('[')) || authority.contains(QLatin1Char(']')))
                return false;
            const int portColon = authority.indexOf(QLatin1Char(':'));
            if (portColon >= 0) {
                for (int i = portColon + 1; i < authority.size(); ++i) {
                    if (!isDigit(authority.at(i)))
                        return false;
                }
            }
        }
        rest = rest.mid(end);
    } else if (colon < 0) {
        // a relative reference's first segment must not look like a scheme
        const int firstSlash = rest.indexOf(QLatin1Char('/'));
        const QString firstSegment = firstSlash < 0 ? rest : rest.left(firstSlash);
        if (firstSegment.contains(QLatin1Char(':')))
            return false;
    }
    if (rest.contains(QLatin1Char('[')) || rest.contains(QLatin1Char(']')))
        return false;
    return true;
}

bool isIpv4(const QString& s)
{
    const QStringList groups = s.split(QLatin1Char('.'));
    if (groups.size() != 4)
        return false;
    for (const QString& g : groups) {
        if (!isIpv4Group(g))
            return false;
    }
    return true;
}

bool isIpv6(const QString& s)
{
    if (s.isEmpty() || s.size() > 45)
        return false;
    QString body = s;
    int maxGroups = 8;
    // An embedded IPv4 tail takes the room of two groups.
    const int lastColon = body.lastIndexOf(QLatin1Char(':'));
    if (lastColon >= 0 && body.indexOf(QLatin1Char('.'), lastColon) >= 0) {
        if (!isIpv4(body.mid(lastColon + 1)))
            return false;
        body = body.left(lastColon + 1) + QStringLiteral("0");
        maxGroups = 7;
    }
    const int dbl = body.indexOf(QLatin1String("::"));
    if (dbl >= 0 && body.indexOf(QLatin1String("::"), dbl + 1) >= 0)
        return false;
    auto countGroups = [](const QString& part, int* n) {
        if (part.isEmpty())
            return true;
        const QStringList groups = part.split(QLatin1Char(':'));
        for (const QString& g : groups) {
            if (g.isEmpty() || g.size() > 4)
                return false;
            for (QChar c : g) {
                if (!isHex(c))
                    return false;
            }
        }
        *n += int(groups.size());
        return true;
    };
    int n = 0;
    if (dbl >= 0) {
        if (!countGroups(body.left(dbl), &n) || !countGroups(body.mid(dbl + 2), &n))
            return false;
        return n < maxGroups;
    }
    if (!countGroups(body, &n))
        return false;
    return n == maxGroups;
}

bool isHostname(const QString& s)
{
    const QString& host = s;
    if (host.isEmpty() || host.size() > 253)
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    for (const QString& label : labels) {
        if (!isHostLabel(label))
            return false;
    }
    return true;
}

bool isJsonPointer(const QString& s)
{
    if (s.isEmpty())
        return true;
    if (!s.startsWith(QLatin1Char('/')))
        return false;
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('~')
            && (i + 1 >= s.size() || (s.at(i + 1) != QLatin1Char('0') && s.at(i + 1) != QLatin1Char('1'))))
            return false;
    }
    return true;
}

bool isDuration(const QString& s)
{
    // ISO 8601 (RFC 3339 appendix A): P[nY][nM][nD][T[nH][nM][nS]] or PnW, with units in order.
    if (s.size() < 3 || s.at(0) != QLatin1Char('P'))
        return false;
    static const QString dateUnits = QStringLiteral("YMD");
    static const QString timeUnits = QStringLiteral("HMS");
    int pos = 1;
    bool inTime = false;
    bool any = false;
    bool timeAny = false;
    int lastUnit = -1;
    while (pos < s.size()) {
        if (s.at(pos) == QLatin1Char('T')) {
            if (inTime)
                return false;
            inTime = true;
            lastUnit = -1;
            ++pos;
            continue;
        }
        const int start = pos;
        while (pos < s.size() && isDigit(s.at(pos)))
            ++pos;
        if (pos == start || pos >= s.size())
            return false;
        const QChar unit = s.at(pos++);
        if (!inTime && unit == QLatin1Char('W')) {
            return !any && pos == s.size();
        }
        const int index = (inTime ? timeUnits : dateUnits).indexOf(unit);
        if (index < 0 || index <= lastUnit)
            return false;
        lastUnit = index;
        any = true;
        if (inTime)
            timeAny = true;
    }
    return any && (!inTime || timeAny);
}

} // namespace SchemaFormats
