// SPDX-License-Identifier: MIT
// Sequential media types: frames of SSE and JSON Lines streams, pacing, and streams read item by item over HTTP.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "core/generation/streambody.h"
#include "httpclient.h"
#include "testutils.h"

using namespace TestHttp;

namespace {

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

// One chunk of a chunked response body, and when it was complete.
struct Arrival
{
    QByteArray data;
    qint64 ms = 0;
};

// Reads a chunked response off `socket` chunk by chunk, noting when each chunk arrived; stops at the last chunk.
QList<Arrival> readChunks(QTcpSocket& socket, QByteArray* pending, bool* complete)
{
    QList<Arrival> out;
    QElapsedTimer timer;
    timer.start();
    *complete = false;
    while (timer.elapsed() < 5000) {
        const qsizetype lineEnd = pending->indexOf("\r\n");
        if (lineEnd >= 0) {
            bool ok = false;
            const qsizetype size = pending->left(lineEnd).toLongLong(&ok, 16);
            if (!ok)
                return out;
            if (pending->size() >= lineEnd + 2 + size + 2) {
                if (size == 0) {
                    pending->remove(0, lineEnd + 4);
                    *complete = true;
                    return out;
                }
                out.append({ pending->mid(lineEnd + 2, size), timer.elapsed() });
                pending->remove(0, lineEnd + 2 + size + 2);
                continue;
            }
        }
        if (socket.waitForReadyRead(100))
            *pending += socket.readAll();
        else if (socket.state() != QAbstractSocket::ConnectedState)
            return out;
    }
    return out;
}

} // namespace

class TestStreamBody : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void formatOf_data();
    void formatOf();
    void frames_data();
    void frames();
    void pacing_data();
    void pacing();
    void itemsArriveOneByOne_data();
    void itemsArriveOneByOne();
    void http10AndHeadGetTheWholeBody();
    void negotiatesAgainstJson();
    void nextRequestWaitsForTheStream();

private:
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestStreamBody::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath("streams/streams.yaml"));
    QVERIFY2(loaded.definition,
        loaded.diagnostics.isEmpty() ? "no definition" : qPrintable(loaded.diagnostics.first().toString()));
    QCOMPARE(loaded.definition->specVersion, QStringLiteral("3.2.0"));
    m_service = new MockService;
    m_service->setDefinition(loaded.definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
}

void TestStreamBody::cleanupTestCase()
{
    delete m_service;
}

void TestStreamBody::formatOf_data()
{
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<int>("format");
    QTest::addRow("event stream") << "text/event-stream" << int(StreamBody::Format::EventStream);
    QTest::addRow("event stream with charset")
        << "Text/Event-Stream; charset=utf-8" << int(StreamBody::Format::EventStream);
    QTest::addRow("JSON Lines") << "application/jsonl" << int(StreamBody::Format::JsonLines);
    QTest::addRow("NDJSON") << "application/x-ndjson" << int(StreamBody::Format::JsonLines);
    QTest::addRow("JSON is not a stream") << "application/json" << int(StreamBody::Format::None);
    QTest::addRow("malformed") << "nonsense" << int(StreamBody::Format::None);
}

void TestStreamBody::formatOf()
{
    QFETCH(QString, mediaType);
    QFETCH(int, format);
    QCOMPARE(int(StreamBody::formatOf(mediaType)), format);
}

