// SPDX-License-Identifier: MIT
#include "ui/widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "ui/models/curlcommand.h"
#include "ui/models/forcedsettings.h"
#include "ui/models/requestlogmodel.h"
#include "ui/theme.h"
#include "ui/widgets/diagnosticsview.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/operationdetailsview.h"
#include "ui/widgets/operationsbrowser.h"
#include "ui/widgets/requestlogview.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/tryitpanel.h"

namespace {
constexpr int maxRecentFiles = 10;
constexpr quint16 defaultPort = SettingsDialog::defaultPort;

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

// What a background load hands back to the GUI thread.
struct MainWindow::LoadOutcome
{
    int generation = 0;
    QString path;
    bool autoStart = false;
    LoadResult result;
    MockConfigResult config;
};

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_service(new MockService(this))
    , m_fileWatcher(new DefinitionWatcher(this))
{
    setWindowTitle(QStringLiteral("Understudy"));
    setAcceptDrops(true);
    createCentral();
    createActions();
    createServerBar();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("serverStatus"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);

    m_forcing->setStore(m_service->forcedResponses());
    connect(m_service, &MockService::requestHandled, m_log->model(), &RequestLogModel::handleRequest);
    connect(m_service, &MockService::started, this, [this] { updateServerState(); });
    connect(m_service, &MockService::stopped, this, [this] { updateServerState(m_stoppedReason); });
    connect(m_browser, &OperationsBrowser::operationSelected, this, &MainWindow::onOperationSelected);
    connect(m_forcing, &ForcedResponsePanel::forcedChanged, this, &MainWindow::onForcedChanged);
    connect(
        m_log, &RequestLogView::message, this, [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(m_fileWatcher, &DefinitionWatcher::reloaded, this, &MainWindow::onLiveReloaded);
    connect(m_fileWatcher, &DefinitionWatcher::reloadFailed, this, &MainWindow::onLiveReloadFailed);

    restoreSettings();
    showWelcome(tr("No definition open"),
        tr("Open an OpenAPI 3.x or Swagger 2.0 file (YAML or JSON) with <b>Ctrl+O</b>, drop one onto this "
           "window, or start with the bundled example."));
    updateServerState(tr("no definition loaded"));
}

MainWindow::~MainWindow()
{
    // Late load results must not touch a half-destroyed window.
    ++m_generation;
}

void MainWindow::createCentral()
{
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_browser = new OperationsBrowser(this);
    m_details = new OperationDetailsView(this);
    m_details->setObjectName(QStringLiteral("operationDetails"));
    m_forcing = new ForcedResponsePanel(this);
    m_log = new RequestLogView(this);
    m_tryIt = new TryItPanel(this);
    m_tryIt->setObjectName(QStringLiteral("tryItPanel"));
    m_detailsTabs = new QTabWidget(this);
    m_detailsTabs->setObjectName(QStringLiteral("detailsTabs"));
    m_detailsTabs->setDocumentMode(true);
    m_detailsTabs->addTab(m_details, tr("Documentation"));
    m_detailsTabs->addTab(m_tryIt, tr("Try it"));

    m_curlField = new QLineEdit(this);
    m_curlField->setObjectName(QStringLiteral("curlField"));
    m_curlField->setReadOnly(true);
    m_curlField->setFont(Theme::monospaceFont());
    m_curlField->setPlaceholderText(tr("Select an operation to get a curl command for it"));
    auto* copyCurl = new QToolButton(this);
    copyCurl->setText(tr("Copy curl"));
    copyCurl->setToolTip(tr("Copy the command that calls this operation on the running mock"));
    connect(copyCurl, &QToolButton::clicked, this, [this] {
        if (m_curlField->text().isEmpty())
            return;
        QApplication::clipboard()->setText(m_curlField->text());
        statusBar()->showMessage(tr("Copied the curl command"), 3000);
    });

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

    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(4);
    detailsLayout->addWidget(actionsCard);
    detailsLayout->addWidget(m_detailsTabs, 1);

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->addWidget(detailsPane);
    m_rightSplitter->addWidget(m_log);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 2);
    m_rightSplitter->setChildrenCollapsible(false);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_browser);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({ 340, 1000 });
    m_rightSplitter->setSizes({ 480, 360 });

    auto* welcome = new QWidget(this);
    m_welcomeTitle = new QLabel(welcome);
    m_welcomeTitle->setAlignment(Qt::AlignCenter);
    QFont big = m_welcomeTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_welcomeTitle->setFont(big);
    m_welcomeText = new QLabel(welcome);
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setWordWrap(true);
    m_welcomeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_welcomeText->setMinimumWidth(420);
    m_welcomeText->setMaximumWidth(720);
    auto* openButton = new QPushButton(tr("Open definition…"), welcome);
    auto* exampleButton = new QPushButton(tr("Open the Bookshelf example"), welcome);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::onOpenTriggered);
    connect(exampleButton, &QPushButton::clicked, this,
        [this] { openDefinition(DefinitionLoader::bundledExamplePath(), true); });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(openButton);
    buttons->addWidget(exampleButton);
    buttons->addStretch(1);
    auto* welcomeLayout = new QVBoxLayout(welcome);
    welcomeLayout->addStretch(2);
    welcomeLayout->addWidget(m_welcomeTitle);
    auto* textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_welcomeText, 4);
    textRow->addStretch(1);
    welcomeLayout->addLayout(textRow);
    welcomeLayout->addSpacing(12);
    welcomeLayout->addLayout(buttons);
    welcomeLayout->addStretch(3);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(welcome);
    m_stack->addWidget(m_mainSplitter);

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
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(tr("&Open…"), this, &MainWindow::onOpenTriggered);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_recentMenu = file->addMenu(tr("Open Recen&t"));
    file->addAction(tr("Open the Bookshelf &example"), this,
        [this] { openDefinition(DefinitionLoader::bundledExamplePath(), true); });
    m_reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::onReloadTriggered);
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
    file->addAction(tr("Export log as &HAR…"), m_log, &RequestLogView::exportHar);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* server = menuBar()->addMenu(tr("&Server"));
    m_startStopAction = server->addAction(tr("&Start"), this, &MainWindow::onStartStopTriggered);
    m_startStopAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_startStopAction->setObjectName(QStringLiteral("startStopAction"));
    m_copyUrlAction = server->addAction(tr("&Copy URL"), this, &MainWindow::onCopyUrlTriggered);
    m_copyUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_openBrowserAction = server->addAction(tr("Open in &browser"), this, &MainWindow::onOpenInBrowserTriggered);
    server->addSeparator();
    m_autoStartAction = server->addAction(tr("Start &automatically after opening"));
    m_autoStartAction->setCheckable(true);
    m_autoStartAction->setChecked(true);
    server->addAction(tr("&Reset all forced responses"), this, [this] {
        m_service->forcedResponses()->clearAll();
        m_forcing->refresh();
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
    view->addAction(m_diagnosticsDock->toggleViewAction());

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    m_settingsAction = tools->addAction(tr("&Settings…"), this, &MainWindow::onSettingsTriggered);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Understudy"), this, &MainWindow::onAboutTriggered)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createServerBar()
{
    QToolBar* bar = addToolBar(tr("Server"));
    bar->setObjectName(QStringLiteral("serverToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_reloadAction);
    bar->addAction(m_watchAction);
    bar->addSeparator();
    bar->addAction(m_startStopAction);

    m_hostCombo = new QComboBox(this);
    m_hostCombo->setObjectName(QStringLiteral("hostCombo"));
    m_hostCombo->addItem(tr("127.0.0.1 (this computer)"), QStringLiteral("127.0.0.1"));
    m_hostCombo->addItem(tr("0.0.0.0 (all interfaces)"), QStringLiteral("0.0.0.0"));
    m_hostCombo->setToolTip(tr("Where the mock listens. All interfaces makes it reachable from your network."));
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setValue(defaultPort);
    m_portSpin->setSpecialValueText(tr("any"));
    m_portSpin->setToolTip(tr("TCP port (0 = any free port)"));
    m_urlField = new QLineEdit(this);
    m_urlField->setObjectName(QStringLiteral("urlField"));
    m_urlField->setReadOnly(true);
    m_urlField->setFont(Theme::monospaceFont());
    m_urlField->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("http://127.0.0.1:65535/__")));
    m_urlField->setPlaceholderText(tr("not running"));
    auto* hostLabel = new QLabel(tr(" Host "), this);
    auto* portLabel = new QLabel(tr(" Port "), this);
    bar->addWidget(hostLabel);
    bar->addWidget(m_hostCombo);
    bar->addWidget(portLabel);
    bar->addWidget(m_portSpin);
    bar->addSeparator();
    bar->addWidget(m_urlField);
    bar->addAction(m_copyUrlAction);
    bar->addAction(m_openBrowserAction);

    connect(m_hostCombo, &QComboBox::activated, this, &MainWindow::onHostChanged);
    connect(m_portSpin, &QSpinBox::editingFinished, this, [this] {
        // Restart only when the port really changed, so focus changes do not bounce the server.
        if (m_service->isRunning() && m_portSpin->value() != 0 && m_portSpin->value() != m_service->port())
            startServer();
        onOperationSelected(m_browser->selectedOperation());
    });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (settings.contains(QStringLiteral("window/geometry")) == false)
        resize(1360, 860);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_log->splitter()->restoreState(settings.value(QStringLiteral("window/logSplitter")).toByteArray());
    const QString host = settings.value(SettingsKeys::host(), QStringLiteral("127.0.0.1")).toString();
    const int hostIndex = m_hostCombo->findData(host);
    if (hostIndex >= 0)
        m_hostCombo->setCurrentIndex(hostIndex);
    m_portSpin->setValue(settings.value(SettingsKeys::port(), defaultPort).toInt());
    m_autoStartAction->setChecked(settings.value(SettingsKeys::autoStart(), true).toBool());
    m_log->model()->setMaximumRows(
        settings.value(SettingsKeys::maximumLogRows(), RequestLogModel::defaultMaximumRows).toInt());
    m_watchAction->setChecked(settings.value(SettingsKeys::watchFiles(), true).toBool());
    m_log->setAutoScroll(settings.value(QStringLiteral("log/autoScroll"), true).toBool());
    m_service->setLimits(SettingsDialog::limitsFrom(settings));
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("window/logSplitter"), m_log->splitter()->saveState());
    settings.setValue(SettingsKeys::host(), currentHost().toString());
    settings.setValue(SettingsKeys::port(), m_portSpin->value());
    settings.setValue(SettingsKeys::autoStart(), m_autoStartAction->isChecked());
    settings.setValue(SettingsKeys::maximumLogRows(), m_log->model()->maximumRows());
    settings.setValue(QStringLiteral("log/autoScroll"), m_log->autoScroll());
}

void MainWindow::setInitialServer(const QHostAddress& host, quint16 port)
{
    selectHost(host.toString());
    m_portSpin->setValue(port);
}

void MainWindow::selectHost(const QString& host)
{
    int index = m_hostCombo->findData(host);
    if (index < 0) {
        m_hostCombo->addItem(host, host);
        index = m_hostCombo->count() - 1;
    }
    m_hostCombo->setCurrentIndex(index);
}

void MainWindow::setWatchEnabled(bool enabled)
{
    m_watchAction->setChecked(enabled);
}

bool MainWindow::isWatchEnabled() const
{
    return m_watchAction->isChecked();
}

QHostAddress MainWindow::currentHost() const
{
    return QHostAddress(m_hostCombo->currentData().toString());
}

void MainWindow::openDefinition(const QString& path, bool autoStart)
{
    if (path.isEmpty())
        return;
    const QString absolute = isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    const int generation = ++m_generation;
    // The explicit load wins over any live reload still running; watching resumes when it lands.
    m_fileWatcher->stop();
    m_loading = true;
    m_busy->show();
    statusBar()->showMessage(tr("Loading %1…").arg(displayName(absolute)));
    auto* watcher = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        handleLoadFinished(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([absolute, generation, autoStart] {
        LoadOutcome outcome;
        outcome.generation = generation;
        outcome.path = absolute;
        outcome.autoStart = autoStart;
        outcome.result = DefinitionLoader().loadFile(absolute);
        if (!isResource(absolute))
            outcome.config = MockConfigLoader::discover(absolute);
        return outcome;
    }));
}

void MainWindow::handleLoadFinished(const LoadOutcome& outcome)
{
    // A newer load started meanwhile: its result wins, this one is dropped.
    if (outcome.generation != m_generation)
        return;
    m_loading = false;
    m_busy->hide();
    statusBar()->clearMessage();
    Diagnostics all = outcome.result.diagnostics;
    all += outcome.config.diagnostics;
    showDiagnostics(all);
    const bool ok = outcome.result.definition != nullptr;
    if (ok)
        applyDefinition(outcome, false);
    else
        showLoadFailure(outcome);
    watchCurrentFiles();
    emit loadFinished(ok);
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
}

void MainWindow::watchCurrentFiles()
{
    if (m_path.isEmpty() || isResource(m_path)) {
        m_fileWatcher->stop();
        m_stamps.clear();
        return;
    }
    // The files of the definition being served: an edit of a referenced file must reload too, even after a
    // broken edit of the root file.
    m_fileWatcher->watch(m_path, QString(), m_definition, m_config.sourceFile);
    m_stamps = fileStamps();
}

QHash<QString, QDateTime> MainWindow::fileStamps() const
{
    QHash<QString, QDateTime> stamps;
    for (const QString& f : m_fileWatcher->watchedFiles())
        stamps.insert(f, QFileInfo(f).lastModified());
    return stamps;
}

void MainWindow::onWatchToggled(bool enabled)
{
    m_fileWatcher->setEnabled(enabled);
    if (!enabled) {
        statusBar()->showMessage(tr("Not watching files: press Ctrl+R to reload after an edit"), 4000);
        return;
    }
    // Catch up with edits made while watching was off.
    if (!m_loading && !m_stamps.isEmpty() && fileStamps() != m_stamps)
        m_fileWatcher->reloadNow();
}

void MainWindow::onLiveReloaded(const ReloadResult& result)
{
    if (m_loading)
        return;
    LoadOutcome outcome;
    outcome.generation = m_generation;
    outcome.path = m_path;
    outcome.result = result.definition;
    outcome.config = result.config;
    Diagnostics all = result.definition.diagnostics;
    all += result.config.diagnostics;
    showDiagnostics(all);
    // The watcher already follows the new set of files. When nothing was served yet (the file was broken or
    // missing when opened), this is the first real load and restores what was saved for the file.
    const bool first = m_definition == nullptr;
    applyDefinition(outcome, !first);
    m_stamps = fileStamps();
    emit liveReloadFinished(true);
}

void MainWindow::onLiveReloadFailed(const ReloadResult& result)
{
    if (m_loading)
        return;
    if (m_definition && !QFileInfo::exists(m_path)) {
        // Saves by rename never get here (the watcher waits for the file to come back), so it is really gone.
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("<b>%1</b> was deleted or moved. The mock keeps serving the last loaded version.")
                .arg(m_path.toHtmlEscaped()));
        m_banner->addAction(tr("Open…"), [this] { onOpenTriggered(); });
        emit liveReloadFinished(false);
        return;
    }
    LoadOutcome outcome;
    outcome.generation = m_generation;
    outcome.path = m_path;
    outcome.result = result.definition;
    outcome.config = result.config;
    Diagnostics all = result.definition.diagnostics;
    all += result.config.diagnostics;
    showDiagnostics(all);
    if (!m_definition && result.definition.definition) {
        // Nothing is served yet: a definition with errors beats none, exactly as when opening it.
        applyDefinition(outcome, false);
        watchCurrentFiles();
    } else {
        showLoadFailure(outcome);
    }
    emit liveReloadFinished(false);
}

