// SPDX-License-Identifier: MIT
#include "app/singleinstance.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

SingleInstance::SingleInstance(const QString& name, QObject* parent)
    : QObject(parent)
    , m_name(name)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    return QStringLiteral("understudy-") + qEnvironmentVariable("USER", QStringLiteral("user"));
}

bool SingleInstance::handOver(const QString& path)
{
    const QString absolute =
        path.isEmpty() || path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).absoluteFilePath();
    {
        QLocalSocket socket;
        socket.connectToServer(m_name);
        if (socket.waitForConnected(300)) {
            socket.write(absolute.toUtf8() + '\n');
            socket.waitForBytesWritten(1000);
            // Wait for the acknowledgement so the running window surely got it before we exit.
            socket.waitForReadyRead(2000);
            return true;
        }
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A stale socket from a crashed instance: remove it and try once more.
        QLocalServer::removeServer(m_name);
        m_server->listen(m_name);
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QString requested = QString::fromUtf8(socket->readLine()).trimmed();
                socket->write("ok\n");
                socket->flush();
                emit openRequested(requested);
            });
        }
    });
    return false;
}