void TestStreamBody::frames_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("item");
    QTest::addColumn<QByteArrayList>("expected");
    const int sse = int(StreamBody::Format::EventStream);
    const int lines = int(StreamBody::Format::JsonLines);

    QTest::addRow("SSE fields of an event object") << sse << json(R"({"event": "tick", "id": 5, "data": "x"})") << true
                                                   << QByteArrayList(2, "event: tick\nid: 5\ndata: x\n\n");
    QTest::addRow("SSE multi-line data gets one data line each")
        << sse << json(R"({"data": "a\nb"})") << true << QByteArrayList(2, "data: a\ndata: b\n\n");
    QTest::addRow("SSE non-string data is compact JSON")
        << sse << json(R"({"data": {"t": 1}})") << true << QByteArrayList(2, "data: {\"t\":1}\n\n");
    QTest::addRow("SSE any other item is the data")
        << sse << json(R"({"t": 1, "u": [2]})") << true << QByteArrayList(2, "data: {\"t\":1,\"u\":[2]}\n\n");
    QTest::addRow("SSE field values stay on one line")
        << sse << json(R"({"event": "a\nb", "data": "d"})") << true << QByteArrayList(2, "event: a b\ndata: d\n\n");
    QTest::addRow("SSE example array: one event per element")
        << sse << json(R"([{"data": "1"}, "two"])") << false << QByteArrayList { "data: 1\n\n", "data: two\n\n" };
    QTest::addRow("SSE text example split into its events")
        << sse << json(R"("event: a\r\ndata: 1\r\n\r\ndata: 2\n\n\n")") << false
        << QByteArrayList { "event: a\ndata: 1\n\n", "data: 2\n\n" };
    QTest::addRow("JSON Lines: compact JSON per line")
        << lines << json(R"({"a": [1, 2]})") << true << QByteArrayList(2, "{\"a\":[1,2]}\n");
    QTest::addRow("JSON Lines example array")
        << lines << json(R"([1, "x", null])") << false << QByteArrayList { "1\n", "\"x\"\n", "null\n" };
    QTest::addRow("JSON Lines text example: its non-blank lines")
        << lines << json(R"("{\"a\":1}\n\n{\"a\":2}")") << false << QByteArrayList { "{\"a\":1}\n", "{\"a\":2}\n" };
    QTest::addRow("a single non-array example is one item")
        << lines << json(R"({"a": 1})") << false << QByteArrayList { "{\"a\":1}\n" };
}

void TestStreamBody::frames()
{
    QFETCH(int, format);
    QFETCH(QJsonValue, value);
    QFETCH(bool, item);
    QFETCH(QByteArrayList, expected);
    StreamPacing pacing;
    pacing.items = 2;
    QCOMPARE(StreamBody::frames(StreamBody::Format(format), value, item, pacing), expected);
}

void TestStreamBody::pacing_data()
{
    QTest::addColumn<QJsonObject>("option");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("intervalMs");
    QTest::addRow("defaults") << QJsonObject() << StreamPacing::defaultItems << StreamPacing::defaultIntervalMs;
    QTest::addRow("given") << json(R"({"items": 7, "intervalMs": 0})").toObject() << 7 << 0;
    QTest::addRow("clamped") << json(R"({"items": 1e9, "intervalMs": -5})").toObject() << StreamPacing::maxItems << 0;
    QTest::addRow("too few items and too long pauses clamped")
        << json(R"({"items": 0, "intervalMs": 1e12})").toObject() << 1 << StreamPacing::maxIntervalMs;
    QTest::addRow("not numbers keep the defaults") << json(R"({"items": "many", "intervalMs": true})").toObject()
                                                   << StreamPacing::defaultItems << StreamPacing::defaultIntervalMs;
}

void TestStreamBody::pacing()
{
    QFETCH(QJsonObject, option);
    QFETCH(int, items);
    QFETCH(int, intervalMs);
    const StreamPacing pacing = StreamPacing::from(option);
    QCOMPARE(pacing.items, items);
    QCOMPARE(pacing.intervalMs, intervalMs);
}

void TestStreamBody::itemsArriveOneByOne_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<QByteArray>("firstItem");
    QTest::addColumn<int>("distinctItems");

    QTest::addRow("SSE generated from the itemSchema")
        << QByteArray("/events") << QByteArray("text/event-stream") << QByteArray("text/event-stream") << 4 << 60
        << QByteArray("event: tick\nid: 1\ndata: {\"temperature\":21}\n\n") << 4;
    QTest::addRow("JSON Lines from an example array")
        << QByteArray("/logs") << QByteArray() << QByteArray("application/jsonl") << 3 << 40
        << QByteArray("{\"level\":\"info\",\"msg\":\"started\"}\n") << 3;
    QTest::addRow("NDJSON with the default pacing")
        << QByteArray("/changes") << QByteArray("application/x-ndjson") << QByteArray("application/x-ndjson")
        << StreamPacing::defaultItems << StreamPacing::defaultIntervalMs
        << QByteArray("{\"op\":\"insert\",\"seq\":47}\n") << StreamPacing::defaultItems;
    QTest::addRow("a text example's events, without pauses")
        << QByteArray("/raw") << QByteArray() << QByteArray("text/event-stream") << 2 << 0
        << QByteArray("event: a\ndata: 1\n\n") << 2;
    QTest::addRow("a schema with one possible item repeats it")
        << QByteArray("/heartbeat") << QByteArray() << QByteArray("text/event-stream") << StreamPacing::defaultItems
        << 0 << QByteArray("data: {\"event\":\"ping\"}\n\n") << 1;
}

