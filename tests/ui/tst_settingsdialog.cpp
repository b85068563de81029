// SPDX-License-Identifier: MIT
// The Settings dialog reads and writes the QSettings keys the window and app/main.cpp use.
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui/models/requestlogmodel.h"
#include "ui/widgets/settingsdialog.h"

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultsWhenNothingIsStored();
    void readsLanguage_data();
    void readsLanguage();
    void readsServerAndLog();
    void writesEveryField();
    void roundTripsThroughDefaultSettings();
    void restoreDefaultsButton();
    void unknownHostStaysSelectable();
    void explainsRestart();
    void screenshot();

private:
    QSettings iniSettings() const
    {
        return QSettings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }
    QTemporaryDir m_dir;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    QVERIFY(m_dir.isValid());
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
}

void TestSettingsDialog::defaultsWhenNothingIsStored()
{
    const QSettings settings = iniSettings();
    SettingsDialog dialog;
    dialog.load(settings);
    QCOMPARE(dialog.language(), QString());
    QCOMPARE(dialog.languageCombo()->currentText(), QStringLiteral("System default"));
    QCOMPARE(dialog.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(dialog.port(), quint16(4010));
    QCOMPARE(dialog.autoStart(), true);
    QCOMPARE(dialog.maximumLogRows(), int(RequestLogModel::defaultMaximumRows));
    QCOMPARE(dialog.threads(), 0); // one per core, as headless without --threads
    QCOMPARE(dialog.threadsSpin()->text(), QStringLiteral("one per core"));
    QCOMPARE(dialog.limits().maxConnections, ServerLimits().maxConnections);
}

void TestSettingsDialog::readsLanguage_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::addRow("system default") << QString() << QStringLiteral("System default");
    QTest::addRow("english") << QStringLiteral("en") << QStringLiteral("English");
    QTest::addRow("german") << QStringLiteral("de") << QStringLiteral("Deutsch");
    QTest::addRow("french") << QStringLiteral("fr") << QStringLiteral("Français");
    QTest::addRow("unknown code is kept") << QStringLiteral("es") << QStringLiteral("español");
}

void TestSettingsDialog::readsLanguage()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QSettings settings = iniSettings();
    settings.setValue(SettingsKeys::language(), stored);
    SettingsDialog dialog;
    dialog.load(settings);
    QCOMPARE(dialog.language(), stored);
    // Unknown codes show the locale's own name, which CLDR may qualify ("español de España").
    QVERIFY2(
        dialog.languageCombo()->currentText().startsWith(shown), qPrintable(dialog.languageCombo()->currentText()));
    // Saving without touching it writes the same code back.
    dialog.save(settings);
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), stored);
}

void TestSettingsDialog::readsServerAndLog()
{
    QSettings settings = iniSettings();
    settings.setValue(QStringLiteral("server/host"), QStringLiteral("0.0.0.0"));
    settings.setValue(QStringLiteral("server/port"), 5123);
    settings.setValue(QStringLiteral("server/autoStart"), false);
    settings.setValue(QStringLiteral("log/maximumRows"), 2500);
    settings.setValue(QStringLiteral("server/threads"), 3);
    settings.setValue(QStringLiteral("server/maxConnections"), 64);
    settings.setValue(QStringLiteral("server/callbackHosts"), QStringList { "hooks.test", "10.0.0.5:8080" });
    SettingsDialog dialog;
    dialog.load(settings);
    QCOMPARE(dialog.callbackHostsEdit()->text(), QStringLiteral("hooks.test, 10.0.0.5:8080"));
    QCOMPARE(SettingsDialog::limitsFrom(settings).callbackHosts, (QStringList { "hooks.test", "10.0.0.5:8080" }));
    QCOMPARE(dialog.threadsSpin()->value(), 3);
    QCOMPARE(SettingsDialog::threadsFrom(settings), 3);
    QCOMPARE(dialog.limits().maxConnections, 64);
    QCOMPARE(SettingsDialog::limitsFrom(settings).maxConnections, 64);
    QCOMPARE(dialog.host(), QStringLiteral("0.0.0.0"));
    QCOMPARE(dialog.hostCombo()->currentText(), QStringLiteral("0.0.0.0 (all interfaces)"));
    QCOMPARE(dialog.portSpin()->value(), 5123);
    QVERIFY(!dialog.autoStartCheck()->isChecked());
    QCOMPARE(dialog.logRowsSpin()->value(), 2500);
}