void MainWindow::applyDefinition(const LoadOutcome& outcome, bool live)
{
    const bool samePath = outcome.path == m_path;
    const QString previousSelection = m_browser->selectedOperation();
    m_definition = outcome.result.definition;
    m_config = outcome.config.config;
    m_path = outcome.path;
    m_service->setDefinition(m_definition, m_config);

    // Forced responses belong to the file; keep only operations that still exist. A live reload keeps what
    // is being forced right now, an open restores what was saved for the file.
    QSettings settings;
    QHash<QString, ForcedResponse> forced =
        live ? m_service->forcedResponses()->all() : ForcedSettings::load(settings, m_path);
    forced.removeIf([this](const auto& it) { return m_definition->operation(it.key()) == nullptr; });
    m_service->forcedResponses()->replaceAll(forced);
    m_tryIt->setDefinition(m_definition);
    m_browser->setDefinition(m_definition);
    m_browser->setForced(forced);
    m_stack->setCurrentIndex(1);
    m_reloadAction->setEnabled(true);
    updateTitle();
    if (!isResource(m_path) && !live)
        addRecentFile(m_path);

    m_banner->hide();
    const int errors = m_diagnostics->errorCount();
    const int warnings = m_diagnostics->warningCount();
    if (errors > 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
            (errors == 1
                    ? tr("%1 loaded with 1 error; some operations may behave unexpectedly.").arg(displayName(m_path))
                    : tr("%1 loaded with %2 errors; some operations may behave unexpectedly.")
                          .arg(displayName(m_path))
                          .arg(errors)));
        m_banner->addAction(tr("Show problems"), [this] { m_diagnosticsDock->show(); });
    }
    m_diagnosticsDock->setVisible(errors + warnings > 0);

    if (samePath && !previousSelection.isEmpty() && m_definition->operation(previousSelection))
        m_browser->selectOperation(previousSelection);
    else
        onOperationSelected(QString());
    if (samePath)
        statusBar()->showMessage(tr("Reloaded %1").arg(displayName(m_path)), 4000);

    if (m_config.off) {
        m_stoppedReason = tr("turned off by %1 (mockServer.off: true)").arg(QFileInfo(m_config.sourceFile).fileName());
        stopServer();
        updateServerState(m_stoppedReason);
        m_banner->showMessage(MessageBanner::Kind::Info,
            tr("The mock is turned off by <b>%1</b> (<code>mockServer.off: true</code>).")
                .arg(m_config.sourceFile.toHtmlEscaped()));
        return;
    }
    if (outcome.autoStart && m_autoStartAction->isChecked() && !m_service->isRunning())
        startServer();
    else
        updateServerState(m_service->isRunning() ? QString() : tr("press F5 to start"));
}

