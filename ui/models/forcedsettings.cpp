// SPDX-License-Identifier: MIT
#include "ui/models/forcedsettings.h"

#include <QSettings>
#include <QVariantMap>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace ForcedSettings {

namespace {
QString groupFor(const QString& definitionPath)
{
    return DefinitionKey::group(SettingsKeys::forcedResponsesPrefix(), definitionPath);
}
} // namespace

QHash<QString, ForcedResponse> load(QSettings& settings, const QString& definitionPath)
{
    QHash<QString, ForcedResponse> out;
    const QVariantMap map = settings.value(groupFor(definitionPath) + QStringLiteral("/operations")).toMap();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QVariantMap entry = it->toMap();
        ForcedResponse f { entry.value(QStringLiteral("status")).toInt(),
            entry.value(QStringLiteral("example")).toString() };
        if (!f.isEmpty())
            out.insert(it.key(), f);
    }
    return out;
}

void save(QSettings& settings, const QString& definitionPath, const QHash<QString, ForcedResponse>& forced)
{
    const QString group = groupFor(definitionPath);
    QVariantMap map;
    for (auto it = forced.begin(); it != forced.end(); ++it)
        if (!it->isEmpty())
            map.insert(it.key(),
                QVariantMap { { QStringLiteral("status"), it->status }, { QStringLiteral("example"), it->example } });
    if (map.isEmpty()) {
        settings.remove(group);
        return;
    }
    settings.setValue(group + QStringLiteral("/path"), definitionPath);
    settings.setValue(group + QStringLiteral("/operations"), map);
}

} // namespace ForcedSettings
