// SPDX-License-Identifier: MIT
#include "ui/widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/generation/generationcontrol.h"
#include "core/proxy/responserecorder.h"
#include "core/state/statefile.h"
#include "core/state/statestore.h"
#include "ui/models/allowedfiles.h"
#include "ui/models/forcedsettings.h"
#include "ui/models/networksettings.h"
#include "ui/models/operationsmodel.h"
#include "ui/models/overlaysettings.h"
#include "ui/models/proxypreferences.h"
#include "ui/models/requestdraft.h"
#include "ui/models/requestlogmodel.h"
#include "ui/models/scenarioforcing.h"
#include "ui/models/statefulsettings.h"
#include "ui/settingskeys.h"
#include "ui/widgets/behaviourpanel.h"
#include "ui/widgets/diagnosticsview.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/operationdetailsview.h"
#include "ui/widgets/operationpage.h"
#include "ui/widgets/operationsbrowser.h"
#include "ui/widgets/proxybar.h"
#include "ui/widgets/recentfilesmenu.h"
#include "ui/widgets/requestlogview.h"
#include "ui/widgets/serverbar.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/stateview.h"
#include "ui/widgets/tryitpanel.h"
#include "ui/widgets/welcomepage.h"

namespace {
bool isResource(const QString& path)
{
    return path.startsWith(QLatin1Char(':'));
}

QString displayName(const QString& path)
{
    return isResource(path) ? QCoreApplication::translate("MainWindow", "Bookshelf example")
                            : QFileInfo(path).fileName();
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new MockSession(this))
{
    setWindowTitle(QStringLiteral("Understudy"));
    setAcceptDrops(true);
    createCentral();
    m_serverBar = new ServerBar(m_session, this);
    m_serverBar->setBanner(m_banner);
    createActions();
    createServerBar();

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->hide();
    // Permanent widgets stay visible while a message shows, so "Listening on…" never disappears behind one.
    statusBar()->addPermanentWidget(m_problemsButton);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_serverBar->statusIndicator());

    connectSession();
    restoreSettings();
    showWelcome(tr("No definition open"),
        tr("Open an OpenAPI 3.x or Swagger 2.0 file (YAML or JSON) with <b>Ctrl+O</b>, drop one onto this "
           "window, or start with the bundled example."));
    m_serverBar->updateState(tr("no definition loaded"));
}

MainWindow::~MainWindow()
{
    // QWidget's destructor hides the children, which still signal: nothing may reach this half-destroyed window.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        disconnect(child, nullptr, this, nullptr);
}

