// SPDX-License-Identifier: MIT
// RequestValidator: the verdict for one request (failure kind, errors, order of stages), without HTTP.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/routing/router.h"
#include "core/validation/requestvalidator.h"
#include "testutils.h"

class TestRequestValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void problemErrorLocations();
    void nothingToCheck();
    void bodyWhereNoneIsDefined();
    void queryString_data();
    void queryString();
    void verdictProblem_data();
    void verdictProblem();

private:
    RequestVerdict run(
        const QByteArray& method, const QString& target, const HeaderList& headers, const QByteArray& body);

    DefinitionPtr m_definition;
    std::unique_ptr<RequestValidator> m_validator;
    std::unique_ptr<Router> m_router;
};

void TestRequestValidator::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("validation/validation.yaml"));
    QVERIFY(loaded.ok());
    m_definition = loaded.definition;
    m_validator = std::make_unique<RequestValidator>(m_definition);
    m_router = std::make_unique<Router>(m_definition);
}

RequestVerdict TestRequestValidator::run(
    const QByteArray& method, const QString& target, const HeaderList& headers, const QByteArray& body)
{
    HttpRequest request;
    request.method = method;
    request.path = target.section(QLatin1Char('?'), 0, 0);
    request.query = target.section(QLatin1Char('?'), 1).toUtf8();
    request.headers = headers;
    request.body = body;
    const RouteResult route = m_router->match(method, request.path);
    if (!route.ok())
        return {};
    return m_validator->validate(*route.match->operation, request, route.match->pathParameters);
}

void TestRequestValidator::verdicts_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("errors");

    const QByteArray json("application/json");
    QTest::addRow("valid") << QByteArray("GET") << "/search?limit=5" << QByteArray() << QByteArray() << QByteArray()
                           << 0 << QStringList();
    QTest::addRow("every parameter problem at once")
        << QByteArray("GET") << "/search?limit=0&ids=a&filter[size]=11" << QByteArray() << QByteArray() << QByteArray()
        << 422 << QStringList { "query/limit minimum", "query/ids/0 type", "query/filter/size maximum" };
    QTest::addRow("security before content type")
        << QByteArray("POST") << "/secure/own401" << QByteArray("text/csv") << QByteArray() << QByteArray("a") << 401
        << QStringList { "header/Authorization security" };
    QTest::addRow("content type before parameters")
        << QByteArray("POST") << "/orders?dryRun=x" << QByteArray("text/csv") << QByteArray() << QByteArray("a") << 415
        << QStringList { "header/Content-Type contentType" };
    QTest::addRow("malformed body before parameters")
        << QByteArray("POST") << "/orders?dryRun=x" << json << QByteArray() << QByteArray("{") << 400
        << QStringList { "body syntax" };
    QTest::addRow("parameters and body together")
        << QByteArray("POST") << "/orders?dryRun=x" << json << QByteArray()
        << QByteArray(R"({"name":"n","items":[{"id":1}]})") << 422
        << QStringList { "query/dryRun type", "body/items/0/quantity required" };
    QTest::addRow("discriminator picks the failing branch")
        << QByteArray("POST") << "/pets" << json << QByteArray() << QByteArray(R"({"petType":"dog","bark":"meow"})")
        << 422 << QStringList { "body/bark enum" };
    QTest::addRow("media type parameters ignored")
        << QByteArray("POST") << "/pets" << QByteArray("application/json; charset=utf-8") << QByteArray()
        << QByteArray(R"({"petType":"cat","lives":1})") << 0 << QStringList();
    QTest::addRow("authorized") << QByteArray("POST") << "/secure/own401" << json << QByteArray("Bearer t")
                                << QByteArray("{}") << 0 << QStringList();
}

void TestRequestValidator::verdicts()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QStringList, errors);
    HeaderList headers;
    if (!contentType.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    if (!authorization.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), authorization));
    const RequestVerdict verdict = run(method, target, headers, body);
    QVERIFY(verdict.checked);
    QCOMPARE(verdict.status(), status);
    QStringList found;
    for (const ProblemError& e : verdict.errors)
        found.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(found, errors);
    if (status == 0 && !body.isEmpty())
        QVERIFY(verdict.body.isObject()); // parsed once, handed on to substitution
}

void TestRequestValidator::problemErrorLocations()
{
    const QList<ProblemError> errors = RequestValidator::toProblemErrors(QStringLiteral("body"),
        { SchemaError {
              QString(), QString(), QStringLiteral("required"), QStringLiteral("missing required property 'name'") },
            SchemaError { QStringLiteral("/items/0/id"), QString(), QStringLiteral("type"),
                QStringLiteral("must be integer") } });
    QCOMPARE(errors.at(0).location, QStringLiteral("body/name"));
    QCOMPARE(errors.at(1).location, QStringLiteral("body/items/0/id"));
    QCOMPARE(
        RequestVerdict::summary(errors), QStringLiteral("2 violations: body/name required, body/items/0/id type."));
}

