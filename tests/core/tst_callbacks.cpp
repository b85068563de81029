// SPDX-License-Identifier: MIT
// Callbacks end to end: the mock answers, then calls a receiver in the test (a QTcpServer on 127.0.0.1) at the URL the
// callback's runtime expression computes; refused, unreachable and slow receivers are logged and never fatal.
#include <QSignalSpy>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "fakeupstream.h"
#include "httpclient.h"

using namespace TestHttp;
using TestUpstream::fetch;

class TestCallbacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void expressionKinds_data();
    void expressionKinds();
    void logsTheOutgoingCall();
    void notAllowedHostIsRefusedAndLogged();
    void unresolvableExpressionIsSkipped();
    void refusedRequestFiresNothing();
    void receiverDownIsALoggedFailure();
    void slowReceiverTimesOutAndTheMockKeepsServing();

private:
    QByteArray hookBody(const QByteArray& path = {}) const;
    QList<RequestLogEntry> entries(int count);
    void setLimits(int timeoutMs, const QStringList& hosts = {});

    MockService* m_service = nullptr;
    TestUpstream::Server* m_receiver = nullptr;
    QSignalSpy* m_log = nullptr;
    quint16 m_port = 0;
};

void TestCallbacks::initTestCase()
{
    const LoadResult loaded =
        DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/callbacks/events.yaml"));
    QVERIFY(loaded.definition);
    for (const Diagnostic& d : loaded.diagnostics)
        QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
    m_receiver = new TestUpstream::Server;
    QVERIFY(m_receiver->isListening());
    m_service = new MockService;
    m_service->setThreads(1);
    m_service->setDefinition(loaded.definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
    m_log = new QSignalSpy(m_service, &MockService::requestHandled);
}

void TestCallbacks::init()
{
    m_receiver->seen.clear();
    m_receiver->reply = {};
    setLimits(5000);
    m_log->clear();
}

// Entries reach the spy a little after the answers reach the client: none may arrive during the next test.
void TestCallbacks::cleanup()
{
    while (m_log->wait(100)) { }
}

void TestCallbacks::cleanupTestCase()
{
    delete m_log;
    delete m_service;
    delete m_receiver;
}

void TestCallbacks::setLimits(int timeoutMs, const QStringList& hosts)
{
    ServerLimits limits;
    limits.callbackTimeoutMs = timeoutMs;
    limits.callbackHosts = hosts;
    m_service->setLimits(limits);
}

QByteArray TestCallbacks::hookBody(const QByteArray& path) const
{
    const QByteArray url = path.isEmpty() ? "http://127.0.0.1:" + QByteArray::number(m_receiver->serverPort()) : path;
    return R"({"callbackUrl": ")" + url + R"(", "n": 7})";
}

// The next `count` log entries (the trigger first, then its outgoing calls), in the order they were logged.
QList<RequestLogEntry> TestCallbacks::entries(int count)
{
    QList<RequestLogEntry> out;
    // The callers compare the count: a short list fails there, with what did arrive.
    (void)QTest::qWaitFor([this, count] { return m_log->size() >= count; }, 10000);
    for (int i = 0; i < m_log->size(); ++i)
        out.append(m_log->at(i).at(0).value<RequestLogEntry>());
    return out;
}

void TestCallbacks::expressionKinds_data()
{
    QTest::addColumn<QByteArray>("target"); // the request to the mock; RECEIVER is the receiver's base URL
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("withBody");
    QTest::addColumn<QByteArray>("method"); // what the receiver must see
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("header"); // "Name: value" the receiver must see, or empty
    QTest::addColumn<QByteArray>("body");
    const QByteArray json = "Content-Type: application/json\r\n";
    QTest::addRow("$request.body pointer, named example, header parameter")
        << QByteArray("/body") << json << true << QByteArray("POST") << QByteArray("/body")
        << QByteArray("X-Event-Id: evt-1") << QByteArray(R"({"event":"created"})");
    QTest::addRow("$request.query, body generated from the schema")
        << QByteArray("/query?hook=RECEIVER") << QByteArray() << false << QByteArray("PUT") << QByteArray("/query")
        << QByteArray("Content-Type: application/json") << QByteArray(R"({"count":3})");
    QTest::addRow("$request.header, case-insensitive")
        << QByteArray("/header") << QByteArray("X-Hook: RECEIVER\r\n") << false << QByteArray("DELETE")
        << QByteArray("/header") << QByteArray() << QByteArray();
    QTest::addRow("$method") << QByteArray("/method") << json << true << QByteArray("POST")
                             << QByteArray("/method/POST") << QByteArray() << QByteArray();
    QTest::addRow("$url") << QByteArray("/url?a=1") << json << true << QByteArray("POST")
                          << QByteArray("/url?from=http://localhost/url?a=1") << QByteArray() << QByteArray();
    QTest::addRow("$response.body, $statusCode, $response.header")
        << QByteArray("/response") << json << true << QByteArray("POST") << QByteArray("/response/sub-1/201/hdr-9")
        << QByteArray() << QByteArray();
    QTest::addRow("$request.path and a number from the body")
        << QByteArray("/items/42") << json << true << QByteArray("POST") << QByteArray("/path/42/7") << QByteArray()
        << QByteArray();
}

void TestCallbacks::expressionKinds()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    QFETCH(bool, withBody);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    const QByteArray receiver = "http://127.0.0.1:" + QByteArray::number(m_receiver->serverPort());
    target.replace("RECEIVER", receiver);
    headers.replace("RECEIVER", receiver);
    const RawResponse r = fetch(m_port, request("POST", target, headers, withBody ? hookBody() : QByteArray()));
    QVERIFY2(r.status >= 200 && r.status < 300, r.head.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->seen.size(), 1, 10000);
    const TestUpstream::Seen& seen = m_receiver->seen.first();
    QCOMPARE(seen.method, method);
    QCOMPARE(seen.target, path);
    if (!header.isEmpty()) {
        const QByteArray name = header.left(header.indexOf(':'));
        QCOMPARE(seen.header(name), header.mid(name.size() + 2));
    }
    QCOMPARE(seen.body, body);
    // The outgoing call is logged after the trigger, with the receiver's answer.
    const QList<RequestLogEntry> log = entries(2);
    QCOMPARE(log.size(), 2);
    QVERIFY(log.at(1).isCallback());
    QCOMPARE(log.at(1).status, 200);
    QCOMPARE(log.at(1).method, method);
}

