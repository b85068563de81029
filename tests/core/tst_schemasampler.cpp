// SPDX-License-Identifier: MIT
// Tests for SchemaSampler: every sample honours its schema, feature by feature, and stays deterministic.
#include <cmath>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "core/json/jsonpointer.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"
#include "schematestutils.h"
#include "testutils.h"

Q_DECLARE_METATYPE(SchemaDialect)

using SchemaTestUtils::allFinite;

namespace {

constexpr SchemaDialect kV30 = SchemaDialect::OpenApi30;
constexpr SchemaDialect kV31 = SchemaDialect::OpenApi31;

// Rows give a whole document whose "schema" member is sampled; $refs point into the same document.
QJsonObject parseDoc(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("row JSON does not parse: %s at %d", qPrintable(error.errorString()), error.offset);
    return d.object();
}

// These rows pin the plain synthesis, which realistic values fall back to (tst_realisticvalues covers those).
QJsonValue sampleDoc(
    const QJsonObject& doc, SchemaDialect dialect, const SampleOptions& options = {}, QStringList* notes = nullptr)
{
    SampleOptions plain = options;
    plain.realistic = false;
    return SchemaSampler::sample(doc, doc.value(QLatin1String("schema")), dialect, plain, notes);
}

QJsonValue parseValue(const QByteArray& wrapped)
{
    return QJsonDocument::fromJson("[" + wrapped + "]").array().at(0);
}

QString show(const QJsonValue& v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact));
}

int countNodes(const QJsonValue& v)
{
    int n = 1;
    if (v.isObject()) {
        for (const QJsonValue& c : v.toObject())
            n += countNodes(c);
    } else if (v.isArray()) {
        for (const QJsonValue& c : v.toArray())
            n += countNodes(c);
    }
    return n;
}

int depthOf(const QJsonValue& v)
{
    int d = 0;
    if (v.isObject()) {
        for (const QJsonValue& c : v.toObject())
            d = qMax(d, depthOf(c));
        return d + 1;
    }
    if (v.isArray()) {
        for (const QJsonValue& c : v.toArray())
            d = qMax(d, depthOf(c));
        return d + 1;
    }
    return 0;
}

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return std::floor(v.toDouble()) == v.toDouble() ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

int codePoints(const QString& s)
{
    return int(s.toUcs4().size());
}

bool isMultiple(double v, double m)
{
    const double q = v / m;
    return std::fabs(q - std::round(q)) < 1e-9 * qMax(1.0, std::fabs(q));
}

// Independent (hand-written) format checks, so the tests do not trust the sampler's own checker.
bool formatHolds(const QString& format, const QString& s)
{
    static const QHash<QString, QString> patterns = {
        { QStringLiteral("date-time"),
            QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?"
                           "(Z|[+-]\\d{2}:\\d{2})$") },
        { QStringLiteral("date"), QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$") },
        { QStringLiteral("time"),
            QStringLiteral("^([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$") },
        { QStringLiteral("email"), QStringLiteral("^[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$") },
        { QStringLiteral("uuid"), QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") },
        { QStringLiteral("uri"), QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$") },
        { QStringLiteral("uri-reference"), QStringLiteral("^\\S+$") },
        { QStringLiteral("hostname"),
            QStringLiteral(
                "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$") },
        { QStringLiteral("byte"), QStringLiteral("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$") },
    };
    if (format == QLatin1String("ipv4")) {
        QHostAddress a;
        return a.setAddress(s) && a.protocol() == QAbstractSocket::IPv4Protocol && s.count(QLatin1Char('.')) == 3;
    }
    if (format == QLatin1String("ipv6")) {
        QHostAddress a;
        return a.setAddress(s) && a.protocol() == QAbstractSocket::IPv6Protocol;
    }
    const auto it = patterns.constFind(format);
    if (it == patterns.constEnd())
        return true;
    return QRegularExpression(it.value()).match(s).hasMatch();
}

// Empty when `value` satisfies the document's "schema" according to the project's validator, else its errors.
QString validationErrors(
    const QJsonObject& doc, SchemaDialect dialect, const QJsonValue& value, bool forResponse = true)
{
    const CompiledSchemaPtr schema = SchemaValidator::compile(doc, QStringLiteral("/schema"), dialect);
    QList<SchemaError> errors;
    if (schema->validate(value, forResponse ? ValidationDirection::Response : ValidationDirection::Request, &errors))
        return QString();
    QStringList lines { show(value) };
    for (const SchemaError& e : std::as_const(errors))
        lines.append(e.toString());
    return lines.join(QLatin1String("; "));
}

// Common to every row: deterministic, and accepted by the project's validator.
void checkCommon(
    const QJsonObject& doc, SchemaDialect dialect, const QJsonValue& value, const SampleOptions& options = {})
{
    QCOMPARE(sampleDoc(doc, dialect, options), value);
    const QString errors = validationErrors(doc, dialect, value, options.forResponse);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY(allFinite(value));
}

} // namespace

class TestSchemaSampler : public QObject
{
    Q_OBJECT

private slots:
    void scalars_data();
    void scalars();
    void numbers_data();
    void numbers();
    void impossibleNumberBounds_data();
    void impossibleNumberBounds();
    void strings_data();
    void strings();
    void objects_data();
    void objects();
    void arrays_data();
    void arrays();
    void combinators_data();
    void combinators();
    void recursion_data();
    void recursion();
    void nodeBudget();
    void depthLimitDropsOptional();
    void requiredGoDeeperThanOptional();
    void notesExplainChoices();
    void unresolvableRefs_data();
    void unresolvableRefs();
    void githubResponses();
    void impossibleSchemas_data();
    void impossibleSchemas();
    void impossibleBranchIsSkipped();
    void budget_data();
    void budget();
    void timeBudget();
    void manyRequiredProperties();
};

void TestSchemaSampler::scalars_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<SchemaDialect>("dialect");
    QTest::addColumn<QString>("type"); // expected JSON type ("integer" = integral number)
    QTest::addColumn<QString>("format"); // checked with formatHolds() when set
    QTest::addColumn<QByteArray>("exact"); // exact expected value when not empty

    QTest::addRow("string") << QByteArray(R"({"schema":{"type":"string"}})") << kV30 << "string"
                            << "" << QByteArray();
    QTest::addRow("integer") << QByteArray(R"({"schema":{"type":"integer"}})") << kV30 << "integer"
                             << "" << QByteArray("0");
    QTest::addRow("number") << QByteArray(R"({"schema":{"type":"number"}})") << kV30 << "integer"
                            << "" << QByteArray();
    QTest::addRow("boolean") << QByteArray(R"({"schema":{"type":"boolean"}})") << kV30 << "boolean"
                             << "" << QByteArray();
    QTest::addRow("null (3.1)") << QByteArray(R"({"schema":{"type":"null"}})") << kV31 << "null"
                                << "" << QByteArray("null");
    QTest::addRow("object") << QByteArray(R"({"schema":{"type":"object"}})") << kV30 << "object"
                            << "" << QByteArray("{}");
    QTest::addRow("array") << QByteArray(R"({"schema":{"type":"array","items":{"type":"string"}}})") << kV30 << "array"
                           << "" << QByteArray();
    QTest::addRow("type array prefers first non-null (3.1)")
        << QByteArray(R"({"schema":{"type":["null","integer","string"]}})") << kV31 << "integer"
        << "" << QByteArray();
    QTest::addRow("nullable stays non-null (3.0)")
        << QByteArray(R"({"schema":{"type":"string","nullable":true}})") << kV30 << "string"
        << "" << QByteArray();
    QTest::addRow("untyped with minLength is a string")
        << QByteArray(R"({"schema":{"minLength":2}})") << kV30 << "string"
        << "" << QByteArray();
    for (const char* f :
        { "date-time", "date", "time", "email", "uuid", "uri", "uri-reference", "hostname", "ipv4", "ipv6", "byte" }) {
        QTest::addRow("format %s", f) << QByteArray(
            R"({"schema":{"type":"string","format":")" + QByteArray(f) + R"("}})")
                                      << kV30 << "string" << QString::fromLatin1(f) << QByteArray();
    }
    QTest::addRow("format binary") << QByteArray(R"({"schema":{"type":"string","format":"binary"}})") << kV30
                                   << "string"
                                   << "" << QByteArray();
    QTest::addRow("format password") << QByteArray(R"({"schema":{"type":"string","format":"password"}})") << kV30
                                     << "string"
                                     << "" << QByteArray();
    QTest::addRow("format int32") << QByteArray(R"({"schema":{"type":"integer","format":"int32","minimum":-5}})")
                                  << kV30 << "integer"
                                  << "" << QByteArray("0");
    QTest::addRow("format int64") << QByteArray(R"({"schema":{"type":"integer","format":"int64"}})") << kV30
                                  << "integer"
                                  << "" << QByteArray();
    QTest::addRow("format float") << QByteArray(R"({"schema":{"type":"number","format":"float"}})") << kV30 << "integer"
                                  << "" << QByteArray();
    QTest::addRow("format double") << QByteArray(R"({"schema":{"type":"number","format":"double","minimum":1.5}})")
                                   << kV30 << "number"
                                   << "" << QByteArray("1.5");

    QTest::addRow("enum takes the first value")
        << QByteArray(R"({"schema":{"type":"string","enum":["open","closed"]}})") << kV30 << "string"
        << "" << QByteArray(R"("open")");
    QTest::addRow("enum skips values of the wrong type")
        << QByteArray(R"({"schema":{"type":"string","enum":[1,"b"]}})") << kV30 << "string"
        << "" << QByteArray(R"("b")");
    QTest::addRow("const") << QByteArray(R"({"schema":{"const":"fixed"}})") << kV31 << "string"
                           << "" << QByteArray(R"("fixed")");
    QTest::addRow("valid default") << QByteArray(R"({"schema":{"type":"integer","default":42}})") << kV30 << "integer"
                                   << "" << QByteArray("42");
    QTest::addRow("invalid default is ignored")
        << QByteArray(R"({"schema":{"type":"integer","minimum":10,"default":3}})") << kV30 << "integer"
        << "" << QByteArray("10");
    QTest::addRow("example beats default")
        << QByteArray(R"({"schema":{"type":"string","example":"ex","default":"def"}})") << kV30 << "string"
        << "" << QByteArray(R"("ex")");
    QTest::addRow("examples array (3.1), first valid")
        << QByteArray(R"({"schema":{"type":"string","maxLength":3,"examples":["too long","ok"]}})") << kV31 << "string"
        << "" << QByteArray(R"("ok")");
    QTest::addRow("example with a bad format is ignored")
        << QByteArray(R"({"schema":{"type":"string","format":"date","example":"yesterday"}})") << kV30 << "string"
        << "date" << QByteArray(R"("2024-01-01")");
    QTest::addRow("object example used when valid") << QByteArray(
        R"({"schema":{"type":"object","required":["a"],"properties":{"a":{"type":"integer"}},"example":{"a":7}}})")
                                                    << kV30 << "object"
                                                    << "" << QByteArray(R"({"a":7})");
    QTest::addRow("object example with a writeOnly property is not used in responses") << QByteArray(
        R"({"schema":{"type":"object","properties":{"p":{"type":"string","writeOnly":true},"a":{"type":"integer"}},"example":{"p":"secret","a":1}}})")
                                                                                       << kV30 << "object"
                                                                                       << ""
                                                                                       << QByteArray(R"({"a":0})");
}