void TestRequestValidator::bodyWhereNoneIsDefined()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/engine.yaml"));
    QVERIFY(loaded.definition);
    const RequestValidator validator(loaded.definition);
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/multi");
    request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.body = "{}";
    const RequestVerdict verdict =
        validator.validate(*loaded.definition->operation(QStringLiteral("multi")), request, {});
    QVERIFY(verdict.checked);
    QCOMPARE(verdict.status(), 415);
    QCOMPARE(verdict.errors.value(0).location, QStringLiteral("body"));
    QVERIFY(verdict.supportedTypes.isEmpty());
    QVERIFY(verdict.problem().detail.contains(QLatin1String("takes no request body")));
    QVERIFY(verdict.trace.join(QLatin1Char(' ')).contains(QLatin1String("defines no request body")));
}

void TestRequestValidator::queryString_data()
{
    QTest::addColumn<QString>("operationPath");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("errors");
    QTest::addRow("form, valid") << "/search" << QByteArray("term=a+b&page=3") << QStringList();
    QTest::addRow("form, typed member checked")
        << "/search" << QByteArray("term=a&page=x") << QStringList { "query/page type" };
    QTest::addRow("form, required member")
        << "/search" << QByteArray("page=1") << QStringList { "query/term required" };
    QTest::addRow("absent and required") << "/search" << QByteArray() << QStringList { "query required" };
    QTest::addRow("JSON, valid") << "/json-query" << QByteArray("%7B%22color%22%3A%22red%22%7D") << QStringList();
    QTest::addRow("JSON, unreadable") << "/json-query" << QByteArray("%7Bcolor") << QStringList { "query syntax" };
    QTest::addRow("JSON, absent and optional") << "/json-query" << QByteArray() << QStringList();
}

void TestRequestValidator::queryString()
{
    QFETCH(QString, operationPath);
    QFETCH(QByteArray, query);
    QFETCH(QStringList, errors);
    static const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("oas32/oas32.yaml"));
    QVERIFY(loaded.definition);
    const Operation* op = nullptr;
    for (const Operation& o : loaded.definition->operations)
        if (o.path == operationPath && o.method == QLatin1String("GET"))
            op = &o;
    QVERIFY(op);
    const RequestValidator validator(loaded.definition);
    HttpRequest request;
    request.method = "GET";
    request.path = operationPath;
    request.query = query;
    const RequestVerdict verdict = validator.validate(*op, request, {});
    QStringList found;
    for (const ProblemError& e : verdict.errors)
        found.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(found, errors);
}

void TestRequestValidator::nothingToCheck()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/engine.yaml"));
    QVERIFY(loaded.definition);
    const RequestValidator validator(loaded.definition);
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/multi");
    const RequestVerdict verdict =
        validator.validate(*loaded.definition->operation(QStringLiteral("multi")), request, {});
    QVERIFY(!verdict.checked);
    QVERIFY(verdict.ok());
    QVERIFY(verdict.trace.isEmpty());
}

void TestRequestValidator::verdictProblem_data()
{
    QTest::addColumn<int>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("detailContains");
    QTest::addColumn<QByteArray>("header"); // a header the problem carries; empty: none
    using F = RequestVerdict::Failure;
    QTest::addRow("security: 401 with its challenge") << int(F::Security) << 401 << "unauthorized"
                                                      << "security requirements (no token)" << QByteArray("Bearer");
    QTest::addRow("content type: 415 listing the supported types")
        << int(F::UnsupportedMediaType) << 415 << "unsupported-media-type"
        << "Content-Type text/plain is not accepted; supported content types: application/json" << QByteArray();
    QTest::addRow("unreadable body: 400 with the reason") << int(F::Malformed) << 400 << "malformed-request"
                                                          << "cannot be read: no token" << QByteArray();
    QTest::addRow("violations: 422") << int(F::Invalid) << 422 << "invalid-request"
                                     << "1 violation" << QByteArray();
}

void TestRequestValidator::verdictProblem()
{
    QFETCH(int, failure);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, detailContains);
    QFETCH(QByteArray, header);
    RequestVerdict verdict;
    verdict.failure = RequestVerdict::Failure(failure);
    verdict.errors = { ProblemError {
        QStringLiteral("header/Authorization"), QStringLiteral("security"), QStringLiteral("no token") } };
    verdict.challenges = { QByteArray("Bearer") };
    verdict.contentType = QStringLiteral("text/plain");
    verdict.supportedTypes = { QStringLiteral("application/json") };
    const Problem problem = verdict.problem();
    QCOMPARE(problem.status, status);
    QCOMPARE(verdict.status(), status);
    QVERIFY2(problem.type.endsWith(type), qPrintable(problem.type));
    QVERIFY2(problem.detail.contains(detailContains), qPrintable(problem.detail));
    QCOMPARE(problem.errors.size(), 1);
    QCOMPARE(problem.toResponse().header("WWW-Authenticate"), header);
}

QTEST_GUILESS_MAIN(TestRequestValidator)
#include "tst_requestvalidator.moc"
