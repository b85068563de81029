// SPDX-License-Identifier: MIT
// Maps method + request path to an operation of the definition, or to a 404/405 problem.
#pragma once

#include <optional>

#include <QHash>

#include "core/definition/definition.h"
#include "core/http/problem.h"
#include "core/routing/pathtemplate.h"

struct RouteMatch
{
    const Operation* operation = nullptr;
    QList<QPair<QString, QString>> pathParameters; // name -> percent-decoded value
    QString trace; // one sentence for the decision trace
};

struct RouteResult
{
    std::optional<RouteMatch> match;
    Problem problem; // set when !match (404 / 405)
    bool ok() const
    {
        return match.has_value();
    }
};

class Router
{
public:
    Router() = default;
    explicit Router(DefinitionPtr definition);

    // `rawPath` is the path as sent (percent-encoded, no query). HEAD falls back to GET.
    RouteResult match(const QByteArray& method, const QString& rawPath) const;

    // "/a%20b//c/" -> {"a b", "", "c"}: split first so an encoded slash stays inside its segment;
    // trailing slashes are ignored.
    static QStringList splitAndDecode(const QString& rawPath);

    // The methods the path (base path optional, like `match`) defines, in the Allow order, HEAD with GET;
    // empty when no path matches. For CORS preflights.
    QStringList allowedMethods(const QString& rawPath) const;

private:
    struct PathEntry
    {
        PathTemplate pathTemplate;
        QHash<QByteArray, int> operations; // method -> index into Definition::operations
        int order = 0;
    };
    struct Candidate
    {
        const PathEntry* entry = nullptr;
        int score = -1;
        QList<QPair<QString, QString>> variables;
    };

    Candidate bestMatch(const QStringList& segments) const;
    Candidate candidateFor(const QString& rawPath, bool* stripped) const;
    static QStringList allowedOf(const PathEntry& entry);

    DefinitionPtr m_definition;
    QList<PathEntry> m_entries;
    QHash<int, QList<int>> m_bySegmentCount; // segment count -> indexes into m_entries
    QStringList m_baseSegments; // first server's path, e.g. {"v1"}
    QStringList m_matchedTraces; // per operation: "Matched GET /pets (operation listPets)." (made once)
};
