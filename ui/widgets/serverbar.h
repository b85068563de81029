// SPDX-License-Identifier: MIT
// The server toolbar: start/stop, host, port, the mock's URL, and the status indicator and banners that go with them.
#pragma once

#include <functional>

#include <QHostAddress>
#include <QLabel>
#include <QPointer>
#include <QToolBar>
#include <QUrl>

#include "core/scenarios/scenariostore.h"

class MessageBanner;
class MockSession;
class QAction;
class QComboBox;
class QLineEdit;
class QSpinBox;

class ServerBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerBar)

public:
    explicit ServerBar(MockSession* session, QWidget* parent = nullptr);
    ~ServerBar() override;

    // Where "port taken" (with a free port to use instead) and "all interfaces" messages go.
    void setBanner(MessageBanner* banner);

    // Starts the mock on the chosen host and port; on failure says why (status text, banner).
    bool startServer();
    // Stops the mock; the status says why (the reason set with setStoppedReason, else "stopped by you").
    void stopServer();
    // The reason the status shows while stopped, until the next start.
    void setStoppedReason(const QString& reason);
    QString stoppedReason() const
    {
        return m_stoppedReason;
    }
    // Refreshes actions, URL and status; `shownReason` overrides the stopped reason for this once.
    void updateState(const QString& shownReason = {});
    QString statusText() const;

    QHostAddress host() const;
    void selectHost(const QString& host);
    quint16 port() const;
    void setPort(quint16 port);
    // The running mock's URL, or where it will listen once started (for commands shown before starting).
    QUrl targetUrl() const;
    // What "Open in browser" opens: the mock's URL plus a path the definition answers with 2xx
    // (RequestDraft::browsablePath), else the mock's root.
    QUrl browserUrl() const;
    // How URLs are opened (QDesktopServices::openUrl by default; tests replace it). False = no browser.
    void setUrlOpener(std::function<bool(const QUrl&)> opener);

    QAction* startStopAction() const
    {
        return m_startStopAction;
    }
    QAction* copyUrlAction() const
    {
        return m_copyUrlAction;
    }
    QAction* openInBrowserAction() const
    {
        return m_openBrowserAction;
    }
    // Checkable: stateful mode on or off (also while running).
    QAction* statefulAction() const
    {
        return m_statefulAction;
    }
    void setStateful(bool enabled);
    // Checkable, remembered: HTTPS on a second port too (the self-signed certificate for localhost); restarts a
    // running mock. Copy URL then gives the https URL; the certificate's fingerprint is in the tooltips and status.
    QAction* httpsAction() const
    {
        return m_httpsAction;
    }
    // The "● Listening on …" indicator; the window puts it into its status bar.
    QLabel* statusIndicator() const
    {
        return m_statusLabel;
    }
    QComboBox* hostCombo() const
    {
        return m_hostCombo;
    }
    QSpinBox* portSpin() const
    {
        return m_portSpin;
    }
    QLineEdit* urlField() const
    {
        return m_urlField;
    }
    // The global Network profile (off / slow 3G-like / flaky) applied on top of every operation's scenarios.
    QComboBox* networkCombo() const
    {
        return m_networkCombo;
    }
    // Shows `profile` in the Network control and applies it (a restored choice; no networkChanged).
    void setNetwork(NetworkProfile profile);
    // --tls on the command line: the HTTPS switch is on for this run (not remembered), with --cert/--key instead of
    // the self-signed certificate when given, and HTTPS on `tlsPort` (< 0: the next free port after the HTTP one).
    void setHttpsFromCommandLine(const QString& certFile, const QString& keyFile, int tlsPort);
    // How the mock answers (Stateful, HTTPS, Network; the window adds its proxy controls): a toolbar of its own,
    // which the window shows at the right end of its menu bar.
    QToolBar* modeBar() const
    {
        return m_modeBar;
    }

signals:
    // The host or the port was edited (a running mock has moved there already).
    void addressChanged();
    // After every updateState(): running or not, and the URL (empty when stopped).
    void stateChanged(const QUrl& url);
    // A short note for the status bar.
    void message(const QString& text, int timeoutMs);
    // The user turned stateful mode on or off.
    void statefulToggled(bool enabled);
    // The user chose another Network profile (it is applied already).
    void networkChanged(NetworkProfile profile);

protected:
    void changeEvent(QEvent* event) override;

private:
    std::function<bool(const QUrl&)> m_urlOpener;
    void onStartStopTriggered();
    void onCopyUrlTriggered();
    void onOpenInBrowserTriggered();
    void onHostChanged();
    void onPortEdited();
    void offerFreePort(quint16 takenPort);
    void prepareTls(const QHostAddress& host, quint16 port); // before each start: the HTTPS switch's identity

    MockSession* m_session = nullptr;
    QPointer<MessageBanner> m_banner;
    QString m_stoppedReason;
    QAction* m_startStopAction = nullptr;
    QAction* m_copyUrlAction = nullptr;
    QAction* m_openBrowserAction = nullptr;
    QAction* m_statefulAction = nullptr;
    QAction* m_httpsAction = nullptr;
    QString m_httpsError; // why HTTPS could not be set up at the last start
    QString m_certFile; // --cert / --key (empty: the self-signed localhost certificate)
    QString m_keyFile;
    int m_tlsPort = -1; // --tls-port (< 0: next to the HTTP port)
    QComboBox* m_hostCombo = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QLineEdit* m_urlField = nullptr;
    QComboBox* m_networkCombo = nullptr;
    QPointer<QToolBar> m_modeBar;
    QPointer<QLabel> m_statusLabel;
};
