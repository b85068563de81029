// SPDX-License-Identifier: MIT
// The overlays applied to a definition file and the overlay it records into, kept in QSettings.
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace OverlaySettings {

// The overlay files (absolute paths) File > Apply overlay applied to this definition, in order.
QStringList overlays(const QSettings& settings, const QString& definitionPath);
void saveOverlays(QSettings& settings, const QString& definitionPath, const QStringList& files);

// The overlay that Record and "Save response as example" write into; empty when none was chosen yet.
QString recordFile(const QSettings& settings, const QString& definitionPath);
void saveRecordFile(QSettings& settings, const QString& definitionPath, const QString& file);

// Where a definition records by default: `books.yaml` -> `books.recorded.overlay.json` beside it (the recorder
// writes JSON, which overlay tools read as YAML too); `fallbackFolder` for a definition with no folder of its own
// (the bundled example).
QString defaultRecordFile(const QString& definitionPath, const QString& fallbackFolder);

} // namespace OverlaySettings
