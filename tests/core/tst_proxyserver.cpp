// SPDX-License-Identifier: MIT
// Proxy mode end to end: a client, the mock as a proxy, and a small upstream in the test that answers correctly,
// with drift, with 501 or 404, slowly, or not at all.
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "core/engine/tlsidentity.h"
#include "fakeupstream.h"
#include "httpclient.h"

using namespace TestHttp;
using TestUpstream::fetch;

namespace {

constexpr auto kBook = R"({"id":7,"title":"Real"})";

} // namespace

class TestProxyServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void answersComeBackUnchanged();
    void forwardsMethodPathQueryHeadersAndBody();
    void headKeepsTheUpstreamsContentLength();
    void httpsUpstream();
    void drift_data();
    void drift();
    void undefinedPathIsForwardedAsDrift();
    void invalidRequestIsForwardedOrRejected();
    void redirectIsNotFollowed();
    void fallback_data();
    void fallback();
    void withoutFallbackTheUpstreamsAnswerStands();
    void unreachableUpstreamIs502();
    void slowUpstreamIs504AfterTheTimeout();
    void slowUpstreamDoesNotHoldUpOthers();
    void modeMockServesTheMockAgain();

private:
    RequestLogEntry lastEntry();
    void useProxy(ProxyMode mode, bool rejectInvalid = false, int timeoutMs = 5000);

    DefinitionPtr m_definition;
    MockService* m_service = nullptr;
    TestUpstream::Server* m_upstream = nullptr;
    QSignalSpy* m_log = nullptr;
    quint16 m_port = 0;
};

void TestProxyServer::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
    m_upstream = new TestUpstream::Server;
    QVERIFY(m_upstream->isListening());
    m_service = new MockService;
    m_service->setThreads(2); // the client of each thread has its own QNetworkAccessManager
    m_service->setDefinition(m_definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
    m_log = new QSignalSpy(m_service, &MockService::requestHandled);
}

void TestProxyServer::init()
{
    m_upstream->seen.clear();
    m_upstream->reply = {};
    m_log->clear();
    useProxy(ProxyMode::Proxy);
}

// The log reaches the spy a few milliseconds after the answer reaches the client: a test that does not read its
// entry must not leave it to arrive during the next test (which then read it as its own: found by the sanitizer run
// once answers were written without waiting for the next turn of the event loop).
void TestProxyServer::cleanup()
{
    while (m_log->wait(100)) { }
}

void TestProxyServer::cleanupTestCase()
{
    delete m_log;
    delete m_service;
    delete m_upstream;
}

void TestProxyServer::useProxy(ProxyMode mode, bool rejectInvalid, int timeoutMs)
{
    ProxySettings settings;
    settings.mode = mode;
    settings.upstream = QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(m_upstream->serverPort()));
    settings.rejectInvalid = rejectInvalid;
    settings.timeoutMs = timeoutMs;
    m_service->setProxy(settings);
}

RequestLogEntry TestProxyServer::lastEntry()
{
    if (m_log->isEmpty() && !m_log->wait(5000))
        return {};
    return m_log->takeLast().at(0).value<RequestLogEntry>();
}

void TestProxyServer::answersComeBackUnchanged()
{
    m_upstream->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(
            200, "Content-Type: application/json\r\nX-Rate-Limit: 10\r\nX-Upstream: yes\r\n", kBook);
    };
    const RawResponse r = fetch(m_port, request("GET", "/v1/books/7"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(kBook));
    QCOMPARE(r.header("X-Upstream"), QByteArray("yes"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("upstream"));
    QCOMPARE(e.operationId, QStringLiteral("getBook"));
    QVERIFY2(e.drift.isEmpty(), qPrintable(e.drift.value(0).message));
    QVERIFY(e.trace.join(QLatin1Char(' ')).contains(QLatin1String("fits response 200")));
}

void TestProxyServer::headKeepsTheUpstreamsContentLength()
{
    // A HEAD answer carries no body, but the length of the body a GET would get: the upstream's, not 0.
    m_upstream->reply = [](const TestUpstream::Seen& seen) {
        if (seen.method != "HEAD")
            return TestUpstream::answer(200, "Content-Type: application/json\r\nX-Rate-Limit: 10\r\n", kBook);
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Rate-Limit: 10\r\n"
                          "Content-Length: ")
            + QByteArray::number(qsizetype(qstrlen(kBook))) + "\r\nConnection: close\r\n\r\n";
    };
    const RawResponse r = fetch(m_port, request("HEAD", "/v1/books/7"));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_upstream->seen.value(0).method, QByteArray("HEAD"));
    QCOMPARE(r.header("Content-Length"), QByteArray::number(qsizetype(qstrlen(kBook))));
    QVERIFY(r.body.isEmpty());
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("upstream"));
    QCOMPARE(e.responseHeader("Content-Length"), QByteArray::number(qsizetype(qstrlen(kBook))));
    QVERIFY2(e.drift.isEmpty(), qPrintable(e.drift.value(0).message));
}

