// SPDX-License-Identifier: MIT
// Live reload through the real server: edits, saves by rename, referenced files, broken edits, config.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

using namespace TestHttp;

namespace {

QByteArray spec(const QByteArray& greeting, const QByteArray& extra = {})
{
    return "openapi: 3.0.3\n"
           "info: {title: Watched, version: '1'}\n"
           "paths:\n"
           "  /greeting:\n"
           "    get:\n"
           "      responses:\n"
           "        '200':\n"
           "          description: ok\n"
           "          content:\n"
           "            application/json:\n"
           "              example: {text: "
        + greeting + "}\n" + extra;
}

const QByteArray refPart = "  /shared:\n"
                           "    get:\n"
                           "      responses:\n"
                           "        '200':\n"
                           "          $ref: 'parts/shared.yaml#/Shared'\n";

QByteArray sharedFile(const QByteArray& word)
{
    return "Shared:\n"
           "  description: from another file\n"
           "  content:\n"
           "    application/json:\n"
           "      example: {word: "
        + word + "}\n";
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

} // namespace

class TestDefinitionWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editServesNewAnswerOnSamePort();
    void saveByRenameIsNoticed();
    void brokenEditKeepsOldDefinition();
    void referencedFileEditReloads();
    void configEditReloads();
    void disabledWatcherDoesNothing();
    void unrelatedFileInFolderIsIgnored();

private:
    QByteArray body(const QByteArray& target)
    {
        return roundTrip(m_service->port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").body;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MockService> m_service;
    std::unique_ptr<DefinitionWatcher> m_watcher;
    QString m_path;
    quint16 m_port = 0;
};

void TestDefinitionWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("parts"));
    m_path = m_dir->filePath(QStringLiteral("openapi.yaml"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("parts/shared.yaml")), sharedFile("before")));
    QVERIFY(writeFile(m_path, spec("hello", refPart)));
    const LoadResult loaded = DefinitionLoader().loadFile(m_path);
    QVERIFY(loaded.ok());
    m_service = std::make_unique<MockService>();
    m_service->setDefinition(loaded.definition);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
    m_port = m_service->port();
    m_watcher = std::make_unique<DefinitionWatcher>();
    m_watcher->setDebounceMs(50);
    m_watcher->watch(m_path, QString(), loaded.definition, QString());
    connect(m_watcher.get(), &DefinitionWatcher::reloaded, m_service.get(),
        [this](const ReloadResult& r) { m_service->setDefinition(r.definition.definition, r.config.config); });
    QCOMPARE(body("/greeting"), QByteArray(R"({"text":"hello"})"));
}

void TestDefinitionWatcher::cleanup()
{
    m_watcher.reset();
    m_service.reset();
    m_dir.reset();
}

void TestDefinitionWatcher::editServesNewAnswerOnSamePort()
{
    QSignalSpy spy(m_watcher.get(), &DefinitionWatcher::reloaded);
    QVERIFY(writeFile(m_path, spec("changed", refPart)));
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(body("/greeting"), QByteArray(R"({"text":"changed"})"), 2000);
    QCOMPARE(m_service->port(), m_port);
}

void TestDefinitionWatcher::saveByRenameIsNoticed()
{
    QSignalSpy spy(m_watcher.get(), &DefinitionWatcher::reloaded);
    const QString temp = m_path + QStringLiteral(".swp");
    QVERIFY(writeFile(temp, spec("renamed", refPart)));
    QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(m_path).constData()) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(body("/greeting"), QByteArray(R"({"text":"renamed"})"), 2000);
    // The watch survives the rename: a second edit is seen too.
    QVERIFY(writeFile(m_path, spec("again", refPart)));
    QTRY_COMPARE_WITH_TIMEOUT(body("/greeting"), QByteArray(R"({"text":"again"})"), 5000);
}

void TestDefinitionWatcher::brokenEditKeepsOldDefinition()
{
    QSignalSpy failed(m_watcher.get(), &DefinitionWatcher::reloadFailed);
    QVERIFY(writeFile(m_path, "openapi: 3.0.3\ninfo: [unclosed\n"));
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 5000);
    const auto result = failed.last().first().value<ReloadResult>();
    QVERIFY(hasErrors(result.definition.diagnostics));
    QCOMPARE(body("/greeting"), QByteArray(R"({"text":"hello"})"));
    // Fixing the edit brings the new definition in.
    QVERIFY(writeFile(m_path, spec("fixed", refPart)));
    QTRY_COMPARE_WITH_TIMEOUT(body("/greeting"), QByteArray(R"({"text":"fixed"})"), 5000);
}

void TestDefinitionWatcher::referencedFileEditReloads()
{
    QCOMPARE(body("/shared"), QByteArray(R"({"word":"before"})"));
    QVERIFY(m_watcher->watchedFiles().contains(
        QFileInfo(m_dir->filePath(QStringLiteral("parts/shared.yaml"))).absoluteFilePath()));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("parts/shared.yaml")), sharedFile("after")));
    QTRY_COMPARE_WITH_TIMEOUT(body("/shared"), QByteArray(R"({"word":"after"})"), 5000);
}

void TestDefinitionWatcher::configEditReloads()
{
    const QString config = m_dir->filePath(QStringLiteral("redocly.yaml"));
    QVERIFY(writeFile(config, "mockServer:\n  errorIfForcedExampleNotFound: true\n"));
    QSignalSpy spy(m_watcher.get(), &DefinitionWatcher::reloaded);
    m_watcher->reloadNow(); // picks up the new config file and starts watching it
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    QCOMPARE(spy.last().first().value<ReloadResult>().config.config.sourceFile, config);
    QVERIFY(m_watcher->watchedFiles().contains(config));
    spy.clear();
    QVERIFY(writeFile(config, "mockServer:\n  errorIfForcedExampleNotFound: false\n"));
    // A late event from creating the file may reload once more first; wait for the edited value.
    QTRY_VERIFY_WITH_TIMEOUT(
        spy.count() >= 1 && !spy.last().first().value<ReloadResult>().config.config.errorIfForcedExampleNotFound, 5000);
}

void TestDefinitionWatcher::disabledWatcherDoesNothing()
{
    m_watcher->setEnabled(false);
    QSignalSpy spy(m_watcher.get(), &DefinitionWatcher::reloaded);
    QVERIFY(writeFile(m_path, spec("ignored", refPart)));
    QTest::qWait(400);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(body("/greeting"), QByteArray(R"({"text":"hello"})"));
}

void TestDefinitionWatcher::unrelatedFileInFolderIsIgnored()
{
    QSignalSpy spy(m_watcher.get(), &DefinitionWatcher::reloaded);
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral(".openapi.yaml.swp")), "editor state"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("notes.txt")), "unrelated"));
    QTest::qWait(400);
    QCOMPARE(spy.count(), 0);
}

QTEST_GUILESS_MAIN(TestDefinitionWatcher)
#include "tst_definitionwatcher.moc"
