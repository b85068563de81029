// SPDX-License-Identifier: MIT
// The operations tree with its filter box; reports which operation is selected.
#pragma once

#include <QWidget>

#include "core/definition/definition.h"
#include "core/negotiation/forcedresponsestore.h"

class OperationsFilterModel;
class OperationsModel;
class QLabel;
class QLineEdit;
class QTreeView;

class OperationsBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationsBrowser)

public:
    explicit OperationsBrowser(QWidget* parent = nullptr);
    ~OperationsBrowser() override;

    void setDefinition(const DefinitionPtr& definition);
    void setForced(const QHash<QString, ForcedResponse>& forced);
    void selectOperation(const QString& operationId);
    QString selectedOperation() const;
    void focusFilter();

    OperationsModel* model() const
    {
        return m_model;
    }
    OperationsFilterModel* filterModel() const
    {
        return m_filter;
    }
    QTreeView* view() const
    {
        return m_view;
    }
    QLineEdit* filterEdit() const
    {
        return m_filterEdit;
    }

signals:
    // Empty when a tag or nothing is selected.
    void operationSelected(const QString& operationId);

private:
    void updatePlaceholder();
    bool eventFilter(QObject* watched, QEvent* event) override;

    OperationsModel* m_model = nullptr;
    OperationsFilterModel* m_filter = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_placeholder = nullptr;
    // The operation the user picked; it stays picked while a filter hides it.
    QString m_chosen;
    bool m_filtering = false; // the filter text is changing: current-index moves are not the user's choice
};
