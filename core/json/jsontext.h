// SPDX-License-Identifier: MIT
// Cheap byte-level scans of JSON text, run before handing it to a full parser.
#pragma once

#include <QByteArray>

namespace JsonText {

// Offset of the first '{' or '[' that opens a level deeper than `limit`, or -1 when the text stays within it.
// Brackets inside strings do not count; the text need not be valid JSON.
qint64 nestingExceededAt(const QByteArray& data, int limit);

} // namespace JsonText
