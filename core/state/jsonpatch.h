// SPDX-License-Identifier: MIT
// Applies JSON Merge Patch (RFC 7396) and JSON Patch (RFC 6902) documents to a JSON value.
#pragma once

#include <QJsonValue>
#include <QString>

struct PatchResult
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // the patched document (Undefined when `error` is set)
    QString error; // "operation 2 (remove): /tags/9 does not exist"
    bool ok() const
    {
        return error.isEmpty();
    }
};

namespace JsonPatch {

// RFC 7396: objects merge recursively, null removes a member, anything else replaces.
QJsonValue mergePatch(const QJsonValue& target, const QJsonValue& patch);
// RFC 6902: add, remove, replace, move, copy, test, applied in order; the first failing operation stops it all.
PatchResult apply(const QJsonValue& target, const QJsonValue& operations);

} // namespace JsonPatch
