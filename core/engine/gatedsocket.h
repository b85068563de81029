// SPDX-License-Identifier: MIT
// One client connection whose bytes pass a strict framing gate before QtHttpServer's parser sees any of them.
#pragma once

#include <functional>
#include <memory>

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
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
//
// HTTPS: the same gate runs over QSslSocket (GatedSslSocket), whose QIODevice buffer holds the decrypted bytes, so
// the framing checks, limits and timeouts see exactly what Qt's parser would; the listener hands the socket over
// only once the handshake is done (see GatedTcpServer).
//
// What MockServer and GatedTcpServer use, for plain and TLS connections alike.
class QSocketNotifier;

class GatedConnection
{
public:
    struct Config
    {
        ServerLimits limits; // clamped
        FramingLimits framing;
        HostPolicy hosts;
        bool tls = false; // connections speak TLS with `tlsConfiguration` (certificate and key)
        QSslConfiguration tlsConfiguration;
        // Serves a request the gate read itself; it is answered later with sendResponse or sendFault. Requests
        // in origin form ("/path?query") with a method Qt names and no chunked body take this way, which skips Qt's
        // parser (most of the per-request cost); any other request is handed to Qt's parser. Unset: always Qt's.
        std::function<void(QTcpSocket* socket, HttpRequest&& request)> serve;
    };
    using ConfigPtr = std::shared_ptr<const Config>;

    virtual ~GatedConnection() = default;
    // The gate of a socket accepted by GatedTcpServer, or null.
    static GatedConnection* of(QObject* socket)
    {
        return dynamic_cast<GatedConnection*>(socket);
    }

    // The head of the request handed to Qt (valid while its answer is pending).
    virtual const RequestHead& currentHead() const = 0;
    virtual bool awaitingResponse() const = 0;
    // Writes the answer to the request handed to Qt (Content-Length and Connection added), closes the connection
    // when the request asked for it (HTTP/1.0 without keep-alive, Connection: close), then goes on with the next.
    // A response with `chunks` is streamed to HTTP/1.1 clients: chunked transfer coding, one chunk every
    // `chunkIntervalMs`; the next request is read only after the last chunk.
    virtual void sendResponse(HttpResponse response, bool headRequest) = 0;
    // Acts out a scenario fault instead of the answer to the request handed to Qt: reset (RST), close after the
    // head, empty (close without a byte), garbage (non-HTTP bytes, then close) or timeout (no answer; the connection
    // is cut when its idle limit runs out).
    virtual void sendFault(FaultSpec::Kind kind, const HttpResponse& response, bool headRequest) = 0;
    // Answers 503 and closes: the server is at its connection cap.
    virtual void refuseBusy() = 0;
    // Called a few times a second by the server: ends connections whose header, body or idle time ran out.
    virtual void checkDeadline(qint64 nowMs) = 0;

    // A monotonic clock in milliseconds shared by the gate and its server.
    static qint64 nowMs();
};

// The gate over a socket class (QTcpSocket or QSslSocket).
template<typename Base>
class GatedSocketBase : public Base, public GatedConnection
{
    Q_DISABLE_COPY_MOVE(GatedSocketBase)

public:
    GatedSocketBase(ConfigPtr config, QObject* parent);
    ~GatedSocketBase() override;

    const RequestHead& currentHead() const override
    {
        return m_head;
    }
    bool awaitingResponse() const override
    {
        return m_phase == Phase::Handed;
    }

    void sendResponse(HttpResponse response, bool headRequest) override;
    void sendFault(FaultSpec::Kind kind, const HttpResponse& response, bool headRequest) override;
    void refuseBusy() override;
    void checkDeadline(qint64 nowMs) override;

    qint64 bytesAvailable() const override;

    // Names of the socket class, for the gate's code (a dependent base hides them otherwise).
    using Base::abort;
    using Base::bytesToWrite;
    using Base::commitTransaction;
    using Base::ConnectedState;
    using Base::disconnectFromHost;
    using Base::flush;
    using Base::isTransactionStarted;
    using Base::read;
    using Base::readyRead;
    using Base::setReadBufferSize;
    using Base::socketDescriptor;
    using Base::startTransaction;
    using Base::state;
    using Base::write;

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
    void markHanded(); // a request is being answered: read no further one until then
    bool serveDirectly(RequestHead& head, QByteArrayView body); // false: Qt's parser must read this request
    const QString& peerText();
    void schedulePump();
    void refuse(const FramingError& error);
    void writeAndClose(HttpResponse response);
    void writeNextChunk();
    void answered(bool keepAlive); // the whole answer is written: close, or go on with the next request
    void shutdownWrite();
    void pauseReading(bool paused);
    qint64 unsent() const; // bytes written and not yet handed to the kernel
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
    QString m_peerText; // the client's address as text, made once
    qint64 m_held = 0; // bytes copied out of QIODevice's buffer since our transaction was last committed
    bool m_refill = false; // QAbstractSocket may have stopped reading: wake it once its buffer is free
    bool m_draining = false;
    bool m_inReadyRead = false;
    bool m_pumpQueued = false;
    bool m_outputPaused = false;
    bool m_shutdownPending = false;
    bool m_readingPaused = false;
    QPointer<QSocketNotifier> m_readNotifier; // the kernel socket's, found on first use
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

// A plain HTTP connection.
class GatedSocket final : public GatedSocketBase<QTcpSocket>
{
    Q_OBJECT

public:
    using GatedSocketBase::GatedSocketBase;
};

// An HTTPS connection: the gate reads the decrypted bytes.
class GatedSslSocket final : public GatedSocketBase<QSslSocket>
{
    Q_OBJECT

public:
    using GatedSocketBase::GatedSocketBase;
};
