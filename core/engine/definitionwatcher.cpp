// SPDX-License-Identifier: MIT
#include "core/engine/definitionwatcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

DefinitionWatcher::DefinitionWatcher(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    qRegisterMetaType<ReloadResult>();
    // Editors write in bursts (truncate + write, or write a temp file and rename it over the original):
    // wait until the files are quiet before reading them.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &DefinitionWatcher::reloadNow);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DefinitionWatcher::handleChange);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &DefinitionWatcher::handleChange);
}

DefinitionWatcher::~DefinitionWatcher()
{
    // Late results of a reload still running are dropped by the generation check.
    ++m_generation;
}

void DefinitionWatcher::watch(const QString& definitionPath, const QString& explicitConfig, const DefinitionPtr& loaded,
    const QString& configInUse)
{
    m_definitionPath = definitionPath;
    m_explicitConfig = explicitConfig;
    QStringList files;
    files.append(definitionPath);
    if (loaded)
        files.append(loaded->files);
    if (!configInUse.isEmpty())
        files.append(configInUse);
    files.append(scenarioFiles(QString()));
    rearm(files);
}

void DefinitionWatcher::setScenarioFile(const QString& path)
{
    m_scenarioFile = path;
}

QStringList DefinitionWatcher::scenarioFiles(const QString& inUse) const
{
    if (!m_scenarioFile.isEmpty())
        return { m_scenarioFile };
    QStringList files;
    if (!inUse.isEmpty())
        files.append(inUse);
    const QString discovered = ScenarioLoader::discover(m_definitionPath);
    if (!discovered.isEmpty())
        files.append(discovered);
    // Not there yet: creating it next to the definition loads it.
    const QString fresh = ScenarioLoader::defaultPath(m_definitionPath);
    if (!fresh.isEmpty())
        files.append(fresh);
    return files;
}

void DefinitionWatcher::stop()
{
    ++m_generation;
    m_debounce->stop();
    rearm({});
    m_definitionPath.clear();
}

void DefinitionWatcher::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_debounce->stop();
}

void DefinitionWatcher::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

QStringList DefinitionWatcher::watchedFiles() const
{
    return m_files;
}

void DefinitionWatcher::rearm(const QStringList& files)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_files.clear();
    QStringList dirs;
    for (const QString& f : files) {
        if (f.isEmpty() || f.startsWith(QLatin1Char(':')))
            continue;
        const QString absolute = QFileInfo(f).absoluteFilePath();
        if (m_files.contains(absolute))
            continue;
        m_files.append(absolute);
        const QString dir = QFileInfo(absolute).absolutePath();
        if (!dirs.contains(dir))
            dirs.append(dir);
    }
    // The folders are watched too: a save by rename replaces the file, and the file watch dies with it.
    QStringList existing;
    for (const QString& f : std::as_const(m_files))
        if (QFileInfo::exists(f))
            existing.append(f);
    if (!existing.isEmpty())
        m_watcher->addPaths(existing);
    if (!dirs.isEmpty())
        m_watcher->addPaths(dirs);
    m_seen = snapshot();
}

QHash<QString, QPair<qint64, qint64>> DefinitionWatcher::snapshot() const
{
    QHash<QString, QPair<qint64, qint64>> state;
    for (const QString& f : m_files) {
        const QFileInfo info(f);
        state.insert(f,
            info.exists() ? qMakePair(info.size(), info.lastModified().toMSecsSinceEpoch())
                          : qMakePair(qint64(-1), qint64(-1)));
    }
    return state;
}

void DefinitionWatcher::handleChange(const QString& path)
{
    if (!m_enabled || m_definitionPath.isEmpty())
        return;
    const QFileInfo info(path);
    if (info.isDir()) {
        // Only react when one of our files in that folder changed (appeared again, or its size or time moved).
        const auto now = snapshot();
        if (now == m_seen)
            return;
        m_seen = now;
        for (const QString& f : std::as_const(m_files))
            if (QFileInfo::exists(f) && !m_watcher->files().contains(f))
                m_watcher->addPath(f);
    } else {
        if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);
        m_seen = snapshot();
    }
    m_debounce->start();
}

void DefinitionWatcher::setLoadOptions(const LoadOptions& options)
{
    m_loadOptions = options;
}

void DefinitionWatcher::reloadNow()
{
    if (m_definitionPath.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString path = m_definitionPath;
    const QString config = m_explicitConfig;
    const LoadOptions options = m_loadOptions;
    const QString scenarioFile = m_scenarioFile;
    QPointer<DefinitionWatcher> self(this);
    QObject* home =
        QCoreApplication::instance(); // the watcher lives on the main thread; it may be gone by the time we finish
    QThreadPool::globalInstance()->start([self, home, generation, path, config, options, scenarioFile] {
        ReloadResult result;
        result.definition = DefinitionLoader(options).loadFile(path);
        result.config = config.isEmpty() ? MockConfigLoader::discover(path) : MockConfigLoader::load(config, path);
        result.scenarios = ScenarioLoader::loadFor(path, scenarioFile, result.definition.definition.get());
        QMetaObject::invokeMethod(
            home,
            [self, generation, result] {
                if (self)
                    self->finishReload(generation, result);
            },
            Qt::QueuedConnection);
    });
}

void DefinitionWatcher::finishReload(quint64 generation, const ReloadResult& result)
{
    if (generation != m_generation)
        return; // a newer reload (or stop) superseded this one
    if (!result.ok()) {
        // Keep watching the same files so that fixing the edit triggers the next reload.
        emit reloadFailed(result);
        return;
    }
    QStringList files { m_definitionPath };
    files.append(result.definition.definition->files);
    if (!result.config.config.sourceFile.isEmpty())
        files.append(result.config.config.sourceFile);
    files.append(scenarioFiles(result.scenarios.sourceFile));
    rearm(files);
    emit reloaded(result);
}
