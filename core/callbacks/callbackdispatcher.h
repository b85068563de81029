// SPDX-License-Identifier: MIT
// Sends planned callbacks from the thread it lives on, a bounded number at a time, and reports each outcome.
#pragma once

#include <deque>
#include <functional>

#include <QDateTime>
#include <QObject>

#include "core/callbacks/callbackplanner.h"
#include "core/proxy/upstreamclient.h"

struct CallbackOutcome
{
    CallbackCall call;
    UpstreamReply reply; // status 0: no answer (reply.error says why)
    QDateTime sent; // UTC
};

// At most kMaxInFlight calls at once and kMaxQueued waiting: past that a call is dropped and counted, so a client
// cannot make the mock grow without bound. Every call has a timeout; nothing blocks.
class CallbackDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackDispatcher)

public:
    static constexpr int kMaxInFlight = 16;
    static constexpr int kMaxQueued = 256;
    static constexpr qint64 kMaxAnswerBytes = 1 << 20; // a longer answer is cut off and reported as an error

    explicit CallbackDispatcher(QObject* parent = nullptr);
    ~CallbackDispatcher() override;

    // Called once per sent call, on this object's thread.
    void setOnFinished(std::function<void(CallbackOutcome)> done)
    {
        m_done = std::move(done);
    }
    void setTimeoutMs(int ms)
    {
        m_timeoutMs = ms;
    }
    // False: the queue is full and `call` is dropped (counted in dropped()).
    bool enqueue(CallbackCall call);
    quint64 dropped() const
    {
        return m_dropped;
    }
    int inFlight() const
    {
        return m_inFlight;
    }
    int queued() const
    {
        return int(m_queue.size());
    }

private:
    void pump();

    UpstreamClient* m_client = nullptr;
    std::deque<CallbackCall> m_queue;
    std::function<void(CallbackOutcome)> m_done;
    int m_inFlight = 0;
    int m_timeoutMs = 10000;
    quint64 m_dropped = 0;
};
