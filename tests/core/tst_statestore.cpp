// SPDX-License-Identifier: MIT
// StateStore: seeding (examples, else generated with distinct ids), edits, snapshots, adopt/restore, concurrency.
#include <thread>
#include <vector>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include "core/definition/definitionloader.h"
#include "core/state/statestore.h"
#include "testutils.h"

namespace {

std::shared_ptr<const StateModel> infer(const QString& file)
{
    const LoadResult loaded = DefinitionLoader().loadFile(file);
    return StateModel::infer(loaded.definition);
}

QStringList ids(const QList<QJsonObject>& items, const QString& field = QStringLiteral("id"))
{
    QStringList out;
    for (const QJsonObject& item : items)
        out.append(StateModel::idText(item.value(field)));
    return out;
}

QStringList names(const QList<QJsonObject>& items)
{
    QStringList out;
    for (const QJsonObject& item : items)
        out.append(item.value(QStringLiteral("name")).toString());
    return out;
}

} // namespace

class TestStateStore : public QObject
{
    Q_OBJECT

private slots:
    void seedsFromExamples();
    void generatedSeedsHaveDistinctIds_data();
    void generatedSeedsHaveDistinctIds();
    void generatedSeedsDifferAndFollowTheSeed();
    void insertEditRemove();
    void replaceValidatesTheShape_data();
    void replaceValidatesTheShape();
    void resetAndClear();
    void adoptKeepsCollectionsThatStillExist();
    void restoreBeforeTheModel();
    void hammerOneCollection();
};

void TestStateStore::seedsFromExamples()
{
    StateStore store;
    store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    QCOMPARE(ids(store.items(QStringLiteral("books"), {})),
        QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("42") }));
    QVERIFY(store.items(QStringLiteral("nope"), {}).isEmpty());
    QVERIFY(!store.item(QStringLiteral("books"), {}, QStringLiteral("3")));
    QCOMPARE(store.item(QStringLiteral("books"), {}, QStringLiteral("42"))->value(QStringLiteral("title")).toString(),
        QStringLiteral("The Hobbit"));
}

void TestStateStore::generatedSeedsHaveDistinctIds_data()
{
    QTest::addColumn<int>("count");
    QTest::addRow("default 3") << 3;
    QTest::addRow("none") << 0;
    QTest::addRow("ten") << 10;
}

void TestStateStore::generatedSeedsHaveDistinctIds()
{
    QFETCH(int, count);
    StateStore store;
    store.setSeedCount(count);
    store.adopt(infer(TestUtils::dataPath(QStringLiteral("state/envelope.yaml"))));
    // Widgets have no examples: generated, with distinct uuids.
    const QStringList widgetIds = ids(store.items(QStringLiteral("widgets"), {}));
    QCOMPARE(widgetIds.size(), count);
    QCOMPARE(QSet<QString>(widgetIds.begin(), widgetIds.end()).size(), count);
    for (const QString& id : widgetIds)
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
    // Integer ids count up.
    store.adopt(infer(TestUtils::dataPath(QStringLiteral("state/nested.yaml"))));
    QStringList expected;
    for (int i = 1; i <= count; ++i)
        expected.append(QString::number(i));
    QCOMPARE(ids(store.items(QStringLiteral("orders"), QStringLiteral("7")), QStringLiteral("order_id")), expected);
}

void TestStateStore::generatedSeedsDifferAndFollowTheSeed()
{
    // Generated items are drawn each from its own key: they differ from each other (not copies with new ids), are
    // the same for the same generation seed, and change with it (applied to the next seeding, here a reset).
    const auto model = infer(TestUtils::dataPath(QStringLiteral("state/envelope.yaml")));
    const auto generation = std::make_shared<GenerationControl>();
    StateStore store;
    store.setGeneration(generation);
    store.setSeedCount(5);
    store.adopt(model);
    const QStringList first = names(store.items(QStringLiteral("widgets"), {}));
    QCOMPARE(first.size(), 5);
    QVERIFY2(QSet<QString>(first.begin(), first.end()).size() >= 4, qPrintable(first.join(u", ")));
    for (const QString& name : first)
        QVERIFY2(!name.isEmpty() && name != QLatin1String("string"), qPrintable(name));

    StateStore again;
    again.setGeneration(std::make_shared<GenerationControl>());
    again.setSeedCount(5);
    again.adopt(model);
    QCOMPARE(names(again.items(QStringLiteral("widgets"), {})), first);

    generation->setSeed(7);
    store.reset();
    const QStringList reseeded = names(store.items(QStringLiteral("widgets"), {}));
    QCOMPARE(reseeded.size(), 5);
    QVERIFY2(reseeded != first, qPrintable(reseeded.join(u", ")));
}

