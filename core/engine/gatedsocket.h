// SPDX-License-Identifier: MIT
// One client connection whose bytes pass a strict framing gate before QtHttpServer's parser sees any of them.
#pragma once

#include <memory>

#include <QTcpSocket>

#include "core/engine/serverlimits.h"
#include "core/http/hostpolicy.h"
#include "core/http/httpresponse.h"
#include "core/http/requestframing.h"
#include "core/scenarios/scenario.h"

// How it works (QtHttpServer 6.4): QAbstractHttpServer connects its parser to the socket's readyRead() after
// nextPendingConnection(); this socket connects its own slot in the constructor, so the gate always runs first.
// The gate copies every received byte out of QIODevice's buffer inside a read transaction of its own, so the bytes
// stay invisible to Qt's parser (which reads from the same transaction position) and, while the gate holds them,
// count against readBufferSize, which stops reading from the kernel (TCP backpressure). Qt's parser reads only
// through readData(), which hands out exactly one complete, validated request at a time (a chunked body is decoded
// and handed over with Content-Length); a refused request is answered here and the connection closed. The next
// request is handed over only after the previous answer was written (pipelined answers stay in order), and only
// while the unsent output is under the limit.
class GatedSocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatedSocket)

public:
    struct Config
    {
        ServerLimits limits; // clamped
        FramingLimits framing;
        HostPolicy hosts;
    };
    using ConfigPtr = std::shared_ptr<const Config>;

    GatedSocket(ConfigPtr config, QObject* parent);
    ~GatedSocket() override;

    // The head of the request handed to Qt (valid while its answer is pending).
    const RequestHead& currentHead() const
    {
        return m_head;
    }
    bool awaitingResponse() const
    {
        return m_phase == Phase::Handed;
    }

    // Writes the answer to the request handed to Qt (Content-Length and Connection added), closes the connection
    // when the request asked for it (HTTP/1.0 without keep-alive, Connection: close), then goes on with the next.
    // A response with `chunks` is streamed to HTTP/1.1 clients: chunked transfer coding, one chunk every
    // `chunkIntervalMs`; the next request is read only after the last chunk.
    void sendResponse(HttpResponse response, bool headRequest);
    // Acts out a scenario fault instead of the answer to the request handed to Qt: reset (RST), close after the
    // head, empty (close without a byte), garbage (non-HTTP bytes, then close) or timeout (no answer; the connection
    // is cut when its idle limit runs out).
    void sendFault(FaultSpec::Kind kind, const HttpResponse& response, bool headRequest);
    // Answers 503 and closes: the server is at its connection cap.
    void refuseBusy();
    // Called a few times a second by the server: ends connections whose header, body or idle time ran out.
    void checkDeadline(qint64 nowMs);

    qint64 bytesAvailable() const override;

    // A monotonic clock in milliseconds shared by the gate and its server.
    static qint64 nowMs();

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    enum class Phase
    {
        Head,
        Body,
        Handed,
        Streaming, // the answer's chunks are being sent
        Closing
    };

    void onReadyRead();
    void onBytesWritten();
    void pump();
    void intake();
    void process();
    void release(QByteArray request);
    void schedulePump();
    void refuse(const FramingError& error);
    void writeAndClose(HttpResponse response);
    void writeNextChunk();
    void answered(bool keepAlive); // the whole answer is written: close, or go on with the next request
    void shutdownWrite();
    static QByteArray serialize(const HttpResponse& response, bool withBody);

    ConfigPtr m_config;
    Phase m_phase = Phase::Head;
    QByteArray m_in; // bytes received and not yet handed over
    qsizetype m_inPos = 0;
    qsizetype m_scanFrom = 0;
    RequestHead m_head;
    qsizetype m_bodyOffset = 0; // in m_in
    ChunkedDecoder m_chunked;
    qsizetype m_chunkPos = 0;
    QByteArray m_chunkHead; // the head rewritten for the decoded body
    QByteArray m_decoded;
    QByteArray m_release; // what readData() hands to Qt's parser
    qsizetype m_releasePos = 0;
    QByteArray m_allowedHost; // the last Host value that passed the check
    qint64 m_held = 0; // bytes copied out of QIODevice's buffer since our transaction was last committed
    bool m_refill = false; // QAbstractSocket may have stopped reading: wake it once its buffer is free
    bool m_draining = false;
    bool m_inReadyRead = false;
    bool m_pumpQueued = false;
    bool m_outputPaused = false;
    bool m_shutdownPending = false;
    QByteArrayList m_chunks; // of the answer being streamed
    qsizetype m_chunkIndex = 0;
    int m_chunkIntervalMs = 0;
    bool m_streamKeepAlive = true;
    quint64 m_served = 0;
    qint64 m_headStartMs = -1;
    qint64 m_lastInputMs = 0;
    qint64 m_lastOutputMs = 0;
    qint64 m_idleSinceMs = 0;
    qint64 m_closingSinceMs = 0;
    qint64 m_stalledSinceMs = -1; // a timeout fault: the answer never comes
};
