// SPDX-License-Identifier: MIT
// Plans independent pieces of a block-style YAML document from its line layout alone.
#include "core/definition/yamlsplitter.h"

namespace YamlSplitter {
namespace {

struct Line
{
    qsizetype begin = 0; // first byte of the line
    qsizetype next = 0; // first byte of the next line
    int indent = 0; // leading spaces
    char first = 0; // first byte after the indentation
    bool content = false; // neither blank nor a comment
};

bool isSequenceEntry(const QByteArray& data, const Line& line)
{
    if (line.first != '-')
        return false;
    const qsizetype after = line.begin + line.indent + 1;
    return after >= line.next || data.at(after) == ' ' || data.at(after) == '\n' || data.at(after) == '\r';
}

// The key of an entry line written as `key:` with nothing but a comment after the colon, when the key is a plain
// scalar whose text is its value (no indicator first, no quotes, no `: ` or ` #` inside, no trailing space).
bool simpleKeyWithBlockValue(const QByteArray& data, const Line& line, QString* key)
{
    static const QByteArray indicators("-?:,[]{}#&*!|>'\"%@`");
    const qsizetype start = line.begin + line.indent;
    qsizetype end = line.next;
    while (end > start && (data.at(end - 1) == '\n' || data.at(end - 1) == '\r'))
        --end;
    if (start >= end || indicators.contains(data.at(start)))
        return false;
    qsizetype colon = -1;
    for (qsizetype i = start; i < end; ++i) {
        const char c = data.at(i);
        if (static_cast<unsigned char>(c) < 0x20)
            return false;
        if (c == '#' && data.at(i - 1) == ' ')
            return false;
        if (c == ':' && (i + 1 == end || data.at(i + 1) == ' ')) {
            colon = i;
            break;
        }
    }
    if (colon <= start || data.at(colon - 1) == ' ')
        return false;
    for (qsizetype i = colon + 1; i < end; ++i) {
        if (data.at(i) == '#')
            break;
        if (data.at(i) != ' ')
            return false;
    }
    // A plain scalar that may resolve to something else than its text (null, a boolean, a number such as 0x1F or
    // 1.0: the reader keys those by their value, `null:` by "") is left to the whole parse; only decimal digits
    // without a leading zero read back as written.
    const char first = data.at(start);
    const QByteArrayView text(data.constData() + start, colon - start);
    static const QByteArrayView words[] = { "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
        "FALSE" };
    for (const QByteArrayView word : words) {
        if (text == word)
            return false;
    }
    if (QByteArrayView("0123456789-+.").contains(first)) {
        if (first < '0' || first > '9' || (first == '0' && text.size() > 1))
            return false;
        for (const char c : text) {
            if (c < '0' || c > '9')
                return false;
        }
    }
    *key = QString::fromUtf8(data.constData() + start, colon - start);
    return true;
}

// An entry's first line must look like the start of a mapping entry: a plain key, or a quoted one.
bool looksLikeEntry(const Line& line)
{
    static const QByteArray refused("-?:,[]{}#&*!|>%@`");
    return !refused.contains(line.first);
}

// True when every line ends in "\n" or "\r\n" and no other control byte but a tab occurs: the planner's lines are
// then the parser's lines. A bare "\r" is a line break to the parser and not to the planner, so such a document
// (and one holding NUL or other control bytes, which the parser reports) is read whole.
bool plainLineBreaks(const QByteArray& data)
{
    const char* const begin = data.constData();
    const char* const end = begin + data.size();
    for (const char* p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 || c == '\n' || c == '\t')
            continue;
        if (c == '\r' && p + 1 != end && p[1] == '\n')
            continue;
        return false;
    }
    return true;
}

class Planner
{
public:
    Planner(const QByteArray& data, qsizetype pieceBytes)
        : m_data(data)
        , m_pieceBytes(pieceBytes)
    { }

    Plan run()
    {
        if (!scanLines())
            return {};
        int firstContent = 0;
        while (firstContent < static_cast<int>(m_lines.size()) && !m_lines[firstContent].content)
            ++firstContent;
        if (firstContent == static_cast<int>(m_lines.size()) || m_lines[firstContent].indent != 0)
            return {};
        if (m_data.contains(kSentinelKey))
            return {};
        m_plan.mappings.push_back(Mapping {});
        if (!splitMapping(0, firstContent, static_cast<int>(m_lines.size()), 0))
            return {};
        return std::move(m_plan);
    }

private:
    bool scanLines()
    {
        const qsizetype size = m_data.size();
        if (size >= 3 && m_data.startsWith("\xEF\xBB\xBF"))
            return false;
        qsizetype pos = 0;
        while (pos < size) {
            Line line;
            line.begin = pos;
            qsizetype nl = m_data.indexOf('\n', pos);
            line.next = nl < 0 ? size : nl + 1;
            qsizetype i = pos;
            while (i < line.next && m_data.at(i) == ' ')
                ++i;
            line.indent = static_cast<int>(i - pos);
            const char c = i < line.next ? m_data.at(i) : '\n';
            line.first = c;
            if (c == '\t')
                return false; // tabs in indentation: leave it to the parser
            line.content = c != '\n' && c != '\r' && c != '#';
            if (line.content && line.indent == 0
                && (c == '%' || m_data.mid(i, 3) == "---" || m_data.mid(i, 3) == "..."))
                return false; // directives and document markers
            m_lines.push_back(line);
            pos = line.next;
        }
        return true;
    }

