// SPDX-License-Identifier: MIT
// Filters the request log by free text, method and status class.
#pragma once

#include <QSortFilterProxyModel>

class RequestLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogFilterModel)

public:
    explicit RequestLogFilterModel(QObject* parent = nullptr);
    ~RequestLogFilterModel() override;

    // Every whitespace-separated word must occur (case-insensitive) in method, path, query, operation or status.
    void setText(const QString& text);
    QString text() const
    {
        return m_words.join(QLatin1Char(' '));
    }
    // Empty = any method.
    void setMethod(const QString& method);
    // 0 = any; 2..5 = 2xx..5xx.
    void setStatusClass(int statusClass);
    // Only forced or invalid entries.
    void setOnlyFlagged(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    QString m_method;
    int m_statusClass = 0;
    bool m_onlyFlagged = false;
};
