// SPDX-License-Identifier: MIT
// The definition's operations as a tree: tag -> operation (untagged ones under "Other").
#pragma once

#include <QAbstractItemModel>
#include <QHash>

#include "core/definition/definition.h"
#include "core/json/diagnostic.h"
#include "core/negotiation/forcedresponsestore.h"

class OperationsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationsModel)

public:
    enum Role
    {
        OperationIdRole = Qt::UserRole + 1, // QString; empty on tag rows
        MethodRole, // "GET"
        PathRole, // "/pets/{id}"
        SummaryRole,
        DeprecatedRole, // bool
        ForcedTextRole, // "forced 404", "forced 200 · cat"; empty when automatic
        IsTagRole, // bool
        OperationIndexRole, // int index into Definition::operations; -1 on tag rows
        SearchTextRole, // method, path, summary and id for filtering
        ProblemsRole, // QStringList: the load errors located in this operation; empty when none
    };

    explicit OperationsModel(QObject* parent = nullptr);
    ~OperationsModel() override;

    void setDefinition(DefinitionPtr definition);
    DefinitionPtr definition() const
    {
        return m_definition;
    }
    // Marks operations whose response is forced.
    void setForced(const QHash<QString, ForcedResponse>& forced);
    // The load errors located inside an operation (their JSON pointer lies under the operation's, in the root
    // file), by operationId, as "message (line N)".
    static QHash<QString, QStringList> problemsByOperation(
        const Definition& definition, const Diagnostics& diagnostics);
    // Load errors by operationId (problemsByOperation); shown as an error badge.
    void setProblems(const QHash<QString, QStringList>& problems);

    // The first row showing `operationId` (an operation with several tags appears several times).
    QModelIndex indexOfOperation(const QString& operationId) const;
    static QString otherTagName();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct TagNode
    {
        QString name;
        QString description;
        QList<int> operations; // indexes into m_definition->operations
    };

    const Operation* operationAt(const QModelIndex& index) const;
    static QString forcedText(const ForcedResponse& forced);

    DefinitionPtr m_definition;
    QList<TagNode> m_tags;
    QHash<QString, ForcedResponse> m_forced;
    QHash<QString, QStringList> m_problems;
};
