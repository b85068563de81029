// SPDX-License-Identifier: MIT
#include <QJsonDocument>
#include <QTest>

#include "core/routing/router.h"

namespace {

Operation makeOperation(
    const QString& method, const QString& path, const QString& id, const QString& pathParamType = QString())
{
    Operation op;
    op.method = method;
    op.path = path;
    op.id = id;
    const PathTemplate t(path);
    for (const QString& name : t.variableNames()) {
        Parameter p;
        p.name = name;
        p.in = QStringLiteral("path");
        p.required = true;
        if (!pathParamType.isEmpty())
            p.schema = QJsonObject { { QStringLiteral("type"), pathParamType } };
        op.parameters.append(p);
    }
    return op;
}

DefinitionPtr makeDefinition(const QString& serverUrlPath = QString())
{
    auto def = std::make_shared<Definition>();
    def->title = QStringLiteral("Router test");
    if (!serverUrlPath.isNull()) {
        Server s;
        s.url = QStringLiteral("http://localhost:4010") + serverUrlPath;
        s.basePath = serverUrlPath;
        def->servers.append(s);
    }
    def->operations = {
        makeOperation(QStringLiteral("GET"), QStringLiteral("/users"), QStringLiteral("listUsers")),
        makeOperation(QStringLiteral("POST"), QStringLiteral("/users"), QStringLiteral("createUser")),
        makeOperation(
            QStringLiteral("GET"), QStringLiteral("/users/{id}"), QStringLiteral("getUser"), QStringLiteral("integer")),
        makeOperation(QStringLiteral("DELETE"), QStringLiteral("/users/{id}"), QStringLiteral("deleteUser"),
            QStringLiteral("integer")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/users/me"), QStringLiteral("getMe")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/users/{name}/profile"), QStringLiteral("getProfile")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/items/{slug}"), QStringLiteral("getItemBySlug")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/items/{sku}/stock"), QStringLiteral("getStock")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/{owner}/{repo}"), QStringLiteral("getRepo")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/files/{name}.json"), QStringLiteral("getJsonFile")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/"), QStringLiteral("root")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/orders/{number}"), QStringLiteral("getOrderByNumber"),
            QStringLiteral("integer")),
        makeOperation(QStringLiteral("GET"), QStringLiteral("/orders/{code}"), QStringLiteral("getOrderByCode")),
    };
    for (int i = 0; i < def->operations.size(); ++i)
        def->operations[i].index = i;
    return def;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void methodNotAllowedListsAllowed();
    void problemsAreProblemJson();
    void emptyDefinition();
};

