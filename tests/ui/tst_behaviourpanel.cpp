// SPDX-License-Identifier: MIT
// The Behaviour panel edits understudy.yaml: round trip keeps the file, edits reach the mock, the first edit creates
// the file; the Network control and the log's delay and fault marks.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "ui/models/forcedsettings.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/behaviourpanel.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/serverbar.h"

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool openAndWait(MockSession& session, const QString& path)
{
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    session.open(path);
    return loaded.wait(5000);
}

} // namespace

class TestBehaviourPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void roundTripKeepsTheFile();
    void latencyEditRewritesOneLine();
    void firstEditAsksWhereAndCreatesTheFile();
    void rulesReorderAndRemove();
    void invalidRuleIsShownAndNotSaved();
    void networkControlSetsTheProfile();
    void networkChoiceIsRememberedPerDefinition();
    void logMarksDelayAndFault();
    void newFileTakesOverTheForcing();
    void forcedInTheFileServesHeadlessToo();
    void windowMigratesSettingsForcingIntoTheFileOnce();

private:
    QString setUp(bool withScenarios);

    QTemporaryDir* m_dir = nullptr;
    MockSession* m_session = nullptr;
    BehaviourPanel* m_panel = nullptr;
    QByteArray m_example;
};

void TestBehaviourPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_behaviourpanel"));
    QSettings().clear();
}

void TestBehaviourPanel::cleanupTestCase()
{
    delete m_panel;
    delete m_session;
    delete m_dir;
    m_panel = nullptr;
    m_session = nullptr;
    m_dir = nullptr;
}

