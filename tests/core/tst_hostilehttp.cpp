// SPDX-License-Identifier: MIT
// Hostile HTTP against the real MockService on 127.0.0.1, port 0: framing, limits, timeouts, backpressure, Host.
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

using namespace TestHttp;

// With descriptors exhausted (acceptResumesAfterFileDescriptorsRunOut), OpenSSL, loaded by QtNetwork, fails an
// initialisation and keeps its per-thread error state: a leak inside libcrypto, not in the mock.
extern "C" const char* __lsan_default_suppressions()
{
    return "leak:libcrypto.so\n";
}

namespace {

// A request that, if a server took a refused request's body as the next request, would be answered too.
const QByteArray smuggled = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";

// Sends `bytes`, then reads until the server closes the connection or `waitMs` pass.
QByteArray exchange(quint16 port, const QByteArray& bytes, int waitMs = 3000, bool* closed = nullptr)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(bytes);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(50);
        received += socket.readAll();
    }
    received += socket.readAll();
    if (closed)
        *closed = socket.state() != QAbstractSocket::ConnectedState;
    return received;
}

// Sends `bytes` on a plain socket, shuts its write side (the client's FIN, as `nc -N` sends) and reads until the
// server closes.
QByteArray halfClosedExchange(quint16 port, const QByteArray& bytes, int waitMs = 3000)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return {};
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray received;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0
        && ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size()
        && ::shutdown(fd, SHUT_WR) == 0) {
        QElapsedTimer timer;
        timer.start();
        char buffer[65536];
        for (;;) {
            pollfd p { fd, POLLIN, 0 };
            const int left = waitMs - int(timer.elapsed());
            if (left <= 0 || ::poll(&p, 1, left) <= 0)
                break;
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0)
                break;
            received.append(buffer, got);
        }
    }
    ::close(fd);
    return received;
}

int responsesIn(const QByteArray& stream)
{
    int n = stream.startsWith("HTTP/1.1 ") ? 1 : 0;
    for (qsizetype at = stream.indexOf("\nHTTP/1.1 "); at >= 0; at = stream.indexOf("\nHTTP/1.1 ", at + 1))
        ++n;
    return n;
}

int statusOf(const QByteArray& stream)
{
    return stream.startsWith("HTTP/1.1 ") ? stream.mid(9, 3).toInt() : 0;
}

bool waitClosed(QTcpSocket& socket, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(20);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray chunked(const QByteArray& body, int pieces)
{
    QByteArray out;
    const qsizetype step = std::max<qsizetype>(1, body.size() / pieces);
    for (qsizetype at = 0; at < body.size(); at += step) {
        const QByteArray piece = body.mid(at, step);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

} // namespace

class TestHostileHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedFraming_data();
    void refusedFraming();
    void acceptedFraming_data();
    void acceptedFraming();
    void chunkedEqualsContentLength();
    void bodyOverLimitByLength();
    void bodyOverLimitWhileReceiving();
    void expectContinue();
    void expectContinueOverLimit();
    void timeouts_data();
    void timeouts();
    void idleKeepAliveIsClosed();
    void connectionCap();
    void http10ClosedAfterAnswer();
    void http10KeepAlive();
    void hosts_data();
    void hosts();
    void slowAnswerDoesNotBlockOthers();
    void pipelinedAnswersStayInOrder();
    void halfClosedClientGetsItsAnswers_data();
    void halfClosedClientGetsItsAnswers();
    void manyPipelinedRequests();
    void outputBackpressure();
    void limitsParse_data();
    void limitsParse();
    void acceptResumesAfterFileDescriptorsRunOut();

private:
    std::unique_ptr<MockService> startService(const ServerLimits& limits, DefinitionPtr definition = {},
        const QHostAddress& host = QHostAddress(QHostAddress::LocalHost));

    DefinitionPtr m_bookshelf;
    std::unique_ptr<MockService> m_service; // default limits
    quint16 m_port = 0;
};

std::unique_ptr<MockService> TestHostileHttp::startService(
    const ServerLimits& limits, DefinitionPtr definition, const QHostAddress& host)
{
    auto service = std::make_unique<MockService>();
    service->setDefinition(definition ? definition : m_bookshelf);
    service->setLimits(limits);
    const StartResult started = service->start(host, 0);
    if (!started)
        qWarning() << started.message;
    return service;
}

void TestHostileHttp::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    m_bookshelf = loaded.definition;
    m_service = startService(ServerLimits());
    m_port = m_service->port();
    QVERIFY(m_port != 0);
}

