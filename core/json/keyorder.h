// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

// Remembers the written order of keys for the objects whose order carries meaning, because QJsonObject
// sorts its keys: `paths`, each path item, and every `responses`, `content`, `examples` and `headers` map.
namespace KeyOrder {

// Object pointer inside one file ("/paths/~1books/get/responses") -> its keys as written (may repeat).
using Map = QHash<QString, QStringList>;
// File -> its orders; what Definition::keyOrders holds.
using Files = QHash<QString, Map>;

// Whether an object reached through `key` is one we record. `depth` counts the object's ancestors
// (1 for a member of the root object); `rootKey` is the root member the object sits under.
bool isRecorded(int depth, QStringView key, QStringView rootKey);
bool isRecorded(int depth, QByteArrayView key, QByteArrayView rootKey);

// One pass over valid JSON text (e.g. after QJsonDocument accepted it); records the orders of the objects
// isRecorded() selects. Malformed text yields a partial map and never reads out of bounds.
Map scanJson(const QByteArray& data);

// The keys of `object`: those of `written` first (in that order, once each, only if present), then any
// others in sorted order. `written` may be null (no record): then simply the sorted keys.
QStringList orderedKeys(const QJsonObject& object, const QStringList* written);

} // namespace KeyOrder
