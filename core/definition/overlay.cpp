// SPDX-License-Identifier: MIT
#include "core/definition/overlay.h"

#include <algorithm>

#include <QJsonArray>

#include "core/json/jsonpath.h"
#include "core/json/jsonpointer.h"

namespace Overlay {

QJsonValue merge(const QJsonValue& target, const QJsonValue& update)
{
    if (target.isObject() && update.isObject()) {
        QJsonObject merged = target.toObject();
        const QJsonObject u = update.toObject();
        for (auto it = u.constBegin(); it != u.constEnd(); ++it)
            merged.insert(it.key(), merge(merged.value(it.key()), it.value()));
        return merged;
    }
    if (target.isArray()) {
        QJsonArray merged = target.toArray();
        if (update.isArray()) {
            const QJsonArray u = update.toArray();
            for (const QJsonValue& v : u)
                merged.append(v);
        } else {
            merged.append(update);
        }
        return merged;
    }
    return update;
}

Diagnostics apply(const QJsonValue& overlay, const QString& file, QJsonObject* document)
{
    Diagnostics diagnostics;
    const auto error = [&](const QString& message, const QString& pointer, const QString& code) {
        diagnostics.append(Diagnostic::error(message, file, pointer, code));
        return diagnostics;
    };
    const auto warn = [&](const QString& message, const QString& pointer, const QString& code) {
        diagnostics.append(Diagnostic::warning(message, file, pointer, code));
    };
    const QJsonObject root = overlay.toObject();
    const QJsonValue version = root.value(QLatin1String("overlay"));
    if (!overlay.isObject() || version.isUndefined())
        return error(QStringLiteral("Not an OpenAPI Overlay: there is no \"overlay\" version field"), QString(),
            QStringLiteral("overlay-invalid"));
    const QString versionText = version.isString() ? version.toString() : QString::number(version.toDouble());
    if (!versionText.startsWith(QLatin1String("1.")))
        warn(QStringLiteral("Overlay version \"%1\" is not 1.x; its actions are applied as Overlay 1.0's")
                 .arg(versionText),
            QStringLiteral("/overlay"), QStringLiteral("overlay-version"));
    const QJsonObject info = root.value(QLatin1String("info")).toObject();
    if (!info.value(QLatin1String("title")).isString() || info.value(QLatin1String("version")).isUndefined())
        warn(QStringLiteral("The overlay's info needs a title and a version"), QStringLiteral("/info"),
            QStringLiteral("overlay-info"));
    if (!root.value(QLatin1String("actions")).isArray())
        return error(
            QStringLiteral("The overlay has no list of actions"), QString(), QStringLiteral("overlay-invalid"));

    QJsonValue tree = *document;
    const QJsonArray actions = root.value(QLatin1String("actions")).toArray();
    for (int i = 0; i < actions.size(); ++i) {
        const QString pointer = JsonPointer::append(QStringLiteral("/actions"), i);
        const QJsonObject action = actions.at(i).toObject();
        const QJsonValue target = action.value(QLatin1String("target"));
        if (!target.isString()) {
            warn(QStringLiteral("Action %1 has no target; it is skipped").arg(i + 1), pointer,
                QStringLiteral("overlay-action-invalid"));
            continue;
        }
        const QString targetPointer = JsonPointer::append(pointer, QStringLiteral("target"));
        QString why;
        int column = 0;
        const JsonPath path = JsonPath::parse(target.toString(), &why, &column);
        if (!path.isValid()) {
            warn(QStringLiteral("Action %1: the target %2 is not supported (column %3: %4); it is skipped")
                     .arg(i + 1)
                     .arg(target.toString())
                     .arg(column)
                     .arg(why),
                targetPointer, QStringLiteral("overlay-target-unsupported"));
            continue;
        }
        const bool remove = action.value(QLatin1String("remove")).toBool();
        const QJsonValue update = action.value(QLatin1String("update"));
        if (!remove && update.isUndefined()) {
            warn(QStringLiteral("Action %1 has neither update nor remove: true; it is skipped").arg(i + 1), pointer,
                QStringLiteral("overlay-action-invalid"));
            continue;
        }
        QStringList matches = path.select(tree);
        if (matches.isEmpty()) {
            warn(QStringLiteral("Action %1: the target %2 matches nothing in the definition")
                     .arg(i + 1)
                     .arg(target.toString()),
                targetPointer, QStringLiteral("overlay-no-match"));
            continue;
        }
        if (remove) {
            // Later siblings first, so the indexes of the ones still to go stay right.
            std::reverse(matches.begin(), matches.end());
            for (const QString& m : std::as_const(matches)) {
                if (m.isEmpty()) {
                    warn(QStringLiteral("Action %1: the document root cannot be removed").arg(i + 1), targetPointer,
                        QStringLiteral("overlay-action-invalid"));
                    continue;
                }
                QString gone; // a match inside one removed before it is gone with it
                JsonPointer::edit(tree, m, JsonPointer::Edit::Remove, {}, &gone);
            }
            continue;
        }
        int skipped = 0;
        for (const QString& m : std::as_const(matches)) {
            const QJsonValue current = JsonPointer::value(tree, m);
            if (!current.isObject() && !current.isArray()) {
                ++skipped;
                continue;
            }
            const QJsonValue merged = merge(current, update);
            if (m.isEmpty()) {
                if (merged.isObject())
                    tree = merged;
                continue;
            }
            QString unused; // every match exists: JsonPath found it in this tree
            JsonPointer::edit(tree, m, JsonPointer::Edit::Replace, merged, &unused);
        }
        if (skipped > 0)
            warn(QStringLiteral("Action %1: %2 of the nodes %3 selects are neither objects nor arrays; an update "
                                "cannot merge into them")
                     .arg(i + 1)
                     .arg(skipped)
                     .arg(target.toString()),
                targetPointer, QStringLiteral("overlay-update-scalar"));
    }
    *document = tree.toObject();
    return diagnostics;
}

} // namespace Overlay