void TestHostileHttp::cleanupTestCase()
{
    m_service.reset();
}

void TestHostileHttp::refusedFraming_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QByteArray manyFields = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "X-F" + QByteArray::number(i) + ": v\r\n";
    QTest::addRow("101 header fields") << manyFields + "\r\n" + smuggled << 431;
    QTest::addRow("a field over 100 KiB")
        << "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + QByteArray(101 * 1024, 'a') + "\r\n\r\n" + smuggled
        << 431;
    QByteArray bigHead = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; i < 40; ++i)
        bigHead += "X-F" + QByteArray::number(i) + ": " + QByteArray(7000, 'b') + "\r\n";
    QTest::addRow("over 256 KiB of headers") << bigHead + "\r\n" + smuggled << 431;
    QTest::addRow("request line over the limit")
        << "GET /" + QByteArray(70 * 1024, 'p') + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
        << 414;
    QTest::addRow("a line without a colon")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nno colon here\r\nContent-Length: 39\r\n\r\n" + smuggled << 400;
    QTest::addRow("HTTP/1.1 without Host") << "POST /books HTTP/1.1\r\nContent-Length: 39\r\n\r\n" + smuggled << 400;
    QTest::addRow("two Host fields") << QByteArray("GET /health HTTP/1.1\r\nHost: localhost\r\nHost: evil.test\r\n\r\n")
                                     << 400;
    QTest::addRow("Content-Length abc") << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n"
            + smuggled << 400;
    QTest::addRow("Content-Length -5") << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n"
            + smuggled << 400;
    QTest::addRow("Content-Length 2^64")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 18446744073709551616\r\n\r\n" + smuggled << 400;
    QTest::addRow("Content-Length 39, 39")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 39, 39\r\n\r\n" + smuggled << 400;
    QTest::addRow("two Content-Length fields")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nContent-Length: 39\r\n\r\n" + smuggled
        << 400;
    QTest::addRow("Content-Length with Transfer-Encoding")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 39\r\nTransfer-Encoding: chunked\r\n\r\n"
            + smuggled
        << 400;
    QTest::addRow("Transfer-Encoding xchunked")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled << 501;
    QTest::addRow("Transfer-Encoding gzip, chunked")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + smuggled
        << 501;
    QTest::addRow("invalid chunk size")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + smuggled << 400;
    QTest::addRow("chunk longer than its size") << QByteArray(
        "POST /books HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n0\r\n\r\n")
                                                << 400;
    QTest::addRow("folded header line") << "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: 1\r\n  continued\r\n\r\n"
            + smuggled << 400;
    QTest::addRow("space before the colon")
        << "GET /health HTTP/1.1\r\nHost: localhost\r\nContent-Length : 39\r\n\r\n" + smuggled << 400;
    QTest::addRow("HTTP/9.9") << QByteArray("GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n") << 505;
    QTest::addRow("garbage request line") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400;
    QTest::addRow("NUL in a header") << QByteArray("GET /health HTTP/1.1\r\nHost: local\0host\r\n\r\n", 43) << 400;
    QTest::addRow("unknown expectation")
        << "POST /books HTTP/1.1\r\nHost: localhost\r\nExpect: 200-ok\r\nContent-Length: 39\r\n\r\n" + smuggled << 417;
}

void TestHostileHttp::refusedFraming()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    bool closed = false;
    const QByteArray received = exchange(m_port, request, 3000, &closed);
    QCOMPARE(statusOf(received), status);
    QVERIFY2(closed, "the connection stays open after a refused request");
    // The body (or what follows the refused head) is never run as a request of its own.
    QCOMPARE(responsesIn(received), 1);
    QVERIFY(received.contains("Connection: close"));
    QVERIFY(received.contains("application/problem+json"));
}

