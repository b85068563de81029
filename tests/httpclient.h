// SPDX-License-Identifier: MIT
// A tiny raw HTTP/1.1 client for tests: exact bytes out, status/headers/body back, pipelining-aware.
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

namespace TestHttp {

// The bytes of one HTTP/1.1 request to localhost. `headers` are whole "Name: value\r\n" lines; a non-empty
// body gets its Content-Length.
inline QByteArray request(
    const QByteArray& method, const QByteArray& target, const QByteArray& headers = {}, const QByteArray& body = {})
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers;
    if (!body.isEmpty())
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

// One response as read off the socket.
struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray& name) const
    {
        for (const QByteArray& line : head.split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Reads one response from `socket` (Content-Length framed; no body for HEAD/204/304). Bytes of a following
// pipelined response stay in `pending` for the next call.
inline RawResponse readResponse(QTcpSocket& socket, QByteArray& pending, bool headRequest = false)
{
    RawResponse r;
    QElapsedTimer timer;
    timer.start();
    while (!pending.contains("\r\n\r\n") && timer.elapsed() < 5000) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)
            && socket.state() != QAbstractSocket::ConnectedState)
            break;
        pending += socket.readAll();
    }
    const int end = pending.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    r.head = pending.left(end);
    pending.remove(0, end + 4);
    r.status = r.head.mid(9, 3).toInt();
    const int length = r.header("Content-Length").toInt();
    const bool bodyless = headRequest || r.status == 204 || r.status == 304;
    if (bodyless)
        return r;
    while (pending.size() < length && timer.elapsed() < 5000)
        if (socket.waitForReadyRead(100))
            pending += socket.readAll();
    r.body = pending.left(length);
    pending.remove(0, length);
    return r;
}

inline RawResponse readResponse(QTcpSocket& socket, bool headRequest = false)
{
    QByteArray pending;
    return readResponse(socket, pending, headRequest);
}

inline RawResponse roundTrip(quint16 port, const QByteArray& request, bool head = false)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(request);
    return readResponse(socket, head);
}

} // namespace TestHttp
