// SPDX-License-Identifier: MIT
#include <algorithm>
#include <functional>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "ui/models/requestlogmodel.h"
#include "ui/translation.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/operationsbrowser.h"
#include "ui/widgets/requestlogview.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/tryitpanel.h"

namespace {

// One <message> of a .ts file, reduced to what the checks need.
struct TsMessage
{
    QString context;
    QString source;
    QString comment; // disambiguation, part of the message's identity
    QString type; // "" (finished), "unfinished", "vanished", "obsolete"
    QStringList translations; // one per numerus form, or the single translation
};

// Parses a .ts file; returns false with `error` set when the XML is broken.
bool readTs(const QString& path, QList<TsMessage>* messages, QString* language, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage { context, {}, {}, {}, {} };
                inMessage = true;
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment") && inMessage) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (xml.attributes().value(QLatin1String("numerus")) != QLatin1String("yes"))
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            *messages << current;
            inMessage = false;
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

QSet<QString> messageKeys(const QList<TsMessage>& messages)
{
    QSet<QString> keys;
    for (const TsMessage& m : messages) {
        if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
            keys.insert(m.context + QStringLiteral(" | ") + m.source
                + (m.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.comment)));
    }
    return keys;
}

// Placeholders %1..%99 a string uses, as a sorted list (so "%2 %1" and "%1 %2" match).
QStringList placeholders(const QString& text)
{
    QStringList found;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('%') && text.at(i + 1).isDigit()) {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end).isDigit())
                ++end;
            found << text.mid(i, end - i);
        }
    }
    found.sort();
    return found;
}