void TestHostileHttp::acceptedFraming_data()
{
    QTest::addColumn<QByteArray>("request");

    QTest::addRow("LF-only line ends") << QByteArray("GET /health HTTP/1.1\nHost: localhost\n\n");
    QTest::addRow("empty lines before the request") << "\r\n\r\n" + smuggled;
    QTest::addRow("Content-Length 0") << QByteArray(
        "GET /health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
    QTest::addRow("Transfer-Encoding Chunked (case)")
        << QByteArray("GET /health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n");
    // /health defines no request body (a body there is a 415): forcing its 200 skips validation, so the answer
    // shows only how the body was framed.
    QTest::addRow("chunk extension and trailer")
        << QByteArray("GET /health HTTP/1.1\r\nHost: localhost\r\nx-redocly-response-status: 200\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"
                      "3;ext=1\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n");
    QTest::addRow("100 header fields") << [] {
        QByteArray r = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
        for (int i = 0; i < 99; ++i)
            r += "X-F" + QByteArray::number(i) + ": v\r\n";
        return r + "\r\n";
    }();
}

void TestHostileHttp::acceptedFraming()
{
    QFETCH(QByteArray, request);
    // Followed by a second request on the same connection: both are answered, in order, nothing in between.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write(request + smuggled);
    QByteArray pending;
    const RawResponse first = readResponse(socket, pending);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, QByteArray("ok"));
    const RawResponse second = readResponse(socket, pending);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, QByteArray("ok"));
    QVERIFY(pending.isEmpty());
}

void TestHostileHttp::chunkedEqualsContentLength()
{
    const QByteArray body = R"({"title":"Dune","authorId":3,"isbn":"978-0-441-17271-9","genre":"fiction"})";
    const QByteArray head = "POST /books HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t\r\n"
                            "Content-Type: application/json\r\n";
    const RawResponse plain =
        roundTrip(m_port, head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const RawResponse split = roundTrip(m_port, head + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body, 7));
    QVERIFY(plain.status != 0);
    QCOMPARE(split.status, plain.status);
    QCOMPARE(split.body, plain.body);
}

void TestHostileHttp::bodyOverLimitByLength()
{
    ServerLimits limits;
    limits.maxBodyBytes = 1024;
    auto service = startService(limits);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(socket.waitForConnected(3000));
    // Only the head is sent: the answer must not wait for the body.
    socket.write("POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000\r\n\r\n");
    const RawResponse r = readResponse(socket);
    QCOMPARE(r.status, 413);
    QVERIFY(waitClosed(socket, 3000));
}

void TestHostileHttp::bodyOverLimitWhileReceiving()
{
    ServerLimits limits;
    limits.maxBodyBytes = 4096;
    auto service = startService(limits);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(socket.waitForConnected(3000));
    socket.write("POST /books HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Chunks keep coming; the answer comes as soon as they pass the limit, not at the end.
    for (int i = 0; i < 8; ++i)
        socket.write("400\r\n" + QByteArray(1024, 'x') + "\r\n");
    const RawResponse r = readResponse(socket);
    QCOMPARE(r.status, 413);
    QVERIFY(waitClosed(socket, 3000));
}

void TestHostileHttp::expectContinue()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    // /health defines no request body: the forced 200 skips validation (a body there is otherwise a 415).
    socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\nx-redocly-response-status: 200\r\n"
                 "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QByteArray got;
    QElapsedTimer timer;
    timer.start();
    while (!got.contains("\r\n\r\n") && timer.elapsed() < 3000 && socket.waitForReadyRead(100))
        got += socket.readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), got.constData());
    got.remove(0, 25);
    socket.write("hello");
    QByteArray pending = got;
    const RawResponse r = readResponse(socket, pending);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("ok"));
}

void TestHostileHttp::expectContinueOverLimit()
{
    ServerLimits limits;
    limits.maxBodyBytes = 1024;
    auto service = startService(limits);
    const QByteArray received = exchange(service->port(),
        "POST /books HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
    QCOMPARE(statusOf(received), 413); // at once, no 100 first
    QCOMPARE(responsesIn(received), 1);
}

void TestHostileHttp::timeouts_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<int>("status"); // 0: closed without an answer

    QTest::addRow("half-sent head") << QByteArray("GET /health HTTP/1.1\r\nHo") << 408;
    QTest::addRow("slow body") << QByteArray("POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc")
                               << 408;
    QTest::addRow("connection that never sends") << QByteArray() << 0;
}

void TestHostileHttp::timeouts()
{
    QFETCH(QByteArray, sent);
    QFETCH(int, status);
    ServerLimits limits;
    limits.headerTimeoutMs = 300;
    limits.bodyTimeoutMs = 300;
    limits.idleTimeoutMs = 300;
    auto service = startService(limits);
    QElapsedTimer timer;
    timer.start();
    bool closed = false;
    const QByteArray received = exchange(service->port(), sent, 4000, &closed);
    QVERIFY2(closed, "the connection was kept open");
    QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(statusOf(received), status);
}