void TestRouter::match_data()
{
    QTest::addColumn<QString>("serverPath");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("operationId"); // empty when no match
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("params");

    const QString none;
    QTest::addRow("plain path") << none << "GET"
                                << "/users"
                                << "listUsers" << 0 << "";
    QTest::addRow("method picks operation") << none << "POST"
                                            << "/users"
                                            << "createUser" << 0 << "";
    QTest::addRow("empty segment matches the template, value empty") << none << "GET"
                                                                     << "/users//profile"
                                                                     << "getProfile" << 0 << "name=";
    QTest::addRow("trailing slash tolerated") << none << "GET"
                                              << "/users/"
                                              << "listUsers" << 0 << "";
    QTest::addRow("templated path") << none << "GET"
                                    << "/users/42"
                                    << "getUser" << 0 << "id=42";
    QTest::addRow("concrete path beats template") << none << "GET"
                                                  << "/users/me"
                                                  << "getMe" << 0 << "";
    QTest::addRow("typed segment: word falls through to untyped match") << none << "GET"
                                                                        << "/users/abc"
                                                                        << "getUser" << 0 << "id=abc";
    QTest::addRow("typed template wins for a number") << none << "GET"
                                                      << "/orders/12"
                                                      << "getOrderByNumber" << 0 << "number=12";
    QTest::addRow("untyped template wins for a word") << none << "GET"
                                                      << "/orders/ab-12"
                                                      << "getOrderByCode" << 0 << "code=ab-12";
    QTest::addRow("literal segment beats earlier template") << none << "GET"
                                                            << "/items/abc"
                                                            << "getItemBySlug" << 0 << "slug=abc";
    QTest::addRow("deeper literal wins over root template") << none << "GET"
                                                            << "/users/ann/profile"
                                                            << "getProfile" << 0 << "name=ann";
    QTest::addRow("two-segment catch-all") << none << "GET"
                                           << "/qt/qtbase"
                                           << "getRepo" << 0 << "owner=qt,repo=qtbase";
    QTest::addRow("percent-decoded value") << none << "GET"
                                           << "/users/a%20b/profile"
                                           << "getProfile" << 0 << "name=a b";
    QTest::addRow("encoded slash stays in segment") << none << "GET"
                                                    << "/items/a%2Fb"
                                                    << "getItemBySlug" << 0 << "slug=a/b";
    QTest::addRow("utf-8 decoded") << none << "GET"
                                   << "/items/%C3%A9t%C3%A9"
                                   << "getItemBySlug" << 0 << "slug=été";
    QTest::addRow("suffix template") << none << "GET"
                                     << "/files/report.json"
                                     << "getJsonFile" << 0 << "name=report";
    QTest::addRow("root path") << none << "GET"
                               << "/"
                               << "root" << 0 << "";
    QTest::addRow("unknown path") << none << "GET"
                                  << "/nope/a/b"
                                  << "" << 404 << "";
    QTest::addRow("known path, wrong method") << none << "PUT"
                                              << "/users"
                                              << "" << 405 << "";
    QTest::addRow("HEAD answered by GET") << none << "HEAD"
                                          << "/users/7"
                                          << "getUser" << 0 << "id=7";
    QTest::addRow("lower-case method") << none << "get"
                                       << "/users"
                                       << "listUsers" << 0 << "";
    QTest::addRow("base path stripped") << "/v2"
                                        << "GET"
                                        << "/v2/users"
                                        << "listUsers" << 0 << "";
    QTest::addRow("base path optional") << "/v2"
                                        << "GET"
                                        << "/users"
                                        << "listUsers" << 0 << "";
    QTest::addRow("base path with template") << "/v2"
                                             << "GET"
                                             << "/v2/users/5"
                                             << "getUser" << 0 << "id=5";
    QTest::addRow("base path alone is root") << "/v2"
                                             << "GET"
                                             << "/v2"
                                             << "root" << 0 << "";
    QTest::addRow("base path prefix of segment is not stripped") << "/v2"
                                                                 << "GET"
                                                                 << "/v2x/users"
                                                                 << "getRepo" << 0 << "owner=v2x,repo=users";
}

void TestRouter::match()
{
    QFETCH(QString, serverPath);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, operationId);
    QFETCH(int, status);
    QFETCH(QString, params);

    const Router router(makeDefinition(serverPath));
    const RouteResult result = router.match(method.toLatin1(), path);
    if (operationId.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.problem.status, status);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.problem.detail));
    QCOMPARE(result.match->operation->id, operationId);
    QStringList got;
    for (const auto& p : result.match->pathParameters)
        got.append(p.first + QLatin1Char('=') + p.second);
    QCOMPARE(got.join(QLatin1Char(',')), params);
    QVERIFY(!result.match->trace.isEmpty());
}

void TestRouter::methodNotAllowedListsAllowed()
{
    const Router router(makeDefinition());
    const RouteResult result = router.match("PATCH", QStringLiteral("/users/3"));
    QVERIFY(!result.ok());
    QCOMPARE(result.problem.status, 405);
    const HttpResponse response = result.problem.toResponse();
    QCOMPARE(response.header("Allow"), QByteArray("GET, HEAD, DELETE"));
}

void TestRouter::problemsAreProblemJson()
{
    const Router router(makeDefinition());
    const HttpResponse response = router.match("GET", QStringLiteral("/nowhere/x/y")).problem.toResponse();
    QCOMPARE(response.status, 404);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(body.value(QStringLiteral("type")).toString().startsWith(QStringLiteral("https://")));
    QVERIFY(body.value(QStringLiteral("detail")).toString().contains(QStringLiteral("/nowhere/x/y")));
}

void TestRouter::emptyDefinition()
{
    const Router router(std::make_shared<Definition>());
    QCOMPARE(router.match("GET", QStringLiteral("/")).problem.status, 404);
    const Router none;
    QCOMPARE(none.match("GET", QStringLiteral("/")).problem.status, 404);
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
