// SPDX-License-Identifier: MIT
#include <QJsonDocument>
#include <QTest>

#include "core/definition/operationextractor.h"

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// A definition of /root.yaml whose document is `json`, not yet extracted.
Definition rootDefinition(const QString& json)
{
    Definition d;
    d.file = QStringLiteral("/root.yaml");
    d.document = parse(json.toUtf8().constData());
    return d;
}

QStringList responseCodes(const Definition& d)
{
    QStringList out;
    for (const Operation& op : d.operations)
        out.append(
            op.method + QLatin1Char(' ') + op.path + QLatin1String(": ") + op.responseCodes().join(QLatin1Char(',')));
    return out;
}

} // namespace

class TestOperationExtractor : public QObject
{
    Q_OBJECT

private slots:
    void synthesizeId_data();
    void synthesizeId();
    void keyOrder_data();
    void keyOrder();
    void callbacks_data();
    void callbacks();
};

void TestOperationExtractor::synthesizeId_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("id");
    QTest::addRow("template parameter") << QStringLiteral("GET") << QStringLiteral("/users/{id}")
                                        << QStringLiteral("get_users_id");
    QTest::addRow("root path") << QStringLiteral("POST") << QStringLiteral("/") << QStringLiteral("post");
    QTest::addRow("dashes and dots") << QStringLiteral("DELETE") << QStringLiteral("/a-b/c.json")
                                     << QStringLiteral("delete_a_b_c_json");
    QTest::addRow("trailing slash") << QStringLiteral("PUT") << QStringLiteral("/x/{y}/") << QStringLiteral("put_x_y");
}

void TestOperationExtractor::synthesizeId()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, id);
    QCOMPARE(OperationExtractor::synthesizeId(method, path), id);
}

void TestOperationExtractor::keyOrder_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("orders"); // "file|pointer=k1,k2;..." ("" file = the root file)
    QTest::addColumn<QStringList>("expected");
    const QString doc = QStringLiteral(R"({"paths": {
        "/b": {"post": {"responses": {"404": {}, "200": {}}}, "get": {"responses": {"default": {}, "500": {}}}},
        "/a": {"$ref": "#/x-understudy-bundled/0"}},
        "x-understudy-bundled": [{"delete": {"responses": {"204": {}, "200": {}}}, "get": {"responses": {}}}]})");
    QTest::addRow("no record: sorted paths and codes, fixed method order")
        << doc << QString()
        << QStringList { QStringLiteral("GET /a: "), QStringLiteral("DELETE /a: 200,204"),
               QStringLiteral("GET /b: 500,default"), QStringLiteral("POST /b: 200,404") };
    QTest::addRow("recorded root objects follow the record")
        << doc
        << QStringLiteral("|/paths=/b,/a;|/paths/~1b=post,get;|/paths/~1b/post/responses=404,200;"
                          "|/paths/~1b/get/responses=default,500")
        << QStringList { QStringLiteral("POST /b: 404,200"), QStringLiteral("GET /b: default,500"),
               QStringLiteral("GET /a: "), QStringLiteral("DELETE /a: 200,204") };
    QTest::addRow("bundled objects are looked up in their own file")
        << doc << QStringLiteral("ext.yaml|=delete,get;ext.yaml|/delete/responses=204,200")
        << QStringList { QStringLiteral("DELETE /a: 204,200"), QStringLiteral("GET /a: "),
               QStringLiteral("GET /b: 500,default"), QStringLiteral("POST /b: 200,404") };
    QTest::addRow("a partial record puts the rest after it, sorted")
        << doc << QStringLiteral("|/paths/~1b/post/responses=404;|/paths=/b")
        << QStringList { QStringLiteral("GET /b: 500,default"), QStringLiteral("POST /b: 404,200"),
               QStringLiteral("GET /a: "), QStringLiteral("DELETE /a: 200,204") };
}

