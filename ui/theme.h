// SPDX-License-Identifier: MIT
// Colours derived from the current palette so badges and status texts stay readable in light and dark themes.
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace Theme {

bool isDark(const QPalette& palette);
// The hue (0-359, -1 for grey) conventionally used for an HTTP method in API tools.
int methodHue(const QString& method);
// Fill colour of a method badge; pair it with badgeTextColor().
QColor methodBadgeColor(const QString& method, const QPalette& palette);
// Black or white, whichever contrasts best with `fill`.
QColor badgeTextColor(const QColor& fill);
// Text colour for an HTTP status, readable on the palette's base colour (2xx green ... 5xx red).
QColor statusColor(int status, const QPalette& palette);
// Text colour for secondary information (summaries, deprecated operations).
QColor dimmedTextColor(const QPalette& palette);
// A tinted background for banners: "info", "warning" or "error".
QColor bannerColor(const QString& kind, const QPalette& palette);
// A monospace font at the application's point size.
QFont monospaceFont();

} // namespace Theme