void MainWindow::createCentral()
{
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_browser = new OperationsBrowser(this);
    m_operationPage = new OperationPage(this);
    m_log = new RequestLogView(this);

    // Operations (sidebar | page) above, the log across the whole width below: the log and its details pane get
    // the room they need, and each area keeps a usable size at 1024x700. Both splitters remember their positions.
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("operationsSplitter"));
    m_mainSplitter->addWidget(m_browser);
    m_mainSplitter->addWidget(m_operationPage);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setHandleWidth(8);
    m_mainSplitter->setSizes({ 380, 1000 });
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("logSplitter"));
    m_rightSplitter->addWidget(m_mainSplitter);
    m_rightSplitter->addWidget(m_log);
    m_rightSplitter->setStretchFactor(0, 1);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->setHandleWidth(8);
    m_rightSplitter->setSizes({ 400, 600 });

    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::onOpenTriggered);
    connect(m_welcome, &WelcomePage::exampleRequested, this,
        [this] { openDefinition(DefinitionLoader::bundledExamplePath(), true); });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_rightSplitter);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_diagnostics = new DiagnosticsView(this);
    m_diagnosticsDock = new QDockWidget(tr("Problems"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("problemsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_diagnosticsDock->hide();
    m_diagnosticsDock->installEventFilter(this);

    m_problemsButton = new QToolButton(this);
    m_problemsButton->setObjectName(QStringLiteral("problemsBadge"));
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolTip(tr("Show or hide the problems of the loaded definition"));
    connect(
        m_problemsButton, &QToolButton::clicked, this, [this] { setProblemsVisible(!m_diagnosticsDock->isVisible()); });
    updateProblemsBadge();

    m_stateView = new StateView(this);
    m_stateDock = new QDockWidget(tr("Data"), this);
    m_stateDock->setObjectName(QStringLiteral("stateDock"));
    m_stateDock->setWidget(m_stateView);
    addDockWidget(Qt::BottomDockWidgetArea, m_stateDock);
    m_stateDock->hide();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(tr("&Open…"), this, &MainWindow::onOpenTriggered);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_recentMenu = new RecentFilesMenu(tr("Open Recen&t"), file);
    connect(m_recentMenu, &RecentFilesMenu::openRequested, this,
        [this](const QString& path) { openDefinition(path, true); });
    file->addMenu(m_recentMenu);
    file->addAction(tr("Open the Bookshelf &example"), this,
        [this] { openDefinition(DefinitionLoader::bundledExamplePath(), true); });
    // Reload and a failure banner's Retry act on the same file: the one last opened.
    m_reloadAction = file->addAction(tr("&Reload"), this, [this] {
        const QString path = m_requestedPath.isEmpty() ? m_session->path() : m_requestedPath;
        if (!path.isEmpty())
            openDefinition(path, false);
    });
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reloadAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reloadAction->setEnabled(false);
    m_watchAction = file->addAction(tr("&Watch files"));
    m_watchAction->setObjectName(QStringLiteral("watchAction"));
    m_watchAction->setCheckable(true);
    m_watchAction->setChecked(true);
    m_watchAction->setToolTip(tr("Reload automatically when the definition, a file it references or its "
                                 "redocly.yaml changes on disk"));
    connect(m_watchAction, &QAction::toggled, this, &MainWindow::onWatchToggled);
    // Only the user's own clicks are remembered; --no-watch (setWatchEnabled) lasts for this run.
    connect(m_watchAction, &QAction::triggered, this,
        [](bool checked) { QSettings().setValue(SettingsKeys::watchFiles(), checked); });
    file->addSeparator();
    m_applyOverlayAction = file->addAction(tr("Apply O&verlay…"), this, [this] {
        if (m_session->path().isEmpty())
            return;
        QString folder = QFileInfo(m_session->path()).absolutePath();
        if (isResource(m_session->path()))
            folder = QDir::homePath();
        const QStringList files = m_overlayPicker ? m_overlayPicker()
                                                  : QFileDialog::getOpenFileNames(this, tr("Apply overlay"), folder,
                                                      tr("OpenAPI Overlays (*.yaml *.yml *.json);;All files (*)"));
        applyOverlays(files);
    });
    m_applyOverlayAction->setObjectName(QStringLiteral("applyOverlayAction"));
    m_applyOverlayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_applyOverlayAction->setToolTip(tr("Apply OpenAPI Overlay files (e.g. recorded examples) to the definition; the "
                                        "file itself is not changed, and they stay applied for this definition"));
    m_applyOverlayAction->setEnabled(false);
    m_overlaysMenu = file->addMenu(tr("Applied Over&lays"));
    m_overlaysMenu->setObjectName(QStringLiteral("overlaysMenu"));
    m_overlaysMenu->setToolTipsVisible(true);
    connect(m_overlaysMenu, &QMenu::aboutToShow, this, &MainWindow::fillOverlaysMenu);
    fillOverlaysMenu();
    QAction* recordInto = file->addAction(tr("Recor&d into…"), this, &MainWindow::onChooseRecordFile);
    recordInto->setObjectName(QStringLiteral("recordIntoAction"));
    recordInto->setToolTip(tr("The overlay file that Record and \"Save response as example\" write into"));
    file->addSeparator();
    file->addAction(tr("Export log as &HAR…"), m_log, &RequestLogView::exportHar);
    file->addSeparator();
    QAction* closeWindow = file->addAction(tr("&Close Window"), this, &QWidget::close);
    closeWindow->setObjectName(QStringLiteral("closeWindowAction"));
    closeWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    // Quit ends the application: every window closes (and saves its settings), not only this one.
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_serverBar->startStopAction());
    server->addAction(m_serverBar->copyUrlAction());
    server->addAction(m_serverBar->openInBrowserAction());
    server->addAction(m_serverBar->httpsAction());
    server->addSeparator();
    m_autoStartAction = server->addAction(tr("Start &automatically after opening"));
    m_autoStartAction->setCheckable(true);
    m_autoStartAction->setChecked(true);
    m_dynamicAction = server->addAction(tr("&Fresh generated data on every request"));
    m_dynamicAction->setCheckable(true);
    connect(m_dynamicAction, &QAction::toggled, this, [this](bool checked) {
        m_session->generationControl()->setDynamic(checked);
        QSettings().setValue(SettingsKeys::generationDynamic(), checked);
    });
    server->addAction(tr("Generated data s&eed…"), this, &MainWindow::onSeedTriggered);
    m_stateFileAction = server->addAction(tr("Keep state in a fi&le…"));
    m_stateFileAction->setObjectName(QStringLiteral("stateFileAction"));
    m_stateFileAction->setCheckable(true);
    m_stateFileAction->setToolTip(tr("Stateful mode's data survives restarts in a JSON file (written at most once a "
                                     "second), remembered for this definition"));
    connect(m_stateFileAction, &QAction::triggered, this, &MainWindow::onStateFileTriggered);
    server->addAction(tr("&Reset all forced responses"), this, [this] {
        m_session->forcedResponses()->clearAll();
        forcingPanel()->refresh();
        onForcedChanged();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* focusFilter = view->addAction(tr("&Filter operations"), m_browser, &OperationsBrowser::focusFilter);
    focusFilter->setShortcut(QKeySequence::Find);
    QAction* focusLogFilter = view->addAction(tr("Filter the &log"), m_log, &RequestLogView::focusFilter);
    focusLogFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_clearLogAction = view->addAction(tr("&Clear log"), m_log, &RequestLogView::clear);
    m_clearLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addSeparator();
    m_problemsAction = view->addAction(tr("&Problems"));
    m_problemsAction->setObjectName(QStringLiteral("problemsAction"));
    m_problemsAction->setCheckable(true);
    m_problemsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_problemsAction, &QAction::triggered, this, [this](bool on) { setProblemsVisible(on); });
    // Not `this`: the dock also reports being hidden while the window is being destroyed.
    connect(m_diagnosticsDock, &QDockWidget::visibilityChanged, m_problemsAction,
        [problems = m_problemsAction, dock = m_diagnosticsDock] { problems->setChecked(dock->isVisible()); });
    QAction* dataAction = m_stateDock->toggleViewAction();
    dataAction->setText(tr("&Data"));
    view->addAction(dataAction);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    m_settingsAction = tools->addAction(tr("&Settings…"), this, &MainWindow::onSettingsTriggered);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Understudy"), this, &MainWindow::onAboutTriggered)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    // Closing a menu (Esc, or a click elsewhere) gives the keyboard back to where it was, so shortcuts such as
    // Ctrl+F reach their widgets instead of the menu bar.
    for (QMenu* menu : { file, server, view, tools, help }) {
        connect(menu, &QMenu::aboutToShow, this, [this] {
            QWidget* focus = QApplication::focusWidget();
            if (focus && focus != menuBar() && !qobject_cast<QMenu*>(focus))
                m_focusBeforeMenu = focus;
        });
        connect(menu, &QMenu::aboutToHide, this, [this] { QTimer::singleShot(0, this, &MainWindow::leaveMenuBar); });
    }
}

void MainWindow::createServerBar()
{
    // The file actions lead the server's own controls on the one toolbar.
    QAction* first = m_serverBar->startStopAction();
    m_serverBar->insertActions(first, { m_openAction, m_reloadAction, m_watchAction });
    m_serverBar->insertSeparator(first);
    // How the mock answers (Stateful, HTTPS, Network, proxy) sits at the right end of the menu bar: on the toolbar's
    // row it would not fit at 1024 px (its controls would end up in the overflow menu), and a second toolbar row
    // would take the height of two log rows.
    QToolBar* modes = m_serverBar->modeBar();
    m_proxyBar = new ProxyBar(modes);
    modes->addSeparator();
    modes->addWidget(m_proxyBar);
    modes->layout()->setContentsMargins(0, 0, 4, 0);
    menuBar()->setCornerWidget(modes, Qt::TopRightCorner);
    // QMenuBar places its corner widget only when it is resized or shown; the modes grow (Proxy, "Recorded 3"), so
    // their layout requests, which reach the menu bar, lay it out again (else they would end up in the overflow menu).
    menuBar()->installEventFilter(this);
    addToolBar(m_serverBar);
    connect(m_proxyBar->recordAction(), &QAction::triggered, this, &MainWindow::onRecordToggled);
}

void MainWindow::connectSession()
{
    forcingPanel()->setStore(m_session->forcedResponses());
    m_operationPage->behaviourPanel()->setSession(m_session);
    // The Behaviour tab saved the scenario file: its diagnostics replace the old ones in the Problems dock.
    connect(m_session, &MockSession::scenariosLoaded, this, [this] { showDiagnostics(m_session->diagnostics()); });
    connect(m_session, &MockSession::requestHandled, m_log->model(), &RequestLogModel::handleRequest);
    // The Record button counts what was recorded: each answer is recorded before its log entry is sent.
    connect(m_session, &MockSession::requestHandled, this, [this] {
        if (m_session->recorder())
            updateRecordIndicator();
    });
    connect(m_log, &RequestLogView::saveAsExampleRequested, this, &MainWindow::saveResponseAsExample);
    connect(m_session, &MockSession::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_session, &MockSession::definitionLoaded, this, &MainWindow::onDefinitionLoaded);
    connect(m_session, &MockSession::loadFailed, this, &MainWindow::onLoadFailed);
    // Stateful mode: the Data view follows the store; the operation page says what was inferred once the
    // new definition's resources are adopted (on the mock thread).
    m_stateView->setStore(m_session->state());
    connect(
        m_session->state().get(), &StateStore::adopted, this,
        [this](const QStringList&, const QStringList& dropped) {
            m_operationPage->setStateModel(m_session->state()->model());
            if (!dropped.isEmpty())
                statusBar()->showMessage(
                    tr("Stateful: dropped %1 (not in the definition any more)").arg(dropped.join(QStringLiteral(", "))),
                    8000);
        },
        Qt::QueuedConnection);
    // Proxy mode applies to the next request and is remembered for the definition.
    connect(m_proxyBar, &ProxyBar::settingsChanged, this, [this](const ProxySettings& proxy) {
        m_session->service()->setProxy(proxy);
        // Back to Mock: what was recorded is applied, so the mock goes on with the upstream's answers.
        if (!proxy.active() && isRecording())
            stopRecording(true);
        QSettings settings;
        if (!m_session->path().isEmpty())
            ProxyPreferences::save(settings, m_session->path(), proxy);
        if (proxy.active())
            statusBar()->showMessage(tr("Forwarding requests to %1").arg(proxy.upstream.toString()), 4000);
        else
            statusBar()->showMessage(tr("The mock answers every request"), 4000);
    });
    connect(m_serverBar, &ServerBar::networkChanged, this, [this](NetworkProfile profile) {
        QSettings settings;
        NetworkSettings::save(settings, m_session->path(), profile);
    });
    connect(m_serverBar, &ServerBar::statefulToggled, this, [this](bool on) {
        QSettings settings;
        if (!m_session->path().isEmpty())
            StatefulSettings::save(settings, m_session->path(), on);
        m_operationPage->setStatefulEnabled(on);
        if (on)
            m_stateDock->show();
    });
    connect(m_serverBar, &ServerBar::stateChanged, this, [this](const QUrl& url) {
        m_log->setBaseUrl(url);
        m_log->setSuggestedUrl(m_serverBar->browserUrl());
        m_operationPage->setBaseUrl(url);
        onOperationSelected(m_browser->selectedOperation());
    });
    connect(
        m_serverBar, &ServerBar::addressChanged, this, [this] { onOperationSelected(m_browser->selectedOperation()); });
    connect(m_browser, &OperationsBrowser::operationSelected, this, &MainWindow::onOperationSelected);
    connect(m_log, &RequestLogView::operationRequested, this, [this](const QString& operationId) {
        m_browser->selectOperation(operationId);
        detailsTabs()->setCurrentWidget(detailsView());
    });
    connect(m_log, &RequestLogView::tryItRequested, this, [this](const RequestLogEntry& entry) {
        const DefinitionPtr definition = m_session->definition();
        const Operation* op = definition ? definition->operation(entry.operationId) : nullptr;
        if (!op)
            return;
        m_browser->selectOperation(op->id);
        RequestDraft draft = RequestDraft::fromOperation(*definition, *op);
        draft.applyLoggedRequest(entry);
        tryItPanel()->setDraft(draft);
        detailsTabs()->setCurrentWidget(tryItPanel());
    });
    connect(forcingPanel(), &ForcedResponsePanel::forcedChanged, this, &MainWindow::onForcedChanged);
    connect(detailsView(), &OperationDetailsView::problemsRequested, this, [this] { setProblemsVisible(true); });
    const auto showMessage = [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); };
    connect(m_serverBar, &ServerBar::message, this, showMessage);
    connect(m_operationPage, &OperationPage::message, this, showMessage);
    connect(
        m_log, &RequestLogView::message, this, [this](const QString& text) { statusBar()->showMessage(text, 4000); });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::windowGeometry()).toByteArray());
    if (!settings.contains(SettingsKeys::windowGeometry())) {
        // The first run fits the screen (a 1024x700 one too), leaving room for the desktop's panels.
        QSize size(1360, 860);
        if (const QScreen* screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size());
        resize(size);
    }
    restoreState(settings.value(SettingsKeys::windowState()).toByteArray());
    m_mainSplitter->restoreState(settings.value(SettingsKeys::mainSplitter()).toByteArray());
    m_rightSplitter->restoreState(settings.value(SettingsKeys::rightSplitter()).toByteArray());
    m_log->splitter()->restoreState(settings.value(SettingsKeys::logSplitter()).toByteArray());
    const QString host = settings.value(SettingsKeys::host(), SettingsKeys::defaultHost()).toString();
    const int hostIndex = m_serverBar->hostCombo()->findData(host);
    if (hostIndex >= 0)
        m_serverBar->hostCombo()->setCurrentIndex(hostIndex);
    m_serverBar->setPort(quint16(settings.value(SettingsKeys::port(), SettingsKeys::defaultPort).toInt()));
    m_autoStartAction->setChecked(settings.value(SettingsKeys::autoStart(), true).toBool());
    m_log->model()->setMaximumRows(
        settings.value(SettingsKeys::maximumLogRows(), RequestLogModel::defaultMaximumRows).toInt());
    m_watchAction->setChecked(settings.value(SettingsKeys::watchFiles(), true).toBool());
    m_log->setAutoScroll(settings.value(SettingsKeys::logAutoScroll(), true).toBool());
    m_recentMenu->refresh();
    m_session->service()->setLimits(SettingsDialog::limitsFrom(settings));
    m_session->service()->setThreads(SettingsDialog::threadsFrom(settings));
    quint64 seed = 0;
    if (GenerationControl::parseSeed(settings.value(SettingsKeys::generationSeed(), 0).toString(), &seed, nullptr))
        m_session->generationControl()->setSeed(seed);
    m_dynamicAction->setChecked(settings.value(SettingsKeys::generationDynamic(), false).toBool());
    m_session->generationControl()->setDynamic(m_dynamicAction->isChecked());
}