void TestCallbacks::logsTheOutgoingCall()
{
    m_receiver->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(202, "Content-Type: text/plain\r\n", "thanks");
    };
    const RawResponse r = fetch(m_port, request("POST", "/shared", "Content-Type: application/json\r\n", hookBody()));
    QCOMPARE(r.status, 200);
    // Components' callback: PATCH (text/plain example) and POST, both to /shared.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->seen.size(), 2, 10000);
    const QList<RequestLogEntry> log = entries(3);
    QCOMPARE(log.size(), 3);
    const RequestLogEntry& trigger = log.first();
    QVERIFY(!trigger.isCallback());
    QCOMPARE(trigger.operationId, QStringLiteral("fromComponents"));
    QVERIFY2(trigger.trace.join(QLatin1Char(' ')).contains(QLatin1String("Callback onShared scheduled: PATCH")),
        qPrintable(trigger.trace.join(QLatin1Char('\n'))));
    QStringList methods;
    for (const RequestLogEntry& e : log.mid(1)) {
        QVERIFY(e.isCallback());
        QCOMPARE(e.callbackName, QStringLiteral("onShared"));
        QCOMPARE(e.operationId, QStringLiteral("fromComponents"));
        QCOMPARE(e.status, 202);
        QCOMPARE(e.responseBody, QByteArray("thanks"));
        QCOMPARE(e.target, QStringLiteral("http://127.0.0.1:%1/shared").arg(m_receiver->serverPort()));
        QVERIFY(e.durationUs > 0);
        methods.append(QString::fromLatin1(e.method));
        if (e.method == "PATCH") {
            QCOMPARE(e.requestBody, QByteArray("hello"));
            QCOMPARE(e.requestHeaders.value(0).second, QByteArray("text/plain"));
        }
    }
    methods.sort();
    QCOMPARE(methods, (QStringList { QStringLiteral("PATCH"), QStringLiteral("POST") }));
}