void TestSchemaSampler::scalars()
{
    QFETCH(QByteArray, doc);
    QFETCH(SchemaDialect, dialect);
    QFETCH(QString, type);
    QFETCH(QString, format);
    QFETCH(QByteArray, exact);
    const QJsonObject d = parseDoc(doc);
    const QJsonValue v = sampleDoc(d, dialect);
    QCOMPARE(typeName(v), type);
    if (!format.isEmpty())
        QVERIFY2(formatHolds(format, v.toString()), qPrintable(v.toString()));
    if (!exact.isEmpty())
        QCOMPARE(show(v), show(parseValue(exact)));
    checkCommon(d, dialect, v);
}

void TestSchemaSampler::numbers_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<SchemaDialect>("dialect");
    QTest::addRow("minimum above zero") << QByteArray(R"({"schema":{"type":"integer","minimum":5}})") << kV30;
    QTest::addRow("maximum below zero") << QByteArray(R"({"schema":{"type":"integer","maximum":-3}})") << kV30;
    QTest::addRow("exclusive minimum, 3.0 boolean form")
        << QByteArray(R"({"schema":{"type":"integer","minimum":0,"exclusiveMinimum":true}})") << kV30;
    QTest::addRow("exclusive maximum, 3.0 boolean form, number")
        << QByteArray(R"({"schema":{"type":"number","maximum":0,"exclusiveMaximum":true}})") << kV30;
    QTest::addRow("exclusive bounds, 3.1 numeric form")
        << QByteArray(R"({"schema":{"type":"integer","exclusiveMinimum":1,"exclusiveMaximum":3}})") << kV31;
    QTest::addRow("narrow open interval, number")
        << QByteArray(R"({"schema":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1}})") << kV31;
    QTest::addRow("integer multipleOf with minimum")
        << QByteArray(R"({"schema":{"type":"integer","multipleOf":7,"minimum":20}})") << kV30;
    QTest::addRow("decimal multipleOf with minimum")
        << QByteArray(R"({"schema":{"type":"number","multipleOf":0.01,"minimum":0.015}})") << kV30;
    QTest::addRow("decimal multipleOf 0.1 inside bounds")
        << QByteArray(R"({"schema":{"type":"number","multipleOf":0.1,"minimum":0.25,"maximum":0.35}})") << kV30;
    QTest::addRow("integer with fractional multipleOf")
        << QByteArray(R"({"schema":{"type":"integer","multipleOf":2.5,"minimum":1}})") << kV30;
    QTest::addRow("two multipleOf values through allOf")
        << QByteArray(R"({"schema":{"allOf":[{"type":"integer","multipleOf":4},{"multipleOf":6,"minimum":1}]}})")
        << kV30;
    QTest::addRow("exclusive 3.1 bound equal to a multiple")
        << QByteArray(R"({"schema":{"type":"number","multipleOf":0.5,"exclusiveMinimum":2}})") << kV31;
    QTest::addRow("int32 range") << QByteArray(
        R"({"schema":{"type":"integer","format":"int32","minimum":-3000000000}})")
                                 << kV30;
}

