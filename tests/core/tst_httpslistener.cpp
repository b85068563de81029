// SPDX-License-Identifier: MIT
// The HTTPS listener: a client that trusts the generated certificate gets the same answers as over HTTP, the framing
// gate judges the decrypted bytes, and plain HTTP or a distrusting client on the TLS port fails cleanly.
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

class TestHttpsListener : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sameAnswerOverHttpAndHttps_data();
    void sameAnswerOverHttpAndHttps();
    void gateJudgesDecryptedBytes_data();
    void gateJudgesDecryptedBytes();
    void pipelinedRequestsStayInOrder();
    void largeBodyOverTls();
    void plainHttpOnTlsPortFailsCleanly();
    void distrustingClientFailsCleanly();
    void silentClientIsCutAtTheHeaderTimeout();
    void httpsOnlyOnThePort();
    void severalServingThreads();

private:
    // A client connected with TLS to the mock's HTTPS port, trusting only its certificate.
    bool connectTls(QSslSocket& socket, quint16 port, const QString& host = QStringLiteral("localhost"));

    QTemporaryDir m_dir;
    DefinitionPtr m_bookshelf;
    TlsIdentity m_identity;
    std::unique_ptr<MockService> m_service;
};

void TestHttpsListener::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid());
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    m_bookshelf = loaded.definition;
    const TlsIdentityResult tls = TlsIdentityStore::selfSigned(m_dir.path());
    QVERIFY2(tls.ok(), qPrintable(tls.error));
    m_identity = tls.identity;
}

void TestHttpsListener::init()
{
    m_service = std::make_unique<MockService>();
    m_service->setThreads(1);
    m_service->setDefinition(m_bookshelf);
    m_service->setTls(m_identity, 0);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    QVERIFY(m_service->tlsPort() != 0);
    QVERIFY(m_service->tlsPort() != m_service->port());
}

void TestHttpsListener::cleanup()
{
    m_service.reset();
}

bool TestHttpsListener::connectTls(QSslSocket& socket, quint16 port, const QString& host)
{
    QSslConfiguration configuration = socket.sslConfiguration();
    configuration.setCaCertificates({ m_identity.certificate });
    socket.setSslConfiguration(configuration);
    socket.connectToHostEncrypted(host, port);
    return socket.waitForEncrypted(5000);
}

void TestHttpsListener::sameAnswerOverHttpAndHttps_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addRow("list with named example")
        << TestHttp::request("GET", "/v1/books", "x-redocly-response-body-example: fantasy\r\n");
    QTest::addRow("author with inline example") << TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n");
    QTest::addRow("not found") << TestHttp::request("GET", "/v1/nowhere");
    QTest::addRow("invalid body") << TestHttp::request(
        "POST", "/v1/books", "Content-Type: application/json\r\nAuthorization: Bearer x\r\n", "{\"title\": 5}");
}

void TestHttpsListener::sameAnswerOverHttpAndHttps()
{
    QFETCH(QByteArray, request);
    const TestHttp::RawResponse plain = TestHttp::roundTrip(m_service->port(), request);
    QVERIFY(plain.status != 0);

    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(request);
    const TestHttp::RawResponse secure = TestHttp::readResponse(tls);
    QCOMPARE(secure.status, plain.status);
    QCOMPARE(secure.header("Content-Type"), plain.header("Content-Type"));
    QCOMPARE(secure.body, plain.body);
}

void TestHttpsListener::gateJudgesDecryptedBytes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addRow("foreign Host") << QByteArray("GET /v1/books HTTP/1.1\r\nHost: evil.example\r\n\r\n") << 421;
    QTest::addRow("length and chunked") << QByteArray(
        "POST /v1/books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                        << 400;
    QTest::addRow("HTTP/2 preface spelled as 1.x") << QByteArray("GET / HTTP/2.0\r\nHost: localhost\r\n\r\n") << 505;
    QTest::addRow("huge header") << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + QByteArray(70000, 'a')
        + "\r\n\r\n") << 431;
}

void TestHttpsListener::gateJudgesDecryptedBytes()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(request);
    const TestHttp::RawResponse answer = TestHttp::readResponse(tls);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.header("Connection"), QByteArray("close"));
}

void TestHttpsListener::pipelinedRequestsStayInOrder()
{
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n") + TestHttp::request("GET", "/v1/nowhere")
        + TestHttp::request("GET", "/v1/books"));
    QByteArray pending;
    QCOMPARE(TestHttp::readResponse(tls, pending).status, 200);
    QCOMPARE(TestHttp::readResponse(tls, pending).status, 404);
    QCOMPARE(TestHttp::readResponse(tls, pending).status, 200);
}

