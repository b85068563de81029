// SPDX-License-Identifier: MIT
// Scenarios through real HTTP: each kind of condition, first match, sequences, faults seen from a client socket,
// seeded rates and delays that never hold up other requests.
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/mockservice.h"
#include "core/scenarios/scenarioloader.h"
#include "httpclient.h"

using namespace TestHttp;

namespace {

// What a plain POSIX client saw: the bytes, and how the connection ended.
struct Seen
{
    QByteArray bytes;
    int error = 0; // errno of a failed recv (ECONNRESET for a reset)
    bool closed = false; // orderly end of stream (FIN)
    bool timedOut = false; // nothing more within the window
};

Seen exchange(quint16 port, const QByteArray& request, int windowMs)
{
    Seen seen;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        seen.error = errno;
        ::close(fd);
        return seen;
    }
    [[maybe_unused]] const ssize_t sent = ::send(fd, request.constData(), size_t(request.size()), 0);
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qint64 left = windowMs - timer.elapsed();
        if (left <= 0) {
            seen.timedOut = true;
            break;
        }
        pollfd p = { fd, POLLIN, 0 };
        if (::poll(&p, 1, int(left)) <= 0) {
            seen.timedOut = true;
            break;
        }
        char buffer[4096];
        const ssize_t got = ::recv(fd, buffer, sizeof(buffer), 0);
        if (got < 0) {
            seen.error = errno;
            break;
        }
        if (got == 0) {
            seen.closed = true;
            break;
        }
        seen.bytes.append(buffer, int(got));
    }
    ::close(fd);
    return seen;
}

} // namespace

class TestScenarioServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void rules_data();
    void rules();
    void redoclyHeaderWinsOverARule();
    void sequenceAnswersInOrderThenRepeatsTheLast();
    void resetIsAConnectionReset();
    void emptyClosesWithoutAByte();
    void closeEndsAfterTheHead();
    void garbageIsAParseErrorInTheClient();
    void timeoutNeverAnswersUntilTheIdleLimit();
    void statusFaultAnswersTheDefinedResponse();
    void statusFaultWithoutResponseIsAProblem();
    void fileFaultAndDelayApply();
    void seededRateGivesTheSameCountEveryRun();
    void delaysRunConcurrentlyAndDoNotSlowOthers();
    void logEntryNamesRuleDelayAndFault();

private:
    ScenarioSetPtr loadScenarios(const QByteArray& yaml);

    DefinitionPtr m_definition;
    ScenarioSetPtr m_file;
    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestScenarioServer::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
    const ScenarioResult file =
        ScenarioLoader::load(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/understudy.yaml"), m_definition.get());
    QVERIFY2(file.diagnostics.isEmpty(), qPrintable(file.diagnostics.value(0).toString()));
    m_file = file.scenarios;
    m_service = new MockService;
    m_service->setDefinition(m_definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
}

void TestScenarioServer::cleanupTestCase()
{
    delete m_service;
}

void TestScenarioServer::init()
{
    // Every test starts from the file, with its sequences at their first step.
    m_service->scenarios()->setScenarios(m_file);
    m_service->scenarios()->setNetwork(NetworkProfile::Off);
}

ScenarioSetPtr TestScenarioServer::loadScenarios(const QByteArray& yaml)
{
    const ScenarioResult r = ScenarioLoader::parse(yaml, QStringLiteral("/t/understudy.yaml"), m_definition.get());
    if (!r.diagnostics.isEmpty())
        qWarning() << r.diagnostics.first().toString();
    return r.scenarios;
}

void TestScenarioServer::rules_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("bodyContains");
    QTest::addColumn<QByteArray>("header"); // "Name: value" the answer must carry, or empty
    const QByteArray order = "Content-Type: application/json\r\n";
    QTest::addRow("path parameter, exact")
        << request("GET", "/books/42") << 404 << QByteArray("not found") << QByteArray();
    QTest::addRow("path parameter, regex")
        << request("GET", "/books/901") << 503 << QByteArray("maintenance") << QByteArray("Retry-After: 5");
    QTest::addRow("no rule matches") << request("GET", "/books/7") << 200 << QByteArray("Emma") << QByteArray();
    QTest::addRow("query and header together (case-insensitive header name)") << request("GET", "/books?all=true",
        "X-TIER: gold\r\n") << 200 << QByteArray("{\"id\":3}") << QByteArray("X-Rule: gold");
    QTest::addRow("query alone is not enough")
        << request("GET", "/books?all=true") << 200 << QByteArray("[{\"id\":1}]") << QByteArray();
    QTest::addRow("header, regex") << request("GET", "/books", "X-Tier: silver\r\n") << 403 << QByteArray("gold only")
                                   << QByteArray();
    QTest::addRow("body pointer, exact number")
        << request("POST", "/orders", order, "{\"quantity\":0}") << 409 << QByteArray("out of stock") << QByteArray();
    QTest::addRow("body pointer, a string is not the number")
        << request("POST", "/orders", order, "{\"quantity\":\"00\"}") << 201 << QByteArray("100") << QByteArray();
    QTest::addRow("body pointer, nested, regex")
        << request("POST", "/orders", order, "{\"quantity\":2,\"customer\":{\"name\":\"dupont\"}}") << 409
        << QByteArray("duplicate") << QByteArray();
}

