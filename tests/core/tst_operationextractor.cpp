// SPDX-License-Identifier: MIT
#include <QJsonDocument>
#include <QTest>

#include "core/definition/operationextractor.h"

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
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
    Definition d;
    d.file = QStringLiteral("/root.yaml");
    d.document = parse(document.toUtf8().constData());
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

QTEST_GUILESS_MAIN(TestOperationExtractor)
#include "tst_operationextractor.moc"
