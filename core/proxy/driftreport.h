// SPDX-License-Identifier: MIT
// Sums up proxied traffic per operation: how many answers, how many drifted, which violations, who answered.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include "core/http/problem.h"

class DriftReport
{
public:
    // One proxied exchange. `operationKey` is "GET /books/{id}" (or the raw "GET /x" of a path not in the
    // definition); `answeredBy` is "upstream", "mock" or "proxy" (a 502/504 because the upstream failed).
    void add(const QString& operationKey, const QString& operationId, const QString& answeredBy,
        const QList<ProblemError>& drift);

    int exchanges() const
    {
        return m_exchanges;
    }
    int drifted() const
    {
        return m_drifted;
    }
    bool isEmpty() const
    {
        return m_exchanges == 0;
    }

    // {"exchanges", "drifted", "operations": [{"operation", "operationId", "exchanges", "drifted", "answeredBy":
    // {"upstream": n, ...}, "violations": [{"location", "code", "message", "count"}]}]}, operations sorted by key.
    QJsonObject toJson() const;
    // Human-readable: one line per operation, then its violations indented.
    QStringList summary() const;
    // Written atomically (QSaveFile); empty on success, else why not.
    QString writeTo(const QString& file) const;

private:
    struct Violation
    {
        QString location;
        QString code;
        QString message; // the first one seen
        int count = 0;
    };
    struct Entry
    {
        QString operationId;
        int exchanges = 0;
        int drifted = 0;
        QMap<QString, int> answeredBy;
        QList<Violation> violations; // in first-seen order
    };
    static constexpr int kMaxOperations = 4096; // undefined paths could otherwise grow the report without bound
    static constexpr int kMaxViolations = 100;

    QMap<QString, Entry> m_entries;
    int m_exchanges = 0;
    int m_drifted = 0;
    int m_dropped = 0; // exchanges of operations past kMaxOperations, only counted
};
