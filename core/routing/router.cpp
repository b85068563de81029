// SPDX-License-Identifier: MIT
#include "core/routing/router.h"

#include <QUrl>

#include "core/json/jsonpointer.h"

namespace {
PathTemplate::VariableType variableType(const QJsonValue& schema, const QJsonObject& document)
{
    // The parameter's type, through its $ref chain.
    const QJsonValue type = JsonPointer::followRefs(document, schema).value(QLatin1String("type"));
    const QString t = type.isArray() ? QString() : type.toString();
    if (t == QLatin1String("integer"))
        return PathTemplate::VariableType::Integer;
    if (t == QLatin1String("number"))
        return PathTemplate::VariableType::Number;
    if (t == QLatin1String("boolean"))
        return PathTemplate::VariableType::Boolean;
    return PathTemplate::VariableType::Any;
}
} // namespace

Router::Router(DefinitionPtr definition)
    : m_definition(std::move(definition))
{
    if (!m_definition)
        return;
    QHash<QString, int> entryByPath;
    const QList<Operation>& operations = m_definition->operations;
    for (int i = 0; i < operations.size(); ++i) {
        const Operation& op = operations.at(i);
        auto it = entryByPath.constFind(op.path);
        int index;
        if (it == entryByPath.constEnd()) {
            index = m_entries.size();
            PathEntry entry;
            entry.pathTemplate = PathTemplate(op.path);
            entry.order = index;
            m_entries.append(entry);
            entryByPath.insert(op.path, index);
        } else {
            index = it.value();
        }
        PathEntry& entry = m_entries[index];
        entry.operations.insert(op.method.toLatin1(), i);
        for (const Parameter& p : op.parameters)
            if (p.in == QLatin1String("path"))
                entry.pathTemplate.setVariableType(p.name, variableType(p.schema, m_definition->document));
    }
    for (int i = 0; i < m_entries.size(); ++i)
        m_bySegmentCount[m_entries.at(i).pathTemplate.segmentCount()].append(i);
    m_matchedTraces.reserve(m_definition->operations.size());
    for (const Operation& op : m_definition->operations)
        m_matchedTraces.append(QStringLiteral("Matched %1 %2 (operation %3).").arg(op.method, op.path, op.id));
    m_baseSegments = splitAndDecode(m_definition->basePath());
}

QStringList Router::splitAndDecode(const QString& rawPath)
{
    QStringList segments = rawPath.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    while (!segments.isEmpty() && segments.last().isEmpty())
        segments.removeLast();
    for (QString& s : segments)
        if (s.contains(QLatin1Char('%')))
            s = QUrl::fromPercentEncoding(s.toUtf8());
    return segments;
}

Router::Candidate Router::bestMatch(const QStringList& segments) const
{
    Candidate best;
    const auto bucket = m_bySegmentCount.constFind(segments.size());
    if (bucket == m_bySegmentCount.constEnd())
        return best;
    // Literal segments decide first (concrete before templated); among equally specific templates, one whose
    // typed variables accept the values wins (an integer {id} does not take "me"). A wrongly typed value still
    // reaches its operation, so validation can say precisely what is wrong instead of a bare 404.
    for (int index : *bucket) {
        const PathEntry& entry = m_entries.at(index);
        QList<QPair<QString, QString>> variables;
        int score = entry.pathTemplate.match(segments, false, &variables);
        if (score < 0)
            continue;
        score = score * 2 + (entry.pathTemplate.match(segments, true, nullptr) >= 0 ? 1 : 0);
        if (score > best.score) {
            best.entry = &entry;
            best.score = score;
            best.variables = variables;
        }
    }
    return best;
}

Router::Candidate Router::candidateFor(const QString& rawPath, bool* stripped) const
{
    const QStringList segments = splitAndDecode(rawPath);
    Candidate candidate;
    *stripped = false;
    // Requests work both with and without the first server's base path ("/v1/books" and "/books").
    if (!m_baseSegments.isEmpty() && segments.size() >= m_baseSegments.size()
        && segments.mid(0, m_baseSegments.size()) == m_baseSegments) {
        candidate = bestMatch(segments.mid(m_baseSegments.size()));
        *stripped = candidate.entry != nullptr;
    }
    if (!candidate.entry)
        candidate = bestMatch(segments);
    return candidate;
}

QStringList Router::allowedOf(const PathEntry& entry)
{
    QStringList allowed;
    static const char* const order[] = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE" };
    for (const char* m : order) {
        const QByteArray name(m);
        if (entry.operations.contains(name) || (name == "HEAD" && entry.operations.contains("GET")))
            allowed.append(QString::fromLatin1(name));
    }
    QStringList additional; // OpenAPI 3.2 additionalOperations, in a stable order
    for (auto it = entry.operations.constBegin(); it != entry.operations.constEnd(); ++it)
        if (!allowed.contains(QString::fromLatin1(it.key())))
            additional.append(QString::fromLatin1(it.key()));
    additional.sort();
    return allowed + additional;
}

QStringList Router::allowedMethods(const QString& rawPath) const
{
    bool stripped = false;
    const Candidate candidate = candidateFor(rawPath, &stripped);
    return candidate.entry ? allowedOf(*candidate.entry) : QStringList();
}

RouteResult Router::match(const QByteArray& method, const QString& rawPath) const
{
    RouteResult result;
    bool stripped = false;
    const Candidate candidate = candidateFor(rawPath, &stripped);

    if (!candidate.entry) {
        result.problem = Problem::noPathMatched(rawPath);
        return result;
    }

    const QByteArray upper = method.toUpper();
    auto op = candidate.entry->operations.constFind(upper);
    bool headAsGet = false;
    if (op == candidate.entry->operations.constEnd() && upper == "HEAD") {
        op = candidate.entry->operations.constFind("GET");
        headAsGet = op != candidate.entry->operations.constEnd();
    }
    if (op == candidate.entry->operations.constEnd()) {
        const QStringList allowed = allowedOf(*candidate.entry);
        result.problem =
            Problem::methodNotAllowed(QString::fromLatin1(upper), candidate.entry->pathTemplate.path(), allowed);
        return result;
    }

    RouteMatch match;
    match.operation = &m_definition->operations.at(op.value());
    match.pathParameters = candidate.variables;
    match.trace = m_matchedTraces.at(op.value());
    if (stripped || headAsGet) {
        match.trace.chop(1);
        if (stripped)
            match.trace += QStringLiteral(" after removing the server base path %1").arg(m_definition->basePath());
        if (headAsGet)
            match.trace += QStringLiteral("; HEAD answered like GET without a body");
        match.trace += QLatin1Char('.');
    }
    result.match = match;
    return result;
}