void TestHostileHttp::idleKeepAliveIsClosed()
{
    ServerLimits limits;
    limits.idleTimeoutMs = 300;
    auto service = startService(limits);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(socket.waitForConnected(3000));
    socket.write(smuggled);
    QCOMPARE(readResponse(socket).status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(waitClosed(socket, 4000));
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

void TestHostileHttp::connectionCap()
{
    ServerLimits limits;
    limits.maxConnections = 3;
    auto service = startService(limits);
    QList<QTcpSocket*> open;
    for (int i = 0; i < 3; ++i) {
        auto* s = new QTcpSocket(this);
        s->connectToHost(QHostAddress::LocalHost, service->port());
        QVERIFY(s->waitForConnected(3000));
        open.append(s);
    }
    QTest::qWait(100); // let the server accept them
    bool closed = false;
    const QByteArray received = exchange(service->port(), smuggled, 3000, &closed);
    QCOMPARE(statusOf(received), 503);
    QVERIFY(closed);
    // The open ones are still served, and a place frees up when one closes.
    open.first()->write(smuggled);
    QCOMPARE(readResponse(*open.first()).status, 200);
    delete open.takeLast();
    QTest::qWait(100);
    QCOMPARE(roundTrip(service->port(), smuggled).status, 200);
    qDeleteAll(open);
}

void TestHostileHttp::http10ClosedAfterAnswer()
{
    bool closed = false;
    const QByteArray received = exchange(m_port, "GET /health HTTP/1.0\r\n\r\n", 3000, &closed);
    QCOMPARE(statusOf(received), 200);
    QVERIFY(received.contains("Connection: close"));
    QVERIFY(closed);
}

void TestHostileHttp::http10KeepAlive()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    for (int i = 0; i < 2; ++i) {
        socket.write("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        const RawResponse r = readResponse(socket);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), QByteArray("keep-alive"));
    }
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestHostileHttp::hosts_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");

    const QStringList none;
    QTest::addRow("localhost") << QByteArray("localhost") << none << QByteArray("/health") << 200;
    QTest::addRow("localhost with port") << QByteArray("localhost:4010") << none << QByteArray("/health") << 200;
    QTest::addRow("LOCALHOST.") << QByteArray("LOCALHOST.") << none << QByteArray("/health") << 200;
    QTest::addRow("a .localhost name") << QByteArray("app.localhost") << none << QByteArray("/health") << 200;
    QTest::addRow("127.0.0.1") << QByteArray("127.0.0.1:80") << none << QByteArray("/health") << 200;
    QTest::addRow("127.1.2.3") << QByteArray("127.1.2.3") << none << QByteArray("/health") << 200;
    QTest::addRow("[::1]") << QByteArray("[::1]:4010") << none << QByteArray("/health") << 200;
    QTest::addRow("rebound name") << QByteArray("evil.example") << none << QByteArray("/health") << 421;
    QTest::addRow("rebound name with port") << QByteArray("evil.example:4010") << none << QByteArray("/books") << 421;
    QTest::addRow("localhost as a suffix")
        << QByteArray("localhost.evil.example") << none << QByteArray("/health") << 421;
    QTest::addRow("another address") << QByteArray("10.1.2.3") << none << QByteArray("/health") << 421;
    QTest::addRow("admin path") << QByteArray("evil.example") << none << QByteArray("/__understudy/requests") << 421;
    QTest::addRow("invalid host") << QByteArray("a b") << none << QByteArray("/health") << 421;
    QTest::addRow("allowed name") << QByteArray("mock.test:4010") << QStringList { "mock.test" }
                                  << QByteArray("/health") << 200;
    QTest::addRow("allowed name, other name")
        << QByteArray("evil.example") << QStringList { "mock.test" } << QByteArray("/health") << 421;
    QTest::addRow("every host allowed") << QByteArray("evil.example") << QStringList { "*" } << QByteArray("/health")
                                        << 200;
}

void TestHostileHttp::hosts()
{
    QFETCH(QByteArray, host);
    QFETCH(QStringList, allowed);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    ServerLimits limits;
    limits.allowedHosts = allowed;
    auto service = startService(limits);
    const RawResponse r = roundTrip(service->port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    QCOMPARE(r.status, status);
    if (status == 421)
        QVERIFY(r.body.contains("--allowed-host"));
}

void TestHostileHttp::slowAnswerDoesNotBlockOthers()
{
    auto service = startService(ServerLimits());
    service->setRequestHookForTesting([](const HttpRequest& r) {
        if (r.query.contains("slow"))
            std::this_thread::sleep_for(std::chrono::milliseconds(600));
    });
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(slow.waitForConnected(3000));
    slow.write("GET /books?slow=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    slow.flush();
    QTest::qWait(50);
    QElapsedTimer timer;
    timer.start();
    const RawResponse quick = roundTrip(service->port(), smuggled);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(quick.status, 200);
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("answered after %1 ms").arg(elapsed)));
    const RawResponse late = readResponse(slow);
    QCOMPARE(late.status, 200);
}

void TestHostileHttp::pipelinedAnswersStayInOrder()
{
    auto service = startService(ServerLimits());
    service->setRequestHookForTesting([](const HttpRequest& r) {
        if (r.query.contains("slow"))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(socket.waitForConnected(3000));
    QByteArray burst;
    for (int i = 0; i < 20; ++i)
        burst += i % 5 == 0 ? QByteArray("GET /books?slow=1 HTTP/1.1\r\nHost: localhost\r\n\r\n") : smuggled;
    socket.write(burst);
    QByteArray pending;
    for (int i = 0; i < 20; ++i) {
        const RawResponse r = readResponse(socket, pending);
        QCOMPARE(r.status, 200);
        if (i % 5 == 0)
            QVERIFY2(r.body.startsWith("{\"items\""), r.body.left(60).constData());
        else
            QCOMPARE(r.body, QByteArray("ok"));
    }
}

void TestHostileHttp::halfClosedClientGetsItsAnswers_data()
{
    QTest::addColumn<QByteArray>("requests");
    QTest::addColumn<int>("answers");
    QTest::addColumn<int>("slowMs"); // how long the answer takes, off the serving thread

    const QByteArray books = "GET /books HTTP/1.1\r\nHost: localhost\r\n\r\n";
    QTest::addRow("one request") << books << 1 << 0;
    QTest::addRow("one request, slow answer") << books << 1 << 300;
    QTest::addRow("three pipelined requests") << books + smuggled + books << 3 << 50;
    QTest::addRow("a request with a body")
        << QByteArray("POST /books HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      "Authorization: Bearer t\r\nContent-Length: 2\r\n\r\n{}")
        << 1 << 0;
    QTest::addRow("HTTP/1.0") << QByteArray("GET /books HTTP/1.0\r\n\r\n") << 1 << 100;
}

void TestHostileHttp::halfClosedClientGetsItsAnswers()
{
    // RFC 9112 §9.6: a client may close its sending side once its request is out; the answer still comes. Every
    // row goes through the request hook, so the answer is made on the pool after the client's FIN has arrived.
    QFETCH(QByteArray, requests);
    QFETCH(int, answers);
    QFETCH(int, slowMs);
    auto service = startService(ServerLimits());
    service->setRequestHookForTesting(
        [slowMs](const HttpRequest&) { std::this_thread::sleep_for(std::chrono::milliseconds(slowMs)); });
    const QByteArray received = halfClosedExchange(service->port(), requests);
    QCOMPARE(int(received.count("HTTP/1.1 ")), answers); // a JSON body ends without a line break
    QVERIFY2(statusOf(received) != 0, received.left(80).constData());
}

void TestHostileHttp::manyPipelinedRequests()
{
    // More than the socket's 256 KiB read buffer in one go: reading from the kernel stops while requests wait and
    // must start again.
    const QByteArray one = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + QByteArray(160, 'p') + "\r\n\r\n";
    const int count = 2000;
    QByteArray burst;
    for (int i = 0; i < count; ++i)
        burst += one;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write(burst);
    QByteArray pending;
    for (int i = 0; i < count; ++i) {
        const RawResponse r = readResponse(socket, pending);
        QVERIFY2(r.status == 200, qPrintable(QStringLiteral("answer %1: %2").arg(i).arg(r.status)));
    }
}

void TestHostileHttp::outputBackpressure()
{
    // A definition whose one answer is 512 KiB; the client asks 64 times in one go and reads nothing.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("openapi: 3.0.3\ninfo: {title: big, version: '1'}\npaths:\n  /big:\n    get:\n      responses:\n"
               "        '200':\n          description: big\n          content:\n            text/plain:\n"
               "              example: "
        + QByteArray(512 * 1024, 'z') + "\n");
    file.close();
    const LoadResult loaded = DefinitionLoader().loadFile(path);
    QVERIFY(loaded.definition);
    ServerLimits limits;
    limits.maxPendingOutputBytes = 64 * 1024;
    auto service = startService(limits, loaded.definition);
    QSignalSpy handled(service.get(), &MockService::requestHandled);

    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024); // the client's own buffer stays small too
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    QVERIFY(socket.waitForConnected(3000));
    const int count = 64;
    QByteArray burst;
    for (int i = 0; i < count; ++i)
        burst += "GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n";
    socket.write(burst);
    socket.flush();
    QTest::qWait(800);
    // Kernel buffers hold a few answers; the server stops answering once its own output passes the limit.
    QVERIFY2(handled.size() < count / 2, qPrintable(QString::number(handled.size())));
    // Once the client reads, every answer comes, in full and in order.
    socket.setReadBufferSize(0);
    QByteArray pending;
    for (int i = 0; i < count; ++i) {
        const RawResponse r = readResponse(socket, pending);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), 512 * 1024);
    }
}

void TestHostileHttp::limitsParse_data()
{
    QTest::addColumn<QString>("timeouts");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("header");
    QTest::addColumn<int>("body");
    QTest::addColumn<int>("idle");

    QTest::addRow("all three") << QStringLiteral("header=10s,body=30s,idle=60s") << true << 10000 << 30000 << 60000;
    QTest::addRow("units") << QStringLiteral("header=250ms,idle=2m") << true << 250 << 30000 << 120000;
    QTest::addRow("bare seconds") << QStringLiteral("body=5") << true << 10000 << 5000 << 60000;
    QTest::addRow("unknown name") << QStringLiteral("read=5s") << false << 0 << 0 << 0;
    QTest::addRow("no value") << QStringLiteral("header") << false << 0 << 0 << 0;
    QTest::addRow("negative") << QStringLiteral("header=-1s") << false << 0 << 0 << 0;
}

void TestHostileHttp::limitsParse()
{
    QFETCH(QString, timeouts);
    QFETCH(bool, ok);
    ServerLimits limits;
    QString error;
    QCOMPARE(ServerLimits::parseTimeouts(timeouts, &limits, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(int, header);
    QFETCH(int, body);
    QFETCH(int, idle);
    QCOMPARE(limits.headerTimeoutMs, header);
    QCOMPARE(limits.bodyTimeoutMs, body);
    QCOMPARE(limits.idleTimeoutMs, idle);
}

void TestHostileHttp::acceptResumesAfterFileDescriptorsRunOut()
{
    auto service = startService(ServerLimits());
    const quint16 port = service->port();
    QCOMPARE(roundTrip(port, smuggled).status, 200);

    // The CPU time of the mock's own thread, read from a file opened while descriptors are still free.
    QFile stat;
    for (const QString& task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "understudy-mock") {
            stat.setFileName(QStringLiteral("/proc/self/task/%1/stat").arg(task));
            break;
        }
    }
    QVERIFY(stat.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    const auto cpuTicks = [&stat] {
        stat.seek(0);
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime + stime
    };

    rlimit original {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &original), 0);
    const auto openFiles = [] {
        return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
    };
    rlimit low = original;
    low.rlim_cur = rlim_t(openFiles() + 8);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    // Clients and the server share the process's descriptors: connect until the server can accept no more.
    QList<QTcpSocket*> clients;
    for (int i = 0; i < 16; ++i) {
        auto* c = new QTcpSocket;
        c->connectToHost(QHostAddress::LocalHost, port);
        if (!c->waitForConnected(500)) {
            delete c;
            break;
        }
        clients.append(c);
    }
    QTest::qWait(300);
    const qint64 before = cpuTicks();
    QTest::qWait(1000);
    const qint64 ticks = cpuTicks() - before;
    qDeleteAll(clients);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &original), 0);
    // A server spinning on accept() burns a whole core (about 100 ticks a second); an idle one next to none.
    const qint64 perSecond = sysconf(_SC_CLK_TCK);
    QVERIFY2(ticks < perSecond / 4, qPrintable(QStringLiteral("the mock thread used %1 ticks in 1 s").arg(ticks)));
    // With descriptors free again, it accepts again (Qt alone may stop accepting for good).
    QTest::qWait(400);
    QCOMPARE(roundTrip(port, smuggled).status, 200);
}

QTEST_GUILESS_MAIN(TestHostileHttp)
#include "tst_hostilehttp.moc"