QStringList tsFiles()
{
    const QDir dir(QStringLiteral(UNDERSTUDY_SOURCE_DIR "/translations"));
    QStringList files;
    for (const QString& name : dir.entryList({ QStringLiteral("understudy_*.ts") }, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

QStringList menuTitles(const MainWindow& window)
{
    QStringList titles;
    for (const QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

// Accelerator letters used twice among `actions` (one menu, or the menu bar): Alt+letter would be ambiguous.
QStringList clashingAccelerators(const QList<QAction*>& actions)
{
    static const QRegularExpression accel(QStringLiteral("&([^&\\s])"));
    QHash<QChar, QStringList> byLetter;
    for (const QAction* action : actions) {
        const QRegularExpressionMatch m = accel.match(action->text());
        if (m.hasMatch())
            byLetter[m.captured(1).at(0).toLower()] << action->text();
    }
    QStringList clashes;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << it.value().join(QStringLiteral(" / "));
    }
    return clashes;
}

QStringList menuActionTexts(const MainWindow& window)
{
    QStringList texts;
    for (const QAction* menuAction : window.menuBar()->actions()) {
        if (menuAction->menu()) {
            for (const QAction* action : menuAction->menu()->actions())
                texts << action->text();
        }
    }
    return texts;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void tsFilesAreComplete_data();
    void tsFilesAreComplete();
    void tsFilesMatchSources_data();
    void tsFilesMatchSources();
    void catalogueIsEmbedded_data();
    void catalogueIsEmbedded();
    void settingsKeyMatchesDialog();
    void windowSpeaksLanguage_data();
    void windowSpeaksLanguage();
    void englishOverrideInstallsNothing();
    void unknownLanguageFallsBackToEnglish();
    void systemLocaleIsFollowed();
    void screenshots_data();
    void screenshots();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(tsFiles().size() >= 2, "expected at least the German and French .ts files");
}

void TestTranslations::cleanup()
{
    Translation::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestTranslations::tsFilesAreComplete_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& path : tsFiles())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::tsFilesAreComplete()
{
    QFETCH(QString, path);
    QList<TsMessage> messages;
    QString language;
    QString error;
    QVERIFY2(readTs(path, &messages, &language, &error), qPrintable(error));
    QVERIFY2(!language.isEmpty(), "the TS element needs a language attribute");
    QVERIFY(messages.size() > 100);

    QStringList problems;
    for (const TsMessage& m : messages) {
        const QString where = m.context + QStringLiteral(" | ") + m.source;
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1: %2").arg(m.type, where);
        if (m.translations.isEmpty())
            problems << QStringLiteral("no translation: %1").arg(where);
        for (const QString& t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty translation: %1").arg(where);
            else if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("placeholders differ: %1 -> %2").arg(where, t);
            // A source with an accelerator needs one in the translation, or the menu loses its keyboard access.
            const bool sourceHasAccel = m.source.contains(QRegularExpression(QStringLiteral("&[^&\\s]")))
                && !m.source.contains(QLatin1Char('<'));
            if (sourceHasAccel && !t.contains(QRegularExpression(QStringLiteral("&[^&\\s]"))))
                problems << QStringLiteral("accelerator lost: %1 -> %2").arg(where, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::tsFilesMatchSources_data()
{
    tsFilesAreComplete_data();
}

void TestTranslations::tsFilesMatchSources()
{
    QFETCH(QString, path);
    const QString lupdate = QStringLiteral(UNDERSTUDY_LUPDATE);
    if (!QFileInfo::exists(lupdate))
        QSKIP("lupdate is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The same scan as the update_translations target: the ui library's sources.
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
        { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-extensions"), QStringLiteral("cpp,h,ui"), QStringLiteral(UNDERSTUDY_SOURCE_DIR "/ui"),
            QStringLiteral("-ts"), copy });
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, process.readAll().constData());

    QList<TsMessage> committed;
    QList<TsMessage> fresh;
    QString language;
    QString error;
    QVERIFY2(readTs(path, &committed, &language, &error), qPrintable(error));
    QVERIFY2(readTs(copy, &fresh, &language, &error), qPrintable(error));
    const QSet<QString> committedKeys = messageKeys(committed);
    const QSet<QString> freshKeys = messageKeys(fresh);
    QStringList added = (freshKeys - committedKeys).values();
    QStringList removed = (committedKeys - freshKeys).values();
    added.sort();
    removed.sort();
    QStringList report;
    for (const QString& key : added)
        report << QStringLiteral("new in the sources: ") + key;
    for (const QString& key : removed)
        report << QStringLiteral("gone from the sources: ") + key;
    if (!report.isEmpty())
        report.prepend(QStringLiteral("run `cmake --build <dir> --target update_translations` and translate:"));
    QVERIFY2(report.isEmpty(), qPrintable(report.join(QLatin1Char('\n'))));
}

void TestTranslations::catalogueIsEmbedded_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("German") << QStringLiteral("de");
    QTest::addRow("French") << QStringLiteral("fr");
}

void TestTranslations::catalogueIsEmbedded()
{
    QFETCH(QString, language);
    // Resources of the static ui library must reach the executables linking it.
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/understudy_%1.qm").arg(language)));
    QVERIFY(Translation::availableLanguages().contains(language));
    QCOMPARE(Translation::availableLanguages().first(), QStringLiteral("en"));
}

void TestTranslations::settingsKeyMatchesDialog()
{
    // main.cpp reads what the Settings dialog writes.
    QCOMPARE(QString::fromLatin1(Translation::settingsKey), SettingsKeys::language());
}

void TestTranslations::windowSpeaksLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QString>("qtText"); // a string from Qt's own catalogue
    QTest::addColumn<QString>("settingsTitle");
    // English is the source language: it must keep unique accelerators too (Open Recen&t vs &Reload).
    QTest::addRow("English") << QStringLiteral("en")
                             << QStringList { QStringLiteral("&File"), QStringLiteral("&Server"),
                                    QStringLiteral("&View"), QStringLiteral("&Tools"), QStringLiteral("&Help") }
                             << QStringList { QStringLiteral("&Open…"), QStringLiteral("&Quit"),
                                    QStringLiteral("&Start"), QStringLiteral("Open Recen&t") }
                             << QStringLiteral("Cancel") << QStringLiteral("Settings");
    QTest::addRow("German") << QStringLiteral("de")
                            << QStringList { QStringLiteral("&Datei"), QStringLiteral("&Server"),
                                   QStringLiteral("&Ansicht"), QStringLiteral("&Extras"), QStringLiteral("&Hilfe") }
                            << QStringList { QStringLiteral("Ö&ffnen…"), QStringLiteral("&Beenden"),
                                   QStringLiteral("&Starten"), QStringLiteral("URL &kopieren") }
                            << QStringLiteral("Abbrechen") << QStringLiteral("Einstellungen");
    QTest::addRow("French") << QStringLiteral("fr")
                            << QStringList { QStringLiteral("&Fichier"), QStringLiteral("&Serveur"),
                                   QStringLiteral("&Affichage"), QStringLiteral("&Outils"), QStringLiteral("Ai&de") }
                            << QStringList { QStringLiteral("&Ouvrir…"), QStringLiteral("&Quitter"),
                                   QStringLiteral("&Démarrer"), QStringLiteral("&Copier l’URL") }
                            << QStringLiteral("Annuler") << QStringLiteral("Paramètres");
}

void TestTranslations::windowSpeaksLanguage()
{
    QFETCH(QString, language);
    QFETCH(QStringList, menus);
    QFETCH(QStringList, actions);
    QFETCH(QString, qtText);
    QFETCH(QString, settingsTitle);

    QCOMPARE(Translation::installTranslations(*QCoreApplication::instance(), language), language);
    // Sizes formatted by QLocale ("125 bytes" in the Try-it panel) follow the chosen language too.
    QCOMPARE(QLocale().language(), QLocale(language).language());
    MainWindow window;
    const QStringList titles = menuTitles(window);
    for (const QString& menu : menus)
        QVERIFY2(titles.contains(menu), qPrintable(menu + QStringLiteral(" not in ") + titles.join(u", ")));
    const QStringList texts = menuActionTexts(window);
    for (const QString& action : actions)
        QVERIFY2(texts.contains(action), qPrintable(action + QStringLiteral(" not in ") + texts.join(u", ")));
    QStringList clashes = clashingAccelerators(window.menuBar()->actions());
    for (const QAction* menuAction : window.menuBar()->actions()) {
        if (menuAction->menu())
            clashes += clashingAccelerators(menuAction->menu()->actions());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u", ")));
    // Every entry of every menu (submenus and the log's row actions too) has an accelerator in this language.
    QStringList missing;
    std::function<void(const QList<QAction*>&, const QString&)> walk = [&](const QList<QAction*>& actions,
                                                                           const QString& where) {
        for (const QAction* action : actions) {
            if (action->isSeparator() || !action->isEnabled())
                continue; // a disabled placeholder ("No recent files") cannot be chosen
            if (!action->text().contains(QRegularExpression(QStringLiteral("&[^&\\s]"))))
                missing << where + QStringLiteral(" ▸ ") + action->text();
            if (action->menu())
                walk(action->menu()->actions(), action->text());
        }
    };
    walk(window.menuBar()->actions(), QStringLiteral("menu bar"));
    walk(window.requestLog()->view()->actions(), QStringLiteral("log row"));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
    QVERIFY2(clashingAccelerators(window.requestLog()->view()->actions()).isEmpty(),
        qPrintable(clashingAccelerators(window.requestLog()->view()->actions()).join(u", ")));

    // Standard dialogs and buttons come from Qt's own catalogue.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), qtText);

    SettingsDialog settings;
    QCOMPARE(settings.windowTitle(), settingsTitle);
    const QList<QAbstractButton*> buttons = settings.findChildren<QAbstractButton*>();
    const bool translatedButton =
        std::any_of(buttons.cbegin(), buttons.cend(), [&](const QAbstractButton* b) { return b->text() == qtText; });
    QVERIFY2(translatedButton, "the dialog's Cancel button should come from Qt's catalogue");
}

void TestTranslations::screenshots_data()
{
    catalogueIsEmbedded_data();
}

void TestTranslations::screenshots()
{
    // For reviewing the wording in place: UNDERSTUDY_SCREENSHOT_DIR=/tmp/shots tst_translations screenshots
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set UNDERSTUDY_SCREENSHOT_DIR to write screenshots");
    QFETCH(QString, language);
    Translation::installTranslations(*QCoreApplication::instance(), language);
    const auto shot = [&](QWidget& widget, const char* name) {
        QTest::qWait(100);
        QVERIFY(widget.grab().save(QStringLiteral("%1/%2-%3.png").arg(outDir, QLatin1String(name), language)));
    };

    MainWindow window;
    window.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    window.resize(1360, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    shot(window, "welcome");
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openDefinition(DefinitionLoader::bundledExamplePath(), true);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(window.service()->isRunning());
    window.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    shot(window, "browsing");
    window.detailsTabs()->setCurrentWidget(window.tryItPanel());
    QSignalSpy answered(window.tryItPanel(), &TryItPanel::responseReceived);
    window.tryItPanel()->send();
    QVERIFY(answered.wait(10000));
    QTRY_COMPARE(window.requestLog()->model()->rowCount(), 1);
    window.requestLog()->selectRow(0);
    window.requestLog()->detailsTabs()->setCurrentIndex(2);
    shot(window, "try-it");

    SettingsDialog settings;
    settings.adjustSize();
    shot(settings, "settings");
}

void TestTranslations::englishOverrideInstallsNothing()
{
    QCOMPARE(
        Translation::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(
        Translation::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), QStringLiteral("&File"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(
        Translation::installTranslations(*QCoreApplication::instance(), QStringLiteral("xx")), QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), QStringLiteral("&File"));
}

void TestTranslations::systemLocaleIsFollowed()
{
    // An empty override follows QLocale(); a regional variant finds the language's catalogue.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::Canada));
    QCOMPARE(Translation::installTranslations(*QCoreApplication::instance(), QString()), QStringLiteral("fr"));
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), QStringLiteral("&Fichier"));
    // Qt has no catalogue of ours for Spanish, so neither is Qt's Spanish one loaded.
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    QCOMPARE(Translation::installTranslations(*QCoreApplication::instance(), QString()), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
