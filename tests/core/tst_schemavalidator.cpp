// SPDX-License-Identifier: MIT
// Unit tests for SchemaValidator: keywords per dialect, OpenAPI extras, error reports, recursion, caching.
#include <thread>
#include <vector>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/schema/schemavalidator.h"

Q_DECLARE_METATYPE(SchemaDialect)
Q_DECLARE_METATYPE(ValidationDirection)

namespace {

// Parses any JSON text, scalars included.
QJsonValue json(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson((QLatin1Char('[') + text + QLatin1Char(']')).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(text));
    return doc.array().at(0);
}

QJsonValue json(const char* text)
{
    return json(QString::fromUtf8(text));
}

QStringList describe(const QList<SchemaError>& errors)
{
    QStringList out;
    for (const SchemaError& e : errors)
        out.append(e.instancePointer + QLatin1Char(' ') + e.keyword + QLatin1Char(' ') + e.message);
    return out;
}

// An OpenAPI 3.0 document with polymorphic pets and read/write-only fields.
const char* kPetDocument = R"({
  "openapi": "3.0.3",
  "components": { "schemas": {
    "Pet": {
      "type": "object",
      "required": ["petType"],
      "properties": { "petType": { "type": "string" } },
      "discriminator": { "propertyName": "petType", "mapping": { "dog": "#/components/schemas/Dog" } },
      "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ]
    },
    "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
                         { "type": "object", "required": ["lives"], "properties": { "lives": { "type": "integer" } } } ] },
    "Dog": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
                         { "type": "object", "required": ["bark"], "properties": { "bark": { "type": "boolean" } } } ] },
    "Account": {
      "type": "object",
      "required": ["id", "name", "password"],
      "properties": {
        "id": { "type": "integer", "readOnly": true },
        "name": { "type": "string" },
        "password": { "allOf": [ { "$ref": "#/components/schemas/Secret" } ], "writeOnly": true }
      }
    },
    "Secret": { "type": "string", "minLength": 8 }
  } }
})";

// OpenAPI 3.2: discriminator.defaultMapping takes a missing or unmapped discriminator value.
const char* kDefaultMappingDocument = R"({
  "openapi": "3.2.0",
  "components": { "schemas": {
    "Shape": {
      "oneOf": [ { "$ref": "#/components/schemas/Square" }, { "$ref": "#/components/schemas/Circle" } ],
      "discriminator": { "propertyName": "kind", "mapping": { "square": "Square" }, "defaultMapping": "Circle" }
    },
    "Square": { "type": "object", "required": ["side"], "properties": { "side": { "type": "number" } } },
    "Circle": { "type": "object", "required": ["radius"], "properties": { "radius": { "type": "number" } } }
  } }
})";

} // namespace

// Exercises SchemaValidator and SchemaCache through their public API.
class TestSchemaValidator : public QObject
{
    Q_OBJECT

private slots:
    void wideSchemaCompilesLinearly();
    void sharedCacheAcrossThreads();
    void validate_data();
    void validate();
    void multipleErrorsCollected();
    void errorLocationsAndMessages();
    void discriminatorReportsOnlySelectedBranch();
    void recursiveSchema();
    void selfReferenceDoesNotLoop();
    void unresolvedRefAcceptsAnything();
    void patternMatchLimit();
    void formatAssertionFollowsDialect();
    void cacheSharesAndIsThreadSafe();
};

