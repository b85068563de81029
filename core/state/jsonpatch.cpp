// SPDX-License-Identifier: MIT
#include "core/state/jsonpatch.h"

#include <QJsonArray>
#include <QJsonObject>

#include "core/json/jsonpointer.h"

namespace {

constexpr int kMaxPointerDepth = 256;

// Where a pointer ends: its parent path and last token; "" (the whole document) has no parent.
bool splitPointer(const QString& pointer, QStringList* tokens, QString* error)
{
    if (!pointer.isEmpty() && !pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("'%1' is not a JSON pointer").arg(pointer);
        return false;
    }
    *tokens = JsonPointer::split(pointer);
    if (tokens->size() > kMaxPointerDepth) {
        *error = QStringLiteral("the pointer is nested too deeply");
        return false;
    }
    return true;
}

bool arrayIndex(const QString& token, int size, bool allowEnd, int* index)
{
    if (allowEnd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    if (token.isEmpty() || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return false;
    bool ok = false;
    const int i = token.toInt(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size))
        return false;
    *index = i;
    return true;
}

enum class Edit
{
    Add,
    Remove,
    Replace
};

// Applies one edit at `tokens[depth..]` inside `node`, rebuilding the containers on the way back up.
bool edit(QJsonValue& node, const QStringList& tokens, int depth, Edit kind, const QJsonValue& value, QString* error)
{
    const QString& token = tokens.at(depth);
    const bool last = depth == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (kind != Edit::Add && !object.contains(token)) {
                *error = QStringLiteral("member '%1' does not exist").arg(token);
                return false;
            }
            if (kind == Edit::Remove)
                object.remove(token);
            else
                object.insert(token, value);
        } else {
            if (!object.contains(token)) {
                *error = QStringLiteral("member '%1' does not exist").arg(token);
                return false;
            }
            QJsonValue child = object.value(token);
            if (!edit(child, tokens, depth + 1, kind, value, error))
                return false;
            object.insert(token, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        int index = 0;
        if (!arrayIndex(token, array.size(), last && kind == Edit::Add, &index)) {
            *error = QStringLiteral("'%1' is not an index of the array").arg(token);
            return false;
        }
        if (last) {
            if (kind == Edit::Add)
                array.insert(index, value);
            else if (kind == Edit::Remove)
                array.removeAt(index);
            else
                array.replace(index, value);
        } else {
            QJsonValue child = array.at(index);
            if (!edit(child, tokens, depth + 1, kind, value, error))
                return false;
            array.replace(index, child);
        }
        node = array;
        return true;
    }
    *error = QStringLiteral("'%1' is below a value that is neither an object nor an array").arg(token);
    return false;
}

bool change(QJsonValue& document, const QString& pointer, Edit kind, const QJsonValue& value, QString* error)
{
    QStringList tokens;
    if (!splitPointer(pointer, &tokens, error))
        return false;
    if (tokens.isEmpty()) {
        if (kind == Edit::Remove) {
            *error = QStringLiteral("the whole document cannot be removed");
            return false;
        }
        document = value;
        return true;
    }
    return edit(document, tokens, 0, kind, value, error);
}

bool lookup(const QJsonValue& document, const QString& pointer, QJsonValue* out, QString* error)
{
    QStringList tokens;
    if (!splitPointer(pointer, &tokens, error))
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
                ok = change(document, path, name == QLatin1String("add") ? Edit::Add : Edit::Replace,
                    op.value(QStringLiteral("value")), &error);
            }
        } else if (name == QLatin1String("remove")) {
            ok = change(document, path, Edit::Remove, {}, &error);
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
                ok = change(document, from, Edit::Remove, {}, &error);
            if (ok)
                ok = change(document, path, Edit::Add, moved, &error);
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
