// SPDX-License-Identifier: MIT
// Remembers, per definition file, the files outside its project that the user allowed it to read.
#pragma once

#include <QStringList>

#include "core/json/diagnostic.h"

class QSettings;

namespace AllowedFiles {

// The absolute paths a load refused because they lie outside the project ("ref-outside-project"), each once.
// Devices, FIFOs and other non-regular files are never offered: allowing them would not make them readable.
QStringList refusedTargets(const Diagnostics& diagnostics);

QStringList load(QSettings& settings, const QString& definitionPath);
// Adds `paths` to what `definitionPath` may read (kept sorted, without duplicates).
void allow(QSettings& settings, const QString& definitionPath, const QStringList& paths);
void clear(QSettings& settings, const QString& definitionPath);

} // namespace AllowedFiles
