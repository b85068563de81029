// SPDX-License-Identifier: MIT
#include "ui/models/allowedfiles.h"

#include <QSettings>

#include "ui/models/definitionkey.h"
#include "ui/settingskeys.h"

namespace AllowedFiles {

namespace {
QString keyFor(const QString& definitionPath)
{
    return DefinitionKey::group(SettingsKeys::allowedFilesPrefix(), definitionPath) + QStringLiteral("/paths");
}
} // namespace

QStringList refusedTargets(const Diagnostics& diagnostics)
{
    QStringList targets;
    for (const Diagnostic& d : diagnostics)
        if (d.code == QLatin1String("ref-outside-project") && !d.target.isEmpty() && !targets.contains(d.target))
            targets.append(d.target);
    return targets;
}

QStringList load(QSettings& settings, const QString& definitionPath)
{
    return settings.value(keyFor(definitionPath)).toStringList();
}

void allow(QSettings& settings, const QString& definitionPath, const QStringList& paths)
{
    QStringList all = load(settings, definitionPath) + paths;
    all.removeDuplicates();
    all.sort();
    settings.setValue(keyFor(definitionPath), all);
}

void clear(QSettings& settings, const QString& definitionPath)
{
    settings.remove(keyFor(definitionPath));
}

} // namespace AllowedFiles
