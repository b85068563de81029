// SPDX-License-Identifier: MIT
// MockService on several serving threads: one port shared by their sockets, every request logged once and in order
// per connection, a port taken by anyone refused, the connection cap over all threads together.
#include <thread>
#include <vector>

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

namespace {

// Listening TCP sockets on `port` (IPv4 and IPv6) according to /proc/net/tcp*.
int listeningSockets(quint16 port)
{
    int count = 0;
    for (const char* table : { "/proc/net/tcp", "/proc/net/tcp6" }) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray& line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue; // 0A: LISTEN
            const QByteArray local = fields.at(1);
            if (local.mid(local.lastIndexOf(':') + 1).toUInt(nullptr, 16) == port)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMockService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void threadCount_data();
    void threadCount();
    void everyRequestLoggedInOrder_data();
    void everyRequestLoggedInOrder();
    void takenPortIsRefused_data();
    void takenPortIsRefused();
    void stopFreesThePort();
    void connectionCapCoversEveryThread();
    void newDefinitionReachesEveryThread();

private:
    DefinitionPtr m_bookshelf;
};

void TestMockService::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    m_bookshelf = loaded.definition;
}

void TestMockService::threadCount_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("serving");
    const int cores = std::clamp(QThread::idealThreadCount(), 1, MockService::kMaxThreads);
    QTest::addRow("default is one per core") << 0 << cores;
    QTest::addRow("one") << 1 << 1;
    QTest::addRow("three") << 3 << 3;
    QTest::addRow("capped at eight") << 64 << MockService::kMaxThreads;
}

void TestMockService::threadCount()
{
    QFETCH(int, asked);
    QFETCH(int, serving);
    MockService service;
    service.setThreads(asked);
    QCOMPARE(service.servingThreads(), serving);
    service.setDefinition(m_bookshelf);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    QCOMPARE(listeningSockets(service.port()), serving);
    QCOMPARE(TestHttp::roundTrip(service.port(), TestHttp::request("GET", "/v1/books")).status, 200);
}

void TestMockService::everyRequestLoggedInOrder_data()
{
    QTest::addColumn<int>("threads");
    QTest::addRow("one thread") << 1;
    QTest::addRow("two threads") << 2;
    QTest::addRow("four threads") << 4;
}

void TestMockService::everyRequestLoggedInOrder()
{
    QFETCH(int, threads);
    MockService service;
    service.setThreads(threads);
    service.setDefinition(m_bookshelf);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    QSignalSpy logged(&service, &MockService::requestHandled);
    constexpr int kConnections = 12;
    constexpr int kRequests = 25;
    const quint16 port = service.port();
    std::vector<int> answered(kConnections, 0);
    std::vector<std::thread> clients;
    for (int c = 0; c < kConnections; ++c) {
        clients.emplace_back([c, port, &answered] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(3000))
                return;
            QByteArray pending;
            for (int n = 0; n < kRequests; ++n) {
                socket.write(TestHttp::request(
                    "GET", "/v1/books?limit=" + QByteArray::number(n + 1) + "&c=" + QByteArray::number(c)));
                if (TestHttp::readResponse(socket, pending).status != 0)
                    ++answered[static_cast<size_t>(c)];
            }
        });
    }
    for (std::thread& t : clients)
        t.join();
    for (int c = 0; c < kConnections; ++c)
        QCOMPARE(answered[static_cast<size_t>(c)], kRequests);
    QTRY_COMPARE_WITH_TIMEOUT(logged.size(), kConnections * kRequests, 5000);

    // Each connection's requests appear once each, in the order it sent them; ids grow in arrival order.
    std::vector<int> last(kConnections, 0);
    quint64 previousId = 0;
    for (const QList<QVariant>& args : std::as_const(logged)) {
        const auto entry = args.at(0).value<RequestLogEntry>();
        QVERIFY(entry.id > previousId);
        previousId = entry.id;
        const QUrlQuery query(QString::fromLatin1(entry.query));
        const int c = query.queryItemValue(QStringLiteral("c")).toInt();
        const int n = query.queryItemValue(QStringLiteral("limit")).toInt();
        QVERIFY(c >= 0 && c < kConnections);
        QCOMPARE(n, last[static_cast<size_t>(c)] + 1);
        last[static_cast<size_t>(c)] = n;
    }
}

void TestMockService::takenPortIsRefused_data()
{
    QTest::addColumn<int>("threads");
    QTest::addRow("one thread") << 1;
    QTest::addRow("two threads") << 2;
}

void TestMockService::takenPortIsRefused()
{
    QFETCH(int, threads);
    // By a plain socket, and by another mock that shares its port between its own threads.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    MockService service;
    service.setThreads(threads);
    service.setDefinition(m_bookshelf);
    const StartResult onPlain = service.start(QHostAddress::LocalHost, plain.serverPort());
    QVERIFY(!onPlain);
    QCOMPARE(onPlain.error, StartError::PortTaken);
    QVERIFY(!service.isRunning());

    MockService other;
    other.setThreads(2);
    other.setDefinition(m_bookshelf);
    QVERIFY(other.start(QHostAddress::LocalHost, 0));
    const StartResult onMock = service.start(QHostAddress::LocalHost, other.port());
    QVERIFY(!onMock);
    QCOMPARE(onMock.error, StartError::PortTaken);
    QCOMPARE(listeningSockets(other.port()), 2);
}

void TestMockService::stopFreesThePort()
{
    MockService service;
    service.setThreads(3);
    service.setDefinition(m_bookshelf);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    const quint16 port = service.port();
    service.stop();
    QCOMPARE(listeningSockets(port), 0);
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, port));
    plain.close();
    // And it starts again, on the same port.
    QVERIFY(service.start(QHostAddress::LocalHost, port));
    QCOMPARE(listeningSockets(port), 3);
}

void TestMockService::connectionCapCoversEveryThread()
{
    MockService service;
    service.setThreads(4);
    ServerLimits limits;
    limits.maxConnections = 4;
    service.setLimits(limits);
    service.setDefinition(m_bookshelf);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    // Whichever threads the kernel hands them to, only four connections are served at once.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 8; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, service.port());
        QVERIFY(socket->waitForConnected(3000));
        sockets.push_back(std::move(socket));
    }
    QTest::qWait(200);
    int served = 0;
    int refused = 0;
    for (auto& socket : sockets) {
        socket->write(TestHttp::request("GET", "/v1/books"));
        const int status = TestHttp::readResponse(*socket).status;
        served += status == 200;
        refused += status == 503;
    }
    QCOMPARE(served, 4);
    QCOMPARE(refused, 4);
}

void TestMockService::newDefinitionReachesEveryThread()
{
    MockService service;
    service.setThreads(4);
    service.setDefinition(m_bookshelf);
    QVERIFY(service.start(QHostAddress::LocalHost, 0));
    service.setDefinition(nullptr);
    // Every thread answers from the new (empty) pipeline: many connections, so each thread gets some.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int i = 0; i < 32; ++i)
                if (TestHttp::roundTrip(service.port(), TestHttp::request("GET", "/v1/books")).status == 200)
                    return false;
            return true;
        }(),
        3000);
}

QTEST_GUILESS_MAIN(TestMockService)
#include "tst_mockservice.moc"