void TestSchemaValidator::validate_data()
{
    QTest::addColumn<SchemaDialect>("dialect");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<ValidationDirection>("direction");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("firstError"); // "<instance pointer> <keyword> <message>" of errors[0], or empty

    const auto none = ValidationDirection::None;
    const QString pets = QString::fromUtf8(kPetDocument);
    const QString pet = QStringLiteral("/components/schemas/Pet");
    const QString account = QStringLiteral("/components/schemas/Account");
    auto row = [&](const char* name, SchemaDialect d, const QString& schema, const QString& instance, bool valid,
                   const QString& firstError = QString()) {
        QTest::addRow("%s", name) << d << schema << QString() << instance << none << valid << firstError;
    };
    const auto oas30 = SchemaDialect::OpenApi30;
    const auto oas31 = SchemaDialect::OpenApi31;
    const auto d4 = SchemaDialect::Draft4;
    const auto d2020 = SchemaDialect::Draft202012;

    // types
    row("type string ok", oas30, QStringLiteral(R"({"type":"string"})"), QStringLiteral(R"("x")"), true);
    row("type string vs number", oas30, QStringLiteral(R"({"type":"string"})"), QStringLiteral("1"), false,
        QStringLiteral(" type must be string"));
    row("1.0 is an integer", d2020, QStringLiteral(R"({"type":"integer"})"), QStringLiteral("1.0"), true);
    row("1.5 is not an integer", d2020, QStringLiteral(R"({"type":"integer"})"), QStringLiteral("1.5"), false);
    row("3.1 type array with null", oas31, QStringLiteral(R"({"type":["string","null"]})"), QStringLiteral("null"),
        true);
    // OpenAPI 3.0 nullable
    row("3.0 nullable accepts null", oas30, QStringLiteral(R"({"type":"string","nullable":true})"),
        QStringLiteral("null"), true);
    row("3.0 nullable with enum accepts null", oas30,
        QStringLiteral(R"({"type":"string","nullable":true,"enum":["a"]})"), QStringLiteral("null"), true);
    row("3.0 not nullable rejects null", oas30, QStringLiteral(R"({"type":"string"})"), QStringLiteral("null"), false,
        QStringLiteral(" type must be string"));
    row("3.0 nullable message", oas30, QStringLiteral(R"({"type":"integer","nullable":true})"),
        QStringLiteral(R"("x")"), false, QStringLiteral(" type must be integer or null"));
    row("nullable is no keyword in 3.1", oas31, QStringLiteral(R"({"type":"string","nullable":true})"),
        QStringLiteral("null"), false);
    // numeric bounds
    row("minimum ok", oas30, QStringLiteral(R"({"minimum":1})"), QStringLiteral("1"), true);
    row("minimum violated", oas30, QStringLiteral(R"({"minimum":1})"), QStringLiteral("0"), false,
        QStringLiteral(" minimum must be >= 1"));
    row("3.0 boolean exclusiveMinimum", oas30, QStringLiteral(R"({"minimum":1,"exclusiveMinimum":true})"),
        QStringLiteral("1"), false, QStringLiteral(" exclusiveMinimum must be > 1"));
    row("3.0 boolean exclusiveMaximum", oas30, QStringLiteral(R"({"maximum":5,"exclusiveMaximum":true})"),
        QStringLiteral("4.99"), true);
    row("3.0 exclusiveMaximum false is inclusive", oas30, QStringLiteral(R"({"maximum":5,"exclusiveMaximum":false})"),
        QStringLiteral("5"), true);
    row("3.1 numeric exclusiveMaximum", oas31, QStringLiteral(R"({"exclusiveMaximum":5})"), QStringLiteral("5"), false,
        QStringLiteral(" exclusiveMaximum must be < 5"));
    row("multipleOf float ok", d2020, QStringLiteral(R"({"multipleOf":0.01})"), QStringLiteral("19.99"), true);
    row("multipleOf float bad", d2020, QStringLiteral(R"({"multipleOf":0.01})"), QStringLiteral("19.995"), false);
    // strings
    row("minLength counts code points", d2020, QStringLiteral(R"({"minLength":2})"),
        QStringLiteral(R"("\ud83d\ude00")"), false, QStringLiteral(" minLength must be at least 2 characters long"));
    row("maxLength counts code points", d2020, QStringLiteral(R"({"maxLength":1})"),
        QStringLiteral(R"("\ud83d\ude00")"), true);
    row("pattern is unanchored", d2020, QStringLiteral(R"({"pattern":"b"})"), QStringLiteral(R"("abc")"), true);
    row("pattern \\d is ASCII only", d2020, QStringLiteral(R"({"pattern":"^\\d+$"})"), QStringLiteral(R"("\u0661")"),
        false);
    // enum / const
    row("enum message", oas30, QStringLiteral(R"({"enum":["a","b"]})"), QStringLiteral(R"("c")"), false,
        QStringLiteral(" enum must be one of: a, b"));
    row("const", d2020, QStringLiteral(R"({"const":{"a":1}})"), QStringLiteral(R"({"a":1.0})"), true);
    // objects
    row("required message", oas30, QStringLiteral(R"({"required":["name"]})"), QStringLiteral("{}"), false,
        QStringLiteral(" required missing required property 'name'"));
    row("additionalProperties false", oas30, QStringLiteral(R"({"properties":{"a":{}},"additionalProperties":false})"),
        QStringLiteral(R"({"a":1,"b":2})"), false,
        QStringLiteral("/b additionalProperties property 'b' is not allowed"));
    row("patternProperties", d2020, QStringLiteral(R"({"patternProperties":{"^x-":{"type":"string"}}})"),
        QStringLiteral(R"({"x-a":1})"), false, QStringLiteral("/x-a type must be string"));
    row("propertyNames", d2020, QStringLiteral(R"({"propertyNames":{"maxLength":2}})"), QStringLiteral(R"({"abc":1})"),
        false, QStringLiteral(" propertyNames property name 'abc' is not valid"));
    row("dependentRequired", d2020, QStringLiteral(R"({"dependentRequired":{"a":["b"]}})"),
        QStringLiteral(R"({"a":1})"), false,
        QStringLiteral(" dependentRequired property 'b' is required when 'a' is present"));
    row("draft4 dependencies array", d4, QStringLiteral(R"({"dependencies":{"a":["b"]}})"),
        QStringLiteral(R"({"a":1,"b":2})"), true);
    row("unevaluatedProperties sees allOf", d2020,
        QStringLiteral(R"({"allOf":[{"properties":{"a":{}}}],"unevaluatedProperties":false})"),
        QStringLiteral(R"({"a":1,"b":2})"), false,
        QStringLiteral("/b unevaluatedProperties property 'b' is not allowed"));
    // arrays
    row("prefixItems + items false", d2020, QStringLiteral(R"({"prefixItems":[{"type":"integer"}],"items":false})"),
        QStringLiteral("[1,2]"), false, QStringLiteral("/1 items item 1 is not allowed"));
    row("draft4 tuple + additionalItems", d4,
        QStringLiteral(R"({"items":[{"type":"integer"}],"additionalItems":{"type":"string"}})"),
        QStringLiteral(R"([1,"x"])"), true);
    row("contains with maxContains", d2020, QStringLiteral(R"({"contains":{"const":1},"maxContains":1})"),
        QStringLiteral("[1,1]"), false, QStringLiteral(" maxContains must contain at most 1 matching items (found 2)"));
    row("uniqueItems 1 and 1.0", d2020, QStringLiteral(R"({"uniqueItems":true})"), QStringLiteral("[1,1.0]"), false);
    row("uniqueItems long array", d2020, QStringLiteral(R"({"uniqueItems":true})"),
        QStringLiteral("[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,{\"a\":[1]},{\"a\":[1.0]}]"), false);
    // applicators
    row("if/then/else", d2020,
        QStringLiteral(R"({"if":{"type":"integer"},"then":{"minimum":0},"else":{"type":"string"}})"),
        QStringLiteral("-1"), false, QStringLiteral(" minimum must be >= 0"));
    row("oneOf matched twice", oas30, QStringLiteral(R"({"oneOf":[{"type":"integer"},{"minimum":0}]})"),
        QStringLiteral("1"), false, QStringLiteral(" oneOf must match exactly one schema in oneOf (matched 0 and 1)"));
    row("anyOf none", oas30, QStringLiteral(R"({"anyOf":[{"type":"integer"},{"type":"boolean"}]})"),
        QStringLiteral(R"("x")"), false, QStringLiteral(" anyOf must match at least one schema in anyOf"));
    row("not", oas30, QStringLiteral(R"({"not":{"type":"string"}})"), QStringLiteral(R"("x")"), false,
        QStringLiteral(" not must not match the schema in 'not'"));
    row("boolean schema false", d2020, QStringLiteral("false"), QStringLiteral("1"), false);
    row("$defs and $anchor", d2020,
        QStringLiteral(R"({"$ref":"#num","$defs":{"n":{"$anchor":"num","type":"number"}}})"), QStringLiteral(R"("x")"),
        false, QStringLiteral(" type must be number"));
    row("3.0 $ref siblings ignored", oas30,
        QStringLiteral(R"({"$ref":"#/definitions/s","maxLength":1,"definitions":{"s":{"type":"string"}}})"),
        QStringLiteral(R"("long")"), true);
    row("3.1 $ref siblings apply", oas31,
        QStringLiteral(R"({"$ref":"#/$defs/s","maxLength":1,"$defs":{"s":{"type":"string"}}})"),
        QStringLiteral(R"("long")"), false);
    row("OpenAPI-only keywords ignored", oas30,
        QStringLiteral(
            R"({"type":"string","example":1,"xml":{"name":"x"},"externalDocs":{"url":"u"},"deprecated":true})"),
        QStringLiteral(R"("s")"), true);

    // discriminator
    auto docRow = [&](const char* name, const QString& pointer, const QString& instance, ValidationDirection dir,
                      bool valid, const QString& firstError = QString()) {
        QTest::addRow("%s", name) << oas30 << pets << pointer << instance << dir << valid << firstError;
    };
    docRow("discriminator implicit name", pet, QStringLiteral(R"({"petType":"Cat","lives":9})"), none, true);
    docRow("discriminator implicit name, branch error", pet, QStringLiteral(R"({"petType":"Cat","lives":"nine"})"),
        none, false, QStringLiteral("/lives type must be integer"));
    docRow("discriminator mapping", pet, QStringLiteral(R"({"petType":"dog","bark":true})"), none, true);
    docRow("discriminator missing property", pet, QStringLiteral(R"({"bark":true})"), none, false,
        QStringLiteral(" required missing required property 'petType'"));
    docRow("discriminator unknown value", pet, QStringLiteral(R"({"petType":"cow"})"), none, false,
        QStringLiteral(" discriminator discriminator property 'petType' must be one of: dog, Cat, Dog"));
    const QString shapes = QString::fromUtf8(kDefaultMappingDocument);
    const QString shape = QStringLiteral("/components/schemas/Shape");
    auto shapeRow = [&](const char* name, const QString& instance, bool valid, const QString& firstError = QString()) {
        QTest::addRow("%s", name) << oas31 << shapes << shape << instance << none << valid << firstError;
    };
    shapeRow("defaultMapping: missing value takes the default", QStringLiteral(R"({"radius":1})"), true);
    shapeRow("defaultMapping: unmapped value takes the default", QStringLiteral(R"({"kind":"blob","radius":1})"), true);
    shapeRow("defaultMapping: default schema is checked", QStringLiteral(R"({"side":1})"), false,
        QStringLiteral(" required missing required property 'radius'"));
    shapeRow("defaultMapping: a mapped value keeps its branch", QStringLiteral(R"({"kind":"square","side":1})"), true);
    shapeRow("defaultMapping: mapped branch is checked", QStringLiteral(R"({"kind":"square","radius":1})"), false,
        QStringLiteral(" required missing required property 'side'"));
    // readOnly / writeOnly by direction
    docRow("request: readOnly not required", account, QStringLiteral(R"({"name":"a","password":"12345678"})"),
        ValidationDirection::Request, true);
    docRow("request: readOnly present is accepted", account,
        QStringLiteral(R"({"id":1,"name":"a","password":"12345678"})"), ValidationDirection::Request, true);
    docRow("request: writeOnly required", account, QStringLiteral(R"({"name":"a"})"), ValidationDirection::Request,
        false, QStringLiteral(" required missing required property 'password'"));
    docRow("request: writeOnly still validated", account, QStringLiteral(R"({"name":"a","password":"short"})"),
        ValidationDirection::Request, false, QStringLiteral("/password minLength must be at least 8 characters long"));
    docRow("response: writeOnly not required", account, QStringLiteral(R"({"id":1,"name":"a"})"),
        ValidationDirection::Response, true);
    docRow("response: readOnly required", account, QStringLiteral(R"({"name":"a"})"), ValidationDirection::Response,
        false, QStringLiteral(" required missing required property 'id'"));
    docRow("no direction: both required", account, QStringLiteral(R"({"name":"a"})"), none, false);
}

void TestSchemaValidator::validate()
{
    QFETCH(SchemaDialect, dialect);
    QFETCH(QString, document);
    QFETCH(QString, pointer);
    QFETCH(QString, instance);
    QFETCH(ValidationDirection, direction);
    QFETCH(bool, valid);
    QFETCH(QString, firstError);

    Diagnostics warnings;
    const CompiledSchemaPtr schema = SchemaValidator::compile(json(document), pointer, dialect, &warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.value(0).message));
    QList<SchemaError> errors;
    QCOMPARE(schema->validate(json(instance), direction, &errors), valid);
    QCOMPARE(schema->validate(json(instance), direction, nullptr), valid);
    QCOMPARE(errors.isEmpty(), valid);
    if (!firstError.isEmpty())
        QCOMPARE(describe(errors).value(0), firstError);
}

void TestSchemaValidator::multipleErrorsCollected()
{
    const QJsonValue schema = json(R"({
        "type": "object", "required": ["name", "tags"],
        "properties": { "age": { "type": "integer", "minimum": 0 },
                        "tags": { "type": "array", "items": { "type": "string" } } } })");
    const auto compiled = SchemaValidator::compile(schema, QString(), SchemaDialect::OpenApi30);
    QList<SchemaError> errors;
    QVERIFY(!compiled->validate(
        json(QStringLiteral(R"({"age": -1.5, "tags": [1, "x", true]})")), ValidationDirection::None, &errors));
    const QStringList expected = {
        QStringLiteral(" required missing required property 'name'"),
        QStringLiteral("/age type must be integer"),
        QStringLiteral("/age minimum must be >= 0"),
        QStringLiteral("/tags/0 type must be string"),
        QStringLiteral("/tags/2 type must be string"),
    };
    QCOMPARE(describe(errors), expected);
}

void TestSchemaValidator::errorLocationsAndMessages()
{
    const QJsonValue doc = json(R"({"components":{"schemas":{
        "List": {"type":"array","items":{"$ref":"#/components/schemas/Item"}},
        "Item": {"type":"object","properties":{"a/b":{"enum":[1,2]}}}}}})");
    const auto compiled =
        SchemaValidator::compile(doc, QStringLiteral("/components/schemas/List"), SchemaDialect::OpenApi30);
    QList<SchemaError> errors;
    QVERIFY(!compiled->validate(json(QStringLiteral(R"([{"a/b":3}])")), ValidationDirection::None, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].instancePointer, QStringLiteral("/0/a~1b"));
    QCOMPARE(errors[0].schemaPointer, QStringLiteral("/components/schemas/Item/properties/a~1b/enum"));
    QCOMPARE(errors[0].keyword, QStringLiteral("enum"));
    QCOMPARE(errors[0].message, QStringLiteral("must be one of: 1, 2"));
    QCOMPARE(errors[0].toString(), QStringLiteral("/0/a~1b: must be one of: 1, 2"));
    QCOMPARE(compiled->pointer(), QStringLiteral("/components/schemas/List"));
}

