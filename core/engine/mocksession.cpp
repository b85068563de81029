// SPDX-License-Identifier: MIT
#include "core/engine/mocksession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "core/negotiation/forcedresponsestore.h"
#include "core/proxy/responserecorder.h"
#include "core/state/statefile.h"
#include "core/state/statestore.h"

namespace {
bool isResource(const QString& path)
{
    return path.startsWith(QLatin1Char(':'));
}
} // namespace

Diagnostics SessionLoad::diagnostics() const
{
    Diagnostics all = definitionDiagnostics;
    all += configDiagnostics;
    all += scenarios.diagnostics;
    return all;
}

MockSession::MockSession(QObject* parent)
    : QObject(parent)
    , m_service(new MockService(this))
    , m_watcher(new DefinitionWatcher(this))
{
    qRegisterMetaType<SessionLoad>();
    qRegisterMetaType<StartError>();
    connect(m_service, &MockService::requestHandled, this, &MockSession::requestHandled);
    connect(m_service, &MockService::started, this, &MockSession::started);
    connect(m_service, &MockService::stopped, this, &MockSession::stopped);
    connect(m_watcher, &DefinitionWatcher::reloaded, this, &MockSession::handleReloaded);
    connect(m_watcher, &DefinitionWatcher::reloadFailed, this, &MockSession::handleReloadFailed);
}

MockSession::~MockSession()
{
    if (m_stateFile)
        m_stateFile->flush();
    setRecordFile(QString());
    // A load still running finds the session gone (QPointer) and drops its result.
    ++m_generation;
}

void MockSession::setConfigFile(const QString& path)
{
    m_configFile = path;
}

QString MockSession::configFile() const
{
    return m_configFile;
}

void MockSession::setScenarioFile(const QString& path)
{
    m_scenarioFile = path.isEmpty() || isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    m_watcher->setScenarioFile(m_scenarioFile);
}

QString MockSession::scenarioFile() const
{
    return m_scenarioFile;
}

ScenarioResult MockSession::reloadScenarios(const QString& path)
{
    const DefinitionPtr served = definition();
    ScenarioResult result = path.isEmpty() ? ScenarioLoader::loadFor(m_path, m_scenarioFile, served.get())
                                           : ScenarioLoader::load(path, served.get());
    m_service->scenarios()->adoptScenarios(result.scenarios); // unchanged sequences go on
    applyForced(result);
    m_scenarioSource = result.sourceFile;
    m_diagnostics = m_loadDiagnostics;
    m_diagnostics += result.diagnostics;
    emit scenariosLoaded(result);
    return result;
}

DefinitionPtr MockSession::definition() const
{
    return m_service->definition();
}

MockConfig MockSession::config() const
{
    return m_config;
}

std::shared_ptr<ForcedResponseStore> MockSession::forcedResponses() const
{
    return m_service->forcedResponses();
}

std::shared_ptr<StateStore> MockSession::state() const
{
    return m_service->state();
}

void MockSession::setStateful(bool enabled)
{
    m_service->state()->setEnabled(enabled);
}

bool MockSession::isStateful() const
{
    return m_service->state()->isEnabled();
}

QString MockSession::setStateFile(const QString& path)
{
    delete m_stateFile; // writes what is pending
    m_stateFile = nullptr;
    if (path.isEmpty())
        return {};
    m_stateFile = new StateFile(m_service->state(), path, this);
    const StateFileRead read = m_stateFile->load();
    if (!read.error.isEmpty()) {
        // Never overwrite a file that could not be read: it may hold items worth more than a fresh seed.
        delete m_stateFile;
        m_stateFile = nullptr;
        return QStringLiteral("cannot read the state file %1: %2").arg(path, read.error);
    }
    return {};
}

QString MockSession::setRecordFile(const QString& path)
{
    if (m_recorder) {
        m_service->setRecorder(nullptr); // the serving threads let go of it first
        m_recorder->flush();
        m_recorder.reset();
    }
    if (path.isEmpty())
        return {};
    // Serving threads may hold the last reference for a moment: the object goes on the thread it lives on.
    std::shared_ptr<ResponseRecorder> recorder(new ResponseRecorder(path), [](ResponseRecorder* r) {
        r->flush();
        if (r->thread() == QThread::currentThread())
            delete r;
        else
            r->deleteLater();
    });
    const QString error = recorder->load();
    if (!error.isEmpty())
        return error;
    m_recorder = recorder;
    m_service->setRecorder(recorder);
    return {};
}

std::shared_ptr<GenerationControl> MockSession::generationControl() const
{
    return m_service->generationControl();
}

void MockSession::open(const QString& path)
{
    if (path.isEmpty())
        return;
    const QString absolute = isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    const quint64 generation = ++m_generation;
    // The explicit load wins over any live reload still running; watching resumes when it lands.
    m_watcher->stop();
    m_loading = true;
    emit loadStarted(absolute);
    const QString config = m_configFile;
    const QString scenarioFile = m_scenarioFile;
    const LoadOptions options = m_loadOptions;
    QPointer<MockSession> self(this);
    // The session lives on the main thread; it may be gone by the time the load finishes.
    QObject* home = QCoreApplication::instance();
    QThreadPool::globalInstance()->start([self, home, generation, absolute, config, options, scenarioFile] {
        SessionLoad load;
        load.path = absolute;
        LoadResult read = DefinitionLoader(options).loadFile(absolute);
        load.definition = std::move(read.definition);
        load.definitionDiagnostics = std::move(read.diagnostics);
        MockConfigResult settings =
            config.isEmpty() ? MockConfigLoader::discover(absolute) : MockConfigLoader::load(config, absolute);
        load.config = std::move(settings.config);
        load.configDiagnostics = std::move(settings.diagnostics);
        load.scenarios = ScenarioLoader::loadFor(absolute, scenarioFile, load.definition.get());
        QMetaObject::invokeMethod(
            home,
            [self, generation, load] {
                if (self)
                    self->finishOpen(generation, load);
            },
            Qt::QueuedConnection);
    });
}

