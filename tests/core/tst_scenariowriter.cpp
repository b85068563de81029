// SPDX-License-Identifier: MIT
// understudy.yaml edited as text: unchanged values keep the file byte for byte; changed ones rewrite only their entry.
#include <QFile>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/scenarios/scenarioloader.h"
#include "core/scenarios/scenariowriter.h"

class TestScenarioWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unchangedRoundTripIsByteForByte();
    void changingTheDelayKeepsCommentsAndOrder();
    void emittedRulesReadBackTheSame();
    void newOperationIsAppendedToOperations();
    void emptyFileGetsOperations();
    void removingTheLastFieldLeavesAnEmptyMapping();
    void flowStyleOperationIsAnError();

private:
    OperationScenario read(const QByteArray& text, const QString& id);
    DefinitionPtr m_definition;
    QByteArray m_example;
};

void TestScenarioWriter::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
    QFile f(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/understudy.yaml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_example = f.readAll();
}

OperationScenario TestScenarioWriter::read(const QByteArray& text, const QString& id)
{
    const ScenarioResult r = ScenarioLoader::parse(text, QStringLiteral("u.yaml"), m_definition.get());
    if (!r.diagnostics.isEmpty())
        qWarning() << r.diagnostics.first().toString();
    const OperationScenario* s = r.scenarios ? r.scenarios->forOperation(id) : nullptr;
    return s ? *s : OperationScenario();
}

void TestScenarioWriter::unchangedRoundTripIsByteForByte()
{
    for (const QString& id : std::initializer_list<QString> {
             QStringLiteral("getBook"), QStringLiteral("listBooks"), QStringLiteral("createOrder") }) {
        const OperationScenario s = read(m_example, id);
        QString error;
        QCOMPARE(ScenarioWriter::apply(m_example, s.key, s, s, &error), m_example);
        QVERIFY(error.isEmpty());
    }
}

void TestScenarioWriter::changingTheDelayKeepsCommentsAndOrder()
{
    const OperationScenario before = read(m_example, QStringLiteral("getBook"));
    OperationScenario after = before;
    after.delay.kind = DelaySpec::Kind::Uniform;
    after.delay.a = 100;
    after.delay.b = 400;
    QString error;
    const QByteArray edited = ScenarioWriter::apply(m_example, before.key, before, after, &error);
    QVERIFY2(!edited.isEmpty(), qPrintable(error));
    // One line added after getBook's rules; every original line still there, in order.
    const QList<QByteArray> was = m_example.split('\n');
    QList<QByteArray> now = edited.split('\n');
    QCOMPARE(now.size(), was.size() + 1);
    const qsizetype added = now.indexOf("    delay: { uniform: [100ms, 400ms] }");
    QVERIFY2(added > 0, edited.constData());
    now.removeAt(added);
    QCOMPARE(now, was);
    QCOMPARE(read(edited, QStringLiteral("getBook")).delay.b, 400.0);
    QCOMPARE(read(edited, QStringLiteral("getBook")).rules.size(), 3);

    // Changing it again rewrites that line only.
    OperationScenario again = read(edited, QStringLiteral("getBook"));
    OperationScenario fixed = again;
    fixed.delay = DelaySpec { DelaySpec::Kind::Fixed, 250, 0 };
    const QByteArray twice = ScenarioWriter::apply(edited, again.key, again, fixed, &error);
    QVERIFY(twice.contains("    delay: 250ms\n"));
    QCOMPARE(twice.split('\n').size(), edited.split('\n').size());
}