void TestProxyServer::httpsUpstream()
{
    // An upstream over HTTPS with a self-signed certificate for 127.0.0.1, which the client trusts (as a user would add
    // their server's CA to the system's store).
    QTemporaryDir dir;
    const TlsIdentityResult tls = TlsIdentityStore::selfSigned(dir.path());
    QVERIFY2(tls.ok(), qPrintable(tls.error));
    QSslServer server;
    server.setSslConfiguration(tls.identity.serverConfiguration());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray seen;
    connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server, &seen] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &seen] {
                seen += socket->readAll();
                if (!seen.contains("\r\n\r\n"))
                    return;
                socket->write(
                    TestUpstream::answer(200, "Content-Type: application/json\r\nX-Rate-Limit: 10\r\n", kBook));
                socket->disconnectFromHost();
            });
        }
    });
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificate(tls.identity.certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
    ProxySettings settings;
    settings.mode = ProxyMode::Proxy;
    settings.upstream = QUrl(QStringLiteral("https://127.0.0.1:%1/api").arg(server.serverPort()));
    settings.timeoutMs = 10000;
    m_service->setProxy(settings);

    const RawResponse r = fetch(m_port, request("GET", "/v1/books/7"));
    QSslConfiguration::setDefaultConfiguration(before);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(kBook));
    QVERIFY2(seen.startsWith("GET /api/books/7 HTTP/1.1"), seen.constData());
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("upstream"));
    QVERIFY2(e.drift.isEmpty(), qPrintable(e.drift.value(0).message));
}

void TestProxyServer::forwardsMethodPathQueryHeadersAndBody()
{
    m_upstream->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(201, "Content-Type: application/json\r\n", kBook);
    };
    const RawResponse r = fetch(m_port,
        request("POST", "/v1/books?draft=1&x=%2F",
            "Content-Type: application/json\r\nX-Trace: abc\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\n"
            "Keep-Alive: timeout=5\r\n",
            R"({"title":"New"})"));
    QCOMPARE(r.status, 201);
    QCOMPARE(m_upstream->seen.size(), 1);
    const TestUpstream::Seen& up = m_upstream->seen.first();
    QCOMPARE(up.method, QByteArray("POST"));
    QCOMPARE(up.target, QByteArray("/api/books?draft=1&x=%2F"));
    QCOMPARE(up.body, QByteArray(R"({"title":"New"})"));
    QCOMPARE(up.header("X-Trace"), QByteArray("abc"));
    QCOMPARE(up.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(up.header("X-Hop"), QByteArray());
    QCOMPARE(up.header("Keep-Alive"), QByteArray());
    QCOMPARE(up.header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(m_upstream->serverPort()));
    QCOMPARE(up.header("Accept-Encoding"), QByteArray("identity"));
}