void MainWindow::showLoadFailure(const LoadOutcome& outcome)
{
    QStringList errors;
    for (const Diagnostic& d : outcome.result.diagnostics)
        if (d.severity == Diagnostic::Severity::Error && errors.size() < 3)
            errors << d.toString().toHtmlEscaped();
    if (errors.isEmpty())
        errors << tr("The file could not be read.");
    m_diagnosticsDock->show();
    if (m_definition) {
        // Keep serving what worked; a typo while editing must not take the mock down.
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("Reloading %1 failed; still serving the previous version.<br>%2")
                .arg(displayName(outcome.path).toHtmlEscaped(), errors.join(QStringLiteral("<br>"))));
        m_banner->addAction(tr("Retry"), [this, path = outcome.path] { openDefinition(path, false); });
        return;
    }
    m_banner->hide();
    showWelcome(tr("Could not open %1").arg(displayName(outcome.path)),
        errors.join(QStringLiteral("<br>")) + QStringLiteral("<br><br>")
            + tr("All problems are listed below. Fix the file and reload (Ctrl+R), or open another one."));
    m_path = outcome.path;
    m_reloadAction->setEnabled(true);
    updateServerState(tr("the definition could not be loaded"));
}

void MainWindow::showWelcome(const QString& title, const QString& text)
{
    m_welcomeTitle->setText(title);
    m_welcomeText->setText(text);
    m_stack->setCurrentIndex(0);
    m_details->showPlaceholder(title, text);
}

