// SPDX-License-Identifier: MIT
// Watches a definition, every file it references and its redocly.yaml; reloads off the calling thread.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include "core/config/mockconfig.h"
#include "core/definition/definitionloader.h"
#include "core/scenarios/scenarioloader.h"

class QFileSystemWatcher;
class QTimer;

struct ReloadResult
{
    LoadResult definition;
    MockConfigResult config;
    ScenarioResult scenarios; // understudy.yaml (explicit or discovered), checked against the new definition
    bool ok() const
    {
        return definition.definition != nullptr && !hasErrors(definition.diagnostics);
    }
};

class DefinitionWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DefinitionWatcher)

public:
    explicit DefinitionWatcher(QObject* parent = nullptr);
    ~DefinitionWatcher() override;

    // Starts watching `definitionPath`, the files of `loaded` (external $refs) and the configuration in use
    // (`explicitConfig`, or the discovered one). Resource paths (":/...") are never watched.
    void watch(const QString& definitionPath, const QString& explicitConfig, const DefinitionPtr& loaded,
        const QString& configInUse);
    void stop();

    void setEnabled(bool enabled);
    bool isEnabled() const
    {
        return m_enabled;
    }
    void setDebounceMs(int ms);
    // What reloads pass to DefinitionLoader (e.g. the files the user allowed outside the project).
    void setLoadOptions(const LoadOptions& options);
    // The scenario file given with --scenarios; empty = discover understudy.yaml (and notice one being created).
    void setScenarioFile(const QString& path);
    QStringList watchedFiles() const;

    // Loads again now (off this thread); the result arrives through reloaded() / reloadFailed().
    void reloadNow();

signals:
    // A good definition: swap it in. The watcher already follows its (possibly new) set of files.
    void reloaded(const ReloadResult& result);
    // A broken edit: keep serving the last good definition; `result` holds the diagnostics.
    void reloadFailed(const ReloadResult& result);

private:
    void handleChange(const QString& path);
    // The scenario files to watch: the explicit one, or the discovered one and where a new one would appear.
    QStringList scenarioFiles(const QString& inUse) const;
    void rearm(const QStringList& files);
    void finishReload(quint64 generation, const ReloadResult& result);
    // Size and modification time of each watched file (missing = -1), to tell our files' changes from
    // other activity in the same folders (editor swap files, builds).
    QHash<QString, QPair<qint64, qint64>> snapshot() const;

    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_debounce = nullptr;
    QString m_definitionPath;
    QString m_explicitConfig;
    QString m_scenarioFile;
    LoadOptions m_loadOptions;
    QStringList m_files;
    QHash<QString, QPair<qint64, qint64>> m_seen;
    bool m_enabled = true;
    quint64 m_generation = 0;
};

Q_DECLARE_METATYPE(ReloadResult)