// Bounds no integer or multiple fits: explained in a note, never a failed precondition (qBound asserted on them in
// builds with assertions, found by the sanitizer run).
void TestSchemaSampler::impossibleNumberBounds_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<SchemaDialect>("dialect");
    QTest::addRow("no integer between 1.2 and 1.8")
        << QByteArray(R"({"schema":{"type":"integer","minimum":1.2,"maximum":1.8}})") << kV30;
    QTest::addRow("no integer strictly between 1 and 2")
        << QByteArray(R"({"schema":{"type":"integer","exclusiveMinimum":1,"exclusiveMaximum":2}})") << kV31;
    QTest::addRow("no multiple of 10 between 1 and 9")
        << QByteArray(R"({"schema":{"type":"number","multipleOf":10,"minimum":1,"maximum":9}})") << kV30;
    QTest::addRow("no multiple of 0.5 strictly between 1 and 1.5")
        << QByteArray(R"({"schema":{"type":"number","multipleOf":0.5,"exclusiveMinimum":1,"exclusiveMaximum":1.5}})")
        << kV31;
}

void TestSchemaSampler::impossibleNumberBounds()
{
    QFETCH(QByteArray, doc);
    QFETCH(SchemaDialect, dialect);
    QStringList notes;
    const QJsonValue v = sampleDoc(parseDoc(doc), dialect, {}, &notes);
    QVERIFY(allFinite(v));
    QVERIFY2(!notes.isEmpty(), qPrintable(show(v)));
}

void TestSchemaSampler::numbers()
{
    QFETCH(QByteArray, doc);
    QFETCH(SchemaDialect, dialect);
    const QJsonObject d = parseDoc(doc);
    const QJsonValue v = sampleDoc(d, dialect);
    QVERIFY2(v.isDouble(), qPrintable(show(v)));
    const double x = v.toDouble();
    // Collect the bounds from the row (including allOf members) and check them by hand.
    QList<QJsonObject> parts { d.value(QLatin1String("schema")).toObject() };
    for (const QJsonValue& p : parts.first().value(QLatin1String("allOf")).toArray())
        parts.append(p.toObject());
    for (const QJsonObject& s : parts) {
        if (s.value(QLatin1String("type")) == QLatin1String("integer"))
            QCOMPARE(std::floor(x), x);
        const bool exMinBool = s.value(QLatin1String("exclusiveMinimum")).toBool();
        const bool exMaxBool = s.value(QLatin1String("exclusiveMaximum")).toBool();
        if (s.contains(QLatin1String("minimum")))
            QVERIFY2(exMinBool ? x > s.value(QLatin1String("minimum")).toDouble()
                               : x >= s.value(QLatin1String("minimum")).toDouble(),
                qPrintable(show(v)));
        if (s.contains(QLatin1String("maximum")))
            QVERIFY2(exMaxBool ? x < s.value(QLatin1String("maximum")).toDouble()
                               : x <= s.value(QLatin1String("maximum")).toDouble(),
                qPrintable(show(v)));
        if (s.value(QLatin1String("exclusiveMinimum")).isDouble())
            QVERIFY2(x > s.value(QLatin1String("exclusiveMinimum")).toDouble(), qPrintable(show(v)));
        if (s.value(QLatin1String("exclusiveMaximum")).isDouble())
            QVERIFY2(x < s.value(QLatin1String("exclusiveMaximum")).toDouble(), qPrintable(show(v)));
        if (s.contains(QLatin1String("multipleOf")))
            QVERIFY2(isMultiple(x, s.value(QLatin1String("multipleOf")).toDouble()), qPrintable(show(v)));
        if (s.value(QLatin1String("format")) == QLatin1String("int32"))
            QVERIFY(x >= -2147483648.0 && x <= 2147483647.0);
    }
    checkCommon(d, dialect, v);
}

void TestSchemaSampler::strings_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<bool>("expectNote"); // the generator must explain a fallback
    QTest::addRow("minLength pads") << QByteArray(R"({"schema":{"type":"string","minLength":20}})") << false;
    QTest::addRow("maxLength truncates") << QByteArray(R"({"schema":{"type":"string","maxLength":3}})") << false;
    QTest::addRow("maxLength zero") << QByteArray(R"({"schema":{"type":"string","maxLength":0}})") << false;
    QTest::addRow("pattern") << QByteArray(R"({"schema":{"type":"string","pattern":"^[A-Z]{3}-\\d{4}$"}})") << false;
    QTest::addRow("pattern with minLength")
        << QByteArray(R"({"schema":{"type":"string","pattern":"^[a-z0-9_-]+$","minLength":12,"maxLength":12}})")
        << false;
    QTest::addRow("unanchored pattern with minLength")
        << QByteArray(R"({"schema":{"type":"string","pattern":"\\d","minLength":5}})") << false;
    QTest::addRow("email with minLength")
        << QByteArray(R"({"schema":{"type":"string","format":"email","minLength":30}})") << false;
    QTest::addRow("uri with minLength") << QByteArray(R"({"schema":{"type":"string","format":"uri","minLength":40}})")
                                        << false;
    QTest::addRow("uri with maxLength") << QByteArray(R"({"schema":{"type":"string","format":"uri","maxLength":5}})")
                                        << false;
    QTest::addRow("hostname with minLength past one label")
        << QByteArray(R"({"schema":{"type":"string","format":"hostname","minLength":90}})") << false;
    QTest::addRow("date-time with minLength")
        << QByteArray(R"({"schema":{"type":"string","format":"date-time","minLength":24}})") << false;
    QTest::addRow("byte with minLength") << QByteArray(R"({"schema":{"type":"string","format":"byte","minLength":13}})")
                                         << false;
    QTest::addRow("email with short maxLength")
        << QByteArray(R"({"schema":{"type":"string","format":"email","maxLength":8}})") << false;
    QTest::addRow("pattern beyond the generator")
        << QByteArray(R"({"schema":{"type":"string","pattern":"^(?=.*[0-9])(?=.*[a-z]).{8}$"}})") << true;
    QTest::addRow("pattern and format together")
        << QByteArray(R"({"schema":{"type":"string","format":"date","pattern":"^20"}})") << false;
    QTest::addRow("code points count, not UTF-16 units")
        << QByteArray(R"({"schema":{"type":"string","pattern":"^\\u{1F600}+$","minLength":2,"maxLength":2}})") << false;
}

void TestSchemaSampler::strings()
{
    QFETCH(QByteArray, doc);
    QFETCH(bool, expectNote);
    const QJsonObject d = parseDoc(doc);
    QStringList notes;
    const QJsonValue v = sampleDoc(d, kV31, {}, &notes);
    QVERIFY2(v.isString(), qPrintable(show(v)));
    const QString s = v.toString();
    const QJsonObject schema = d.value(QLatin1String("schema")).toObject();
    if (schema.contains(QLatin1String("minLength")))
        QVERIFY2(codePoints(s) >= schema.value(QLatin1String("minLength")).toInt(), qPrintable(s));
    if (schema.contains(QLatin1String("maxLength")))
        QVERIFY2(codePoints(s) <= schema.value(QLatin1String("maxLength")).toInt(), qPrintable(s));
    if (schema.contains(QLatin1String("format")))
        QVERIFY2(formatHolds(schema.value(QLatin1String("format")).toString(), s), qPrintable(s));
    if (expectNote) {
        QVERIFY(!notes.isEmpty());
        return; // a fallback string is allowed not to match a pattern the generator cannot read
    }
    if (schema.contains(QLatin1String("pattern"))) {
        QString pattern = schema.value(QLatin1String("pattern")).toString();
        pattern.replace(QLatin1String("\\u{1F600}"), QLatin1String("\\x{1F600}"));
        QVERIFY2(QRegularExpression(pattern).match(s).hasMatch(), qPrintable(s));
    }
    checkCommon(d, kV31, v);
}