void MainWindow::setGenerationSeed(quint64 seed)
{
    m_session->generationControl()->setSeed(seed);
}

void MainWindow::setDynamicGeneration(bool dynamic)
{
    const QSignalBlocker quiet(m_dynamicAction); // a command line choice is not saved as the window's setting
    m_dynamicAction->setChecked(dynamic);
    m_session->generationControl()->setDynamic(dynamic);
}

void MainWindow::onSeedTriggered()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Generated data seed"),
        tr("Bodies generated from schemas are the same for the same seed on every run (a whole number):"),
        QLineEdit::Normal, QString::number(m_session->generationControl()->seed()), &ok);
    quint64 seed = 0;
    if (!ok || !GenerationControl::parseSeed(text, &seed, nullptr))
        return;
    m_session->generationControl()->setSeed(seed);
    QSettings().setValue(SettingsKeys::generationSeed(), QString::number(seed));
    statusBar()->showMessage(tr("Generated data now uses seed %1.").arg(seed), 4000);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry(), saveGeometry());
    settings.setValue(SettingsKeys::windowState(), saveState());
    settings.setValue(SettingsKeys::mainSplitter(), m_mainSplitter->saveState());
    settings.setValue(SettingsKeys::rightSplitter(), m_rightSplitter->saveState());
    settings.setValue(SettingsKeys::logSplitter(), m_log->splitter()->saveState());
    settings.setValue(SettingsKeys::host(), m_serverBar->host().toString());
    settings.setValue(SettingsKeys::port(), int(m_serverBar->port()));
    settings.setValue(SettingsKeys::autoStart(), m_autoStartAction->isChecked());
    settings.setValue(SettingsKeys::maximumLogRows(), m_log->model()->maximumRows());
    settings.setValue(SettingsKeys::logAutoScroll(), m_log->autoScroll());
}