void TestProxyServer::drift_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("code");
    const QByteArray json = "Content-Type: application/json\r\nX-Rate-Limit: 10\r\n";
    QTest::newRow("missing required field") << TestUpstream::answer(200, json, R"({"id":7})") << "body/title"
                                            << "required";
    QTest::newRow("wrong type") << TestUpstream::answer(200, json, R"({"id":"seven","title":"Real"})") << "body/id"
                                << "type";
    QTest::newRow("undefined status") << TestUpstream::answer(418, json, "{}") << "status"
                                      << "undefined-status";
    QTest::newRow("wrong content type") << TestUpstream::answer(200, "Content-Type: text/html\r\nX-Rate-Limit: 1\r\n",
        "<p>hi</p>") << "header/Content-Type"
                                        << "content-type";
    QTest::newRow("missing required header")
        << TestUpstream::answer(200, "Content-Type: application/json\r\n", kBook) << "header/X-Rate-Limit"
        << "required";
    QTest::newRow("writeOnly property present")
        << TestUpstream::answer(200, json, R"({"id":7,"title":"Real","secret":"pw"})") << "body"
        << "writeOnly";
}

void TestProxyServer::drift()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, location);
    QFETCH(QString, code);
    m_upstream->reply = [answer](const TestUpstream::Seen&) { return answer; };
    const RawResponse r = fetch(m_port, request("GET", "/v1/books/7"));
    QCOMPARE(r.status, answer.mid(9, 3).toInt()); // the client gets the upstream's answer all the same
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("upstream"));
    QVERIFY(!e.drift.isEmpty());
    QCOMPARE(e.drift.first().location, location);
    QCOMPARE(e.drift.first().code, code);
}

void TestProxyServer::undefinedPathIsForwardedAsDrift()
{
    m_upstream->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(200, "Content-Type: text/plain\r\n", "hello");
    };
    const RawResponse r = fetch(m_port, request("GET", "/v1/not/defined"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello"));
    QCOMPARE(m_upstream->seen.value(0).target, QByteArray("/api/not/defined"));
    const RequestLogEntry e = lastEntry();
    QVERIFY(e.operationId.isEmpty());
    QCOMPARE(e.drift.size(), 1);
    QCOMPARE(e.drift.first().code, QStringLiteral("not-in-definition"));
}

void TestProxyServer::invalidRequestIsForwardedOrRejected()
{
    m_upstream->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(201, "Content-Type: application/json\r\n", kBook);
    };
    const QByteArray invalid = request("POST", "/v1/books", "Content-Type: application/json\r\n", R"({"title":5})");
    QCOMPARE(fetch(m_port, invalid).status, 201);
    QCOMPARE(m_upstream->seen.size(), 1);
    RequestLogEntry e = lastEntry();
    QVERIFY(e.invalid);
    QCOMPARE(e.validationErrors.value(0).location, QStringLiteral("body/title"));

    useProxy(ProxyMode::Proxy, true);
    m_log->clear();
    const RawResponse r = fetch(m_port, invalid);
    QCOMPARE(r.status, 422);
    QCOMPARE(m_upstream->seen.size(), 1); // not forwarded
    e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("mock"));
    QVERIFY(e.trace.join(QLatin1Char(' ')).contains(QLatin1String("--proxy-reject-invalid")));
}

void TestProxyServer::redirectIsNotFollowed()
{
    m_upstream->reply = [](const TestUpstream::Seen& seen) {
        return seen.target.endsWith("/elsewhere")
            ? TestUpstream::answer(200, "Content-Type: application/json\r\n", "[]")
            : TestUpstream::answer(302, "Location: /api/elsewhere\r\n", {});
    };
    const RawResponse r = fetch(m_port, request("GET", "/v1/authors"));
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"), QByteArray("/api/elsewhere"));
    QCOMPARE(m_upstream->seen.size(), 1);
}

void TestProxyServer::fallback_data()
{
    QTest::addColumn<int>("upstreamStatus");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("answeredBy");
    QTest::addColumn<QString>("why");
    QTest::newRow("501 is answered by the mock") << 501 << QByteArray("/v1/authors") << 200 << "mock"
                                                 << "501";
    QTest::newRow("404 where none is defined: the mock") << 404 << QByteArray("/v1/authors") << 200 << "mock"
                                                         << "defines no 404";
    QTest::newRow("404 where the operation defines one stands") << 404 << QByteArray("/v1/books/7") << 404 << "upstream"
                                                                << "Forwarded";
    QTest::newRow("404 for an undefined path stands") << 404 << QByteArray("/v1/nothing") << 404 << "upstream"
                                                      << "Not in the definition";
}

