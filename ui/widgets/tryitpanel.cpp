// SPDX-License-Identifier: MIT
#include "ui/widgets/tryitpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/models/specformat.h"
#include "ui/theme.h"
#include "ui/widgets/jsonhighlighter.h"

namespace {

enum Column
{
    NameColumn,
    ValueColumn,
    InColumn
};
enum Role
{
    ExplodeRole = Qt::UserRole + 1,
    CredentialRole,
    RequiredRole,
    InRole
};

QString locationText(const DraftParameter& p)
{
    if (p.credential)
        return TryItPanel::tr("%1 (auth)").arg(p.in);
    return p.in;
}

QString headerBlock(const QList<QNetworkReply::RawHeaderPair>& headers)
{
    QString out;
    for (const auto& h : headers)
        out += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second) + QLatin1Char('\n');
    return out;
}

} // namespace

TryItPanel::TryItPanel(QWidget* parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &TryItPanel::handleTimeout);
    buildUi();
    setOperation({});
    updateSendState();
}

TryItPanel::~TryItPanel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void TryItPanel::buildUi()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Scrolls rather than squeezing when the window is small (1024x700 with the log open), so the panel never
    // forces the log below it to shrink.
    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);
    m_stack = new QStackedWidget(scroll);
    scroll->setWidget(m_stack);

    m_emptyLabel = new QLabel(tr("Select an operation to try it against the running mock."), m_stack);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setObjectName(QStringLiteral("tryItEmpty"));
    m_stack->addWidget(m_emptyLabel);

    auto* page = new QWidget(m_stack);
    m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);

    // Request line: method badge, URL preview, actions.
    auto* requestLine = new QHBoxLayout;
    m_methodLabel = new QLabel(page);
    m_methodLabel->setObjectName(QStringLiteral("tryItMethod"));
    m_methodLabel->setAlignment(Qt::AlignCenter);
    m_urlEdit = new QLineEdit(page);
    m_urlEdit->setObjectName(QStringLiteral("tryItUrl"));
    m_urlEdit->setReadOnly(true);
    m_urlEdit->setFont(Theme::monospaceFont());
    m_urlEdit->setToolTip(tr("The URL that will be requested; edit path and query values in the table below."));
    m_sendButton = new QPushButton(tr("Send"), page);
    m_sendButton->setObjectName(QStringLiteral("tryItSend"));
    m_sendButton->setDefault(true);
    m_sendButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_cancelButton = new QPushButton(tr("Cancel"), page);
    m_cancelButton->setObjectName(QStringLiteral("tryItCancel"));
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_cancelButton->setVisible(false);
    m_curlButton = new QToolButton(page);
    m_curlButton->setObjectName(QStringLiteral("tryItCurl"));
    m_curlButton->setText(tr("Copy as curl"));
    m_curlButton->setToolTip(tr("Copy this request as a curl command line"));
    requestLine->addWidget(m_methodLabel);
    requestLine->addWidget(m_urlEdit, 1);
    requestLine->addWidget(m_sendButton);
    requestLine->addWidget(m_cancelButton);
    requestLine->addWidget(m_curlButton);
    layout->addLayout(requestLine);

    m_stoppedHint = new QLabel(tr("The mock is stopped. Start it to send requests."), page);
    m_stoppedHint->setObjectName(QStringLiteral("tryItStoppedHint"));
    m_stoppedHint->setWordWrap(true);
    layout->addWidget(m_stoppedHint);

    // The mock's control headers, as Redocly's mock server understands them.
    auto* controls = new QHBoxLayout;
    m_statusCheck = new QCheckBox(QStringLiteral("x-redocly-response-status"), page);
    m_statusCheck->setToolTip(tr("Ask the mock for the response with this status"));
    m_statusCombo = new QComboBox(page);
    m_statusCombo->setEnabled(false);
    m_statusCheck->setObjectName(QStringLiteral("tryItForceStatus"));
    m_statusCombo->setObjectName(QStringLiteral("tryItForceStatusCombo"));
    m_exampleCheck = new QCheckBox(QStringLiteral("x-redocly-response-body-example"), page);
    m_exampleCheck->setToolTip(tr("Ask the mock for this named response example"));
    m_exampleCombo = new QComboBox(page);
    m_exampleCombo->setEnabled(false);
    m_exampleCheck->setObjectName(QStringLiteral("tryItForceExample"));
    m_exampleCombo->setObjectName(QStringLiteral("tryItForceExampleCombo"));
    controls->addWidget(m_statusCheck);
    controls->addWidget(m_statusCombo);
    controls->addSpacing(12);
    controls->addWidget(m_exampleCheck);
    controls->addWidget(m_exampleCombo);
    controls->addStretch(1);
    layout->addLayout(controls);
    connect(m_statusCheck, &QCheckBox::toggled, m_statusCombo, &QWidget::setEnabled);
    connect(m_exampleCheck, &QCheckBox::toggled, m_exampleCombo, &QWidget::setEnabled);

    auto* splitter = new QSplitter(Qt::Vertical, page);
    m_requestResponse = splitter;
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    // Request: parameters and body.
    m_requestTabs = new QTabWidget(splitter);
    m_requestTabs->setDocumentMode(true);
    auto* parametersPage = new QWidget(m_requestTabs);
    auto* parametersLayout = new QVBoxLayout(parametersPage);
    parametersLayout->setContentsMargins(0, 4, 0, 0);
    m_parameterTable = new QTableWidget(0, 3, parametersPage);
    m_parameterTable->setObjectName(QStringLiteral("tryItParameters"));
    m_parameterTable->setHorizontalHeaderLabels({ tr("Name"), tr("Value"), tr("In") });
    m_parameterTable->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_parameterTable->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_parameterTable->horizontalHeader()->setSectionResizeMode(InColumn, QHeaderView::ResizeToContents);
    m_parameterTable->verticalHeader()->setVisible(false);
    m_parameterTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parameterTable->setAlternatingRowColors(true);
    m_parameterTable->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    parametersLayout->addWidget(m_parameterTable);
    auto* parameterButtons = new QHBoxLayout;
    m_addParameterButton = new QToolButton(parametersPage);
    m_addParameterButton->setText(tr("Add header"));
    m_addParameterButton->setToolTip(tr("Add a header line (change its location in the In column)"));
    m_removeParameterButton = new QToolButton(parametersPage);
    m_removeParameterButton->setText(tr("Remove"));
    m_removeParameterButton->setToolTip(
        tr("Remove the selected line (parameters of the definition cannot be removed)"));
    parameterButtons->addWidget(m_addParameterButton);
    parameterButtons->addWidget(m_removeParameterButton);
    parameterButtons->addStretch(1);
    parametersLayout->addLayout(parameterButtons);
    m_requestTabs->addTab(parametersPage, tr("Parameters"));

    auto* bodyPage = new QWidget(m_requestTabs);
    auto* bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    auto* bodyChoices = new QHBoxLayout;
    m_mediaTypeCombo = new QComboBox(bodyPage);
    m_mediaTypeCombo->setObjectName(QStringLiteral("tryItMediaType"));
    m_bodyExampleCombo = new QComboBox(bodyPage);
    m_bodyExampleCombo->setObjectName(QStringLiteral("tryItBodyExample"));
    m_bodyExampleCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* mediaLabel = new QLabel(tr("Content type:"), bodyPage);
    mediaLabel->setBuddy(m_mediaTypeCombo);
    auto* exampleLabel = new QLabel(tr("Example:"), bodyPage);
    exampleLabel->setBuddy(m_bodyExampleCombo);
    bodyChoices->addWidget(mediaLabel);
    bodyChoices->addWidget(m_mediaTypeCombo);
    bodyChoices->addSpacing(12);
    bodyChoices->addWidget(exampleLabel);
    bodyChoices->addWidget(m_bodyExampleCombo);
    bodyChoices->addStretch(1);
    bodyLayout->addLayout(bodyChoices);
    m_bodyEdit = new QPlainTextEdit(bodyPage);
    m_bodyEdit->setObjectName(QStringLiteral("tryItBody"));
    m_bodyEdit->setFont(Theme::monospaceFont());
    m_bodyEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_bodyEdit->setTabChangesFocus(true);
    m_bodyHighlighter = new JsonHighlighter(m_bodyEdit->document());
    bodyLayout->addWidget(m_bodyEdit, 1);
    m_noBodyLabel = new QLabel(tr("This operation takes no request body."), bodyPage);
    m_noBodyLabel->setAlignment(Qt::AlignCenter);
    bodyLayout->addWidget(m_noBodyLabel, 1);
    m_requestTabs->addTab(bodyPage, tr("Body"));

    // Response, shown the way the request log shows an entry.
    auto* responsePage = new QWidget(splitter);
    auto* responseLayout = new QVBoxLayout(responsePage);
    responseLayout->setContentsMargins(0, 4, 0, 0);
    auto* responseHeader = new QHBoxLayout;
    auto* responseTitle = new QLabel(tr("Response"), responsePage);
    QFont titleFont = responseTitle->font();
    titleFont.setBold(true);
    responseTitle->setFont(titleFont);
    m_statusLabel = new QLabel(responsePage);
    m_statusLabel->setObjectName(QStringLiteral("tryItStatus"));
    m_statusLabel->setFont(titleFont);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel = new QLabel(responsePage);
    m_detailsLabel->setObjectName(QStringLiteral("tryItDetails"));
    responseHeader->addWidget(responseTitle);
    responseHeader->addSpacing(8);
    responseHeader->addWidget(m_statusLabel);
    responseHeader->addStretch(1);
    responseHeader->addWidget(m_detailsLabel);
    responseLayout->addLayout(responseHeader);
    m_responseEdit = new QPlainTextEdit(responsePage);
    m_responseEdit->setObjectName(QStringLiteral("tryItResponse"));
    m_responseEdit->setReadOnly(true);
    m_responseEdit->setFont(Theme::monospaceFont());
    m_responseEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_responseEdit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_responseEdit->setPlaceholderText(tr("Send the request to see the mock's answer here."));
    m_responseHighlighter = new JsonHighlighter(m_responseEdit->document());
    responseLayout->addWidget(m_responseEdit, 1);
    // Small minimums keep the panel usable when the log below takes most of a 1024x700 window.
    const int line = QFontMetrics(Theme::monospaceFont()).lineSpacing();
    // The parameter table shows three rows at least (the panel scrolls when the window is smaller than that).
    m_parameterTable->setMinimumHeight(m_parameterTable->horizontalHeader()->sizeHint().height()
        + 3 * m_parameterTable->verticalHeader()->defaultSectionSize() + 2 * m_parameterTable->frameWidth());
    m_bodyEdit->setMinimumHeight(line * 3);
    m_responseEdit->setMinimumHeight(line * 3);
    splitter->addWidget(m_requestTabs);
    splitter->addWidget(responsePage);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    connect(m_sendButton, &QPushButton::clicked, this, &TryItPanel::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &TryItPanel::cancel);
    connect(m_curlButton, &QToolButton::clicked, this, &TryItPanel::copyAsCurl);
    connect(m_addParameterButton, &QToolButton::clicked, this, &TryItPanel::onAddParameterClicked);
    connect(m_removeParameterButton, &QToolButton::clicked, this, &TryItPanel::onRemoveParameterClicked);
    connect(m_mediaTypeCombo, &QComboBox::activated, this, &TryItPanel::onMediaTypeActivated);
    connect(m_bodyExampleCombo, &QComboBox::activated, this, &TryItPanel::onBodyExampleActivated);
    connect(m_parameterTable, &QTableWidget::itemChanged, this, &TryItPanel::updateUrlPreview);
    connect(m_parameterTable, &QTableWidget::currentCellChanged, this,
        [this](int row) { m_removeParameterButton->setEnabled(row >= m_draft.parameters.size()); });
    auto* sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, [this] {
        if (m_sendButton->isEnabled())
            send();
    });
    m_sendButton->setToolTip(tr("Send the request to the mock (%1)")
                                 .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
}

