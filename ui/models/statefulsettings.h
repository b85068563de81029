// SPDX-License-Identifier: MIT
// Whether stateful mode was on for a definition file, kept in QSettings.
#pragma once

#include <QString>

class QSettings;

namespace StatefulSettings {

bool load(const QSettings& settings, const QString& definitionPath);
void save(QSettings& settings, const QString& definitionPath, bool enabled);

} // namespace StatefulSettings
