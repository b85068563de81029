// SPDX-License-Identifier: MIT
#include "core/json/keyorder.h"

#include <array>
#include <cstring>
#include <vector>

#include <QSet>

#include "core/json/jsonpointer.h"

namespace {

// The maps whose order is meaningful wherever they appear (operations, responses, components, headers).
constexpr const char* kOrderedMaps[] = { "responses", "content", "examples", "headers" };

template<typename KeyIs, typename RootKeyIs>
bool isRecordedImpl(int depth, KeyIs keyIs, RootKeyIs rootKeyIs)
{
    if (depth < 1)
        return false;
    if (depth == 1 && keyIs("paths"))
        return true;
    if (depth == 2 && rootKeyIs("paths"))
        return true; // a path item: its keys give the methods' order
    for (const char* name : kOrderedMaps)
        if (keyIs(name))
            return true;
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes the body of a JSON string (without its quotes). Bad escapes are kept as written.
QString decodeJsonString(const char* s, qsizetype n, bool escaped)
{
    if (!escaped)
        return QString::fromUtf8(s, n);
    QString out;
    out.reserve(n);
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < n) {
        if (s[i] != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(s + runStart, i - runStart);
        if (i + 1 >= n) {
            runStart = i;
            break;
        }
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'u': {
            int code = 0;
            bool ok = i + 4 <= n;
            for (int k = 0; ok && k < 4; ++k) {
                const int h = hexValue(s[i + k]);
                ok = h >= 0;
                code = code * 16 + h;
            }
            if (ok) {
                // UTF-16 units go straight into the QString, so surrogate pairs join up by themselves.
                out += QChar(static_cast<char16_t>(code));
                i += 4;
            } else {
                out += QLatin1String("\\u");
            }
            break;
        }
        default:
            out += QLatin1Char(e);
            break; // \" \\ \/
        }
        runStart = i;
    }
    out += QString::fromUtf8(s + runStart, n - runStart);
    return out;
}

// The bytes scanJson() stops at; everything else is skipped.
constexpr auto kStructural = [] {
    std::array<bool, 256> table {};
    for (const unsigned char c : { '"', '{', '}', '[', ']', ',' })
        table[c] = true;
    return table;
}();

// One open object or array while scanning.
struct Level
{
    bool object = false;
    bool expectKey = false;
    bool record = false;
    bool keyEscaped = false;
    int index = 0; // arrays: index of the current element
    const char* key = nullptr; // objects: the current key, raw bytes inside the quotes
    qsizetype keyLength = 0;
    QString pointer; // only for recorded objects
    QStringList keys;
};

QString pointerOf(const std::vector<Level>& levels)
{
    QString pointer;
    for (const Level& l : levels)
        pointer = l.object ? JsonPointer::append(pointer, decodeJsonString(l.key, l.keyLength, l.keyEscaped))
                           : JsonPointer::append(pointer, l.index);
    return pointer;
}

bool shouldRecord(const std::vector<Level>& levels)
{
    const int depth = static_cast<int>(levels.size());
    if (depth == 0)
        return false;
    const Level& parent = levels.back();
    const Level& root = levels.front();
    if ((parent.object && parent.keyEscaped) || (root.object && root.keyEscaped)) {
        const QString key = parent.object ? decodeJsonString(parent.key, parent.keyLength, true) : QString();
        const QString rootKey = root.object ? decodeJsonString(root.key, root.keyLength, root.keyEscaped) : QString();
        return KeyOrder::isRecorded(depth, key, rootKey);
    }
    const QByteArrayView key =
        parent.object && parent.key ? QByteArrayView(parent.key, parent.keyLength) : QByteArrayView();
    const QByteArrayView rootKey =
        root.object && root.key ? QByteArrayView(root.key, root.keyLength) : QByteArrayView();
    return KeyOrder::isRecorded(depth, key, rootKey);
}

} // namespace

bool KeyOrder::isRecorded(int depth, QStringView key, QStringView rootKey)
{
    const auto keyIs = [&](const char* name) { return key == QLatin1String(name); };
    const auto rootKeyIs = [&](const char* name) { return rootKey == QLatin1String(name); };
    return isRecordedImpl(depth, keyIs, rootKeyIs);
}

bool KeyOrder::isRecorded(int depth, QByteArrayView key, QByteArrayView rootKey)
{
    const auto keyIs = [&](const char* name) { return key == QByteArrayView(name); };
    const auto rootKeyIs = [&](const char* name) { return rootKey == QByteArrayView(name); };
    return isRecordedImpl(depth, keyIs, rootKeyIs);
}

KeyOrder::Map KeyOrder::scanJson(const QByteArray& data)
{
    Map orders;
    std::vector<Level> levels;
    levels.reserve(64);
    const char* p = data.constData();
    const char* const end = p + data.size();
    while (p < end) {
        // Numbers, literals, whitespace and colons carry nothing we need; skip them in a tight loop.
        while (p < end && !kStructural[static_cast<unsigned char>(*p)])
            ++p;
        if (p == end)
            break;
        const char c = *p;
        if (c == '"') {
            const char* s = p + 1;
            const char* q = s;
            bool escaped = false;
            for (;;) {
                q = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end - q)));
                if (!q)
                    return orders; // unterminated string
                const char* b = q;
                while (b > s && b[-1] == '\\')
                    --b;
                if (b != q)
                    escaped = true;
                if ((q - b) % 2 == 0)
                    break;
                ++q;
            }
            if (!levels.empty() && levels.back().object && levels.back().expectKey) {
                // Only keys need to know about escapes (values are skipped).
                if (!escaped && std::memchr(s, '\\', static_cast<size_t>(q - s)))
                    escaped = true;
                Level& l = levels.back();
                l.key = s;
                l.keyLength = q - s;
                l.keyEscaped = escaped;
                l.expectKey = false;
                if (l.record)
                    l.keys.append(decodeJsonString(s, q - s, escaped));
            }
            p = q + 1;
        } else if (c == '{' || c == '[') {
            Level l;
            l.object = c == '{';
            l.expectKey = l.object;
            if (l.object && shouldRecord(levels)) {
                l.record = true;
                l.pointer = pointerOf(levels);
            }
            levels.push_back(std::move(l));
            ++p;
        } else if (c == '}' || c == ']') {
            if (levels.empty())
                return orders;
            Level& l = levels.back();
            if (l.record)
                orders.insert(l.pointer, std::move(l.keys));
            levels.pop_back();
            ++p;
        } else if (c == ',') {
            if (!levels.empty()) {
                if (levels.back().object)
                    levels.back().expectKey = true;
                else
                    ++levels.back().index;
            }
            ++p;
        }
    }
    return orders;
}

QStringList KeyOrder::orderedKeys(const QJsonObject& object, const QStringList* written)
{
    if (!written || written->isEmpty())
        return object.keys();
    QStringList out;
    out.reserve(object.size());
    QSet<QString> seen;
    seen.reserve(written->size());
    for (const QString& key : *written) {
        if (seen.contains(key) || !object.contains(key))
            continue;
        seen.insert(key);
        out.append(key);
    }
    if (out.size() < object.size())
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (!seen.contains(it.key()))
                out.append(it.key());
    return out;
}