void TestSchemaSampler::objects_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<bool>("forResponse");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    const QByteArray person = R"({"schema":{"type":"object","required":["id"],"properties":{
        "id":{"type":"integer","readOnly":true},"name":{"type":"string"},
        "password":{"type":"string","writeOnly":true}}}})";
    QTest::addRow("required and optional present")
        << person << true << QStringList { "id", "name" } << QStringList { "password" };
    QTest::addRow("request drops readOnly, keeps writeOnly")
        << person << false << QStringList { "name", "password" } << QStringList { "id" };
    QTest::addRow("writeOnly behind $ref is dropped too")
        << QByteArray(R"({"components":{"schemas":{"Secret":{"type":"string","writeOnly":true}}},
            "schema":{"type":"object","properties":{"s":{"$ref":"#/components/schemas/Secret"},"a":{"type":"string"}}}})")
        << true << QStringList { "a" } << QStringList { "s" };
    QTest::addRow("no extra properties by default") << QByteArray(
        R"({"schema":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}}})")
                                                    << true << QStringList { "a" } << QStringList { "property1" };
    QTest::addRow("minProperties filled from additionalProperties")
        << QByteArray(R"({"schema":{"type":"object","minProperties":2,"additionalProperties":{"type":"integer"}}})")
        << true << QStringList { "property1", "property2" } << QStringList();
    QTest::addRow("minProperties filled from patternProperties") << QByteArray(
        R"({"schema":{"type":"object","minProperties":1,"patternProperties":{"^x-[a-z]+$":{"type":"string"}},"additionalProperties":false}})")
                                                                 << true << QStringList { "x-a" } << QStringList();
    QTest::addRow("maxProperties drops optional ones") << QByteArray(
        R"({"schema":{"type":"object","maxProperties":1,"required":["z"],"properties":{"a":{"type":"string"},"b":{"type":"string"},"z":{"type":"string"}}}})")
                                                       << true << QStringList { "z" } << QStringList { "a", "b" };
    QTest::addRow("allOf merges properties and required") << QByteArray(
        R"({"components":{"schemas":{"Base":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}},
            "schema":{"allOf":[{"$ref":"#/components/schemas/Base"},{"type":"object","required":["kind"],"properties":{"kind":{"type":"string"}}}]}})")
                                                          << true << QStringList { "id", "kind" } << QStringList();
    QTest::addRow("closed allOf branch keeps out the other branch's optional property") << QByteArray(
        R"({"schema":{"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false},
            {"properties":{"b":{"type":"string"}}}]}})") << true << QStringList { "a" } << QStringList { "b" };
    QTest::addRow("dependentRequired pulls in a dependency")
        << QByteArray(R"({"schema":{"type":"object","required":["card"],"properties":{"card":{"type":"string"}},
            "dependentRequired":{"card":["billing"]}}})")
        << true << QStringList { "card", "billing" } << QStringList();
    QTest::addRow("required property without a declaration")
        << QByteArray(R"({"schema":{"type":"object","required":["ghost"]}})") << true << QStringList { "ghost" }
        << QStringList();
    QTest::addRow("includeOptional off keeps only required") << QByteArray(
        R"({"schema":{"type":"object","required":["a"],"properties":{"a":{"type":"string"},"b":{"type":"string"}}},"includeOptional":false})")
                                                             << true << QStringList { "a" } << QStringList { "b" };
}

void TestSchemaSampler::objects()
{
    QFETCH(QByteArray, doc);
    QFETCH(bool, forResponse);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QJsonObject d = parseDoc(doc);
    SampleOptions options;
    options.forResponse = forResponse;
    options.includeOptional = d.value(QLatin1String("includeOptional")).toBool(true);
    const QJsonValue v = sampleDoc(d, kV31, options);
    QVERIFY2(v.isObject(), qPrintable(show(v)));
    const QJsonObject o = v.toObject();
    for (const QString& k : present)
        QVERIFY2(o.contains(k), qPrintable(k + QLatin1String(" missing in ") + show(v)));
    for (const QString& k : absent)
        QVERIFY2(!o.contains(k), qPrintable(k + QLatin1String(" unexpected in ") + show(v)));
    const QJsonObject schema = d.value(QLatin1String("schema")).toObject();
    if (schema.contains(QLatin1String("minProperties")))
        QVERIFY(o.size() >= schema.value(QLatin1String("minProperties")).toInt());
    if (schema.contains(QLatin1String("maxProperties")))
        QVERIFY(o.size() <= schema.value(QLatin1String("maxProperties")).toInt());
    if (schema.value(QLatin1String("additionalProperties")) == QJsonValue(false)) {
        const QJsonObject props = schema.value(QLatin1String("properties")).toObject();
        const QStringList patterns = schema.value(QLatin1String("patternProperties")).toObject().keys();
        for (const QString& k : o.keys()) {
            bool ok = props.contains(k);
            for (const QString& p : patterns)
                ok = ok || QRegularExpression(p).match(k).hasMatch();
            QVERIFY2(ok, qPrintable(k));
        }
    }
    checkCommon(d, kV31, v, options);
}

void TestSchemaSampler::arrays_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("itemType"); // every item's type, when set
    QTest::addRow("minItems") << QByteArray(R"({"schema":{"type":"array","minItems":3,"items":{"type":"string"}}})")
                              << "string";
    QTest::addRow("maxItems zero") << QByteArray(
        R"({"schema":{"type":"array","maxItems":0,"items":{"type":"string"}}})")
                                   << "";
    QTest::addRow("unique enum items") << QByteArray(
        R"({"schema":{"type":"array","minItems":3,"uniqueItems":true,"items":{"enum":["a","b","c","d"]}}})")
                                       << "string";
    QTest::addRow("unique integers") << QByteArray(
        R"({"schema":{"type":"array","minItems":5,"uniqueItems":true,"items":{"type":"integer","minimum":10}}})")
                                     << "integer";
    QTest::addRow("unique numbers with multipleOf") << QByteArray(
        R"({"schema":{"type":"array","minItems":4,"uniqueItems":true,"items":{"type":"number","multipleOf":0.25}}})")
                                                    << "";
    QTest::addRow("unique patterned strings") << QByteArray(
        R"({"schema":{"type":"array","minItems":4,"uniqueItems":true,"items":{"type":"string","pattern":"^[a-c]{2}$"}}})")
                                              << "string";
    QTest::addRow("unique formatted strings") << QByteArray(
        R"({"schema":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"string","format":"uuid"}}})")
                                              << "string";
    QTest::addRow("unique booleans") << QByteArray(
        R"({"schema":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"boolean"}}})")
                                     << "boolean";
    QTest::addRow("unique objects") << QByteArray(
        R"({"schema":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}}})")
                                    << "object";
    QTest::addRow("unique items with an example") << QByteArray(
        R"({"schema":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"string","example":"x"}}})")
                                                  << "string";
    // 1 and 1.0 are one number (JSON Schema equality): a sampler that told them apart would repeat it.
    QTest::addRow("unique numbers where 1 equals 1.0")
        << QByteArray(R"({"schema":{"type":"array","minItems":2,"uniqueItems":true,"items":{"enum":[1,1.0,2]}}})")
        << "";
    QTest::addRow("unique nested objects") << QByteArray(
        R"({"schema":{"type":"array","minItems":50,"uniqueItems":true,"items":{"type":"object","required":["a","b"],"properties":{"a":{"type":"object","required":["c"],"properties":{"c":{"type":"string","pattern":"^[xy]{2}$"}}},"b":{"type":"array","minItems":1,"items":{"type":"integer"}}}}}})")
                                           << "object";
    QTest::addRow("prefixItems (3.1)") << QByteArray(
        R"({"schema":{"type":"array","prefixItems":[{"type":"integer"},{"type":"string"}],"items":false}})")
                                       << "";
    QTest::addRow("contains with minContains") << QByteArray(
        R"({"schema":{"type":"array","items":{"type":"integer"},"contains":{"minimum":5},"minContains":2}})")
                                               << "integer";
    QTest::addRow("array of arrays") << QByteArray(
        R"({"schema":{"type":"array","items":{"type":"array","minItems":2,"items":{"type":"number"}}}})")
                                     << "array";
}

