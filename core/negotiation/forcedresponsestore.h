// SPDX-License-Identifier: MIT
// Thread-safe per-operation forced status/example, shared by the GUI panel and the mock thread.
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

struct ForcedResponse
{
    int status = 0; // 0 = automatic
    QString example; // empty = automatic
    bool isEmpty() const
    {
        return status == 0 && example.isEmpty();
    }
    bool operator==(const ForcedResponse& o) const
    {
        return status == o.status && example == o.example;
    }
};

class ForcedResponseStore
{
public:
    ForcedResponse lookup(const QString& operationId) const;
    void set(const QString& operationId, const ForcedResponse& forced); // an empty value clears
    void clear(const QString& operationId);
    void clearAll();
    QHash<QString, ForcedResponse> all() const;
    void replaceAll(const QHash<QString, ForcedResponse>& all);

private:
    mutable QMutex m_mutex;
    QHash<QString, ForcedResponse> m_forced;
};
