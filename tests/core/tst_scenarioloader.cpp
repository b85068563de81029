// SPDX-License-Identifier: MIT
// understudy.yaml -> ScenarioSet: every form of the file, and every bad entry as a diagnostic with its line.
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/definition/projectfiles.h"
#include "core/scenarios/scenarioloader.h"

class TestScenarioLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exampleFile();
    void delays_data();
    void delays();
    void faults_data();
    void faults();
    void diagnostics_data();
    void diagnostics();
    void lognormalHasItsMedianAndP99();
    void discoveryStopsAtTheProjectRoot();
    void unreadableFileIsAnError();
    void forcedEntries();

private:
    DefinitionPtr m_definition;
};

void TestScenarioLoader::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

void TestScenarioLoader::exampleFile()
{
    const ScenarioResult r =
        ScenarioLoader::load(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/understudy.yaml"), m_definition.get());
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(r.diagnostics.value(0).toString()));
    QVERIFY(r.scenarios);
    const OperationScenario* getBook = r.scenarios->forOperation(QStringLiteral("getBook"));
    QVERIFY(getBook);
    QCOMPARE(getBook->rules.size(), 3);
    QCOMPARE(getBook->rules[0].line, 5);
    QCOMPARE(getBook->rules[0].then.status, 404);
    QCOMPARE(getBook->rules[0].when.size(), 1);
    QCOMPARE(getBook->rules[0].when[0].source, Condition::Source::Path);
    QCOMPARE(getBook->rules[0].when[0].text, QStringLiteral("42"));
    QVERIFY(getBook->rules[1].when[0].isRegex);
    QCOMPARE(getBook->rules[1].then.headers.value(0).first, QByteArray("Retry-After"));
    // "POST /orders" names createOrder: its rules and its sequence are one scenario.
    const OperationScenario* order = r.scenarios->forOperation(QStringLiteral("createOrder"));
    QVERIFY(order);
    QCOMPARE(order->rules.size(), 2);
    QCOMPARE(order->rules[0].when[0].source, Condition::Source::Body);
    QCOMPARE(order->rules[0].when[0].json, QJsonValue(0));
    QCOMPARE(order->sequence.size(), 3);
    QCOMPARE(order->sequence[2].status, 429);
}

void TestScenarioLoader::delays_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addRow("fixed ms") << QByteArray("250ms") << int(DelaySpec::Kind::Fixed) << 250.0 << 0.0;
    QTest::addRow("fixed seconds") << QByteArray("1.5s") << int(DelaySpec::Kind::Fixed) << 1500.0 << 0.0;
    QTest::addRow("bare number is ms") << QByteArray("80") << int(DelaySpec::Kind::Fixed) << 80.0 << 0.0;
    QTest::addRow("uniform") << QByteArray("{ uniform: [100ms, 400ms] }") << int(DelaySpec::Kind::Uniform) << 100.0
                             << 400.0;
    QTest::addRow("lognormal") << QByteArray("{ lognormal: { median: 80ms, p99: 1.5s } }")
                               << int(DelaySpec::Kind::LogNormal) << 80.0 << 1500.0;
}

void TestScenarioLoader::delays()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, kind);
    QFETCH(double, a);
    QFETCH(double, b);
    const ScenarioResult r =
        ScenarioLoader::parse("operations:\n  \"*\":\n    delay: " + yaml + "\n", QStringLiteral("u.yaml"), nullptr);
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(r.diagnostics.value(0).toString()));
    QCOMPARE(int(r.scenarios->all.delay.kind), kind);
    QCOMPARE(r.scenarios->all.delay.a, a);
    QCOMPARE(r.scenarios->all.delay.b, b);
}

void TestScenarioLoader::faults_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("rate");
    QTest::addRow("map with percent") << QByteArray("{ rate: 5%, kind: reset }") << QStringLiteral("reset") << 0.05;
    QTest::addRow("bare kind is always") << QByteArray("timeout") << QStringLiteral("timeout") << 1.0;
    QTest::addRow("status fault") << QByteArray("{ kind: status 503, rate: 30% }") << QStringLiteral("status 503")
                                  << 0.30;
    QTest::addRow("plain number rate is percent")
        << QByteArray("{ kind: garbage, rate: 12.5 }") << QStringLiteral("garbage") << 0.125;
}

void TestScenarioLoader::faults()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, kind);
    QFETCH(double, rate);
    const ScenarioResult r = ScenarioLoader::parse(
        "operations:\n  health:\n    faults: " + yaml + "\n", QStringLiteral("u.yaml"), m_definition.get());
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(r.diagnostics.value(0).toString()));
    const OperationScenario* s = r.scenarios->forOperation(QStringLiteral("health"));
    QVERIFY(s);
    QCOMPARE(s->faults.kindName(), kind);
    QCOMPARE(s->faults.rate, rate);
}

