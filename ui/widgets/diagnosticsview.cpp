// SPDX-License-Identifier: MIT
#include "ui/widgets/diagnosticsview.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QStyle>

#include "ui/theme.h"

namespace {

// Diagnostic::severityName is the English word of the command line output; the window shows it translated.
QString severityText(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return DiagnosticsView::tr("error");
    case Diagnostic::Severity::Warning:
        return DiagnosticsView::tr("warning");
    case Diagnostic::Severity::Info:
        return DiagnosticsView::tr("note");
    }
    return {};
}

} // namespace

DiagnosticsView::DiagnosticsView(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("diagnosticsView"));
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setWordWrap(false);
    setHeaderLabels({ tr("Severity"), tr("Message"), tr("Location"), tr("Pointer") });
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
}

DiagnosticsView::~DiagnosticsView() = default;

void DiagnosticsView::setDiagnostics(const Diagnostics& diagnostics)
{
    clear();
    m_errors = 0;
    m_warnings = 0;
    for (const Diagnostic& d : diagnostics) {
        auto* item = new QTreeWidgetItem(this);
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        int status = 0;
        if (d.severity == Diagnostic::Severity::Error) {
            ++m_errors;
            icon = QStyle::SP_MessageBoxCritical;
            status = 500;
        } else if (d.severity == Diagnostic::Severity::Warning) {
            ++m_warnings;
            icon = QStyle::SP_MessageBoxWarning;
            status = 400;
        }
        item->setIcon(0, style()->standardIcon(icon));
        item->setText(0, severityText(d.severity));
        if (status)
            item->setForeground(0, Theme::statusColor(status, palette()));
        item->setText(1, d.message);
        item->setToolTip(1, d.toString());
        QString location = d.file.isEmpty() ? QString() : QFileInfo(d.file).fileName();
        if (d.line > 0)
            location += QStringLiteral(":%1").arg(d.line);
        if (d.column > 0)
            location += QStringLiteral(":%1").arg(d.column);
        item->setText(2, location);
        item->setToolTip(2, d.file);
        item->setText(3, d.pointer);
    }
    for (int c = 0; c < columnCount(); ++c)
        if (c != 1)
            resizeColumnToContents(c);
}