void TestStreamBody::itemsArriveOneByOne()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    QFETCH(int, items);
    QFETCH(int, intervalMs);
    QFETCH(QByteArray, firstItem);
    QFETCH(int, distinctItems);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write(request("GET", target, accept.isEmpty() ? QByteArray() : "Accept: " + accept + "\r\n"));
    QByteArray pending;
    QElapsedTimer timer;
    timer.start();
    while (!pending.contains("\r\n\r\n") && timer.elapsed() < 5000)
        if (socket.waitForReadyRead(100))
            pending += socket.readAll();
    const qsizetype headEnd = pending.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    RawResponse head;
    head.head = pending.left(headEnd);
    pending.remove(0, headEnd + 4);
    QVERIFY2(head.head.startsWith("HTTP/1.1 200"), head.head.constData());
    QCOMPARE(head.header("Content-Type"), contentType);
    QCOMPARE(head.header("Transfer-Encoding"), QByteArray("chunked"));
    QVERIFY(head.header("Content-Length").isEmpty());
    QVERIFY(head.header("Date").endsWith(" GMT")); // a stream's head is dated like any answer (issue 12 item 7)

    bool complete = false;
    const QList<Arrival> chunks = readChunks(socket, &pending, &complete);
    QVERIFY(complete);
    QCOMPARE(chunks.size(), items);
    QCOMPARE(chunks.first().data, firstItem);
    QSet<QByteArray> distinct;
    for (const Arrival& chunk : chunks) {
        QVERIFY(chunk.data.endsWith('\n'));
        distinct.insert(chunk.data);
    }
    // Items generated from an itemSchema differ from one another, as the items of an example array do.
    QCOMPARE(int(distinct.size()), distinctItems);
    if (intervalMs > 0) {
        // Each item is its own chunk, sent after a pause: the stream is read while it is being written.
        for (int i = 1; i < chunks.size(); ++i)
            QVERIFY2(chunks.at(i).ms - chunks.at(i - 1).ms >= intervalMs / 2,
                qPrintable(QStringLiteral("item %1 came %2 ms after the one before")
                               .arg(i)
                               .arg(chunks.at(i).ms - chunks.at(i - 1).ms)));
    }
    // The connection stays usable after the last chunk.
    socket.write(request("GET", "/changes", "Accept: application/json\r\n"));
    const RawResponse next = readResponse(socket, pending);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.header("Content-Type"), QByteArray("application/json"));
}

void TestStreamBody::http10AndHeadGetTheWholeBody()
{
    // HTTP/1.0 has no chunked coding: the items come at once, with their length.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write("GET /logs HTTP/1.0\r\nHost: localhost\r\n\r\n");
    const RawResponse r = readResponse(socket);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Transfer-Encoding").isEmpty());
    QCOMPARE(r.body.count('\n'), 3);
    QCOMPARE(r.header("Content-Length").toInt(), r.body.size());

    const RawResponse head = roundTrip(m_port, request("HEAD", "/events"), true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Type"), QByteArray("text/event-stream"));
    QVERIFY(head.body.isEmpty());
}

void TestStreamBody::negotiatesAgainstJson()
{
    const RawResponse r = roundTrip(m_port, request("GET", "/changes"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(QJsonDocument::fromJson(r.body).isArray());
}

void TestStreamBody::nextRequestWaitsForTheStream()
{
    // A pipelined request is answered after the whole stream, never in the middle of it.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write(request("GET", "/logs") + request("GET", "/changes", "Accept: application/json\r\n"));
    QByteArray pending;
    QElapsedTimer timer;
    timer.start();
    while (!pending.contains("\r\n\r\n") && timer.elapsed() < 5000)
        if (socket.waitForReadyRead(100))
            pending += socket.readAll();
    pending.remove(0, pending.indexOf("\r\n\r\n") + 4);
    bool complete = false;
    const QList<Arrival> chunks = readChunks(socket, &pending, &complete);
    QVERIFY(complete);
    QCOMPARE(chunks.size(), 3);
    const RawResponse next = readResponse(socket, pending);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.header("Content-Type"), QByteArray("application/json"));
}

QTEST_GUILESS_MAIN(TestStreamBody)
#include "tst_streambody.moc"
