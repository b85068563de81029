// SPDX-License-Identifier: MIT
// Turns request log entries into an HTTP Archive (HAR 1.2) document.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QUrl>

#include "core/engine/requestlogentry.h"

namespace HarExporter {

// `baseUrl` is the mock's URL ("http://127.0.0.1:4010"); entries keep their order.
QJsonObject toHar(const QList<RequestLogEntry>& entries, const QUrl& baseUrl);
QByteArray toJson(const QList<RequestLogEntry>& entries, const QUrl& baseUrl);
// Writes the HAR file; returns false with a readable reason on failure.
bool writeFile(
    const QString& path, const QList<RequestLogEntry>& entries, const QUrl& baseUrl, QString* error = nullptr);

} // namespace HarExporter
