// SPDX-License-Identifier: MIT
// Request validation end to end over real HTTP: parameters, bodies, security, the error response chosen and the
// trace, against tests/data/validation/validation.yaml.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"
#include "testutils.h"

using namespace TestHttp;

namespace {

// "location code" of every error of a problem body, in order.
QStringList errorsOf(const QByteArray& body)
{
    QStringList out;
    for (const QJsonValue& e : QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray())
        out.append(e[QStringLiteral("location")].toString() + QLatin1Char(' ') + e[QStringLiteral("code")].toString());
    return out;
}

QByteArray multipart(const QList<QByteArray>& parts)
{
    QByteArray body;
    for (const QByteArray& part : parts)
        body += "--XyZ\r\n" + part + "\r\n";
    return body + "--XyZ--\r\n";
}

const QByteArray kJson = "Content-Type: application/json\r\n";

} // namespace

class TestRequestValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void requests_data();
    void requests();
    void malformedJsonReportsPosition();
    void unsupportedMediaTypeListsTypes();
    void ownErrorResponses_data();
    void ownErrorResponses();
    void challenges_data();
    void challenges();
    void forcedStatusBypassesValidationAndAuth();
    void resultCarriesErrorsAndTrace();
    void validBodyFeedsSubstitution();
    void bundledExampleNeedsItsBearer();

private:
    DefinitionPtr m_definition;
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestRequestValidation::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("validation/validation.yaml"));
    QString diagnostics;
    for (const Diagnostic& d : loaded.diagnostics)
        diagnostics += d.toString() + QLatin1Char('\n');
    QVERIFY2(loaded.ok(), qPrintable(diagnostics));
    m_definition = loaded.definition;
    m_service = new MockService;
    m_service->setDefinition(m_definition);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    m_port = m_service->port();
}

void TestRequestValidation::cleanupTestCase()
{
    delete m_service;
}

