// SPDX-License-Identifier: MIT
// The Try-it console: edits a request prefilled from an operation, sends it to the running mock, shows the answer.
#pragma once

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include "core/definition/definition.h"
#include "ui/models/requestdraft.h"

class JsonHighlighter;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;

class TryItPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TryItPanel)

public:
    explicit TryItPanel(QWidget* parent = nullptr);
    ~TryItPanel() override;

    // The definition operations are looked up in; re-prefills the current operation (edits are lost).
    void setDefinition(DefinitionPtr definition);
    // Prefills the form for this operation; an unknown or empty id shows an empty state. Aborts a request in flight.
    void setOperation(const QString& operationId);
    // The running mock, e.g. http://127.0.0.1:4010; an empty URL means stopped and disables Send.
    void setBaseUrl(const QUrl& mockUrl);
    // Shows `draft` (e.g. a logged request replayed) instead of the operation's prefill.
    void setDraft(const RequestDraft& draft);
    // How long a request may take before it is aborted (default 30 s).
    void setTimeout(int milliseconds);

    QString operationId() const
    {
        return m_draft.operationId;
    }
    // The request as the form currently describes it.
    RequestDraft currentDraft() const;
    bool isBusy() const
    {
        return m_reply != nullptr;
    }
    // The last response: status (0 before any, or after a network error) and the shown text.
    int lastStatus() const
    {
        return m_lastStatus;
    }
    QString responseText() const;

public slots:
    void send();
    void cancel();
    void copyAsCurl();

signals:
    void requestSent(const QString& operationId);
    // A response arrived (status > 0) or the request failed (status 0, `error` says why).
    void responseReceived(int status, const QString& error);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildUi();
    void prefill();
    void fillParameterTable();
    void fillBodyExamples();
    void updateUrlPreview();
    void updateSendState();
    void updateMethodBadge();
    void setBusy(bool busy);
    void showResponseHeader(const QString& statusText, int status, const QString& details);

    void onMediaTypeActivated(int index);
    void onBodyExampleActivated(int index);
    void onAddParameterClicked();
    void onRemoveParameterClicked();
    void handleReplyFinished();
    void handleTimeout();

    DefinitionPtr m_definition;
    RequestDraft m_draft; // the prefill; the form holds the edits
    QUrl m_baseUrl;
    int m_timeoutMs = 30000;
    int m_lastStatus = 0;
    bool m_cancelled = false;
    bool m_timedOut = false;

    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer* m_timeout = nullptr;
    QElapsedTimer m_clock;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_methodLabel = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QPushButton* m_sendButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QToolButton* m_curlButton = nullptr;
    QLabel* m_stoppedHint = nullptr;
    QCheckBox* m_statusCheck = nullptr;
    QComboBox* m_statusCombo = nullptr;
    QCheckBox* m_exampleCheck = nullptr;
    QComboBox* m_exampleCombo = nullptr;
    QTabWidget* m_requestTabs = nullptr;
    QSplitter* m_requestResponse = nullptr; // request above the response, or beside it when the panel is wide
    QTableWidget* m_parameterTable = nullptr;
    QToolButton* m_addParameterButton = nullptr;
    QToolButton* m_removeParameterButton = nullptr;
    QComboBox* m_mediaTypeCombo = nullptr;
    QComboBox* m_bodyExampleCombo = nullptr;
    QPlainTextEdit* m_bodyEdit = nullptr;
    QLabel* m_noBodyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_detailsLabel = nullptr;
    QPlainTextEdit* m_responseEdit = nullptr;
    JsonHighlighter* m_bodyHighlighter = nullptr;
    JsonHighlighter* m_responseHighlighter = nullptr;
};
