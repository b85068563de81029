// SPDX-License-Identifier: MIT
// The understudy executable as a user runs it: --help/--version, --check exit codes and format, --headless.
#include <csignal>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "fakeupstream.h"
#include "testutils.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

using Run = TestUtils::ProcessRun;

// The caller's environment with no display and no forced platform, as on a server or in CI.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

Run runCli(const QStringList& arguments, int timeoutMs = 20000)
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    return TestUtils::runProcess(process, QStringLiteral(UNDERSTUDY_BINARY), arguments, timeoutMs);
}

QByteArray httpGet(quint16 port, const QByteArray& target, const QByteArray& extraHeaders = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extraHeaders + "\r\n");
    QByteArray all;
    while (socket.waitForReadyRead(3000))
        all += socket.readAll();
    return all;
}

// Runs the headless mock on realistic.yaml with `extra` flags and returns the bodies of `targets`, in order.
QList<QByteArray> headlessBodies(const QStringList& extra, const QList<QByteArray>& targets)
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        QStringList { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--no-watch"), TestUtils::dataPath("engine/realistic.yaml") }
            + extra);
    QList<QByteArray> bodies;
    if (!process.waitForStarted())
        return bodies;
    QString out;
    const QRegularExpression re(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QRegularExpressionMatch listening;
    QElapsedTimer timer;
    timer.start();
    while (!(listening = re.match(out)).hasMatch() && timer.elapsed() < 15000) {
        process.waitForReadyRead(200);
        out += QString::fromUtf8(process.readAllStandardOutput());
    }
    const quint16 port = listening.captured(1).toUShort();
    for (const QByteArray& target : targets) {
        const QByteArray response = httpGet(port, target);
        bodies.append(response.mid(response.indexOf("\r\n\r\n") + 4));
    }
    ::kill(pid_t(process.processId()), SIGTERM);
    process.waitForFinished(5000);
    return bodies;
}

// Starts the headless mock on a free port with `arguments`; returns its port (0 when it did not say it listens).
quint16 startHeadless(QProcess& process, const QStringList& arguments, QString* out)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        QStringList { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0") } + arguments);
    if (!process.waitForStarted())
        return 0;
    const QRegularExpression re(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        process.waitForReadyRead(100);
        *out += QString::fromUtf8(process.readAllStandardOutput());
        const QRegularExpressionMatch m = re.match(*out);
        if (m.hasMatch())
            return m.captured(1).toUShort();
    }
    return 0;
}

