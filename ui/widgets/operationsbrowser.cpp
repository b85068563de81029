// SPDX-License-Identifier: MIT
#include "ui/widgets/operationsbrowser.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/models/operationsfiltermodel.h"
#include "ui/models/operationsmodel.h"
#include "ui/widgets/operationdelegate.h"

OperationsBrowser::OperationsBrowser(QWidget* parent)
    : QWidget(parent)
    , m_model(new OperationsModel(this))
    , m_filter(new OperationsFilterModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_placeholder(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_filterEdit->setPlaceholderText(tr("Filter by path, method, summary or operationId (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("operationsFilter"));
    m_view->setObjectName(QStringLiteral("operationsTree"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new OperationDelegate(OperationDelegate::Mode::OperationRow, m_view));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(false); // operations with a summary take two lines
    m_view->setAnimated(true);
    m_view->setAllColumnsShowFocus(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // the disabled palette gives a theme-aware muted colour

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Filtering narrows the tree; it does not pick another operation. The selected one stays selected while
        // it matches, and the page keeps showing it when it does not.
        const QString selected = m_chosen;
        m_filtering = true;
        m_filter->setText(text);
        m_view->expandAll();
        const QModelIndex idx = m_filter->mapFromSource(m_model->indexOfOperation(selected));
        if (!selected.isEmpty() && idx.isValid())
            m_view->setCurrentIndex(idx);
        else
            m_view->selectionModel()->clearCurrentIndex();
        m_filtering = false;
        updatePlaceholder();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (m_filtering)
            return;
        m_chosen = current.data(OperationsModel::OperationIdRole).toString();
        emit operationSelected(m_chosen);
    });
    m_filterEdit->installEventFilter(this);
    // Enter in the filter jumps to the first match, so keyboard users never need the mouse.
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex tag = m_filter->index(0, 0);
        const QModelIndex first = m_filter->index(0, 0, tag);
        if (first.isValid()) {
            m_view->setCurrentIndex(first);
            m_view->setFocus();
        }
    });
    updatePlaceholder();
}

OperationsBrowser::~OperationsBrowser() = default;

void OperationsBrowser::setDefinition(const DefinitionPtr& definition)
{
    const QString previous = selectedOperation();
    m_model->setDefinition(definition);
    m_chosen.clear();
    m_view->expandAll();
    updatePlaceholder();
    if (!previous.isEmpty())
        selectOperation(previous);
}

void OperationsBrowser::setForced(const QHash<QString, ForcedResponse>& forced)
{
    m_model->setForced(forced);
}

void OperationsBrowser::selectOperation(const QString& operationId)
{
    // An operation the filter hides is shown by clearing the filter (going to it from the log).
    if (!m_filterEdit->text().isEmpty() && m_model->indexOfOperation(operationId).isValid()
        && !m_filter->mapFromSource(m_model->indexOfOperation(operationId)).isValid())
        m_filterEdit->clear();
    const QModelIndex idx = m_filter->mapFromSource(m_model->indexOfOperation(operationId));
    if (idx.isValid()) {
        m_view->setCurrentIndex(idx);
        m_view->scrollTo(idx);
    }
}

QString OperationsBrowser::selectedOperation() const
{
    return m_chosen;
}

void OperationsBrowser::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

bool OperationsBrowser::eventFilter(QObject* watched, QEvent* event)
{
    // Escape empties the filter (the clear button without the mouse).
    if (watched == m_filterEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !m_filterEdit->text().isEmpty()) {
        m_filterEdit->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void OperationsBrowser::updatePlaceholder()
{
    QString text;
    if (!m_model->definition())
        text = tr("No definition loaded.");
    else if (m_model->rowCount() == 0)
        text = tr("This definition has no operations.\nAdd paths and reload (Ctrl+R).");
    else if (m_filter->rowCount() == 0)
        text = tr("No operation matches “%1”.").arg(m_filterEdit->text());
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_view->setVisible(text.isEmpty());
}
