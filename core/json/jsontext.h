// SPDX-License-Identifier: MIT
// Cheap byte-level scans of JSON (and YAML) text, run before handing it to a full parser.
#pragma once

#include <QByteArray>

namespace JsonText {

// Offset of the first '{' or '[' that opens a level deeper than `limit`, or -1 when the text stays within it.
// Brackets inside strings do not count; the text need not be valid JSON.
qint64 nestingExceededAt(const QByteArray& data, int limit);

// The first NUL byte, or the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF are ill-formed), or offset -1 when the text is clean.
struct EncodingError
{
    qint64 offset = -1;
    bool nul = false; // else invalid UTF-8
    unsigned char byte = 0;
};
EncodingError firstEncodingError(const QByteArray& data);

} // namespace JsonText