// SIGTERM, then everything it printed; false when it did not end cleanly.
bool stopHeadless(QProcess& process, QString* out)
{
    ::kill(pid_t(process.processId()), SIGTERM);
    const bool ended =
        process.waitForFinished(5000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    *out += QString::fromUtf8(process.readAllStandardOutput());
    return ended;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void check_data();
    void check();
    void checkFormat();
    void checkRefusesFilesOutsideTheProject();
    void headlessServesAndStops();
    void headlessQuietPrintsNoRequestLines();
    void headlessStopsWhileAnswering();
    void headlessOffConfigExitsNonZero();
    void headlessBadDefinitionExitsNonZero();
    void withoutDisplayFallsBackToHeadless();
    void checkReportsScenarioDiagnostics();
    void headlessLogNamesRuleDelayAndFault();
    void sameSeedSameBytesInTwoProcesses();
    void dynamicChangesValues();
    void generationLimitFromTheCommandLine();
    void headlessServesHttpsWithOneCertificate();
    void headlessBadCertificateFileExits();
    void headlessShowsCallbacks_data();
    void headlessShowsCallbacks();
};

void TestCli::helpAndVersion()
{
    const Run help = runCli({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--headless")));
    QVERIFY(help.out.contains(QStringLiteral("--check")));
    QVERIFY(help.out.contains(QStringLiteral("--callback-allow")));
    const Run version = runCli({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(QStringLiteral(UNDERSTUDY_VERSION)));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("unknown flag") << QStringList { "--frobnicate" };
    QTest::addRow("port is not a number") << QStringList { "--headless", "--port", "http" };
    QTest::addRow("port out of range") << QStringList { "--headless", "--port", "70000" };
    QTest::addRow("host is not an address") << QStringList { "--headless", "--host", "not a host" };
    QTest::addRow("check without file") << QStringList { "--check" };
    QTest::addRow("two definitions") << QStringList { "--headless", "a.yaml", "b.yaml" };
    QTest::addRow("max-body is not a size") << QStringList { "--headless", "--max-body", "lots" };
    QTest::addRow("unknown timeout") << QStringList { "--headless", "--timeouts", "read=5s" };
    QTest::addRow("timeout without unit value") << QStringList { "--headless", "--timeouts", "header=" };
    QTest::addRow("max-connections zero") << QStringList { "--headless", "--max-connections", "0" };
    QTest::addRow("threads zero") << QStringList { "--headless", "--threads", "0" };
    QTest::addRow("threads over eight") << QStringList { "--headless", "--threads", "9" };
    QTest::addRow("threads is not a number") << QStringList { "--headless", "--threads", "many" };
    QTest::addRow("seed is not a number") << QStringList { "--headless", "--seed", "abc" };
    QTest::addRow("unknown network profile") << QStringList { "--headless", "--network", "dial-up" };
    QTest::addRow("negative seed") << QStringList { "--headless", "--seed", "-3" };
    QTest::addRow("cert without key") << QStringList { "--headless", "--cert", "c.pem" };
    QTest::addRow("tls-port out of range") << QStringList { "--headless", "--tls-port", "70000" };
    QTest::addRow("callback-allow is not a host") << QStringList { "--headless", "--callback-allow", "a b" };
    QTest::addRow("generation-limit unknown part") << QStringList { "--headless", "--generation-limit", "speed=1" };
    QTest::addRow("generation-limit size is not a size")
        << QStringList { "--headless", "--generation-limit", "size=lots" };
    QTest::addRow("generation-limit time is not a duration")
        << QStringList { "--headless", "--generation-limit", "time=soon" };
    QTest::addRow("callback-allow is a URL") << QStringList { "--headless", "--callback-allow", "http://a/" };
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("understudy:")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("Usage:")));
}

void TestCli::check_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("valid definition") << TestUtils::dataPath("cli/valid.yaml") << 0;
    QTest::addRow("bundled example is valid")
        << QStringLiteral(UNDERSTUDY_SOURCE_DIR "/resources/examples/bookshelf.yaml") << 0;
    QTest::addRow("missing ref is an error") << TestUtils::dataPath("cli/broken-ref.yaml") << 1;
    QTest::addRow("syntax error") << TestUtils::dataPath("cli/syntax-error.yaml") << 1;
    QTest::addRow("missing file") << TestUtils::dataPath("cli/does-not-exist.yaml") << 2;
    QTest::addRow("a folder") << TestUtils::dataPath("cli") << 2;
}

void TestCli::check()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    const Run run = runCli({ QStringLiteral("--check"), file });
    QVERIFY2(
        run.exitCode == exitCode, qPrintable(QStringLiteral("exit %1\n%2%3").arg(run.exitCode).arg(run.out, run.err)));
}

void TestCli::checkFormat()
{
    const QString file = TestUtils::dataPath("cli/broken-ref.yaml");
    const Run run = runCli({ QStringLiteral("--check"), file });
    QCOMPARE(run.exitCode, 1);
    // file:line:col: error: message (at /json/pointer)
    const QRegularExpression line(QRegularExpression::escape(file)
        + QStringLiteral(
            R"(:(\d+):(\d+): error: .*Missing.* \(at /paths/~1pets/get/responses/200/content/application~1json/schema(/\$ref)?\))"));
    QVERIFY2(line.match(run.out).hasMatch(), qPrintable(run.out));
    const Run syntax = runCli({ QStringLiteral("--check"), TestUtils::dataPath("cli/syntax-error.yaml") });
    QVERIFY2(syntax.out.contains(QStringLiteral("syntax-error.yaml:3:"))
            || syntax.out.contains(QStringLiteral("syntax-error.yaml:4:")),
        qPrintable(syntax.out));
}

