// SPDX-License-Identifier: MIT
// The "Data" view: stateful mode's collections and their items as editable JSON, with reset and clear, kept live.
#pragma once

#include <memory>

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class StateStore;

class StateView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateView)

public:
    explicit StateView(QWidget* parent = nullptr);
    ~StateView() override;

    void setStore(std::shared_ptr<StateStore> store);
    // Reads the store again (the view does so by itself, a moment after every change).
    void refresh();
    // Selects a collection by name; false when there is none.
    bool selectCollection(const QString& name);
    QString selectedCollection() const;

    QListWidget* collectionList() const
    {
        return m_list;
    }
    QPlainTextEdit* editor() const
    {
        return m_editor;
    }
    QPushButton* applyButton() const
    {
        return m_apply;
    }
    QPushButton* resetButton() const
    {
        return m_reset;
    }
    QPushButton* clearButton() const
    {
        return m_clear;
    }
    QLabel* statusLabel() const
    {
        return m_status;
    }

private:
    void onSelectionChanged();
    void onApplyClicked();
    void onResetClicked();
    void onClearClicked();
    void showSelected();

    std::shared_ptr<StateStore> m_store;
    QListWidget* m_list = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_refreshTimer = nullptr;
    QString m_shown; // the collection whose JSON the editor shows
};
