// SPDX-License-Identifier: MIT
// Renders one operation as a readable page: description, parameters, request body, responses and security.
#pragma once

#include <QTextBrowser>

#include "core/definition/definition.h"

class OperationDetailsView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationDetailsView)

public:
    explicit OperationDetailsView(QWidget* parent = nullptr);
    ~OperationDetailsView() override;

    // `operation` must belong to `definition`; null shows the API overview.
    void showOperation(const DefinitionPtr& definition, const Operation* operation);
    void showOverview(const DefinitionPtr& definition);
    void showPlaceholder(const QString& title, const QString& text);
    // Load errors by operationId (OperationsModel::problemsByOperation): an operation's page lists its own.
    void setProblems(const QHash<QString, QStringList>& problems);

signals:
    // The "Show in Problems" link of an operation with load errors.
    void problemsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    DefinitionPtr m_definition;
    QString m_operationId;
    QString m_placeholderTitle;
    QString m_placeholderText;
    QHash<QString, QStringList> m_problems;
};
