// SPDX-License-Identifier: MIT
#include "ui/models/proxypreferences.h"

#include <QSettings>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace ProxyPreferences {

ProxySettings load(const QSettings& settings, const QString& definitionPath)
{
    const QString group = DefinitionKey::group(SettingsKeys::proxyPrefix(), definitionPath);
    ProxySettings proxy;
    proxy.mode =
        ProxySettings::parseMode(settings.value(group + QStringLiteral("/mode")).toString()).value_or(ProxyMode::Mock);
    proxy.upstream = QUrl(settings.value(group + QStringLiteral("/upstream")).toString());
    proxy.timeoutMs = settings.value(group + QStringLiteral("/timeoutMs"), proxy.timeoutMs).toInt();
    if (proxy.timeoutMs < 1)
        proxy.timeoutMs = ProxySettings().timeoutMs;
    return proxy;
}

void save(QSettings& settings, const QString& definitionPath, const ProxySettings& proxy)
{
    const QString group = DefinitionKey::group(SettingsKeys::proxyPrefix(), definitionPath);
    if (proxy.mode == ProxyMode::Mock && proxy.upstream.isEmpty()) {
        settings.remove(group);
        return;
    }
    settings.setValue(group + QStringLiteral("/path"), definitionPath);
    settings.setValue(group + QStringLiteral("/mode"), ProxySettings::modeName(proxy.mode));
    settings.setValue(group + QStringLiteral("/upstream"), proxy.upstream.toString());
    settings.setValue(group + QStringLiteral("/timeoutMs"), proxy.timeoutMs);
}

} // namespace ProxyPreferences