void TryItPanel::setDefinition(DefinitionPtr definition)
{
    m_definition = std::move(definition);
    setOperation(m_draft.operationId);
}

void TryItPanel::setOperation(const QString& operationId)
{
    if (m_reply)
        cancel();
    const Operation* operation =
        m_definition && !operationId.isEmpty() ? m_definition->operation(operationId) : nullptr;
    if (!operation) {
        m_draft = RequestDraft();
        m_stack->setCurrentWidget(m_emptyLabel);
        return;
    }
    m_draft = RequestDraft::fromOperation(*m_definition, *operation);
    prefill();
    m_stack->setCurrentIndex(1);
}

void TryItPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Wide and low (the log below takes the height): the response goes beside the request, so both show.
    const Qt::Orientation wanted = width() >= 820 ? Qt::Horizontal : Qt::Vertical;
    if (m_requestResponse->orientation() != wanted)
        m_requestResponse->setOrientation(wanted);
}

void TryItPanel::setDraft(const RequestDraft& draft)
{
    if (m_reply)
        cancel();
    m_draft = draft;
    prefill();
    m_stack->setCurrentIndex(1);
}

void TryItPanel::setBaseUrl(const QUrl& mockUrl)
{
    m_baseUrl = mockUrl;
    updateUrlPreview();
    updateSendState();
}

