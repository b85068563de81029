// SPDX-License-Identifier: MIT
#include "ui/translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace Translation {

namespace {

const QString resourceDir = QStringLiteral(":/i18n");
const QString catalogueName = QStringLiteral("understudy");

// Parented to the application, so they die with it; QPointer notices when a test's application went away.
QPointer<QTranslator> s_ours;
QPointer<QTranslator> s_qt;

void removeInstalled()
{
    for (QPointer<QTranslator>* translator : { &s_ours, &s_qt }) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete translator->data();
        }
    }
}

// "de_DE" and "de" both name the German catalogue.
QString languageOf(const QString& localeName)
{
    return localeName.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0);
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages { QStringLiteral("en") };
    const QStringList files =
        QDir(resourceDir).entryList({ catalogueName + QStringLiteral("_*.qm") }, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(catalogueName.size() + 1).chopped(3);
        if (!languages.contains(code))
            languages << code;
    }
    return languages;
}

QString configuredLanguage()
{
    return QSettings().value(QLatin1String(settingsKey)).toString();
}

QString installTranslations(QCoreApplication& app, const QString& languageOverride)
{
    removeInstalled();
    const QString wanted = languageOverride.trimmed();
    if (!wanted.isEmpty()) {
        // Sizes and numbers formatted through QLocale() ("125 octets") then match the chosen language; the
        // territory stays the system's, so a Swiss user choosing French gets fr_CH conventions.
        const QLocale chosen(wanted);
        if (chosen.language() != QLocale::C)
            QLocale::setDefault(QLocale(chosen.language(), QLocale().territory()));
    }
    if (wanted == QLatin1String("en"))
        return QStringLiteral("en");

    auto* ours = new QTranslator(&app);
    const bool loaded = wanted.isEmpty() ? ours->load(QLocale(), catalogueName, QStringLiteral("_"), resourceDir)
                                         : ours->load(catalogueName + QLatin1Char('_') + wanted, resourceDir);
    if (!loaded) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    s_ours = ours;

    // The language of the catalogue that matched, not the locale: a de_AT system gets understudy_de and qtbase_de.
    const QString language = languageOf(ours->language());
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s_qt = qt;
    } else {
        delete qt;
    }
    return language;
}

} // namespace Translation
