// SPDX-License-Identifier: MIT
// StateFile: written atomically and throttled, read back into a store, a broken file never overwritten.
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mocksession.h"
#include "core/state/statefile.h"
#include "core/state/statestore.h"
#include "testutils.h"

namespace {

std::shared_ptr<const StateModel> bookshelf()
{
    return StateModel::infer(DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath()).definition);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestStateFile : public QObject
{
    Q_OBJECT

private slots:
    void writesAndReadsBack();
    void burstsCostOneWrite();
    void brokenFileIsNeverOverwritten_data();
    void brokenFileIsNeverOverwritten();
    void nothingWrittenWithoutADefinition();
    void sessionReloadKeepsStateFile();
};

void TestStateFile::writesAndReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    {
        auto store = std::make_shared<StateStore>();
        store->adopt(bookshelf());
        StateFile file(store, path);
        QCOMPARE(file.load().found, false);
        store->insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QStringLiteral("kept") } });
        QVERIFY(file.flush());
        QCOMPARE(readJson(path)
                     .value(QStringLiteral("collections"))
                     .toObject()
                     .value(QStringLiteral("books"))
                     .toObject()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            4);
        store->remove(QStringLiteral("books"), {}, QStringLiteral("1"));
    } // the destructor writes what is pending
    auto store = std::make_shared<StateStore>();
    StateFile file(store, path);
    const StateFileRead read = file.load();
    QVERIFY(read.found);
    QVERIFY(read.error.isEmpty());
    QCOMPARE(read.collections, 3);
    store->adopt(bookshelf());
    const QList<QJsonObject> books = store->items(QStringLiteral("books"), {});
    QCOMPARE(books.size(), 3);
    QCOMPARE(books.last().value(QStringLiteral("title")).toString(), QStringLiteral("kept"));
}

void TestStateFile::burstsCostOneWrite()
{
    QTemporaryDir dir;
    auto store = std::make_shared<StateStore>();
    store->adopt(bookshelf());
    StateFile file(store, dir.filePath(QStringLiteral("state.json")));
    file.setInterval(50);
    QSignalSpy written(&file, &StateFile::written);
    for (int i = 0; i < 100; ++i)
        store->insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QString::number(i) } });
    QTRY_COMPARE(written.count(), 1);
    QTest::qWait(150);
    QCOMPARE(written.count(), 1);
    QCOMPARE(file.writes(), 1);
}

void TestStateFile::brokenFileIsNeverOverwritten_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("half a file") << QByteArray(R"({"collections": {"books": {"items": [)");
    QTest::addRow("not an object") << QByteArray("[1,2]");
}

void TestStateFile::brokenFileIsNeverOverwritten()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    {
        MockSession session;
        const QString error = session.setStateFile(path);
        QVERIFY2(error.contains(QStringLiteral("cannot read the state file")), qPrintable(error));
        QVERIFY(!session.stateFile());
    }
    QCOMPARE(TestUtils::readFile(path), content);
}

void TestStateFile::nothingWrittenWithoutADefinition()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"collections":{"books":{"items":[{"id":9}]}}})");
    f.close();
    const QByteArray before = TestUtils::readFile(path);
    {
        auto store = std::make_shared<StateStore>();
        StateFile file(store, path);
        QVERIFY(file.load().found);
        QVERIFY(file.flush());
    }
    QCOMPARE(TestUtils::readFile(path), before);
}

void TestStateFile::sessionReloadKeepsStateFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"collections":{"books":{"items":[{"id":9,"isbn":"978-0-14-143951-8","title":"T","authorId":1,"available":true}]},"dragons":{"items":[]}}})");
    f.close();
    MockSession session;
    QVERIFY(session.setStateFile(path).isEmpty());
    session.setStateful(true);
    QSignalSpy adopted(session.state().get(), &StateStore::adopted);
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    session.open(DefinitionLoader::bundledExamplePath());
    QTRY_COMPARE(loaded.count(), 1);
    QTRY_COMPARE(adopted.count(), 1);
    QCOMPARE(adopted.first().at(1).toStringList(), QStringList { QStringLiteral("dragons") });
    QCOMPARE(session.state()->items(QStringLiteral("books"), {}).size(), 1);
}

QTEST_GUILESS_MAIN(TestStateFile)
#include "tst_statefile.moc"