void TryItPanel::setTimeout(int milliseconds)
{
    m_timeoutMs = qMax(1, milliseconds);
}

void TryItPanel::prefill()
{
    updateMethodBadge();
    fillParameterTable();

    m_mediaTypeCombo->clear();
    for (const DraftMediaType& media : m_draft.mediaTypes)
        m_mediaTypeCombo->addItem(media.name);
    const bool hasBody = m_draft.hasBody && !m_draft.mediaTypes.isEmpty();
    for (QWidget* w : { static_cast<QWidget*>(m_mediaTypeCombo), static_cast<QWidget*>(m_bodyExampleCombo),
             static_cast<QWidget*>(m_bodyEdit) })
        w->setEnabled(hasBody);
    m_bodyEdit->setVisible(hasBody);
    m_noBodyLabel->setVisible(!hasBody);
    fillBodyExamples();
    m_bodyEdit->setPlainText(m_draft.body);
    m_requestTabs->setTabText(1, hasBody ? tr("Body (%1)").arg(m_draft.contentType) : tr("Body"));

    m_statusCheck->setChecked(false);
    m_statusCombo->clear();
    m_statusCombo->addItems(m_draft.responseStatuses);
    m_statusCheck->setEnabled(!m_draft.responseStatuses.isEmpty());
    m_exampleCheck->setChecked(false);
    m_exampleCombo->clear();
    m_exampleCombo->addItems(m_draft.responseExamples);
    m_exampleCheck->setEnabled(!m_draft.responseExamples.isEmpty());
    // A draft taken from a logged request keeps the forcing it was sent with.
    if (!m_draft.forcedStatus.isEmpty()) {
        if (m_statusCombo->findText(m_draft.forcedStatus) < 0)
            m_statusCombo->addItem(m_draft.forcedStatus);
        m_statusCombo->setCurrentText(m_draft.forcedStatus);
        m_statusCheck->setChecked(true);
    }
    if (!m_draft.forcedExample.isEmpty()) {
        if (m_exampleCombo->findText(m_draft.forcedExample) < 0)
            m_exampleCombo->addItem(m_draft.forcedExample);
        m_exampleCombo->setCurrentText(m_draft.forcedExample);
        m_exampleCheck->setChecked(true);
    }

    m_lastStatus = 0;
    m_statusLabel->clear();
    m_detailsLabel->clear();
    m_responseEdit->clear();
    updateUrlPreview();
    updateSendState();
}

