// SPDX-License-Identifier: MIT
// MockPipeline::handle without sockets: the stages in order, their problems, and concurrent calls.
#include <thread>
#include <vector>

#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "testutils.h"

namespace {

HttpRequest request(const QByteArray& method, const QString& path, const HeaderList& headers = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.headers = headers;
    return r;
}

QByteArray header(const HttpResponse& response, const char* name)
{
    return response.header(name);
}

} // namespace

class TestMockPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answers_data();
    void answers();
    void forcedDefined406KeepsItsHeaders();
    void traceFollowsTheStages();
    void concurrentHandleAgrees();

private:
    DefinitionPtr m_definition;
};

void TestMockPipeline::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/stages.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

void TestMockPipeline::answers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bodyContains");
    QTest::addColumn<bool>("forced");
    QTest::addColumn<QString>("exampleName");

    const auto h = [](const char* name, const char* value) { return qMakePair(QByteArray(name), QByteArray(value)); };
    QTest::addRow("example with the path value put in")
        << QByteArray("GET") << "/widgets/5" << HeaderList {} << 200 << QByteArray("application/json")
        << QByteArray(R"({"id":5,"name":"small"})") << false << "small";
    QTest::addRow("forced example owned by another media type")
        << QByteArray("GET") << "/widgets/5" << HeaderList { h("x-redocly-response-body-example", "xmlOnly") } << 200
        << QByteArray("application/xml") << QByteArray("<widget/>") << true << "xmlOnly";
    QTest::addRow("forced example owned by another response")
        << QByteArray("GET") << "/widgets/5" << HeaderList { h("Prefer", "example=gone") } << 404
        << QByteArray("application/json") << QByteArray(R"({"message":"gone"})") << true << "gone";
    QTest::addRow("not acceptable is the 406 problem")
        << QByteArray("GET") << "/widgets/5" << HeaderList { h("Accept", "image/png") } << 406
        << QByteArray("application/problem+json") << QByteArray("not-acceptable") << false << "";
    QTest::addRow("invalid path parameter is refused")
        << QByteArray("GET") << "/widgets/abc" << HeaderList {} << 422 << QByteArray("application/problem+json")
        << QByteArray("invalid-request") << false << "";
    QTest::addRow("malformed Prefer header")
        << QByteArray("GET") << "/widgets/5" << HeaderList { h("Prefer", "code=x") } << 422
        << QByteArray("application/problem+json") << QByteArray("invalid-prefer-header") << false << "";
    QTest::addRow("no body for 204") << QByteArray("DELETE") << "/empty" << HeaderList {} << 204 << QByteArray()
                                     << QByteArray() << false << "";
    QTest::addRow("unknown path") << QByteArray("GET") << "/nope" << HeaderList {} << 404
                                  << QByteArray("application/problem+json") << QByteArray("no-path-matched") << false
                                  << "";
}

void TestMockPipeline::answers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(HeaderList, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bodyContains);
    QFETCH(bool, forced);
    QFETCH(QString, exampleName);
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr);
    const MockResult result = pipeline.handle(request(method, path, headers));
    QCOMPARE(result.response.status, status);
    QCOMPARE(header(result.response, "Content-Type"), contentType);
    QVERIFY2(result.response.body.contains(bodyContains), result.response.body.constData());
    QCOMPARE(result.forced, forced);
    QCOMPARE(result.exampleName, exampleName);
    QVERIFY(!result.trace.isEmpty());
    QCOMPARE(header(result.response, "Access-Control-Allow-Origin"), QByteArray("*"));
}

// Regression: the pipeline used to stop at any 406 status, so a forced, defined 406 lost its declared
// headers and CORS.
void TestMockPipeline::forcedDefined406KeepsItsHeaders()
{
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr);
    const MockResult result = pipeline.handle(request("GET", QStringLiteral("/widgets/5"),
        { qMakePair(QByteArray("x-redocly-response-status"), QByteArray("406")),
            qMakePair(QByteArray("Origin"), QByteArray("http://example.test")) }));
    QCOMPARE(result.response.status, 406);
    QCOMPARE(result.response.body, QByteArray(R"({"message":"not acceptable"})"));
    QCOMPARE(header(result.response, "X-Reason"), QByteArray("picky"));
    QCOMPARE(header(result.response, "Deprecation"), QByteArray("true"));
    QCOMPARE(header(result.response, "Access-Control-Allow-Origin"), QByteArray("http://example.test"));
    QVERIFY(result.forced);
}

void TestMockPipeline::traceFollowsTheStages()
{
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr);
    const MockResult result = pipeline.handle(request("GET", QStringLiteral("/widgets/5"),
        { qMakePair(QByteArray("x-redocly-response-body-example"), QByteArray("large")) }));
    QCOMPARE(result.response.status, 200);
    // route, (validation), response choice, forced example, content, body, substitution, headers
    const QStringList expectedOrder {
        QStringLiteral("/widgets/{id}"),
        QStringLiteral("Chose 200, the lowest 2xx response."),
        QStringLiteral("x-redocly-response-body-example forced the example 'large'."),
        QStringLiteral("No Accept header: chose application/json."),
        QStringLiteral("Served the forced example 'large' of application/json."),
        QStringLiteral("Put request values into the response"),
        QStringLiteral("The operation is deprecated: added Deprecation: true."),
    };
    qsizetype at = 0;
    for (const QString& part : expectedOrder) {
        while (at < result.trace.size() && !result.trace.at(at).contains(part))
            ++at;
        QVERIFY2(at < result.trace.size(),
            qPrintable(QStringLiteral("'%1' missing or out of order in:\n%2").arg(part, result.trace.join(u'\n'))));
    }
}

void TestMockPipeline::concurrentHandleAgrees()
{
    const MockPipeline pipeline(m_definition, MockConfig(), nullptr);
    const QList<HttpRequest> requests {
        request("GET", QStringLiteral("/widgets/5")),
        request("GET", QStringLiteral("/generated")),
        request("GET", QStringLiteral("/widgets/abc")),
        request("GET", QStringLiteral("/widgets/9"), { qMakePair(QByteArray("Prefer"), QByteArray("example=gone")) }),
    };
    const MockPipeline reference(m_definition, MockConfig(), nullptr);
    QList<MockResult> expected;
    for (const HttpRequest& r : requests)
        expected.append(reference.handle(r));

    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                for (qsizetype k = 0; k < requests.size(); ++k) {
                    const MockResult r = pipeline.handle(requests.at((k + t) % requests.size()));
                    const MockResult& e = expected.at((k + t) % requests.size());
                    if (r.response.status != e.response.status || r.response.body != e.response.body
                        || r.response.headers != e.response.headers || r.trace != e.trace)
                        ++mismatches[t];
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (int t = 0; t < 4; ++t)
        QCOMPARE(mismatches[t], 0);
}

QTEST_GUILESS_MAIN(TestMockPipeline)
#include "tst_mockpipeline.moc"
