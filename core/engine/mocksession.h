// SPDX-License-Identifier: MIT
// One served definition: its file, redocly.yaml, loading off the caller's thread, live reload and the mock.
#pragma once

#include <memory>

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include "core/config/mockconfig.h"
#include "core/definition/definitionloader.h"
#include "core/engine/requestlogentry.h"
#include "core/engine/startresult.h"
#include "core/scenarios/scenarioloader.h"

class DefinitionWatcher;
class GenerationControl;
class ForcedResponseStore;
class MockService;
class ResponseRecorder;
class StateFile;
class StateStore;
struct ReloadResult;

// What one finished load brought, handed out with MockSession::definitionLoaded and loadFailed.
struct SessionLoad
{
    QString path; // the file that was read
    DefinitionPtr definition; // what was read (null when it could not be)
    Diagnostics definitionDiagnostics;
    Diagnostics configDiagnostics;
    MockConfig config;
    ScenarioResult scenarios; // understudy.yaml: the set (null when there is none), its diagnostics and file
    bool live = false; // a file changed on disk (the watcher), not open() or reload()
    bool samePath = false; // the same file as the one served (or asked for) before
    bool replaced = false; // definitionLoaded: a definition was being served before this one
    bool fileMissing = false; // loadFailed: the served file is gone (deleted or moved); the last one is kept

    // The definition's diagnostics followed by the configuration's and the scenario file's.
    Diagnostics diagnostics() const;
};

/**
 * The window and headless mode each drive one session; neither wires loader, config, service and watcher
 * itself. open() loads on the thread pool; a newer open() wins over an older one still running (a generation
 * counter drops stale results). A definition that loads (even with errors) is swapped into the running mock;
 * one that does not keeps the last good one serving. While watching, an edit of the definition, a file it
 * references or its redocly.yaml reloads it; an edit with errors only reports them.
 * Lives on the main thread.
 */
class MockSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockSession)

public:
    explicit MockSession(QObject* parent = nullptr);
    ~MockSession() override;

    // An explicit redocly.yaml (--config); empty = discover one next to the definition or above it.
    void setConfigFile(const QString& path);
    QString configFile() const;
    // An explicit scenario file (--scenarios); empty = understudy.yaml next to the definition or above it.
    void setScenarioFile(const QString& path);
    QString scenarioFile() const;
    // The scenario file in use (explicit or discovered); empty when there is none.
    QString scenarioSource() const
    {
        return m_scenarioSource;
    }
    // Reads the scenario file again now (on this thread: it is small) against the served definition and swaps it
    // in; e.g. after the window wrote it. Returns what was read; emits scenariosLoaded.
    ScenarioResult reloadScenarios(const QString& path = QString());

    // Loads `path` off this thread; the result arrives as definitionLoaded() or loadFailed().
    void open(const QString& path);
    // Loads path() again.
    void reload();
    bool isLoading() const
    {
        return m_loading;
    }
    // Increases with every open() and reload(): a result started under an older generation is dropped.
    quint64 generation() const
    {
        return m_generation;
    }
    // Finished loads (opened, reloaded or live) that swapped a definition in.
    int loadCount() const
    {
        return m_loadCount;
    }

    // The file served, or the one last asked for while nothing is served (empty before the first open).
    QString path() const
    {
        return m_path;
    }
    DefinitionPtr definition() const;
    MockConfig config() const;
    // The diagnostics of the last finished load.
    Diagnostics diagnostics() const
    {
        return m_diagnostics;
    }

    // What loads may read beyond the project (--allow-file, the window's "Allow"); used by open(), reload()
    // and live reloads alike.
    void setLoadOptions(const LoadOptions& options);
    LoadOptions loadOptions() const;

    // Live reload (on by default). Turning it back on reloads when a watched file changed meanwhile.
    void setWatchEnabled(bool enabled);
    bool isWatchEnabled() const;
    DefinitionWatcher* watcher() const
    {
        return m_watcher;
    }

    // Listens on host:port (0 = any free port); emits started() or startFailed().
    StartResult start(const QHostAddress& host, quint16 port);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QHostAddress host() const;
    QUrl url() const;
    // The outcome of the last start().
    StartResult lastStart() const
    {
        return m_lastStart;
    }

    MockService* service() const
    {
        return m_service;
    }
    std::shared_ptr<ForcedResponseStore> forcedResponses() const;
    // Stateful mode (off by default; can change while serving) and its optional --state-file.
    std::shared_ptr<StateStore> state() const;
    void setStateful(bool enabled);
    bool isStateful() const;
    // Reads FILE into the state now and keeps it written (at most once a second, and when the session ends); empty
    // stops keeping a file. Returns the read's outcome.
    QString setStateFile(const QString& path);
    StateFile* stateFile() const
    {
        return m_stateFile;
    }
    // Proxy mode: keeps distinct upstream answers as examples in the overlay FILE (read first when it exists, then
    // written half a second after a change and when the session ends); empty stops recording (and writes what is
    // pending). Returns why FILE cannot be recorded into, else empty.
    QString setRecordFile(const QString& path);
    std::shared_ptr<ResponseRecorder> recorder() const
    {
        return m_recorder;
    }
    // The seed and dynamic mode of generated bodies (the service's).
    std::shared_ptr<GenerationControl> generationControl() const;

signals:
    void loadStarted(const QString& path);
    // `load.definition` now serves (definition() returns it).
    void definitionLoaded(const SessionLoad& load);
    // Nothing new serves; definition() is still the previous one (or null).
    void loadFailed(const SessionLoad& load);
    void started(const QUrl& url);
    void startFailed(StartError error, const QString& message);
    void stopped();
    void requestHandled(const RequestLogEntry& entry);
    // reloadScenarios() read the scenario file (diagnostics() now holds its diagnostics).
    void scenariosLoaded(const ScenarioResult& result);

private:
    struct Job;

    void finishOpen(quint64 generation, const SessionLoad& load);
    void handleReloaded(const ReloadResult& result);
    void handleReloadFailed(const ReloadResult& result);
    SessionLoad fromReload(const ReloadResult& result) const;
    void accept(SessionLoad& load);
    void rewatch();
    void applyForced(const ScenarioResult& result);
    QHash<QString, QDateTime> fileStamps() const;

    MockService* m_service = nullptr;
    DefinitionWatcher* m_watcher = nullptr;
    StateFile* m_stateFile = nullptr;
    std::shared_ptr<ResponseRecorder> m_recorder;
    QString m_path;
    QString m_configFile;
    QString m_scenarioFile;
    QString m_scenarioSource;
    Diagnostics m_loadDiagnostics; // definition + configuration of the last load, without the scenario file's
    LoadOptions m_loadOptions;
    MockConfig m_config;
    Diagnostics m_diagnostics;
    quint64 m_generation = 0;
    int m_loadCount = 0;
    bool m_loading = false;
    StartResult m_lastStart;
    // Modification times of the watched files when watching was last armed or a reload landed, so that
    // turning watching back on reloads only when something changed meanwhile.
    QHash<QString, QDateTime> m_stamps;
};

Q_DECLARE_METATYPE(SessionLoad)
