// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// Maps JSON pointers to 1-based line/column positions in YAML or JSON source text (used only for diagnostics).
class SourceLocator
{
public:
    struct Position
    {
        int line = 0; // 1-based; 0 when unknown
        int column = 0; // 1-based
    };

    // Re-parses `data` and returns a position for every pointer in `pointers`: the node itself when it
    // exists, else its deepest existing ancestor. Pointers not found at all are absent from the result.
    static QHash<QString, Position> locate(const QByteArray& data, const QStringList& pointers);

    // Line/column of a byte offset (e.g. a QJsonParseError offset); columns count UTF-8 characters.
    static Position fromOffset(const QByteArray& data, qint64 offset);
};