void TestSettingsDialog::writesEveryField()
{
    SettingsDialog dialog;
    dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("fr")));
    dialog.hostCombo()->setCurrentIndex(dialog.hostCombo()->findData(QStringLiteral("0.0.0.0")));
    dialog.portSpin()->setValue(0);
    dialog.autoStartCheck()->setChecked(false);
    dialog.logRowsSpin()->setValue(100);
    dialog.threadsSpin()->setValue(2);
    dialog.findChild<QSpinBox*>(QStringLiteral("maxConnectionsSpin"))->setValue(32);
    // A malformed callback host is left out; the others are kept, trimmed.
    dialog.callbackHostsEdit()->setText(QStringLiteral(" hooks.test , not a host!, [::1]:9000"));
    QSettings settings = iniSettings();
    dialog.save(settings);
    settings.sync();
    const QSettings reread(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
    QCOMPARE(reread.value(QStringLiteral("server/host")).toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(reread.value(QStringLiteral("server/port")).toInt(), 0);
    QCOMPARE(reread.value(QStringLiteral("server/autoStart")).toBool(), false);
    QCOMPARE(reread.value(QStringLiteral("log/maximumRows")).toInt(), 100);
    QCOMPARE(reread.value(QStringLiteral("server/threads")).toInt(), 2);
    QCOMPARE(reread.value(QStringLiteral("server/maxConnections")).toInt(), 32);
    QCOMPARE(reread.value(QStringLiteral("server/callbackHosts")).toStringList(),
        (QStringList { "hooks.test", "[::1]:9000" }));
}

void TestSettingsDialog::roundTripsThroughDefaultSettings()
{
    // The window and app/main.cpp use the default QSettings(); the dialog must work with it unchanged.
    {
        SettingsDialog dialog;
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("de")));
        dialog.logRowsSpin()->setValue(1234);
        QSettings settings;
        dialog.save(settings);
    }
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    SettingsDialog again;
    again.load(QSettings());
    QCOMPARE(again.language(), QStringLiteral("de"));
    QCOMPARE(again.maximumLogRows(), 1234);
}

void TestSettingsDialog::restoreDefaultsButton()
{
    QSettings settings = iniSettings();
    settings.setValue(SettingsKeys::language(), QStringLiteral("de"));
    settings.setValue(SettingsKeys::port(), 9000);
    settings.setValue(SettingsKeys::autoStart(), false);
    SettingsDialog dialog;
    dialog.load(settings);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    QPushButton* restore = buttons->button(QDialogButtonBox::RestoreDefaults);
    QVERIFY(restore);
    restore->click();
    QCOMPARE(dialog.language(), QString());
    QCOMPARE(dialog.port(), quint16(4010));
    QVERIFY(dialog.autoStart());
    // Nothing is written until the dialog is saved.
    QCOMPARE(settings.value(SettingsKeys::language()).toString(), QStringLiteral("de"));
}

void TestSettingsDialog::unknownHostStaysSelectable()
{
    QSettings settings = iniSettings();
    settings.setValue(SettingsKeys::host(), QStringLiteral("::1"));
    SettingsDialog dialog;
    dialog.load(settings);
    QCOMPARE(dialog.host(), QStringLiteral("::1"));
    // Garbage falls back to this computer rather than to an empty address.
    settings.setValue(SettingsKeys::host(), QStringLiteral("not an address"));
    dialog.load(settings);
    QCOMPARE(dialog.host(), QStringLiteral("127.0.0.1"));
}

void TestSettingsDialog::explainsRestart()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("restartNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("takes effect after a restart")));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Settings"));
}

// Writes a screenshot of the dialog when UNDERSTUDY_SCREENSHOT_DIR is set.
void TestSettingsDialog::screenshot()
{
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set UNDERSTUDY_SCREENSHOT_DIR to write screenshots");
    SettingsDialog dialog;
    dialog.load(QSettings());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(outDir + QStringLiteral("/settings.png")));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
