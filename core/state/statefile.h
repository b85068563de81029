// SPDX-License-Identifier: MIT
// Keeps a StateStore in a file: read once, written atomically (QSaveFile) at most once a second and when closed.
#pragma once

#include <memory>

#include <QObject>
#include <QString>

class QTimer;
class StateStore;

struct StateFileRead
{
    bool found = false; // the file exists
    QString error; // it exists but could not be read or parsed
    int collections = 0; // collections read from it
};

/**
 * Lives on the thread that created it (the main thread); the store's changes (from any thread) arrive queued and
 * start a one-second timer, so a burst of requests costs one write. The file is replaced atomically: a crash or a
 * kill leaves the previous complete file, never half of one.
 */
class StateFile final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateFile)

public:
    StateFile(std::shared_ptr<StateStore> store, QString path, QObject* parent = nullptr);
    ~StateFile() override; // writes pending changes

    // Reads the file into the store (applied when the store adopts a definition, if it has none yet).
    StateFileRead load();
    // Writes now if anything changed since the last write. Returns false (and sets error()) when it could not.
    bool flush();
    QString path() const
    {
        return m_path;
    }
    QString error() const
    {
        return m_error;
    }
    int writes() const
    {
        return m_writes;
    }

    // Tests: the delay between a change and its write (default 1000 ms).
    void setInterval(int milliseconds);

signals:
    void written();
    void writeFailed(const QString& error);

private:
    void schedule();

    std::shared_ptr<StateStore> m_store;
    QString m_path;
    QTimer* m_timer = nullptr;
    quint64 m_writtenVersion = 0;
    bool m_dirty = false;
    int m_writes = 0;
    QString m_error;
};
