// SPDX-License-Identifier: MIT
// The global Network control's choice (off / slow 3G / flaky) for a definition file, kept in QSettings.
#pragma once

#include <QString>

#include "core/scenarios/scenariostore.h"

class QSettings;

namespace NetworkSettings {

// Off when nothing (or something unknown) was saved for the file.
NetworkProfile load(const QSettings& settings, const QString& definitionPath);
void save(QSettings& settings, const QString& definitionPath, NetworkProfile profile);

} // namespace NetworkSettings
