// SPDX-License-Identifier: MIT
// The binary with --record and --overlay: a test upstream's answers are recorded through the proxy into an overlay,
// and after a restart without the upstream the mock serves (and forces) the recorded examples.
#include <csignal>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "fakeupstream.h"
#include "testutils.h"

class TestRecordCli : public QObject
{
    Q_OBJECT

private slots:
    void recordThenServeFromTheOverlay();
    void badRecordOptionsAreUsageErrors_data();
    void badRecordOptionsAreUsageErrors();
};

namespace {

// Starts the binary headless on a free port; returns the port (0 when it did not come up).
quint16 startMock(QProcess& process, const QStringList& arguments, QString* out)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        QStringList { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--no-watch"), QStringLiteral("--verbose") }
            + arguments + QStringList { QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml") });
    if (!process.waitForStarted())
        return 0;
    quint16 port = 0;
    const QRegularExpression listening(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QTest::qWaitFor(
        [&] {
            *out += QString::fromUtf8(process.readAllStandardOutput());
            const QRegularExpressionMatch m = listening.match(*out);
            port = m.hasMatch() ? m.captured(1).toUShort() : 0;
            return port != 0;
        },
        10000);
    return port;
}

} // namespace

void TestRecordCli::recordThenServeFromTheOverlay()
{
    QTemporaryDir dir;
    const QString record = dir.filePath(QStringLiteral("recorded.overlay.json"));
    {
        TestUpstream::Server upstream;
        QVERIFY(upstream.isListening());
        upstream.reply = [](const TestUpstream::Seen& seen) {
            const QByteArray body =
                seen.target.endsWith("/7") ? R"({"id":7,"title":"Dune"})" : R"({"id":8,"title":"Emma"})";
            return TestUpstream::answer(
                200, "Content-Type: application/json\r\nX-Rate-Limit: 5\r\nSet-Cookie: session=s3cr3t\r\n", body);
        };
        QProcess process;
        QString out;
        const quint16 port = startMock(process,
            { QStringLiteral("--proxy"), QStringLiteral("http://127.0.0.1:%1/api").arg(upstream.serverPort()),
                QStringLiteral("--record"), record },
            &out);
        QVERIFY2(port != 0, qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QVERIFY(out.contains(QLatin1String("Recording: new upstream answers become examples in")));
        QCOMPARE(TestUpstream::fetch(port, TestHttp::request("GET", "/v1/books/7")).status, 200);
        QCOMPARE(TestUpstream::fetch(port, TestHttp::request("GET", "/v1/books/7")).status, 200);
        QCOMPARE(TestUpstream::fetch(port, TestHttp::request("GET", "/v1/books/8")).status, 200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += QString::fromUtf8(process.readAllStandardOutput());
                return out.count(QLatin1String("GET /v1/books/")) >= 3;
            },
            5000));
        QVERIFY2(out.contains(QLatin1String("Recorded the answer as example recorded-getBook-200-1")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("Not recorded: the same body is already recorded")));
        QVERIFY(out.contains(QLatin1String("recorded-getBook-200-2")));
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        out += QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("Recorded 2 new example(s) in")), qPrintable(out));
    }
    QFile file(record);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray overlay = file.readAll();
    QVERIFY(overlay.contains("\"overlay\": \"1.0.0\""));
    QVERIFY(overlay.contains("X-Rate-Limit"));
    QVERIFY2(!overlay.contains("s3cr3t"), overlay.constData());

    // The upstream is gone: the mock serves the recorded examples from the overlay.
    QProcess process;
    QString out;
    const quint16 port = startMock(process, { QStringLiteral("--overlay"), record }, &out);
    QVERIFY2(port != 0, qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
    QVERIFY(out.contains(QLatin1String("Overlay applied: ")));
    // (The path's id is substituted into the example's id, so each request names the id it recorded.)
    const TestHttp::RawResponse served = TestUpstream::fetch(port, TestHttp::request("GET", "/v1/books/7"));
    QCOMPARE(served.status, 200);
    QCOMPARE(served.body, QByteArray(R"({"id":7,"title":"Dune"})"));
    const TestHttp::RawResponse forced = TestUpstream::fetch(
        port, TestHttp::request("GET", "/v1/books/8", "x-redocly-response-body-example: recorded-getBook-200-2\r\n"));
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.body, QByteArray(R"({"id":8,"title":"Emma"})"));
    const TestHttp::RawResponse preferred = TestUpstream::fetch(
        port, TestHttp::request("GET", "/v1/books/7", "Prefer: example=recorded-getBook-200-1\r\n"));
    QCOMPARE(preferred.body, QByteArray(R"({"id":7,"title":"Dune"})"));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    out += QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("recorded-getBook-200-2")), qPrintable(out)); // the trace names it
}

void TestRecordCli::badRecordOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("record without proxy")
        << QStringList { QStringLiteral("--record"), QStringLiteral("r.json") } << "--record needs --proxy URL";
    QTest::newRow("record with an empty file") << QStringList { QStringLiteral("--proxy"),
        QStringLiteral("http://localhost:1"), QStringLiteral("--record"), QString() }
                                               << "--record: the FILE is empty";
    QTest::newRow("overlay with an empty file")
        << QStringList { QStringLiteral("--overlay"), QString() } << "--overlay: the FILE is empty";
}

void TestRecordCli::badRecordOptionsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    const TestUtils::ProcessRun run = TestUtils::runProcess(
        process, QStringLiteral(UNDERSTUDY_BINARY), QStringList { QStringLiteral("--headless") } + arguments, 10000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestRecordCli)
#include "tst_recordcli.moc"