void TestOperationExtractor::keyOrder()
{
    QFETCH(QString, document);
    QFETCH(QString, orders);
    QFETCH(QStringList, expected);
    Definition d = rootDefinition(document);
    d.bundledOrigins.insert(QStringLiteral("/x-understudy-bundled/0"), { QStringLiteral("/ext.yaml"), QString() });
    const QStringList entries = orders.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& entry : entries) {
        const QString file = QLatin1Char('/') + entry.section(QLatin1Char('|'), 0, 0);
        const QString rest = entry.section(QLatin1Char('|'), 1);
        d.keyOrders[file == QLatin1String("/") ? d.file : file].insert(
            rest.section(QLatin1Char('='), 0, 0), rest.section(QLatin1Char('='), 1).split(QLatin1Char(',')));
    }
    OperationExtractor extractor({});
    extractor.extract(&d);
    QCOMPARE(responseCodes(d), expected);
}

void TestOperationExtractor::callbacks_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QStringList>("expected"); // "name expression METHOD [media] [header names]" per operation
    QTest::addColumn<QString>("warning"); // a diagnostic code expected, or empty
    const auto doc = [](const char* callbacks, const char* components = "{}") {
        return QStringLiteral(R"({"paths": {"/s": {"post": {"responses": {"200": {}}, "callbacks": %1}}},
            "components": {"callbacks": %2}})")
            .arg(QLatin1String(callbacks), QLatin1String(components));
    };
    QTest::addRow("inline callback with body and header parameter")
        << doc(R"({"onEvent": {"{$request.body#/url}": {"post": {
               "parameters": [{"name": "X-Id", "in": "header", "example": "1"}],
               "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}}}})")
        << QStringList { QStringLiteral("onEvent {$request.body#/url} POST application/json X-Id") } << QString();
    QTest::addRow("callback from components via $ref, methods in fixed order")
        << doc(R"({"shared": {"$ref": "#/components/callbacks/Hook"}})",
               R"({"Hook": {"{$request.query.h}/x": {"put": {}, "get": {}}}})")
        << QStringList { QStringLiteral("shared {$request.query.h}/x GET"),
               QStringLiteral("shared {$request.query.h}/x PUT") }
        << QString();
    QTest::addRow("path item parameters are inherited")
        << doc(R"({"c": {"$url": {"parameters": [{"name": "X-A", "in": "header"}], "post": {}}}})")
        << QStringList { QStringLiteral("c $url POST X-A") } << QString();
    QTest::addRow("malformed expression is a warning and skipped")
        << doc(R"({"bad": {"{$request.nowhere}": {"post": {}}}, "good": {"{$method}": {"post": {}}}})")
        << QStringList { QStringLiteral("good {$method} POST") } << QStringLiteral("callback-expression-invalid");
    QTest::addRow("extensions and path items without operations are ignored")
        << doc(R"({"x-note": {}, "empty": {"{$url}": {"summary": "nothing"}}})") << QStringList() << QString();
}

void TestOperationExtractor::callbacks()
{
    QFETCH(QString, document);
    QFETCH(QStringList, expected);
    QFETCH(QString, warning);
    Definition d = rootDefinition(document);
    OperationExtractor extractor({});
    const Diagnostics diagnostics = extractor.extract(&d);
    QCOMPARE(d.operations.size(), 1);
    QStringList got;
    for (const Callback& callback : d.operations.first().callbacks) {
        for (const CallbackOperation& op : callback.operations) {
            QStringList parts { callback.name, callback.expression, op.method };
            for (const MediaType& media : op.requestBody.content)
                parts.append(media.name);
            for (const Parameter& p : op.parameters)
                parts.append(p.name);
            got.append(parts.join(QLatin1Char(' ')));
        }
    }
    QCOMPARE(got, expected);
    QStringList codes;
    for (const Diagnostic& diagnostic : diagnostics)
        codes.append(diagnostic.code);
    QCOMPARE(codes.contains(warning), !warning.isEmpty());
}

QTEST_GUILESS_MAIN(TestOperationExtractor)
#include "tst_operationextractor.moc"
