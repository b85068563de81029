// SPDX-License-Identifier: MIT
#include "ui/widgets/requestlogview.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/models/curlcommand.h"
#include "ui/models/harexporter.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/models/specformat.h"
#include "ui/theme.h"
#include "ui/widgets/jsonhighlighter.h"
#include "ui/widgets/operationdelegate.h"

namespace {

QPlainTextEdit* makeTextPane(QWidget* parent, QList<JsonHighlighter*>* highlighters)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(Theme::monospaceFont());
    // Long reasons, header values and JSON strings wrap at the pane's edge instead of hiding past it.
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    edit->setFrameShape(QFrame::NoFrame);
    if (highlighters)
        highlighters->append(new JsonHighlighter(edit->document()));
    return edit;
}

QString headerBlock(const HeaderList& headers)
{
    QString out;
    for (const auto& h : headers)
        out += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second) + QLatin1Char('\n');
    return out;
}

QToolButton* makeButton(QWidget* parent, const QString& text, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

RequestLogView::RequestLogView(QWidget* parent)
    : QWidget(parent)
    , m_model(new RequestLogModel(this))
    , m_filter(new RequestLogFilterModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_statusClass(new QComboBox(this))
    , m_flagged(new QCheckBox(tr("Flagged"), this))
    , m_autoScroll(new QCheckBox(tr("Follow"), this))
    , m_view(new QTableView(this))
    , m_placeholder(new QLabel(m_view->viewport()))
    , m_counter(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new QTabWidget(this))
{
    m_filter->setSourceModel(m_model);
    m_filterEdit->setPlaceholderText(tr("Filter requests"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    m_method->addItem(tr("All methods"), QString());
    for (const char* m : { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" })
        m_method->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    m_statusClass->addItem(tr("All statuses"), 0);
    for (int c = 2; c <= 5; ++c)
        m_statusClass->addItem(QStringLiteral("%1xx").arg(c), c);
    m_flagged->setToolTip(tr("Only forced responses and invalid requests"));
    m_autoScroll->setToolTip(tr("Scroll to new requests as they arrive"));
    m_autoScroll->setChecked(true);

    auto* clearButton = makeButton(this, tr("Clear"), tr("Clear the log (Ctrl+L)"));
    m_curlButton = makeButton(this, tr("Copy as curl"), tr("Copy the selected request as a curl command"));
    m_bodyButton = makeButton(this, tr("Copy body"), tr("Copy the selected response body"));
    auto* harButton = makeButton(this, tr("Export HAR…"), tr("Save the whole log as an HTTP Archive (HAR 1.2)"));
    m_curlButton->setEnabled(false);
    m_bodyButton->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_filterEdit, 2);
    bar->addWidget(m_method);
    bar->addWidget(m_statusClass);
    bar->addWidget(m_flagged);
    bar->addWidget(m_autoScroll);
    bar->addStretch(1);
    bar->addWidget(m_counter);
    bar->addWidget(m_curlButton);
    bar->addWidget(m_bodyButton);
    bar->addWidget(harButton);
    bar->addWidget(clearButton);

    m_view->setObjectName(QStringLiteral("requestLogTable"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths keep inserts O(visible rows) under a flood of requests.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setItemDelegateForColumn(
        RequestLogModel::MethodColumn, new OperationDelegate(OperationDelegate::Mode::BadgeOnly, m_view));
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(
        RequestLogModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    // Narrow fixed columns so the path (which stretches) keeps most of the room at 1024 px.
    // The method badge's own width (OperationDelegate: 7 chars of a bold 80 % font) plus padding.
    QFont badgeFont = m_view->font();
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    header->resizeSection(RequestLogModel::MethodColumn,
        QFontMetrics(badgeFont).horizontalAdvance(QLatin1Char('M')) * 7 * 3 / 4 + 8 + 16);
    header->setSectionResizeMode(RequestLogModel::PathColumn, QHeaderView::Stretch);
    header->resizeSection(
        RequestLogModel::StatusColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Status")) + 16);
    header->setMinimumSectionSize(em * 2);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_view->viewport()->installEventFilter(this);

    m_request = makeTextPane(this, &m_highlighters);
    m_response = makeTextPane(this, &m_highlighters);
    m_validation = makeTextPane(this, nullptr);
    m_trace = makeTextPane(this, nullptr);
    m_validation->setObjectName(QStringLiteral("validationPane"));
    m_trace->setObjectName(QStringLiteral("tracePane"));
    m_request->setObjectName(QStringLiteral("requestPane"));
    m_response->setObjectName(QStringLiteral("responsePane"));
    m_tabs->addTab(m_response, tr("Response"));
    m_tabs->addTab(m_request, tr("Request"));
    m_tabs->addTab(m_validation, tr("Validation"));
    // Short tab titles: all four fit the details pane at 1024 px.
    m_tabs->addTab(m_trace, tr("Trace"));
    m_tabs->setTabToolTip(3, tr("Decision trace: how the mock chose this answer"));
    m_tabs->setDocumentMode(true);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({ 640, 360 });
    m_splitter->setHandleWidth(8);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &RequestLogFilterModel::setText);
    connect(m_method, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setMethod(m_method->currentData().toString()); });
    connect(m_statusClass, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setStatusClass(m_statusClass->currentData().toInt()); });
    connect(m_flagged, &QCheckBox::toggled, m_filter, &RequestLogFilterModel::setOnlyFlagged);
    connect(clearButton, &QToolButton::clicked, this, &RequestLogView::clear);
    connect(m_curlButton, &QToolButton::clicked, this, &RequestLogView::copySelectedAsCurl);
    connect(m_bodyButton, &QToolButton::clicked, this, &RequestLogView::copySelectedResponseBody);
    connect(harButton, &QToolButton::clicked, this, &RequestLogView::exportHar);
    connect(m_model, &RequestLogModel::rowsAppended, this, [this] {
        if (m_autoScroll->isChecked())
            m_view->scrollToBottom();
        updateCounter();
        fitColumns();
    });
    for (QAbstractItemModel* model : { static_cast<QAbstractItemModel*>(m_filter) }) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &RequestLogView::updateCounter);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RequestLogView::updateCounter);
        connect(model, &QAbstractItemModel::layoutChanged, this, &RequestLogView::updateCounter);
        connect(model, &QAbstractItemModel::modelReset, this, &RequestLogView::updateCounter);
    }

    // Row actions: the context menu, double-click (go to the operation) and the buttons share them.
    const auto addRowAction = [this](const QString& name, const QString& text, auto slot) {
        auto* action = new QAction(text, m_view);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
        return action;
    };
    addRowAction(QStringLiteral("goToOperation"), tr("&Go to operation"), [this] {
        const RequestLogEntry e = selectedEntry();
        if (!e.operationId.isEmpty())
            emit operationRequested(e.operationId);
    });
    addRowAction(QStringLiteral("openInTryIt"), tr("Open in &Try it"), [this] {
        const RequestLogEntry e = selectedEntry();
        if (!e.operationId.isEmpty() && !e.isCallback())
            emit tryItRequested(e);
    });
    addRowAction(QStringLiteral("copyAsCurl"), tr("Copy as &curl"), &RequestLogView::copySelectedAsCurl);
    addRowAction(QStringLiteral("copyBody"), tr("Copy response &body"), &RequestLogView::copySelectedResponseBody);
    addRowAction(QStringLiteral("saveAsExample"), tr("Save response as &example…"), [this] {
        const RequestLogEntry e = selectedEntry();
        if (e.id == 0)
            return;
        if (e.isCallback()) // its answer came from the receiver, not from an operation of this definition
            emit message(tr("A callback's answer is not an answer of the definition's operations"));
        else if (e.operationId.isEmpty() || e.responseBody.isEmpty())
            emit message(e.operationId.isEmpty() ? tr("This request matched no operation of the definition")
                                                 : tr("This response has no body to keep as an example"));
        else
            emit saveAsExampleRequested(e);
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this,
        [this] { rowAction(QStringLiteral("goToOperation"))->trigger(); });
    m_filterEdit->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogView::updateCounter);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RequestLogView::updatePlaceholder);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RequestLogView::updatePlaceholder);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestLogView::updatePlaceholder);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RequestLogView::updatePlaceholder);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            const RequestLogEntry* e = m_model->entry(m_filter->mapToSource(current).row());
            showEntry(e ? *e : RequestLogEntry());
        });
    updateCounter();
    updatePlaceholder();
    showEntry(RequestLogEntry());
}

