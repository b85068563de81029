// SPDX-License-Identifier: MIT
// Lets the user force the status and example the mock answers with for the selected operation.
#pragma once

#include <memory>

#include <QWidget>

#include "core/definition/definition.h"
#include "core/negotiation/forcedresponsestore.h"

class QComboBox;
class QLabel;
class QPushButton;

class ForcedResponsePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForcedResponsePanel)

public:
    explicit ForcedResponsePanel(QWidget* parent = nullptr);
    ~ForcedResponsePanel() override;

    void setStore(std::shared_ptr<ForcedResponseStore> store);
    // Null operation disables the controls.
    void setOperation(const DefinitionPtr& definition, const QString& operationId);
    // Re-reads the store (after Reset all or a settings restore).
    void refresh();

    QComboBox* statusCombo() const
    {
        return m_status;
    }
    QComboBox* exampleCombo() const
    {
        return m_example;
    }

signals:
    // The store changed; listeners persist it and update markers.
    void forcedChanged();

private:
    void onStatusActivated();
    void onExampleActivated();
    void fillExamples(int status);
    const Operation* operation() const;
    void apply();

    std::shared_ptr<ForcedResponseStore> m_store;
    DefinitionPtr m_definition;
    QString m_operationId;
    QComboBox* m_status = nullptr;
    QComboBox* m_example = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_resetAll = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_exampleCaption = nullptr;
};
