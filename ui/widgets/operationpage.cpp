// SPDX-License-Identifier: MIT
#include "ui/widgets/operationpage.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

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
    m_forcing = new ForcedResponsePanel(this);
    m_tryIt = new TryItPanel(this);
    m_tryIt->setObjectName(QStringLiteral("tryItPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, tr("Documentation"));
    m_tabs->addTab(m_tryIt, tr("Try it"));
    m_behaviour = new BehaviourPanel(this);
    m_behaviour->setObjectName(QStringLiteral("behaviourPanel"));
    m_tabs->addTab(m_behaviour, tr("Behaviour"));

    m_curlField = new QLineEdit(this);
    m_curlField->setObjectName(QStringLiteral("curlField"));
    m_curlField->setReadOnly(true);
    m_curlField->setFont(Theme::monospaceFont());
    m_curlField->setPlaceholderText(tr("Select an operation to get a curl command for it"));
    auto* copyCurl = new QToolButton(this);
    copyCurl->setText(tr("Copy curl"));
    copyCurl->setToolTip(tr("Copy the command that calls this operation on the running mock"));
    connect(copyCurl, &QToolButton::clicked, this, &OperationPage::copyCurl);

    // The two things you do with an operation (force its answer, call it) sit together above its docs.
    auto* actionsCard = new QFrame(this);
    actionsCard->setFrameShape(QFrame::StyledPanel);
    auto* curlRow = new QHBoxLayout;
    curlRow->addWidget(m_curlField, 1);
    curlRow->addWidget(copyCurl);
    auto* cardLayout = new QVBoxLayout(actionsCard);
    cardLayout->setContentsMargins(6, 6, 6, 6);
    cardLayout->setSpacing(6);
    cardLayout->addWidget(m_forcing);
    cardLayout->addLayout(curlRow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(actionsCard);
    layout->addWidget(m_tabs, 1);
}

OperationPage::~OperationPage() = default;

void OperationPage::setDefinition(const DefinitionPtr& definition)
{
    m_definition = definition;
    m_tryIt->setDefinition(definition);
}

void OperationPage::showOperation(const QString& operationId, const QUrl& mockUrl)
{
    const Operation* op = m_definition && !operationId.isEmpty() ? m_definition->operation(operationId) : nullptr;
    m_operationId = op ? op->id : QString();
    m_forcing->setOperation(m_definition, m_operationId);
    m_behaviour->setOperation(m_definition, m_operationId);
    // Re-prefilling drops the user's edits, so only do it when the operation really changed.
    if (m_tryIt->operationId() != m_operationId)
        m_tryIt->setOperation(m_operationId);
    if (!m_definition)
        return;
    if (!op) {
        m_details->showOverview(m_definition);
        m_curlField->clear();
        return;
    }
    m_details->showOperation(m_definition, op);
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
