// SPDX-License-Identifier: MIT
// ScenarioStore: sequence steps, and which of them a reload of the scenario file keeps.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/scenarios/scenarioloader.h"
#include "core/scenarios/scenariostore.h"

class TestScenarioStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stepsGoInOrderThenRepeatTheLast();
    void setScenariosStartsEverySequenceAgain();
    void adopt_data();
    void adopt();
    void restartIsSaidOnceOnTheNextStep();

private:
    ScenarioSetPtr parse(const QByteArray& yaml) const;

    DefinitionPtr m_definition;
};

namespace {

const QByteArray orders = "sequence:\n  createOrder: [ { status: 201 }, { status: 201 }, { status: 429 } ]\n"
                          "  health: [ { status: 200 }, { status: 200, headers: { X-Step: \"2\" } } ]\n";

} // namespace

void TestScenarioStore::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

ScenarioSetPtr TestScenarioStore::parse(const QByteArray& yaml) const
{
    const ScenarioResult r = ScenarioLoader::parse(yaml, QStringLiteral("/t/understudy.yaml"), m_definition.get());
    if (!r.diagnostics.isEmpty())
        qWarning() << r.diagnostics.first().toString();
    return r.scenarios;
}

void TestScenarioStore::stepsGoInOrderThenRepeatTheLast()
{
    ScenarioStore store;
    store.setScenarios(parse(orders));
    QList<int> steps;
    for (int i = 0; i < 5; ++i)
        steps << store.nextStep(QStringLiteral("createOrder"), 3);
    QCOMPARE(steps, QList<int>({ 0, 1, 2, 2, 2 }));
}

void TestScenarioStore::setScenariosStartsEverySequenceAgain()
{
    ScenarioStore store;
    const ScenarioSetPtr set = parse(orders);
    store.setScenarios(set);
    store.nextStep(QStringLiteral("createOrder"), 3);
    store.setScenarios(set); // the same set: still a fresh start (a new file opened, a test's init)
    QCOMPARE(store.nextStep(QStringLiteral("createOrder"), 3), 0);
}

void TestScenarioStore::adopt_data()
{
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("createOrderStep"); // the step createOrder answers next (it was at 2)
    QTest::addColumn<int>("healthStep"); // the step health answers next (it was at 1)
    QTest::addColumn<QStringList>("restarted");
    QTest::addRow("same file") << orders << 2 << 1 << QStringList();
    QTest::addRow("another part of the file changed")
        << (orders + "operations:\n  getBook:\n    delay: 20ms\n") << 2 << 1 << QStringList();
    QTest::addRow("createOrder's sequence changed")
        << QByteArray("sequence:\n  createOrder: [ { status: 201 }, { status: 429 } ]\n"
                      "  health: [ { status: 200 }, { status: 200, headers: { X-Step: \"2\" } } ]\n")
        << 0 << 1 << QStringList { QStringLiteral("createOrder") };
    QTest::addRow("a header of one step changed")
        << QByteArray("sequence:\n  createOrder: [ { status: 201 }, { status: 201 }, { status: 429 } ]\n"
                      "  health: [ { status: 200 }, { status: 200, headers: { X-Step: \"3\" } } ]\n")
        << 2 << 0 << QStringList { QStringLiteral("health") };
    QTest::addRow("sequence removed, then written again")
        << QByteArray("sequence:\n  health: [ { status: 200 }, { status: 200, headers: { X-Step: \"2\" } } ]\n") << 0
        << 1 << QStringList();
}

void TestScenarioStore::adopt()
{
    QFETCH(QByteArray, after);
    QFETCH(int, createOrderStep);
    QFETCH(int, healthStep);
    QFETCH(QStringList, restarted);
    ScenarioStore store;
    store.setScenarios(parse(orders));
    store.nextStep(QStringLiteral("createOrder"), 3);
    store.nextStep(QStringLiteral("createOrder"), 3);
    store.nextStep(QStringLiteral("health"), 2);
    const ScenarioSetPtr next = parse(after);
    QVERIFY(next);
    QCOMPARE(store.adoptScenarios(next), restarted);
    QCOMPARE(store.scenarios(), next);
    if (!next->forOperation(QStringLiteral("createOrder")))
        store.adoptScenarios(parse(orders)); // written again: it starts from its first step
    QCOMPARE(store.nextStep(QStringLiteral("createOrder"), 3), createOrderStep);
    QCOMPARE(store.nextStep(QStringLiteral("health"), 2), healthStep);
}

void TestScenarioStore::restartIsSaidOnceOnTheNextStep()
{
    ScenarioStore store;
    store.setScenarios(parse(orders));
    bool restarted = true;
    store.nextStep(QStringLiteral("createOrder"), 3, &restarted);
    QVERIFY(!restarted);
    store.adoptScenarios(parse("sequence:\n  createOrder: [ { status: 429 } ]\n"));
    QCOMPARE(store.nextStep(QStringLiteral("createOrder"), 1, &restarted), 0);
    QVERIFY(restarted);
    store.nextStep(QStringLiteral("createOrder"), 1, &restarted);
    QVERIFY(!restarted);
}

QTEST_GUILESS_MAIN(TestScenarioStore)
#include "tst_scenariostore.moc"
