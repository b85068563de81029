// SPDX-License-Identifier: MIT
#include "ui/models/scenarioforcing.h"

#include <QFile>
#include <QSaveFile>

#include "core/scenarios/scenarioloader.h"
#include "core/scenarios/scenariowriter.h"

namespace ScenarioForcing {

bool save(
    const QString& path, const DefinitionPtr& definition, const QHash<QString, ForcedResponse>& forced, QString* error)
{
    if (!definition) {
        *error = QStringLiteral("no definition is loaded");
        return false;
    }
    QFile in(path);
    QByteArray text;
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
            return false;
        }
        text = in.readAll();
    }
    const ScenarioResult current = ScenarioLoader::parse(text, path, definition.get());
    QByteArray edited = text;
    for (const Operation& op : definition->operations) {
        const ScenarioForced was = current.forced.value(op.id);
        const ForcedResponse now = forced.value(op.id);
        if (was.status == now.status && was.example == now.example)
            continue;
        const OperationScenario* scenario = current.scenarios ? current.scenarios->forOperation(op.id) : nullptr;
        const QString key = scenario && !scenario->key.isEmpty() ? scenario->key : op.id;
        const QString value = ScenarioLoader::forcedText(ScenarioForced { now.status, now.example });
        edited = ScenarioWriter::setField(edited, key, QStringLiteral("forced"), value, error);
        if (!error->isEmpty())
            return false;
    }
    if (edited == text && in.exists())
        return true;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(edited) != edited.size() || !out.commit()) {
        *error = QStringLiteral("cannot save %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace ScenarioForcing
