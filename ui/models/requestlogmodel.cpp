// SPDX-License-Identifier: MIT
#include "ui/models/requestlogmodel.h"

#include <algorithm>

#include <QGuiApplication>
#include <QTimer>

#include "ui/theme.h"

RequestLogModel::RequestLogModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(defaultFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &RequestLogModel::flush);
}

RequestLogModel::~RequestLogModel() = default;

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestLogEntry& e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn:
            // An outgoing callback call is marked with an arrow: the mock sent it, it did not answer it.
            return e.isCallback() ? QStringLiteral("↗ ") + QString::fromLatin1(e.method)
                                  : QString::fromLatin1(e.method);
        case PathColumn:
            if (e.isCallback())
                return e.target;
            return e.query.isEmpty() ? e.path : e.path + QLatin1Char('?') + QString::fromUtf8(e.query);
        case StatusColumn:
            if (e.isCallback() && e.status == 0)
                return QStringLiteral("—");
            return e.status;
        case DurationColumn: {
            if (e.callbackRefused)
                return QStringLiteral("—"); // nothing was sent
            const QString spent = e.durationUs < 1000
                ? QStringLiteral("%1 µs").arg(e.durationUs)
                : QStringLiteral("%1 ms").arg(double(e.durationUs) / 1000.0, 0, 'f', 1);
            // A scenario delay is most of what the client waited: show it first.
            return e.delayMs > 0 ? tr("%1 ms delay + %2").arg(e.delayMs).arg(spent) : spent;
        }
        case OperationColumn:
            return e.operationId.isEmpty() ? QStringLiteral("—") : e.operationId;
        case FlagsColumn: {
            QStringList flags;
            if (e.isCallback()) {
                flags << tr("callback %1").arg(e.callbackName);
                if (e.callbackRefused)
                    flags << tr("refused");
                else if (e.status == 0)
                    flags << tr("failed");
                else if (e.status < 200 || e.status > 299)
                    flags << tr("not a 2xx");
            }
            if (e.forced)
                flags << tr("forced");
            if (e.invalid)
                flags << tr("invalid");
            if (!e.fault.isEmpty())
                flags << QStringLiteral("⚡ ") + e.fault;
            if (!e.scenarioRule.isEmpty())
                flags << tr("rule %1").arg(e.scenarioRule);
            // Proxy mode: where the upstream's answer breaks the definition, and who answered.
            if (!e.drift.isEmpty())
                flags << tr("drift %1").arg(e.drift.size());
            if (e.answeredBy == QLatin1String("mock"))
                flags << tr("from mock");
            else if (e.answeredBy == QLatin1String("upstream"))
                flags << tr("from upstream");
            else if (e.answeredBy == QLatin1String("proxy"))
                flags << tr("upstream failed");
            return flags.join(QLatin1String(", "));
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == FlagsColumn && e.isCallback())
            return e.callbackError.isEmpty()
                ? tr("Outgoing call of callback %1, fired by %2.").arg(e.callbackName, e.operationId)
                : tr("Outgoing call of callback %1, fired by %2: %3")
                      .arg(e.callbackName, e.operationId, e.callbackError);
        if (index.column() == FlagsColumn
            && (e.forced || e.invalid || !e.fault.isEmpty() || !e.scenarioRule.isEmpty() || !e.drift.isEmpty())) {
            QStringList lines;
            if (e.forced)
                lines << tr("The response was forced (forcing panel or Prefer header).");
            if (!e.fault.isEmpty())
                lines << tr("Scenario fault: %1.").arg(e.fault);
            if (!e.scenarioRule.isEmpty())
                lines << tr("Answered by scenario rule %1.").arg(e.scenarioRule);
            for (const auto& err : e.validationErrors)
                lines << QStringLiteral("%1: %2").arg(err.location, err.message);
            for (const auto& err : e.drift)
                lines << tr("Drift: %1: %2").arg(err.location, err.message);
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == PathColumn)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return Theme::statusColor(e.status, QGuiApplication::palette());
        if (index.column() == FlagsColumn && e.isCallback() && (e.status < 200 || e.status > 299))
            return Theme::statusColor(500, QGuiApplication::palette());
        if (index.column() == FlagsColumn && (e.invalid || !e.fault.isEmpty() || !e.drift.isEmpty()))
            return Theme::statusColor(e.fault.isEmpty() ? 400 : 500, QGuiApplication::palette());
        if (index.column() == DurationColumn && e.delayMs > 0)
            return QVariant(); // not dimmed: the delay was asked for
        if (index.column() == TimeColumn || index.column() == DurationColumn
            || (index.column() == OperationColumn && e.operationId.isEmpty()))
            return Theme::dimmedTextColor(QGuiApplication::palette());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case EntryIdRole:
        return e.id;
    case MethodRole:
        return QString::fromLatin1(e.method).toUpper();
    case StatusRole:
        return e.status;
    case ForcedRole:
        return e.forced;
    case InvalidRole:
        return e.invalid;
    case CallbackRole:
        return e.isCallback();
    case SearchTextRole:
        return QStringList { QString::fromLatin1(e.method), e.path, QString::fromUtf8(e.query), e.operationId,
            QString::number(e.status), e.target, e.callbackName }
            .join(QLatin1Char(' '));
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case OperationColumn:
        return tr("Operation");
    case FlagsColumn:
        return tr("Notes");
    }
    return {};
}

void RequestLogModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(1, rows);
    const int excess = int(m_rows.size()) - m_maximumRows;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_dropped += quint64(excess);
        endRemoveRows();
    }
}

void RequestLogModel::setFlushInterval(int ms)
{
    m_flushTimer->setInterval(std::max(0, ms));
}

const RequestLogEntry* RequestLogModel::entry(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(row)];
}

int RequestLogModel::rowOfId(quint64 id) const
{
    // Ids increase along the rows, so a binary search finds the row.
    const auto it = std::lower_bound(
        m_rows.begin(), m_rows.end(), id, [](const RequestLogEntry& e, quint64 value) { return e.id < value; });
    if (it == m_rows.end() || it->id != id)
        return -1;
    return int(it - m_rows.begin());
}

QList<RequestLogEntry> RequestLogModel::entries() const
{
    return QList<RequestLogEntry>(m_rows.begin(), m_rows.end());
}

void RequestLogModel::handleRequest(const RequestLogEntry& entry)
{
    m_pending.append(entry);
    // Keep the queue bounded too, in case the GUI thread stalls under a flood.
    if (m_pending.size() > 2 * m_maximumRows) {
        const qsizetype excess = m_pending.size() - m_maximumRows;
        m_pending.remove(0, excess);
        m_dropped += quint64(excess);
    }
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void RequestLogModel::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    QList<RequestLogEntry> incoming;
    incoming.swap(m_pending);
    if (incoming.size() > m_maximumRows) {
        const qsizetype excess = incoming.size() - m_maximumRows;
        incoming.remove(0, excess);
        m_dropped += quint64(excess);
    }
    const int overflow = int(m_rows.size()) + int(incoming.size()) - m_maximumRows;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        m_dropped += quint64(overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming.size()) - 1);
    for (auto& e : incoming)
        m_rows.push_back(std::move(e));
    endInsertRows();
    emit rowsAppended(int(incoming.size()));
}

void RequestLogModel::clear()
{
    m_pending.clear();
    m_flushTimer->stop();
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}
