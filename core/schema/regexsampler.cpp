// SPDX-License-Identifier: MIT
#include "core/schema/regexsampler.h"

#include <memory>
#include <vector>

#include <QHash>

#include "core/schema/ecmaregex.h"

namespace RegexSampler {

namespace {

struct Range
{
    char32_t lo;
    char32_t hi;
};

// One node of the parsed expression; `Unsupported` marks lookarounds and back-references.
struct Node
{
    enum Kind
    {
        Empty,
        Chars,
        Seq,
        Alt,
        Repeat,
        Unsupported
    };
    Kind kind = Empty;
    std::vector<Range> ranges;
    bool negated = false;
    std::vector<Node> children;
    int min = 1;
    int max = 1; // -1: unbounded
    std::vector<char32_t> preferred; // Chars: the preferredChars() in the class, in that order (see prepare())
    bool unsupportedInside = false; // this node or one below it is Unsupported
};

constexpr int kMaxRepeatBound = 1000;

void addDigits(std::vector<Range>& r)
{
    r.push_back({ '0', '9' });
}

void addWord(std::vector<Range>& r)
{
    r.push_back({ 'a', 'z' });
    r.push_back({ 'A', 'Z' });
    r.push_back({ '0', '9' });
    r.push_back({ '_', '_' });
}

void addSpace(std::vector<Range>& r)
{
    r.push_back({ ' ', ' ' });
    r.push_back({ '\t', '\r' });
}

// Complements of \d \w \s, approximated by printable ASCII characters that are not in the class.
void addNonDigits(std::vector<Range>& r)
{
    r.push_back({ 'a', 'z' });
    r.push_back({ 'A', 'Z' });
    r.push_back({ ' ', '/' });
}

void addNonWord(std::vector<Range>& r)
{
    r.push_back({ ' ', '/' });
    r.push_back({ ':', '@' });
}

void addNonSpace(std::vector<Range>& r)
{
    r.push_back({ '!', '~' });
}

class Parser
{
public:
    explicit Parser(const QString& pattern)
        : m_cps(pattern.toUcs4())
    { }

    bool parse(Node* out)
    {
        *out = parseAlt(0);
        return m_ok && m_pos == m_cps.size();
    }

private:
    bool atEnd() const
    {
        return m_pos >= m_cps.size();
    }
    char32_t peek(int ahead = 0) const
    {
        return m_pos + ahead < m_cps.size() ? m_cps.at(m_pos + ahead) : char32_t(0);
    }

    Node parseAlt(int depth)
    {
        if (depth > 64) {
            m_ok = false;
            return {};
        }
        Node alt;
        alt.kind = Node::Alt;
        alt.children.push_back(parseSeq(depth));
        while (m_ok && !atEnd() && peek() == '|') {
            ++m_pos;
            alt.children.push_back(parseSeq(depth));
        }
        if (alt.children.size() == 1)
            return std::move(alt.children.front());
        return alt;
    }

    Node parseSeq(int depth)
    {
        Node seq;
        seq.kind = Node::Seq;
        while (m_ok && !atEnd() && peek() != '|' && peek() != ')') {
            Node atom = parseAtom(depth);
            if (!m_ok)
                break;
            parseQuantifier(&atom);
            seq.children.push_back(std::move(atom));
        }
        return seq;
    }

    bool readInt(int* value)
    {
        int start = m_pos;
        qint64 v = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            v = qMin<qint64>(v * 10 + (peek() - '0'), 1000000);
            ++m_pos;
        }
        *value = int(v);
        return m_pos > start;
    }

    // Reads {n}, {n,} or {n,m} at the current '{'; leaves the position unchanged when it is a literal brace.
    bool readBraces(int* min, int* max)
    {
        const int save = m_pos;
        ++m_pos;
        if (!readInt(min)) {
            m_pos = save;
            return false;
        }
        *max = *min;
        if (peek() == ',') {
            ++m_pos;
            if (!readInt(max))
                *max = -1;
        }
        if (peek() != '}') {
            m_pos = save;
            return false;
        }
        ++m_pos;
        return true;
    }