RequestLogView::~RequestLogView() = default;

void RequestLogView::setBaseUrl(const QUrl& url)
{
    m_baseUrl = url;
    updatePlaceholder();
}

void RequestLogView::setOperationProblems(const QHash<QString, QStringList>& problems)
{
    m_operationProblems = problems;
    const RequestLogEntry shown = selectedEntry();
    if (shown.id != 0)
        showEntry(shown);
}

void RequestLogView::setSuggestedUrl(const QUrl& url)
{
    m_suggestedUrl = url;
    updatePlaceholder();
}

QAction* RequestLogView::rowAction(const QString& name) const
{
    return m_view->findChild<QAction*>(name);
}

void RequestLogView::clearFilter()
{
    m_filterEdit->clear();
    m_method->setCurrentIndex(0);
    m_statusClass->setCurrentIndex(0);
    m_flagged->setChecked(false);
}

QString RequestLogView::counterText() const
{
    return m_counter->text();
}

void RequestLogView::fitColumns(bool measure)
{
    // Looks only at the newest rows, so a flood stays cheap; widths only grow until the log is cleared.
    const QFontMetrics fm = m_view->fontMetrics();
    const int pad = 16;
    if (measure) {
        const int total = m_model->rowCount();
        for (int row = std::max(0, total - 64); row < total; ++row) {
            const QModelIndex first = m_model->index(row, 0);
            const auto text = [&](int column) { return first.siblingAtColumn(column).data().toString(); };
            m_durationWidth =
                std::max(m_durationWidth, fm.horizontalAdvance(text(RequestLogModel::DurationColumn)) + pad);
            m_operationColumnWidth =
                std::max(m_operationColumnWidth, fm.horizontalAdvance(text(RequestLogModel::OperationColumn)) + pad);
            m_flagsWidth = std::max(m_flagsWidth, fm.horizontalAdvance(text(RequestLogModel::FlagsColumn)) + pad);
            m_pathWidth = std::max(m_pathWidth, fm.horizontalAdvance(text(RequestLogModel::PathColumn)) + pad);
        }
    }
    QHeaderView* header = m_view->horizontalHeader();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    const auto headerWidth = [&](int column) {
        return fm.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + pad;
    };
    const int duration = std::max({ m_durationWidth, headerWidth(RequestLogModel::DurationColumn),
        fm.horizontalAdvance(QStringLiteral("000.0 ms")) + pad });
    const int flags = std::max({ m_flagsWidth, headerWidth(RequestLogModel::FlagsColumn), em * 4 + pad });
    const int operation = std::max({ m_operationColumnWidth, headerWidth(RequestLogModel::OperationColumn), em * 8 });
    // The duration always shows whole. When path, operation and notes do not all fit, the notes keep up to a third
    // of what is left and path and operation share the rest by how wide they want to be (eliding in the middle).
    const int fixed = header->sectionSize(RequestLogModel::TimeColumn)
        + header->sectionSize(RequestLogModel::MethodColumn) + header->sectionSize(RequestLogModel::StatusColumn)
        + duration;
    const int spare = std::max(em * 20, m_view->viewport()->width() - fixed);
    const int path = std::max(m_pathWidth, em * 10);
    int shownFlags = flags;
    int shownOperation = operation;
    if (path + flags + operation > spare) {
        shownFlags = std::min(flags, spare / 3);
        const int rest = spare - shownFlags;
        shownOperation = std::clamp(int(qint64(rest) * operation / (operation + path)), em * 6, operation);
    }
    header->resizeSection(RequestLogModel::DurationColumn, duration);
    header->resizeSection(RequestLogModel::OperationColumn, shownOperation);
    header->resizeSection(RequestLogModel::FlagsColumn, shownFlags);
}