void TestProxyServer::fallback()
{
    QFETCH(int, upstreamStatus);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, answeredBy);
    QFETCH(QString, why);
    useProxy(ProxyMode::ProxyWithFallback);
    m_upstream->reply = [upstreamStatus](const TestUpstream::Seen&) {
        return TestUpstream::answer(upstreamStatus, "Content-Type: application/json\r\n", "{}");
    };
    const RawResponse r = fetch(m_port, request("GET", target));
    QCOMPARE(r.status, status);
    if (answeredBy == QLatin1String("mock"))
        QCOMPARE(r.body, QByteArray(R"(["Mock Author"])"));
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, answeredBy);
    QVERIFY2(e.trace.join(QLatin1Char(' ')).contains(why), qPrintable(e.trace.join(QLatin1Char('|'))));
}

void TestProxyServer::withoutFallbackTheUpstreamsAnswerStands()
{
    m_upstream->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(501, "Content-Type: application/json\r\n", "{}");
    };
    QCOMPARE(fetch(m_port, request("GET", "/v1/authors")).status, 501);
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("upstream"));
    QVERIFY(e.drift.isEmpty()); // listAuthors has a default response
}

void TestProxyServer::unreachableUpstreamIs502()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 down = closed.serverPort();
    closed.close();
    ProxySettings settings;
    settings.mode = ProxyMode::Proxy;
    settings.upstream = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(down));
    m_service->setProxy(settings);
    RawResponse r = fetch(m_port, request("GET", "/v1/authors"));
    QCOMPARE(r.status, 502);
    QVERIFY(r.body.contains("upstream-unreachable"));
    QCOMPARE(lastEntry().answeredBy, QStringLiteral("proxy"));

    settings.mode = ProxyMode::ProxyWithFallback;
    m_service->setProxy(settings);
    m_log->clear();
    r = fetch(m_port, request("GET", "/v1/authors"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"(["Mock Author"])"));
    const RequestLogEntry e = lastEntry();
    QCOMPARE(e.answeredBy, QStringLiteral("mock"));
    QVERIFY(e.trace.join(QLatin1Char(' ')).contains(QLatin1String("could not be reached")));
}

void TestProxyServer::slowUpstreamIs504AfterTheTimeout()
{
    useProxy(ProxyMode::Proxy, false, 300);
    m_upstream->reply = [](const TestUpstream::Seen&) { return QByteArray(); }; // never answers
    QElapsedTimer timer;
    timer.start();
    const RawResponse r = fetch(m_port, request("GET", "/v1/authors"));
    QCOMPARE(r.status, 504);
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(lastEntry().answeredBy, QStringLiteral("proxy"));
}

void TestProxyServer::slowUpstreamDoesNotHoldUpOthers()
{
    // The upstream holds every /books answer; /authors is answered at once. With one serving thread per core and
    // several connections, the quick answers must come back while the slow ones wait.
    useProxy(ProxyMode::Proxy, false, 2000);
    m_upstream->reply = [](const TestUpstream::Seen& seen) {
        return seen.target.contains("/books") ? QByteArray()
                                              : TestUpstream::answer(200, "Content-Type: application/json\r\n", "[]");
    };
    QList<QTcpSocket*> slow;
    for (int i = 0; i < 4; ++i) {
        auto* socket = new QTcpSocket(this);
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        socket->write(request("GET", "/v1/books/" + QByteArray::number(i)));
        slow.append(socket);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream->seen.size(), 4, 3000);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(fetch(m_port, request("GET", "/v1/authors")).status, 200);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    qDeleteAll(slow);
}

void TestProxyServer::modeMockServesTheMockAgain()
{
    ProxySettings off;
    off.upstream = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->serverPort()));
    m_service->setProxy(off);
    const RawResponse r = fetch(m_port, request("GET", "/v1/authors"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"(["Mock Author"])"));
    QVERIFY(m_upstream->seen.isEmpty());
    QVERIFY(lastEntry().answeredBy.isEmpty());
}

QTEST_GUILESS_MAIN(TestProxyServer)
#include "tst_proxyserver.moc"