void TryItPanel::fillParameterTable()
{
    const QSignalBlocker blocker(m_parameterTable);
    m_parameterTable->setRowCount(0);
    for (const DraftParameter& p : m_draft.parameters) {
        const int row = m_parameterTable->rowCount();
        m_parameterTable->insertRow(row);
        auto* name = new QTableWidgetItem(p.name);
        const bool isPath = p.in == QLatin1String("path");
        // Path values are part of the URL itself, so they cannot be switched off; definition names are fixed.
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (!isPath)
            flags |= Qt::ItemIsUserCheckable;
        name->setFlags(flags);
        name->setCheckState(p.enabled ? Qt::Checked : Qt::Unchecked);
        name->setData(ExplodeRole, p.explodeArray);
        name->setData(CredentialRole, p.credential);
        name->setData(RequiredRole, p.required);
        QString tip = p.description;
        if (p.required)
            tip = tip.isEmpty() ? tr("Required") : tr("Required. %1").arg(tip);
        name->setToolTip(tip);
        if (p.required) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        auto* value = new QTableWidgetItem(p.value);
        value->setFont(Theme::monospaceFont());
        value->setToolTip(tip);
        auto* in = new QTableWidgetItem(locationText(p));
        in->setData(InRole, p.in);
        in->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        in->setForeground(Theme::dimmedTextColor(palette()));
        in->setToolTip(tip);
        m_parameterTable->setItem(row, NameColumn, name);
        m_parameterTable->setItem(row, ValueColumn, value);
        m_parameterTable->setItem(row, InColumn, in);
    }
    m_removeParameterButton->setEnabled(false);
    m_requestTabs->setTabText(
        0, m_draft.parameters.isEmpty() ? tr("Parameters") : tr("Parameters (%1)").arg(m_draft.parameters.size()));
}

