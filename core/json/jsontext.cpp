// SPDX-License-Identifier: MIT
#include "core/json/jsontext.h"

#include <cstdint>
#include <cstring>

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

EncodingError firstEncodingError(const QByteArray& data)
{
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const qint64 n = data.size();
    const auto fail = [&](qint64 at) {
        EncodingError e;
        e.offset = at;
        e.byte = p[at];
        e.nul = p[at] == 0;
        return e;
    };
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    qint64 i = 0;
    while (i < n) {
        // Eight ASCII bytes without a NUL at a time: the common case for definitions.
        if (i + 8 <= n) {
            std::uint64_t v;
            std::memcpy(&v, p + i, 8);
            if ((v & kHigh) == 0 && ((v - kOnes) & ~v & kHigh) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c == 0)
            return fail(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80; // allowed range of the second byte
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // past U+10FFFF
        } else {
            return fail(i);
        }
        if (i + length > n)
            return fail(i);
        if (p[i + 1] < low || p[i + 1] > high)
            return fail(i);
        for (int k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return fail(i);
        i += length;
    }
    return {};
}

} // namespace JsonText
