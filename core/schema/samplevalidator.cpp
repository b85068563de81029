// SPDX-License-Identifier: MIT
#include "core/schema/samplevalidator.h"

#include <cmath>

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include "core/json/jsonpointer.h"
#include "core/schema/regexsampler.h"

namespace {

constexpr int kMaxDepth = 96;

bool isIntegral(double d)
{
    return std::isfinite(d) && std::floor(d) == d;
}

bool typeMatches(const QString& type, const QJsonValue& v)
{
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("integer"))
        return v.isDouble() && isIntegral(v.toDouble());
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("null"))
        return v.isNull();
    return true; // unknown type names do not constrain
}

const QRegularExpression& cached(const char* pattern)
{
    // Callers pass string literals; one compiled expression per literal.
    thread_local QHash<const char*, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QLatin1String(pattern)));
    return it.value();
}

bool validDate(int y, int m, int d)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

bool dateOk(const QString& s)
{
    const auto m = cached("^(\\d{4})-(\\d{2})-(\\d{2})$").match(s);
    return m.hasMatch() && validDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

bool timeOk(const QString& s)
{
    const auto m = cached("^(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))$").match(s);
    if (!m.hasMatch())
        return false;
    if (m.captured(1).toInt() > 23 || m.captured(2).toInt() > 59 || m.captured(3).toInt() > 60)
        return false;
    return m.captured(6).isEmpty() || (m.captured(6).toInt() <= 23 && m.captured(7).toInt() <= 59);
}

bool isMultipleOf(double value, double divisor)
{
    if (!(divisor > 0) || !std::isfinite(value))
        return true;
    const double q = value / divisor;
    if (!std::isfinite(q))
        return false;
    return std::fabs(q - std::round(q)) <= 1e-9 * qMax(1.0, std::fabs(q));
}

bool numberFormatAccepts(const QString& format, double value)
{
    if (format == QLatin1String("int32"))
        return isIntegral(value) && value >= -2147483648.0 && value <= 2147483647.0;
    if (format == QLatin1String("int64"))
        return isIntegral(value) && value >= -9223372036854775808.0 && value <= 9223372036854775807.0;
    return std::isfinite(value);
}

bool formatAccepts(const QString& format, const QString& s)
{
    if (format == QLatin1String("date-time")) {
        const int t = s.indexOf(QLatin1Char('T'), 0, Qt::CaseInsensitive);
        return t == 10 && dateOk(s.left(10)) && timeOk(s.mid(11));
    }
    if (format == QLatin1String("date"))
        return dateOk(s);
    if (format == QLatin1String("time"))
        return timeOk(s);
    if (format == QLatin1String("email"))
        return cached("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$")
                   .match(s)
                   .hasMatch()
            && !s.startsWith(QLatin1Char('.')) && !s.contains(QLatin1String("..")) && !s.contains(QLatin1String(".@"));
    if (format == QLatin1String("uuid"))
        return cached("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
            .match(s)
            .hasMatch();
    if (format == QLatin1String("uri") || format == QLatin1String("url")) {
        if (!cached("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$").match(s).hasMatch())
            return false;
        return QUrl(s, QUrl::StrictMode).isValid();
    }
    if (format == QLatin1String("uri-reference") || format == QLatin1String("iri-reference")
        || format == QLatin1String("uri-template"))
        return !cached("[\\s<>\"\\\\^`]").match(s).hasMatch();
    if (format == QLatin1String("hostname")) {
        if (s.isEmpty() || s.size() > 253)
            return false;
        return cached(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
            .match(s)
            .hasMatch();
    }
    if (format == QLatin1String("ipv4"))
        return cached("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$")
            .match(s)
            .hasMatch();
    if (format == QLatin1String("ipv6")) {
        if (!s.contains(QLatin1Char(':')) || s.contains(QLatin1Char('%')))
            return false;
        QHostAddress a;
        return a.setAddress(s) && a.protocol() == QAbstractSocket::IPv6Protocol;
    }
    if (format == QLatin1String("byte"))
        return s.size() % 4 == 0 && cached("^[A-Za-z0-9+/]*={0,2}$").match(s).hasMatch();
    return true;
}

} // namespace

QJsonValue SampleValidator::resolve(const QJsonValue& schema) const
{
    const QString ref = schema.toObject().value(QLatin1String("$ref")).toString();
    if (!JsonPointer::isLocalRef(ref))
        return QJsonValue(QJsonValue::Undefined);
    return JsonPointer::value(m_root, JsonPointer::fromFragment(ref));
}

SampleValidator::SampleValidator(const QJsonValue& root, SchemaDialect dialect, bool forResponse)
    : m_root(root)
    , m_dialect(dialect)
    , m_forResponse(forResponse)
{ }

bool SampleValidator::accepts(const QJsonValue& value, const QJsonValue& schema) const
{
    return check(value, schema, 0);
}

bool SampleValidator::hasFlag(const QJsonValue& schema, const QString& flag, int depth) const
{
    if (depth > 16 || !schema.isObject())
        return false;
    const QJsonObject o = schema.toObject();
    if (o.value(flag).toBool())
        return true;
    if (o.contains(QLatin1String("$ref")) && hasFlag(resolve(schema), flag, depth + 1))
        return true;
    for (const QJsonValue& s : o.value(QLatin1String("allOf")).toArray()) {
        if (hasFlag(s, flag, depth + 1))
            return true;
    }
    return false;
}

bool SampleValidator::check(const QJsonValue& value, const QJsonValue& schemaValue, int depth) const
{
    if (schemaValue.isBool())
        return schemaValue.toBool();
    if (!schemaValue.isObject() || depth > kMaxDepth)
        return true;
    const QJsonObject s = schemaValue.toObject();
    if (s.isEmpty())
        return true;
    const auto refIt = s.constFind(QLatin1String("$ref"));
    if (refIt != s.constEnd()) {
        const QJsonValue target = resolve(schemaValue);
        if (!target.isUndefined() && !check(value, target, depth + 1))
            return false;
        if (!isModernDialect(m_dialect))
            return true; // siblings of $ref are ignored before 2019-09
    }

    const auto typeIt = s.constFind(QLatin1String("type"));
    if (typeIt != s.constEnd()) {
        bool ok = false;
        if (typeIt->isArray()) {
            for (const QJsonValue& t : typeIt->toArray())
                ok = ok || typeMatches(t.toString(), value);
        } else {
            ok = typeMatches(typeIt->toString(), value);
        }
        if (!ok && value.isNull() && m_dialect == SchemaDialect::OpenApi30
            && s.value(QLatin1String("nullable")).toBool())
            ok = true;
        if (!ok)
            return false;
    }
    const auto enumIt = s.constFind(QLatin1String("enum"));
    if (enumIt != s.constEnd() && enumIt->isArray()) {
        if (!enumIt->toArray().contains(value))
            return false;
    }
    const auto constIt = s.constFind(QLatin1String("const"));
    if (constIt != s.constEnd() && *constIt != value)
        return false;

    if (value.isDouble()) {
        const double d = value.toDouble();
        const QJsonValue minimum = s.value(QLatin1String("minimum"));
        const QJsonValue maximum = s.value(QLatin1String("maximum"));
        const QJsonValue exMin = s.value(QLatin1String("exclusiveMinimum"));
        const QJsonValue exMax = s.value(QLatin1String("exclusiveMaximum"));
        if (minimum.isDouble() && (exMin.toBool() ? d <= minimum.toDouble() : d < minimum.toDouble()))
            return false;
        if (maximum.isDouble() && (exMax.toBool() ? d >= maximum.toDouble() : d > maximum.toDouble()))
            return false;
        if (exMin.isDouble() && d <= exMin.toDouble())
            return false;
        if (exMax.isDouble() && d >= exMax.toDouble())
            return false;
        const QJsonValue multiple = s.value(QLatin1String("multipleOf"));
        if (multiple.isDouble() && !isMultipleOf(d, multiple.toDouble()))
            return false;
        const QString format = s.value(QLatin1String("format")).toString();
        if (!format.isEmpty() && !numberFormatAccepts(format, d))
            return false;
    } else if (value.isString()) {
        const QString str = value.toString();
        const QJsonValue minL = s.value(QLatin1String("minLength"));
        const QJsonValue maxL = s.value(QLatin1String("maxLength"));
        if (minL.isDouble() || maxL.isDouble()) {
            const int len = RegexSampler::codePointLength(str);
            if (minL.isDouble() && len < minL.toDouble())
                return false;
            if (maxL.isDouble() && len > maxL.toDouble())
                return false;
        }
        const QJsonValue pattern = s.value(QLatin1String("pattern"));
        if (pattern.isString()) {
            const QRegularExpression re = RegexSampler::compile(pattern.toString());
            if (re.isValid() && !re.match(str).hasMatch())
                return false;
        }
        const QString format = s.value(QLatin1String("format")).toString();
        if (!format.isEmpty() && !formatAccepts(format, str))
            return false;
    } else if (value.isObject()) {
        if (!checkObject(value.toObject(), s, depth))
            return false;
    } else if (value.isArray()) {
        if (!checkArray(value.toArray(), s, depth))
            return false;
    }

    const auto allOf = s.constFind(QLatin1String("allOf"));
    if (allOf != s.constEnd()) {
        for (const QJsonValue& sub : allOf->toArray()) {
            if (!check(value, sub, depth + 1))
                return false;
        }
    }
    const auto anyOf = s.constFind(QLatin1String("anyOf"));
    if (anyOf != s.constEnd() && anyOf->isArray()) {
        bool ok = false;
        for (const QJsonValue& sub : anyOf->toArray()) {
            if (check(value, sub, depth + 1)) {
                ok = true;
                break;
            }
        }
        if (!ok)
            return false;
    }
    const auto oneOf = s.constFind(QLatin1String("oneOf"));
    if (oneOf != s.constEnd() && oneOf->isArray()) {
        int hits = 0;
        for (const QJsonValue& sub : oneOf->toArray()) {
            if (check(value, sub, depth + 1) && ++hits > 1)
                break;
        }
        if (hits != 1)
            return false;
    }
    const auto notIt = s.constFind(QLatin1String("not"));
    if (notIt != s.constEnd() && check(value, *notIt, depth + 1))
        return false;
    const auto ifIt = s.constFind(QLatin1String("if"));
    if (ifIt != s.constEnd()) {
        if (check(value, *ifIt, depth + 1)) {
            if (s.contains(QLatin1String("then")) && !check(value, s.value(QLatin1String("then")), depth + 1))
                return false;
        } else if (s.contains(QLatin1String("else")) && !check(value, s.value(QLatin1String("else")), depth + 1)) {
            return false;
        }
    }
    return true;
}

bool SampleValidator::checkObject(const QJsonObject& value, const QJsonObject& s, int depth) const
{
    const QString forbidden = m_forResponse ? QStringLiteral("writeOnly") : QStringLiteral("readOnly");
    const QJsonObject declared = s.value(QLatin1String("properties")).toObject();
    for (const QJsonValue& r : s.value(QLatin1String("required")).toArray()) {
        // OpenAPI: a required writeOnly property is only required in requests (and readOnly in responses).
        if (!value.contains(r.toString()) && !hasFlag(declared.value(r.toString()), forbidden, 0))
            return false;
    }
    const QJsonValue minP = s.value(QLatin1String("minProperties"));
    const QJsonValue maxP = s.value(QLatin1String("maxProperties"));
    if (minP.isDouble() && value.size() < minP.toDouble())
        return false;
    if (maxP.isDouble() && value.size() > maxP.toDouble())
        return false;
    const QJsonObject props = s.value(QLatin1String("properties")).toObject();
    const QJsonObject patternProps = s.value(QLatin1String("patternProperties")).toObject();
    const QJsonValue additional = s.value(QLatin1String("additionalProperties"));
    const QJsonValue names = s.value(QLatin1String("propertyNames"));
    const QJsonObject dependentRequired = s.value(QLatin1String("dependentRequired")).toObject();
    const QJsonObject dependencies = s.value(QLatin1String("dependencies")).toObject();
    for (auto it = value.constBegin(); it != value.constEnd(); ++it) {
        const QString key = it.key();
        bool matched = false;
        const auto prop = props.constFind(key);
        if (prop != props.constEnd()) {
            matched = true;
            if (!check(it.value(), prop.value(), depth + 1))
                return false;
            if (hasFlag(prop.value(), forbidden, 0))
                return false;
        }
        for (auto p = patternProps.constBegin(); p != patternProps.constEnd(); ++p) {
            const QRegularExpression re = RegexSampler::compile(p.key());
            if (re.isValid() && re.match(key).hasMatch()) {
                matched = true;
                if (!check(it.value(), p.value(), depth + 1))
                    return false;
            }
        }
        if (!matched && !additional.isUndefined() && !check(it.value(), additional, depth + 1))
            return false;
        if (names.isObject() && !check(QJsonValue(key), names, depth + 1))
            return false;
        for (const QJsonValue& dep : dependentRequired.value(key).toArray()) {
            if (!value.contains(dep.toString()))
                return false;
        }
        const QJsonValue dependency = dependencies.value(key);
        if (dependency.isArray()) {
            for (const QJsonValue& dep : dependency.toArray()) {
                if (!value.contains(dep.toString()))
                    return false;
            }
        } else if (dependency.isObject() && !check(QJsonValue(value), dependency, depth + 1)) {
            return false;
        }
    }
    return true;
}

bool SampleValidator::checkArray(const QJsonArray& value, const QJsonObject& s, int depth) const
{
    const QJsonValue minI = s.value(QLatin1String("minItems"));
    const QJsonValue maxI = s.value(QLatin1String("maxItems"));
    if (minI.isDouble() && value.size() < minI.toDouble())
        return false;
    if (maxI.isDouble() && value.size() > maxI.toDouble())
        return false;
    if (s.value(QLatin1String("uniqueItems")).toBool()) {
        for (int i = 0; i < value.size(); ++i) {
            for (int j = i + 1; j < value.size(); ++j) {
                if (value.at(i) == value.at(j))
                    return false;
            }
        }
    }
    int prefixCount = 0;
    QJsonValue rest = QJsonValue(QJsonValue::Undefined);
    const QJsonValue items = s.value(QLatin1String("items"));
    const QJsonValue prefix = s.value(QLatin1String("prefixItems"));
    QJsonArray tuple;
    if (prefix.isArray()) {
        tuple = prefix.toArray();
        rest = items;
    } else if (items.isArray()) {
        tuple = items.toArray();
        rest = s.value(QLatin1String("additionalItems"));
    } else {
        rest = items;
    }
    prefixCount = int(tuple.size());
    for (int i = 0; i < value.size(); ++i) {
        const QJsonValue sub = i < prefixCount ? tuple.at(i) : rest;
        if (!sub.isUndefined() && !check(value.at(i), sub, depth + 1))
            return false;
    }
    const QJsonValue contains = s.value(QLatin1String("contains"));
    if (!contains.isUndefined()) {
        int hits = 0;
        for (const QJsonValue& v : value)
            hits += check(v, contains, depth + 1) ? 1 : 0;
        const QJsonValue minC = s.value(QLatin1String("minContains"));
        const QJsonValue maxC = s.value(QLatin1String("maxContains"));
        if (hits < (minC.isDouble() ? minC.toDouble() : 1.0))
            return false;
        if (maxC.isDouble() && hits > maxC.toDouble())
            return false;
    }
    return true;
}
