// SPDX-License-Identifier: MIT
// Persists the forcing panel's choices per definition file in QSettings.
#pragma once

#include <QHash>
#include <QString>

#include "core/negotiation/forcedresponsestore.h"

class QSettings;

namespace ForcedSettings {

// Keyed by the definition's absolute path, so two checkouts of the same API keep separate choices.
QHash<QString, ForcedResponse> load(QSettings& settings, const QString& definitionPath);
void save(QSettings& settings, const QString& definitionPath, const QHash<QString, ForcedResponse>& forced);

} // namespace ForcedSettings
