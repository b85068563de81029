// SPDX-License-Identifier: MIT
// Keeps the forcing panel's choices in the scenario file (`operations/<key>/forced`) instead of the settings.
#pragma once

#include <QHash>
#include <QString>

#include "core/definition/definition.h"
#include "core/negotiation/forcedresponsestore.h"

namespace ScenarioForcing {

// Writes `forced` into the scenario file at `path` (atomically): only operations whose entry differs from what the
// file says are rewritten, every other line stays as written. False with `error` when the file cannot be read,
// edited (see ScenarioWriter) or written.
bool save(
    const QString& path, const DefinitionPtr& definition, const QHash<QString, ForcedResponse>& forced, QString* error);

} // namespace ScenarioForcing
