// SPDX-License-Identifier: MIT
// The application window: lays out the pages (welcome, operations, log, server bar) and connects them to a MockSession.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QHostAddress>
#include <QMainWindow>
#include <QPointer>

#include "core/definition/definitionloader.h"
#include "core/proxy/proxysettings.h"

class DefinitionWatcher;
class DiagnosticsView;
class ForcedResponsePanel;
class MessageBanner;
class MockService;
class MockSession;
class OperationDetailsView;
class OperationPage;
class OperationsBrowser;
class QAction;
class QDockWidget;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class RecentFilesMenu;
class RequestLogView;
class ProxyBar;
class QMenu;
class ResponseRecorder;
class ServerBar;
struct RequestLogEntry;
class StateView;
struct SessionLoad;
class TryItPanel;
class WelcomePage;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads `path` off the GUI thread; starts the mock afterwards when `autoStart` and the auto-start setting agree.
    void openDefinition(const QString& path, bool autoStart = true);
    // Files and folders outside the project every definition may read (--allow-file), besides what the user
    // allowed per definition in the window.
    void setAllowedFiles(const QStringList& paths);
    // Stateful mode from the command line (--stateful), over what was remembered for the definition; and the
    // --state-file it keeps (an error message when the file cannot be read).
    void setStateful(bool enabled);
    QString setStateFile(const QString& path);
    // Server > Keep state in a file: asks for the file with `picker` instead of a file dialog (tests).
    void setStateFilePicker(std::function<QString()> picker)
    {
        m_stateFilePicker = std::move(picker);
    }
    QAction* stateFileAction() const
    {
        return m_stateFileAction;
    }
    StateView* stateView() const
    {
        return m_stateView;
    }
    // --proxy on the command line: the proxy bar starts with `proxy` for every definition this window opens, over
    // what was remembered for it.
    void setInitialProxy(const ProxySettings& proxy);
    // --overlay on the command line: applied to every definition this window opens, before the overlays applied in the
    // window (File > Apply overlay, remembered per definition).
    void setCommandLineOverlays(const QStringList& files);
    // The overlays the definition is loaded with, in order (the command line's, then the window's).
    QStringList appliedOverlays() const;
    // Adds `files` after the applied overlays of this definition, remembers them and loads it again.
    void applyOverlays(const QStringList& files);
    // Stops applying `file` (empty: every overlay applied in the window) and loads the definition again.
    void removeOverlay(const QString& file);
    QAction* applyOverlayAction() const
    {
        return m_applyOverlayAction;
    }
    QMenu* overlaysMenu() const
    {
        return m_overlaysMenu;
    }
    // File > Apply overlay asks with `picker` instead of a file dialog (tests).
    void setOverlayPicker(std::function<QStringList()> picker)
    {
        m_overlayPicker = std::move(picker);
    }
    // Record's overlay file, asked the first time, with `picker` (given the suggested file) instead of a dialog.
    void setRecordFilePicker(std::function<QString(const QString&)> picker)
    {
        m_recordFilePicker = std::move(picker);
    }
    // "Save response as example…" asks for the name with `picker` (given the suggested name; empty cancels).
    void setExampleNamePicker(std::function<QString(const QString&)> picker)
    {
        m_exampleNamePicker = std::move(picker);
    }
    // Command line --record FILE: the first definition opened in a proxy mode records into FILE from the start (this
    // run only; the file remembered for the definition is left as it is).
    void setInitialRecordFile(const QString& file);
    // The overlay Record and "Save response as example…" write into, for the definition served (may not exist yet).
    QString recordFile() const;
    bool isRecording() const;
    // Keeps a logged response as a named example of its operation in recordFile(), then applies that overlay.
    void saveResponseAsExample(const RequestLogEntry& entry);

    // Overrides the saved host/port (command line --host/--port).
    void setInitialServer(const QHostAddress& host, quint16 port);
    // The seed of generated data (Server > Generated data seed, persisted; --seed overrides it for this window).
    void setGenerationSeed(quint64 seed);
    // Fresh generated values on every request (Server menu toggle, persisted; --dynamic turns it on).
    void setDynamicGeneration(bool dynamic);
    QAction* dynamicAction() const
    {
        return m_dynamicAction;
    }

    // For tests and the app: the pieces of the window.
    MockSession* session() const
    {
        return m_session;
    }
    MockService* service() const;
    ProxyBar* proxyBar() const
    {
        return m_proxyBar;
    }
    ServerBar* serverBar() const
    {
        return m_serverBar;
    }
    WelcomePage* welcomePage() const
    {
        return m_welcome;
    }
    OperationPage* operationPage() const
    {
        return m_operationPage;
    }
    OperationsBrowser* operationsBrowser() const
    {
        return m_browser;
    }
    RequestLogView* requestLog() const
    {
        return m_log;
    }
    ForcedResponsePanel* forcingPanel() const;
    OperationDetailsView* detailsView() const;
    TryItPanel* tryItPanel() const;
    // "Documentation" and "Try it" for the selected operation.
    QTabWidget* detailsTabs() const;
    DiagnosticsView* diagnosticsView() const
    {
        return m_diagnostics;
    }
    // The status bar's "2 errors · 7 warnings" button that opens the Problems pane.
    QToolButton* problemsBadge() const
    {
        return m_problemsButton;
    }
    QDockWidget* problemsPane() const
    {
        return m_diagnosticsDock;
    }
    MessageBanner* banner() const
    {
        return m_banner;
    }
    QSpinBox* portSpin() const;
    QLineEdit* urlField() const;
    DefinitionPtr definition() const;
    QString definitionPath() const;
    QString serverStatusText() const;
    bool isLoading() const;

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
    DefinitionWatcher* fileWatcher() const;
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
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createCentral();
    void createActions();
    void createServerBar();
    void connectSession();
    void restoreSettings();
    void saveSettings() const;

    void onOpenTriggered();
    void onAboutTriggered();
    void onSettingsTriggered();
    void onWatchToggled(bool enabled);
    void onSeedTriggered();
    void onOperationSelected(const QString& operationId);
    void onForcedChanged();
    void onLoadStarted(const QString& path);
    void onDefinitionLoaded(const SessionLoad& load);
    void onLoadFailed(const SessionLoad& load);

    void applyDefinition(const SessionLoad& load, bool live, bool autoStart);
    void showLoadFailure(const SessionLoad& load);
    // A banner offering to allow the files outside the project that `load` refused; false when there are none.
    bool offerToAllow(const SessionLoad& load);
    void showDiagnostics(const Diagnostics& diagnostics);
    void updateProblemsBadge();
    // After a menu closed: the menu bar does not keep the keyboard focus.
    void leaveMenuBar();
    // The user's choice: shown on request, and once closed it no longer opens by itself.
    void setProblemsVisible(bool visible);
    // Opens the Problems pane for errors, unless the user closed it.
    void openProblemsByItself();
    void showWelcome(const QString& title, const QString& text);
    void updateTitle();

    MockSession* m_session = nullptr;
    // The autoStart of the last openDefinition(); only the newest open's result arrives.
    bool m_autoStartPending = false;
    QStringList m_commandLineAllowedFiles;
    // The file last opened; Reload and a failure's Retry both load it.
    QString m_requestedPath;
    bool m_problemsClosedByUser = false;
    QPointer<QWidget> m_focusBeforeMenu;

    ServerBar* m_serverBar = nullptr;
    ProxyBar* m_proxyBar =
        nullptr; // in the modes toolbar (the menu bar's corner): Mock / Proxy / fallback and the upstream URL
    WelcomePage* m_welcome = nullptr;
    OperationPage* m_operationPage = nullptr;
    OperationsBrowser* m_browser = nullptr;
    RequestLogView* m_log = nullptr;
    DiagnosticsView* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    QDockWidget* m_stateDock = nullptr; // the "Data" view of stateful mode
    StateView* m_stateView = nullptr;
    bool m_statefulFromCommandLine = false;
    std::optional<ProxySettings> m_proxyFromCommandLine;
    QString m_recordFromCommandLine; // --record FILE, until the first definition opened in a proxy mode uses it
    bool m_stateFileFromCommandLine = false;
    QAction* m_stateFileAction = nullptr;
    std::function<QString()> m_stateFilePicker;
    void onStateFileTriggered(bool on);
    QStringList m_commandLineOverlays;
    std::function<QStringList()> m_overlayPicker;
    std::function<QString(const QString&)> m_recordFilePicker;
    std::function<QString(const QString&)> m_exampleNamePicker;
    QAction* m_applyOverlayAction = nullptr;
    QMenu* m_overlaysMenu = nullptr;
    // The recorder of recordFile(): given to the session while Record is on, written into by "Save as example".
    std::shared_ptr<ResponseRecorder> m_recorder;
    int m_recordedBefore = 0; // m_recorder's count when Record was turned on
    bool m_applyWhenWritten = false; // apply recordFile() once m_recorder's write lands
    void onRecordToggled(bool on);
    bool startRecording();
    // Record off; `apply`: the record file is applied to the definition once it is written.
    void stopRecording(bool apply);
    void onChooseRecordFile();
    QString askRecordFile();
    std::shared_ptr<ResponseRecorder> recorderFor(const QString& file, QString* error);
    void onRecorderWritten(bool ok);
    void applyRecordFile();
    void updateRecordIndicator();
    void fillOverlaysMenu();
    QString keepStateIn(const QString& file); // the session's state file, and the menu entry's check mark
    MessageBanner* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QProgressBar* m_busy = nullptr;
    QToolButton* m_problemsButton = nullptr;
    QAction* m_problemsAction = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_clearLogAction = nullptr;
    QAction* m_autoStartAction = nullptr;
    QAction* m_watchAction = nullptr;
    QAction* m_dynamicAction = nullptr;
    QAction* m_settingsAction = nullptr;
    RecentFilesMenu* m_recentMenu = nullptr;
};
