// SPDX-License-Identifier: MIT
// Why the mock could not start listening, as a value: a kind to act on and a sentence to show.
#pragma once

#include <QAbstractSocket>
#include <QMetaType>
#include <QString>

enum class StartError
{
    None,
    PortTaken, // another program listens on the port
    PermissionDenied, // e.g. a port below 1024 without the right to bind it
    AddressNotAvailable, // the host is not an address of this computer
    ConfigOff, // redocly.yaml says mockServer.off: true
    Other, // no definition loaded, or any other socket error
};

struct StartResult
{
    StartError error = StartError::None;
    QString message; // readable reason; empty on success
    quint16 port = 0; // the bound port on success

    bool ok() const
    {
        return error == StartError::None;
    }
    explicit operator bool() const
    {
        return ok();
    }

    // The kind of a failed bind.
    static StartError fromSocketError(QAbstractSocket::SocketError error);
};

Q_DECLARE_METATYPE(StartError)