void TestCli::checkRefusesFilesOutsideTheProject()
{
    // proj/ has no .git or redocly.yaml, so proj/ itself is the project; shared.yaml sits next to it.
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("proj"))));
    const auto write = [&](const QString& name, const QByteArray& data) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    };
    const QByteArray head =
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: '";
    write(QStringLiteral("shared.yaml"), "type: string\n");
    write(QStringLiteral("proj/api.yaml"), head + "../shared.yaml'}\n");
    const QString api = dir.filePath(QStringLiteral("proj/api.yaml"));
    const Run refused = runCli({ QStringLiteral("--check"), api });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(QStringLiteral("outside the project")), qPrintable(refused.out));
    const Run allowed = runCli({ QStringLiteral("--check"), QStringLiteral("--allow-file"),
        dir.filePath(QStringLiteral("shared.yaml")), api });
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.out + allowed.err));

#ifdef Q_OS_UNIX
    // A $ref to a FIFO or a device ends at once with an error instead of blocking or reading forever.
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("proj/fifo.yaml"))).constData(), 0600) == 0);
    write(QStringLiteral("proj/fifo-ref.yaml"), head + "fifo.yaml'}\n");
    write(QStringLiteral("proj/zero-ref.yaml"), head + "/dev/zero'}\n");
    for (const QString& name : { QStringLiteral("proj/fifo-ref.yaml"), QStringLiteral("proj/zero-ref.yaml") }) {
        QElapsedTimer timer;
        timer.start();
        const Run run = runCli(
            { QStringLiteral("--check"), QStringLiteral("--allow-file"), QStringLiteral("/dev"), dir.filePath(name) });
        QVERIFY2(timer.elapsed() < 10000, "must end in bounded time");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("not a regular file")), qPrintable(run.out));
    }
#endif
}

void TestCli::headlessServesAndStops()
{
    QProcess process;
    QString out;
    const quint16 port = startHeadless(process,
        { QStringLiteral("--verbose"), QStringLiteral("--threads"), QStringLiteral("3"),
            TestUtils::dataPath("cli/valid.yaml") },
        &out);
    QVERIFY2(port != 0, qPrintable(out));
    QVERIFY2(
        QRegularExpression(
            QStringLiteral(R"(Mock server for CLI Test listening on http://127\.0\.0\.1:\d+ \(3 serving threads\))"))
            .match(out)
            .hasMatch(),
        qPrintable(out));

    const QByteArray response = httpGet(port, "/ping");
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(response.contains("{\"pong\":true}"));
    const QByteArray missing = httpGet(port, "/nope");
    QVERIFY(missing.startsWith("HTTP/1.1 404"));

    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput())).contains(QStringLiteral("GET /nope 404")), 5000);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(GET /ping 200 [\d.]+ (µs|ms) ping)")).match(out).hasMatch(),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("    Matched GET /ping")), qPrintable(out)); // --verbose trace

    QVERIFY(stopHeadless(process, &out));
    QVERIFY2(out.contains(QStringLiteral("Mock server stopped after 2 request(s)")), qPrintable(out));
}

