// SPDX-License-Identifier: MIT
// One flat QSettings group name per definition file, for the settings kept per definition.
#pragma once

#include <QString>

namespace DefinitionKey {

// `prefix` + a short hash of the definition's absolute path: paths contain '/', which QSettings treats as group
// separators, and two checkouts of the same API keep separate settings.
QString group(const QString& prefix, const QString& definitionPath);

} // namespace DefinitionKey