void TestSchemaValidator::discriminatorReportsOnlySelectedBranch()
{
    const auto compiled = SchemaValidator::compile(
        json(QString::fromUtf8(kPetDocument)), QStringLiteral("/components/schemas/Pet"), SchemaDialect::OpenApi30);
    QList<SchemaError> errors;
    QVERIFY(!compiled->validate(
        json(QStringLiteral(R"({"petType":"Dog","bark":"loud"})")), ValidationDirection::None, &errors));
    // no "must match exactly one schema in oneOf": only the Dog branch speaks
    QCOMPARE(describe(errors), QStringList { QStringLiteral("/bark type must be boolean") });
    QVERIFY(errors[0].schemaPointer.startsWith(QLatin1String("/components/schemas/Dog/")));
}

void TestSchemaValidator::recursiveSchema()
{
    const QJsonValue schema = json(R"({
        "$defs": {"node": {"type":"object","required":["value"],
                  "properties": {"value":{"type":"integer"},
                                 "children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},
        "$ref": "#/$defs/node"})");
    const auto compiled = SchemaValidator::compile(schema, QString(), SchemaDialect::OpenApi31);
    QString deep = QStringLiteral(R"({"value":1})");
    for (int i = 0; i < 40; ++i)
        deep = QStringLiteral(R"({"value":%1,"children":[%2]})").arg(i).arg(deep);
    QVERIFY(compiled->isValid(json(deep)));
    QList<SchemaError> errors;
    QVERIFY(
        !compiled->validate(json(QStringLiteral(R"({"value":1,"children":[{"value":2,"children":[{"value":"x"}]}]})")),
            ValidationDirection::None, &errors));
    QCOMPARE(describe(errors), QStringList { QStringLiteral("/children/0/children/0/value type must be integer") });

    // Instances deeper than the depth bound fail with an error instead of exhausting the stack.
    QString tooDeep = QStringLiteral(R"({"value":1})");
    for (int i = 0; i < 300; ++i)
        tooDeep = QStringLiteral(R"({"value":1,"children":[%1]})").arg(tooDeep);
    errors.clear();
    QVERIFY(!compiled->validate(json(tooDeep), ValidationDirection::None, &errors));
    QVERIFY(errors.last().message.contains(QLatin1String("nesting")));
}

void TestSchemaValidator::selfReferenceDoesNotLoop()
{
    for (const SchemaDialect dialect : { SchemaDialect::Draft4, SchemaDialect::Draft202012 }) {
        const auto compiled = SchemaValidator::compile(
            json(R"({"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}},
                                    "$ref":"#/definitions/a"})"),
            QString(), dialect);
        // a ref cycle that never reaches a constraint is treated as satisfied (and must terminate)
        QVERIFY(compiled->isValid(json(QStringLiteral("1"))));
    }
}

