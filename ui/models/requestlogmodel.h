// SPDX-License-Identifier: MIT
// The live request log as a table: batches incoming entries and keeps at most maximumRows() of them.
#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QList>

#include "core/engine/requestlogentry.h"

class QTimer;

class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        DurationColumn,
        OperationColumn,
        FlagsColumn,
        ColumnCount
    };
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        MethodRole, // QString, upper case
        StatusRole, // int
        ForcedRole, // bool
        InvalidRole, // bool
        SearchTextRole, // method, path, query, operation id and status in one string for text filters
        CallbackRole, // bool: an outgoing callback call the mock made, not a request it answered
    };

    static constexpr int defaultMaximumRows = 10000;
    static constexpr int defaultFlushIntervalMs = 33; // at most ~30 view updates per second

    explicit RequestLogModel(QObject* parent = nullptr);
    ~RequestLogModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Lowering the cap drops the oldest rows at once.
    void setMaximumRows(int rows);
    int maximumRows() const
    {
        return m_maximumRows;
    }
    void setFlushInterval(int ms);

    // Null when `row` is out of range. Valid until the next flush or clear.
    const RequestLogEntry* entry(int row) const;
    int rowOfId(quint64 id) const; // -1 when the entry is gone
    QList<RequestLogEntry> entries() const;
    int pendingCount() const
    {
        return m_pending.size();
    }
    quint64 droppedCount() const
    {
        return m_dropped;
    }

public slots:
    // Queues the entry; it becomes a row at the next flush.
    void handleRequest(const RequestLogEntry& entry);
    // Applies queued entries now (the timer calls this).
    void flush();
    void clear();

signals:
    void rowsAppended(int count);

private:
    std::deque<RequestLogEntry> m_rows;
    QList<RequestLogEntry> m_pending;
    QTimer* m_flushTimer = nullptr;
    int m_maximumRows = defaultMaximumRows;
    quint64 m_dropped = 0;
};
