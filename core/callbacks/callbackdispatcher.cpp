// SPDX-License-Identifier: MIT
#include "core/callbacks/callbackdispatcher.h"

CallbackDispatcher::CallbackDispatcher(QObject* parent)
    : QObject(parent)
    , m_client(new UpstreamClient(this))
{ }

CallbackDispatcher::~CallbackDispatcher() = default;

bool CallbackDispatcher::enqueue(CallbackCall call)
{
    if (int(m_queue.size()) >= kMaxQueued) {
        ++m_dropped;
        return false;
    }
    m_queue.push_back(std::move(call));
    pump();
    return true;
}

void CallbackDispatcher::pump()
{
    while (m_inFlight < kMaxInFlight && !m_queue.empty()) {
        CallbackCall call = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_inFlight;
        const QDateTime sent = QDateTime::currentDateTimeUtc();
        const QByteArray method = call.method;
        const QUrl url = call.url;
        const HeaderList headers = call.headers;
        const QByteArray body = call.body;
        m_client->send(method, url, headers, body, m_timeoutMs, kMaxAnswerBytes, this,
            [this, call = std::move(call), sent](UpstreamReply reply) mutable {
                --m_inFlight;
                if (m_done)
                    m_done(CallbackOutcome { std::move(call), std::move(reply), sent });
                pump();
            });
    }
}