void TestSchemaSampler::arrays()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, itemType);
    const QJsonObject d = parseDoc(doc);
    const QJsonValue v = sampleDoc(d, kV31);
    QVERIFY2(v.isArray(), qPrintable(show(v)));
    const QJsonArray a = v.toArray();
    const QJsonObject schema = d.value(QLatin1String("schema")).toObject();
    if (schema.contains(QLatin1String("minItems")))
        QVERIFY(a.size() >= schema.value(QLatin1String("minItems")).toInt());
    if (schema.contains(QLatin1String("maxItems")))
        QVERIFY(a.size() <= schema.value(QLatin1String("maxItems")).toInt());
    if (schema.value(QLatin1String("uniqueItems")).toBool()) {
        QSet<QString> seen;
        for (const QJsonValue& item : a)
            seen.insert(show(item));
        QVERIFY2(seen.size() == a.size(), qPrintable(show(v)));
    }
    if (!itemType.isEmpty()) {
        for (const QJsonValue& item : a)
            QCOMPARE(typeName(item), itemType);
    }
    const QJsonObject items = schema.value(QLatin1String("items")).toObject();
    if (items.contains(QLatin1String("enum"))) {
        for (const QJsonValue& item : a)
            QVERIFY(items.value(QLatin1String("enum")).toArray().contains(item));
    }
    if (items.contains(QLatin1String("pattern"))) {
        for (const QJsonValue& item : a)
            QVERIFY(
                QRegularExpression(items.value(QLatin1String("pattern")).toString()).match(item.toString()).hasMatch());
    }
    if (items.contains(QLatin1String("multipleOf"))) {
        for (const QJsonValue& item : a)
            QVERIFY(isMultiple(item.toDouble(), items.value(QLatin1String("multipleOf")).toDouble()));
    }
    if (schema.contains(QLatin1String("prefixItems"))) {
        QCOMPARE(a.size(), 2);
        QCOMPARE(typeName(a.at(0)), QStringLiteral("integer"));
        QCOMPARE(typeName(a.at(1)), QStringLiteral("string"));
    }
    if (schema.contains(QLatin1String("contains"))) {
        int hits = 0;
        for (const QJsonValue& item : a)
            hits += item.toDouble() >= 5 ? 1 : 0;
        QVERIFY(hits >= schema.value(QLatin1String("minContains")).toInt(1));
    }
    checkCommon(d, kV31, v);
}

void TestSchemaSampler::combinators_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<SchemaDialect>("dialect");
    QTest::addColumn<QString>("pointer"); // where to look in the sample
    QTest::addColumn<QByteArray>("expected"); // JSON value expected there, or empty: only validity is checked

    const QByteArray pets = R"({"components":{"schemas":{
        "Cat":{"type":"object","required":["petType","lives"],"properties":{"petType":{"type":"string"},"lives":{"type":"integer"}}},
        "Dog":{"type":"object","required":["petType","bark"],"properties":{"petType":{"type":"string"},"bark":{"type":"boolean"}}}}},)";
    QTest::addRow("discriminator with mapping") << QByteArray(
        pets + R"("schema":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
            "discriminator":{"propertyName":"petType","mapping":{"cat":"#/components/schemas/Cat","dog":"#/components/schemas/Dog"}}}})")
                                                << kV30 << "/petType" << QByteArray(R"("cat")");
    QTest::addRow("discriminator, implicit mapping") << QByteArray(
        pets + R"("schema":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
            "discriminator":{"propertyName":"petType"}}})")
                                                     << kV30 << "/petType" << QByteArray(R"("Cat")");
    QTest::addRow("discriminator defaultMapping is generated first") << QByteArray(
        pets + R"("schema":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
            "discriminator":{"propertyName":"petType","mapping":{"cat":"#/components/schemas/Cat","dog":"#/components/schemas/Dog"},
            "defaultMapping":"Dog"}}})") << kV31 << "/petType" << QByteArray(R"("dog")");
    QTest::addRow("discriminator defaultMapping as a reference") << QByteArray(
        pets + R"("schema":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
            "discriminator":{"propertyName":"petType","defaultMapping":"#/components/schemas/Dog"}}})")
                                                                 << kV31 << "/bark" << QByteArray("true");
    QTest::addRow("discriminator inherited through allOf") << QByteArray(R"({"components":{"schemas":{
            "Pet":{"type":"object","required":["petType"],"properties":{"petType":{"type":"string"}},"discriminator":{"propertyName":"petType"}},
            "Cat":{"allOf":[{"$ref":"#/components/schemas/Pet"},{"type":"object","properties":{"lives":{"type":"integer"}}}]}}},
            "schema":{"$ref":"#/components/schemas/Cat"}})")
                                                           << kV30 << "/petType" << QByteArray(R"("Cat")");
    QTest::addRow("anyOf takes the first branch")
        << QByteArray(R"({"schema":{"anyOf":[{"type":"string","maxLength":5000},{"type":"object"}]}})") << kV30 << ""
        << QByteArray(R"("string")");
    QTest::addRow("oneOf avoids matching two branches")
        << QByteArray(R"({"schema":{"oneOf":[{"type":"integer"},{"type":"number"}]}})") << kV30 << ""
        << QByteArray("0.5");
    QTest::addRow("oneOf with overlapping objects moves on")
        << QByteArray(R"({"schema":{"oneOf":[{"type":"object","properties":{"a":{"type":"string"}}},
            {"type":"object","required":["b"],"properties":{"b":{"type":"integer"}},"additionalProperties":false}]}})")
        << kV30 << "" << QByteArray();
    QTest::addRow("allOf intersects bounds")
        << QByteArray(R"({"schema":{"allOf":[{"type":"integer","minimum":5},{"minimum":6,"maximum":7}]}})") << kV30
        << "" << QByteArray("6");
    QTest::addRow("allOf intersects enums")
        << QByteArray(R"({"schema":{"allOf":[{"enum":["a","b","c"]},{"enum":["c","b"]}]}})") << kV30 << ""
        << QByteArray(R"("b")");
    QTest::addRow("not excludes the plain value")
        << QByteArray(R"({"schema":{"type":"string","not":{"enum":["string"]}}})") << kV30 << ""
        << QByteArray(R"("string1")");
    QTest::addRow("not excludes a type") << QByteArray(R"({"schema":{"not":{"type":"object"}}})") << kV30 << ""
                                         << QByteArray();
    QTest::addRow("enum with a not-const")
        << QByteArray(R"({"schema":{"enum":[1,2,3],"not":{"const":1}}})") << kV31 << "" << QByteArray("2");
    QTest::addRow("if/then picks the then branch")
        << QByteArray(R"({"schema":{"type":"object","required":["kind"],"properties":{"kind":{"enum":["a","b"]}},
            "if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"],"properties":{"x":{"type":"integer","minimum":3}}},
            "else":{"required":["y"]}}})")
        << kV31 << "/x" << QByteArray("3");
    QTest::addRow("if/else when then cannot hold")
        << QByteArray(R"({"schema":{"type":"integer","if":{"minimum":0},"then":{"maximum":-1},"else":{"maximum":-5}}})")
        << kV31 << "" << QByteArray("-5");
    QTest::addRow("nested oneOf inside a property") << QByteArray(
        R"({"schema":{"type":"object","required":["v"],"properties":{"v":{"oneOf":[{"type":"string","format":"date"},{"type":"integer"}]}}}})")
                                                    << kV30 << "/v" << QByteArray(R"("2024-01-01")");
    QTest::addRow("nullable allOf ref (3.0) keeps the object") << QByteArray(
        R"({"components":{"schemas":{"U":{"type":"object","required":["login"],"properties":{"login":{"type":"string","example":"octocat"}}}}},
            "schema":{"nullable":true,"allOf":[{"$ref":"#/components/schemas/U"}]}})")
                                                               << kV30 << "/login" << QByteArray(R"("octocat")");
    QTest::addRow("3.1 $ref with sibling keywords")
        << QByteArray(R"({"$defs":{"n":{"type":"integer"}},"schema":{"$ref":"#/$defs/n","minimum":9}})") << kV31 << ""
        << QByteArray("9");
}