void TestCallbacks::notAllowedHostIsRefusedAndLogged()
{
    const RawResponse r =
        fetch(m_port, request("POST", "/body", "Content-Type: application/json\r\n", hookBody("http://example.com:9")));
    QCOMPARE(r.status, 200);
    const QList<RequestLogEntry> log = entries(2);
    QCOMPARE(log.size(), 2);
    QVERIFY(log.first().trace.join(QLatin1Char(' ')).contains(QLatin1String("Callback onBody refused")));
    const RequestLogEntry& refused = log.at(1);
    QVERIFY(refused.isCallback());
    QVERIFY(refused.callbackRefused);
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.target, QStringLiteral("http://example.com:9/body"));
    QVERIFY2(refused.callbackError.contains(QLatin1String("example.com:9 is not allowed")),
        qPrintable(refused.callbackError));
    QCOMPARE(m_receiver->seen.size(), 0);

    // Allowed by name, the same call goes out (and fails: nothing listens there), instead of being refused.
    setLimits(2000, { QStringLiteral("no-such-host.invalid") });
    m_log->clear();
    fetch(m_port,
        request("POST", "/body", "Content-Type: application/json\r\n", hookBody("http://no-such-host.invalid:9")));
    const QList<RequestLogEntry> allowed = entries(2);
    QCOMPARE(allowed.size(), 2);
    QVERIFY(!allowed.at(1).callbackRefused);
    QVERIFY(!allowed.at(1).callbackError.isEmpty());
}

void TestCallbacks::unresolvableExpressionIsSkipped()
{
    const RawResponse r = fetch(m_port, request("POST", "/query"));
    QCOMPARE(r.status, 204);
    const QList<RequestLogEntry> log = entries(1);
    QCOMPARE(log.size(), 1);
    const QString trace = log.first().trace.join(QLatin1Char(' '));
    QVERIFY2(trace.contains(QLatin1String("Callback onQuery skipped")), qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("no query parameter hook")), qPrintable(trace));
    QTest::qWait(100);
    QCOMPARE(m_log->size(), 1);
    QCOMPARE(m_receiver->seen.size(), 0);
}

void TestCallbacks::refusedRequestFiresNothing()
{
    const RawResponse r = fetch(m_port, request("POST", "/refused", "Content-Type: application/json\r\n", "{}"));
    QCOMPARE(r.status, 422);
    const QList<RequestLogEntry> log = entries(1);
    QVERIFY(log.first().trace.join(QLatin1Char(' ')).contains(QLatin1String("not a 2xx")));
    QTest::qWait(100);
    QCOMPARE(m_receiver->seen.size(), 0);
}

void TestCallbacks::receiverDownIsALoggedFailure()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(closed.serverPort());
    closed.close(); // nothing listens on that port now
    const RawResponse r = fetch(m_port, request("POST", "/body", "Content-Type: application/json\r\n", hookBody(url)));
    QCOMPARE(r.status, 200);
    const QList<RequestLogEntry> log = entries(2);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(1).status, 0);
    QVERIFY2(log.at(1).callbackError.contains(QLatin1String("refused"), Qt::CaseInsensitive),
        qPrintable(log.at(1).callbackError));
}

void TestCallbacks::slowReceiverTimesOutAndTheMockKeepsServing()
{
    setLimits(300);
    m_log->clear();
    m_receiver->reply = [](const TestUpstream::Seen&) { return QByteArray(); }; // never answers
    QElapsedTimer timer;
    timer.start();
    const RawResponse r = fetch(m_port, request("POST", "/body", "Content-Type: application/json\r\n", hookBody()));
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() < 250, "the answer waited for the callback");
    // The mock serves other requests while the callback waits.
    QCOMPARE(fetch(m_port, request("POST", "/query")).status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(m_log->size() >= 3, 10000);
    bool timedOut = false;
    for (const QList<QVariant>& args : std::as_const(*m_log)) {
        const RequestLogEntry e = args.at(0).value<RequestLogEntry>();
        if (e.isCallback())
            timedOut = e.callbackError.contains(QLatin1String("no answer within 300 ms"));
    }
    QVERIFY(timedOut);
}

QTEST_MAIN(TestCallbacks)
#include "tst_callbacks.moc"