void TestCli::headlessQuietPrintsNoRequestLines()
{
    QProcess process;
    QString out;
    const quint16 port =
        startHeadless(process, { QStringLiteral("--quiet"), TestUtils::dataPath("cli/valid.yaml") }, &out);
    QVERIFY2(port != 0, qPrintable(out));
    for (int i = 0; i < 3; ++i)
        QVERIFY(httpGet(port, "/ping").startsWith("HTTP/1.1 200"));
    QVERIFY(httpGet(port, "/nope").startsWith("HTTP/1.1 404"));
    QTest::qWait(300); // what a request line would need to reach stdout
    QVERIFY(stopHeadless(process, &out));
    QVERIFY2(!out.contains(QStringLiteral("GET /ping")) && !out.contains(QStringLiteral("GET /nope")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Mock server stopped after 4 request(s)")), qPrintable(out));
}

void TestCli::checkReportsScenarioDiagnostics()
{
    const QString shop = TestUtils::dataPath("scenarios/shop.yaml");
    // The discovered understudy.yaml next to it is valid.
    const Run good = runCli({ QStringLiteral("--check"), shop });
    QVERIFY2(good.exitCode == 0, qPrintable(good.out + good.err));
    const QString bad = TestUtils::dataPath("scenarios/bad-scenarios.yaml");
    const Run run = runCli({ QStringLiteral("--check"), QStringLiteral("--scenarios"), bad, shop });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(bad + QStringLiteral(":5:")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("does not define status 418")));
}

void TestCli::headlessLogNamesRuleDelayAndFault()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
            QStringLiteral("3"), TestUtils::dataPath("scenarios/shop.yaml") });
    QVERIFY(process.waitForStarted());
    QString out;
    QRegularExpressionMatch listening;
    const QRegularExpression re(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput()), listening = re.match(out)).hasMatch(), 10000);
    QVERIFY2(out.contains(QStringLiteral("Using scenarios from ")), qPrintable(out));
    const quint16 port = listening.captured(1).toUShort();
    QVERIFY(httpGet(port, "/books/42").startsWith("HTTP/1.1 404"));
    QVERIFY(httpGet(port, "/health", "x-understudy-delay: 20ms\r\n").startsWith("HTTP/1.1 200"));
    QVERIFY(httpGet(port, "/health", "x-understudy-fault: empty\r\n").isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput())).contains(QStringLiteral("[fault empty]")), 5000);
    QVERIFY2(out.contains(QStringLiteral("GET /books/42 404")) && out.contains(QStringLiteral("[rule getBook#1]")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[delay 20 ms]")), qPrintable(out));
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
}

void TestCli::headlessStopsWhileAnswering()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--allowed-host"),
            QStringLiteral("mock.test"), TestUtils::dataPath("cli/slow.yaml") });
    QVERIFY(process.waitForStarted());
    QString out;
    QRegularExpressionMatch listening;
    const QRegularExpression re(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput()), listening = re.match(out)).hasMatch(), 10000);
    const quint16 port = listening.captured(1).toUShort();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(3000));
    socket.write("GET /slow HTTP/1.1\r\nHost: mock.test\r\n\r\n");
    socket.flush();
    QTest::qWait(300); // the answer is being generated now
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("stopped after %1 ms").arg(timer.elapsed())));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestCli::headlessOffConfigExitsNonZero()
{
    const Run run = runCli({ QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
        TestUtils::dataPath("cli/off/openapi.yaml") });
    QVERIFY2(run.exitCode > 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    QVERIFY2(run.err.contains(QStringLiteral("off")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("redocly.yaml")), qPrintable(run.err));
}

void TestCli::headlessBadDefinitionExitsNonZero()
{
    const Run run = runCli({ QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
        TestUtils::dataPath("cli/syntax-error.yaml") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("error")), qPrintable(run.err));
}

void TestCli::withoutDisplayFallsBackToHeadless()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(QStringLiteral(UNDERSTUDY_BINARY), { QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(process.waitForStarted());
    QString out, err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput())).contains(QStringLiteral("listening on")), 10000);
    err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("no display")), qPrintable(err));
    QVERIFY(out.contains(QStringLiteral("Bookshelf API")));
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