void TestSchemaSampler::combinators()
{
    QFETCH(QByteArray, doc);
    QFETCH(SchemaDialect, dialect);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const QJsonObject d = parseDoc(doc);
    const QJsonValue v = sampleDoc(d, dialect);
    if (!expected.isEmpty()) {
        QJsonValue at = v;
        for (const QString& token : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
            at = at.toObject().value(token);
        QCOMPARE(show(at), show(parseValue(expected)));
    }
    const QJsonObject schema = d.value(QLatin1String("schema")).toObject();
    if (schema.contains(QLatin1String("not"))
        && schema.value(QLatin1String("not")).toObject().value(QLatin1String("type")) == QLatin1String("object"))
        QVERIFY(!v.isObject());
    checkCommon(d, dialect, v);
}

void TestSchemaSampler::recursion_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addRow("tree: optional self-reference in an array")
        << QByteArray(R"({"components":{"schemas":{"Node":{"type":"object","required":["name"],"properties":{
            "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}}},
            "schema":{"$ref":"#/components/schemas/Node"}})");
    QTest::addRow("linked list: required nullable next")
        << QByteArray(R"({"components":{"schemas":{"Item":{"type":"object","required":["next"],"properties":{
            "next":{"$ref":"#/components/schemas/MaybeItem"}}},"MaybeItem":{"type":"object","nullable":true,"required":["next"],
            "properties":{"next":{"$ref":"#/components/schemas/MaybeItem"}}}}},"schema":{"$ref":"#/components/schemas/Item"}})");
    QTest::addRow("mutual cycle through anyOf (expandable field)") << QByteArray(R"({"components":{"schemas":{
            "customer":{"type":"object","required":["id","default_source"],"properties":{"id":{"type":"string"},
              "default_source":{"anyOf":[{"$ref":"#/components/schemas/source"},{"type":"string"}],"nullable":true}}},
            "source":{"type":"object","required":["customer"],"properties":{"customer":{"anyOf":[{"$ref":"#/components/schemas/customer"},{"type":"string"}]}}}}},
            "schema":{"$ref":"#/components/schemas/customer"}})");
    QTest::addRow("required self-reference that cannot close")
        << QByteArray(R"({"components":{"schemas":{"Loop":{"type":"object","required":["again"],"properties":{
            "again":{"$ref":"#/components/schemas/Loop"}}}}},"schema":{"$ref":"#/components/schemas/Loop"}})");
    QTest::addRow("allOf cycle") << QByteArray(
        R"({"components":{"schemas":{"A":{"allOf":[{"$ref":"#/components/schemas/B"}],"type":"object"},
            "B":{"allOf":[{"$ref":"#/components/schemas/A"}],"properties":{"x":{"type":"integer"}}}}},"schema":{"$ref":"#/components/schemas/A"}})");
    QTest::addRow("array minItems cycle") << QByteArray(
        R"({"components":{"schemas":{"L":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/L"}}}},
            "schema":{"$ref":"#/components/schemas/L"}})");
}

void TestSchemaSampler::recursion()
{
    QFETCH(QByteArray, doc);
    const QJsonObject d = parseDoc(doc);
    QStringList notes;
    const SampleOptions options;
    const QJsonValue v = sampleDoc(d, kV30, options, &notes);
    QVERIFY2(countNodes(v) < 2000, qPrintable(show(v)));
    QVERIFY(depthOf(v) <= options.maxDepth + 30);
    QCOMPARE(sampleDoc(d, kV30), v);
    if (v.isObject() && v.toObject().contains(QLatin1String("default_source"))) {
        // An expandable field picks its non-recursive branch, so the sample stays valid and small.
        QVERIFY(countNodes(v) < 10);
    }
    const bool closable = !QTest::currentDataTag()
        || (qstrcmp(QTest::currentDataTag(), "required self-reference that cannot close") != 0
            && qstrcmp(QTest::currentDataTag(), "array minItems cycle") != 0);
    if (closable)
        QVERIFY2(validationErrors(d, kV30, v).isEmpty(), qPrintable(validationErrors(d, kV30, v)));
    else
        QVERIFY2(!notes.isEmpty(), "an unclosable recursion must be explained");
}

void TestSchemaSampler::nodeBudget()
{
    // 40 required properties per level, arrays of 20, five levels: far beyond any budget if unchecked.
    QJsonObject leaf { { QStringLiteral("type"), QStringLiteral("string") } };
    QJsonObject level = leaf;
    for (int depth = 0; depth < 5; ++depth) {
        QJsonObject props;
        QJsonArray required;
        for (int i = 0; i < 40; ++i) {
            const QString name = QStringLiteral("p%1").arg(i);
            props.insert(name,
                QJsonObject { { QStringLiteral("type"), QStringLiteral("array") }, { QStringLiteral("minItems"), 20 },
                    { QStringLiteral("items"), level } });
            required.append(name);
        }
        level = QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("properties"), props }, { QStringLiteral("required"), required } };
    }
    SampleOptions options;
    options.maxNodes = 5000;
    options.budget.maxMilliseconds = 0; // the node budget is under test, not the clock (a slow build would hit it)
    QStringList notes;
    QElapsedTimer timer;
    timer.start();
    const QJsonValue v = SchemaSampler::sample(QJsonObject(), level, kV30, options, &notes);
    QVERIFY(timer.elapsed() < 30000); // generous: "does not hang"
    QVERIFY(countNodes(v) < 200000);
    QVERIFY(std::any_of(
        notes.cbegin(), notes.cend(), [](const QString& n) { return n.contains(QLatin1String("budget")); }));
}

void TestSchemaSampler::depthLimitDropsOptional()
{
    // Ten nested objects, each with an optional "deeper" and a required "id".
    QJsonObject schema { { QStringLiteral("type"), QStringLiteral("integer") } };
    for (int i = 0; i < 10; ++i) {
        schema = QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("required"), QJsonArray { QStringLiteral("id") } },
            { QStringLiteral("properties"),
                QJsonObject {
                    { QStringLiteral("id"), QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } } },
                    { QStringLiteral("deeper"), schema } } } };
    }
    SampleOptions options;
    options.maxDepth = 3;
    const QJsonValue v = SchemaSampler::sample(QJsonObject(), schema, kV30, options);
    QCOMPARE(depthOf(v), 4); // levels 0..maxDepth; the object at maxDepth keeps only "id"
    QVERIFY(v.toObject().contains(QLatin1String("id")));
    options.maxDepth = 20;
    options.maxOptionalDepth = 20;
    QCOMPARE(depthOf(SchemaSampler::sample(QJsonObject(), schema, kV30, options)), 10);
    // By default optional properties stop earlier than required ones: objects at depth 0..3 keep "deeper".
    const SampleOptions defaults;
    QCOMPARE(depthOf(SchemaSampler::sample(QJsonObject(), schema, kV30, defaults)), defaults.maxOptionalDepth + 1);
}

