// SPDX-License-Identifier: MIT
// The body stage: body source, substitution of request values or problem values, caching, concurrent calls.
#include <thread>
#include <vector>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/generation/bodystage.h"
#include "testutils.h"

namespace {

using PathParameters = QList<QPair<QString, QString>>;

HttpRequest get(const QString& path, const QByteArray& query = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    return r;
}

} // namespace

class TestBodyStage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void build_data();
    void build();
    void generatedErrorBodyGetsTheProblemsValues();
    void noBodyWithoutAChosenMediaType();
    void concurrentCallsAgree();
    void xmlAndStreams_data();
    void xmlAndStreams();

private:
    BodyResult run(const BodyStage& stage, const QString& operationId, const QString& code, const QString& example,
        const PathParameters& path, const QJsonObject& problem = {}) const;
    DefinitionPtr m_definition;
};

void TestBodyStage::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("engine/stages.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

BodyResult TestBodyStage::run(const BodyStage& stage, const QString& operationId, const QString& code,
    const QString& example, const PathParameters& path, const QJsonObject& problem) const
{
    const Operation* op = m_definition->operation(operationId);
    const Response* response = op ? op->response(code) : nullptr;
    if (!response)
        return {};
    const ContentChoice content = ContentChoice::choose(*response, response->status(), QString(), example);
    const HttpRequest request = get(op->path);
    const QJsonValue parsed(QJsonValue::Undefined);
    return stage.build({ request, content, example, path, parsed, problem });
}

void TestBodyStage::build_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("id"); // the path parameter; empty: none
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("exampleName");
    QTest::addColumn<QStringList>("trace");

    QTest::addRow("first named example") << "getWidget"
                                         << ""
                                         << "" << false << QByteArray(R"({"id":1,"name":"small"})") << "small"
                                         << QStringList {
                                                "Served the first named example 'small' of application/json."
                                            };
    QTest::addRow("forced example") << "getWidget"
                                    << "large"
                                    << "" << false << QByteArray(R"({"id":2,"name":"large"})") << "large"
                                    << QStringList { "Served the forced example 'large' of application/json." };
    QTest::addRow("path parameter put into the example")
        << "getWidget"
        << ""
        << "42" << false << QByteArray(R"({"id":42,"name":"small"})") << "small"
        << QStringList { "Served the first named example 'small' of application/json.",
               "Put request values into the response (strictExamples: false): path parameter id -> /id." };
    QTest::addRow("strictExamples serves the example verbatim")
        << "getWidget"
        << ""
        << "42" << true << QByteArray(R"({"id":1,"name":"small"})") << "small"
        << QStringList { "Served the first named example 'small' of application/json." };
    QTest::addRow("path parameter that does not coerce is left out")
        << "getWidget"
        << ""
        << "abc" << false << QByteArray(R"({"id":1,"name":"small"})") << "small"
        << QStringList { "Served the first named example 'small' of application/json." };
}

void TestBodyStage::xmlAndStreams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("accept");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("bodyStart");
    QTest::addColumn<int>("chunks");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<QString>("trace"); // how the last sentence starts

    QTest::addRow("XML from the schema's examples, shaped by its xml object")
        << "xml/pets.yaml"
        << "getPet"
        << "application/xml"
        << "application/xml"
        << QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?><pt:pet xmlns:pt="urn:example:pets" id="7">)") << 0 << 0
        << "No example for application/xml: generated (realistic, seed 0) from its schema.";
    QTest::addRow("JSON for the same operation")
        << "xml/pets.yaml"
        << "getPet"
        << "application/json"
        << "application/json" << QByteArray(R"({"id":7,"name":"Rex")") << 0 << 0
        << "No example for application/json: generated (realistic, seed 0) from its schema.";
    QTest::addRow("string example verbatim")
        << "xml/pets.yaml"
        << "legacy"
        << ""
        << "text/xml" << QByteArray("<legacy><ok>true</ok></legacy>") << 0 << 0 << "Served the example of text/xml.";
    QTest::addRow("SSE items from the itemSchema")
        << "streams/streams.yaml"
        << "events"
        << ""
        << "text/event-stream" << QByteArray("event: tick\nid: 1\ndata: {\"temperature\":21}\n\nevent: tick") << 4 << 60
        << "Streamed 4 items of text/event-stream, 60 ms apart.";
    QTest::addRow("JSON Lines from an example array")
        << "streams/streams.yaml"
        << "logs"
        << ""
        << "application/jsonl" << QByteArray("{\"level\":\"info\",\"msg\":\"started\"}\n{") << 3 << 40
        << "Streamed 3 items of application/jsonl, 40 ms apart.";
    QTest::addRow("NDJSON generated, default pacing")
        << "streams/streams.yaml"
        << "changes"
        << "application/x-ndjson"
        << "application/x-ndjson" << QByteArray("{\"op\":\"insert\",\"seq\":47}\n") << 3 << 100
        << "Streamed 3 items of application/x-ndjson, 100 ms apart.";
}

