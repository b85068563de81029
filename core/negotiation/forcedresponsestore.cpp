// SPDX-License-Identifier: MIT
#include "core/negotiation/forcedresponsestore.h"

ForcedResponse ForcedResponseStore::lookup(const QString& operationId) const
{
    QMutexLocker lock(&m_mutex);
    return m_forced.value(operationId);
}

void ForcedResponseStore::set(const QString& operationId, const ForcedResponse& forced)
{
    QMutexLocker lock(&m_mutex);
    if (forced.isEmpty())
        m_forced.remove(operationId);
    else
        m_forced.insert(operationId, forced);
}

void ForcedResponseStore::clear(const QString& operationId)
{
    QMutexLocker lock(&m_mutex);
    m_forced.remove(operationId);
}

void ForcedResponseStore::clearAll()
{
    QMutexLocker lock(&m_mutex);
    m_forced.clear();
}

QHash<QString, ForcedResponse> ForcedResponseStore::all() const
{
    QMutexLocker lock(&m_mutex);
    return m_forced;
}

void ForcedResponseStore::replaceAll(const QHash<QString, ForcedResponse>& all)
{
    QMutexLocker lock(&m_mutex);
    m_forced = all;
}
