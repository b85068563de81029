// SPDX-License-Identifier: MIT
// The live request log: filter bar, table, and the selected exchange (request, response, validation, trace).
#pragma once

#include <QUrl>
#include <QWidget>

#include "core/engine/requestlogentry.h"

class JsonHighlighter;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;
class RequestLogFilterModel;
class RequestLogModel;

class RequestLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogView)

public:
    explicit RequestLogView(QWidget* parent = nullptr);
    ~RequestLogView() override;

    RequestLogModel* model() const
    {
        return m_model;
    }
    RequestLogFilterModel* filterModel() const
    {
        return m_filter;
    }
    QTableView* view() const
    {
        return m_view;
    }
    QSplitter* splitter() const
    {
        return m_splitter;
    }
    QTabWidget* detailsTabs() const
    {
        return m_tabs;
    }

    // The mock's URL, used by "Copy as curl" and the HAR export.
    void setBaseUrl(const QUrl& url);
    // The request the empty log suggests (a URL the definition answers with 2xx); empty = the mock's root.
    void setSuggestedUrl(const QUrl& url);
    // Load errors by operationId: the trace of a request answered by such an operation says so.
    void setOperationProblems(const QHash<QString, QStringList>& problems);
    // "12 requests", or "3 of 12 requests" while filtered.
    QString counterText() const;
    // Empties the text filter and resets method, status and flagged (what Escape in the filter does).
    void clearFilter();
    // The row actions (context menu; double-click goes to the operation): "goToOperation", "openInTryIt",
    // "copyAsCurl", "copyBody", "saveAsExample".
    QAction* rowAction(const QString& name) const;
    void setAutoScroll(bool on);
    bool autoScroll() const;
    // The selected entry (a copy), or an entry with id 0.
    RequestLogEntry selectedEntry() const;
    void selectRow(int proxyRow);
    QString detailsText(int tab) const;

public slots:
    void clear();
    void copySelectedAsCurl();
    void copySelectedResponseBody();
    // Asks for a file name and writes the whole log as HAR 1.2.
    void exportHar();
    void focusFilter();

signals:
    void message(const QString& text);
    // The user asked to see the operation that answered a logged request.
    void operationRequested(const QString& operationId);
    // The user asked to replay a logged request in Try-it.
    void tryItRequested(const RequestLogEntry& entry);
    // The user asked to keep a logged response as a named example of its operation.
    void saveAsExampleRequested(const RequestLogEntry& entry);

private:
    void showEntry(const RequestLogEntry& entry);
    void showCallback(const RequestLogEntry& entry); // an outgoing callback call: what was sent, what came back
    void updateCounter();
    void updatePlaceholder();
    // Sizes the duration, operation and notes columns to what the newest rows show (`measure`: look at them again);
    // the path stretches over the rest.
    void fitColumns(bool measure = true);
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

    RequestLogModel* m_model = nullptr;
    RequestLogFilterModel* m_filter = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_statusClass = nullptr;
    QCheckBox* m_flagged = nullptr;
    QCheckBox* m_autoScroll = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_counter = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_request = nullptr;
    QPlainTextEdit* m_response = nullptr;
    QPlainTextEdit* m_validation = nullptr;
    QPlainTextEdit* m_trace = nullptr;
    QToolButton* m_curlButton = nullptr;
    QToolButton* m_bodyButton = nullptr;
    QList<JsonHighlighter*> m_highlighters;
    QUrl m_baseUrl;
    QUrl m_suggestedUrl;
    QHash<QString, QStringList> m_operationProblems;
    // The widest text seen in the path, duration, operation and notes columns since the log was cleared.
    int m_pathWidth = 0;
    int m_durationWidth = 0;
    int m_operationColumnWidth = 0;
    int m_flagsWidth = 0;
    quint64 m_shownId = 0;
};