void TestHttpsListener::largeBodyOverTls()
{
    // Bigger than the gate's read buffer: the decrypted bytes arrive in many reads and are held while the body is
    // incomplete.
    const QByteArray title(3 * 1024 * 1024, 'x');
    const QByteArray body = "{\"title\": \"" + title + "\", \"isbn\": \"9780261103344\"}";
    const QByteArray request =
        TestHttp::request("POST", "/v1/books", "Content-Type: application/json\r\nAuthorization: Bearer x\r\n", body);
    const TestHttp::RawResponse plain = TestHttp::roundTrip(m_service->port(), request);
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(request);
    const TestHttp::RawResponse secure = TestHttp::readResponse(tls);
    QVERIFY(plain.status != 0);
    QCOMPARE(secure.status, plain.status);
}

void TestHttpsListener::plainHttpOnTlsPortFailsCleanly()
{
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, m_service->tlsPort());
    QVERIFY(plain.waitForConnected(3000));
    plain.write(TestHttp::request("GET", "/v1/books"));
    QByteArray got;
    QElapsedTimer timer;
    timer.start();
    while (plain.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        plain.waitForReadyRead(100);
        got += plain.readAll();
    }
    QCOMPARE(plain.state(), QAbstractSocket::UnconnectedState); // closed by the server
    QVERIFY(!got.startsWith("HTTP/")); // no HTTP answer on the TLS port
    // The listener goes on serving.
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n"));
    QCOMPARE(TestHttp::readResponse(tls).status, 200);
}

void TestHttpsListener::distrustingClientFailsCleanly()
{
    QSslSocket stranger; // trusts only the system's CAs
    stranger.connectToHostEncrypted(QStringLiteral("localhost"), m_service->tlsPort());
    QVERIFY(!stranger.waitForEncrypted(5000));
    QVERIFY(!stranger.sslHandshakeErrors().isEmpty());
    // A client that trusts the certificate but asks for a name it does not have fails too.
    QSslSocket wrongName;
    QVERIFY(!connectTls(wrongName, m_service->tlsPort(), QStringLiteral("example.com")));
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
    tls.write(TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n"));
    QCOMPARE(TestHttp::readResponse(tls).status, 200);
}

void TestHttpsListener::silentClientIsCutAtTheHeaderTimeout()
{
    ServerLimits limits = m_service->limits();
    limits.headerTimeoutMs = 300;
    m_service->setLimits(limits);
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, m_service->tlsPort());
    QVERIFY(silent.waitForConnected(3000));
    QElapsedTimer timer;
    timer.start();
    while (silent.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
        silent.waitForReadyRead(50);
    QCOMPARE(silent.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestHttpsListener::httpsOnlyOnThePort()
{
    m_service->stop();
    m_service->setTls(m_identity);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    QCOMPARE(m_service->tlsPort(), m_service->port());
    QCOMPARE(m_service->url().scheme(), QStringLiteral("https"));
    QCOMPARE(m_service->httpsUrl(), m_service->url());
    QSslSocket tls;
    QVERIFY2(connectTls(tls, m_service->port()), qPrintable(tls.errorString()));
    tls.write(TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n"));
    QCOMPARE(TestHttp::readResponse(tls).status, 200);
    // And without an identity, plain HTTP again.
    m_service->stop();
    m_service->setTls(TlsIdentity());
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    QCOMPARE(m_service->tlsPort(), quint16(0));
    QCOMPARE(m_service->url().scheme(), QStringLiteral("http"));
    QVERIFY(m_service->httpsUrl().isEmpty());
    QCOMPARE(
        TestHttp::roundTrip(m_service->port(), TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n")).status,
        200);
}

void TestHttpsListener::severalServingThreads()
{
    m_service->stop();
    m_service->setThreads(3);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    for (int i = 0; i < 12; ++i) {
        QSslSocket tls;
        QVERIFY2(connectTls(tls, m_service->tlsPort()), qPrintable(tls.errorString()));
        tls.write(TestHttp::request("GET", "/v1/authors/7", "X-API-Key: k\r\n"));
        QCOMPARE(TestHttp::readResponse(tls).status, 200);
    }
}

QTEST_GUILESS_MAIN(TestHttpsListener)
#include "tst_httpslistener.moc"