void TestScenarioServer::rules()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyContains);
    QFETCH(QByteArray, header);
    const RawResponse r = roundTrip(m_port, request);
    QCOMPARE(r.status, status);
    QVERIFY2(r.body.contains(bodyContains), r.body.constData());
    if (!header.isEmpty()) {
        const QList<QByteArray> parts = header.split(':');
        QCOMPARE(r.header(parts[0]), parts[1].trimmed());
    }
}

void TestScenarioServer::redoclyHeaderWinsOverARule()
{
    // Rule 1 (404) and rule 3 (503) both match 42: the first wins; the x-redocly header wins over both.
    QCOMPARE(roundTrip(m_port, request("GET", "/books/42")).status, 404);
    const RawResponse r = roundTrip(m_port, request("GET", "/books/42", "x-redocly-response-status: 200\r\n"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("Emma"));
}

void TestScenarioServer::sequenceAnswersInOrderThenRepeatsTheLast()
{
    const QByteArray order = request("POST", "/orders", "Content-Type: application/json\r\n", "{\"quantity\":1}");
    QList<int> statuses;
    QByteArray retryAfter;
    for (int i = 0; i < 5; ++i) {
        const RawResponse r = roundTrip(m_port, order);
        statuses << r.status;
        if (i == 2)
            retryAfter = r.header("Retry-After");
    }
    QCOMPARE(statuses, QList<int>({ 201, 201, 429, 429, 429 }));
    QCOMPARE(retryAfter, QByteArray("1"));
}

void TestScenarioServer::resetIsAConnectionReset()
{
    const Seen seen = exchange(m_port, request("GET", "/books/7", "x-understudy-fault: reset\r\n"), 3000);
    QVERIFY(seen.bytes.isEmpty());
    QCOMPARE(seen.error, ECONNRESET);
}

void TestScenarioServer::emptyClosesWithoutAByte()
{
    const Seen seen = exchange(m_port, request("GET", "/books/7", "x-understudy-fault: empty\r\n"), 3000);
    QVERIFY(seen.closed);
    QCOMPARE(seen.error, 0);
    QCOMPARE(seen.bytes, QByteArray());
}

void TestScenarioServer::closeEndsAfterTheHead()
{
    const Seen seen = exchange(m_port, request("GET", "/books/7", "x-understudy-fault: close\r\n"), 3000);
    QVERIFY(seen.closed);
    QVERIFY2(seen.bytes.startsWith("HTTP/1.1 200 OK\r\n"), seen.bytes.constData());
    const qsizetype end = seen.bytes.indexOf("\r\n\r\n");
    QVERIFY(end > 0);
    // The head promised a body that never came.
    const RawResponse head { 200, seen.bytes.left(end), {} };
    QVERIFY(head.header("Content-Length").toInt() > 0);
    QCOMPARE(seen.bytes.size(), end + 4);
}

void TestScenarioServer::garbageIsAParseErrorInTheClient()
{
    const Seen seen = exchange(m_port, request("GET", "/books/7", "x-understudy-fault: garbage\r\n"), 3000);
    QVERIFY(seen.closed);
    QVERIFY(!seen.bytes.isEmpty());
    QVERIFY(!seen.bytes.startsWith("HTTP/"));

    QNetworkAccessManager manager;
    QNetworkRequest get(QUrl(QStringLiteral("http://127.0.0.1:%1/books/7").arg(m_port)));
    get.setRawHeader("Host", "localhost");
    get.setRawHeader("x-understudy-fault", "garbage");
    QNetworkReply* reply = manager.get(get);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(reply->error() != QNetworkReply::NoError, "the client read garbage as an answer");
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    reply->deleteLater();
}

void TestScenarioServer::timeoutNeverAnswersUntilTheIdleLimit()
{
    const ServerLimits before = m_service->limits();
    ServerLimits quick = before;
    quick.idleTimeoutMs = 700;
    m_service->setLimits(quick);
    const QByteArray timeout = request("GET", "/books/7", "x-understudy-fault: timeout\r\n");
    const Seen waiting = exchange(m_port, timeout, 500);
    QVERIFY(waiting.timedOut);
    QVERIFY(waiting.bytes.isEmpty());
    // Bounded: the connection is cut once the idle limit is over.
    QElapsedTimer timer;
    timer.start();
    const Seen cut = exchange(m_port, timeout, 6000);
    QVERIFY(!cut.timedOut);
    QVERIFY(cut.bytes.isEmpty());
    QVERIFY2(timer.elapsed() >= 600, qPrintable(QString::number(timer.elapsed())));
    m_service->setLimits(before);
}

void TestScenarioServer::statusFaultAnswersTheDefinedResponse()
{
    const RawResponse r = roundTrip(m_port, request("GET", "/books/7", "x-understudy-fault: status 503\r\n"));
    QCOMPARE(r.status, 503);
    QVERIFY(r.body.contains("maintenance"));
}

void TestScenarioServer::statusFaultWithoutResponseIsAProblem()
{
    const RawResponse r = roundTrip(m_port, request("GET", "/health", "x-understudy-fault: 502\r\n"));
    QCOMPARE(r.status, 502);
    QVERIFY(r.header("Content-Type").startsWith("application/problem+json"));
    QVERIFY(r.body.contains("injected-fault"));
}

void TestScenarioServer::fileFaultAndDelayApply()
{
    m_service->scenarios()->setScenarios(loadScenarios("operations:\n"
                                                       "  health:\n"
                                                       "    delay: 300ms\n"
                                                       "    faults: { kind: empty, rate: 100% }\n"));
    QElapsedTimer timer;
    timer.start();
    const Seen seen = exchange(m_port, request("GET", "/health"), 3000);
    QVERIFY(seen.closed);
    QVERIFY(seen.bytes.isEmpty());
    QVERIFY2(timer.elapsed() >= 280, qPrintable(QString::number(timer.elapsed())));
}

void TestScenarioServer::seededRateGivesTheSameCountEveryRun()
{
    const ScenarioSetPtr file = loadScenarios("operations:\n  health:\n    faults: { kind: reset, rate: 30% }\n");
    QVERIFY(file);
    HttpRequest health;
    health.method = "GET";
    health.path = QStringLiteral("/health");
    const auto count = [&](quint64 seed) {
        auto store = std::make_shared<ScenarioStore>();
        store->setSeed(seed);
        store->setScenarios(file);
        const MockPipeline pipeline(m_definition, MockConfig(), nullptr, nullptr, store);
        int faults = 0;
        for (int i = 0; i < 1000; ++i)
            faults += pipeline.handle(health).fault.kind == FaultSpec::Kind::Reset ? 1 : 0;
        return faults;
    };
    const int first = count(14);
    QCOMPARE(count(14), first);
    QCOMPARE(count(14), first);
    QVERIFY2(first > 240 && first < 360, qPrintable(QString::number(first)));
    // Through HTTP as well: a seeded server answers the same share.
    m_service->scenarios()->setSeed(14);
    m_service->scenarios()->setScenarios(file);
    const QByteArray closing = request("GET", "/health", "Connection: close\r\n");
    int resets = 0;
    for (int i = 0; i < 50; ++i)
        resets += exchange(m_port, closing, 3000).error == ECONNRESET ? 1 : 0;
    m_service->scenarios()->setScenarios(file);
    int again = 0;
    for (int i = 0; i < 50; ++i)
        again += exchange(m_port, closing, 3000).error == ECONNRESET ? 1 : 0;
    QCOMPARE(again, resets);
    QVERIFY(resets > 0 && resets < 50);
    m_service->scenarios()->setSeed(std::nullopt);
}

void TestScenarioServer::delaysRunConcurrentlyAndDoNotSlowOthers()
{
    constexpr int n = 200;
    QList<QTcpSocket*> sockets;
    for (int i = 0; i < n; ++i) {
        auto* s = new QTcpSocket(this);
        s->connectToHost(QHostAddress::LocalHost, m_port);
        sockets << s;
    }
    for (QTcpSocket* s : sockets)
        QVERIFY(s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(3000));
    QElapsedTimer timer;
    timer.start();
    for (QTcpSocket* s : sockets) {
        s->write(request("GET", "/books/7", "x-understudy-delay: 1s\r\n"));
        s->flush();
    }
    // Meanwhile an undelayed request is answered at once.
    QElapsedTimer quick;
    quick.start();
    const RawResponse health = roundTrip(m_port, request("GET", "/health"));
    const qint64 quickMs = quick.elapsed();
    QCOMPARE(health.status, 200);
    // Well under the 1 s the others wait, even on a loaded machine: it was not queued behind them.
    QVERIFY2(quickMs < 900, qPrintable(QString::number(quickMs)));
    int ok = 0;
    for (QTcpSocket* s : sockets)
        ok += readResponse(*s).status == 200 ? 1 : 0;
    const qint64 allMs = timer.elapsed();
    qInfo("%d requests delayed 1 s each: all answered after %lld ms; an undelayed one meanwhile in %lld ms", n, allMs,
        quickMs);
    QCOMPARE(ok, n);
    QVERIFY2(allMs >= 950, qPrintable(QString::number(allMs)));
    // Generous: 200 answers one after the other would take 200 s.
    QVERIFY2(allMs < 5000, qPrintable(QString::number(allMs)));
    qDeleteAll(sockets);
}

void TestScenarioServer::logEntryNamesRuleDelayAndFault()
{
    QSignalSpy logged(m_service, &MockService::requestHandled);
    // Entries of earlier tests may still be queued: take the ones of this test's requests.
    const auto next = [&logged](const QString& path, const QByteArray& header) {
        for (int waited = 0; waited < 30; ++waited) {
            while (!logged.isEmpty()) {
                const RequestLogEntry e = logged.takeFirst().at(0).value<RequestLogEntry>();
                if (e.path == path && !e.requestHeader(header).isEmpty())
                    return e;
            }
            logged.wait(100);
        }
        return RequestLogEntry();
    };
    QCOMPARE(roundTrip(m_port, request("GET", "/books/42", "x-understudy-delay: 50ms\r\n")).status, 404);
    RequestLogEntry e = next(QStringLiteral("/books/42"), "x-understudy-delay");
    QCOMPARE(e.scenarioRule, QStringLiteral("getBook#1"));
    QCOMPARE(e.delayMs, qint64(50));
    QVERIFY(e.fault.isEmpty());
    QVERIFY(e.trace.join(QLatin1Char(' ')).contains(QStringLiteral("rule 1 of getBook (understudy.yaml:5)")));

    exchange(m_port, request("GET", "/books/8", "x-understudy-fault: reset\r\n"), 3000);
    e = next(QStringLiteral("/books/8"), "x-understudy-fault");
    QCOMPARE(e.fault, QStringLiteral("reset"));
    QCOMPARE(e.scenarioRule, QStringLiteral("x-understudy-fault"));
}

QTEST_GUILESS_MAIN(TestScenarioServer)
#include "tst_scenarioserver.moc"