void TestRequestValidation::requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("errors"); // "location code" of the generated problem, in order

    const QByteArray get("GET");
    const QByteArray post("POST");
    // 1. parameters
    QTest::addRow("typed path parameter")
        << get << QByteArray("/books/42") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("wrong type in path") << get << QByteArray("/books/abc") << QByteArray() << QByteArray() << 422
                                        << QStringList { QStringLiteral("path/bookId type") };
    QTest::addRow("path parameter below minimum") << get << QByteArray("/books/0") << QByteArray() << QByteArray()
                                                  << 422 << QStringList { QStringLiteral("path/bookId minimum") };
    QTest::addRow("missing required query parameter") << get << QByteArray("/search") << QByteArray() << QByteArray()
                                                      << 422 << QStringList { QStringLiteral("query/limit required") };
    QTest::addRow("query parameter above maximum")
        << get << QByteArray("/search?limit=101") << QByteArray() << QByteArray() << 422
        << QStringList { QStringLiteral("query/limit maximum") };
    QTest::addRow("exploded array, enum items")
        << get << QByteArray("/search?limit=1&tags=a&tags=b") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("exploded array, bad item")
        << get << QByteArray("/search?limit=1&tags=a&tags=z") << QByteArray() << QByteArray() << 422
        << QStringList { QStringLiteral("query/tags/1 enum") };
    QTest::addRow("comma array of integers")
        << get << QByteArray("/search?limit=1&ids=1,2,3") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("comma array, bad integer")
        << get << QByteArray("/search?limit=1&ids=1,x") << QByteArray() << QByteArray() << 422
        << QStringList { QStringLiteral("query/ids/1 type") };
    QTest::addRow("deepObject query") << get << QByteArray("/search?limit=1&filter[color]=red&filter[size]=3")
                                      << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("deepObject query, bad members")
        << get << QByteArray("/search?limit=1&filter[color]=blue&filter[size]=30") << QByteArray() << QByteArray()
        << 422
        << QStringList { QStringLiteral("query/filter/color enum"), QStringLiteral("query/filter/size maximum") };
    QTest::addRow("allowEmptyValue skips the schema")
        << get << QByteArray("/search?limit=1&q=") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("empty value not allowed")
        << get << QByteArray("/search?limit=1&strict=") << QByteArray() << QByteArray() << 422
        << QStringList { QStringLiteral("query/strict allowEmptyValue") };
    QTest::addRow("header parameter, case-insensitive")
        << get << QByteArray("/search?limit=1") << QByteArray("x-id: 12\r\n") << QByteArray() << 200 << QStringList();
    QTest::addRow("header parameter of the wrong type")
        << get << QByteArray("/search?limit=1") << QByteArray("X-Id: twelve\r\n") << QByteArray() << 422
        << QStringList { QStringLiteral("header/X-Id type") };
    QTest::addRow("Accept header parameter is ignored")
        << get << QByteArray("/search?limit=1") << QByteArray("Accept: text/html, */*\r\n") << QByteArray() << 200
        << QStringList();
    QTest::addRow("missing required header") << get << QByteArray("/headers") << QByteArray() << QByteArray() << 422
                                             << QStringList { QStringLiteral("header/X-Request-Id required") };
    QTest::addRow("header with a bad format")
        << get << QByteArray("/headers") << QByteArray("X-Request-Id: nope\r\n") << QByteArray() << 422
        << QStringList { QStringLiteral("header/X-Request-Id format") };
    QTest::addRow("cookie parameter") << get << QByteArray("/search?limit=1")
                                      << QByteArray("Cookie: other=1; session=beef\r\n") << QByteArray() << 200
                                      << QStringList();
    QTest::addRow("cookie parameter, bad pattern")
        << get << QByteArray("/search?limit=1") << QByteArray("Cookie: session=XYZ\r\n") << QByteArray() << 422
        << QStringList { QStringLiteral("cookie/session pattern") };
    QTest::addRow("missing required cookie")
        << get << QByteArray("/cookies") << QByteArray("Cookie: other=1\r\n") << QByteArray() << 422
        << QStringList { QStringLiteral("cookie/session required") };
    QTest::addRow("content parameter, JSON") << get << QByteArray("/search?limit=1&where=%7B%22lat%22%3A1.5%7D")
                                             << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("content parameter, JSON missing member")
        << get << QByteArray("/search?limit=1&where=%7B%7D") << QByteArray() << QByteArray() << 422
        << QStringList { QStringLiteral("query/where/lat required") };
    // 2. bodies
    QTest::addRow("discriminator oneOf, valid cat")
        << post << QByteArray("/pets") << kJson << QByteArray(R"({"petType":"cat","lives":7})") << 201 << QStringList();
    QTest::addRow("discriminator oneOf, valid dog")
        << post << QByteArray("/pets") << kJson << QByteArray(R"({"petType":"dog","bark":"woof"})") << 201
        << QStringList();
    QTest::addRow("JSON body with charset")
        << post << QByteArray("/pets") << QByteArray("Content-Type: application/json; charset=utf-8\r\n")
        << QByteArray(R"({"petType":"cat","lives":1})") << 201 << QStringList();
    QTest::addRow("missing required body") << post << QByteArray("/forms") << QByteArray() << QByteArray() << 422
                                           << QStringList { QStringLiteral("body required") };
    QTest::addRow("urlencoded, typed fields")
        << post << QByteArray("/forms") << QByteArray("Content-Type: application/x-www-form-urlencoded\r\n")
        << QByteArray("name=Ann+Lee&age=42&tags=a&tags=b&member=true") << 204 << QStringList();
    QTest::addRow("urlencoded, bad fields")
        << post << QByteArray("/forms") << QByteArray("Content-Type: application/x-www-form-urlencoded\r\n")
        << QByteArray("age=-1&member=perhaps") << 422
        << QStringList { QStringLiteral("body/name required"), QStringLiteral("body/age minimum"),
               QStringLiteral("body/member type") };
    const QByteArray multipartType("Content-Type: multipart/form-data; boundary=XyZ\r\n");
    QTest::addRow("multipart with a file and a typed field")
        << post << QByteArray("/forms") << multipartType
        << multipart({ QByteArrayLiteral("Content-Disposition: form-data; name=\"file\"; "
                                         "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\x00\x01"),
               "Content-Disposition: form-data; name=\"count\"\r\n\r\n3",
               "Content-Disposition: form-data; name=\"flags\"\r\n\r\ntrue",
               "Content-Disposition: form-data; name=\"flags\"\r\n\r\nfalse",
               "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":\"x\"}" })
        << 204 << QStringList();
    QTest::addRow("multipart, bad typed field and file type")
        << post << QByteArray("/forms") << multipartType
        << multipart({ "Content-Disposition: form-data; name=\"file\"; filename=\"a.gif\"\r\nContent-Type: "
                       "image/gif\r\n\r\nGIF89a",
               "Content-Disposition: form-data; name=\"count\"\r\n\r\nthree" })
        << 422 << QStringList { QStringLiteral("body/file contentType"), QStringLiteral("body/count type") };
    QTest::addRow("multipart without boundary")
        << post << QByteArray("/forms") << QByteArray("Content-Type: multipart/form-data\r\n")
        << QByteArray("--XyZ\r\n\r\n") << 400 << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("multipart without closing boundary")
        << post << QByteArray("/forms") << multipartType
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3\r\n") << 400
        << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("text/plain body") << QByteArray("PUT") << QByteArray("/notes")
                                     << QByteArray("Content-Type: text/plain\r\n") << QByteArray("short") << 204
                                     << QStringList();
    QTest::addRow("text/plain body too long")
        << QByteArray("PUT") << QByteArray("/notes") << QByteArray("Content-Type: text/plain\r\n")
        << QByteArray("much too long") << 422 << QStringList { QStringLiteral("body maxLength") };
    QTest::addRow("optional body absent, no Content-Type")
        << QByteArray("PUT") << QByteArray("/notes") << QByteArray() << QByteArray() << 204 << QStringList();
    // 3. security
    QTest::addRow("bearer present") << get << QByteArray("/secure/bearer")
                                    << QByteArray("Authorization: Bearer abc\r\n") << QByteArray() << 200
                                    << QStringList();
    QTest::addRow("bearer missing") << get << QByteArray("/secure/bearer") << QByteArray() << QByteArray() << 401
                                    << QStringList { QStringLiteral("header/Authorization security") };
    QTest::addRow("basic with empty user and password")
        << get << QByteArray("/secure/basic") << QByteArray("Authorization: Basic Og==\r\n") << QByteArray() << 200
        << QStringList();
    QTest::addRow("basic without colon") << get << QByteArray("/secure/basic")
                                         << QByteArray("Authorization: Basic YWJj\r\n") << QByteArray() << 401
                                         << QStringList { QStringLiteral("header/Authorization security") };
    QTest::addRow("digest with its fields") << get << QByteArray("/secure/digest")
                                            << QByteArray("Authorization: Digest username=\"a\", realm=\"r\", "
                                                          "nonce=\"n\", uri=\"/secure/digest\", response=\"x\"\r\n")
                                            << QByteArray() << 200 << QStringList();
    QTest::addRow("digest without response")
        << get << QByteArray("/secure/digest")
        << QByteArray("Authorization: Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\"\r\n") << QByteArray()
        << 401 << QStringList { QStringLiteral("header/Authorization security") };
    QTest::addRow("apiKey in query") << get << QByteArray("/secure/query-key?api_key=k") << QByteArray() << QByteArray()
                                     << 200 << QStringList();
    QTest::addRow("apiKey in query missing")
        << get << QByteArray("/secure/query-key?key=k") << QByteArray() << QByteArray() << 401
        << QStringList { QStringLiteral("query/api_key security") };
    QTest::addRow("apiKey in cookie") << get << QByteArray("/secure/cookie-key")
                                      << QByteArray("Cookie: a=1; token=t\r\n") << QByteArray() << 200 << QStringList();
    QTest::addRow("apiKey in cookie missing")
        << get << QByteArray("/secure/cookie-key") << QByteArray("Cookie: a=1\r\n") << QByteArray() << 401
        << QStringList { QStringLiteral("cookie/token security") };
    QTest::addRow("OR: the second alternative") << get << QByteArray("/secure/either") << QByteArray("X-API-Key: k\r\n")
                                                << QByteArray() << 200 << QStringList();
    QTest::addRow("OR: neither") << get << QByteArray("/secure/either") << QByteArray() << QByteArray() << 401
                                 << QStringList { QStringLiteral("header/Authorization security"),
                                        QStringLiteral("header/X-API-Key security") };
    QTest::addRow("AND: both") << get << QByteArray("/secure/both")
                               << QByteArray("Authorization: Basic dTpw\r\nX-API-Key: k\r\n") << QByteArray() << 200
                               << QStringList();
    QTest::addRow("AND: only one") << get << QByteArray("/secure/both") << QByteArray("Authorization: Basic dTpw\r\n")
                                   << QByteArray() << 401
                                   << QStringList { QStringLiteral("header/X-API-Key security") };
    QTest::addRow("{} requirement allows anonymous")
        << get << QByteArray("/secure/optional") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("security: [] overrides the global bearer")
        << get << QByteArray("/books/1") << QByteArray() << QByteArray() << 200 << QStringList();
    QTest::addRow("oauth2 takes a bearer token")
        << get << QByteArray("/secure/oauth") << QByteArray("Authorization: Bearer t\r\n") << QByteArray() << 200
        << QStringList();
    QTest::addRow("security before parameters")
        << get << QByteArray("/secure/bearer?x=1") << QByteArray("Authorization: Token t\r\n") << QByteArray() << 401
        << QStringList { QStringLiteral("header/Authorization security") };
}

