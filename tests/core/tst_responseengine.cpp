// SPDX-License-Identifier: MIT
// The response engine end to end over real HTTP: status choice, negotiation, body sources, headers,
// forcing headers, Prefer, forced-response store, configuration, substitution, CORS and the trace.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"
#include "testutils.h"

using namespace TestHttp;

namespace {

QJsonObject json(const RawResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// Log entries arrive in batches, possibly after late ones of earlier tests: the entry sent with header=value.
RequestLogEntry entryWith(const QSignalSpy& spy, const QByteArray& header, const QByteArray& value)
{
    for (const QList<QVariant>& args : spy) {
        const auto e = args.first().value<RequestLogEntry>();
        if (e.requestHeader(header) == value)
            return e;
    }
    return {};
}

} // namespace

class TestResponseEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void answers_data();
    void answers();
    void generatedBodyIsCachedAndDeterministic();
    void responseHeaders();
    void forcedExampleNotFound();
    void forcedExampleFallbackWhenConfigured();
    void forcedStatusUndefinedIsIgnored();
    void forcedStatusSkipsTheNormalChoiceAndIsTraced();
    void storeForcesUntilHeadersWin();
    void substitution_data();
    void substitution();
    void strictExamplesVerbatim();
    void cors();
    void seedRequests_data();
    void seedRequests();

private:
    RawResponse get(const QByteArray& target, const QByteArray& headers = {});

    DefinitionPtr m_definition;
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestResponseEngine::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/engine.yaml"));
    QString diagnostics;
    for (const Diagnostic& d : loaded.diagnostics)
        diagnostics += d.toString() + QLatin1Char('\n');
    QVERIFY2(loaded.definition, qPrintable(diagnostics));
    QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(diagnostics));
    m_definition = loaded.definition;
    m_service = new MockService;
    m_service->setDefinition(m_definition);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    m_port = m_service->port();
}

void TestResponseEngine::cleanupTestCase()
{
    delete m_service;
}

RawResponse TestResponseEngine::get(const QByteArray& target, const QByteArray& headers)
{
    return roundTrip(m_port, request("GET", target, headers));
}

