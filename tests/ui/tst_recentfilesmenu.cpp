// SPDX-License-Identifier: MIT
// RecentFilesMenu: newest first, no duplicates, capped, missing files disabled, cleared on request.
#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui/settingskeys.h"
#include "ui/widgets/recentfilesmenu.h"

namespace {

QString touch(const QTemporaryDir& dir, const QString& name)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    return f.fileName();
}

QList<QAction*> fileEntries(const RecentFilesMenu& menu)
{
    QList<QAction*> entries;
    for (QAction* a : menu.actions())
        if (!a->toolTip().isEmpty() && a->toolTip().startsWith(QLatin1Char('/')))
            entries << a;
    return entries;
}

} // namespace

class TestRecentFilesMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void newestFirstWithoutDuplicates();
    void keepsTheLastTen();
    void missingFileIsDisabled();
    void entryOpensItsFile();
    void clearEmptiesTheList();

private:
    QTemporaryDir m_dir;
};

void TestRecentFilesMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recentfilesmenu"));
    QVERIFY(m_dir.isValid());
}

void TestRecentFilesMenu::init()
{
    QSettings().clear();
}

void TestRecentFilesMenu::newestFirstWithoutDuplicates()
{
    RecentFilesMenu menu(QStringLiteral("Recent"));
    const QString a = touch(m_dir, QStringLiteral("a.yaml"));
    const QString b = touch(m_dir, QStringLiteral("b.yaml"));
    menu.add(a);
    menu.add(b);
    menu.add(a);
    QCOMPARE(menu.files(), (QStringList { a, b }));
    const QList<QAction*> entries = fileEntries(menu);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first()->text(), QStringLiteral("&1  a.yaml"));
    QCOMPARE(QSettings().value(SettingsKeys::lastFolder()).toString(), m_dir.path());
}

void TestRecentFilesMenu::keepsTheLastTen()
{
    RecentFilesMenu menu(QStringLiteral("Recent"));
    for (int i = 0; i < RecentFilesMenu::maximumFiles + 3; ++i)
        menu.add(touch(m_dir, QStringLiteral("f%1.yaml").arg(i)));
    QCOMPARE(menu.files().size(), RecentFilesMenu::maximumFiles);
    QCOMPARE(menu.files().first(), m_dir.filePath(QStringLiteral("f12.yaml")));
    QVERIFY(!menu.files().contains(m_dir.filePath(QStringLiteral("f2.yaml"))));
}

void TestRecentFilesMenu::missingFileIsDisabled()
{
    RecentFilesMenu menu(QStringLiteral("Recent"));
    const QString kept = touch(m_dir, QStringLiteral("kept.yaml"));
    const QString gone = touch(m_dir, QStringLiteral("gone.yaml"));
    menu.add(kept);
    menu.add(gone);
    QVERIFY(QFile::remove(gone));
    menu.refresh();
    const QList<QAction*> entries = fileEntries(menu);
    QCOMPARE(entries.size(), 2);
    QVERIFY(!entries.at(0)->isEnabled());
    QVERIFY(entries.at(1)->isEnabled());
}

void TestRecentFilesMenu::entryOpensItsFile()
{
    RecentFilesMenu menu(QStringLiteral("Recent"));
    const QString a = touch(m_dir, QStringLiteral("open-me.yaml"));
    menu.add(a);
    QSignalSpy open(&menu, &RecentFilesMenu::openRequested);
    fileEntries(menu).first()->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), a);
}

void TestRecentFilesMenu::clearEmptiesTheList()
{
    RecentFilesMenu menu(QStringLiteral("Recent"));
    menu.add(touch(m_dir, QStringLiteral("x.yaml")));
    QAction* clear = nullptr;
    for (QAction* a : menu.actions())
        if (a->text() == QLatin1String("&Clear list"))
            clear = a;
    QVERIFY(clear);
    clear->trigger();
    QVERIFY(menu.files().isEmpty());
    QCOMPARE(menu.actions().size(), 1);
    QVERIFY(!menu.actions().first()->isEnabled()); // "No recent files"
}

QTEST_MAIN(TestRecentFilesMenu)
#include "tst_recentfilesmenu.moc"
