// SPDX-License-Identifier: MIT
#include "ui/models/overlaysettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace OverlaySettings {

namespace {
QString key(const QString& definitionPath, const QString& name)
{
    return DefinitionKey::group(SettingsKeys::overlaysPrefix(), definitionPath) + QLatin1Char('/') + name;
}

void setOrRemove(
    QSettings& settings, const QString& definitionPath, const QString& name, const QVariant& value, bool empty)
{
    if (empty) {
        settings.remove(key(definitionPath, name));
        return;
    }
    settings.setValue(key(definitionPath, QStringLiteral("path")), definitionPath);
    settings.setValue(key(definitionPath, name), value);
}
} // namespace

QStringList overlays(const QSettings& settings, const QString& definitionPath)
{
    return settings.value(key(definitionPath, QStringLiteral("applied"))).toStringList();
}

void saveOverlays(QSettings& settings, const QString& definitionPath, const QStringList& files)
{
    setOrRemove(settings, definitionPath, QStringLiteral("applied"), files, files.isEmpty());
}

QString recordFile(const QSettings& settings, const QString& definitionPath)
{
    return settings.value(key(definitionPath, QStringLiteral("recordFile"))).toString();
}

void saveRecordFile(QSettings& settings, const QString& definitionPath, const QString& file)
{
    setOrRemove(settings, definitionPath, QStringLiteral("recordFile"), file, file.isEmpty());
}

QString defaultRecordFile(const QString& definitionPath, const QString& fallbackFolder)
{
    const QFileInfo info(definitionPath);
    const bool ownFolder = !definitionPath.isEmpty() && !definitionPath.startsWith(QLatin1Char(':'));
    const QString folder = ownFolder ? info.absolutePath() : fallbackFolder;
    const QString base = info.completeBaseName().isEmpty() ? QStringLiteral("definition") : info.completeBaseName();
    return QDir(folder).filePath(base + QStringLiteral(".recorded.overlay.json"));
}

} // namespace OverlaySettings