void TestBehaviourPanel::init()
{
    delete m_panel;
    delete m_session;
    delete m_dir;
    m_dir = new QTemporaryDir;
    m_session = new MockSession;
    m_session->setWatchEnabled(false);
    m_panel = new BehaviourPanel;
    m_panel->setSession(m_session);
    m_panel->setSaveLocationChooser([](const QString&) { return QString(); });
    m_example = readAll(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/understudy.yaml"));
}

QString TestBehaviourPanel::setUp(bool withScenarios)
{
    const QString definition = m_dir->filePath(QStringLiteral("openapi.yaml"));
    write(definition, readAll(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml")));
    if (withScenarios)
        write(m_dir->filePath(QStringLiteral("understudy.yaml")), m_example);
    if (!openAndWait(*m_session, definition))
        return {};
    return definition;
}

void TestBehaviourPanel::roundTripKeepsTheFile()
{
    QVERIFY(!setUp(true).isEmpty());
    const QString file = m_dir->filePath(QStringLiteral("understudy.yaml"));
    for (const QString& id : std::initializer_list<QString> {
             QStringLiteral("getBook"), QStringLiteral("listBooks"), QStringLiteral("createOrder") }) {
        m_panel->setOperation(m_session->definition(), id);
        QVERIFY(m_panel->rulesTable()->rowCount() > 0);
        QVERIFY2(m_panel->save(), qPrintable(m_panel->statusLabel()->text()));
        QCOMPARE(readAll(file), m_example);
    }
}

void TestBehaviourPanel::latencyEditRewritesOneLine()
{
    QVERIFY(!setUp(true).isEmpty());
    m_panel->setOperation(m_session->definition(), QStringLiteral("getBook"));
    QCOMPARE(m_panel->rulesTable()->rowCount(), 3);
    QCOMPARE(m_panel->rulesTable()->item(0, 0)->text(), QStringLiteral("{ path: { bookId: 42 } }"));
    m_panel->latencyKind()->setCurrentIndex(2); // range
    m_panel->latencyFirst()->setText(QStringLiteral("100ms"));
    m_panel->latencySecond()->setText(QStringLiteral("400ms"));
    QVERIFY2(m_panel->save(), qPrintable(m_panel->statusLabel()->text()));
    const QByteArray now = readAll(m_dir->filePath(QStringLiteral("understudy.yaml")));
    QByteArray expected = m_example;
    expected.insert(expected.indexOf("  listBooks:"), "    delay: { uniform: [100ms, 400ms] }\n");
    QCOMPARE(now, expected);
    // The mock uses it at once.
    const ScenarioSetPtr set = m_session->service()->scenarios()->scenarios();
    QCOMPARE(set->forOperation(QStringLiteral("getBook"))->delay.kind, DelaySpec::Kind::Uniform);
    QCOMPARE(set->forOperation(QStringLiteral("getBook"))->rules.size(), 3);
}

void TestBehaviourPanel::firstEditAsksWhereAndCreatesTheFile()
{
    QVERIFY(!setUp(false).isEmpty());
    QString asked;
    const QString target = m_dir->filePath(QStringLiteral("understudy.yaml"));
    m_panel->setSaveLocationChooser([&asked](const QString& suggested) {
        asked = suggested;
        return suggested;
    });
    m_panel->setOperation(m_session->definition(), QStringLiteral("health"));
    m_panel->faultKind()->setCurrentIndex(1); // reset
    m_panel->faultRate()->setValue(5);
    QVERIFY2(m_panel->save(), qPrintable(m_panel->statusLabel()->text()));
    QCOMPARE(asked, target);
    QCOMPARE(readAll(target), QByteArray("operations:\n  health:\n    faults: { kind: reset, rate: 5% }\n"));
    QCOMPARE(m_session->scenarioSource(), target);
    // Cancelling the question leaves everything as it was.
    m_panel->setSaveLocationChooser([](const QString&) { return QString(); });
    QVERIFY(m_panel->save()); // the file exists now: no question
}

void TestBehaviourPanel::rulesReorderAndRemove()
{
    QVERIFY(!setUp(true).isEmpty());
    const QString file = m_dir->filePath(QStringLiteral("understudy.yaml"));
    m_panel->setOperation(m_session->definition(), QStringLiteral("listBooks"));
    QCOMPARE(m_panel->rulesTable()->rowCount(), 2);
    m_panel->rulesTable()->setCurrentCell(1, 0);
    m_panel->ruleButton(2)->click(); // up
    QVERIFY(
        readAll(file).contains("    rules:\n      - when: { header: { X-Tier: { regex: \"^(silver|bronze)$\" } } }\n"
                               "        then: { status: 403 }\n"));
    QCOMPARE(
        m_session->service()->scenarios()->scenarios()->forOperation(QStringLiteral("listBooks"))->rules[0].then.status,
        403);
    m_panel->ruleButton(0)->click(); // add: a rule answering the first response
    QCOMPARE(m_panel->rulesTable()->rowCount(), 3);
    QVERIFY(readAll(file).contains("      - when: {}\n        then: { status: 200 }\n"));
    m_panel->rulesTable()->setCurrentCell(0, 0);
    m_panel->ruleButton(1)->click(); // remove
    m_panel->rulesTable()->setCurrentCell(0, 0);
    m_panel->ruleButton(1)->click();
    m_panel->rulesTable()->setCurrentCell(0, 0);
    m_panel->ruleButton(1)->click();
    QCOMPARE(m_panel->rulesTable()->rowCount(), 0);
    const QByteArray now = readAll(file);
    QVERIFY2(now.contains("  listBooks: {}\n  createOrder:\n"), now.constData());
    QVERIFY(now.startsWith("# Scenarios for the shop used by tst_scenarioserver.\n"));
}

void TestBehaviourPanel::invalidRuleIsShownAndNotSaved()
{
    QVERIFY(!setUp(true).isEmpty());
    m_panel->setOperation(m_session->definition(), QStringLiteral("getBook"));
    m_panel->rulesTable()->item(1, 1)->setText(QStringLiteral("{ status: 418 }")); // saves on edit
    QVERIFY(m_panel->statusLabel()->property("error").toBool());
    QVERIFY2(
        m_panel->statusLabel()->text().contains(QStringLiteral("Rule 2")), qPrintable(m_panel->statusLabel()->text()));
    QCOMPARE(readAll(m_dir->filePath(QStringLiteral("understudy.yaml"))), m_example);
}

void TestBehaviourPanel::networkControlSetsTheProfile()
{
    ServerBar bar(m_session);
    QComboBox* network = bar.networkCombo();
    QVERIFY(network);
    network->setCurrentIndex(2);
    emit network->activated(2);
    QCOMPARE(m_session->service()->scenarios()->network(), NetworkProfile::Flaky);
    network->setCurrentIndex(0);
    emit network->activated(0);
    QCOMPARE(m_session->service()->scenarios()->network(), NetworkProfile::Off);
}

void TestBehaviourPanel::networkChoiceIsRememberedPerDefinition()
{
    const QString first = m_dir->filePath(QStringLiteral("openapi.yaml"));
    const QString second = m_dir->filePath(QStringLiteral("other.yaml"));
    write(first, readAll(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml")));
    write(second, readAll(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml")));
    const auto open = [](MainWindow& w, const QString& path) {
        QSignalSpy done(&w, &MainWindow::loadFinished);
        w.openDefinition(path, false);
        return done.wait(20000);
    };
    {
        MainWindow w;
        QVERIFY(open(w, first));
        QComboBox* network = w.serverBar()->networkCombo();
        QCOMPARE(network->currentData().toInt(), int(NetworkProfile::Off));
        network->setCurrentIndex(network->findData(int(NetworkProfile::Slow3G)));
        emit network->activated(network->currentIndex());
        QCOMPARE(w.session()->service()->scenarios()->network(), NetworkProfile::Slow3G);
        // Another definition has its own choice (none yet: normal).
        QVERIFY(open(w, second));
        QCOMPARE(network->currentData().toInt(), int(NetworkProfile::Off));
        QCOMPARE(w.session()->service()->scenarios()->network(), NetworkProfile::Off);
        network->setCurrentIndex(network->findData(int(NetworkProfile::Flaky)));
        emit network->activated(network->currentIndex());
    }
    // A new window (the next start) restores each definition's choice when it opens it.
    MainWindow again;
    QVERIFY(open(again, first));
    QCOMPARE(again.serverBar()->networkCombo()->currentData().toInt(), int(NetworkProfile::Slow3G));
    QCOMPARE(again.session()->service()->scenarios()->network(), NetworkProfile::Slow3G);
    QVERIFY(open(again, second));
    QCOMPARE(again.serverBar()->networkCombo()->currentData().toInt(), int(NetworkProfile::Flaky));
    QCOMPARE(again.session()->service()->scenarios()->network(), NetworkProfile::Flaky);
    // Back to normal is remembered too.
    QComboBox* network = again.serverBar()->networkCombo();
    network->setCurrentIndex(network->findData(int(NetworkProfile::Off)));
    emit network->activated(network->currentIndex());
    QVERIFY(open(again, first));
    QVERIFY(open(again, second));
    QCOMPARE(again.session()->service()->scenarios()->network(), NetworkProfile::Off);
}

void TestBehaviourPanel::logMarksDelayAndFault()
{
    RequestLogModel model;
    RequestLogEntry e;
    e.method = "GET";
    e.path = QStringLiteral("/books/42");
    e.status = 404;
    e.durationUs = 300;
    e.delayMs = 250;
    e.fault = QStringLiteral("reset");
    e.scenarioRule = QStringLiteral("getBook#1");
    model.handleRequest(e);
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    const QString duration = model.index(0, RequestLogModel::DurationColumn).data().toString();
    QVERIFY2(duration.contains(QStringLiteral("250 ms")), qPrintable(duration));
    const QString flags = model.index(0, RequestLogModel::FlagsColumn).data().toString();
    QVERIFY2(flags.contains(QStringLiteral("reset")) && flags.contains(QStringLiteral("getBook#1")), qPrintable(flags));
}

void TestBehaviourPanel::newFileTakesOverTheForcing()
{
    QVERIFY(!setUp(false).isEmpty());
    m_session->forcedResponses()->set(QStringLiteral("getBook"), ForcedResponse { 404, QString() });
    const QString target = m_dir->filePath(QStringLiteral("understudy.yaml"));
    m_panel->setSaveLocationChooser([](const QString& suggested) { return suggested; });
    m_panel->setOperation(m_session->definition(), QStringLiteral("health"));
    m_panel->latencyKind()->setCurrentIndex(1);
    m_panel->latencyFirst()->setText(QStringLiteral("20ms"));
    QVERIFY2(m_panel->save(), qPrintable(m_panel->statusLabel()->text()));
    QCOMPARE(readAll(target),
        QByteArray("operations:\n  health:\n    delay: 20ms\n  getBook:\n    forced: { status: 404 }\n"));
    // Read back from the file: still forced.
    QCOMPARE(m_session->forcedResponses()->lookup(QStringLiteral("getBook")).status, 404);
}

void TestBehaviourPanel::forcedInTheFileServesHeadlessToo()
{
    QVERIFY(!setUp(false).isEmpty());
    write(m_dir->filePath(QStringLiteral("understudy.yaml")),
        "operations:\n  listBooks:\n    forced: { status: 200, example: many }\n");
    m_session->reloadScenarios();
    const ForcedResponse f = m_session->forcedResponses()->lookup(QStringLiteral("listBooks"));
    QCOMPARE(f.status, 200);
    QCOMPARE(f.example, QStringLiteral("many"));
}

void TestBehaviourPanel::windowMigratesSettingsForcingIntoTheFileOnce()
{
    const QString definition = m_dir->filePath(QStringLiteral("openapi.yaml"));
    write(definition, readAll(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml")));
    const QString file = m_dir->filePath(QStringLiteral("understudy.yaml"));
    write(file, m_example);
    {
        QSettings settings;
        ForcedSettings::save(settings, definition, { { QStringLiteral("health"), ForcedResponse { 200, QString() } } });
    }
    MainWindow w;
    QSignalSpy done(&w, &MainWindow::loadFinished);
    w.openDefinition(definition, false);
    QVERIFY(done.wait(20000));
    QByteArray expected = m_example;
    expected += "  health:\n    forced: { status: 200 }\n";
    QCOMPARE(readAll(file), expected);
    QSettings settings;
    QVERIFY(ForcedSettings::load(settings, definition).isEmpty()); // moved, once
    QCOMPARE(w.session()->forcedResponses()->lookup(QStringLiteral("health")).status, 200);

    // From now on the forcing panel writes into the file.
    w.session()->forcedResponses()->set(QStringLiteral("health"), ForcedResponse());
    emit w.findChild<ForcedResponsePanel*>()->forcedChanged();
    QCOMPARE(readAll(file), m_example + "  health: {}\n");
    QVERIFY(ForcedSettings::load(settings, definition).isEmpty());
}

QTEST_MAIN(TestBehaviourPanel)
#include "tst_behaviourpanel.moc"
