// SPDX-License-Identifier: MIT
// Real HTTP against MockService on 127.0.0.1, port 0: status, headers, HEAD, keep-alive, close, logging.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

using namespace TestHttp;

class TestMockServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void answers_data();
    void answers();
    void headHasNoBody();
    void keepAliveServesSeveralRequests();
    void connectionCloseHonoured();
    void logEntryDelivered();
    void portTakenIsAClearError();
    void stopFreesThePort();
    void malformedRequestDoesNotCrash();
    void offConfigRefusesToStart();

private:
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestMockServer::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY2(loaded.definition,
        loaded.diagnostics.isEmpty() ? "no definition" : qPrintable(loaded.diagnostics.first().toString()));
    m_service = new MockService;
    m_service->setDefinition(loaded.definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
    QVERIFY(m_port != 0);
    QCOMPARE(m_service->url().toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void TestMockServer::cleanupTestCase()
{
    delete m_service;
}

void TestMockServer::answers_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bodyContains");

    QTest::addRow("named example, first one") << QByteArray("GET /books HTTP/1.1\r\nHost: localhost\r\n\r\n") << 200
                                              << QByteArray("application/json") << QByteArray("Pride and Prejudice");
    QTest::addRow("with server base path") << QByteArray("GET /v1/books HTTP/1.1\r\nHost: localhost\r\n\r\n") << 200
                                           << QByteArray("application/json") << QByteArray("Pride and Prejudice");
    QTest::addRow("text example") << QByteArray("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n") << 200
                                  << QByteArray("text/plain") << QByteArray("ok");
    QTest::addRow("no content is 204 without body")
        << QByteArray("DELETE /books/3 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t\r\n\r\n") << 204
        << QByteArray() << QByteArray();
    QTest::addRow("unknown path is 404 problem")
        << QByteArray("GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n") << 404 << QByteArray("application/problem+json")
        << QByteArray("\"status\":404");
    QTest::addRow("wrong method is 405 problem")
        << QByteArray("PATCH /books HTTP/1.1\r\nHost: localhost\r\n\r\n") << 405
        << QByteArray("application/problem+json") << QByteArray("\"status\":405");
}

void TestMockServer::answers()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bodyContains);
    const RawResponse r = roundTrip(m_port, request);
    QCOMPARE(r.status, status);
    if (!contentType.isEmpty())
        QVERIFY2(r.header("Content-Type").startsWith(contentType), r.header("Content-Type").constData());
    QVERIFY2(r.body.contains(bodyContains), r.body.constData());
    if (status == 204)
        QVERIFY(r.header("Content-Length").isEmpty());
    else
        QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
}

void TestMockServer::headHasNoBody()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write("HEAD /books HTTP/1.1\r\nHost: localhost\r\n\r\nGET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray pending;
    const RawResponse head = readResponse(socket, pending, true);
    QCOMPARE(head.status, 200);
    QVERIFY(head.header("Content-Length").toInt() > 0); // the length GET would have
    QVERIFY(head.body.isEmpty());
    // The next response on the connection starts right after the head: no stray body bytes.
    const RawResponse next = readResponse(socket, pending);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, QByteArray("ok"));
}

void TestMockServer::keepAliveServesSeveralRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    for (int i = 0; i < 5; ++i) {
        socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const RawResponse r = readResponse(socket);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ok"));
    }
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestMockServer::connectionCloseHonoured()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    const RawResponse r = readResponse(socket);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), QByteArray("close"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 3000);
}

void TestMockServer::logEntryDelivered()
{
    QSignalSpy spy(m_service, &MockService::requestHandled);
    const RawResponse r =
        roundTrip(m_port, "GET /books?genre=fiction HTTP/1.1\r\nHost: localhost\r\nX-Test: 1\r\n\r\n");
    QCOMPARE(r.status, 200);
    // Entries arrive in batches, possibly with late ones of earlier tests first: find ours.
    const auto find = [&spy]() -> RequestLogEntry {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const auto e = args.first().value<RequestLogEntry>();
            if (e.query == "genre=fiction")
                return e;
        }
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(find().id != 0, 3000);
    const RequestLogEntry entry = find();
    QCOMPARE(entry.method, QByteArray("GET"));
    QCOMPARE(entry.path, QStringLiteral("/books"));
    QCOMPARE(entry.query, QByteArray("genre=fiction"));
    QCOMPARE(entry.requestHeader("X-Test"), QByteArray("1"));
    QCOMPARE(entry.operationId, QStringLiteral("listBooks"));
    QCOMPARE(entry.operationPath, QStringLiteral("/books"));
    QCOMPARE(entry.status, 200);
    QCOMPARE(entry.responseBody, r.body);
    QVERIFY(entry.responseHeader("Content-Type").startsWith("application/json"));
    QVERIFY(entry.time.isValid());
    QVERIFY(entry.durationUs >= 0);
    QVERIFY(!entry.trace.isEmpty());
    // Ids increase in arrival order across batches.
    quint64 last = 0;
    for (const QList<QVariant>& args : std::as_const(spy)) {
        const quint64 id = args.first().value<RequestLogEntry>().id;
        QVERIFY(id > last);
        last = id;
    }
}

void TestMockServer::portTakenIsAClearError()
{
    MockService other;
    other.setDefinition(m_service->definition());
    const StartResult taken = other.start(QHostAddress::LocalHost, m_port);
    QVERIFY(!taken);
    QCOMPARE(taken.error, StartError::PortTaken);
    const QString& error = taken.message;
    QVERIFY2(error.contains(QString::number(m_port)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("in use"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!other.isRunning());
    const quint16 free = MockService::findFreePort(QHostAddress::LocalHost, m_port);
    QVERIFY(free != 0 && free != m_port);
}

void TestMockServer::stopFreesThePort()
{
    MockService service;
    service.setDefinition(m_service->definition());
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    const quint16 port = service.port();
    QTcpSocket keepAlive;
    keepAlive.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(keepAlive.waitForConnected(3000));
    service.stop();
    QVERIFY(!service.isRunning());
    QVERIFY(service.url().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(keepAlive.state(), QAbstractSocket::UnconnectedState, 3000);
    const StartResult again = service.start(QHostAddress::LocalHost, port);
    QVERIFY2(again, qPrintable(again.message));
    QCOMPARE(again.port, port);
    QCOMPARE(roundTrip(port, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n").status, 200);
}

void TestMockServer::malformedRequestDoesNotCrash()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write("\x01\x02 garbage garbage\r\n\r\n");
    socket.waitForReadyRead(300);
    // The server survives and keeps answering.
    QCOMPARE(roundTrip(m_port, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n").status, 200);
    QCOMPARE(roundTrip(m_port, "GET /%zz%%/x HTTP/1.1\r\nHost: localhost\r\n\r\n").status, 404);
}

void TestMockServer::offConfigRefusesToStart()
{
    MockService service;
    MockConfig config;
    config.off = true;
    config.sourceFile = QStringLiteral("/tmp/redocly.yaml");
    service.setDefinition(m_service->definition(), config);
    const StartResult refused = service.start(QHostAddress::LocalHost, 0);
    QCOMPARE(refused.error, StartError::ConfigOff);
    QVERIFY2(refused.message.contains(QStringLiteral("off")), qPrintable(refused.message));
}

QTEST_GUILESS_MAIN(TestMockServer)
#include "tst_mockserver.moc"