void TestStateStore::insertEditRemove()
{
    StateStore store;
    store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    QSignalSpy changed(&store, &StateStore::changed);
    const auto made =
        store.insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QStringLiteral("x") } });
    QVERIFY(made);
    QCOMPARE(made->value(QStringLiteral("id")).toInt(), 43);
    QVERIFY(!store.insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("id"), 43 } })); // taken
    QVERIFY(!store.insert(QStringLiteral("nope"), {}, {}));
    const StateEditResult edited =
        store.edit(QStringLiteral("books"), {}, QStringLiteral("43"), [](const QJsonObject* current) {
            StateEdit e;
            e.store = current != nullptr;
            e.item = *current;
            e.item.insert(QStringLiteral("title"), QStringLiteral("y"));
            return e;
        });
    QVERIFY(edited.existed && edited.stored);
    QCOMPARE(store.item(QStringLiteral("books"), {}, QStringLiteral("43"))->value(QStringLiteral("title")).toString(),
        QStringLiteral("y"));
    const StateEditResult missing =
        store.edit(QStringLiteral("books"), {}, QStringLiteral("99"), [](const QJsonObject*) { return StateEdit(); });
    QVERIFY(!missing.existed && !missing.stored);
    QVERIFY(store.remove(QStringLiteral("books"), {}, QStringLiteral("43")));
    QVERIFY(!store.remove(QStringLiteral("books"), {}, QStringLiteral("43")));
    QCOMPARE(changed.count(), 3);
}

void TestStateStore::replaceValidatesTheShape_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addRow("array for an unscoped collection")
        << QStringLiteral("books") << QByteArray(R"([{"id":5}])") << QString();
    QTest::addRow("snapshot object") << QStringLiteral("books") << QByteArray(R"({"items":[{"id":5}]})") << QString();
    QTest::addRow("missing id") << QStringLiteral("books") << QByteArray(R"([{"title":"x"}])")
                                << QStringLiteral("needs its id field 'id'");
    QTest::addRow("duplicate id") << QStringLiteral("books") << QByteArray(R"([{"id":5},{"id":5}])")
                                  << QStringLiteral("appears twice");
    QTest::addRow("object for unscoped") << QStringLiteral("books") << QByteArray(R"({"x":1})")
                                         << QStringLiteral("takes an array");
    QTest::addRow("unknown collection") << QStringLiteral("nope") << QByteArray("[]")
                                        << QStringLiteral("no collection");
}

