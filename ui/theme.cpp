// SPDX-License-Identifier: MIT
#include "ui/theme.h"

#include <cmath>

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>

namespace Theme {

namespace {
// Relative luminance (sRGB, WCAG 2) in 0..1.
double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// A colour of hue `hue` with enough contrast against `background` to be read as text.
QColor readableHue(int hue, int saturation, const QPalette& palette)
{
    if (hue < 0)
        return dimmedTextColor(palette);
    return isDark(palette) ? QColor::fromHsl(hue, saturation, 170) : QColor::fromHsl(hue, saturation, 80);
}
} // namespace

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Base)) < 0.35;
}

int methodHue(const QString& method)
{
    const QString m = method.toUpper();
    if (m == QLatin1String("GET"))
        return 210;
    if (m == QLatin1String("POST"))
        return 135;
    if (m == QLatin1String("PUT"))
        return 30;
    if (m == QLatin1String("PATCH"))
        return 175;
    if (m == QLatin1String("DELETE"))
        return 0;
    if (m == QLatin1String("HEAD"))
        return 270;
    if (m == QLatin1String("OPTIONS"))
        return 310;
    return -1;
}

QColor methodBadgeColor(const QString& method, const QPalette& palette)
{
    const int hue = methodHue(method);
    if (hue < 0)
        return isDark(palette) ? QColor::fromHsl(0, 0, 150) : QColor::fromHsl(0, 0, 110);
    // Slightly lighter fills on dark themes so the badge does not sink into the background.
    return isDark(palette) ? QColor::fromHsl(hue, 150, 150) : QColor::fromHsl(hue, 170, 95);
}

QColor badgeTextColor(const QColor& fill)
{
    return luminance(fill) > 0.3 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor statusColor(int status, const QPalette& palette)
{
    if (status >= 500)
        return readableHue(0, 200, palette);
    if (status >= 400)
        return readableHue(25, 220, palette);
    if (status >= 300)
        return readableHue(210, 180, palette);
    if (status >= 200)
        return readableHue(130, 170, palette);
    return dimmedTextColor(palette);
}

QColor dimmedTextColor(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Halfway between text and background keeps hierarchy visible without dropping below legibility.
    return QColor::fromRgbF(text.redF() * 0.6f + base.redF() * 0.4f, text.greenF() * 0.6f + base.greenF() * 0.4f,
        text.blueF() * 0.6f + base.blueF() * 0.4f);
}

QColor bannerColor(const QString& kind, const QPalette& palette)
{
    int hue = 210;
    if (kind == QLatin1String("warning"))
        hue = 45;
    else if (kind == QLatin1String("error"))
        hue = 0;
    return isDark(palette) ? QColor::fromHsl(hue, 90, 55) : QColor::fromHsl(hue, 200, 225);
}

QFont monospaceFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(QGuiApplication::font().pointSizeF());
    return f;
}

} // namespace Theme