void TestSchemaValidator::unresolvedRefAcceptsAnything()
{
    Diagnostics warnings;
    const auto compiled = SchemaValidator::compile(
        json(QStringLiteral(R"({"properties":{"a":{"$ref":"#/nowhere"},"b":{"$ref":"http://example.com/x.json"}}})")),
        QString(), SchemaDialect::OpenApi30, &warnings);
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(warnings[0].code, QStringLiteral("schema-ref-unresolved"));
    QCOMPARE(warnings[0].severity, Diagnostic::Severity::Warning);
    QVERIFY(compiled->isValid(json(QStringLiteral(R"({"a":[1],"b":"x"})"))));
}

void TestSchemaValidator::patternMatchLimit()
{
    Diagnostics warnings;
    const auto compiled = SchemaValidator::compile(
        json(QStringLiteral(R"({"pattern":"^(a+)+$"})")), QString(), SchemaDialect::OpenApi31, &warnings);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0].code, QStringLiteral("schema-pattern-backtracking"));
    QElapsedTimer timer;
    timer.start();
    QList<SchemaError> errors;
    QVERIFY(!compiled->validate(
        QJsonValue(QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaa!")), ValidationDirection::None, &errors));
    QVERIFY(compiled->isValid(QJsonValue(QStringLiteral("aaaa"))));
    QVERIFY2(timer.elapsed() < 5000, "catastrophic pattern must not hang"); // generous: it takes milliseconds
    QCOMPARE(errors.value(0).keyword, QStringLiteral("pattern"));
}

void TestSchemaValidator::formatAssertionFollowsDialect()
{
    const QJsonValue schema = json(R"({"properties":{
        "when":{"format":"date-time"}, "day":{"format":"date"}, "id":{"format":"uuid"}, "mail":{"format":"email"},
        "v4":{"format":"ipv4"}, "v6":{"format":"ipv6"}, "site":{"format":"uri"}, "n":{"format":"int32"},
        "t":{"format":"time"}, "big":{"format":"int64"}}})");
    const QJsonValue good = json(R"({"when":"2024-02-29T12:00:00Z","day":"2024-02-29",
        "id":"123e4567-e89b-12d3-a456-426614174000","mail":"a@example.com","v4":"10.0.0.1","v6":"::1",
        "site":"https://example.com/a?b#c","n":2147483647,"t":"23:59:59+02:00","big":9007199254740991})");
    const QJsonValue bad = json(R"({"when":"2023-02-29T12:00:00Z","day":"2024-13-01","id":"xyz",
        "mail":"no-at","v4":"256.0.0.1","v6":"1:::2","site":"not a uri","n":2147483648,"t":"25:00:00Z","big":1.5})");
    const auto asserting = SchemaValidator::compile(schema, QString(), SchemaDialect::OpenApi30);
    const auto annotating = SchemaValidator::compile(schema, QString(), SchemaDialect::Draft202012);
    QVERIFY(asserting->isValid(good));
    QList<SchemaError> errors;
    QVERIFY(!asserting->validate(bad, ValidationDirection::None, &errors));
    QCOMPARE(errors.size(), 10);
    for (const SchemaError& e : errors)
        QCOMPARE(e.keyword, QStringLiteral("format"));
    QVERIFY(annotating->isValid(bad));
}

