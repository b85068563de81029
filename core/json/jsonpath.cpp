// SPDX-License-Identifier: MIT
#include "core/json/jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>

#include "core/json/jsonpointer.h"

namespace {

struct Filter
{
    enum class Op
    {
        Exists,
        Equal,
        NotEqual
    };
    QStringList path; // names below @
    Op op = Op::Exists;
    QJsonValue literal;
};

struct Selector
{
    enum class Kind
    {
        Name,
        Index,
        Wildcard,
        Filter
    };
    Kind kind = Kind::Name;
    QString name;
    qint64 index = 0;
    Filter filter;
};

struct Node
{
    QJsonValue value;
    QString pointer;
};

bool isNameFirst(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

bool isNameChar(QChar c)
{
    return isNameFirst(c) || c.isDigit() || c == QLatin1Char('-');
}

class Parser
{
public:
    explicit Parser(const QString& text)
        : m_text(text)
    { }

    QString error;
    int errorAt = 0;

    QList<JsonPath::Segment> run();

private:
    QChar peek(int ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    bool atEnd() const
    {
        return m_pos >= m_text.size();
    }
    void skipSpace()
    {
        while (!atEnd() && (peek() == QLatin1Char(' ') || peek() == QLatin1Char('\t')))
            ++m_pos;
    }
    bool fail(const QString& why)
    {
        if (error.isEmpty()) {
            error = why;
            errorAt = m_pos + 1;
        }
        return false;
    }
    bool name(QString* out);
    bool quoted(QString* out);
    bool integer(qint64* out);
    bool selector(Selector* out);
    bool bracket(QList<Selector>* out);
    bool filter(Filter* out);
    bool literal(QJsonValue* out);

    const QString& m_text;
    int m_pos = 0;
};

} // namespace

struct JsonPath::Segment
{
    bool descendant = false;
    QList<Selector> selectors;
};

namespace {

bool Parser::name(QString* out)
{
    if (!isNameFirst(peek()))
        return fail(QStringLiteral("a name or '*' was expected"));
    const int start = m_pos;
    while (!atEnd() && isNameChar(peek()))
        ++m_pos;
    *out = m_text.mid(start, m_pos - start);
    return true;
}

bool Parser::quoted(QString* out)
{
    const QChar quote = peek();
    ++m_pos;
    out->clear();
    while (!atEnd()) {
        const QChar c = peek();
        ++m_pos;
        if (c == quote)
            return true;
        if (c != QLatin1Char('\\')) {
            out->append(c);
            continue;
        }
        const QChar e = peek();
        ++m_pos;
        switch (e.unicode()) {
        case '\'':
        case '"':
        case '\\':
        case '/':
            out->append(e);
            break;
        case 'b':
            out->append(QLatin1Char('\b'));
            break;
        case 'f':
            out->append(QLatin1Char('\f'));
            break;
        case 'n':
            out->append(QLatin1Char('\n'));
            break;
        case 'r':
            out->append(QLatin1Char('\r'));
            break;
        case 't':
            out->append(QLatin1Char('\t'));
            break;
        case 'u': {
            bool ok = false;
            const uint code = m_text.mid(m_pos, 4).toUInt(&ok, 16);
            if (!ok || m_pos + 4 > m_text.size())
                return fail(QStringLiteral("\\u needs four hex digits"));
            m_pos += 4;
            out->append(QChar(char16_t(code)));
            break;
        }
        default:
            --m_pos;
            return fail(QStringLiteral("unknown escape in a string"));
        }
    }
    return fail(QStringLiteral("the string is not closed"));
}

bool Parser::integer(qint64* out)
{
    const int start = m_pos;
    if (peek() == QLatin1Char('-'))
        ++m_pos;
    while (!atEnd() && peek().isDigit())
        ++m_pos;
    bool ok = false;
    *out = m_text.mid(start, m_pos - start).toLongLong(&ok);
    if (!ok) {
        m_pos = start;
        return fail(QStringLiteral("an index was expected"));
    }
    return true;
}

bool Parser::literal(QJsonValue* out)
{
    if (peek() == QLatin1Char('\'') || peek() == QLatin1Char('"')) {
        QString s;
        if (!quoted(&s))
            return false;
        *out = s;
        return true;
    }
    for (const char* word : { "true", "false", "null" }) {
        const QLatin1String w(word);
        if (QStringView(m_text).mid(m_pos).startsWith(w)) {
            m_pos += int(w.size());
            *out = w == QLatin1String("true") ? QJsonValue(true)
                : w == QLatin1String("false") ? QJsonValue(false)
                                              : QJsonValue(QJsonValue::Null);
            return true;
        }
    }
    const int start = m_pos;
    while (!atEnd()
        && (peek().isDigit() || peek() == QLatin1Char('-') || peek() == QLatin1Char('+') || peek() == QLatin1Char('.')
            || peek() == QLatin1Char('e') || peek() == QLatin1Char('E')))
        ++m_pos;
    bool ok = false;
    const double d = m_text.mid(start, m_pos - start).toDouble(&ok);
    if (!ok) {
        m_pos = start;
        return fail(QStringLiteral("a string, number, true, false or null was expected"));
    }
    *out = d;
    return true;
}

bool Parser::filter(Filter* out)
{
    skipSpace();
    const bool parenthesised = peek() == QLatin1Char('(');
    if (parenthesised) {
        ++m_pos;
        skipSpace();
    }
    if (peek() != QLatin1Char('@'))
        return fail(QStringLiteral("a filter starts with @ here (only @.name comparisons are supported)"));
    ++m_pos;
    while (peek() == QLatin1Char('.') || peek() == QLatin1Char('[')) {
        QString n;
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            if (!name(&n))
                return false;
        } else {
            ++m_pos;
            skipSpace();
            if (peek() != QLatin1Char('\'') && peek() != QLatin1Char('"'))
                return fail(QStringLiteral("only quoted names are supported inside a filter"));
            if (!quoted(&n))
                return false;
            skipSpace();
            if (peek() != QLatin1Char(']'))
                return fail(QStringLiteral("']' was expected"));
            ++m_pos;
        }
        out->path.append(n);
    }
    skipSpace();
    if (peek() == QLatin1Char('=') && peek(1) == QLatin1Char('=')) {
        out->op = Filter::Op::Equal;
    } else if (peek() == QLatin1Char('!') && peek(1) == QLatin1Char('=')) {
        out->op = Filter::Op::NotEqual;
    } else {
        out->op = Filter::Op::Exists;
    }
    if (out->op != Filter::Op::Exists) {
        m_pos += 2;
        skipSpace();
        if (!literal(&out->literal))
            return false;
        skipSpace();
    }
    if (parenthesised) {
        if (peek() != QLatin1Char(')'))
            return fail(QStringLiteral("')' was expected (only one comparison per filter is supported)"));
        ++m_pos;
        skipSpace();
    }
    return true;
}

bool Parser::selector(Selector* out)
{
    skipSpace();
    const QChar c = peek();
    if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
        out->kind = Selector::Kind::Name;
        return quoted(&out->name);
    }
    if (c == QLatin1Char('*')) {
        ++m_pos;
        out->kind = Selector::Kind::Wildcard;
        return true;
    }
    if (c == QLatin1Char('?')) {
        ++m_pos;
        out->kind = Selector::Kind::Filter;
        return filter(&out->filter);
    }
    if (c.isDigit() || c == QLatin1Char('-')) {
        out->kind = Selector::Kind::Index;
        if (!integer(&out->index))
            return false;
        skipSpace();
        if (peek() == QLatin1Char(':'))
            return fail(QStringLiteral("array slices are not supported"));
        return true;
    }
    return fail(QStringLiteral("a quoted name, an index, '*' or a filter was expected"));
}

bool Parser::bracket(QList<Selector>* out)
{
    ++m_pos; // '['
    for (;;) {
        Selector s;
        if (!selector(&s))
            return false;
        out->append(s);
        skipSpace();
        if (peek() == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        if (peek() == QLatin1Char(']')) {
            ++m_pos;
            return true;
        }
        return fail(QStringLiteral("']' or ',' was expected"));
    }
}

QList<JsonPath::Segment> Parser::run()
{
    QList<JsonPath::Segment> segments;
    if (peek() != QLatin1Char('$')) {
        fail(QStringLiteral("a path starts with $"));
        return {};
    }
    ++m_pos;
    while (!atEnd()) {
        JsonPath::Segment segment;
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            if (peek() == QLatin1Char('.')) {
                ++m_pos;
                segment.descendant = true;
            }
            if (segment.descendant && peek() == QLatin1Char('[')) {
                if (!bracket(&segment.selectors))
                    return {};
            } else if (peek() == QLatin1Char('*')) {
                ++m_pos;
                segment.selectors.append(Selector { Selector::Kind::Wildcard, {}, 0, {} });
            } else {
                Selector s;
                if (!name(&s.name))
                    return {};
                segment.selectors.append(s);
            }
        } else if (peek() == QLatin1Char('[')) {
            if (!bracket(&segment.selectors))
                return {};
        } else {
            fail(QStringLiteral("'.' or '[' was expected"));
            return {};
        }
        segments.append(segment);
    }
    return segments;
}

bool filterHolds(const Filter& filter, const QJsonValue& candidate)
{
    QJsonValue v = candidate;
    for (const QString& n : filter.path) {
        if (!v.isObject() || !v.toObject().contains(n))
            return filter.op == Filter::Op::NotEqual;
        v = v.toObject().value(n);
    }
    switch (filter.op) {
    case Filter::Op::Exists:
        return true;
    case Filter::Op::Equal:
        return v == filter.literal;
    case Filter::Op::NotEqual:
        return v != filter.literal;
    }
    return false;
}

class Evaluator
{
public:
    explicit Evaluator(int maxResults)
        : m_maxResults(maxResults)
    { }