void TryItPanel::fillBodyExamples()
{
    m_bodyExampleCombo->clear();
    const int index = m_mediaTypeCombo->currentIndex();
    if (index < 0 || index >= m_draft.mediaTypes.size())
        return;
    for (const DraftBodyExample& example : m_draft.mediaTypes.at(index).examples)
        m_bodyExampleCombo->addItem(example.label, example.name);
}

void TryItPanel::onMediaTypeActivated(int index)
{
    if (index < 0 || index >= m_draft.mediaTypes.size())
        return;
    fillBodyExamples();
    m_bodyEdit->setPlainText(m_draft.mediaTypes.at(index).examples.value(0).text);
    m_requestTabs->setTabText(1, tr("Body (%1)").arg(m_draft.mediaTypes.at(index).name));
}

void TryItPanel::onBodyExampleActivated(int index)
{
    const int media = m_mediaTypeCombo->currentIndex();
    if (media < 0 || media >= m_draft.mediaTypes.size())
        return;
    const auto& examples = m_draft.mediaTypes.at(media).examples;
    if (index >= 0 && index < examples.size())
        m_bodyEdit->setPlainText(examples.at(index).text);
}

void TryItPanel::onAddParameterClicked()
{
    const int row = m_parameterTable->rowCount();
    {
        const QSignalBlocker blocker(m_parameterTable);
        m_parameterTable->insertRow(row);
        auto* name = new QTableWidgetItem(QStringLiteral("X-Header"));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        name->setCheckState(Qt::Checked);
        auto* value = new QTableWidgetItem;
        value->setFont(Theme::monospaceFont());
        // Added lines may go anywhere but the path; the text is checked when the draft is read.
        auto* in = new QTableWidgetItem(QStringLiteral("header"));
        in->setToolTip(tr("header, query or cookie"));
        m_parameterTable->setItem(row, NameColumn, name);
        m_parameterTable->setItem(row, ValueColumn, value);
        m_parameterTable->setItem(row, InColumn, in);
    }
    m_parameterTable->setCurrentCell(row, NameColumn);
    m_parameterTable->editItem(m_parameterTable->item(row, NameColumn));
    updateUrlPreview();
}

