// SPDX-License-Identifier: MIT
// Whether stateful mode was on for a definition file, and the file its data is kept in, kept in QSettings.
#pragma once

#include <QString>

class QSettings;

namespace StatefulSettings {

bool load(const QSettings& settings, const QString& definitionPath);
void save(QSettings& settings, const QString& definitionPath, bool enabled);
// The state file (Server > Keep state in a file) of a definition; empty: none.
QString stateFile(const QSettings& settings, const QString& definitionPath);
void saveStateFile(QSettings& settings, const QString& definitionPath, const QString& file);

} // namespace StatefulSettings