// The same definition and seed give byte-identical generated bodies in two separate processes.
void TestCli::sameSeedSameBytesInTwoProcesses()
{
    const QList<QByteArray> targets { "/users", "/users/7" };
    const QList<QByteArray> first = headlessBodies({ QStringLiteral("--seed"), QStringLiteral("1234") }, targets);
    const QList<QByteArray> second = headlessBodies({ QStringLiteral("--seed"), QStringLiteral("1234") }, targets);
    QCOMPARE(first.size(), 2);
    QVERIFY2(first.at(0).startsWith("[{"), first.at(0).constData());
    QVERIFY2(first.at(0).contains("@example."), first.at(0).constData()); // realistic emails, not user@example.com
    QCOMPARE(second, first);
    const QList<QByteArray> other = headlessBodies({ QStringLiteral("--seed"), QStringLiteral("99") }, targets);
    QVERIFY(other.value(0) != first.at(0));
}

void TestCli::dynamicChangesValues()
{
    const QList<QByteArray> bodies = headlessBodies({ QStringLiteral("--dynamic") }, { "/users", "/users", "/users" });
    QCOMPARE(bodies.size(), 3);
    QVERIFY2(bodies.at(0).startsWith("[{"), bodies.at(0).constData());
    QVERIFY(bodies.at(0) != bodies.at(1) || bodies.at(1) != bodies.at(2));
}

// --generation-limit reaches the serving pipeline: a body over the size limit is a 500 problem saying so, and
// lifting the limit serves the same body the defaults do.
void TestCli::generationLimitFromTheCommandLine()
{
    const QList<QByteArray> limited =
        headlessBodies({ QStringLiteral("--generation-limit"), QStringLiteral("size=64") }, { "/users" });
    QCOMPARE(limited.size(), 1);
    QVERIFY2(limited.at(0).contains("over the generation limit of 64 bytes"), limited.at(0).constData());
    const QList<QByteArray> lifted =
        headlessBodies({ QStringLiteral("--generation-limit"), QStringLiteral("time=off,size=off") }, { "/users" });
    QCOMPARE(lifted, headlessBodies({}, { "/users" }));
    QVERIFY2(lifted.value(0).startsWith("[{"), lifted.value(0).constData());
}

void TestCli::headlessServesHttpsWithOneCertificate()
{
    QTemporaryDir data; // the application's data folder, where the certificate is kept
    QVERIFY(data.isValid());
    QProcessEnvironment env = withoutDisplay();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    QString fingerprints[2];
    for (int run = 0; run < 2; ++run) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UNDERSTUDY_BINARY),
            { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls-port"),
                QStringLiteral("0"), QStringLiteral("--no-watch"), TestUtils::dataPath("cli/valid.yaml") });
        QVERIFY(process.waitForStarted());
        QString out;
        const QRegularExpression re(QStringLiteral(
            R"(HTTPS on https://127\.0\.0\.1:(\d+), certificate (\S+)(.*)\nCertificate SHA-256 fingerprint: ([0-9A-F:]+))"));
        QRegularExpressionMatch https;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(process.readAllStandardOutput()), https = re.match(out)).hasMatch(), 10000);
        QVERIFY2(out.contains(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(out)); // HTTP stays on
        QVERIFY(https.captured(2).startsWith(data.path()));
        QCOMPARE(https.captured(3).contains(QStringLiteral("made just now")), run == 0);
        fingerprints[run] = https.captured(4);

        const QList<QSslCertificate> trusted = QSslCertificate::fromPath(https.captured(2));
        QCOMPARE(trusted.size(), 1);
        QSslSocket socket;
        QSslConfiguration configuration = socket.sslConfiguration();
        configuration.setCaCertificates(trusted);
        socket.setSslConfiguration(configuration);
        socket.connectToHostEncrypted(QStringLiteral("localhost"), https.captured(1).toUShort());
        QVERIFY2(socket.waitForEncrypted(5000), qPrintable(socket.errorString()));
        socket.write("GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        QByteArray response;
        while (socket.waitForReadyRead(3000))
            response += socket.readAll();
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
        QVERIFY(response.contains("{\"pong\":true}"));

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }
    QCOMPARE(fingerprints[1], fingerprints[0]); // the second start reused the certificate
}

