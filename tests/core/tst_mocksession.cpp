// SPDX-License-Identifier: MIT
// MockSession without a window: loading off the thread, config discovery, live reload, typed start errors.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "httpclient.h"

using namespace TestHttp;

namespace {

QByteArray spec(const QByteArray& title, const QByteArray& greeting = "hello")
{
    return "openapi: 3.0.3\n"
           "info: {title: "
        + title
        + ", version: '1'}\n"
          "paths:\n"
          "  /greeting:\n"
          "    get:\n"
          "      operationId: greet\n"
          "      responses:\n"
          "        '200':\n"
          "          description: ok\n"
          "          content:\n"
          "            application/json:\n"
          "              example: {text: "
        + greeting + "}\n";
}

const QByteArray brokenSpec = "openapi: 3.0.3\ninfo: [unclosed\n";

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

// Opens `path` and waits for the result; true when a definition now serves.
bool openAndWait(MockSession& session, const QString& path)
{
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QSignalSpy failed(&session, &MockSession::loadFailed);
    session.open(path);
    if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 20000))
        return false;
    return loaded.count() == 1;
}

QByteArray greeting(const MockSession& session)
{
    return roundTrip(session.port(), "GET /greeting HTTP/1.1\r\nHost: localhost\r\n\r\n").body;
}

} // namespace

class TestMockSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loads_data();
    void loads();
    void loadDoesNotBlockTheCaller();
    void discoversConfig();
    void explicitConfigWins();
    void reloadsOnFileChange();
    void brokenReloadKeepsTheLastGood();
    void brokenFirstLoadIsServedOnceFixed();
    void deletedFileIsReported();
    void failedOpenKeepsServing();
    void staleLoadIsDropped();
    void watchingBackOnCatchesUp();
    void startsAndStops();
    void portTakenIsTyped();
    void addressNotAvailableIsTyped();
    void configOffIsTyped();
    void noDefinitionCannotStart();
    void socketErrorsMapToKinds_data();
    void socketErrorsMapToKinds();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestMockSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("openapi.yaml"));
    QVERIFY(writeFile(m_path, spec("Session")));
}

void TestMockSession::cleanup()
{
    m_dir.reset();
}

void TestMockSession::loads_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<bool>("served");
    QTest::addColumn<bool>("withErrors");
    QTest::addRow("valid definition") << spec("Valid") << true << false;
    QTest::addRow("definition with a missing $ref is still served") << QByteArray(
        "openapi: 3.0.3\ninfo: {title: Refs, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200': {$ref: 'missing.yaml#/Nope'}\n") << true << true;
    QTest::addRow("syntax error") << brokenSpec << false << true;
    QTest::addRow("missing file") << QByteArray() << false << true;
}

void TestMockSession::loads()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, served);
    QFETCH(bool, withErrors);
    const QString path = m_dir->filePath(QStringLiteral("api.yaml"));
    if (!content.isEmpty())
        QVERIFY(writeFile(path, content));
    MockSession session;
    QSignalSpy started(&session, &MockSession::loadStarted);
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QSignalSpy failed(&session, &MockSession::loadFailed);
    session.open(path);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toString(), path);
    QVERIFY(session.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == 1, 10000);
    QVERIFY(!session.isLoading());
    QCOMPARE(loaded.count(), served ? 1 : 0);
    QCOMPARE(bool(session.definition()), served);
    QCOMPARE(session.loadCount(), served ? 1 : 0);
    QCOMPARE(hasErrors(session.diagnostics()), withErrors);
    // The file asked for is remembered either way, so that reload() retries it.
    QCOMPARE(session.path(), path);
    const SessionLoad load = (served ? loaded : failed).first().first().value<SessionLoad>();
    QCOMPARE(load.path, path);
    QVERIFY(!load.live);
    QVERIFY(!load.replaced);
    QCOMPARE(session.service()->definition(), session.definition());
}

void TestMockSession::loadDoesNotBlockTheCaller()
{
    // The result comes through the event loop, never inside open().
    MockSession session;
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    session.open(m_path);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!session.definition());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(session.definition()->title, QStringLiteral("Session"));
}

void TestMockSession::discoversConfig()
{
    const QString config = m_dir->filePath(QStringLiteral("redocly.yaml"));
    QVERIFY(writeFile(config, "mockServer:\n  strictExamples: true\n"));
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    QCOMPARE(QFileInfo(session.config().sourceFile).fileName(), QStringLiteral("redocly.yaml"));
    QCOMPARE(session.service()->config().sourceFile, session.config().sourceFile);
    QVERIFY(session.watcher()->watchedFiles().contains(QFileInfo(config).absoluteFilePath()));
}

