// SPDX-License-Identifier: MIT
#include "core/json/jsontext.h"

namespace JsonText {

// Counted on the raw bytes so the happy path costs one pass, and QJsonDocument never sees hostile nesting.
qint64 nestingExceededAt(const QByteArray& data, int limit)
{
    int depth = 0;
    bool inString = false;
    const char* p = data.constData();
    const qint64 n = data.size();
    for (qint64 i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return -1;
}

} // namespace JsonText
