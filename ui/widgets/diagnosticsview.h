// SPDX-License-Identifier: MIT
// Lists load and configuration diagnostics: severity, message, file:line and JSON pointer.
#pragma once

#include <QTreeWidget>

#include "core/json/diagnostic.h"

class DiagnosticsView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsView)

public:
    explicit DiagnosticsView(QWidget* parent = nullptr);
    ~DiagnosticsView() override;

    void setDiagnostics(const Diagnostics& diagnostics);
    int errorCount() const
    {
        return m_errors;
    }
    int warningCount() const
    {
        return m_warnings;
    }

private:
    int m_errors = 0;
    int m_warnings = 0;
};
