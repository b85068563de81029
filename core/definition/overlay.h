// SPDX-License-Identifier: MIT
// Applies an OpenAPI Overlay 1.0 document's actions, in order, to a definition's document tree.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "core/json/diagnostic.h"

/**
 * Each action's `target` (a JSONPath, see JsonPath) selects nodes of the document; `remove: true` removes them,
 * else `update` is merged into each: objects recursively, arrays appended to, anything else replaced. A target
 * that is not supported or selects nothing is a warning (file and pointer into the overlay), never a failure; an
 * overlay without `overlay` or `actions` is an error and changes nothing.
 */
namespace Overlay {

Diagnostics apply(const QJsonValue& overlay, const QString& file, QJsonObject* document);

// `update` merged into `target` as an overlay's update action does.
QJsonValue merge(const QJsonValue& target, const QJsonValue& update);

} // namespace Overlay