void RequestLogView::setAutoScroll(bool on)
{
    m_autoScroll->setChecked(on);
}

bool RequestLogView::autoScroll() const
{
    return m_autoScroll->isChecked();
}

RequestLogEntry RequestLogView::selectedEntry() const
{
    const int row = m_model->rowOfId(m_shownId);
    const RequestLogEntry* e = m_model->entry(row);
    return e ? *e : RequestLogEntry();
}

void RequestLogView::selectRow(int proxyRow)
{
    m_view->setCurrentIndex(m_filter->index(proxyRow, 0));
    m_view->scrollTo(m_filter->index(proxyRow, 0));
}

QString RequestLogView::detailsText(int tab) const
{
    const auto* edit = qobject_cast<QPlainTextEdit*>(m_tabs->widget(tab));
    return edit ? edit->toPlainText() : QString();
}

void RequestLogView::clear()
{
    m_model->clear();
    m_durationWidth = 0;
    m_operationColumnWidth = 0;
    m_flagsWidth = 0;
    m_pathWidth = 0;
    fitColumns(false);
    showEntry(RequestLogEntry());
}

void RequestLogView::copySelectedAsCurl()
{
    const RequestLogEntry e = selectedEntry();
    if (e.id == 0)
        return;
    QApplication::clipboard()->setText(CurlCommand::forLogEntry(e, m_baseUrl));
    emit message(tr("Copied the request as a curl command"));
}