void TestSchemaSampler::requiredGoDeeperThanOptional()
{
    // A chain of required objects, each with an optional object beside it: only the required chain goes deep.
    QJsonObject schema { { QStringLiteral("type"), QStringLiteral("integer") } };
    for (int i = 0; i < 7; ++i) {
        const QJsonObject side { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("properties"),
                QJsonObject { { QStringLiteral("x"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } } } } } };
        schema = QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("required"), QJsonArray { QStringLiteral("next") } },
            { QStringLiteral("properties"),
                QJsonObject { { QStringLiteral("next"), schema }, { QStringLiteral("side"), side } } } };
    }
    SampleOptions options;
    options.maxOptionalDepth = 2;
    const QJsonValue v = SchemaSampler::sample(QJsonObject(), schema, kV30, options);
    QCOMPARE(depthOf(v), 7);
    QJsonValue level = v;
    for (int depth = 0; depth < 7; ++depth) {
        QCOMPARE(level.toObject().contains(QLatin1String("side")), depth < 2);
        level = level.toObject().value(QLatin1String("next"));
    }
    QCOMPARE(level.type(), QJsonValue::Double);
}

void TestSchemaSampler::notesExplainChoices()
{
    const QJsonObject d = parseDoc(
        R"({"schema":{"type":"object","required":["id"],"properties":{"id":{"type":"integer","example":42}}}})");
    QStringList notes;
    const QJsonValue v = sampleDoc(d, kV30, {}, &notes);
    QCOMPARE(v.toObject().value(QLatin1String("id")).toInt(), 42);
    QVERIFY2(
        notes.contains(QStringLiteral("property 'id' from its example")), qPrintable(notes.join(QLatin1String(" | "))));
}

void TestSchemaSampler::unresolvableRefs_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addRow("missing local ref") << QByteArray(R"({"schema":{"$ref":"#/components/schemas/Nope"}})");
    QTest::addRow("remote ref") << QByteArray(R"({"schema":{"$ref":"https://example.com/schema.json#/Pet"}})");
    QTest::addRow("ref into a scalar") << QByteArray(R"({"x":3,"schema":{"$ref":"#/x"}})");
    QTest::addRow("missing ref in a property")
        << QByteArray(R"({"schema":{"type":"object","required":["p"],"properties":{"p":{"$ref":"#/missing"}}}})");
}

void TestSchemaSampler::unresolvableRefs()
{
    QFETCH(QByteArray, doc);
    const QJsonObject d = parseDoc(doc);
    QStringList notes;
    const QJsonValue v = sampleDoc(d, kV30, {}, &notes);
    QVERIFY(!v.isUndefined());
    if (!QByteArray(QTest::currentDataTag()).contains("scalar"))
        QVERIFY(!notes.isEmpty());
    checkCommon(d, kV30, v);
}

void TestSchemaSampler::githubResponses()
{
    const QString path = TestUtils::sharedPath(QStringLiteral("testdata/specs/api.github.com.json"));
    const QByteArray data = TestUtils::readFile(path);
    if (data.isEmpty())
        QSKIP("GitHub definition not available");
    const QJsonObject root = QJsonDocument::fromJson(data).object();
    QVERIFY(!root.isEmpty());
    const SchemaCache cache(root, kV30);
    SampleOptions options;
    options.cache = &cache;
    options.budget.maxMilliseconds = 0; // validity is checked here, not speed (this also runs under ASan)
    int schemas = 0;
    int selfCheckFailures = 0;
    qint64 totalBytes = 0;
    qint64 largest = 0;
    QStringList failures;
    QElapsedTimer timer;
    timer.start();
    qint64 sampleNs = 0;
    const QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    for (auto p = paths.constBegin(); p != paths.constEnd(); ++p) {
        const QJsonObject item = p.value().toObject();
        for (auto op = item.constBegin(); op != item.constEnd(); ++op) {
            const QJsonObject responses = op.value().toObject().value(QLatin1String("responses")).toObject();
            for (auto r = responses.constBegin(); r != responses.constEnd(); ++r) {
                QJsonObject response = r.value().toObject();
                for (int hops = 0; hops < 8 && response.contains(QLatin1String("$ref")); ++hops) {
                    const QStringList tokens =
                        response.value(QLatin1String("$ref")).toString().mid(2).split(QLatin1Char('/'));
                    QJsonValue target = root;
                    for (const QString& t : tokens)
                        target = target.toObject().value(t);
                    response = target.toObject();
                }
                const QJsonObject content = response.value(QLatin1String("content")).toObject();
                for (auto m = content.constBegin(); m != content.constEnd(); ++m) {
                    const QJsonValue schema = m.value().toObject().value(QLatin1String("schema"));
                    if (schema.isUndefined())
                        continue;
                    // Responses reached through a $ref are sampled without a pointer: the sampler locates nothing.
                    const QString pointer = r.value().toObject().contains(QLatin1String("$ref"))
                        ? QString()
                        : JsonPointer::join({ QStringLiteral("paths"), p.key(), op.key(), QStringLiteral("responses"),
                            r.key(), QStringLiteral("content"), m.key(), QStringLiteral("schema") });
                    QElapsedTimer one;
                    one.start();
                    const QJsonValue v = SchemaSampler::sample(root, schema, kV30, options, nullptr, pointer);
                    sampleNs += one.nsecsElapsed();
                    ++schemas;
                    QVERIFY(allFinite(v));
                    const QByteArray json = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
                    QVERIFY(json.size() > 2);
                    QVERIFY2(json.size() < 1'000'000, qPrintable(p.key()));
                    totalBytes += json.size();
                    largest = qMax<qint64>(largest, json.size());
                    const CompiledSchemaPtr compiled = pointer.isNull()
                        ? SchemaValidator::compile(
                            QJsonObject { { QStringLiteral("components"), root.value(QLatin1String("components")) },
                                { QStringLiteral("schema"), schema } },
                            QStringLiteral("/schema"), kV30)
                        : cache.get(pointer);
                    if (!compiled->isValid(v, ValidationDirection::Response)) {
                        ++selfCheckFailures;
                        if (failures.size() < 10)
                            failures.append(op.key() + QLatin1Char(' ') + p.key() + QLatin1Char(' ') + r.key());
                    }
                }
            }
        }
    }
    qInfo("GitHub: %d response schemas sampled in %.1f ms (sampling only), %lld bytes total, largest %lld bytes, "
          "%d rejected by SchemaValidator",
        schemas, sampleNs / 1e6, totalBytes, largest, selfCheckFailures);
    QVERIFY(schemas > 500);
    QVERIFY2(selfCheckFailures == 0, qPrintable(failures.join(QLatin1String("; "))));
}

void TestSchemaSampler::impossibleSchemas_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("allOf string and integer")
        << QByteArray(R"({"allOf": [{"type": "string"}, {"type": "integer"}]})") << "types contradict";
    QTest::addRow("not: {}") << QByteArray(R"({"type": "string", "not": {}})") << "satisfies its schema";
    QTest::addRow("empty enum") << QByteArray(R"({"type": "string", "enum": []})") << "empty enum";
    QTest::addRow("minLength above maxLength")
        << QByteArray(R"({"type": "string", "minLength": 5, "maxLength": 2})") << "minLength is above maxLength";
    QTest::addRow("minimum above maximum")
        << QByteArray(R"({"type": "integer", "minimum": 5, "maximum": 2})") << "no integer within the bounds";
    QTest::addRow("number bounds") << QByteArray(R"({"type": "number", "minimum": 5, "maximum": 2})")
                                   << "no number within the bounds";
    QTest::addRow("minItems above maxItems")
        << QByteArray(R"({"type": "array", "minItems": 3, "maxItems": 1})") << "minItems is above maxItems";
    QTest::addRow("minProperties above maxProperties")
        << QByteArray(R"({"type": "object", "minProperties": 3, "maxProperties": 1})")
        << "minProperties is above maxProperties";
    QTest::addRow("three unique booleans")
        << QByteArray(R"({"type": "array", "items": {"type": "boolean"}, "minItems": 3, "uniqueItems": true})")
        << "distinct";
    QTest::addRow("required but forbidden")
        << QByteArray(R"({"type": "object", "required": ["a"], "additionalProperties": false})") << "not allowed";
    QTest::addRow("inside a property") << QByteArray(
        R"({"type": "object", "required": ["a"], "properties": {"a": {"type": "string", "enum": []}}})")
                                       << "property 'a'";
}

// No null, {} or "string" for a schema nothing satisfies: an error value the pipeline can answer with.
void TestSchemaSampler::impossibleSchemas()
{
    QFETCH(QByteArray, schema);
    QFETCH(QString, mentions);
    const QJsonObject doc { { QStringLiteral("schema"), QJsonDocument::fromJson(schema).object() } };
    const SampleResult result =
        SchemaSampler::generate(doc, doc.value(QLatin1String("schema")), kV30, {}, nullptr, QStringLiteral("/schema"));
    QVERIFY(!result.ok());
    QVERIFY(result.value.isUndefined());
    QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
    // The old API still answers a value (null) and says why in the notes.
    QStringList notes;
    QVERIFY(SchemaSampler::sample(doc, doc.value(QLatin1String("schema")), kV30, {}, &notes).isNull());
    QVERIFY(!notes.isEmpty());
}

void TestSchemaSampler::impossibleBranchIsSkipped()
{
    const QJsonObject doc = parseDoc(R"({"schema": {"oneOf": [{"type": "string", "minLength": 3, "maxLength": 1},
                                                           {"type": "integer", "minimum": 7}]}})");
    SampleOptions plain;
    plain.realistic = false; // the plain synthesis takes the lowest integer
    const SampleResult result = SchemaSampler::generate(doc, doc.value(QLatin1String("schema")), kV30, plain);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.value, QJsonValue(7));
}

