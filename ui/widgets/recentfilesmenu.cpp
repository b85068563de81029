// SPDX-License-Identifier: MIT
#include "ui/widgets/recentfilesmenu.h"

#include <QFileInfo>
#include <QSettings>

#include "ui/settingskeys.h"

RecentFilesMenu::RecentFilesMenu(const QString& title, QWidget* parent)
    : QMenu(title, parent)
{ }

RecentFilesMenu::~RecentFilesMenu() = default;

QStringList RecentFilesMenu::files() const
{
    return QSettings().value(SettingsKeys::recentFiles()).toStringList();
}

void RecentFilesMenu::add(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(SettingsKeys::recentFiles()).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maximumFiles)
        recent.removeLast();
    settings.setValue(SettingsKeys::recentFiles(), recent);
    settings.setValue(SettingsKeys::lastFolder(), QFileInfo(path).absolutePath());
    refresh();
}

void RecentFilesMenu::refresh()
{
    clear();
    const QStringList recent = files();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* a = addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { emit openRequested(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear list"), this, [this] {
        QSettings().remove(SettingsKeys::recentFiles());
        refresh();
    });
}
