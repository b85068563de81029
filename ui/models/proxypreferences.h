// SPDX-License-Identifier: MIT
// The proxy mode, upstream URL and timeout chosen for a definition file, kept in QSettings.
#pragma once

#include <QString>

#include "core/proxy/proxysettings.h"

class QSettings;

namespace ProxyPreferences {

// Mock with no upstream when nothing was saved for this definition.
ProxySettings load(const QSettings& settings, const QString& definitionPath);
void save(QSettings& settings, const QString& definitionPath, const ProxySettings& proxy);

} // namespace ProxyPreferences