void TestMockSession::explicitConfigWins()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("redocly.yaml")), "mockServer:\n  off: false\n"));
    const QString other = m_dir->filePath(QStringLiteral("other.yaml"));
    QVERIFY(writeFile(other, "mockServer:\n  off: true\n"));
    MockSession session;
    session.setConfigFile(other);
    QCOMPARE(session.configFile(), other);
    QVERIFY(openAndWait(session, m_path));
    QVERIFY(session.config().off);
    QCOMPARE(QFileInfo(session.config().sourceFile).fileName(), QStringLiteral("other.yaml"));
}

void TestMockSession::reloadsOnFileChange()
{
    MockSession session;
    session.watcher()->setDebounceMs(50);
    QVERIFY(openAndWait(session, m_path));
    QVERIFY(session.start(QHostAddress::LocalHost, 0));
    const quint16 port = session.port();
    QCOMPARE(greeting(session), QByteArray(R"({"text":"hello"})"));

    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QVERIFY(writeFile(m_path, spec("Edited", "changed")));
    QVERIFY(loaded.wait(10000));
    const SessionLoad load = loaded.first().first().value<SessionLoad>();
    QVERIFY(load.live);
    QVERIFY(load.replaced);
    QVERIFY(load.samePath);
    QCOMPARE(session.definition()->title, QStringLiteral("Edited"));
    QCOMPARE(session.loadCount(), 2);
    QCOMPARE(session.port(), port);
    QTRY_COMPARE_WITH_TIMEOUT(greeting(session), QByteArray(R"({"text":"changed"})"), 2000);
}

void TestMockSession::brokenReloadKeepsTheLastGood()
{
    MockSession session;
    session.watcher()->setDebounceMs(50);
    QVERIFY(openAndWait(session, m_path));
    QVERIFY(session.start(QHostAddress::LocalHost, 0));
    const DefinitionPtr good = session.definition();

    QSignalSpy failed(&session, &MockSession::loadFailed);
    QVERIFY(writeFile(m_path, brokenSpec));
    QVERIFY(failed.wait(10000));
    const SessionLoad load = failed.first().first().value<SessionLoad>();
    QVERIFY(load.live);
    QVERIFY(!load.fileMissing);
    QVERIFY(hasErrors(load.definitionDiagnostics));
    QCOMPARE(session.definition(), good);
    QCOMPARE(session.service()->definition(), good);
    QVERIFY(hasErrors(session.diagnostics()));
    QCOMPARE(greeting(session), QByteArray(R"({"text":"hello"})"));

    // Fixing the file brings the new version in.
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QVERIFY(writeFile(m_path, spec("Fixed", "fixed")));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(session.definition()->title, QStringLiteral("Fixed"));
    QVERIFY(!hasErrors(session.diagnostics()));
    QTRY_COMPARE_WITH_TIMEOUT(greeting(session), QByteArray(R"({"text":"fixed"})"), 2000);
}

void TestMockSession::brokenFirstLoadIsServedOnceFixed()
{
    QVERIFY(writeFile(m_path, brokenSpec));
    MockSession session;
    session.watcher()->setDebounceMs(50);
    QVERIFY(!openAndWait(session, m_path));
    QVERIFY(!session.definition());
    // Nothing served, yet the file is watched: fixing it serves it.
    QVERIFY(session.watcher()->watchedFiles().contains(m_path));
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QVERIFY(writeFile(m_path, spec("Late")));
    QVERIFY(loaded.wait(10000));
    const SessionLoad load = loaded.first().first().value<SessionLoad>();
    QVERIFY(load.live);
    QVERIFY(!load.replaced);
    QCOMPARE(session.definition()->title, QStringLiteral("Late"));
}

void TestMockSession::deletedFileIsReported()
{
    MockSession session;
    session.watcher()->setDebounceMs(50);
    QVERIFY(openAndWait(session, m_path));
    const DefinitionPtr good = session.definition();
    QSignalSpy failed(&session, &MockSession::loadFailed);
    QVERIFY(QFile::remove(m_path));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().value<SessionLoad>().fileMissing);
    QCOMPARE(session.definition(), good);
}

void TestMockSession::failedOpenKeepsServing()
{
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    const DefinitionPtr good = session.definition();
    const QString broken = m_dir->filePath(QStringLiteral("broken.yaml"));
    QVERIFY(writeFile(broken, brokenSpec));
    QSignalSpy failed(&session, &MockSession::loadFailed);
    QVERIFY(!openAndWait(session, broken));
    const SessionLoad load = failed.first().first().value<SessionLoad>();
    QCOMPARE(load.path, broken);
    QVERIFY(!load.samePath);
    QCOMPARE(session.definition(), good);
    // The served file stays the one to reload and to watch.
    QCOMPARE(session.path(), m_path);
    QVERIFY(session.watcher()->watchedFiles().contains(m_path));
}