    void parseQuantifier(Node* atom)
    {
        int min = -1;
        int max = -1;
        const char32_t c = peek();
        if (c == '*') {
            min = 0;
            ++m_pos;
        } else if (c == '+') {
            min = 1;
            ++m_pos;
        } else if (c == '?') {
            min = 0;
            max = 1;
            ++m_pos;
        } else if (c == '{') {
            if (!readBraces(&min, &max))
                return;
        } else {
            return;
        }
        if (peek() == '?' || peek() == '+') // lazy / possessive: same language
            ++m_pos;
        Node rep;
        rep.kind = Node::Repeat;
        rep.min = qMin(min, kMaxRepeatBound);
        rep.max = max < 0 ? -1 : qMin(max, kMaxRepeatBound);
        if (rep.max >= 0 && rep.max < rep.min)
            m_ok = false;
        rep.children.push_back(std::move(*atom));
        *atom = std::move(rep);
    }

    static Node literal(char32_t c)
    {
        Node n;
        n.kind = Node::Chars;
        n.ranges.push_back({ c, c });
        return n;
    }

    int hexValue(int digits)
    {
        int v = 0;
        for (int i = 0; i < digits; ++i) {
            const char32_t c = peek();
            int d = -1;
            if (c >= '0' && c <= '9')
                d = int(c - '0');
            else if (c >= 'a' && c <= 'f')
                d = int(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                d = int(c - 'A' + 10);
            if (d < 0) {
                m_ok = false;
                return 0;
            }
            v = v * 16 + d;
            ++m_pos;
        }
        return v;
    }

    // Escaped single character after the backslash (already consumed); returns false for class escapes.
    bool escapedChar(char32_t* out, std::vector<Range>* classRanges, bool* unsupported)
    {
        const char32_t c = peek();
        ++m_pos;
        switch (c) {
        case 'd':
            addDigits(*classRanges);
            return false;
        case 'w':
            addWord(*classRanges);
            return false;
        case 's':
            addSpace(*classRanges);
            return false;
        case 'D':
            addNonDigits(*classRanges);
            return false;
        case 'W':
            addNonWord(*classRanges);
            return false;
        case 'S':
            addNonSpace(*classRanges);
            return false;
        case 'n':
            *out = '\n';
            return true;
        case 'r':
            *out = '\r';
            return true;
        case 't':
            *out = '\t';
            return true;
        case 'f':
            *out = '\f';
            return true;
        case 'v':
            *out = '\v';
            return true;
        case '0':
            *out = 0;
            return true;
        case 'x':
            *out = char32_t(hexValue(2));
            return true;
        case 'u':
            if (peek() == '{') {
                ++m_pos;
                int v = 0;
                while (m_ok && !atEnd() && peek() != '}')
                    v = qMin(v * 16 + hexValue(1), 0x10FFFF);
                ++m_pos;
                *out = char32_t(v);
                return true;
            }
            *out = char32_t(hexValue(4));
            return true;
        case 'p':
        case 'P':
            // Unicode properties: approximate with letters, the result is verified anyway.
            if (peek() == '{') {
                while (!atEnd() && peek() != '}')
                    ++m_pos;
                ++m_pos;
            }
            classRanges->push_back({ 'a', 'z' });
            return false;
        default:
            if (c >= '1' && c <= '9') {
                *unsupported = true;
                return false;
            }
            *out = c;
            return true;
        }
    }

    Node parseClass()
    {
        Node n;
        n.kind = Node::Chars;
        if (peek() == '^') {
            n.negated = true;
            ++m_pos;
        }
        bool first = true;
        while (m_ok) {
            if (atEnd()) {
                m_ok = false;
                break;
            }
            char32_t c = peek();
            if (c == ']' && !first) {
                ++m_pos;
                break;
            }
            first = false;
            ++m_pos;
            char32_t lo = c;
            if (c == '\\') {
                bool unsupported = false;
                if (!escapedChar(&lo, &n.ranges, &unsupported)) {
                    if (unsupported)
                        m_ok = false;
                    continue;
                }
                if (lo == 'b' && m_cps.at(m_pos - 1) == 'b')
                    lo = '\b';
            }
            if (peek() == '-' && peek(1) != ']' && m_pos + 1 < m_cps.size()) {
                ++m_pos;
                char32_t hi = peek();
                ++m_pos;
                if (hi == '\\') {
                    std::vector<Range> dummy;
                    bool unsupported = false;
                    if (!escapedChar(&hi, &dummy, &unsupported)) {
                        // "a-\d": the dash is literal
                        n.ranges.push_back({ lo, lo });
                        n.ranges.push_back({ '-', '-' });
                        n.ranges.insert(n.ranges.end(), dummy.begin(), dummy.end());
                        continue;
                    }
                }
                if (hi < lo) {
                    m_ok = false;
                    break;
                }
                n.ranges.push_back({ lo, hi });
            } else {
                n.ranges.push_back({ lo, lo });
            }
        }
        return n;
    }

    Node parseAtom(int depth)
    {
        const char32_t c = peek();
        ++m_pos;
        switch (c) {
        case '(': {
            bool unsupported = false;
            if (peek() == '?') {
                ++m_pos;
                const char32_t k = peek();
                if (k == ':') {
                    ++m_pos;
                } else if (k == '=' || k == '!') {
                    ++m_pos;
                    unsupported = true;
                } else if (k == '<' && (peek(1) == '=' || peek(1) == '!')) {
                    m_pos += 2;
                    unsupported = true;
                } else if (k == '<' || k == 'P' || k == '\'') {
                    while (!atEnd() && peek() != '>' && peek() != '\'')
                        ++m_pos;
                    ++m_pos;
                } else {
                    unsupported = true;
                }
            }
            Node inner = parseAlt(depth + 1);
            if (peek() != ')') {
                m_ok = false;
                return {};
            }
            ++m_pos;
            if (unsupported) {
                Node u;
                u.kind = Node::Unsupported;
                return u;
            }
            return inner;
        }
        case '[':
            return parseClass();
        case '.': {
            Node n;
            n.kind = Node::Chars;
            n.negated = true;
            n.ranges.push_back({ '\n', '\n' });
            n.ranges.push_back({ '\r', '\r' });
            return n;
        }
        case '^':
        case '$':
            return {}; // anchors are zero-width; the final check decides whether padding is allowed
        case '\\': {
            if (peek() == 'b' || peek() == 'B') {
                ++m_pos;
                return {}; // word boundary: zero-width, verified at the end
            }
            Node n;
            n.kind = Node::Chars;
            char32_t ch = 0;
            bool unsupported = false;
            if (escapedChar(&ch, &n.ranges, &unsupported))
                return literal(ch);
            if (unsupported)
                n.kind = Node::Unsupported;
            return n;
        }
        case '*':
        case '+':
        case '?':
            m_ok = false; // quantifier without an atom
            return {};
        default:
            return literal(c);
        }
    }

    QList<uint> m_cps;
    int m_pos = 0;
    bool m_ok = true;
};

bool inClass(const Node& n, char32_t c)
{
    bool hit = false;
    for (const Range& r : n.ranges) {
        if (c >= r.lo && c <= r.hi) {
            hit = true;
            break;
        }
    }
    return hit != n.negated;
}

// Characters tried first, so results read naturally ("a", "0", "A") rather than being the range's start.
const QList<uint>& preferredChars()
{
    static const QList<uint> chars =
        QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-.@:/+ ").toUcs4();
    return chars;
}

// Fills what generation asks of every node again and again: the preferred characters of each class and whether a
// subtree can be generated at all. Run once per parsed pattern.
void prepare(Node& n)
{
    n.unsupportedInside = n.kind == Node::Unsupported;
    if (n.kind == Node::Chars) {
        for (uint c : preferredChars()) {
            if (inClass(n, c))
                n.preferred.push_back(c);
        }
    }
    for (Node& c : n.children) {
        prepare(c);
        n.unsupportedInside = n.unsupportedInside || c.unsupportedInside;
    }
}

bool pickChar(const Node& n, int variant, char32_t* out)
{
    int seen = int(n.preferred.size());
    if (variant >= 0 && variant < seen) {
        *out = n.preferred[size_t(variant)];
        return true;
    }
    char32_t firstHit = seen > 0 ? n.preferred.front() : 0;
    bool any = seen > 0;
    if (!n.negated) {
        for (const Range& r : n.ranges) {
            const qint64 span = qint64(r.hi) - qint64(r.lo) + 1;
            if (variant - seen < span && variant >= seen) {
                *out = char32_t(r.lo + (variant - seen));
                return true;
            }
            seen += int(qMin<qint64>(span, 1 << 20));
            if (!any) {
                firstHit = r.lo;
                any = true;
            }
        }
    } else if (!any) {
        for (char32_t c = 0xA1; c < 0x2000; ++c) {
            if (inClass(n, c)) {
                firstHit = c;
                any = true;
                break;
            }
        }
    }
    if (any)
        *out = firstHit;
    return any;
}

int countChoices(const Node& n)
{
    return qMax(int(n.preferred.size()), 1);
}

// Generation state: `extra` lengthens every repetition beyond its minimum; the variant is spent on the
// first character class with a choice, so variants differ in one early character.
struct GenState
{
    int extra = 0;
    int variant = 0;
    bool variantUsed = false;
    int budget = 100000;
};

bool generate(const Node& n, GenState& st, QString& out)
{
    if (--st.budget < 0)
        return false;
    switch (n.kind) {
    case Node::Empty:
        return true;
    case Node::Unsupported:
        return false;
    case Node::Chars: {
        // Mixed radix: each class with a choice takes the variant modulo its number of choices.
        const int choices = countChoices(n);
        int index = 0;
        if (st.variant > 0 && choices > 1) {
            index = st.variant % choices;
            st.variant /= choices;
            st.variantUsed = true;
        }
        char32_t c = 0;
        if (!pickChar(n, index, &c) && !pickChar(n, 0, &c))
            return false;
        const char32_t buf[1] = { c };
        out += QString::fromUcs4(buf, 1);
        return true;
    }
    case Node::Seq:
        for (const Node& c : n.children) {
            if (!generate(c, st, out))
                return false;
        }
        return true;
    case Node::Alt:
        for (const Node& c : n.children) {
            if (c.unsupportedInside)
                continue;
            return generate(c, st, out);
        }
        return false;
    case Node::Repeat: {
        int count = n.min + st.extra;
        if (n.max >= 0)
            count = qMin(count, n.max);
        for (int i = 0; i < count; ++i) {
            if (!generate(n.children.front(), st, out))
                return false;
        }
        return true;
    }
    }
    return false;
}

// The parsed and prepared pattern (null when the generator does not know its syntax), cached per thread: an array of
// a thousand items samples the same few patterns thousands of times.
std::shared_ptr<const Node> parsedPattern(const QString& pattern)
{
    constexpr qsizetype maxCached = 512;
    thread_local QHash<QString, std::shared_ptr<const Node>> cache;
    const auto it = cache.constFind(pattern);
    if (it != cache.constEnd())
        return it.value();
    auto root = std::make_shared<Node>();
    Parser parser(pattern);
    std::shared_ptr<const Node> result;
    if (parser.parse(root.get())) {
        prepare(*root);
        result = std::move(root);
    }
    if (cache.size() >= maxCached)
        cache.clear();
    cache.insert(pattern, result);
    return result;
}

} // namespace

int codePointLength(const QString& s)
{
    int n = 0;
    for (QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

bool sample(const QString& pattern, int minLength, int maxLength, int variant, QString* out, QString* why)
{
    const auto fail = [why](const QString& reason) {
        if (why)
            *why = reason;
        return false;
    };
    const QRegularExpression re = EcmaRegex::compile(pattern);
    if (!re.isValid())
        return fail(QStringLiteral("the pattern does not compile"));
    const std::shared_ptr<const Node> parsed = parsedPattern(pattern);
    if (!parsed)
        return fail(QStringLiteral("the pattern uses syntax the generator does not know"));
    const Node& root = *parsed;
    if (maxLength >= 0 && minLength > maxLength)
        return fail(QStringLiteral("minLength is above maxLength"));

    const auto fits = [&](const QString& s) {
        const int len = codePointLength(s);
        return len >= minLength && (maxLength < 0 || len <= maxLength) && re.match(s).hasMatch();
    };
    static const int extras[] = { 0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128, 256 };
    for (int attempt = 0; attempt < int(sizeof(extras) / sizeof(extras[0])) + 1; ++attempt) {
        GenState st;
        st.variant = variant;
        st.extra = attempt < int(sizeof(extras) / sizeof(extras[0])) ? extras[attempt] : minLength;
        QString s;
        if (!generate(root, st, s)) {
            if (attempt == 0)
                return fail(QStringLiteral("the pattern uses lookarounds or back-references"));
            break;
        }
        if (variant > 0 && (!st.variantUsed || st.variant > 0)) {
            // No character class to vary: append the variant number when the pattern allows it.
            const QString tagged = s + QString::number(variant);
            if (fits(tagged)) {
                *out = tagged;
                return true;
            }
        }
        if (fits(s)) {
            *out = s;
            return true;
        }
        const int len = codePointLength(s);
        if (maxLength >= 0 && len > maxLength)
            break; // longer attempts only grow
        if (len < minLength) {
            // Search semantics: characters outside the match are allowed unless anchors forbid them.
            const QString padChar = s.isEmpty() ? QStringLiteral("a") : s.right(1);
            const QString pad = padChar.repeated(minLength - len);
            for (const QString& candidate : { s + pad, pad + s, s + QStringLiteral("a").repeated(minLength - len) }) {
                if (fits(candidate)) {
                    *out = candidate;
                    return true;
                }
            }
        }
    }
    return fail(QStringLiteral("no string of the allowed length was found"));
}

} // namespace RegexSampler