MockService* MainWindow::service() const
{
    return m_session->service();
}

ForcedResponsePanel* MainWindow::forcingPanel() const
{
    return m_operationPage->forcingPanel();
}

OperationDetailsView* MainWindow::detailsView() const
{
    return m_operationPage->detailsView();
}

TryItPanel* MainWindow::tryItPanel() const
{
    return m_operationPage->tryItPanel();
}

QTabWidget* MainWindow::detailsTabs() const
{
    return m_operationPage->tabs();
}

QSpinBox* MainWindow::portSpin() const
{
    return m_serverBar->portSpin();
}

QLineEdit* MainWindow::urlField() const
{
    return m_serverBar->urlField();
}

DefinitionPtr MainWindow::definition() const
{
    return m_session->definition();
}

QString MainWindow::definitionPath() const
{
    return m_session->path();
}

QString MainWindow::serverStatusText() const
{
    return m_serverBar->statusText();
}

bool MainWindow::isLoading() const
{
    return m_session->isLoading();
}

DefinitionWatcher* MainWindow::fileWatcher() const
{
    return m_session->watcher();
}

bool MainWindow::startServer()
{
    return m_serverBar->startServer();
}

void MainWindow::stopServer()
{
    m_serverBar->stopServer();
}

void MainWindow::setInitialServer(const QHostAddress& host, quint16 port)
{
    m_serverBar->selectHost(host.toString());
    m_serverBar->setPort(port);
}

void MainWindow::setInitialProxy(const ProxySettings& proxy)
{
    m_proxyFromCommandLine = proxy;
    m_proxyBar->setSettings(proxy);
    m_session->service()->setProxy(proxy);
}

void MainWindow::setInitialRecordFile(const QString& file)
{
    m_recordFromCommandLine = file.isEmpty() ? QString() : QFileInfo(file).absoluteFilePath();
}

void MainWindow::setWatchEnabled(bool enabled)
{
    m_watchAction->setChecked(enabled);
}

bool MainWindow::isWatchEnabled() const
{
    return m_watchAction->isChecked();
}

void MainWindow::openDefinition(const QString& path, bool autoStart)
{
    if (path.isEmpty())
        return;
    m_autoStartPending = autoStart;
    m_requestedPath = path;
    m_reloadAction->setToolTip(tr("Reload %1 (Ctrl+R)").arg(displayName(path)));
    // What the user allowed this file to read outside its project, asked once and remembered per file.
    QSettings settings;
    LoadOptions options = m_session->loadOptions();
    options.allowedPaths = m_commandLineAllowedFiles + AllowedFiles::load(settings, path);
    // The overlays applied to this file in the window, after the command line's; live reloads keep them.
    options.overlays = m_commandLineOverlays;
    for (const QString& overlay : OverlaySettings::overlays(settings, path))
        if (!options.overlays.contains(overlay))
            options.overlays.append(overlay);
    m_session->setLoadOptions(options);
    m_session->open(path);
}

void MainWindow::setStateful(bool enabled)
{
    m_statefulFromCommandLine = true;
    m_serverBar->setStateful(enabled);
    m_operationPage->setStatefulEnabled(enabled);
}

QString MainWindow::setStateFile(const QString& path)
{
    m_stateFileFromCommandLine = true;
    return keepStateIn(path);
}

QString MainWindow::keepStateIn(const QString& file)
{
    const QString error = m_session->setStateFile(file);
    const QSignalBlocker blocker(m_stateFileAction);
    m_stateFileAction->setChecked(error.isEmpty() && !file.isEmpty());
    return error;
}

void MainWindow::onStateFileTriggered(bool on)
{
    QSettings settings;
    const QString definition = m_session->path();
    if (!on) {
        keepStateIn(QString());
        StatefulSettings::saveStateFile(settings, definition, QString());
        statusBar()->showMessage(tr("Stateful data is no longer kept in a file."), 4000);
        return;
    }
    QString folder = QFileInfo(definition).absolutePath();
    if (definition.isEmpty() || definition.startsWith(QLatin1Char(':')))
        folder = QDir::homePath();
    const QString file = m_stateFilePicker ? m_stateFilePicker()
                                           : QFileDialog::getSaveFileName(this, tr("Keep stateful data in"),
                                               folder + QStringLiteral("/state.json"), tr("JSON files (*.json)"));
    if (file.isEmpty()) {
        keepStateIn(m_session->stateFile() ? m_session->stateFile()->path() : QString());
        return;
    }
    const QString error = keepStateIn(file);
    if (!error.isEmpty()) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    StatefulSettings::saveStateFile(settings, definition, file);
    statusBar()->showMessage(tr("Stateful data is kept in %1.").arg(QDir::toNativeSeparators(file)), 4000);
}

void MainWindow::setAllowedFiles(const QStringList& paths)
{
    m_commandLineAllowedFiles = paths;
}

bool MainWindow::offerToAllow(const SessionLoad& load)
{
    const QStringList targets = AllowedFiles::refusedTargets(load.definitionDiagnostics);
    if (targets.isEmpty())
        return false;
    QStringList shown;
    for (const QString& t : targets.mid(0, 3))
        shown.append(QStringLiteral("<code>%1</code>").arg(t.toHtmlEscaped()));
    if (targets.size() > 3)
        shown.append(tr("… (%1 in all)").arg(targets.size()));
    m_banner->showMessage(MessageBanner::Kind::Warning,
        tr("<b>%1</b> refers to files outside its project, which were not read: %2.<br>Allow them only if you "
           "trust this definition: the mock may serve what they contain to any client.")
            .arg(displayName(load.path).toHtmlEscaped(), shown.join(QStringLiteral(", "))));
    m_banner->addAction(tr("Allow and reload"), [this, path = load.path, targets] {
        QSettings settings;
        AllowedFiles::allow(settings, path, targets);
        openDefinition(path, m_session->isRunning() || m_autoStartPending);
    });
    m_banner->addAction(tr("Show problems"), [this] { setProblemsVisible(true); });
    return true;
}

