// SPDX-License-Identifier: MIT
// Filters the operations tree by words matched against method, path, summary and operationId.
#pragma once

#include <QSortFilterProxyModel>

class OperationsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationsFilterModel)

public:
    explicit OperationsFilterModel(QObject* parent = nullptr);
    ~OperationsFilterModel() override;

    // Every whitespace-separated word must match (case-insensitive); a tag stays while one of its operations does.
    void setText(const QString& text);
    QString text() const
    {
        return m_words.join(QLatin1Char(' '));
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};
