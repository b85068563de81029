// SPDX-License-Identifier: MIT
#include "ui/models/statefulsettings.h"

#include <QSettings>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace StatefulSettings {

bool load(const QSettings& settings, const QString& definitionPath)
{
    return settings
        .value(DefinitionKey::group(SettingsKeys::statefulPrefix(), definitionPath) + QStringLiteral("/enabled"))
        .toBool();
}

void save(QSettings& settings, const QString& definitionPath, bool enabled)
{
    const QString group = DefinitionKey::group(SettingsKeys::statefulPrefix(), definitionPath);
    if (!enabled) {
        settings.remove(group + QStringLiteral("/enabled"));
        return;
    }
    settings.setValue(group + QStringLiteral("/path"), definitionPath);
    settings.setValue(group + QStringLiteral("/enabled"), true);
}

QString stateFile(const QSettings& settings, const QString& definitionPath)
{
    return settings
        .value(DefinitionKey::group(SettingsKeys::statefulPrefix(), definitionPath) + QStringLiteral("/stateFile"))
        .toString();
}

void saveStateFile(QSettings& settings, const QString& definitionPath, const QString& file)
{
    const QString key =
        DefinitionKey::group(SettingsKeys::statefulPrefix(), definitionPath) + QStringLiteral("/stateFile");
    if (file.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, file);
}

} // namespace StatefulSettings