void TestScenarioLoader::diagnostics_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("yaml syntax error") << QByteArray("operations:\n  getBook: [\n") << QStringLiteral("scenario-syntax")
                                       << 3 << QStringLiteral("invalid YAML");
    QTest::addRow("unknown operation") << QByteArray("operations:\n  nope:\n    delay: 1s\n")
                                       << QStringLiteral("scenario-unknown-operation") << 2
                                       << QStringLiteral("no operation 'nope'");
    QTest::addRow("undefined status") << QByteArray(
        "operations:\n  getBook:\n    rules:\n      - when: {}\n        then: { status: 418 }\n")
                                      << QStringLiteral("scenario-undefined-status") << 5
                                      << QStringLiteral("does not define status 418");
    QTest::addRow("bad regex") << QByteArray("operations:\n  getBook:\n    rules:\n      - when: { path: { bookId: "
                                             "{ regex: \"(\" } } }\n        then: { status: 404 }\n")
                               << QStringLiteral("scenario-invalid") << 4
                               << QStringLiteral("invalid regular expression");
    QTest::addRow("bad duration") << QByteArray("operations:\n  \"*\":\n    delay: soon\n")
                                  << QStringLiteral("scenario-invalid") << 3 << QStringLiteral("a duration is like");
    QTest::addRow("range upside down") << QByteArray("operations:\n  \"*\":\n    delay: { uniform: [2s, 1s] }\n")
                                       << QStringLiteral("scenario-invalid") << 3 << QStringLiteral("high end");
    QTest::addRow("unknown fault") << QByteArray("operations:\n  \"*\":\n    faults: { kind: explode, rate: 1% }\n")
                                   << QStringLiteral("scenario-invalid") << 3 << QStringLiteral("unknown fault");
    QTest::addRow("rate over 100") << QByteArray("operations:\n  \"*\":\n    faults: { kind: reset, rate: 150% }\n")
                                   << QStringLiteral("scenario-invalid") << 3 << QStringLiteral("percentage");
    QTest::addRow("unknown condition") << QByteArray(
        "operations:\n  getBook:\n    rules:\n      - when: { cookie: { a: 1 } }\n        then: { "
        "status: 404 }\n") << QStringLiteral("scenario-invalid")
                                       << 4 << QStringLiteral("unknown condition 'cookie'");
    QTest::addRow("body condition without pointer")
        << QByteArray("operations:\n  createOrder:\n    rules:\n      - when: { body: { quantity: 0 } }\n        "
                      "then: { status: 409 }\n")
        << QStringLiteral("scenario-invalid") << 4 << QStringLiteral("JSON pointer");
    QTest::addRow("rule without then") << QByteArray("operations:\n  getBook:\n    rules:\n      - when: {}\n")
                                       << QStringLiteral("scenario-invalid") << 4 << QStringLiteral("needs 'then'");
    QTest::addRow("unknown top-level key") << QByteArray("operation: {}\n") << QStringLiteral("scenario-unknown-key")
                                           << 1 << QStringLiteral("unknown key 'operation'");
    QTest::addRow("not a mapping") << QByteArray("- 1\n- 2\n") << QStringLiteral("scenario-invalid") << 1
                                   << QStringLiteral("is a mapping");
    QTest::addRow("sequence not a list") << QByteArray("sequence:\n  createOrder: { status: 201 }\n")
                                         << QStringLiteral("scenario-invalid") << 2
                                         << QStringLiteral("list of answers");
    QTest::addRow("header with newline") << QByteArray(
        "operations:\n  getBook:\n    rules:\n      - then: { headers: { X-A: \"a\\nb\" } }\n")
                                         << QStringLiteral("scenario-invalid") << 4 << QStringLiteral("one-line");
}

void TestScenarioLoader::diagnostics()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    const ScenarioResult r = ScenarioLoader::parse(yaml, QStringLiteral("/p/understudy.yaml"), m_definition.get());
    QVERIFY(!r.diagnostics.isEmpty());
    const Diagnostic& d = r.diagnostics.first();
    QCOMPARE(d.code, code);
    QCOMPARE(d.line, line);
    QCOMPARE(d.file, QStringLiteral("/p/understudy.yaml"));
    QVERIFY2(d.message.contains(messagePart), qPrintable(d.message));
    // A bad rule is dropped; nothing half-read serves.
    if (r.scenarios)
        if (const OperationScenario* s = r.scenarios->forOperation(QStringLiteral("getBook")))
            QVERIFY(s->rules.isEmpty());
}

