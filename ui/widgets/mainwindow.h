// SPDX-License-Identifier: MIT
// The application window: opens definitions, runs the mock, and wires the browser, log and forcing panel.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMainWindow>
#include <QPointer>

#include "core/config/mockconfig.h"
#include "core/definition/definitionloader.h"

class DefinitionWatcher;
class DiagnosticsView;
class ForcedResponsePanel;
class MessageBanner;
class MockService;
class OperationDetailsView;
class OperationsBrowser;
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class RequestLogView;
struct ReloadResult;
class TryItPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads `path` off the GUI thread; starts the mock afterwards when `autoStart` and the auto-start setting agree.
    void openDefinition(const QString& path, bool autoStart = true);
    // Overrides the saved host/port (command line --host/--port).
    void setInitialServer(const QHostAddress& host, quint16 port);

    // For tests and the app: the pieces of the window.
    MockService* service() const
    {
        return m_service;
    }
    OperationsBrowser* operationsBrowser() const
    {
        return m_browser;
    }
    RequestLogView* requestLog() const
    {
        return m_log;
    }
    ForcedResponsePanel* forcingPanel() const
    {
        return m_forcing;
    }
    OperationDetailsView* detailsView() const
    {
        return m_details;
    }
    TryItPanel* tryItPanel() const
    {
        return m_tryIt;
    }
    // "Documentation" and "Try it" for the selected operation.
    QTabWidget* detailsTabs() const
    {
        return m_detailsTabs;
    }
    DiagnosticsView* diagnosticsView() const
    {
        return m_diagnostics;
    }
    MessageBanner* banner() const
    {
        return m_banner;
    }
    QSpinBox* portSpin() const
    {
        return m_portSpin;
    }
    QLineEdit* urlField() const
    {
        return m_urlField;
    }
    DefinitionPtr definition() const
    {
        return m_definition;
    }
    QString definitionPath() const
    {
        return m_path;
    }
    QString serverStatusText() const;
    bool isLoading() const
    {
        return m_loading;
    }

    bool startServer();
    void stopServer();

    // Live reload: the definition, every file it references and its redocly.yaml are watched while enabled
    // (the "Watch files" toggle, persisted). A good edit is swapped into the running mock; a broken one is shown.
    void setWatchEnabled(bool enabled);
    bool isWatchEnabled() const;
    QAction* watchAction() const
    {
        return m_watchAction;
    }
    DefinitionWatcher* fileWatcher() const
    {
        return m_fileWatcher;
    }
    QAction* settingsAction() const
    {
        return m_settingsAction;
    }

signals:
    // Emitted after every load attempt (success or failure).
    void loadFinished(bool ok);
    // Emitted after each live reload: `ok` false when the edit was broken and the previous definition stays.
    void liveReloadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct LoadOutcome;

    void createActions();
    void createServerBar();
    void createCentral();
    void restoreSettings();
    void saveSettings() const;

    void onOpenTriggered();
    void onReloadTriggered();
    void onStartStopTriggered();
    void onCopyUrlTriggered();
    void onOpenInBrowserTriggered();
    void onAboutTriggered();
    void onHostChanged();
    void onOperationSelected(const QString& operationId);
    void onForcedChanged();
    void onSettingsTriggered();
    void onWatchToggled(bool enabled);
    void onLiveReloaded(const ReloadResult& result);
    void onLiveReloadFailed(const ReloadResult& result);
    void handleLoadFinished(const LoadOutcome& outcome);

    void applyDefinition(const LoadOutcome& outcome, bool live);
    void showLoadFailure(const LoadOutcome& outcome);
    void showDiagnostics(const Diagnostics& diagnostics);
    void watchCurrentFiles();
    QHash<QString, QDateTime> fileStamps() const;
    void selectHost(const QString& host);
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void updateServerState(const QString& stoppedReason = {});
    void updateTitle();
    void offerFreePort(quint16 takenPort);
    QHostAddress currentHost() const;
    void showWelcome(const QString& title, const QString& text);

    MockService* m_service = nullptr;
    DefinitionPtr m_definition;
    MockConfig m_config;
    QString m_path;
    int m_generation = 0;
    bool m_loading = false;
    bool m_autoStartPending = false;
    QString m_stoppedReason;

    OperationsBrowser* m_browser = nullptr;
    OperationDetailsView* m_details = nullptr;
    TryItPanel* m_tryIt = nullptr;
    QTabWidget* m_detailsTabs = nullptr;
    ForcedResponsePanel* m_forcing = nullptr;
    RequestLogView* m_log = nullptr;
    DiagnosticsView* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    MessageBanner* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_welcomeTitle = nullptr;
    QLabel* m_welcomeText = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QLineEdit* m_curlField = nullptr;

    QComboBox* m_hostCombo = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QLineEdit* m_urlField = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    DefinitionWatcher* m_fileWatcher = nullptr;
    // Modification times of the watched files when watching was last armed or a reload landed, so that
    // turning "Watch files" back on reloads only when something changed meanwhile.
    QHash<QString, QDateTime> m_stamps;

    QAction* m_openAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_startStopAction = nullptr;
    QAction* m_copyUrlAction = nullptr;
    QAction* m_openBrowserAction = nullptr;
    QAction* m_clearLogAction = nullptr;
    QAction* m_autoStartAction = nullptr;
    QAction* m_watchAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};