void RequestLogView::copySelectedResponseBody()
{
    const RequestLogEntry e = selectedEntry();
    if (e.id == 0)
        return;
    QApplication::clipboard()->setText(QString::fromUtf8(e.responseBody));
    emit message(tr("Copied the response body (%1 bytes)").arg(e.responseBody.size()));
}

void RequestLogView::exportHar()
{
    if (m_model->rowCount() == 0) {
        emit message(tr("The log is empty: nothing to export"));
        return;
    }
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
        + QStringLiteral("understudy-%1.har")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export request log as HAR"), suggested, tr("HTTP Archive (*.har);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!HarExporter::writeFile(path, m_model->entries(), m_baseUrl, &error)) {
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
        return;
    }
    emit message((m_model->rowCount() == 1 ? tr("Exported 1 request to %1").arg(path)
                                           : tr("Exported %1 requests to %2").arg(m_model->rowCount()).arg(path)));
}

void RequestLogView::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void RequestLogView::showEntry(const RequestLogEntry& e)
{
    m_shownId = e.id;
    m_curlButton->setEnabled(e.id != 0);
    m_bodyButton->setEnabled(e.id != 0 && !e.responseBody.isEmpty());
    rowAction(QStringLiteral("goToOperation"))->setEnabled(!e.operationId.isEmpty());
    rowAction(QStringLiteral("openInTryIt"))->setEnabled(!e.operationId.isEmpty() && !e.isCallback());
    rowAction(QStringLiteral("copyAsCurl"))->setEnabled(e.id != 0);
    rowAction(QStringLiteral("copyBody"))->setEnabled(e.id != 0 && !e.responseBody.isEmpty());
    if (e.id == 0) {
        const QString hint = tr("Select a request to see it here.");
        for (QPlainTextEdit* edit : { m_request, m_response, m_validation, m_trace })
            edit->setPlainText(hint);
        return;
    }
    if (e.isCallback()) {
        showCallback(e);
        return;
    }
    QString target = e.path;
    if (!e.query.isEmpty())
        target += QLatin1Char('?') + QString::fromUtf8(e.query);
    const QString version = QString::fromLatin1(e.httpVersion.isEmpty() ? QByteArray("1.1") : e.httpVersion);
    m_request->setPlainText(QStringLiteral("%1 %2 HTTP/%3\n%4\n%5")
                                .arg(QString::fromLatin1(e.method), target, version, headerBlock(e.requestHeaders),
                                    SpecFormat::prettyBody(e.requestBody, e.requestHeader("Content-Type"))));
    QString responseText =
        QStringLiteral("HTTP/%1 %2\n%3\n").arg(version).arg(e.status).arg(headerBlock(e.responseHeaders));
    responseText += SpecFormat::prettyBody(e.responseBody, e.responseHeader("Content-Type"));
    m_response->setPlainText(responseText);

    QString validation;
    if (e.validationErrors.isEmpty()) {
        validation = e.operationId.isEmpty() ? tr("No operation matched, so nothing was validated.")
                                             : tr("The request is valid for %1.").arg(e.operationId);
    } else {
        validation =
            (e.validationErrors.size() == 1 ? tr("1 violation:") : tr("%1 violations:").arg(e.validationErrors.size()))
            + QLatin1Char('\n');
        for (const auto& err : e.validationErrors)
            validation += QStringLiteral("\n• %1  [%2]\n  %3\n").arg(err.location, err.code, err.message);
    }
    // Proxy mode: who answered, and the upstream's answer against the definition (drift).
    if (e.answeredBy == QLatin1String("upstream"))
        validation += QLatin1String("\n\n") + tr("Answered by the upstream.");
    else if (e.answeredBy == QLatin1String("mock"))
        validation += QLatin1String("\n\n") + tr("Answered by the mock (see the trace for why).");
    else if (e.answeredBy == QLatin1String("proxy"))
        validation += QLatin1String("\n\n") + tr("The upstream did not answer (see the trace).");
    if (!e.drift.isEmpty()) {
        validation += QLatin1String("\n\n")
            + (e.drift.size() == 1
                    ? tr("Drift: the upstream's answer breaks the definition in 1 place:")
                    : tr("Drift: the upstream's answer breaks the definition in %1 places:").arg(e.drift.size()))
            + QLatin1Char('\n');
        for (const auto& err : e.drift)
            validation += QStringLiteral("\n• %1  [%2]\n  %3\n").arg(err.location, err.code, err.message);
    }
    m_validation->setPlainText(validation);
    const qsizetype findings = e.validationErrors.size() + e.drift.size();
    m_tabs->setTabText(2, findings == 0 ? tr("Validation") : tr("Validation (%1)").arg(findings));

    QString trace;
    const QStringList problems = m_operationProblems.value(e.operationId);
    if (!problems.isEmpty()) {
        trace += tr("⚠ %1 has load errors in the definition, so this answer may not follow it:").arg(e.operationId)
            + QLatin1Char('\n');
        for (const QString& p : problems)
            trace += QStringLiteral("  • %1\n").arg(p);
        trace += QLatin1Char('\n');
    }
    for (int i = 0; i < e.trace.size(); ++i)
        trace += QStringLiteral("%1. %2\n").arg(i + 1).arg(e.trace.at(i));
    if (!e.exampleName.isEmpty())
        trace += QLatin1Char('\n') + tr("Example served: %1").arg(e.exampleName) + QLatin1Char('\n');
    trace += QLatin1Char('\n')
        + tr("Handled in %1 µs from %2 at %3")
              .arg(e.durationUs)
              .arg(e.remoteAddress.isEmpty() ? tr("unknown") : e.remoteAddress, e.time.toString(Qt::ISODateWithMs));
    m_trace->setPlainText(trace);
}