void TestRequestValidation::requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QStringList, errors);
    const RawResponse r = roundTrip(m_port, request(method, target, headers, body));
    QVERIFY2(r.status == status, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
    if (status >= 400) {
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!problem.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!problem.value(QStringLiteral("detail")).toString().isEmpty());
        QVERIFY(problem.value(QStringLiteral("type")).toString().startsWith(QLatin1String("https://")));
        if (!errors.isEmpty())
            QCOMPARE(errorsOf(r.body), errors);
    }
}

void TestRequestValidation::malformedJsonReportsPosition()
{
    const RawResponse r =
        roundTrip(m_port, request("POST", "/orders", kJson, "{\n  \"name\": \"x\",\n  \"items\": [1,]\n}"));
    QCOMPARE(r.status, 400);
    const QJsonObject problem = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(errorsOf(r.body), QStringList { QStringLiteral("body syntax") });
    const QString message = problem.value(QStringLiteral("errors"))[0][QStringLiteral("message")].toString();
    QVERIFY2(message.contains(QLatin1String("offset 32")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("line 3, column 16")), qPrintable(message));
    QVERIFY(problem.value(QStringLiteral("detail")).toString().contains(QLatin1String("line 3")));

    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    const RawResponse nested = roundTrip(m_port, request("POST", "/orders", kJson, deep));
    QCOMPARE(nested.status, 400);
    QCOMPARE(errorsOf(nested.body), QStringList { QStringLiteral("body depth") });
}

