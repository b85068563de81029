// SPDX-License-Identifier: MIT
#include "ui/models/requestlogfiltermodel.h"

#include "ui/models/requestlogmodel.h"

RequestLogFilterModel::RequestLogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

RequestLogFilterModel::~RequestLogFilterModel() = default;

void RequestLogFilterModel::setText(const QString& text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void RequestLogFilterModel::setMethod(const QString& method)
{
    const QString upper = method.toUpper();
    if (upper == m_method)
        return;
    m_method = upper;
    invalidateFilter();
}

void RequestLogFilterModel::setStatusClass(int statusClass)
{
    if (statusClass == m_statusClass)
        return;
    m_statusClass = statusClass;
    invalidateFilter();
}

void RequestLogFilterModel::setOnlyFlagged(bool only)
{
    if (only == m_onlyFlagged)
        return;
    m_onlyFlagged = only;
    invalidateFilter();
}

bool RequestLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_method.isEmpty() && idx.data(RequestLogModel::MethodRole).toString() != m_method)
        return false;
    if (m_statusClass != 0 && idx.data(RequestLogModel::StatusRole).toInt() / 100 != m_statusClass)
        return false;
    if (m_onlyFlagged && !idx.data(RequestLogModel::ForcedRole).toBool()
        && !idx.data(RequestLogModel::InvalidRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = idx.data(RequestLogModel::SearchTextRole).toString();
    for (const QString& w : m_words)
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}
