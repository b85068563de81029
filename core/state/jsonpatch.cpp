// SPDX-License-Identifier: MIT
#include "core/state/jsonpatch.h"

#include <QJsonArray>
#include <QJsonObject>

#include "core/json/jsonpointer.h"

namespace {

// The pointer's form and depth, before any lookup.
bool checkPointer(const QString& pointer, QString* error)
{
    QStringList tokens;
    return JsonPointer::tokens(pointer, &tokens, error);
}

bool lookup(const QJsonValue& document, const QString& pointer, QJsonValue* out, QString* error)
{
    if (!checkPointer(pointer, error))
        return false;
    if (!JsonPointer::resolve(document, pointer, out)) {
        *error = QStringLiteral("%1 does not exist").arg(pointer);
        return false;
    }
    return true;
}

} // namespace

namespace JsonPatch {

QJsonValue mergePatch(const QJsonValue& target, const QJsonValue& patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

PatchResult apply(const QJsonValue& target, const QJsonValue& operations)
{
    PatchResult result;
    if (!operations.isArray()) {
        result.error = QStringLiteral("a JSON Patch document is an array of operations");
        return result;
    }
    QJsonValue document = target;
    const QJsonArray ops = operations.toArray();
    for (int i = 0; i < ops.size(); ++i) {
        const QJsonObject op = ops.at(i).toObject();
        const QString name = op.value(QStringLiteral("op")).toString();
        const QString path = op.value(QStringLiteral("path")).toString();
        QString error;
        bool ok = op.value(QStringLiteral("path")).isString();
        if (!ok) {
            error = QStringLiteral("'path' is missing");
        } else if (name == QLatin1String("add") || name == QLatin1String("replace") || name == QLatin1String("test")) {
            if (!op.contains(QStringLiteral("value"))) {
                ok = false;
                error = QStringLiteral("'value' is missing");
            } else if (name == QLatin1String("test")) {
                QJsonValue current;
                ok = lookup(document, path, &current, &error);
                if (ok && current != op.value(QStringLiteral("value"))) {
                    ok = false;
                    error = QStringLiteral("%1 does not hold the tested value").arg(path);
                }
            } else {
                ok = JsonPointer::edit(document, path,
                    name == QLatin1String("add") ? JsonPointer::Edit::Add : JsonPointer::Edit::Replace,
                    op.value(QStringLiteral("value")), &error);
            }
        } else if (name == QLatin1String("remove")) {
            ok = JsonPointer::edit(document, path, JsonPointer::Edit::Remove, {}, &error);
        } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
            const QString from = op.value(QStringLiteral("from")).toString();
            QJsonValue moved;
            ok = op.value(QStringLiteral("from")).isString() && lookup(document, from, &moved, &error);
            if (!op.value(QStringLiteral("from")).isString())
                error = QStringLiteral("'from' is missing");
            if (ok && name == QLatin1String("move") && (path + QLatin1Char('/')).startsWith(from + QLatin1Char('/'))
                && path != from) {
                ok = false;
                error = QStringLiteral("%1 cannot move into its own child %2").arg(from, path);
            }
            if (ok && name == QLatin1String("move"))
                ok = JsonPointer::edit(document, from, JsonPointer::Edit::Remove, {}, &error);
            if (ok)
                ok = JsonPointer::edit(document, path, JsonPointer::Edit::Add, moved, &error);
        } else {
            ok = false;
            error = QStringLiteral("unknown op '%1'").arg(name);
        }
        if (!ok) {
            result.error =
                QStringLiteral("operation %1 (%2): %3").arg(i).arg(name.isEmpty() ? QStringLiteral("?") : name, error);
            return result;
        }
    }
    result.value = document;
    return result;
}

} // namespace JsonPatch