void TestRequestValidation::unsupportedMediaTypeListsTypes()
{
    const RawResponse r = roundTrip(m_port, request("POST", "/pets", "Content-Type: text/xml\r\n", "<cat/>"));
    QCOMPARE(r.status, 415);
    const QJsonObject problem = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(problem.value(QStringLiteral("supported")).toArray(), QJsonArray { QStringLiteral("application/json") });
    QVERIFY(problem.value(QStringLiteral("detail")).toString().contains(QLatin1String("application/json")));
    // A body without any Content-Type is refused the same way.
    const RawResponse none = roundTrip(m_port, request("POST", "/forms", {}, "name=x"));
    QCOMPARE(none.status, 415);
    const QJsonArray supported =
        QJsonDocument::fromJson(none.body).object().value(QStringLiteral("supported")).toArray();
    QCOMPARE(supported,
        (QJsonArray { QStringLiteral("application/x-www-form-urlencoded"), QStringLiteral("multipart/form-data") }));
}

void TestRequestValidation::ownErrorResponses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("own");
    QTest::addRow("own 422 for violations")
        << request("POST", "/orders", kJson, R"({"name":"x","items":[]})") << 422 << QStringLiteral("422");
    QTest::addRow("own 415 for the content type")
        << request("POST", "/orders", "Content-Type: text/csv\r\n", "a,b") << 415 << QStringLiteral("415");
    QTest::addRow("own 400 when there is no 422")
        << request("POST", "/pets", kJson, R"({"petType":"cat","lives":99})") << 400 << QStringLiteral("400");
    QTest::addRow("own 400 for malformed JSON")
        << request("POST", "/pets", kJson, "{oops") << 400 << QStringLiteral("400");
    QTest::addRow("own 401") << request("POST", "/secure/own401", kJson, "{}") << 401 << QStringLiteral("401");
}

