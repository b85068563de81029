// SPDX-License-Identifier: MIT
// File ▸ Open Recent: the last opened definitions, kept in QSettings, newest first.
#pragma once

#include <QMenu>

class RecentFilesMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFilesMenu)

public:
    static constexpr int maximumFiles = 10;

    explicit RecentFilesMenu(const QString& title, QWidget* parent = nullptr);
    ~RecentFilesMenu() override;

    // Puts `path` first (once) and remembers its folder for the next Open dialog.
    void add(const QString& path);
    QStringList files() const;
    // Rebuilds the entries from QSettings (a file that no longer exists is listed, disabled).
    void refresh();

signals:
    void openRequested(const QString& path);
};
