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
// The request an API developer would send to call `operation` on the mock at `baseUrl`: exactly Try-it's
// prefilled RequestDraft (examples, else SchemaSampler values; required parameters; the first body example).
QString forOperation(const Operation& operation, const Definition& definition, const QUrl& baseUrl);
// Replays a logged request against `baseUrl`.
QString forLogEntry(const RequestLogEntry& entry, const QUrl& baseUrl);

} // namespace CurlCommand