void TryItPanel::onRemoveParameterClicked()
{
    const int row = m_parameterTable->currentRow();
    // Lines from the definition stay (switch them off instead), so row indexes keep matching m_draft.
    if (row < m_draft.parameters.size())
        return;
    m_parameterTable->removeRow(row);
    updateUrlPreview();
}

RequestDraft TryItPanel::currentDraft() const
{
    RequestDraft draft = m_draft;
    draft.parameters.clear();
    for (int row = 0; row < m_parameterTable->rowCount(); ++row) {
        const QTableWidgetItem* name = m_parameterTable->item(row, NameColumn);
        const QTableWidgetItem* value = m_parameterTable->item(row, ValueColumn);
        const QTableWidgetItem* in = m_parameterTable->item(row, InColumn);
        if (!name || !value || !in)
            continue;
        DraftParameter p;
        p.name = name->text().trimmed();
        p.value = value->text();
        p.in = in->data(InRole).toString();
        if (p.in.isEmpty()) {
            const QString typed = in->text().trimmed().toLower();
            p.in =
                typed == QLatin1String("query") || typed == QLatin1String("cookie") ? typed : QStringLiteral("header");
        }
        p.enabled = p.in == QLatin1String("path") || name->checkState() == Qt::Checked;
        p.explodeArray = name->data(ExplodeRole).toBool();
        p.credential = name->data(CredentialRole).toBool();
        p.required = name->data(RequiredRole).toBool();
        draft.parameters.append(p);
    }
    if (draft.hasBody && m_mediaTypeCombo->currentIndex() >= 0) {
        draft.contentType = m_mediaTypeCombo->currentText();
        draft.body = m_bodyEdit->toPlainText();
    } else {
        draft.contentType.clear();
        draft.body.clear();
    }
    draft.forcedStatus = m_statusCheck->isChecked() ? m_statusCombo->currentText() : QString();
    draft.forcedExample = m_exampleCheck->isChecked() ? m_exampleCombo->currentText() : QString();
    return draft;
}

void TryItPanel::updateUrlPreview()
{
    if (m_draft.operationId.isEmpty())
        return;
    const RequestDraft draft = currentDraft();
    // Without a running mock the path alone is still worth showing.
    const QUrl url = draft.url(m_baseUrl);
    m_urlEdit->setText(url.toDisplayString(QUrl::PrettyDecoded));
    m_urlEdit->setCursorPosition(0);
}

void TryItPanel::updateSendState()
{
    const bool running = !m_baseUrl.isEmpty();
    m_stoppedHint->setVisible(!running);
    m_sendButton->setEnabled(running && !m_reply && !m_draft.operationId.isEmpty());
    m_sendButton->setToolTip(running
            ? tr("Send the request to the mock (%1)")
                  .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText))
            : tr("Start the mock to send requests"));
}

void TryItPanel::updateMethodBadge()
{
    const QString method = m_draft.method.isEmpty() ? QStringLiteral("GET") : m_draft.method;
    const QColor fill = Theme::methodBadgeColor(method, palette());
    const QColor text = Theme::badgeTextColor(fill);
    m_methodLabel->setText(method);
    m_methodLabel->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; "
                                                "padding: 2px 8px; font-weight: bold; }")
                                     .arg(fill.name(), text.name()));
    const int width = m_methodLabel->fontMetrics().horizontalAdvance(QStringLiteral("DELETE")) + 24;
    m_methodLabel->setMinimumWidth(width);
}

void TryItPanel::setBusy(bool busy)
{
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    updateSendState();
}

