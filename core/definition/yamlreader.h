// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include "core/json/diagnostic.h"
#include "core/json/keyorder.h"

struct YamlReadResult
{
    QJsonValue value; // Undefined when the text holds no document or reading failed
    Diagnostics diagnostics; // syntax errors (fatal) and duplicate-key warnings
    qint64 nodes = 0; // nodes produced, aliases counted at their expanded size
    KeyOrder::Map keyOrders; // written key order of the maps KeyOrder::isRecorded() selects (not via aliases)
    bool ok = false;
};

// Turns YAML (or JSON) text into a QJsonValue per the YAML 1.2 core schema, bounded in depth and node count.
class YamlReader
{
public:
    struct Limits
    {
        int maxDepth = 256;
        qint64 maxNodes = 5'000'000;
        // Documents at least this big are cut into pieces (YamlSplitter) parsed on `threads` threads
        // (0: the machine's cores, at most 8); the result is the same as one parse. 0 never splits.
        qsizetype splitAboveBytes = 512 * 1024;
        qsizetype pieceBytes = 0; // 0: about a sixteenth of the document, at least 64 KiB
        int threads = 0;
    };

    // Aliases are kept shared while reading and counted at their expanded size against `maxNodes`,
    // so alias bombs fail fast without being expanded.
    static YamlReadResult read(const QByteArray& data, const QString& file, const Limits& limits);

    // Core-schema resolution of an untagged plain scalar: null, bool, int (0x/0o), float (.inf/.nan) or string.
    static QJsonValue resolvePlainScalar(const QByteArray& text);
};