void TestRequestValidation::ownErrorResponses()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QFETCH(QString, own);
    const RawResponse r = roundTrip(m_port, raw);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("own")).toString(), own);
    if (status == 401)
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
}

void TestRequestValidation::challenges_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QList<QByteArray>>("challenges");
    QTest::addRow("bearer") << QByteArray("/secure/bearer") << QByteArray() << QList<QByteArray> { "Bearer" };
    QTest::addRow("basic") << QByteArray("/secure/basic") << QByteArray("Authorization: Bearer x\r\n")
                           << QList<QByteArray> { "Basic realm=\"understudy\"" };
    QTest::addRow("digest") << QByteArray("/secure/digest") << QByteArray()
                            << QList<QByteArray> {
                                   "Digest realm=\"understudy\", qop=\"auth\", nonce=\"dW5kZXJzdHVkeQ\""
                               };
    QTest::addRow("apiKey has no challenge") << QByteArray("/secure/query-key") << QByteArray() << QList<QByteArray> {};
    QTest::addRow("one per failed http scheme")
        << QByteArray("/secure/both") << QByteArray() << QList<QByteArray> { "Basic realm=\"understudy\"" };
    QTest::addRow("oauth2 asks for a bearer")
        << QByteArray("/secure/oauth") << QByteArray() << QList<QByteArray> { "Bearer" };
}

void TestRequestValidation::challenges()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    QFETCH(QList<QByteArray>, challenges);
    const RawResponse r = roundTrip(m_port, request("GET", target, headers));
    QCOMPARE(r.status, 401);
    QList<QByteArray> found;
    for (const QByteArray& line : r.head.split('\n'))
        if (line.toLower().startsWith("www-authenticate:"))
            found.append(line.mid(17).trimmed());
    QCOMPARE(found, challenges);
}

void TestRequestValidation::forcedStatusBypassesValidationAndAuth()
{
    const RawResponse unauthenticated =
        roundTrip(m_port, request("GET", "/secure/bearer", "x-redocly-response-status: 200\r\n"));
    QCOMPARE(unauthenticated.status, 200);
    QCOMPARE(unauthenticated.body, QByteArray(R"({"secret":true})"));
    const RawResponse invalid =
        roundTrip(m_port, request("GET", "/search?limit=abc", "x-redocly-response-status: 200\r\n"));
    QCOMPARE(invalid.status, 200);
    // A status the operation does not define is not forced: validation applies.
    const RawResponse undefined = roundTrip(m_port, request("GET", "/search", "x-redocly-response-status: 418\r\n"));
    QCOMPARE(undefined.status, 422);
}