void TestBodyStage::xmlAndStreams()
{
    QFETCH(QString, file);
    QFETCH(QString, operationId);
    QFETCH(QString, accept);
    QFETCH(QString, contentType);
    QFETCH(QByteArray, bodyStart);
    QFETCH(int, chunks);
    QFETCH(int, intervalMs);
    QFETCH(QString, trace);
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath(file));
    QVERIFY(loaded.definition);
    const BodyStage stage(loaded.definition, false);
    const Operation* op = loaded.definition->operation(operationId);
    QVERIFY(op);
    const Response& response = op->responses.first();
    const ContentChoice content = ContentChoice::choose(response, response.status(), accept, QString());
    QCOMPARE(content.outcome, ContentChoice::Outcome::Chosen);
    const HttpRequest request = get(op->path);
    const QJsonValue parsed(QJsonValue::Undefined);
    const PathParameters path;
    const QString noExample;
    const QJsonObject noProblem;
    const BodyResult result = stage.build({ request, content, noExample, path, parsed, noProblem });
    QVERIFY(!result.error);
    QCOMPARE(result.contentType, contentType);
    QVERIFY2(result.bytes.startsWith(bodyStart), result.bytes.constData());
    QCOMPARE(result.chunks.size(), chunks);
    QCOMPARE(result.chunkIntervalMs, intervalMs);
    if (chunks > 0)
        QCOMPARE(result.chunks.join(), result.bytes);
    QVERIFY2(result.trace.last().startsWith(trace), qPrintable(result.trace.last()));
}

void TestBodyStage::build()
{
    QFETCH(QString, operationId);
    QFETCH(QString, example);
    QFETCH(QString, id);
    QFETCH(bool, strict);
    QFETCH(QByteArray, body);
    QFETCH(QString, exampleName);
    QFETCH(QStringList, trace);
    const BodyStage stage(m_definition, strict);
    PathParameters path;
    if (!id.isEmpty())
        path.append({ QStringLiteral("id"), id });
    const BodyResult result = run(stage, operationId, QStringLiteral("200"), example, path);
    QVERIFY(!result.error);
    QVERIFY(result.present);
    QCOMPARE(result.contentType, QStringLiteral("application/json"));
    QCOMPARE(result.bytes, body);
    QCOMPARE(result.exampleName, exampleName);
    QCOMPARE(result.trace, trace);
}

void TestBodyStage::generatedErrorBodyGetsTheProblemsValues()
{
    const BodyStage stage(m_definition, false);
    const QJsonObject problem { { QStringLiteral("status"), 422 },
        { QStringLiteral("title"), QStringLiteral("Invalid request") } };
    const BodyResult result = run(stage, QStringLiteral("generated"), QStringLiteral("422"), QString(), {}, problem);
    QVERIFY(result.present);
    const QJsonObject body = QJsonDocument::fromJson(result.bytes).object();
    QCOMPARE(body.value(QLatin1String("status")).toInt(), 422);
    QCOMPARE(body.value(QLatin1String("title")).toString(), QStringLiteral("Invalid request"));
    QCOMPARE(result.trace.size(), 2);
    QVERIFY2(result.trace.last().startsWith(QLatin1String("Filled the generated error body with the problem's values")),
        qPrintable(result.trace.last()));
}

void TestBodyStage::noBodyWithoutAChosenMediaType()
{
    const BodyStage stage(m_definition, false);
    const BodyResult empty = run(stage, QStringLiteral("deleteIt"), QStringLiteral("204"), QString(), {});
    QVERIFY(!empty.present);
    QVERIFY(empty.bytes.isEmpty());
    QVERIFY(empty.trace.isEmpty()); // the content choice already said why

    const Response* widget = m_definition->operation(QStringLiteral("getWidget"))->response(QStringLiteral("200"));
    const ContentChoice refused = ContentChoice::choose(*widget, 200, QStringLiteral("image/png"), QString());
    QCOMPARE(refused.outcome, ContentChoice::Outcome::NotAcceptable);
    const HttpRequest request = get(QStringLiteral("/widgets/1"));
    const QJsonValue parsed(QJsonValue::Undefined);
    const BodyResult none = stage.build({ request, refused, QString(), {}, parsed, {} });
    QVERIFY(!none.present);
    QVERIFY(!none.error);
}

void TestBodyStage::concurrentCallsAgree()
{
    const BodyStage stage(m_definition, false);
    const PathParameters path { { QStringLiteral("id"), QStringLiteral("7") } };
    // Fresh caches: every thread races to fill the sample and serialisation caches.
    std::vector<QByteArray> generated(4), substituted(4), plain(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                generated[t] = run(stage, QStringLiteral("generated"), QStringLiteral("200"), QString(), {}).bytes;
                substituted[t] = run(stage, QStringLiteral("getWidget"), QStringLiteral("200"), QString(), path).bytes;
                plain[t] =
                    run(stage, QStringLiteral("getWidget"), QStringLiteral("200"), QStringLiteral("large"), {}).bytes;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    const BodyStage fresh(m_definition, false);
    const QByteArray expected = run(fresh, QStringLiteral("generated"), QStringLiteral("200"), QString(), {}).bytes;
    QVERIFY(!expected.isEmpty());
    for (int t = 0; t < 4; ++t) {
        QCOMPARE(generated[t], expected);
        QCOMPARE(substituted[t], QByteArray(R"({"id":7,"name":"small"})"));
        QCOMPARE(plain[t], QByteArray(R"({"id":2,"name":"large"})"));
    }
}

QTEST_GUILESS_MAIN(TestBodyStage)
#include "tst_bodystage.moc"
