// SPDX-License-Identifier: MIT
// A tiny upstream server for proxy tests: answers each request on the test's thread with whatever the test says.
#pragma once

#include <functional>

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "httpclient.h"

namespace TestUpstream {

struct Seen
{
    QByteArray method;
    QByteArray target; // path and query as received
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

// One raw answer: "HTTP/1.1 200 OK\r\n" + headers + Content-Length + body.
inline QByteArray answer(int status, const QByteArray& headers, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + headers
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// Listens on 127.0.0.1, any free port. Every complete request is recorded and answered by `reply` (an empty
// answer: no answer at all, the connection stays open), then the connection is closed.
class Server : public QTcpServer
{
public:
    std::function<QByteArray(const Seen&)> reply;
    QList<Seen> seen;

    Server()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                auto* buffer = new QByteArray;
                connect(socket, &QObject::destroyed, [buffer] { delete buffer; });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    Seen request;
                    if (!parse(*buffer, &request))
                        return;
                    buffer->clear();
                    seen.append(request);
                    const QByteArray bytes = reply ? reply(request) : answer(200, {}, {});
                    if (bytes.isEmpty())
                        return;
                    socket->write(bytes);
                    socket->disconnectFromHost();
                });
            }
        });
    }

private:
    static bool parse(const QByteArray& bytes, Seen* out)
    {
        const int end = bytes.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = bytes.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        out->method = first.value(0);
        out->target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const int colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            out->headers.append({ name, value });
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (bytes.size() < end + 4 + length)
            return false;
        out->body = bytes.mid(end + 4, length);
        return true;
    }
};

// A request answered while the test's event loop runs (the upstream lives on this thread too).
inline TestHttp::RawResponse fetch(quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(request);
    QByteArray pending;
    const auto complete = [&] {
        pending += socket.readAll();
        const int end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        TestHttp::RawResponse head;
        head.head = pending.left(end);
        const bool bodyless = request.startsWith("HEAD") || head.head.mid(9, 3) == "204";
        return bodyless || pending.size() >= end + 4 + head.header("Content-Length").toInt();
    };
    if (!QTest::qWaitFor(complete, 15000))
        return {};
    return TestHttp::readResponse(socket, pending, request.startsWith("HEAD"));
}

} // namespace TestUpstream