void MainWindow::updateTitle()
{
    if (!m_definition) {
        setWindowTitle(QStringLiteral("Understudy"));
        return;
    }
    const QString title = m_definition->title.isEmpty() ? displayName(m_path) : m_definition->title;
    setWindowTitle(tr("%1 %2 — Understudy", "window title: API title, API version")
                       .arg(title, m_definition->version)
                       .simplified());
}

bool MainWindow::startServer()
{
    if (!m_definition) {
        updateServerState(tr("no definition loaded"));
        return false;
    }
    const QHostAddress host = currentHost();
    const quint16 port = quint16(m_portSpin->value());
    QString error;
    m_stoppedReason.clear();
    if (m_service->start(host, port, &error)) {
        if (m_banner->isVisible() && m_banner->kind() != MessageBanner::Kind::Warning)
            m_banner->hide();
        if (host == QHostAddress(QHostAddress::AnyIPv4)) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                tr("The mock listens on all interfaces: other computers on your network can reach it."));
            m_banner->addAction(tr("Only this computer"), [this] {
                m_hostCombo->setCurrentIndex(m_hostCombo->findData(QStringLiteral("127.0.0.1")));
                onHostChanged();
            });
        }
        updateServerState();
        return true;
    }
    if (m_config.off) {
        m_stoppedReason = tr("turned off by %1 (mockServer.off: true)").arg(QFileInfo(m_config.sourceFile).fileName());
        updateServerState(m_stoppedReason);
        return false;
    }
    // Distinguish "port taken" from other failures so we can offer a way out.
    QTcpServer probe;
    if (port != 0 && !probe.listen(host, port) && probe.serverError() == QAbstractSocket::AddressInUseError) {
        m_stoppedReason = tr("port %1 is already in use").arg(port);
        offerFreePort(port);
    } else {
        m_stoppedReason = error;
        m_banner->showMessage(
            MessageBanner::Kind::Error, tr("Could not start the mock: %1").arg(error.toHtmlEscaped()));
    }
    updateServerState(m_stoppedReason);
    return false;
}

