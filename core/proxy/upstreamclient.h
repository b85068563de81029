// SPDX-License-Identifier: MIT
// Sends one request to the upstream and reports its whole answer later; never blocks the thread it lives on.
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>
#include <QUrl>

#include "core/http/httprequest.h"

class QNetworkAccessManager;

struct UpstreamReply
{
    int status = 0; // 0: no answer (see error)
    HeaderList headers; // as the upstream sent them
    QByteArray body;
    QString error; // "Connection refused", "timed out after 10000 ms", ...
    bool timedOut = false;
    qint64 elapsedUs = 0;
    bool answered() const
    {
        return status > 0;
    }
};

// Lives on one serving thread and owns that thread's QNetworkAccessManager (connections to the upstream are kept
// alive and reused per thread). Redirects are not followed (the client sees them), cookies are neither stored
// nor added, and a body is never decompressed: the client gets exactly what the upstream sent.
class UpstreamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamClient)

public:
    explicit UpstreamClient(QObject* parent = nullptr);
    ~UpstreamClient() override;

    // `done` is called once on this object's thread, unless `context` is destroyed first (then never).
    // `timeoutMs` bounds the whole exchange; `maxBody` bounds the answer's body (larger: an error, no answer).
    void send(const QByteArray& method, const QUrl& url, const HeaderList& headers, const QByteArray& body,
        int timeoutMs, qint64 maxBody, QObject* context, std::function<void(UpstreamReply)> done);

    int inFlight() const
    {
        return m_inFlight;
    }

private:
    QNetworkAccessManager* m_manager = nullptr;
    int m_inFlight = 0;
};
