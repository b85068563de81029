// SPDX-License-Identifier: MIT
#include "core/proxy/upstreamclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

UpstreamClient::UpstreamClient(QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

UpstreamClient::~UpstreamClient() = default;

void UpstreamClient::send(const QByteArray& method, const QUrl& url, const HeaderList& headers, const QByteArray& body,
    int timeoutMs, qint64 maxBody, QObject* context, std::function<void(UpstreamReply)> done)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    bool acceptEncoding = false;
    for (const auto& h : headers) {
        // Repeated headers are joined, as a proxy may (RFC 9110 5.3).
        const QByteArray old = request.rawHeader(h.first);
        request.setRawHeader(h.first, old.isEmpty() ? h.second : old + ", " + h.second);
        acceptEncoding = acceptEncoding || h.first.compare("Accept-Encoding", Qt::CaseInsensitive) == 0;
    }
    // Without it Qt would ask for gzip and unpack the answer itself: the client would not get the bytes sent.
    if (!acceptEncoding)
        request.setRawHeader("Accept-Encoding", "identity");

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // HEAD through its own call: as a custom verb Qt would wait for the body its Content-Length announces.
    QNetworkReply* reply =
        method == "HEAD" ? m_manager->head(request) : m_manager->sendCustomRequest(request, method, body);
    ++m_inFlight;
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    auto tooLarge = std::make_shared<bool>(false);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(std::max(1, timeoutMs));
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBody, tooLarge](qint64 received, qint64) {
        if (received > maxBody && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    const QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, timer, timeoutMs, maxBody, timedOut, tooLarge, guard, done = std::move(done)] {
            --m_inFlight;
            UpstreamReply r;
            r.elapsedUs = timer->nsecsElapsed() / 1000;
            reply->deleteLater();
            const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (*timedOut) {
                r.timedOut = true;
                r.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
            } else if (*tooLarge) {
                r.error = QStringLiteral("the answer's body is larger than %1 bytes").arg(maxBody);
            } else if (status.isValid() && status.toInt() > 0) {
                r.status = status.toInt();
                r.headers = reply->rawHeaderPairs();
                r.body = reply->readAll();
            } else {
                r.error = reply->errorString();
            }
            if (guard)
                done(std::move(r));
        });
}
