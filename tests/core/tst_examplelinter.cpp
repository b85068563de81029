// SPDX-License-Identifier: MIT
// ExampleLinter: every kind of example checked against its schema, as warnings with pointers and lines.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/definition/examplelinter.h"
#include "testutils.h"

class TestExampleLinter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void warnings_data();
    void warnings();
    void validExamplesAreQuiet();
    void diagnosticsAreCapped();
    void validatorStrictness_data();
    void validatorStrictness();
    void xmlAndStreamExamples();
    void impossibleSchemas_data();
    void impossibleSchemas();

private:
    LoadResult m_loaded;
};

void TestExampleLinter::initTestCase()
{
    m_loaded = DefinitionLoader().loadFile(TestUtils::dataPath("validation/examples.yaml"));
    QVERIFY(m_loaded.definition);
    QVERIFY(!hasErrors(m_loaded.diagnostics));
}

void TestExampleLinter::warnings_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<int>("line");
    QTest::addRow("path parameter example") << "/paths/~1items~1{id}/parameters/0/example"
                                            << "path parameter 'id'" << 12;
    QTest::addRow("named header parameter example") << "/paths/~1items~1{id}/post/parameters/0/examples/bad/value"
                                                    << "example 'bad'" << 21;
    QTest::addRow("request body example (readOnly id not needed)")
        << "/paths/~1items~1{id}/post/requestBody/content/application~1json/example"
        << "Request body" << 27;
    QTest::addRow("response header example") << "/paths/~1items~1{id}/post/responses/200/headers/X-Rate/example"
                                             << "header 'X-Rate'" << 34;
    QTest::addRow("shared named example, once") << "/components/examples/Broken/value"
                                                << "/id: must be integer" << 56;
    QTest::addRow("schema-level example") << "/components/schemas/Item/properties/name/example"
                                          << "Schema example" << 63;
}

void TestExampleLinter::warnings()
{
    QFETCH(QString, pointer);
    QFETCH(QString, mentions);
    QFETCH(int, line);
    int found = 0;
    for (const Diagnostic& d : m_loaded.diagnostics) {
        if (d.pointer != pointer)
            continue;
        ++found;
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(d.code, QStringLiteral("example-invalid"));
        QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
        QCOMPARE(d.line, line);
        QVERIFY(d.file.endsWith(QLatin1String("examples.yaml")));
    }
    QCOMPARE(found, 1);
}

void TestExampleLinter::validExamplesAreQuiet()
{
    QCOMPARE(m_loaded.diagnostics.size(), 6);
    for (const Diagnostic& d : m_loaded.diagnostics) {
        QVERIFY2(!d.pointer.contains(QLatin1String("/good/")), qPrintable(d.toString()));
        QVERIFY2(!d.pointer.contains(QLatin1String("/fine/")), qPrintable(d.toString()));
    }
    const LoadResult bundled = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(ExampleLinter::lint(*bundled.definition).isEmpty());
}

void TestExampleLinter::diagnosticsAreCapped()
{
    LintOptions options;
    options.maxDiagnostics = 2;
    const Diagnostics capped = ExampleLinter::lint(*m_loaded.definition, options);
    QCOMPARE(capped.size(), 3);
    QVERIFY(capped.last().message.contains(QLatin1String("4 more examples")));
}

// A string example of an XML type is the document itself (never judged as a value); a stream's example array
// holds items, each held to the itemSchema.
void TestExampleLinter::xmlAndStreamExamples()
{
    const QByteArray document = R"({"openapi": "3.2.0", "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "d", "content": {
            "application/xml": {"schema": {"type": "object"}, "example": "<a/>"},
            "text/xml": {"schema": {"type": "object"}, "examples": {"doc": {"value": "<a/>"}, "bad": {"value": 3}}},
            "application/jsonl": {"itemSchema": {"type": "integer"}, "example": [1, "two", 3]}}}}}}}})";
    const LoadResult loaded = DefinitionLoader().loadData(document, QStringLiteral("xml.json"));
    QVERIFY(loaded.definition);
    QStringList pointers;
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.code == QLatin1String("example-invalid"))
            pointers.append(d.pointer);
    pointers.sort();
    QCOMPARE(pointers,
        QStringList({ QStringLiteral("/paths/~1a/get/responses/200/content/application~1jsonl/example/1"),
            QStringLiteral("/paths/~1a/get/responses/200/content/text~1xml/examples/bad/value") }));
}