void TestMockSession::staleLoadIsDropped()
{
    const QString first = m_dir->filePath(QStringLiteral("first.yaml"));
    const QString second = m_dir->filePath(QStringLiteral("second.yaml"));
    QVERIFY(writeFile(first, spec("First")));
    QVERIFY(writeFile(second, spec("Second")));
    MockSession session;
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QSignalSpy failed(&session, &MockSession::loadFailed);
    session.open(first);
    const quint64 before = session.generation();
    session.open(second);
    QCOMPARE(session.generation(), before + 1);
    QVERIFY(loaded.wait(10000));
    QTest::qWait(200); // give the first job every chance to (wrongly) land
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(session.definition()->title, QStringLiteral("Second"));
    QCOMPARE(session.loadCount(), 1);
}

void TestMockSession::watchingBackOnCatchesUp()
{
    MockSession session;
    session.watcher()->setDebounceMs(50);
    QVERIFY(openAndWait(session, m_path));
    session.setWatchEnabled(false);
    QVERIFY(!session.isWatchEnabled());
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QTest::qWait(20); // a different modification time
    QVERIFY(writeFile(m_path, spec("Meanwhile")));
    QVERIFY(!loaded.wait(400)); // several debounce intervals
    session.setWatchEnabled(true);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(session.definition()->title, QStringLiteral("Meanwhile"));
}

void TestMockSession::startsAndStops()
{
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    QSignalSpy started(&session, &MockSession::started);
    QSignalSpy stopped(&session, &MockSession::stopped);
    const StartResult result = session.start(QHostAddress::LocalHost, 0);
    QVERIFY2(result, qPrintable(result.message));
    QCOMPARE(result.error, StartError::None);
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.port, session.port());
    QVERIFY(session.isRunning());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toUrl(), session.url());
    QCOMPARE(greeting(session), QByteArray(R"({"text":"hello"})"));
    session.stop();
    QVERIFY(!session.isRunning());
    QCOMPARE(stopped.count(), 1);
}

void TestMockSession::portTakenIsTyped()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    QSignalSpy failed(&session, &MockSession::startFailed);
    const StartResult result = session.start(QHostAddress::LocalHost, squatter.serverPort());
    QVERIFY(!result);
    QCOMPARE(result.error, StartError::PortTaken);
    QVERIFY2(result.message.contains(QString::number(squatter.serverPort())), qPrintable(result.message));
    QCOMPARE(session.lastStart().error, StartError::PortTaken);
    QVERIFY(!session.isRunning());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<StartError>(), StartError::PortTaken);
    QCOMPARE(failed.first().at(1).toString(), result.message);
}

void TestMockSession::addressNotAvailableIsTyped()
{
    // 192.0.2.1 (TEST-NET-1, RFC 5737) is never an address of this computer.
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    const StartResult result = session.start(QHostAddress(QStringLiteral("192.0.2.1")), 0);
    QVERIFY(!result);
    QCOMPARE(result.error, StartError::AddressNotAvailable);
    QVERIFY(!session.isRunning());
}

void TestMockSession::configOffIsTyped()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("redocly.yaml")), "mockServer:\n  off: true\n"));
    MockSession session;
    QVERIFY(openAndWait(session, m_path));
    const StartResult result = session.start(QHostAddress::LocalHost, 0);
    QCOMPARE(result.error, StartError::ConfigOff);
    QVERIFY2(result.message.contains(QStringLiteral("redocly.yaml")), qPrintable(result.message));
    QVERIFY(!session.isRunning());
}

void TestMockSession::noDefinitionCannotStart()
{
    MockSession session;
    const StartResult result = session.start(QHostAddress::LocalHost, 0);
    QCOMPARE(result.error, StartError::Other);
    QVERIFY(!result.message.isEmpty());
}

void TestMockSession::socketErrorsMapToKinds_data()
{
    QTest::addColumn<QAbstractSocket::SocketError>("socketError");
    QTest::addColumn<StartError>("kind");
    QTest::addRow("address in use") << QAbstractSocket::AddressInUseError << StartError::PortTaken;
    QTest::addRow("no permission") << QAbstractSocket::SocketAccessError << StartError::PermissionDenied;
    QTest::addRow("not an address here") << QAbstractSocket::SocketAddressNotAvailableError
                                         << StartError::AddressNotAvailable;
    QTest::addRow("out of resources") << QAbstractSocket::SocketResourceError << StartError::Other;
    QTest::addRow("unknown") << QAbstractSocket::UnknownSocketError << StartError::Other;
}

void TestMockSession::socketErrorsMapToKinds()
{
    QFETCH(QAbstractSocket::SocketError, socketError);
    QFETCH(StartError, kind);
    QCOMPARE(StartResult::fromSocketError(socketError), kind);
}

QTEST_GUILESS_MAIN(TestMockSession)
#include "tst_mocksession.moc"