void TestResponseEngine::answers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body"); // exact body; "*" = any non-empty

    // 1. status selection
    QTest::addRow("2XX range answers 200 before 4XX")
        << QByteArray("GET") << QByteArray("/ranged") << QByteArray() << 200 << QByteArray("application/json")
        << QByteArray(R"({"range":"success"})");
    QTest::addRow("default only answers 200") << QByteArray("GET") << QByteArray("/default-only") << QByteArray() << 200
                                              << QByteArray("application/json") << QByteArray(R"({"from":"default"})");
    QTest::addRow("no 2xx or default: the first response")
        << QByteArray("GET") << QByteArray("/error-only") << QByteArray() << 404 << QByteArray("application/json")
        << QByteArray(R"({"from":"404"})");
    QTest::addRow("204 is lowest and has no body")
        << QByteArray("DELETE") << QByteArray("/empty") << QByteArray() << 204 << QByteArray() << QByteArray();
    QTest::addRow("response without content has no body")
        << QByteArray("POST") << QByteArray("/nobody") << QByteArray() << 202 << QByteArray() << QByteArray();
    // 2. media type negotiation
    QTest::addRow("no Accept prefers JSON") << QByteArray("GET") << QByteArray("/multi") << QByteArray() << 200
                                            << QByteArray("application/json") << QByteArray(R"({"kind":"json"})");
    QTest::addRow("Accept picks text/csv as text")
        << QByteArray("GET") << QByteArray("/multi") << QByteArray("Accept: text/csv\r\n") << 200
        << QByteArray("text/csv") << QByteArray("id,name\n1,Ann\n");
    QTest::addRow("q-values decide") << QByteArray("GET") << QByteArray("/multi")
                                     << QByteArray("Accept: application/json;q=0.2, application/xml;q=0.9\r\n") << 200
                                     << QByteArray("application/xml") << QByteArray(R"(<item id="1"/>)");
    QTest::addRow("wildcard subtype") << QByteArray("GET") << QByteArray("/multi") << QByteArray("Accept: text/*\r\n")
                                      << 200 << QByteArray("text/csv") << QByteArray("*");
    QTest::addRow("nothing acceptable is 406")
        << QByteArray("GET") << QByteArray("/multi") << QByteArray("Accept: image/png\r\n") << 406
        << QByteArray("application/problem+json") << QByteArray("*");
    // 3. body sources
    QTest::addRow("$ref'd named example comes first")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray() << 200 << QByteArray("application/json")
        << QByteArray(R"({"id":7,"label":"referenced","size":1})");
    QTest::addRow("externalValue example by name")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray("x-redocly-response-body-example: external\r\n")
        << 200 << QByteArray("application/json") << QByteArray(R"({"id":8,"label":"external","size":2})");
    QTest::addRow("schema example") << QByteArray("GET") << QByteArray("/schema-example") << QByteArray() << 200
                                    << QByteArray("application/json") << QByteArray(R"({"a":"from-schema"})");
    // 6/7. forcing headers
    QTest::addRow("forced status with its example")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray("x-redocly-response-status: 404\r\n") << 404
        << QByteArray("application/json") << QByteArray(R"({"error":"gone"})");
    QTest::addRow("forced status covered by a range")
        << QByteArray("GET") << QByteArray("/ranged") << QByteArray("x-redocly-response-status: 429\r\n") << 429
        << QByteArray("application/json") << QByteArray(R"({"range":"client"})");
    QTest::addRow("forced example picks its response")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray("x-redocly-response-body-example: gone\r\n")
        << 404 << QByteArray("application/json") << QByteArray(R"({"error":"gone"})");
    QTest::addRow("Prefer code and example")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray("Prefer: code=404, example=gone\r\n") << 404
        << QByteArray("application/json") << QByteArray(R"({"error":"gone"})");
    QTest::addRow("Prefer example only") << QByteArray("GET") << QByteArray("/examples")
                                         << QByteArray("Prefer: example=external\r\n") << 200
                                         << QByteArray("application/json")
                                         << QByteArray(R"({"id":8,"label":"external","size":2})");
    QTest::addRow("malformed Prefer is 422")
        << QByteArray("GET") << QByteArray("/examples") << QByteArray("Prefer: code=40x\r\n") << 422
        << QByteArray("application/problem+json") << QByteArray("*");
    QTest::addRow("redocly header wins over Prefer")
        << QByteArray("GET") << QByteArray("/examples")
        << QByteArray("Prefer: code=200\r\nx-redocly-response-status: 404\r\n") << 404 << QByteArray("application/json")
        << QByteArray(R"({"error":"gone"})");
    // 10. CORS: a defined OPTIONS operation answers itself
    QTest::addRow("OPTIONS defined by the definition")
        << QByteArray("OPTIONS") << QByteArray("/options") << QByteArray() << 200 << QByteArray("application/json")
        << QByteArray(R"({"own":"options"})");
    QTest::addRow("preflight on any path is 204")
        << QByteArray("OPTIONS") << QByteArray("/no/such/path")
        << QByteArray("Origin: http://app.test\r\nAccess-Control-Request-Method: PUT\r\n") << 204 << QByteArray()
        << QByteArray();
}

void TestResponseEngine::answers()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    const RawResponse r = roundTrip(m_port, request(method, target, headers), method == "HEAD");
    QVERIFY2(r.status == status,
        qPrintable(QStringLiteral("status %1, body %2").arg(r.status).arg(QString::fromUtf8(r.body))));
    QCOMPARE(r.header("Content-Type"), contentType);
    if (body == "*")
        QVERIFY(!r.body.isEmpty());
    else
        QCOMPARE(r.body, body);
}

void TestResponseEngine::generatedBodyIsCachedAndDeterministic()
{
    const RawResponse first = get("/generated");
    const RawResponse second = get("/v3/generated");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, second.body);
    const QJsonArray items = QJsonDocument::fromJson(first.body).array();
    QCOMPARE(items.size(), 3);
    for (const QJsonValue& item : items) {
        const QJsonObject o = item.toObject();
        QVERIFY(o.value(QStringLiteral("id")).toInt() >= 1);
        QVERIFY(o.value(QStringLiteral("label")).toString().size() >= 3);
        QVERIFY(!o.contains(QStringLiteral("secret"))); // writeOnly is dropped in responses
    }
    // 5. deprecated operations say so
    QCOMPARE(first.header("Deprecation"), QByteArray("true"));
}