// Cases the old prefilter let through: the linter now checks with the mock's own SchemaValidator.
void TestExampleLinter::validatorStrictness_data()
{
    QTest::addColumn<QByteArray>("schema"); // components/schemas/S of an OpenAPI 3.1 document
    QTest::addColumn<QString>("mentions");
    QTest::addRow("multipleOf 0.01 and 100000000.001")
        << QByteArray(R"({"type": "number", "multipleOf": 0.01, "example": 100000000.001})") << "multiple of 0.01";
    QTest::addRow("pattern $ before a final newline")
        << QByteArray(R"({"type": "string", "pattern": "^\\d+$", "example": "123\\n"})") << "must match pattern";
    QTest::addRow("unevaluatedProperties")
        << QByteArray(R"({"type": "object", "properties": {"a": {}}, "unevaluatedProperties": false,
                        "example": {"a": 1, "b": 2}})")
        << "property 'b' is not allowed";
    QTest::addRow("dependentSchemas") << QByteArray(
        R"({"type": "object", "dependentSchemas": {"a": {"required": ["b"]}}, "example": {"a": 1}})")
                                      << "missing required property 'b'";
    QTest::addRow("$dynamicRef") << QByteArray(
        R"({"type": "object", "properties": {"n": {"$dynamicRef": "#/components/schemas/N"}},
                        "example": {"n": "text"}})")
                                 << "/n: must be integer";
}

void TestExampleLinter::validatorStrictness()
{
    QFETCH(QByteArray, schema);
    QFETCH(QString, mentions);
    const QByteArray document = R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"N": {"type": "integer"}, "S": )"
        + schema + "}}}";
    const LoadResult loaded = DefinitionLoader().loadData(document, QStringLiteral("strict.json"));
    QVERIFY(loaded.definition);
    int found = 0;
    for (const Diagnostic& d : loaded.diagnostics) {
        if (d.code != QLatin1String("example-invalid"))
            continue;
        ++found;
        QCOMPARE(d.pointer, QStringLiteral("/components/schemas/S/example"));
        QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
    }
    QCOMPARE(found, 1);
}

void TestExampleLinter::impossibleSchemas_data()
{
    QTest::addColumn<QByteArray>("schema"); // components/schemas/S of an OpenAPI 3.0 document
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("allOf string and integer")
        << QByteArray(R"({"allOf": [{"type": "string"}, {"$ref": "#/components/schemas/N"}]})") << "/allOf"
        << "no common type";
    QTest::addRow("not: {}") << QByteArray(R"({"not": {}})") << "/not"
                             << "rules out every value";
    QTest::addRow("empty enum") << QByteArray(R"({"type": "string", "enum": []})") << "/enum"
                                << "empty enum";
    QTest::addRow("minLength above maxLength")
        << QByteArray(R"({"type": "string", "minLength": 5, "maxLength": 2})") << "/minLength"
        << "minLength 5 is above maxLength 2";
    QTest::addRow("minimum above maximum")
        << QByteArray(R"({"type": "number", "minimum": 5, "maximum": 2})") << "/minimum"
        << "minimum 5 is above maximum 2";
    QTest::addRow("minItems above maxItems")
        << QByteArray(R"({"type": "array", "minItems": 3, "maxItems": 1})") << "/minItems"
        << "minItems 3";
    QTest::addRow("minProperties above maxProperties")
        << QByteArray(R"({"type": "object", "minProperties": 3, "maxProperties": 1})") << "/minProperties"
        << "minProperties 3";
    QTest::addRow("invalid pattern") << QByteArray(R"({"type": "string", "pattern": "^(abc$"})") << "/pattern"
                                     << "not a valid ECMA-262";
    QTest::addRow("non-ECMA pattern") << QByteArray(R"({"type": "string", "pattern": "^abc\\Z"})") << "/pattern"
                                      << "not a valid ECMA-262";
    QTest::addRow("three unique booleans")
        << QByteArray(R"({"type": "array", "items": {"type": "boolean"}, "minItems": 3, "uniqueItems": true})")
        << "/uniqueItems"
        << "only 2 distinct";
    QTest::addRow("nested in a property")
        << QByteArray(R"({"type": "object", "properties": {"a": {"type": "string", "enum": []}}})")
        << "/properties/a/enum"
        << "empty enum";
}

// Schemas nothing can satisfy are reported at load time (--check, the Problems pane), at the keyword.
void TestExampleLinter::impossibleSchemas()
{
    QFETCH(QByteArray, schema);
    QFETCH(QString, pointer);
    QFETCH(QString, mentions);
    const QByteArray document = R"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"N": {"type": "integer"}, "S": )"
        + schema + "}}}";
    const LoadResult loaded = DefinitionLoader().loadData(document, QStringLiteral("impossible.json"));
    QVERIFY(loaded.definition);
    QStringList found;
    for (const Diagnostic& d : loaded.diagnostics) {
        if (d.code != QLatin1String("schema-impossible"))
            continue;
        found.append(d.pointer);
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(d.pointer, QStringLiteral("/components/schemas/S") + pointer);
        QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
        QVERIFY(d.line > 0);
    }
    QCOMPARE(found.size(), 1);
}

QTEST_GUILESS_MAIN(TestExampleLinter)
#include "tst_examplelinter.moc"