void TestSchemaSampler::budget_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<bool>("fits");
    QTest::addRow("minLength 1000000 fits 8 MiB")
        << QByteArray(R"({"type": "string", "minLength": 1000000})") << qint64(8 << 20) << true;
    QTest::addRow("minLength over the byte limit")
        << QByteArray(R"({"type": "string", "minLength": 5000})") << qint64(1000) << false;
    QTest::addRow("minItems 1e9") << QByteArray(R"({"type": "array", "minItems": 1000000000, "items": {}})")
                                  << qint64(8 << 20) << false;
    QTest::addRow("100,000 unique booleans")
        << QByteArray(R"({"type": "array", "minItems": 100000, "uniqueItems": true, "items": {"type": "boolean"}})")
        << qint64(8 << 20) << false;
    QTest::addRow("minProperties over the byte limit")
        << QByteArray(R"({"type": "object", "minProperties": 100000})") << qint64(1000) << false;
    QTest::addRow("six levels of minItems 50") << QByteArray(R"({"type": "array", "minItems": 50, "items":
        {"type": "array", "minItems": 50, "items": {"type": "array", "minItems": 50, "items": {"type": "array",
        "minItems": 50, "items": {"type": "array", "minItems": 50, "items": {"type": "array", "minItems": 50,
        "items": {"type": "integer"}}}}}}})") << qint64(8 << 20)
                                               << false;
}

// A body the schema demands but the budget refuses ends at once with an error, never a hang or a huge value.
void TestSchemaSampler::budget()
{
    QFETCH(QByteArray, schema);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, fits);
    const QJsonObject doc { { QStringLiteral("schema"), QJsonDocument::fromJson(schema).object() } };
    SampleOptions options;
    options.budget.maxBytes = maxBytes;
    options.budget.maxMilliseconds = 0; // the byte limit is under test; ASan would make a time limit flaky
    QElapsedTimer timer;
    timer.start();
    const SampleResult result = SchemaSampler::generate(
        doc, doc.value(QLatin1String("schema")), kV30, options, nullptr, QStringLiteral("/schema"));
    QVERIFY2(timer.elapsed() < 10000, "generation is not bounded");
    QCOMPARE(result.ok(), fits);
    if (fits) {
        const QString errors = validationErrors(doc, kV30, result.value);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    } else {
        QVERIFY(result.value.isUndefined());
        QVERIFY2(result.error.contains(QLatin1String("limit")) || result.error.contains(QLatin1String("distinct")),
            qPrintable(result.error));
    }
}

// The time limit alone stops a body that fits the byte limit but takes long (10,000 nested values per item).
void TestSchemaSampler::timeBudget()
{
    const QJsonObject doc = parseDoc(R"({"schema": {"type": "array", "minItems": 100000, "items": {"type": "string",
        "minLength": 60}}})");
    SampleOptions options;
    options.maxNodes = 10000000;
    options.budget.maxMilliseconds = 1;
    options.budget.maxBytes = 0;
    QElapsedTimer timer;
    timer.start();
    const SampleResult result = SchemaSampler::generate(
        doc, doc.value(QLatin1String("schema")), kV30, options, nullptr, QStringLiteral("/schema"));
    QVERIFY2(timer.elapsed() < 10000, "the time budget does not stop generation");
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QLatin1String("longer than the limit of 1 ms")), qPrintable(result.error));
}

// An object with 20,000 required properties: compiling its validator and sampling it stay linear.
void TestSchemaSampler::manyRequiredProperties()
{
    QJsonObject properties;
    QJsonArray required;
    for (int i = 0; i < 20000; ++i) {
        const QString name = QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0')); // sorted: cheap to insert
        properties.insert(name, QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } });
        required.append(name);
    }
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("properties"), properties }, { QStringLiteral("required"), required } };
    const QJsonObject doc { { QStringLiteral("schema"), schema } };
    const SchemaCache cache(doc, kV30);
    SampleOptions options;
    options.cache = &cache;
    options.maxNodes = 100000;
    options.budget.maxMilliseconds = 0;
    QElapsedTimer timer;
    timer.start();
    const SampleResult result = SchemaSampler::generate(doc, schema, kV30, options, nullptr, QStringLiteral("/schema"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.value.toObject().size(), 20000);
    QVERIFY(cache.get(QStringLiteral("/schema"))->isValid(result.value));
    QVERIFY2(timer.elapsed() < 20000, "compiling or sampling a wide object is superlinear");
}

QTEST_GUILESS_MAIN(TestSchemaSampler)
#include "tst_schemasampler.moc"