void MainWindow::offerFreePort(quint16 takenPort)
{
    const quint16 free = MockService::findFreePort(currentHost(), quint16(std::min(65535, takenPort + 1)));
    m_banner->showMessage(MessageBanner::Kind::Error,
        tr("Port <b>%1</b> is already in use by another program, so the mock could not start.").arg(takenPort));
    if (free != 0) {
        m_banner->addAction(tr("Use port %1").arg(free), [this, free] {
            m_portSpin->setValue(free);
            startServer();
        });
    }
}

void MainWindow::stopServer()
{
    m_service->stop();
    updateServerState(m_stoppedReason.isEmpty() ? tr("stopped by you") : m_stoppedReason);
}

QString MainWindow::serverStatusText() const
{
    return m_statusLabel->text();
}

void MainWindow::updateServerState(const QString& stoppedReason)
{
    const bool running = m_service->isRunning();
    const QUrl url = m_service->url();
    m_startStopAction->setText(running ? tr("&Stop") : tr("&Start"));
    m_startStopAction->setIcon(style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_startStopAction->setToolTip(running ? tr("Stop the mock (F5)") : tr("Start the mock (F5)"));
    m_startStopAction->setEnabled(m_definition != nullptr);
    m_copyUrlAction->setEnabled(running);
    m_openBrowserAction->setEnabled(running);
    m_urlField->setText(running ? url.toString() : QString());
    m_log->setBaseUrl(url);
    m_tryIt->setBaseUrl(url);
    const QPalette pal = palette();
    if (running) {
        m_statusLabel->setText(
            QStringLiteral("<span style='color:%1'>●</span> %2")
                .arg(Theme::statusColor(200, pal).name(), tr("Listening on %1").arg(url.toString())));
    } else {
        const QString reason = stoppedReason.isEmpty() ? m_stoppedReason : stoppedReason;
        m_statusLabel->setText(
            QStringLiteral("<span style='color:%1'>●</span> %2")
                .arg(Theme::dimmedTextColor(pal).name(),
                    reason.isEmpty() ? tr("Stopped") : tr("Stopped: %1").arg(reason.toHtmlEscaped())));
    }
    onOperationSelected(m_browser->selectedOperation());
}

void MainWindow::onOpenTriggered()
{
    QSettings settings;
    const QString folder =
        settings
            .value(QStringLiteral("files/lastFolder"), QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
            .toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open API definition"), folder,
        tr("OpenAPI definitions (*.yaml *.yml *.json);;YAML (*.yaml *.yml);;JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("files/lastFolder"), QFileInfo(path).absolutePath());
    openDefinition(path, true);
}

void MainWindow::onReloadTriggered()
{
    if (!m_path.isEmpty())
        openDefinition(m_path, false);
}

void MainWindow::onStartStopTriggered()
{
    if (m_service->isRunning()) {
        m_stoppedReason.clear();
        stopServer();
    } else {
        startServer();
    }
}

void MainWindow::onCopyUrlTriggered()
{
    if (!m_service->isRunning())
        return;
    QApplication::clipboard()->setText(m_service->url().toString());
    statusBar()->showMessage(tr("Copied %1").arg(m_service->url().toString()), 3000);
}

void MainWindow::onOpenInBrowserTriggered()
{
    if (m_service->isRunning())
        QDesktopServices::openUrl(m_service->url());
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
    m_service->setLimits(dialog.limits());
    m_autoStartAction->setChecked(dialog.autoStart());
    m_log->model()->setMaximumRows(dialog.maximumLogRows());
    const bool moved = dialog.host() != currentHost().toString() || dialog.port() != m_portSpin->value();
    selectHost(dialog.host());
    m_portSpin->setValue(dialog.port());
    // A new address moves a running mock, as editing the toolbar does.
    if (moved && m_service->isRunning())
        startServer();
    else
        onOperationSelected(m_browser->selectedOperation());
    if (dialog.language() != languageBefore)
        statusBar()->showMessage(tr("The new language takes effect after a restart"), 6000);
}

void MainWindow::onHostChanged()
{
    if (m_service->isRunning())
        startServer();
    else if (currentHost() == QHostAddress(QHostAddress::AnyIPv4))
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("When started, the mock will be reachable from other computers on your network."));
    onOperationSelected(m_browser->selectedOperation());
}

void MainWindow::onOperationSelected(const QString& operationId)
{
    const Operation* op = m_definition && !operationId.isEmpty() ? m_definition->operation(operationId) : nullptr;
    m_forcing->setOperation(m_definition, op ? op->id : QString());
    // Re-prefilling drops the user's edits, so only do it when the operation really changed.
    if (m_tryIt->operationId() != (op ? op->id : QString()))
        m_tryIt->setOperation(op ? op->id : QString());
    if (!m_definition)
        return;
    if (!op) {
        m_details->showOverview(m_definition);
        m_curlField->clear();
        return;
    }
    m_details->showOperation(m_definition, op);
    QUrl base = m_service->url();
    if (base.isEmpty()) {
        base.setScheme(QStringLiteral("http"));
        base.setHost(currentHost() == QHostAddress(QHostAddress::AnyIPv4) ? QStringLiteral("127.0.0.1")
                                                                          : currentHost().toString());
        base.setPort(m_portSpin->value());
    }
    m_curlField->setText(CurlCommand::forOperation(*op, *m_definition, base));
    m_curlField->setCursorPosition(0);
}

void MainWindow::onForcedChanged()
{
    const QHash<QString, ForcedResponse> forced = m_service->forcedResponses()->all();
    m_browser->setForced(forced);
    if (!m_path.isEmpty()) {
        QSettings settings;
        ForcedSettings::save(settings, m_path, forced);
    }
    statusBar()->showMessage(forced.isEmpty()
            ? tr("All responses are automatic")
            : (forced.size() == 1 ? tr("1 operation with a forced response")
                                  : tr("%1 operations with a forced response").arg(forced.size())),
        3000);
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("files/recent"), recent);
    settings.setValue(QStringLiteral("files/lastFolder"), QFileInfo(path).absolutePath());
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { openDefinition(path, true); });
        a->setToolTip(path);
        a->setStatusTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear list"), this, [this] {
        QSettings().remove(QStringLiteral("files/recent"));
        updateRecentMenu();
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    m_service->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    // The status dot is rich text with a palette-derived colour; recompute it for the new theme.
    if (event->type() == QEvent::PaletteChange && m_statusLabel)
        updateServerState(m_stoppedReason);
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