void TryItPanel::send()
{
    if (m_reply || m_baseUrl.isEmpty() || m_draft.operationId.isEmpty())
        return;
    const RequestDraft draft = currentDraft();
    QNetworkRequest request(draft.url(m_baseUrl));
    for (const auto& header : draft.headers())
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QByteArray body = draft.bodyBytes();

    m_cancelled = false;
    m_timedOut = false;
    m_clock.start();
    m_reply = m_network->sendCustomRequest(request, draft.method.toLatin1(), body);
    connect(m_reply, &QNetworkReply::finished, this, &TryItPanel::handleReplyFinished);
    m_timeout->start(m_timeoutMs);
    setBusy(true);
    showResponseHeader(tr("Sending…"), 0, {});
    m_responseEdit->clear();
    emit requestSent(draft.operationId);
}

void TryItPanel::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // finishes synchronously; handleReplyFinished reports the cancellation
}

void TryItPanel::handleTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void TryItPanel::handleReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_timeout->stop();
    const qint64 elapsedMs = m_clock.elapsed();
    setBusy(false);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status <= 0 || m_cancelled || m_timedOut) {
        QString error;
        if (m_cancelled)
            error = tr("Cancelled");
        else if (m_timedOut)
            error = tr("No answer within %1 s").arg(m_timeoutMs / 1000.0, 0, 'g', 3);
        else
            error = reply->errorString();
        m_lastStatus = 0;
        showResponseHeader(error, -1, tr("after %1 ms").arg(elapsedMs));
        m_responseEdit->clear();
        emit responseReceived(0, error);
        return;
    }

    const QByteArray body = reply->readAll();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString statusText =
        reason.isEmpty() ? QString::number(status) : QStringLiteral("%1 %2").arg(status).arg(reason);
    m_lastStatus = status;
    const QString size = QLocale().formattedDataSize(body.size(), 1, QLocale::DataSizeTraditionalFormat);
    showResponseHeader(statusText, status, tr("%1 ms · %2").arg(elapsedMs).arg(size));

    QString text = QStringLiteral("HTTP/1.1 %1\n").arg(statusText);
    text += headerBlock(reply->rawHeaderPairs());
    const QString pretty =
        SpecFormat::prettyBody(body, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
    if (!pretty.isEmpty())
        text += QLatin1Char('\n') + pretty;
    m_responseEdit->setPlainText(text);
    emit responseReceived(status, {});
}

void TryItPanel::showResponseHeader(const QString& statusText, int status, const QString& details)
{
    m_statusLabel->setText(statusText);
    QPalette pal = m_statusLabel->palette();
    // -1 marks a failure without any HTTP status: coloured like a server error.
    const QColor colour =
        status == 0 ? palette().color(QPalette::WindowText) : Theme::statusColor(status < 0 ? 500 : status, palette());
    pal.setColor(QPalette::WindowText, colour);
    m_statusLabel->setPalette(pal);
    m_statusLabel->setProperty("status", status);
    m_detailsLabel->setText(details);
    pal = m_detailsLabel->palette();
    pal.setColor(QPalette::WindowText, Theme::dimmedTextColor(palette()));
    m_detailsLabel->setPalette(pal);
}

QString TryItPanel::responseText() const
{
    return m_responseEdit->toPlainText();
}

void TryItPanel::copyAsCurl()
{
    if (m_draft.operationId.isEmpty())
        return;
    // A stopped mock has no URL yet; the default port makes the command a useful template anyway.
    const QUrl base = m_baseUrl.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:4010")) : m_baseUrl;
    QApplication::clipboard()->setText(currentDraft().curlCommand(base));
    m_curlButton->setText(tr("Copied"));
    QTimer::singleShot(1500, m_curlButton, [button = m_curlButton] { button->setText(tr("Copy as curl")); });
}

void TryItPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_methodLabel) {
        updateMethodBadge();
        m_bodyHighlighter->updateFormats(palette());
        m_responseHighlighter->updateFormats(palette());
        const int status = m_statusLabel->property("status").toInt();
        if (!m_statusLabel->text().isEmpty())
            showResponseHeader(m_statusLabel->text(), status, m_detailsLabel->text());
    }
}
