// SPDX-License-Identifier: MIT
#include "ui/models/operationsfiltermodel.h"

#include "ui/models/operationsmodel.h"

OperationsFilterModel::OperationsFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // A tag row is kept as soon as one of its operations matches.
    setRecursiveFilteringEnabled(true);
}

OperationsFilterModel::~OperationsFilterModel() = default;

void OperationsFilterModel::setText(const QString& text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool OperationsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    // Tag rows never match on their own: showing a tag without matching operations would look like a bug.
    if (idx.data(OperationsModel::IsTagRole).toBool())
        return false;
    const QString haystack = idx.data(OperationsModel::SearchTextRole).toString();
    for (const QString& w : m_words)
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}