void RequestLogView::showCallback(const RequestLogEntry& e)
{
    m_request->setPlainText(QStringLiteral("%1 %2\n%3\n%4")
                                .arg(QString::fromLatin1(e.method), e.target, headerBlock(e.requestHeaders),
                                    SpecFormat::prettyBody(e.requestBody, e.requestHeader("Content-Type"))));
    QString responseText;
    if (e.callbackRefused)
        responseText = tr("Not sent: %1.").arg(e.callbackError);
    else if (e.status == 0)
        responseText = tr("No answer: %1.").arg(e.callbackError);
    else
        responseText = QStringLiteral("HTTP %1\n%2\n").arg(e.status).arg(headerBlock(e.responseHeaders))
            + SpecFormat::prettyBody(e.responseBody, e.responseHeader("Content-Type"));
    m_response->setPlainText(responseText);
    m_validation->setPlainText(
        tr("An outgoing call of callback %1, fired after %2 was answered; the mock does not validate it.")
            .arg(e.callbackName, e.operationId));
    m_tabs->setTabText(2, tr("Validation"));
    QString trace;
    for (int i = 0; i < e.trace.size(); ++i)
        trace += QStringLiteral("%1. %2\n").arg(i + 1).arg(e.trace.at(i));
    trace += QLatin1Char('\n')
        + tr("Sent to %1 at %2; took %3 µs").arg(e.target, e.time.toString(Qt::ISODateWithMs)).arg(e.durationUs);
    m_trace->setPlainText(trace);
}

void RequestLogView::updateCounter()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text = shown != total ? tr("%1 of %2 requests").arg(shown).arg(total)
                                  : (total == 1 ? tr("1 request") : tr("%1 requests").arg(total));
    if (m_model->droppedCount() > 0)
        text += QStringLiteral(" · ") + tr("%1 oldest dropped").arg(m_model->droppedCount());
    m_counter->setText(text);
    m_counter->setToolTip(tr("The log keeps the newest %1 requests").arg(m_model->maximumRows()));
    updatePlaceholder();
}

void RequestLogView::updatePlaceholder()
{
    QString text;
    if (m_model->rowCount() == 0) {
        text = m_baseUrl.isEmpty()
            ? tr("No requests yet. Start the mock (F5) and send one.")
            : tr("No requests yet. Try:\ncurl %1\nor Server ▸ Open in browser.")
                  .arg(CurlCommand::shellQuote(
                      m_suggestedUrl.isEmpty() ? m_baseUrl.toString() + QLatin1Char('/') : m_suggestedUrl.toString()));
    } else if (m_filter->rowCount() == 0) {
        text = tr("No request matches the filter.");
    }
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_placeholder->setGeometry(m_view->viewport()->rect());
}

bool RequestLogView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filterEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        clearFilter();
        return true;
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        m_placeholder->setGeometry(m_view->viewport()->rect());
        fitColumns(false);
    }
    return QWidget::eventFilter(watched, event);
}

void RequestLogView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (JsonHighlighter* h : std::as_const(m_highlighters))
            h->updateFormats(palette());
}