void TestRequestValidation::resultCarriesErrorsAndTrace()
{
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr);
    HttpRequest req;
    req.method = "POST";
    req.path = QStringLiteral("/orders");
    req.query = "dryRun=maybe";
    req.headers = { { "Content-Type", "application/json" } };
    req.body = R"({"items":[{"id":"x","quantity":0}]})";
    const MockResult result = pipeline.handle(req);
    QVERIFY(result.invalid);
    QCOMPARE(result.response.status, 422);
    QStringList errors;
    for (const ProblemError& e : result.validationErrors)
        errors.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(errors,
        (QStringList { QStringLiteral("query/dryRun type"), QStringLiteral("body/name required"),
            QStringLiteral("body/items/0/id type"), QStringLiteral("body/items/0/quantity minimum") }));
    const QString trace = result.trace.join(QLatin1Char('\n'));
    QVERIFY2(trace.contains(QLatin1String("4 violations: query/dryRun type, body/name required, body/items/0/id type, "
                                          "body/items/0/quantity minimum.")),
        qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("definition's response 422")), qPrintable(trace));

    req.path = QStringLiteral("/secure/either");
    req.method = "GET";
    req.query.clear();
    req.body.clear();
    const MockResult denied = pipeline.handle(req);
    QVERIFY(denied.invalid);
    QCOMPARE(denied.response.status, 401);
    const QString deniedTrace = denied.trace.join(QLatin1Char('\n'));
    QVERIFY2(deniedTrace.contains(QLatin1String("tried bearerAuth (bearerAuth: no Authorization header) or headerKey "
                                                "(headerKey: no X-API-Key header)")),
        qPrintable(deniedTrace));

    req.path = QStringLiteral("/books/7");
    const MockResult valid = pipeline.handle(req);
    QVERIFY(!valid.invalid);
    QVERIFY(valid.validationErrors.isEmpty());
}

void TestRequestValidation::validBodyFeedsSubstitution()
{
    // engine.yaml's putThing echoes body values into its example; the body is parsed once by validation.
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/engine.yaml"));
    QVERIFY(loaded.definition);
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
    HttpRequest req;
    req.method = "PUT";
    req.path = QStringLiteral("/things/5");
    req.headers = { { "Content-Type", "application/json" } };
    req.body = R"({"size":4})";
    const MockResult result = pipeline.handle(req);
    QCOMPARE(result.response.status, 200);
    QCOMPARE(QJsonDocument::fromJson(result.response.body).object().value(QStringLiteral("size")).toInt(), 4);
}

void TestRequestValidation::bundledExampleNeedsItsBearer()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.ok());
    for (const Diagnostic& d : loaded.diagnostics)
        QVERIFY2(d.code != QLatin1String("example-invalid"), qPrintable(d.toString()));
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
    HttpRequest req;
    req.method = "POST";
    req.path = QStringLiteral("/v1/books");
    req.headers = { { "Content-Type", "application/json" } };
    req.body = R"({"isbn":"978-0-261-10221-7","title":"The Hobbit","authorId":3})";
    QCOMPARE(pipeline.handle(req).response.status, 401);
    req.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer t")));
    QCOMPARE(pipeline.handle(req).response.status, 201);
    req.body = R"({"isbn":"nope","authorId":0})";
    const MockResult invalid = pipeline.handle(req);
    QCOMPARE(invalid.response.status, 400); // createBook defines 400 (no 422)
    QCOMPARE(invalid.validationErrors.size(), 3);
    // The definition's 400 has only a schema: its generated body carries the real status and detail.
    const QJsonObject body = QJsonDocument::fromJson(invalid.response.body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toInt(), 400);
    QVERIFY2(body.value(QStringLiteral("detail")).toString().contains(QStringLiteral("3 violations")),
        invalid.response.body.constData());
    QVERIFY(!body.contains(QStringLiteral("errors"))); // its Problem schema has no such property: nothing is added
}

QTEST_GUILESS_MAIN(TestRequestValidation)
#include "tst_requestvalidation.moc"
