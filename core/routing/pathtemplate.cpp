// SPDX-License-Identifier: MIT
#include "core/routing/pathtemplate.h"

namespace {
QStringList splitPath(const QString& path)
{
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    while (segments.size() > 0 && segments.last().isEmpty())
        segments.removeLast();
    return segments;
}
} // namespace

PathTemplate::PathTemplate(const QString& path)
    : m_path(path)
{
    const QStringList raw = splitPath(path);
    m_segments.reserve(raw.size());
    for (const QString& text : raw) {
        Segment segment;
        int pos = 0;
        while (pos < text.size()) {
            const int open = text.indexOf(QLatin1Char('{'), pos);
            if (open < 0) {
                segment.parts.append({ text.mid(pos), {}, VariableType::Any });
                break;
            }
            if (open > pos)
                segment.parts.append({ text.mid(pos, open - pos), {}, VariableType::Any });
            const int close = text.indexOf(QLatin1Char('}'), open);
            if (close < 0) {
                m_valid = false;
                segment.parts.append({ text.mid(open), {}, VariableType::Any });
                break;
            }
            segment.parts.append({ {}, text.mid(open + 1, close - open - 1), VariableType::Any });
            pos = close + 1;
        }
        if (segment.parts.isEmpty())
            segment.parts.append({ QString(), {}, VariableType::Any });
        m_segments.append(segment);
    }
}

QStringList PathTemplate::variableNames() const
{
    QStringList names;
    for (const Segment& s : m_segments)
        for (const Part& p : s.parts)
            if (!p.variable.isEmpty())
                names.append(p.variable);
    return names;
}

void PathTemplate::setVariableType(const QString& name, VariableType type)
{
    for (Segment& s : m_segments)
        for (Part& p : s.parts)
            if (p.variable == name)
                p.type = type;
}

bool PathTemplate::valueHasType(const QString& value, VariableType type)
{
    bool ok = true;
    switch (type) {
    case VariableType::Any:
        return true;
    case VariableType::Integer:
        value.toLongLong(&ok);
        return ok;
    case VariableType::Number:
        value.toDouble(&ok);
        return ok;
    case VariableType::Boolean:
        return value == QLatin1String("true") || value == QLatin1String("false");
    }
    return ok;
}

bool PathTemplate::matchSegment(
    const Segment& segment, const QString& value, bool typed, QList<QPair<QString, QString>>* variables) const
{
    // Greedy left-to-right: a variable takes text up to the next literal part (or the end).
    int pos = 0;
    for (int i = 0; i < segment.parts.size(); ++i) {
        const Part& part = segment.parts.at(i);
        if (part.variable.isEmpty()) {
            if (!QStringView(value).mid(pos).startsWith(part.literal))
                return false;
            pos += part.literal.size();
            continue;
        }
        int end = value.size();
        if (i + 1 < segment.parts.size()) {
            const QString& next = segment.parts.at(i + 1).literal;
            if (!next.isEmpty()) {
                end = value.lastIndexOf(next);
                if (end < pos)
                    return false;
            }
        }
        const QString captured = value.mid(pos, end - pos);
        // A variable that is the whole segment takes an empty one ("/a//b" for "/a/{id}/b"): validation then reports
        // the missing path parameter instead of a bare 404. Inside a segment ("{a}.{b}") it needs text.
        if (captured.isEmpty() && (segment.parts.size() > 1 || typed))
            return false;
        if (typed && !valueHasType(captured, part.type))
            return false;
        if (variables)
            variables->append({ part.variable, captured });
        pos = end;
    }
    return pos == value.size();
}

int PathTemplate::match(const QStringList& segments, bool typed, QList<QPair<QString, QString>>* variables) const
{
    if (segments.size() != m_segments.size())
        return -1;
    int score = 0;
    const int count = m_segments.size();
    QList<QPair<QString, QString>> captured;
    for (int i = 0; i < count; ++i) {
        const Segment& segment = m_segments.at(i);
        if (segment.isLiteral()) {
            if (segments.at(i) != segment.parts.first().literal)
                return -1;
            // Earlier literal segments weigh more: /users/me beats /users/{id}, /a/{x}/c beats /{y}/b/c.
            score += 1 << qMin(30, count - i);
        } else if (!matchSegment(segment, segments.at(i), typed, &captured)) {
            return -1;
        }
    }
    if (variables)
        variables->append(captured);
    return score;
}