void MainWindow::onLoadStarted(const QString& path)
{
    m_busy->show();
    statusBar()->showMessage(tr("Loading %1…").arg(displayName(path)));
}

void MainWindow::onDefinitionLoaded(const SessionLoad& load)
{
    if (!load.live) {
        m_busy->hide();
        statusBar()->clearMessage();
    }
    showDiagnostics(load.diagnostics());
    // A live reload keeps what is being forced right now. When nothing was served before (the file was broken or
    // missing when opened), this is the first real load and restores what was saved for the file, as an open does.
    // A broken file fixed on disk is the first real load: it starts the mock as the open would have.
    applyDefinition(load, load.live && load.replaced, m_autoStartPending && (!load.live || !load.replaced));
    if (load.live)
        emit liveReloadFinished(!hasErrors(load.definitionDiagnostics));
    else
        emit loadFinished(true);
}

void MainWindow::onLoadFailed(const SessionLoad& load)
{
    if (load.fileMissing) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("<b>%1</b> was deleted or moved. The mock keeps serving the last loaded version.")
                .arg(m_session->path().toHtmlEscaped()));
        m_banner->addAction(tr("Open…"), [this] { onOpenTriggered(); });
        emit liveReloadFinished(false);
        return;
    }
    if (!load.live) {
        m_busy->hide();
        statusBar()->clearMessage();
    }
    // The pane lists the problems of the file it serves: another file that failed is reported in the banner only.
    if (!m_session->definition() || QFileInfo(load.path) == QFileInfo(m_session->path()))
        showDiagnostics(load.diagnostics());
    showLoadFailure(load);
    if (load.live)
        emit liveReloadFinished(false);
    else
        emit loadFinished(false);
}

void MainWindow::showDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics->setDiagnostics(diagnostics);
    const int errors = m_diagnostics->errorCount();
    const int warnings = m_diagnostics->warningCount();
    if (errors + warnings == 0)
        m_diagnosticsDock->setWindowTitle(tr("Problems"));
    else
        m_diagnosticsDock->setWindowTitle(tr("Problems (%1, %2)")
                                              .arg(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors),
                                                  warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings)));
    updateProblemsBadge();
}

void MainWindow::leaveMenuBar()
{
    QWidget* focus = focusWidget();
    if (focus != menuBar() && focus != nullptr)
        return;
    if (QApplication::activePopupWidget())
        return; // another menu of the bar opened meanwhile
    if (m_focusBeforeMenu && m_focusBeforeMenu->isVisible())
        m_focusBeforeMenu->setFocus(Qt::OtherFocusReason);
    else
        m_browser->setFocus(Qt::OtherFocusReason);
}