void TestStateStore::replaceValidatesTheShape()
{
    QFETCH(QString, collection);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    StateStore store;
    store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QString got = store.replace(collection, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    QVERIFY2(error.isEmpty() ? got.isEmpty() : got.contains(error), qPrintable(got));
    if (error.isEmpty())
        QCOMPARE(ids(store.items(collection, {})), QStringList { QStringLiteral("5") });
    else if (collection == QLatin1String("books"))
        QCOMPARE(store.items(collection, {}).size(), 3); // unchanged
}

void TestStateStore::resetAndClear()
{
    StateStore store;
    store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    QSignalSpy reset(&store, &StateStore::stateReset);
    store.remove(QStringLiteral("books"), {}, QStringLiteral("1"));
    store.clear(QStringLiteral("authors"));
    QVERIFY(store.items(QStringLiteral("authors"), {}).isEmpty());
    QCOMPARE(store.items(QStringLiteral("books"), {}).size(), 2);
    store.reset();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(store.items(QStringLiteral("books"), {}).size(), 3);
    QCOMPARE(store.items(QStringLiteral("authors"), {}).size(), 2);
}

void TestStateStore::adoptKeepsCollectionsThatStillExist()
{
    StateStore store;
    store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    store.insert(QStringLiteral("books"), {}, QJsonObject { { QStringLiteral("title"), QStringLiteral("kept") } });
    store.items(QStringLiteral("loans"), {});
    QSignalSpy adopted(&store, &StateStore::adopted);
    // Same definition again: everything is kept.
    QCOMPARE(store.adopt(infer(DefinitionLoader::bundledExamplePath())), QStringList());
    QCOMPARE(store.items(QStringLiteral("books"), {}).size(), 4);
    // A definition without books and loans drops them and says so.
    const QStringList dropped = store.adopt(infer(TestUtils::dataPath(QStringLiteral("state/nested.yaml"))));
    QVERIFY2(dropped.contains(QStringLiteral("books")) && dropped.contains(QStringLiteral("loans")),
        qPrintable(dropped.join(QLatin1Char(','))));
    QCOMPARE(adopted.count(), 2);
    QCOMPARE(adopted.last().at(1).toStringList(), dropped);
}

void TestStateStore::restoreBeforeTheModel()
{
    StateStore store;
    const QJsonObject saved {
        { QStringLiteral("books"),
            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("id"), 8 } } } } } },
        { QStringLiteral("gone"), QJsonObject { { QStringLiteral("items"), QJsonArray() } } }
    };
    QCOMPARE(store.restore(saved), QStringList()); // kept until a model arrives
    const QStringList dropped = store.adopt(infer(DefinitionLoader::bundledExamplePath()));
    QCOMPARE(dropped, QStringList { QStringLiteral("gone") });
    QCOMPARE(ids(store.items(QStringLiteral("books"), {})), QStringList { QStringLiteral("8") });
    // Restoring again, with a model: applied at once.
    QCOMPARE(store.restore(saved), QStringList { QStringLiteral("gone") });
}

void TestStateStore::hammerOneCollection()
{
    StateStore store;
    store.setSeedCount(0);
    store.adopt(infer(TestUtils::dataPath(QStringLiteral("state/nested.yaml"))));
    // Item 1 is the shared counter every thread increments.
    QVERIFY(store.insert(QStringLiteral("orders"), QStringLiteral("1"),
        QJsonObject { { QStringLiteral("product"), QStringLiteral("counter") }, { QStringLiteral("quantity"), 0 } }));
    constexpr int threads = 6;
    constexpr int perThread = 300;
    std::vector<std::thread> workers;
    std::vector<QStringList> made(threads);
    std::atomic<int> lostEdits { 0 };
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i) {
                const auto item = store.insert(QStringLiteral("orders"), QStringLiteral("1"),
                    QJsonObject { { QStringLiteral("product"), QStringLiteral("p%1-%2").arg(t).arg(i) },
                        { QStringLiteral("quantity"), 0 } });
                if (!item)
                    continue;
                const QString id = StateModel::idText(item->value(QStringLiteral("order_id")));
                made[t].append(id);
                // Concurrent read-modify-write of one shared item: no increment may be lost.
                const StateEditResult r = store.edit(
                    QStringLiteral("orders"), QStringLiteral("1"), QStringLiteral("1"), [](const QJsonObject* current) {
                        StateEdit e;
                        if (!current)
                            return e;
                        e.store = true;
                        e.item = *current;
                        e.item.insert(
                            QStringLiteral("quantity"), current->value(QStringLiteral("quantity")).toInt() + 1);
                        return e;
                    });
                if (!r.stored)
                    ++lostEdits;
                if (i % 3 == 2) // and some deletes of its own items
                    store.remove(QStringLiteral("orders"), QStringLiteral("1"), made[t].takeFirst());
                (void)store.items(QStringLiteral("orders"), QStringLiteral("1"));
            }
        });
    for (std::thread& w : workers)
        w.join();
    QStringList expected { QStringLiteral("1") };
    for (const QStringList& m : made)
        expected += m;
    const QList<QJsonObject> items = store.items(QStringLiteral("orders"), QStringLiteral("1"));
    QStringList got = ids(items, QStringLiteral("order_id"));
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size()); // no duplicates
    got.sort();
    expected.sort();
    QCOMPARE(got, expected); // nothing lost, nothing extra
    QCOMPARE(items.size() + threads * (perThread / 3), threads * perThread + 1);
    QCOMPARE(lostEdits.load(), 0);
    const auto first = store.item(QStringLiteral("orders"), QStringLiteral("1"), QStringLiteral("1"));
    QVERIFY(first);
    QCOMPARE(first->value(QStringLiteral("quantity")).toInt(), threads * perThread);
}

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_statestore.moc"