void TestResponseEngine::responseHeaders()
{
    const RawResponse r = get("/examples");
    QCOMPARE(r.header("X-Trace"), QByteArray("abc-123"));
    QVERIFY2(r.header("X-Rate-Limit").toInt() >= 10, r.header("X-Rate-Limit").constData());
    QVERIFY(r.header("Deprecation").isEmpty());
}

void TestResponseEngine::forcedExampleNotFound()
{
    const RawResponse r = get("/examples", "x-redocly-response-body-example: nope\r\n");
    QCOMPARE(r.status, 500);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    const QJsonObject problem = json(r);
    QVERIFY(problem.value(QStringLiteral("detail")).toString().contains(QStringLiteral("nope")));
    QCOMPARE(problem.value(QStringLiteral("available")).toArray().size(), 3); // referenced, external, gone
}

void TestResponseEngine::forcedExampleFallbackWhenConfigured()
{
    MockService service;
    MockConfig config;
    config.errorIfForcedExampleNotFound = false;
    service.setDefinition(m_definition, config);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    QSignalSpy spy(&service, &MockService::requestHandled);
    const RawResponse r =
        roundTrip(service.port(), request("GET", "/examples", "x-redocly-response-body-example: nope\r\n"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"id":7,"label":"referenced","size":1})"));
    QTRY_COMPARE(spy.count(), 1);
    const auto entry = spy.first().first().value<RequestLogEntry>();
    QVERIFY(entry.trace.join(QLatin1Char(' ')).contains(QStringLiteral("errorIfForcedExampleNotFound: false")));
}

void TestResponseEngine::forcedStatusUndefinedIsIgnored()
{
    QSignalSpy spy(m_service, &MockService::requestHandled);
    const RawResponse r = get("/examples", "x-redocly-response-status: 418\r\n");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"id":7,"label":"referenced","size":1})"));
    QTRY_VERIFY(entryWith(spy, "x-redocly-response-status", "418").id != 0);
    const auto entry = entryWith(spy, "x-redocly-response-status", "418");
    QVERIFY(!entry.forced);
    QVERIFY2(entry.trace.join(QLatin1Char(' ')).contains(QStringLiteral("does not define")),
        qPrintable(entry.trace.join('\n')));
}

void TestResponseEngine::forcedStatusSkipsTheNormalChoiceAndIsTraced()
{
    QSignalSpy spy(m_service, &MockService::requestHandled);
    const RawResponse r = roundTrip(m_port, request("DELETE", "/empty", "x-redocly-response-status: 404\r\n"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray(R"({"deleted":false})"));
    QTRY_VERIFY(entryWith(spy, "x-redocly-response-status", "404").id != 0);
    const auto entry = entryWith(spy, "x-redocly-response-status", "404");
    QVERIFY(entry.forced);
    QVERIFY(entry.trace.join(QLatin1Char(' ')).contains(QStringLiteral("validation and authentication skipped")));
}

void TestResponseEngine::storeForcesUntilHeadersWin()
{
    // 12. the forced-response store (the GUI panel) applies at once, without a restart
    m_service->forcedResponses()->set(QStringLiteral("examples"), ForcedResponse { 404, QString() });
    QCOMPARE(get("/examples").status, 404);
    // a request's own header wins over the store
    QCOMPARE(get("/examples", "x-redocly-response-status: 200\r\n").status, 200);
    m_service->forcedResponses()->set(QStringLiteral("examples"), ForcedResponse { 0, QStringLiteral("external") });
    QCOMPARE(get("/examples").body, QByteArray(R"({"id":8,"label":"external","size":2})"));
    QCOMPARE(get("/examples", "x-redocly-response-body-example: referenced\r\n").body,
        QByteArray(R"({"id":7,"label":"referenced","size":1})"));
    m_service->forcedResponses()->clearAll();
    QCOMPARE(get("/examples").status, 200);
}

void TestResponseEngine::substitution_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("path parameter coerced to integer")
        << QByteArray("/things/42") << QByteArray()
        << QByteArray(
               R"({"id":42,"label":"original","owner":{"city":"Paris","name":"Ann"},"size":3,"tags":["a","b"]})");
    QTest::addRow("query parameter")
        << QByteArray("/things/1?label=from-query") << QByteArray()
        << QByteArray(
               R"({"id":1,"label":"from-query","owner":{"city":"Paris","name":"Ann"},"size":3,"tags":["a","b"]})");
    QTest::addRow("body properties, nested, no additions")
        << QByteArray("/things/1") << QByteArray(R"({"size":9,"owner":{"city":"Oslo"},"extra":true})")
        << QByteArray(R"({"id":1,"label":"original","owner":{"city":"Oslo","name":"Ann"},"size":9,"tags":["a","b"]})");
    QTest::addRow("type mismatch is skipped")
        << QByteArray("/things/1") << QByteArray(R"({"size":"big"})")
        << QByteArray(R"({"id":1,"label":"original","owner":{"city":"Paris","name":"Ann"},"size":3,"tags":["a","b"]})");
}

