// SPDX-License-Identifier: MIT
// The binary with --headless --proxy: request lines say who answered and what drifted, SIGINT prints the
// per-operation report and --proxy-report writes it as JSON.
#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "fakeupstream.h"
#include "testutils.h"

class TestProxyCli : public QObject
{
    Q_OBJECT

private slots:
    void driftIsPrintedAndReported();
    void badProxyOptionsAreUsageErrors_data();
    void badProxyOptionsAreUsageErrors();
};

void TestProxyCli::driftIsPrintedAndReported()
{
    TestUpstream::Server upstream;
    QVERIFY(upstream.isListening());
    upstream.reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(200, "Content-Type: application/json\r\nX-Rate-Limit: 5\r\n", R"({"id":7})");
    };
    QTemporaryDir dir;
    const QString reportFile = dir.filePath(QStringLiteral("drift.json"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-watch"),
            QStringLiteral("--proxy"), QStringLiteral("http://127.0.0.1:%1/api").arg(upstream.serverPort()),
            QStringLiteral("--proxy-report"), reportFile, QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml") });
    QVERIFY(process.waitForStarted());
    QString out;
    quint16 port = 0;
    const QRegularExpression listening(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += QString::fromUtf8(process.readAllStandardOutput());
            const QRegularExpressionMatch m = listening.match(out);
            port = m.hasMatch() ? m.captured(1).toUShort() : 0;
            return port != 0;
        },
        10000));
    QVERIFY(out.contains(QLatin1String("Proxy: forwarding to http://127.0.0.1:")));
    QCOMPARE(TestUpstream::fetch(port, TestHttp::request("GET", "/v1/books/7")).status, 200);
    QCOMPARE(upstream.seen.size(), 1);
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += QString::fromUtf8(process.readAllStandardOutput());
            return out.contains(QLatin1String("GET /v1/books/7 200"));
        },
        5000));
    QVERIFY2(out.contains(QLatin1String("[upstream] [drift 1] body/title: missing required property 'title'")),
        qPrintable(out));

    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    out += QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("Proxy report: 1 exchange(s), 1 with drift")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("GET /books/{id}: 1 exchange(s), 1 with drift (upstream 1)")));

    QFile file(reportFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("drifted")).toInt(), 1);
    const QJsonObject op = report.value(QStringLiteral("operations")).toArray().at(0).toObject();
    QCOMPARE(op.value(QStringLiteral("operationId")).toString(), QStringLiteral("getBook"));
    QCOMPARE(op.value(QStringLiteral("violations")).toArray().at(0).toObject().value(QStringLiteral("code")),
        QJsonValue(QStringLiteral("required")));
}

void TestProxyCli::badProxyOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("not http") << QStringList { QStringLiteral("--proxy"), QStringLiteral("ftp://example.com") }
                              << "--proxy:";
    QTest::newRow("timeout not a duration") << QStringList { QStringLiteral("--proxy"),
        QStringLiteral("http://localhost:1"), QStringLiteral("--proxy-timeout"), QStringLiteral("soon") }
                                            << "--proxy-timeout:";
}

void TestProxyCli::badProxyOptionsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    const TestUtils::ProcessRun run = TestUtils::runProcess(
        process, QStringLiteral(UNDERSTUDY_BINARY), QStringList { QStringLiteral("--headless") } + arguments, 10000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestProxyCli)
#include "tst_proxycli.moc"
