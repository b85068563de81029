// SPDX-License-Identifier: MIT
// One operation's Behaviour tab: its forced status and example, then its scenario rules, latency and faults (edited
// straight into the scenario file).
#pragma once

#include <functional>

#include <QWidget>

#include "core/definition/definition.h"
#include "core/scenarios/scenario.h"

class ForcedResponsePanel;
class MockSession;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

/**
 * Every change is written to the scenario file at once (atomically, QSaveFile) through ScenarioWriter, which rewrites
 * only the operation's changed entries and keeps the rest of the file as written; the session then reads the file
 * again. With no scenario file yet, the first change asks where to save it (understudy.yaml next to the definition
 * is suggested and found again on the next start; another place is used as the session's --scenarios file).
 * Rule cells hold the file's own flow syntax: `{ path: { bookId: 42 } }` → `{ status: 404 }`.
 */
class BehaviourPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BehaviourPanel)

public:
    explicit BehaviourPanel(QWidget* parent = nullptr);
    ~BehaviourPanel() override;

    void setSession(MockSession* session);
    // Null definition or empty id disables the controls.
    void setOperation(const DefinitionPtr& definition, const QString& operationId);
    // Where a new scenario file goes; returns the chosen path, empty to cancel. Default: a save dialog.
    void setSaveLocationChooser(std::function<QString(const QString& suggested)> chooser);

    // The first section: the forced status and example (the window gives it the store and follows its changes).
    ForcedResponsePanel* forcingPanel() const
    {
        return m_forcing;
    }
    QTableWidget* rulesTable() const
    {
        return m_rules;
    }
    QComboBox* latencyKind() const
    {
        return m_latencyKind;
    }
    QLineEdit* latencyFirst() const
    {
        return m_latencyA;
    }
    QLineEdit* latencySecond() const
    {
        return m_latencyB;
    }
    QComboBox* faultKind() const
    {
        return m_faultKind;
    }
    QSpinBox* faultStatus() const
    {
        return m_faultStatus;
    }
    QDoubleSpinBox* faultRate() const
    {
        return m_faultRate;
    }
    QLabel* statusLabel() const
    {
        return m_status;
    }
    // Rule buttons: add, remove, up, down.
    QPushButton* ruleButton(int which) const;

    // The behaviour the widgets describe; false with `error` when a rule cell or a duration does not read.
    bool current(OperationScenario* out, QString* error) const;
    // Writes the widgets' behaviour into the scenario file (what every edit does); false when it did not.
    bool save();

signals:
    void saved(const QString& path);

private:
    void reload();
    void fill(const OperationScenario& scenario);
    void updateEnabled();
    void onEdited();
    void addRule();
    void removeRule();
    void moveRule(int by);
    void showStatus(const QString& text, bool error);

    MockSession* m_session = nullptr;
    DefinitionPtr m_definition;
    QString m_operationId;
    OperationScenario m_before; // what the file says now (its key as written)
    std::function<QString(const QString&)> m_chooser;
    bool m_filling = false;

    ForcedResponsePanel* m_forcing = nullptr;
    QTableWidget* m_rules = nullptr;
    QPushButton* m_buttons[4] = {};
    QComboBox* m_latencyKind = nullptr;
    QLineEdit* m_latencyA = nullptr;
    QLineEdit* m_latencyB = nullptr;
    QComboBox* m_faultKind = nullptr;
    QSpinBox* m_faultStatus = nullptr;
    QDoubleSpinBox* m_faultRate = nullptr;
    QLabel* m_status = nullptr;
};