void TestSchemaValidator::cacheSharesAndIsThreadSafe()
{
    SchemaCache cache(json(QString::fromUtf8(kPetDocument)), SchemaDialect::OpenApi30);
    const auto pet = cache.get(QStringLiteral("/components/schemas/Pet"));
    QCOMPARE(cache.get(QStringLiteral("/components/schemas/Pet")).get(), pet.get());
    QVERIFY(cache.warnings().isEmpty());
    const QJsonValue cat = json(QStringLiteral(R"({"petType":"Cat","lives":9})"));
    const QJsonValue badDog = json(QStringLiteral(R"({"petType":"Dog"})"));
    std::atomic<int> wrong { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                const auto schema = cache.get(
                    t % 2 ? QStringLiteral("/components/schemas/Pet") : QStringLiteral("/components/schemas/Account"));
                if (t % 2 && (!schema->isValid(cat) || schema->isValid(badDog)))
                    ++wrong;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

// 40,000 properties, each its own node: compiling and validating stay linear (a first request compiles this).
void TestSchemaValidator::wideSchemaCompilesLinearly()
{
    QJsonObject properties;
    QJsonObject instance;
    QJsonArray required;
    for (int i = 0; i < 40000; ++i) {
        const QString name = QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0')); // sorted: cheap to insert
        properties.insert(name, QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } });
        instance.insert(name, i);
        required.append(name);
    }
    const QJsonObject doc { { QStringLiteral("schema"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("properties"), properties }, { QStringLiteral("required"), required } } } };
    QElapsedTimer timer;
    timer.start();
    const SchemaCache cache(doc, SchemaDialect::OpenApi30);
    const CompiledSchemaPtr schema = cache.get(QStringLiteral("/schema"));
    QVERIFY(schema->isValid(instance));
    instance.insert(QStringLiteral("p00007"), QStringLiteral("seven"));
    QList<SchemaError> errors;
    QVERIFY(!schema->validate(instance, ValidationDirection::None, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(timer.elapsed() < 20000, "compiling a wide schema is superlinear");
}

// The definition's one cache is used from the serving threads at once: every thread gets the same compiled schema.
void TestSchemaValidator::sharedCacheAcrossThreads()
{
    QJsonObject schemas;
    for (int i = 0; i < 200; ++i)
        schemas.insert(QStringLiteral("S%1").arg(i, 3, 10, QLatin1Char('0')),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") }, { QStringLiteral("minimum"), i } });
    const QJsonObject doc { { QStringLiteral("components"), QJsonObject { { QStringLiteral("schemas"), schemas } } } };
    const SchemaCache cache(doc, SchemaDialect::OpenApi30);
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&cache, &failures, t] {
            for (int i = 0; i < 200; ++i) {
                const QString pointer =
                    QStringLiteral("/components/schemas/S%1").arg((i + t * 50) % 200, 3, 10, QLatin1Char('0'));
                const CompiledSchemaPtr schema = cache.get(pointer);
                const int min = (i + t * 50) % 200;
                if (!schema->isValid(min) || schema->isValid(min - 1) || cache.get(pointer) != schema)
                    ++failures[size_t(t)];
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(failures, std::vector<int>(4, 0));
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"