void TestResponseEngine::substitution()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const RawResponse r = roundTrip(m_port,
        request("PUT", target, body.isEmpty() ? QByteArray() : QByteArray("Content-Type: application/json\r\n"), body));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, expected);
}

void TestResponseEngine::strictExamplesVerbatim()
{
    MockService service;
    MockConfig config;
    config.strictExamples = true;
    service.setDefinition(m_definition, config);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    const RawResponse r = roundTrip(
        service.port(), request("PUT", "/things/42?label=x", "Content-Type: application/json\r\n", R"({"size":9})"));
    QCOMPARE(r.body,
        QByteArray(R"({"id":1,"label":"original","owner":{"city":"Paris","name":"Ann"},"size":3,"tags":["a","b"]})"));
}

void TestResponseEngine::cors()
{
    const RawResponse plain = get("/multi");
    QCOMPARE(plain.header("Access-Control-Allow-Origin"), QByteArray("*"));
    const RawResponse withOrigin =
        get("/examples", "Origin: http://app.test\r\nAccess-Control-Request-Headers: X-Custom\r\n");
    QCOMPARE(withOrigin.header("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
    QCOMPARE(withOrigin.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QVERIFY(withOrigin.header("Access-Control-Allow-Headers").contains("X-Custom"));
    QVERIFY(withOrigin.header("Access-Control-Expose-Headers").contains("X-Trace"));
    const RawResponse preflight = roundTrip(
        m_port, request("OPTIONS", "/examples", "Origin: http://app.test\r\nAccess-Control-Request-Method: GET\r\n"));
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
    QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("GET"));
}

void TestResponseEngine::seedRequests_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expectedKey");
    QTest::addRow("plain seed request") << QByteArray() << 200 << QStringLiteral("username");
    QTest::addRow("x-redocly-response-status: 429")
        << QByteArray("x-redocly-response-status: 429\r\n") << 429 << QStringLiteral("title");
    QTest::addRow("x-redocly-response-body-example: UserObject")
        << QByteArray("x-redocly-response-body-example: UserObject\r\n") << 200 << QStringLiteral("loans");
}

void TestResponseEngine::seedRequests()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QFETCH(QString, expectedKey);
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    MockService service;
    service.setDefinition(loaded.definition);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    const RawResponse r = roundTrip(service.port(),
        request("GET", "/users/redocker?all=true", "Authorization: Bearer anything-you-want-here\r\n" + headers));
    QCOMPARE(r.status, status);
    QVERIFY2(json(r).contains(expectedKey), r.body.constData());
    if (status == 200)
        QCOMPARE(json(r).value(QStringLiteral("username")).toString(), QStringLiteral("redocker"));
    if (status == 429)
        QCOMPARE(r.header("Retry-After"), QByteArray("30"));
}

QTEST_GUILESS_MAIN(TestResponseEngine)
#include "tst_responseengine.moc"
