// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/definition/swaggerconverter.h"
#include "core/json/jsonpointer.h"

class TestSwaggerConverter : public QObject
{
    Q_OBJECT

private slots:
    void converts_data();
    void converts();
};

void TestSwaggerConverter::converts_data()
{
    QTest::addColumn<QByteArray>("swagger");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("expected");
    const QByteArray base = R"({"swagger": "2.0", "host": "h.io", "basePath": "/api", "produces": ["application/json"],
      "definitions": {"A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/B", "x-nullable": true},
                     "example": {"type": "file"}}, "example": {"$ref": "#/definitions/keep"}},
                     "B": {"type": "string", "x-nullable": true}},
      "parameters": {"Q": {"name": "q", "in": "query", "type": "array", "items": {"type": "integer"}, "collectionFormat": "pipes"},
                     "Body": {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/A"}}},
      "responses": {"Err": {"description": "bad", "schema": {"$ref": "#/definitions/B"}}},
      "securityDefinitions": {"b": {"type": "basic"}, "o": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t", "scopes": {}}},
      "paths": {"/p": {"post": {"consumes": ["application/x-www-form-urlencoded", "multipart/form-data"],
                               "parameters": [{"$ref": "#/parameters/Q"}, {"name": "f", "in": "formData", "type": "string"}],
                               "responses": {"400": {"$ref": "#/responses/Err"},
                                             "200": {"description": "ok", "examples": {"text/csv": "a,b"}}}},
                      "put": {"parameters": [{"$ref": "#/parameters/Body"}], "responses": {}}}}})";
    QTest::addRow("definitions become components/schemas")
        << base << QStringLiteral("/components/schemas/A/properties/b/$ref")
        << QJsonValue(QStringLiteral("#/components/schemas/B"));
    QTest::addRow("x-nullable becomes nullable")
        << base << QStringLiteral("/components/schemas/B/nullable") << QJsonValue(true);
    QTest::addRow("x-nullable next to a $ref")
        << base << QStringLiteral("/components/schemas/A/properties/b/nullable") << QJsonValue(true);
    QTest::addRow("file type becomes binary string")
        << base << QStringLiteral("/components/schemas/A/properties/example/format")
        << QJsonValue(QStringLiteral("binary"));
    QTest::addRow("example values are not rewritten") << base << QStringLiteral("/components/schemas/A/example/$ref")
                                                      << QJsonValue(QStringLiteral("#/definitions/keep"));
    QTest::addRow("shared parameter") << base << QStringLiteral("/components/parameters/Q/style")
                                      << QJsonValue(QStringLiteral("pipeDelimited"));
    QTest::addRow("shared parameter ref rewritten") << base << QStringLiteral("/paths/~1p/post/parameters/0/$ref")
                                                    << QJsonValue(QStringLiteral("#/components/parameters/Q"));
    QTest::addRow("shared body parameter becomes requestBody")
        << base << QStringLiteral("/components/requestBodies/Body/content/application~1json/schema/$ref")
        << QJsonValue(QStringLiteral("#/components/schemas/A"));
    QTest::addRow("form parameters, urlencoded")
        << base
        << QStringLiteral(
               "/paths/~1p/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/f/type")
        << QJsonValue(QStringLiteral("string"));
    QTest::addRow("form parameters, multipart")
        << base << QStringLiteral("/paths/~1p/post/requestBody/content/multipart~1form-data/schema/type")
        << QJsonValue(QStringLiteral("object"));
    QTest::addRow("body parameter ref inlined")
        << base << QStringLiteral("/paths/~1p/put/requestBody/content/application~1json/schema/$ref")
        << QJsonValue(QStringLiteral("#/components/schemas/A"));
    QTest::addRow("shared response ref rewritten") << base << QStringLiteral("/paths/~1p/post/responses/400/$ref")
                                                   << QJsonValue(QStringLiteral("#/components/responses/Err"));
    QTest::addRow("shared response content per produces")
        << base << QStringLiteral("/components/responses/Err/content/application~1json/schema/$ref")
        << QJsonValue(QStringLiteral("#/components/schemas/B"));
    QTest::addRow("response examples become media type example")
        << base << QStringLiteral("/paths/~1p/post/responses/200/content/text~1csv/example")
        << QJsonValue(QStringLiteral("a,b"));
    QTest::addRow("basic auth") << base << QStringLiteral("/components/securitySchemes/b/scheme")
                                << QJsonValue(QStringLiteral("basic"));
    QTest::addRow("oauth2 application flow")
        << base << QStringLiteral("/components/securitySchemes/o/flows/clientCredentials/tokenUrl")
        << QJsonValue(QStringLiteral("https://t"));
    QTest::addRow("host and basePath become a server")
        << base << QStringLiteral("/servers/0/url") << QJsonValue(QStringLiteral("http://h.io/api"));
    QTest::addRow("openapi version") << base << QStringLiteral("/openapi") << QJsonValue(QStringLiteral("3.0.3"));
    const QByteArray noProduces = R"({"swagger": "2.0", "paths": {"/t": {"get": {"responses": {
        "200": {"description": "text only", "examples": {"text/plain": "hi"}},
        "201": {"description": "schema and text", "schema": {"type": "object"}, "examples": {"text/plain": "hi"}}}},
      "post": {"consumes": ["application/x-www-form-urlencoded"], "parameters": [
        {"name": "a", "in": "formData", "type": "string"},
        {"name": "b", "in": "formData", "type": "string", "allowEmptyValue": true}], "responses": {}}}}})";
    QTest::addRow("examples map without produces offers only its types")
        << noProduces << QStringLiteral("/paths/~1t/get/responses/200/content")
        << QJsonValue(QJsonObject {
               { QStringLiteral("text/plain"), QJsonObject { { QStringLiteral("example"), QStringLiteral("hi") } } } });
    QTest::addRow("a schema without produces still means JSON")
        << noProduces << QStringLiteral("/paths/~1t/get/responses/201/content/application~1json/schema/type")
        << QJsonValue(QStringLiteral("object"));
    QTest::addRow("formData without allowEmptyValue must not be empty")
        << noProduces
        << QStringLiteral(
               "/paths/~1t/post/requestBody/content/application~1x-www-form-urlencoded/x-understudy-non-empty-fields")
        << QJsonValue(QJsonArray { QStringLiteral("a") });
    QTest::addRow("basePath only") << QByteArray(R"({"swagger": "2.0", "basePath": "/v1", "paths": {}})")
                                   << QStringLiteral("/servers/0/url") << QJsonValue(QStringLiteral("/v1"));
}

void TestSwaggerConverter::converts()
{
    QFETCH(QByteArray, swagger);
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);
    const QJsonObject in = QJsonDocument::fromJson(swagger).object();
    QVERIFY(!in.isEmpty());
    const SwaggerConverter::Result r = SwaggerConverter::convert(in, QStringLiteral("/s.json"));
    QCOMPARE(JsonPointer::value(r.document, pointer), expected);
    QVERIFY(!r.document.contains(QLatin1String("definitions")));
}

QTEST_GUILESS_MAIN(TestSwaggerConverter)
#include "tst_swaggerconverter.moc"
