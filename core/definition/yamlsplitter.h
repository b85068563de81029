// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>

// Cuts a big block-style YAML document into runs of mapping entries that parse on their own, so YamlReader can
// parse them on several threads. Only what the line layout proves safe is cut; anything unusual (directives,
// document markers, tabs in indentation, flow or sequence roots, complex keys) yields an empty plan.
// A wrong cut cannot go unnoticed: the piece before it or after it fails to parse, and the reader falls back.
namespace YamlSplitter {

struct Piece
{
    int mapping = 0; // index into Plan::mappings: the mapping whose entries this piece holds
    qsizetype begin = 0; // byte range of the piece's lines in the document
    qsizetype end = 0;
    int firstLine = 0; // 0-based line of `begin`
};

// One part of a mapping, in written order: a piece of entries, or one entry whose value is split further.
struct Part
{
    int piece = -1; // >= 0: a piece
    int child = -1; // >= 0: a mapping (index into Plan::mappings) that is the value of `key`
    QString key;
    int keyLine = 0;
};

struct Mapping
{
    QStringList path; // keys from the root ({} for the root mapping)
    int indent = 0; // of its entries
    std::vector<Part> parts;
};

struct Plan
{
    std::vector<Mapping> mappings; // [0] is the root mapping; children come after their parent
    std::vector<Piece> pieces;
    bool isEmpty() const
    {
        return pieces.size() < 2;
    }
};

// A key no piece may hold: the reader ends every piece with it (see YamlReader), so a piece that a cut left
// unfinished (an open quote, a dangling key) fails to parse just as the whole document does.
inline constexpr char kSentinelKey[] = "__understudy_piece_end__";

// Plans pieces of about `pieceBytes` bytes; a plan with fewer than two pieces means "parse it whole".
Plan plan(const QByteArray& data, qsizetype pieceBytes);

} // namespace YamlSplitter