void MainWindow::updateProblemsBadge()
{
    const int errors = m_diagnostics->errorCount();
    const int warnings = m_diagnostics->warningCount();
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    QString text = tr("No problems");
    if (errors > 0) {
        icon = QStyle::SP_MessageBoxCritical;
        text = (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
        if (warnings > 0)
            text += QStringLiteral(" · ") + (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    } else if (warnings > 0) {
        icon = QStyle::SP_MessageBoxWarning;
        text = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    }
    m_problemsButton->setIcon(style()->standardIcon(icon));
    m_problemsButton->setText(text);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void MainWindow::setProblemsVisible(bool visible)
{
    m_problemsClosedByUser = !visible;
    m_diagnosticsDock->setVisible(visible);
    if (visible)
        m_diagnosticsDock->raise();
}

void MainWindow::openProblemsByItself()
{
    if (m_problemsClosedByUser || m_diagnosticsDock->isVisible())
        return;
    m_diagnosticsDock->show();
    // A third of the height at most, so the log keeps its rows.
    resizeDocks({ m_diagnosticsDock }, { std::max(120, height() / 5) }, Qt::Vertical);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The dock's own close button: the user does not want it, so it no longer opens by itself.
    if (watched == m_diagnosticsDock && event->type() == QEvent::Close)
        m_problemsClosedByUser = true;
    if (watched == menuBar() && event->type() == QEvent::LayoutRequest) {
        QResizeEvent resize(menuBar()->size(), menuBar()->size());
        QCoreApplication::sendEvent(menuBar(), &resize);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onWatchToggled(bool enabled)
{
    m_session->setWatchEnabled(enabled);
    if (!enabled)
        statusBar()->showMessage(tr("Not watching files: press Ctrl+R to reload after an edit"), 4000);
}

void MainWindow::applyDefinition(const SessionLoad& load, bool live, bool autoStart)
{
    const QString previousSelection = m_browser->selectedOperation();
    const DefinitionPtr definition = m_session->definition();
    const QString path = m_session->path();

    // Forced responses belong to the file; keep only operations that still exist. A live reload keeps what
    // is being forced right now, an open restores what was saved for the file.
    QSettings settings;
    QHash<QString, ForcedResponse> forced =
        live ? m_session->forcedResponses()->all() : ForcedSettings::load(settings, path);
    const QString scenarioFile = m_session->scenarioSource();
    if (!scenarioFile.isEmpty()) {
        // With a scenario file, the forcing lives in it (the session has read it); what the settings remembered for
        // this definition is moved into the file once.
        QHash<QString, ForcedResponse> fromFile = m_session->forcedResponses()->all();
        QString error;
        if (!live && !forced.isEmpty()) {
            forced.removeIf([&definition](const auto& it) { return definition->operation(it.key()) == nullptr; });
            forced.insert(fromFile); // the file wins
            if (ScenarioForcing::save(scenarioFile, definition, forced, &error)) {
                ForcedSettings::save(settings, path, {});
                m_session->reloadScenarios();
                fromFile = forced;
            }
        }
        forced = fromFile;
    }
    forced.removeIf([&definition](const auto& it) { return definition->operation(it.key()) == nullptr; });
    m_session->forcedResponses()->replaceAll(forced);
    if (!live && !load.samePath) {
        // Recording belongs to a definition: another file starts with Record off and its own overlay file.
        stopRecording(false);
        if (m_recorder)
            m_recorder->writeInBackground();
        m_recorder.reset();
        m_applyWhenWritten = false;
    }
    if (!live) {
        m_proxyBar->setSettings(m_proxyFromCommandLine.value_or(ProxyPreferences::load(settings, path)));
        m_session->service()->setProxy(m_proxyBar->settings());
    }
    m_applyOverlayAction->setEnabled(true);
    if (!live && !m_recordFromCommandLine.isEmpty() && m_proxyBar->settings().active() && !isRecording())
        startRecording();
    updateRecordIndicator();
    if (!live && !m_statefulFromCommandLine) {
        const bool stateful = StatefulSettings::load(settings, path);
        m_serverBar->setStateful(stateful);
        m_operationPage->setStatefulEnabled(stateful);
    }
    // The Network control as it was left for this definition (normal for one never opened).
    if (!live)
        m_serverBar->setNetwork(NetworkSettings::load(settings, path));
    // Each definition keeps its own state file (or none): never another definition's.
    if (!live && !m_stateFileFromCommandLine) {
        const QString error = keepStateIn(StatefulSettings::stateFile(settings, path));
        if (!error.isEmpty())
            statusBar()->showMessage(error, 8000);
    }
    m_operationPage->setDefinition(definition);
    m_browser->setDefinition(definition);
    m_browser->setForced(forced);
    // Operations with load errors carry a badge, say so on their page and in their answers' trace.
    const QHash<QString, QStringList> problems =
        OperationsModel::problemsByOperation(*definition, load.definitionDiagnostics);
    m_browser->model()->setProblems(problems);
    detailsView()->setProblems(problems);
    m_log->setOperationProblems(problems);
    m_stack->setCurrentWidget(m_rightSplitter);
    m_reloadAction->setEnabled(true);
    updateTitle();
    if (!isResource(path) && !live)
        m_recentMenu->add(path);

    m_banner->hide();
    const int errors = m_diagnostics->errorCount();
    if (errors > 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
            (errors == 1 ? tr("%1 loaded with 1 error; some operations may behave unexpectedly.").arg(displayName(path))
                         : tr("%1 loaded with %2 errors; some operations may behave unexpectedly.")
                               .arg(displayName(path))
                               .arg(errors)));
        m_banner->addAction(tr("Show problems"), [this] { setProblemsVisible(true); });
    }
    offerToAllow(load);
    if (errors > 0)
        openProblemsByItself();
    // A log belongs to its definition: opening another one starts a fresh log.
    if (!load.samePath && !load.live)
        m_log->clear();

    if (load.samePath && !previousSelection.isEmpty() && definition->operation(previousSelection))
        m_browser->selectOperation(previousSelection);
    else
        onOperationSelected(QString());
    if (load.samePath && definition->overlays.isEmpty())
        statusBar()->showMessage(tr("Reloaded %1").arg(displayName(path)), 4000);
    else if (load.samePath) {
        QStringList names;
        for (const QString& overlay : definition->overlays)
            names.append(QFileInfo(overlay).fileName());
        statusBar()->showMessage(
            tr("Reloaded %1 with the overlays %2").arg(displayName(path), names.join(QStringLiteral(", "))), 4000);
    }

    const MockConfig config = m_session->config();
    if (config.off) {
        m_serverBar->setStoppedReason(
            tr("turned off by %1 (mockServer.off: true)").arg(QFileInfo(config.sourceFile).fileName()));
        m_serverBar->stopServer();
        m_banner->showMessage(MessageBanner::Kind::Info,
            tr("The mock is turned off by <b>%1</b> (<code>mockServer.off: true</code>).")
                .arg(config.sourceFile.toHtmlEscaped()));
        return;
    }
    if (autoStart && m_autoStartAction->isChecked() && !m_session->isRunning())
        m_serverBar->startServer();
    else
        m_serverBar->updateState(m_session->isRunning() ? QString() : tr("press F5 to start"));
}

void MainWindow::showLoadFailure(const SessionLoad& load)
{
    QStringList errors;
    for (const Diagnostic& d : load.definitionDiagnostics)
        if (d.severity == Diagnostic::Severity::Error && errors.size() < 3)
            errors << d.toString().toHtmlEscaped();
    if (errors.isEmpty())
        errors << tr("The file could not be read.");
    const DefinitionPtr served = m_session->definition();
    if (served && QFileInfo(load.path) != QFileInfo(m_session->path())) {
        // Another file failed: say which one, and which API still answers.
        const QString title = served->title.isEmpty() ? displayName(m_session->path()) : served->title;
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("<b>%1</b> could not be loaded; still serving <b>%2</b> (%3).<br>%4")
                .arg(displayName(load.path).toHtmlEscaped(), displayName(m_session->path()).toHtmlEscaped(),
                    title.toHtmlEscaped(), errors.join(QStringLiteral("<br>"))));
        m_banner->addAction(tr("Retry"), [this, path = load.path] { openDefinition(path, m_autoStartPending); });
        return;
    }
    openProblemsByItself();
    if (served) {
        // The session keeps serving what worked; a typo while editing must not take the mock down.
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("Reloading %1 failed; still serving the previous version.<br>%2")
                .arg(displayName(load.path).toHtmlEscaped(), errors.join(QStringLiteral("<br>"))));
        m_banner->addAction(tr("Retry"), [this, path = load.path] { openDefinition(path, false); });
        return;
    }
    if (!offerToAllow(load))
        m_banner->hide();
    showWelcome(tr("Could not open %1").arg(displayName(load.path)),
        errors.join(QStringLiteral("<br>")) + QStringLiteral("<br><br>")
            + tr("All problems are listed in the Problems pane (the badge in the status bar). Fix the file and "
                 "reload (Ctrl+R), or open another one."));
    m_log->clear();
    m_reloadAction->setEnabled(true);
    m_serverBar->updateState(tr("the definition could not be loaded"));
}

void MainWindow::showWelcome(const QString& title, const QString& text)
{
    m_welcome->showMessage(title, text);
    m_stack->setCurrentWidget(m_welcome);
    m_operationPage->showPlaceholder(title, text);
}

void MainWindow::updateTitle()
{
    const DefinitionPtr definition = m_session->definition();
    if (!definition) {
        setWindowTitle(QStringLiteral("Understudy"));
        return;
    }
    const QString title = definition->title.isEmpty() ? displayName(m_session->path()) : definition->title;
    setWindowTitle(
        tr("%1 %2 — Understudy", "window title: API title, API version").arg(title, definition->version).simplified());
}

void MainWindow::onOpenTriggered()
{
    QSettings settings;
    const QString folder =
        settings.value(SettingsKeys::lastFolder(), QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
            .toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open API definition"), folder,
        tr("OpenAPI definitions (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKeys::lastFolder(), QFileInfo(path).absolutePath());
    openDefinition(path, true);
}

void MainWindow::onAboutTriggered()
{
    QMessageBox::about(this, tr("About Understudy"),
        tr("<h3>Understudy %1</h3><p>A desktop mock server for OpenAPI definitions: open a file, "
           "get a working HTTP API, watch every request.</p><p>Built with Qt %2.</p>")
            .arg(QStringLiteral(UNDERSTUDY_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::onSettingsTriggered()
{
    // The dialog starts from what the window shows now, not from what was saved at the last close.
    saveSettings();
    QSettings settings;
    const QString languageBefore = settings.value(SettingsKeys::language()).toString();
    SettingsDialog dialog(this);
    dialog.load(settings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.save(settings);
    m_session->service()->setLimits(dialog.limits());
    const bool threadsChanged = dialog.threads() != m_session->service()->threads();
    m_session->service()->setThreads(dialog.threads());
    m_autoStartAction->setChecked(dialog.autoStart());
    m_log->model()->setMaximumRows(dialog.maximumLogRows());
    const bool moved = dialog.host() != m_serverBar->host().toString() || dialog.port() != m_serverBar->port();
    m_serverBar->selectHost(dialog.host());
    m_serverBar->setPort(dialog.port());
    // A new address moves a running mock, as editing the toolbar does.
    if (moved && m_session->isRunning())
        m_serverBar->startServer();
    else
        onOperationSelected(m_browser->selectedOperation());
    if (threadsChanged && m_session->isRunning() && !moved)
        statusBar()->showMessage(tr("The new number of serving threads is used from the next start (F5)"), 6000);
    if (dialog.language() != languageBefore)
        statusBar()->showMessage(tr("The new language takes effect after a restart"), 6000);
}

void MainWindow::onOperationSelected(const QString& operationId)
{
    m_operationPage->showOperation(operationId, m_serverBar->targetUrl());
}

void MainWindow::onForcedChanged()
{
    const QHash<QString, ForcedResponse> forced = m_session->forcedResponses()->all();
    m_browser->setForced(forced);
    const QString scenarioFile = m_session->scenarioSource();
    if (!scenarioFile.isEmpty()) {
        QString error;
        if (ScenarioForcing::save(scenarioFile, m_session->definition(), forced, &error)) {
            m_session->reloadScenarios();
        } else {
            statusBar()->showMessage(error, 5000);
            return;
        }
    } else if (!m_session->path().isEmpty()) {
        QSettings settings;
        ForcedSettings::save(settings, m_session->path(), forced);
    }
    statusBar()->showMessage(forced.isEmpty()
            ? tr("All responses are automatic")
            : (forced.size() == 1 ? tr("1 operation with a forced response")
                                  : tr("%1 operations with a forced response").arg(forced.size())),
        3000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    m_session->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openDefinition(urls.first().toLocalFile(), true);
}

void MainWindow::setCommandLineOverlays(const QStringList& files)
{
    m_commandLineOverlays.clear();
    for (const QString& file : files)
        m_commandLineOverlays.append(QFileInfo(file).absoluteFilePath());
}

QStringList MainWindow::appliedOverlays() const
{
    return m_session->loadOptions().overlays;
}

void MainWindow::applyOverlays(const QStringList& files)
{
    const QString definition = m_session->path();
    if (files.isEmpty() || definition.isEmpty())
        return;
    QSettings settings;
    QStringList applied = OverlaySettings::overlays(settings, definition);
    for (const QString& file : files) {
        const QString absolute = QFileInfo(file).absoluteFilePath();
        if (!applied.contains(absolute) && !m_commandLineOverlays.contains(absolute))
            applied.append(absolute);
    }
    OverlaySettings::saveOverlays(settings, definition, applied);
    openDefinition(definition, false);
}

void MainWindow::removeOverlay(const QString& file)
{
    const QString definition = m_session->path();
    if (definition.isEmpty())
        return;
    QSettings settings;
    QStringList applied = OverlaySettings::overlays(settings, definition);
    if (file.isEmpty())
        applied.clear();
    else
        applied.removeAll(file);
    OverlaySettings::saveOverlays(settings, definition, applied);
    openDefinition(definition, false);
}

void MainWindow::fillOverlaysMenu()
{
    m_overlaysMenu->clear();
    const QString definition = m_session->path();
    const QStringList mine = definition.isEmpty() ? QStringList() : OverlaySettings::overlays(QSettings(), definition);
    // Each applied overlay, checked: unchecking it stops applying it. The command line's stay for this run.
    for (const QString& file : std::as_const(m_commandLineOverlays)) {
        QAction* a = m_overlaysMenu->addAction(QFileInfo(file).fileName());
        a->setCheckable(true);
        a->setChecked(true);
        a->setEnabled(false);
        a->setToolTip(tr("%1 (--overlay on the command line)").arg(QDir::toNativeSeparators(file)));
    }
    for (const QString& file : mine) {
        QAction* a = m_overlaysMenu->addAction(QFileInfo(file).fileName());
        a->setCheckable(true);
        a->setChecked(true);
        a->setToolTip(tr("%1 — uncheck to stop applying it").arg(QDir::toNativeSeparators(file)));
        connect(a, &QAction::triggered, this, [this, file] { removeOverlay(file); });
    }
    if (m_commandLineOverlays.isEmpty() && mine.isEmpty())
        m_overlaysMenu->addAction(tr("No overlay applied"))->setEnabled(false);
    m_overlaysMenu->addSeparator();
    QAction* all = m_overlaysMenu->addAction(tr("&Remove All"), this, [this] { removeOverlay(QString()); });
    all->setObjectName(QStringLiteral("removeOverlaysAction"));
    all->setEnabled(!mine.isEmpty());
}

QString MainWindow::recordFile() const
{
    if (m_recorder)
        return m_recorder->file();
    return m_session->path().isEmpty() ? QString() : OverlaySettings::recordFile(QSettings(), m_session->path());
}

bool MainWindow::isRecording() const
{
    return m_session->recorder() != nullptr;
}

QString MainWindow::askRecordFile()
{
    const QString definition = m_session->path();
    const QString current = recordFile();
    const QString suggested = !current.isEmpty()
        ? current
        : OverlaySettings::defaultRecordFile(
            definition, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (m_recordFilePicker)
        return m_recordFilePicker(suggested);
    // An existing overlay is added to, never replaced: no overwrite question.
    return QFileDialog::getSaveFileName(this, tr("Record answers into"), suggested,
        tr("OpenAPI Overlays (*.json *.yaml *.yml)"), nullptr, QFileDialog::DontConfirmOverwrite);
}

void MainWindow::onChooseRecordFile()
{
    const QString definition = m_session->path();
    if (definition.isEmpty())
        return;
    const QString file = askRecordFile();
    if (file.isEmpty())
        return;
    const QString absolute = QFileInfo(file).absoluteFilePath();
    QString error;
    const std::shared_ptr<ResponseRecorder> recorder = recorderFor(absolute, &error);
    if (!recorder) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    QSettings settings;
    OverlaySettings::saveRecordFile(settings, definition, absolute);
    if (isRecording()) {
        m_recordedBefore = recorder->recordedCount();
        m_session->setRecorder(recorder);
    }
    updateRecordIndicator();
    statusBar()->showMessage(
        tr("Recorded answers and saved examples go into %1").arg(QDir::toNativeSeparators(absolute)), 5000);
}

std::shared_ptr<ResponseRecorder> MainWindow::recorderFor(const QString& file, QString* error)
{
    if (m_recorder && m_recorder->file() == QFileInfo(file).absoluteFilePath())
        return m_recorder;
    std::shared_ptr<ResponseRecorder> recorder = MockSession::makeRecorder(file, error);
    if (!recorder)
        return nullptr;
    if (m_recorder)
        m_recorder->writeInBackground();
    m_recorder = recorder;
    m_applyWhenWritten = false;
    connect(recorder.get(), &ResponseRecorder::written, this, [this, raw = recorder.get()](bool ok) {
        if (m_recorder.get() == raw)
            onRecorderWritten(ok);
    });
    return recorder;
}

void MainWindow::onRecordToggled(bool on)
{
    if (!on)
        stopRecording(true);
    else if (!startRecording())
        updateRecordIndicator();
}

bool MainWindow::startRecording()
{
    const QString definition = m_session->path();
    if (definition.isEmpty())
        return false;
    QSettings settings;
    const bool fromCommandLine = !m_recordFromCommandLine.isEmpty();
    QString file = fromCommandLine ? m_recordFromCommandLine : OverlaySettings::recordFile(settings, definition);
    m_recordFromCommandLine.clear();
    if (file.isEmpty()) {
        // The first time for this definition: where to, suggesting <definition>.recorded.overlay.json beside it.
        file = askRecordFile();
        if (file.isEmpty())
            return false;
        file = QFileInfo(file).absoluteFilePath();
    }
    QString error;
    const std::shared_ptr<ResponseRecorder> recorder = recorderFor(file, &error);
    if (!recorder) {
        statusBar()->showMessage(error, 8000);
        return false;
    }
    if (!fromCommandLine)
        OverlaySettings::saveRecordFile(settings, definition, file);
    m_recordedBefore = recorder->recordedCount();
    m_session->setRecorder(recorder);
    updateRecordIndicator();
    statusBar()->showMessage(
        tr("Recording the upstream's answers into %1").arg(QDir::toNativeSeparators(recorder->file())), 5000);
    return true;
}

void MainWindow::stopRecording(bool apply)
{
    if (!isRecording()) {
        updateRecordIndicator();
        return;
    }
    m_session->setRecorder(nullptr); // starts writing what is pending, off this thread
    const int recorded = m_recorder ? m_recorder->recordedCount() - m_recordedBefore : 0;
    updateRecordIndicator();
    if (!apply || !m_recorder || (recorded == 0 && !QFileInfo::exists(m_recorder->file())))
        return;
    const QString name = QFileInfo(m_recorder->file()).fileName();
    statusBar()->showMessage(recorded == 1
            ? tr("Recorded 1 answer into %1; the mock now serves it as an example").arg(name)
            : tr("Recorded %1 answers into %2; the mock now serves them as examples").arg(recorded).arg(name),
        6000);
    if (m_recorder->isWriting())
        m_applyWhenWritten = true;
    else
        applyRecordFile();
}

void MainWindow::onRecorderWritten(bool ok)
{
    if (!ok) {
        m_applyWhenWritten = false;
        statusBar()->showMessage(
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(m_recorder->file()), m_recorder->error()), 8000);
        return;
    }
    if (m_applyWhenWritten && !m_recorder->isWriting()) {
        m_applyWhenWritten = false;
        applyRecordFile();
    }
}

void MainWindow::applyRecordFile()
{
    if (!m_recorder || m_session->path().isEmpty())
        return;
    const QString file = m_recorder->file();
    QSettings settings;
    QStringList applied = OverlaySettings::overlays(settings, m_session->path());
    if (!applied.contains(file) && !m_commandLineOverlays.contains(file)) {
        applied.append(file);
        OverlaySettings::saveOverlays(settings, m_session->path(), applied);
    }
    // Loaded again now even when it was applied already: the examples show at once, watching or not.
    openDefinition(m_session->path(), false);
}

void MainWindow::updateRecordIndicator()
{
    const int count = m_recorder ? m_recorder->recordedCount() - m_recordedBefore : 0;
    m_proxyBar->setRecording(isRecording(), recordFile(), count);
}

void MainWindow::saveResponseAsExample(const RequestLogEntry& entry)
{
    const DefinitionPtr definition = m_session->definition();
    const Operation* operation = definition ? definition->operation(entry.operationId) : nullptr;
    if (!operation || m_session->path().isEmpty()) {
        statusBar()->showMessage(tr("This request matched no operation of the definition"), 5000);
        return;
    }
    QString file = recordFile();
    const bool created = file.isEmpty();
    if (created)
        file = OverlaySettings::defaultRecordFile(
            m_session->path(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QString error;
    const std::shared_ptr<ResponseRecorder> recorder = recorderFor(file, &error);
    if (!recorder) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    const QString suggested = recorder->nextName(*operation, entry.status);
    QString name;
    if (m_exampleNamePicker) {
        name = m_exampleNamePicker(suggested);
    } else {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Save response as example"),
            tr("The %1 answer of %2 becomes a named example in %3. Name:")
                .arg(entry.status)
                .arg(operation->id, QDir::toNativeSeparators(recorder->file())),
            QLineEdit::Normal, suggested, &ok);
        if (!ok)
            name.clear();
    }
    if (name.trimmed().isEmpty())
        return;
    QSettings settings;
    OverlaySettings::saveRecordFile(settings, m_session->path(), recorder->file());
    RecordedAnswer answer;
    answer.method = entry.method;
    answer.target =
        entry.path + (entry.query.isEmpty() ? QString() : QLatin1Char('?') + QString::fromLatin1(entry.query));
    answer.status = entry.status;
    answer.headers = entry.responseHeaders;
    answer.body = entry.responseBody;
    const QString why = recorder->addExample(*definition, *operation, answer, name);
    if (!why.isEmpty()) {
        statusBar()->showMessage(why, 8000);
        return;
    }
    // Written off this thread; the overlay is applied (the definition loaded again) once it is on disk.
    m_applyWhenWritten = true;
    recorder->writeInBackground();
    updateRecordIndicator();
    statusBar()->showMessage(
        tr("Saved the response as example %1 in %2").arg(name.trimmed(), QDir::toNativeSeparators(recorder->file())),
        5000);
}