    // The children of `node` that `s` selects, appended to `out`.
    void children(const Node& node, const Selector& s, QList<Node>* out)
    {
        if (node.value.isObject()) {
            const QJsonObject o = node.value.toObject();
            if (s.kind == Selector::Kind::Name) {
                if (o.contains(s.name))
                    add(out, o.value(s.name), JsonPointer::append(node.pointer, s.name));
                return;
            }
            if (s.kind == Selector::Kind::Index)
                return;
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                if (s.kind == Selector::Kind::Wildcard || filterHolds(s.filter, it.value()))
                    add(out, it.value(), JsonPointer::append(node.pointer, it.key()));
        } else if (node.value.isArray()) {
            const QJsonArray a = node.value.toArray();
            if (s.kind == Selector::Kind::Name)
                return;
            if (s.kind == Selector::Kind::Index) {
                const qint64 i = s.index < 0 ? a.size() + s.index : s.index;
                if (i >= 0 && i < a.size())
                    add(out, a.at(i), JsonPointer::append(node.pointer, int(i)));
                return;
            }
            for (int i = 0; i < a.size(); ++i)
                if (s.kind == Selector::Kind::Wildcard || filterHolds(s.filter, a.at(i)))
                    add(out, a.at(i), JsonPointer::append(node.pointer, i));
        }
    }