void TestCli::headlessBadCertificateFileExits()
{
    QTemporaryDir dir;
    QFile junk(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate");
    junk.close();
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QStringList arguments { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--cert"), junk.fileName(), QStringLiteral("--key"), key,
        TestUtils::dataPath("cli/valid.yaml") };
    const Run missing = runCli(arguments);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("understudy: HTTPS: The key file %1 does not exist").arg(key)),
        qPrintable(missing.err));
    QFile::copy(junk.fileName(), key);
    const Run unreadable = runCli(arguments);
    QCOMPARE(unreadable.exitCode, 2);
    QVERIFY2(unreadable.err.contains(QStringLiteral("%1 holds no certificate").arg(junk.fileName())),
        qPrintable(unreadable.err));
}

void TestCli::headlessShowsCallbacks_data()
{
    QTest::addColumn<QByteArray>("base"); // the callbackUrl sent; RECEIVER is the test's receiver
    QTest::addColumn<int>("answer"); // what the receiver answers
    QTest::addColumn<QStringList>("extra"); // more flags
    QTest::addColumn<QString>("line"); // the callback's line in the output (a regular expression)
    QTest::addRow("answered") << QByteArray("RECEIVER") << 200 << QStringList()
                              << R"(  ↪ callback onBody POST RECEIVER/body → 200 \([\d.]+ (µs|ms)\))";
    QTest::addRow("not a 2xx") << QByteArray("RECEIVER") << 503 << QStringList()
                               << R"(  ↪ callback onBody POST RECEIVER/body → 503 \([\d.]+ (µs|ms), not a 2xx\))";
    QTest::addRow("host not allowed")
        << QByteArray("http://example.com") << 200 << QStringList()
        << R"(  ↪ callback onBody POST http://example\.com/body → refused: the host example\.com is not allowed)";
    QTest::addRow("host allowed with --callback-allow, nothing there")
        << QByteArray("http://no-such-host.invalid:9") << 200
        << QStringList { "--callback-allow", "no-such-host.invalid" }
        << R"(  ↪ callback onBody POST http://no-such-host\.invalid:9/body → failed: .+ \([\d.]+ (µs|ms)\))";
}

void TestCli::headlessShowsCallbacks()
{
    QFETCH(QByteArray, base);
    QFETCH(int, answer);
    QFETCH(QStringList, extra);
    QFETCH(QString, line);
    TestUpstream::Server receiver;
    QVERIFY(receiver.isListening());
    receiver.reply = [answer](const TestUpstream::Seen&) { return TestUpstream::answer(answer, {}, "ok"); };
    const QString receiverUrl = QStringLiteral("http://127.0.0.1:%1").arg(receiver.serverPort());
    base.replace("RECEIVER", receiverUrl.toLatin1());
    line.replace(QLatin1String("RECEIVER"), QRegularExpression::escape(receiverUrl));

    QProcess process;
    QString out;
    const quint16 port =
        startHeadless(process, extra + QStringList { TestUtils::dataPath("callbacks/events.yaml") }, &out);
    QVERIFY2(port != 0, qPrintable(out));
    const TestHttp::RawResponse r = TestUpstream::fetch(port,
        TestHttp::request(
            "POST", "/body", "Content-Type: application/json\r\n", R"({"callbackUrl": ")" + base + R"("})"));
    QCOMPARE(r.status, 200); // whatever happens to the callback
    const QRegularExpression expected(line);
    QTRY_VERIFY2_WITH_TIMEOUT(
        expected.match(out += QString::fromUtf8(process.readAllStandardOutput())).hasMatch(), qPrintable(out), 10000);
    QVERIFY(out.indexOf(QLatin1String("POST /body 200")) < out.indexOf(QStringLiteral("↪ callback")));
    QVERIFY(stopHeadless(process, &out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
