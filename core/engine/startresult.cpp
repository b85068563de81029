// SPDX-License-Identifier: MIT
#include "core/engine/startresult.h"

StartError StartResult::fromSocketError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return StartError::PortTaken;
    case QAbstractSocket::SocketAccessError:
        return StartError::PermissionDenied;
    case QAbstractSocket::SocketAddressNotAvailableError:
        return StartError::AddressNotAvailable;
    default:
        return StartError::Other;
    }
}