    qsizetype bytes(int from, int to) const
    {
        return lineBegin(to) - m_lines[from].begin;
    }
    qsizetype lineBegin(int index) const
    {
        return index < static_cast<int>(m_lines.size()) ? m_lines[index].begin : m_data.size();
    }

    // Entries of the mapping at `indent` on lines [from, to); false when the layout is not plainly a mapping.
    bool splitMapping(int mapping, int from, int to, int indent)
    {
        std::vector<int> entries;
        for (int i = from; i < to; ++i) {
            const Line& line = m_lines[i];
            if (!line.content)
                continue;
            if (line.indent < indent)
                return false;
            if (line.indent > indent || isSequenceEntry(m_data, line)) {
                if (entries.empty())
                    return false;
                continue;
            }
            if (!looksLikeEntry(line))
                return false;
            entries.push_back(i);
        }
        if (entries.empty())
            return false;
        m_plan.mappings[mapping].indent = indent;
        const auto entryEnd = [&](size_t e) { return e + 1 < entries.size() ? entries[e + 1] : to; };
        int pieceStart = -1;
        const auto closePiece = [&](int end) {
            if (pieceStart < 0)
                return;
            Piece piece;
            piece.mapping = mapping;
            piece.begin = m_lines[pieceStart].begin;
            piece.end = lineBegin(end);
            piece.firstLine = pieceStart;
            m_plan.mappings[mapping].parts.push_back(Part { static_cast<int>(m_plan.pieces.size()), -1, {}, 0 });
            m_plan.pieces.push_back(piece);
            pieceStart = -1;
        };
        for (size_t e = 0; e < entries.size(); ++e) {
            const int start = entries[e];
            const int end = entryEnd(e);
            if (bytes(start, end) > m_pieceBytes) {
                closePiece(start); // what comes before a split entry is parsed before it
                if (trySplitEntry(mapping, start, end, indent))
                    continue;
            }
            if (pieceStart < 0)
                pieceStart = start;
            if (bytes(pieceStart, end) >= m_pieceBytes)
                closePiece(end);
        }
        closePiece(to);
        return true;
    }

    // Splits an entry `key:` whose value is a block mapping into that mapping's own pieces.
    bool trySplitEntry(int mapping, int start, int end, int indent)
    {
        QString key;
        if (!simpleKeyWithBlockValue(m_data, m_lines[start], &key))
            return false;
        int valueLine = start + 1;
        while (valueLine < end && !m_lines[valueLine].content)
            ++valueLine;
        if (valueLine == end || m_lines[valueLine].indent <= indent || isSequenceEntry(m_data, m_lines[valueLine])
            || !looksLikeEntry(m_lines[valueLine]))
            return false;
        const size_t mappingsBefore = m_plan.mappings.size();
        const size_t piecesBefore = m_plan.pieces.size();
        Mapping child;
        child.path = m_plan.mappings[mapping].path;
        child.path.append(key);
        m_plan.mappings.push_back(std::move(child));
        if (!splitMapping(static_cast<int>(mappingsBefore), valueLine, end, m_lines[valueLine].indent)) {
            m_plan.mappings.resize(mappingsBefore);
            m_plan.pieces.resize(piecesBefore);
            return false;
        }
        m_plan.mappings[mapping].parts.push_back(Part { -1, static_cast<int>(mappingsBefore), key, start });
        return true;
    }

    const QByteArray& m_data;
    qsizetype m_pieceBytes;
    std::vector<Line> m_lines;
    Plan m_plan;
};

} // namespace

Plan plan(const QByteArray& data, qsizetype pieceBytes)
{
    // A piece ends with a line break before the reader's sentinel entry; the last line of a document without one
    // would change (a block scalar's clipped final line break), so such a document is read whole.
    if (!data.endsWith('\n') || !plainLineBreaks(data))
        return {};
    // yaml-cpp reads a document as UTF-16 or UTF-32 when it starts with their byte order mark or with a NUL in its
    // first bytes; the pieces would be read as UTF-8. Such a document is read whole.
    if (data.startsWith("\xff\xfe") || data.startsWith("\xfe\xff") || data.left(4).contains('\0'))
        return {};
    Plan result = Planner(data, qMax<qsizetype>(1, pieceBytes)).run();
    if (result.isEmpty())
        return {};
    return result;
}

} // namespace YamlSplitter