    // `node` and everything below it, in document order.
    void descendants(const Node& node, QList<Node>* out)
    {
        if (++m_work > kMaxWork)
            return;
        out->append(node);
        if (node.value.isObject()) {
            const QJsonObject o = node.value.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                descendants(Node { it.value(), JsonPointer::append(node.pointer, it.key()) }, out);
        } else if (node.value.isArray()) {
            const QJsonArray a = node.value.toArray();
            for (int i = 0; i < a.size(); ++i)
                descendants(Node { a.at(i), JsonPointer::append(node.pointer, i) }, out);
        }
    }

private:
    void add(QList<Node>* out, const QJsonValue& v, const QString& pointer)
    {
        if (out->size() < m_maxResults && ++m_work <= kMaxWork)
            out->append(Node { v, pointer });
    }

    static constexpr qint64 kMaxWork = 20'000'000; // `$..*..*` on a big document must still end
    int m_maxResults;
    qint64 m_work = 0;
};

} // namespace

JsonPath::JsonPath() = default;
JsonPath::~JsonPath() = default;
JsonPath::JsonPath(const JsonPath&) = default;
JsonPath& JsonPath::operator=(const JsonPath&) = default;

JsonPath JsonPath::parse(const QString& text, QString* error, int* errorColumn)
{
    JsonPath path;
    path.m_text = text;
    Parser parser(text);
    QList<Segment> segments = parser.run();
    if (error)
        *error = parser.error;
    if (errorColumn)
        *errorColumn = parser.errorAt;
    if (parser.error.isEmpty())
        path.m_segments = std::make_shared<const QList<Segment>>(std::move(segments));
    return path;
}

bool JsonPath::isValid() const
{
    return m_segments != nullptr;
}

QStringList JsonPath::select(const QJsonValue& root, int maxResults) const
{
    if (!m_segments)
        return {};
    Evaluator evaluator(maxResults);
    QList<Node> nodes { Node { root, QString() } };
    for (const Segment& segment : *m_segments) {
        QList<Node> from;
        if (segment.descendant) {
            for (const Node& n : std::as_const(nodes))
                evaluator.descendants(n, &from);
        } else {
            from = std::move(nodes);
        }
        QList<Node> next;
        for (const Node& n : std::as_const(from))
            for (const Selector& s : segment.selectors)
                evaluator.children(n, s, &next);
        nodes = std::move(next);
        if (nodes.isEmpty())
            break;
    }
    QStringList pointers;
    pointers.reserve(nodes.size());
    for (const Node& n : std::as_const(nodes))
        pointers.append(n.pointer);
    return pointers;
}

QString JsonPath::fromPointer(const QString& pointer, const QJsonValue& root)
{
    QString out = QStringLiteral("$");
    QJsonValue at = root;
    for (const QString& token : JsonPointer::split(pointer)) {
        bool isIndex = false;
        const int index = token.toInt(&isIndex);
        if (at.isArray() && isIndex) {
            out += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            at = at.toArray().at(index);
            continue;
        }
        bool plain = !token.isEmpty() && isNameFirst(token.at(0));
        for (const QChar c : token)
            plain = plain && (isNameChar(c) && c != QLatin1Char('-'));
        if (plain) {
            out += QLatin1Char('.') + token;
        } else {
            QString escaped = token;
            escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
            out += QLatin1String("['") + escaped + QLatin1String("']");
        }
        at = at.isObject() ? at.toObject().value(token) : QJsonValue();
    }
    return out;
}
