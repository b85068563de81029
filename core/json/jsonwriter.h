// SPDX-License-Identifier: MIT
// Writes compact JSON straight into bytes, exactly as QJsonDocument::toJson(Compact) would, without building
// QJsonObjects first (the error answers' hot path: a problem body is written once per request).
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace JsonWriter {

// A JSON string: quoted, with `"`, `\` and control characters escaped and the rest as UTF-8 (an unpaired
// surrogate as \uXXXX), like QJsonDocument.
void appendString(QByteArray* out, QStringView text);
// Any value, objects with their keys in QJsonObject's (sorted) order; numbers as QJsonDocument writes them.
void appendValue(QByteArray* out, const QJsonValue& value);
QByteArray compact(const QJsonValue& value);

} // namespace JsonWriter