void TestScenarioWriter::emittedRulesReadBackTheSame()
{
    const OperationScenario before = read(m_example, QStringLiteral("listBooks"));
    OperationScenario after = before;
    std::swap(after.rules[0], after.rules[1]); // reorder
    Rule added;
    Condition c;
    c.source = Condition::Source::Body;
    c.name = QStringLiteral("/note");
    c.text = QStringLiteral("say \"hi\"");
    c.json = c.text;
    added.when << c;
    added.then.status = 403;
    added.then.headers << qMakePair(QByteArray("X-Why"), QByteArray("a: b"));
    added.then.fault.kind = FaultSpec::Kind::Reset;
    added.then.fault.rate = 0.25;
    after.rules << added;
    QString error;
    const QByteArray edited = ScenarioWriter::apply(m_example, before.key, before, after, &error);
    QVERIFY2(!edited.isEmpty(), qPrintable(error));
    const OperationScenario back = read(edited, QStringLiteral("listBooks"));
    QCOMPARE(back.rules.size(), 3);
    QCOMPARE(ScenarioWriter::rulesText(back.rules), ScenarioWriter::rulesText(after.rules));
    QVERIFY(back.rules[0].when[0].isRegex);
    QCOMPARE(back.rules[2].when[0].text, QStringLiteral("say \"hi\""));
    QCOMPARE(back.rules[2].then.fault.rate, 0.25);
    // The other operations are untouched, comments included.
    QVERIFY(edited.startsWith("# Scenarios for the shop used by tst_scenarioserver.\noperations:\n  getBook:\n"));
    QVERIFY(edited.contains("    rules:                      # first match wins\n"));
    QVERIFY(edited.endsWith(m_example.mid(m_example.indexOf("  createOrder:"))));
}

void TestScenarioWriter::newOperationIsAppendedToOperations()
{
    const QByteArray text = "# top\noperations:\n  getBook:\n    delay: 1s\n\n# about sequences\nsequence:\n"
                            "  createOrder: [ { status: 201 } ]\n";
    OperationScenario after;
    after.faults.kind = FaultSpec::Kind::Status;
    after.faults.status = 503;
    after.faults.rate = 0.05;
    QString error;
    const QByteArray edited = ScenarioWriter::apply(text, QStringLiteral("health"), OperationScenario(), after, &error);
    QCOMPARE(edited,
        QByteArray("# top\noperations:\n  getBook:\n    delay: 1s\n  health:\n    faults: { kind: status 503, rate: 5% "
                   "}\n\n# about sequences\nsequence:\n  createOrder: [ { status: 201 } ]\n"));
    QCOMPARE(read(edited, QStringLiteral("health")).faults.rate, 0.05);
}

void TestScenarioWriter::emptyFileGetsOperations()
{
    OperationScenario after;
    after.delay = DelaySpec { DelaySpec::Kind::LogNormal, 80, 1500 };
    QString error;
    const QByteArray edited =
        ScenarioWriter::apply(QByteArray(), QStringLiteral("*"), OperationScenario(), after, &error);
    QCOMPARE(edited, QByteArray("operations:\n  \"*\":\n    delay: { lognormal: { median: 80ms, p99: 1.5s } }\n"));
    const ScenarioResult r = ScenarioLoader::parse(edited, QStringLiteral("u.yaml"), m_definition.get());
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.scenarios->all.delay.b, 1500.0);
}

void TestScenarioWriter::removingTheLastFieldLeavesAnEmptyMapping()
{
    const QByteArray text = "operations:\n  health:\n    delay: 20ms   # fast\n  getBook:\n    delay: 1s\n";
    OperationScenario before = read(text, QStringLiteral("health"));
    OperationScenario after = before;
    after.delay = DelaySpec();
    QString error;
    QCOMPARE(ScenarioWriter::apply(text, before.key, before, after, &error),
        QByteArray("operations:\n  health: {}\n  getBook:\n    delay: 1s\n"));
}

void TestScenarioWriter::flowStyleOperationIsAnError()
{
    const QByteArray text = "operations:\n  health: { delay: 20ms }\n";
    OperationScenario before = read(text, QStringLiteral("health"));
    OperationScenario after = before;
    after.delay.a = 30;
    QString error;
    QVERIFY(ScenarioWriter::apply(text, before.key, before, after, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("flow style")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
