// SPDX-License-Identifier: MIT
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "ui/models/forcedsettings.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "uitestutils.h"

class TestForcedResponsePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void offersDefinedStatusesAndExamples();
    void appliesImmediately();
    void resetAll();
    void disabledWithoutOperation();
    void settingsRoundTrip_data();
    void settingsRoundTrip();

private:
    static void choose(QComboBox* combo, const QVariant& data);
};

void TestForcedResponsePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_forcedresponsepanel"));
    QSettings().clear();
}

void TestForcedResponsePanel::choose(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

void TestForcedResponsePanel::offersDefinedStatusesAndExamples()
{
    ForcedResponsePanel panel;
    panel.setStore(std::make_shared<ForcedResponseStore>());
    panel.setOperation(UiTestUtils::petStore(), QStringLiteral("listPets"));
    QStringList statuses;
    for (int i = 0; i < panel.statusCombo()->count(); ++i)
        statuses << panel.statusCombo()->itemData(i).toString();
    QCOMPARE(statuses, (QStringList { QStringLiteral("0"), QStringLiteral("200"), QStringLiteral("404") }));
    // Automatic status: the examples of the lowest 2xx response.
    QStringList examples;
    for (int i = 0; i < panel.exampleCombo()->count(); ++i)
        examples << panel.exampleCombo()->itemData(i).toString();
    QCOMPARE(examples, (QStringList { QString(), QStringLiteral("cats"), QStringLiteral("empty") }));
    // 404 has no named examples.
    choose(panel.statusCombo(), 404);
    QCOMPARE(panel.exampleCombo()->count(), 1);
    QVERIFY(!panel.exampleCombo()->isEnabled());
}

void TestForcedResponsePanel::appliesImmediately()
{
    auto store = std::make_shared<ForcedResponseStore>();
    ForcedResponsePanel panel;
    panel.setStore(store);
    panel.setOperation(UiTestUtils::petStore(), QStringLiteral("listPets"));
    QSignalSpy changed(&panel, &ForcedResponsePanel::forcedChanged);
    choose(panel.statusCombo(), 200);
    choose(panel.exampleCombo(), QStringLiteral("empty"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(store->lookup(QStringLiteral("listPets")), (ForcedResponse { 200, QStringLiteral("empty") }));
    // Switching operations and back shows the stored choice.
    panel.setOperation(UiTestUtils::petStore(), QStringLiteral("getPet"));
    QCOMPARE(panel.statusCombo()->currentData().toInt(), 0);
    panel.setOperation(UiTestUtils::petStore(), QStringLiteral("listPets"));
    QCOMPARE(panel.statusCombo()->currentData().toInt(), 200);
    QCOMPARE(panel.exampleCombo()->currentData().toString(), QStringLiteral("empty"));
    choose(panel.statusCombo(), 0);
    QVERIFY(store->lookup(QStringLiteral("listPets")).isEmpty());
}

void TestForcedResponsePanel::resetAll()
{
    auto store = std::make_shared<ForcedResponseStore>();
    store->set(QStringLiteral("getPet"), { 404, {} });
    ForcedResponsePanel panel;
    panel.setStore(store);
    panel.setOperation(UiTestUtils::petStore(), QStringLiteral("listPets"));
    auto* resetAll = panel.findChildren<QPushButton*>().last();
    QCOMPARE(resetAll->text(), QStringLiteral("Reset all"));
    QVERIFY(resetAll->isEnabled());
    QSignalSpy changed(&panel, &ForcedResponsePanel::forcedChanged);
    resetAll->click();
    QCOMPARE(changed.count(), 1);
    QVERIFY(store->all().isEmpty());
    QVERIFY(!resetAll->isEnabled());
}

void TestForcedResponsePanel::disabledWithoutOperation()
{
    ForcedResponsePanel panel;
    panel.setStore(std::make_shared<ForcedResponseStore>());
    panel.setOperation(UiTestUtils::petStore(), QString());
    QVERIFY(!panel.statusCombo()->isEnabled());
    QVERIFY(!panel.exampleCombo()->isEnabled());
}

void TestForcedResponsePanel::settingsRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("file") << QStringLiteral("/tmp/api/petstore.yaml");
    QTest::addRow("bundled resource") << QStringLiteral(":/examples/bookshelf.yaml");
}

void TestForcedResponsePanel::settingsRoundTrip()
{
    QFETCH(QString, path);
    QSettings settings;
    const QHash<QString, ForcedResponse> forced { { QStringLiteral("a"), { 404, {} } },
        { QStringLiteral("b"), { 200, QStringLiteral("cats") } } };
    ForcedSettings::save(settings, path, forced);
    QCOMPARE(ForcedSettings::load(settings, path), forced);
    QVERIFY(ForcedSettings::load(settings, QStringLiteral("/somewhere/else.yaml")).isEmpty());
    ForcedSettings::save(settings, path, {});
    QVERIFY(ForcedSettings::load(settings, path).isEmpty());
}

QTEST_MAIN(TestForcedResponsePanel)
#include "tst_forcedresponsepanel.moc"