void MockSession::reload()
{
    if (!m_path.isEmpty())
        open(m_path);
}

void MockSession::finishOpen(quint64 generation, const SessionLoad& result)
{
    // A newer open() started meanwhile: its result wins, this one is dropped.
    if (generation != m_generation)
        return;
    m_loading = false;
    SessionLoad load = result;
    load.samePath = load.path == m_path;
    m_diagnostics = load.diagnostics();
    if (load.definition) {
        accept(load);
        rewatch();
        emit definitionLoaded(load);
        return;
    }
    // Keep serving what worked; a typo while editing must not take the mock down.
    if (!definition())
        m_path = load.path;
    rewatch();
    emit loadFailed(load);
}

SessionLoad MockSession::fromReload(const ReloadResult& result) const
{
    SessionLoad load;
    load.path = m_path;
    load.definition = result.definition.definition;
    load.definitionDiagnostics = result.definition.diagnostics;
    load.config = result.config.config;
    load.configDiagnostics = result.config.diagnostics;
    load.scenarios = result.scenarios;
    load.live = true;
    load.samePath = true;
    return load;
}

void MockSession::handleReloaded(const ReloadResult& result)
{
    if (m_loading)
        return;
    SessionLoad load = fromReload(result);
    m_diagnostics = load.diagnostics();
    // The watcher already follows the new set of files.
    accept(load);
    m_stamps = fileStamps();
    emit definitionLoaded(load);
}

void MockSession::handleReloadFailed(const ReloadResult& result)
{
    if (m_loading)
        return;
    SessionLoad load = fromReload(result);
    if (definition() && !QFileInfo::exists(m_path)) {
        // Saves by rename never get here (the watcher waits for the file to come back), so it is really gone.
        load.fileMissing = true;
        emit loadFailed(load);
        return;
    }
    m_diagnostics = load.diagnostics();
    if (!definition() && load.definition) {
        // Nothing is served yet: a definition with errors beats none, exactly as when opening it.
        accept(load);
        rewatch();
        emit definitionLoaded(load);
        return;
    }
    emit loadFailed(load);
}

void MockSession::accept(SessionLoad& load)
{
    load.replaced = definition() != nullptr;
    // A live reload of the same file keeps the sequences that did not change where they were; another file starts
    // them all again.
    const bool sameFile = load.replaced && m_path == load.path;
    m_path = load.path;
    m_config = load.config;
    m_service->setDefinition(load.definition, m_config);
    if (sameFile)
        m_service->scenarios()->adoptScenarios(load.scenarios.scenarios);
    else
        m_service->scenarios()->setScenarios(load.scenarios.scenarios);
    applyForced(load.scenarios);
    m_scenarioSource = load.scenarios.sourceFile;
    m_loadDiagnostics = load.definitionDiagnostics;
    m_loadDiagnostics += load.configDiagnostics;
    ++m_loadCount;
}

void MockSession::applyForced(const ScenarioResult& result)
{
    // A scenario file in use holds the forcing panel's choices (`forced:`); without one they are the window's.
    if (!result.scenarios)
        return;
    QHash<QString, ForcedResponse> forced;
    for (auto it = result.forced.cbegin(); it != result.forced.cend(); ++it)
        if (it->status != 0 || !it->example.isEmpty())
            forced.insert(it.key(), ForcedResponse { it->status, it->example });
    m_service->forcedResponses()->replaceAll(forced);
}

void MockSession::rewatch()
{
    if (m_path.isEmpty() || isResource(m_path)) {
        m_watcher->stop();
        m_stamps.clear();
        return;
    }
    // The files of the definition being served: an edit of a referenced file must reload too, even after a
    // broken edit of the root file.
    m_watcher->watch(m_path, m_configFile, definition(), m_config.sourceFile);
    m_stamps = fileStamps();
}

QHash<QString, QDateTime> MockSession::fileStamps() const
{
    QHash<QString, QDateTime> stamps;
    for (const QString& f : m_watcher->watchedFiles())
        stamps.insert(f, QFileInfo(f).lastModified());
    return stamps;
}

void MockSession::setWatchEnabled(bool enabled)
{
    m_watcher->setEnabled(enabled);
    // Catch up with edits made while watching was off.
    if (enabled && !m_loading && !m_stamps.isEmpty() && fileStamps() != m_stamps)
        m_watcher->reloadNow();
}

void MockSession::setLoadOptions(const LoadOptions& options)
{
    m_loadOptions = options;
    m_watcher->setLoadOptions(options);
}

LoadOptions MockSession::loadOptions() const
{
    return m_loadOptions;
}

bool MockSession::isWatchEnabled() const
{
    return m_watcher->isEnabled();
}

StartResult MockSession::start(const QHostAddress& host, quint16 port)
{
    m_lastStart = m_service->start(host, port);
    if (!m_lastStart)
        emit startFailed(m_lastStart.error, m_lastStart.message);
    return m_lastStart;
}

void MockSession::stop()
{
    m_service->stop();
}

bool MockSession::isRunning() const
{
    return m_service->isRunning();
}

quint16 MockSession::port() const
{
    return m_service->port();
}

QHostAddress MockSession::host() const
{
    return m_service->host();
}

QUrl MockSession::url() const
{
    return m_service->url();
}
