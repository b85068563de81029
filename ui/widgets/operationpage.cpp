// SPDX-License-Identifier: MIT
#include "ui/widgets/operationpage.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/state/statemodel.h"
#include "ui/models/curlcommand.h"
#include "ui/theme.h"
#include "ui/widgets/behaviourpanel.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/operationdetailsview.h"
#include "ui/widgets/tryitpanel.h"

OperationPage::OperationPage(QWidget* parent)
    : QWidget(parent)
{
    m_details = new OperationDetailsView(this);
    m_details->setObjectName(QStringLiteral("operationDetails"));
    m_tryIt = new TryItPanel(this);
    m_tryIt->setObjectName(QStringLiteral("tryItPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, tr("Documentation"));
    m_tabs->addTab(m_tryIt, tr("Try it"));
    m_behaviour = new BehaviourPanel(this);
    m_behaviour->setObjectName(QStringLiteral("behaviourPanel"));
    // Scrolled, so that the panel's height never squeezes the request log below the page (1024x700).
    auto* behaviourScroll = new QScrollArea(this);
    behaviourScroll->setObjectName(QStringLiteral("behaviourScroll"));
    behaviourScroll->setWidgetResizable(true);
    behaviourScroll->setFrameShape(QFrame::NoFrame);
    behaviourScroll->setWidget(m_behaviour);
    m_tabs->addTab(behaviourScroll, tr("Behaviour"));

    m_curlField = new QLineEdit(this);
    m_curlField->setObjectName(QStringLiteral("curlField"));
    m_curlField->setReadOnly(true);
    m_curlField->setFont(Theme::monospaceFont());
    m_curlField->setPlaceholderText(tr("Select an operation to get a curl command for it"));
    auto* copyCurl = new QToolButton(this);
    copyCurl->setText(tr("Copy curl"));
    copyCurl->setToolTip(tr("Copy the command that calls this operation on the running mock"));
    connect(copyCurl, &QToolButton::clicked, this, &OperationPage::copyCurl);

    // How to call the operation sits above its tabs (forcing its answer is the Behaviour tab's first section).
    auto* actionsCard = new QFrame(this);
    actionsCard->setFrameShape(QFrame::StyledPanel);
    auto* curlRow = new QHBoxLayout;
    curlRow->addWidget(m_curlField, 1);
    curlRow->addWidget(copyCurl);
    auto* cardLayout = new QVBoxLayout(actionsCard);
    cardLayout->setContentsMargins(6, 6, 6, 6);
    cardLayout->setSpacing(6);
    cardLayout->addLayout(curlRow);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateInference"));
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->hide();
    cardLayout->addWidget(m_stateLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(actionsCard);
    layout->addWidget(m_tabs, 1);
}

OperationPage::~OperationPage() = default;

ForcedResponsePanel* OperationPage::forcingPanel() const
{
    return m_behaviour->forcingPanel();
}

void OperationPage::setDefinition(const DefinitionPtr& definition)
{
    m_definition = definition;
    m_tryIt->setDefinition(definition);
}

void OperationPage::setStateModel(std::shared_ptr<const StateModel> model)
{
    m_stateModel = std::move(model);
    showStateInference(m_definition ? m_definition->operation(m_operationId) : nullptr);
}

void OperationPage::setStatefulEnabled(bool enabled)
{
    m_statefulEnabled = enabled;
    showStateInference(m_definition ? m_definition->operation(m_operationId) : nullptr);
}

void OperationPage::showStateInference(const Operation* op)
{
    // Only while stateful mode is on: otherwise the line costs the log a row and says nothing about the answers.
    const bool shown = m_statefulEnabled && op && m_stateModel && m_stateModel->definition() == m_definition;
    m_stateLabel->setVisible(shown);
    if (!shown)
        return;
    const StateBinding binding = m_stateModel->binding(op->index);
    m_stateLabel->setText(binding.role == StateRole::None
            ? tr("Stateful mode: stays static (%1).").arg(binding.reason)
            : tr("Stateful mode: %1").arg(m_stateModel->describe(op->index)));
}

void OperationPage::showOperation(const QString& operationId, const QUrl& mockUrl)
{
    const Operation* op = m_definition && !operationId.isEmpty() ? m_definition->operation(operationId) : nullptr;
    m_operationId = op ? op->id : QString();
    m_behaviour->setOperation(m_definition, m_operationId);
    // Re-prefilling drops the user's edits, so only do it when the operation really changed.
    if (m_tryIt->operationId() != m_operationId)
        m_tryIt->setOperation(m_operationId);
    if (!m_definition)
        return;
    if (!op) {
        showStateInference(nullptr);
        m_details->showOverview(m_definition);
        m_curlField->clear();
        return;
    }
    m_details->showOperation(m_definition, op);
    showStateInference(op);
    m_curlField->setText(CurlCommand::forOperation(*op, *m_definition, mockUrl));
    m_curlField->setCursorPosition(0);
}

void OperationPage::showPlaceholder(const QString& title, const QString& text)
{
    m_details->showPlaceholder(title, text);
}

void OperationPage::setBaseUrl(const QUrl& mockUrl)
{
    m_tryIt->setBaseUrl(mockUrl);
}

void OperationPage::copyCurl()
{
    if (m_curlField->text().isEmpty())
        return;
    QApplication::clipboard()->setText(m_curlField->text());
    emit message(tr("Copied the curl command"), 3000);
}
