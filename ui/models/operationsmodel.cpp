// SPDX-License-Identifier: MIT
#include "ui/models/operationsmodel.h"

#include <QFont>
#include <QGuiApplication>

#include "ui/theme.h"

// Tag rows carry internalId 0; operation rows carry their tag's row + 1.

OperationsModel::OperationsModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

OperationsModel::~OperationsModel() = default;

QString OperationsModel::otherTagName()
{
    return tr("Other");
}

void OperationsModel::setDefinition(DefinitionPtr definition)
{
    beginResetModel();
    m_definition = std::move(definition);
    m_tags.clear();
    if (m_definition) {
        QHash<QString, int> byName;
        // Declared tags first, in document order, so the tree reads like the API's own docs.
        for (const Tag& t : m_definition->tags) {
            if (byName.contains(t.name))
                continue;
            byName.insert(t.name, int(m_tags.size()));
            m_tags.append({ t.name, t.description, {} });
        }
        TagNode other { otherTagName(), {}, {} };
        for (int i = 0; i < m_definition->operations.size(); ++i) {
            const Operation& op = m_definition->operations.at(i);
            if (op.tags.isEmpty()) {
                other.operations.append(i);
                continue;
            }
            for (const QString& tag : op.tags) {
                auto it = byName.find(tag);
                if (it == byName.end()) {
                    it = byName.insert(tag, int(m_tags.size()));
                    m_tags.append({ tag, {}, {} });
                }
                if (!m_tags[*it].operations.contains(i))
                    m_tags[*it].operations.append(i);
            }
        }
        m_tags.removeIf([](const TagNode& t) { return t.operations.isEmpty(); });
        if (!other.operations.isEmpty())
            m_tags.append(other);
    }
    endResetModel();
}

void OperationsModel::setForced(const QHash<QString, ForcedResponse>& forced)
{
    QHash<QString, ForcedResponse> cleaned;
    for (auto it = forced.begin(); it != forced.end(); ++it)
        if (!it->isEmpty())
            cleaned.insert(it.key(), *it);
    if (cleaned == m_forced)
        return;
    m_forced = cleaned;
    for (int t = 0; t < m_tags.size(); ++t) {
        const QModelIndex parent = index(t, 0);
        if (!m_tags[t].operations.isEmpty())
            emit dataChanged(index(0, 0, parent), index(int(m_tags[t].operations.size()) - 1, 0, parent),
                { ForcedTextRole, Qt::DisplayRole, Qt::ToolTipRole });
    }
}

QHash<QString, QStringList> OperationsModel::problemsByOperation(
    const Definition& definition, const Diagnostics& diagnostics)
{
    QHash<QString, QStringList> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != Diagnostic::Severity::Error || d.pointer.isEmpty())
            continue;
        if (!d.file.isEmpty() && !definition.file.isEmpty() && d.file != definition.file)
            continue;
        for (const Operation& op : definition.operations) {
            if (op.pointer.isEmpty())
                continue;
            if (d.pointer == op.pointer || d.pointer.startsWith(op.pointer + QLatin1Char('/'))) {
                QString text = d.message;
                if (d.line > 0)
                    text += QStringLiteral(" (%1)").arg(tr("line %1").arg(d.line));
                out[op.id].append(text);
            }
        }
    }
    return out;
}

void OperationsModel::setProblems(const QHash<QString, QStringList>& problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    for (int t = 0; t < m_tags.size(); ++t) {
        const QModelIndex parent = index(t, 0);
        if (!m_tags[t].operations.isEmpty())
            emit dataChanged(index(0, 0, parent), index(int(m_tags[t].operations.size()) - 1, 0, parent),
                { ProblemsRole, Qt::ToolTipRole });
    }
}

QModelIndex OperationsModel::indexOfOperation(const QString& operationId) const
{
    if (!m_definition)
        return {};
    for (int t = 0; t < m_tags.size(); ++t)
        for (int r = 0; r < m_tags[t].operations.size(); ++r)
            if (m_definition->operations.at(m_tags[t].operations[r]).id == operationId)
                return createIndex(r, 0, quintptr(t + 1));
    return {};
}

QModelIndex OperationsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex OperationsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
}

int OperationsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_tags.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_tags.at(parent.row()).operations.size());
}

int OperationsModel::columnCount(const QModelIndex&) const
{
    return 1;
}

const Operation* OperationsModel::operationAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0 || !m_definition)
        return nullptr;
    const TagNode& tag = m_tags.at(int(index.internalId()) - 1);
    return &m_definition->operations.at(tag.operations.at(index.row()));
}

QString OperationsModel::forcedText(const ForcedResponse& forced)
{
    if (forced.isEmpty())
        return {};
    QString text = tr("forced");
    if (forced.status != 0)
        text += QLatin1Char(' ') + QString::number(forced.status);
    if (!forced.example.isEmpty())
        text += QStringLiteral(" · ") + forced.example;
    return text;
}

QVariant OperationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Operation* op = operationAt(index);
    if (!op) {
        const TagNode& tag = m_tags.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return tag.name;
        case Qt::ToolTipRole:
            return tag.description.isEmpty() ? QVariant() : QVariant(tag.description);
        case Qt::FontRole: {
            QFont f = QGuiApplication::font();
            f.setBold(true);
            return f;
        }
        case IsTagRole:
            return true;
        case OperationIndexRole:
            return -1;
        case SearchTextRole:
            return tag.name;
        }
        return {};
    }
    const QString forced = forcedText(m_forced.value(op->id));
    switch (role) {
    case Qt::DisplayRole:
        return op->method + QLatin1Char(' ') + op->path;
    case Qt::ToolTipRole: {
        QString tip = op->method + QLatin1Char(' ') + op->path;
        if (!op->summary.isEmpty())
            tip += QLatin1Char('\n') + op->summary;
        tip += QLatin1Char('\n') + tr("operationId: %1").arg(op->id);
        if (op->deprecated)
            tip += QLatin1Char('\n') + tr("Deprecated");
        if (!forced.isEmpty())
            tip += QLatin1Char('\n') + forced;
        for (const QString& problem : m_problems.value(op->id))
            tip += QLatin1Char('\n') + problem;
        return tip;
    }
    case Qt::FontRole:
        if (op->deprecated) {
            QFont f = QGuiApplication::font();
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (op->deprecated)
            return Theme::dimmedTextColor(QGuiApplication::palette());
        return {};
    case OperationIdRole:
        return op->id;
    case MethodRole:
        return op->method;
    case PathRole:
        return op->path;
    case SummaryRole:
        return op->summary;
    case DeprecatedRole:
        return op->deprecated;
    case ProblemsRole:
        return m_problems.value(op->id);
    case ForcedTextRole:
        return forced;
    case IsTagRole:
        return false;
    case OperationIndexRole:
        return op->index;
    case SearchTextRole:
        return (QStringList { op->method, op->path, op->summary, op->id } + op->tags).join(QLatin1Char(' '));
    }
    return {};
}

QVariant OperationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Operation");
    return {};
}
