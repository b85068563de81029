// SPDX-License-Identifier: MIT
#include "core/state/statefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include "core/state/statestore.h"

namespace {
constexpr qint64 kMaxFileBytes = 256ll << 20;
}

StateFile::StateFile(std::shared_ptr<StateStore> store, QString path, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_path(std::move(path))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &StateFile::flush);
    connect(m_store.get(), &StateStore::changed, this, &StateFile::schedule, Qt::QueuedConnection);
}

StateFile::~StateFile()
{
    flush();
}

void StateFile::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void StateFile::schedule()
{
    m_dirty = true;
    if (!m_timer->isActive())
        m_timer->start();
}

StateFileRead StateFile::load()
{
    StateFileRead read;
    QFile file(m_path);
    if (!file.exists())
        return read;
    read.found = true;
    if (!file.open(QIODevice::ReadOnly)) {
        read.error = file.errorString();
        return read;
    }
    if (file.size() > kMaxFileBytes) {
        read.error = QStringLiteral("the file is larger than 256 MiB");
        return read;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        read.error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QStringLiteral("not a JSON object");
        return read;
    }
    const QJsonObject collections = doc.object().value(QStringLiteral("collections")).toObject();
    read.collections = collections.size();
    m_store->restore(collections);
    m_writtenVersion = m_store->version();
    return read;
}

bool StateFile::flush()
{
    m_timer->stop();
    // Nothing changed, or nothing to write yet: without a definition the store holds no collections, and writing
    // that would wipe a file whose items wait for one.
    if (m_store->version() == m_writtenVersion || !m_store->model())
        return true;
    const quint64 version = m_store->version();
    const QJsonObject all { { QStringLiteral("understudyState"), 1 },
        { QStringLiteral("collections"), m_store->snapshot() } };
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(all).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        m_error = file.errorString();
        emit writeFailed(m_error);
        return false;
    }
    m_dirty = false;
    m_writtenVersion = version;
    ++m_writes;
    m_error.clear();
    emit written();
    return true;
}
