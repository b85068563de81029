// SPDX-License-Identifier: MIT
// The selected operation: its curl command above its Documentation, Try-it console and Behaviour (forcing, rules,
// latency, faults) tabs.
#pragma once

#include <memory>

#include <QUrl>
#include <QWidget>

#include "core/definition/definition.h"

class BehaviourPanel;
class ForcedResponsePanel;
class QLabel;
class StateModel;
class OperationDetailsView;
class QLineEdit;
class QTabWidget;
class TryItPanel;

class OperationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationPage)

public:
    explicit OperationPage(QWidget* parent = nullptr);
    ~OperationPage() override;

    void setDefinition(const DefinitionPtr& definition);
    // What stateful mode inferred (shown for the model's own definition only).
    void setStatefulEnabled(bool enabled); // the inferred resource is shown only while stateful mode is on
    void setStateModel(std::shared_ptr<const StateModel> model);
    QLabel* stateLabel() const
    {
        return m_stateLabel;
    }
    // Shows `operationId` of the definition (the overview when empty or unknown); the curl command targets
    // `mockUrl` (the running mock, or where it will listen).
    void showOperation(const QString& operationId, const QUrl& mockUrl);
    // Nothing to show: no definition, or it could not be loaded.
    void showPlaceholder(const QString& title, const QString& text);
    // Where Try-it sends its requests (empty while the mock is stopped).
    void setBaseUrl(const QUrl& mockUrl);

    QString operationId() const
    {
        return m_operationId;
    }
    // The Behaviour tab's first section.
    ForcedResponsePanel* forcingPanel() const;
    // The Behaviour tab: the operation's forced answer, then its scenario rules, latency and faults (the scenario
    // file).
    BehaviourPanel* behaviourPanel() const
    {
        return m_behaviour;
    }
    OperationDetailsView* detailsView() const
    {
        return m_details;
    }
    TryItPanel* tryItPanel() const
    {
        return m_tryIt;
    }
    QTabWidget* tabs() const
    {
        return m_tabs;
    }
    QLineEdit* curlField() const
    {
        return m_curlField;
    }

signals:
    // A short note for the status bar.
    void message(const QString& text, int timeoutMs);

private:
    void copyCurl();

    DefinitionPtr m_definition;
    QString m_operationId;
    OperationDetailsView* m_details = nullptr;
    TryItPanel* m_tryIt = nullptr;
    BehaviourPanel* m_behaviour = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_curlField = nullptr;
    QLabel* m_stateLabel = nullptr;
    bool m_statefulEnabled = false;
    std::shared_ptr<const StateModel> m_stateModel;
    void showStateInference(const Operation* op);
};