void TestScenarioLoader::lognormalHasItsMedianAndP99()
{
    DelaySpec d;
    d.kind = DelaySpec::Kind::LogNormal;
    d.a = 80;
    d.b = 1500;
    QCOMPARE(d.sample(0.5), qint64(80));
    QVERIFY(qAbs(d.sample(0.99) - 1500) <= 1);
    QVERIFY(d.sample(0.01) < 80);
    DelaySpec u;
    u.kind = DelaySpec::Kind::Uniform;
    u.a = 100;
    u.b = 400;
    QCOMPARE(u.sample(0.0), qint64(100));
    QCOMPARE(u.sample(0.5), qint64(250));
}

void TestScenarioLoader::discoveryStopsAtTheProjectRoot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("outer/project/api")));
    const auto touch = [](const QString& path) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    };
    touch(root.filePath(QStringLiteral("outer/understudy.yaml")));
    touch(root.filePath(QStringLiteral("outer/project/api/openapi.yaml")));
    QVERIFY(root.mkpath(QStringLiteral("outer/project/.git")));
    const QString definition = root.filePath(QStringLiteral("outer/project/api/openapi.yaml"));
    QCOMPARE(ScenarioLoader::discover(definition), QString()); // the one above the project never applies
    touch(root.filePath(QStringLiteral("outer/project/understudy.yaml")));
    QCOMPARE(ScenarioLoader::discover(definition), root.filePath(QStringLiteral("outer/project/understudy.yaml")));
    touch(root.filePath(QStringLiteral("outer/project/api/understudy.yaml")));
    QCOMPARE(ScenarioLoader::discover(definition), root.filePath(QStringLiteral("outer/project/api/understudy.yaml")));
    QCOMPARE(ScenarioLoader::discover(QStringLiteral(":/examples/bookshelf.yaml")), QString());

    // Without .git or redocly.yaml anywhere up, the project is the definition's own folder: a scenario file in a
    // shared folder above it (/tmp, a downloads folder) does not apply.
    QVERIFY(root.mkpath(QStringLiteral("loose/defs")));
    touch(root.filePath(QStringLiteral("loose/understudy.yaml")));
    touch(root.filePath(QStringLiteral("loose/defs/openapi.yaml")));
    const QString loose = root.filePath(QStringLiteral("loose/defs/openapi.yaml"));
    if (ProjectFiles::projectRoot(loose) != QFileInfo(root.filePath(QStringLiteral("loose/defs"))).canonicalFilePath())
        QSKIP("a folder above the temporary folder holds .git or redocly.yaml");
    QCOMPARE(ScenarioLoader::discover(loose), QString());
    touch(root.filePath(QStringLiteral("loose/defs/understudy.yaml")));
    QCOMPARE(ScenarioLoader::discover(loose), root.filePath(QStringLiteral("loose/defs/understudy.yaml")));
}

void TestScenarioLoader::unreadableFileIsAnError()
{
    const ScenarioResult r = ScenarioLoader::load(QStringLiteral("/nonexistent/understudy.yaml"), nullptr);
    QVERIFY(!r.scenarios);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.first().code, QStringLiteral("scenario-unreadable"));
    QVERIFY(r.diagnostics.first().toString().contains(QStringLiteral("no such file")));
}

void TestScenarioLoader::forcedEntries()
{
    const ScenarioResult r = ScenarioLoader::parse("operations:\n"
                                                   "  getBook:\n"
                                                   "    forced: { status: 404 }\n"
                                                   "  \"GET /books\":\n"
                                                   "    forced: { example: many }\n"
                                                   "  health:\n"
                                                   "    forced: { status: 418 }\n"
                                                   "  \"*\":\n"
                                                   "    forced: { status: 200 }\n",
        QStringLiteral("u.yaml"), m_definition.get());
    QCOMPARE(r.forced.value(QStringLiteral("getBook")).status, 404);
    QCOMPARE(r.forced.value(QStringLiteral("listBooks")).example, QStringLiteral("many"));
    QVERIFY(!r.forced.contains(QStringLiteral("health")));
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics[0].code, QStringLiteral("scenario-undefined-status"));
    QCOMPARE(r.diagnostics[0].line, 7);
    QCOMPARE(r.diagnostics[1].line, 9);
    QCOMPARE(ScenarioLoader::forcedText(ScenarioForced { 404, QStringLiteral("Not \"here\"") }),
        QStringLiteral("{ status: 404, example: \"Not \\\"here\\\"\" }"));
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
