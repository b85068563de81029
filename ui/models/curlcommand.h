// SPDX-License-Identifier: MIT
// Builds copy-pasteable curl command lines for an operation or a logged request.
#pragma once

#include <QString>
#include <QUrl>

#include "core/definition/definition.h"
#include "core/engine/requestlogentry.h"

namespace CurlCommand {

// POSIX shell single-quoting: abc -> 'abc', it's -> 'it'\''s'.
QString shellQuote(const QString& text);
// The request an API developer would send to call `operation` on the mock at `baseUrl`: path parameters and
// required query parameters filled with examples, required headers, and an example body.
QString forOperation(const Operation& operation, const Definition& definition, const QUrl& baseUrl);
// Replays a logged request against `baseUrl`.
QString forLogEntry(const RequestLogEntry& entry, const QUrl& baseUrl);

} // namespace CurlCommand
