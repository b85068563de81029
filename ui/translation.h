// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// Installs the window's translations (ours from :/i18n and Qt's own qtbase catalogue) for the chosen language.
namespace Translation {

// The QSettings key the Settings dialog writes: "" follows the system, else "en", "de", "fr".
inline constexpr char settingsKey[] = "ui/language";

// Language codes the window can be shown in, English first ("en", then every embedded catalogue).
QStringList availableLanguages();

// The override stored under settingsKey in the application's QSettings ("" when unset).
QString configuredLanguage();

/**
 * Replaces the translators installed by an earlier call. An empty override follows the system locale's UI
 * languages; "en" installs none. A non-empty override also becomes QLocale's default language. Qt's own catalogue is
 * only loaded for a language we have a catalogue for, so standard dialogs never speak a different language than the
 * window. Returns the language now in effect
 * ("en" when no catalogue matched).
 */
QString installTranslations(QCoreApplication& app, const QString& languageOverride);

} // namespace Translation
