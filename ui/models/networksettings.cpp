// SPDX-License-Identifier: MIT
#include "ui/models/networksettings.h"

#include <QSettings>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace NetworkSettings {

namespace {

QString key(const QString& definitionPath)
{
    return DefinitionKey::group(SettingsKeys::networkPrefix(), definitionPath) + QStringLiteral("/profile");
}

} // namespace

NetworkProfile load(const QSettings& settings, const QString& definitionPath)
{
    NetworkProfile profile = NetworkProfile::Off;
    if (!definitionPath.isEmpty())
        ScenarioStore::parseNetwork(settings.value(key(definitionPath)).toString(), &profile);
    return profile;
}

void save(QSettings& settings, const QString& definitionPath, NetworkProfile profile)
{
    if (definitionPath.isEmpty())
        return;
    // Saved by name ("slow-3g", as --network spells it), so that a reordered enum never changes what comes back.
    if (profile == NetworkProfile::Off)
        settings.remove(key(definitionPath));
    else
        settings.setValue(key(definitionPath), ScenarioStore::networkName(profile));
}

} // namespace NetworkSettings
