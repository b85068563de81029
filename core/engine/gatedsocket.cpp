// SPDX-License-Identifier: MIT
#include "core/engine/gatedsocket.h"

#include <cstdio>
#include <cstring>
#include <type_traits>

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include "core/http/problem.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {
constexpr qint64 readBufferBytes = 256 * 1024;
constexpr qint64 lingerMs = 2000; // how long a closing connection may keep sending before it is cut

// The head of a chunked request as Qt will read it: Transfer-Encoding dropped, the decoded length given.
QByteArray rewriteChunkedHead(QByteArrayView head, qsizetype bodySize)
{
    QByteArray out;
    out.reserve(head.size() + 32);
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            nl = head.size();
        QByteArrayView line = head.sliced(pos, nl - pos);
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        if (line.size() >= 18 && line.first(18).compare("transfer-encoding:", Qt::CaseInsensitive) == 0)
            continue;
        out += line;
        out += "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(bodySize) + "\r\n\r\n";
    return out;
}
} // namespace

template<typename Base>
GatedSocketBase<Base>::GatedSocketBase(ConfigPtr config, QObject* parent)
    : Base(parent)
    , m_config(std::move(config))
{
    // Connected before QAbstractHttpServer connects its parser (it gets the socket later, from
    // nextPendingConnection), so this slot runs first on every readyRead.
    QObject::connect(this, &QIODevice::readyRead, this, &GatedSocketBase::onReadyRead);
    QObject::connect(this, &QIODevice::bytesWritten, this, &GatedSocketBase::onBytesWritten);
    // Over TLS, bytesWritten() says a plaintext was encrypted; the encrypted bytes leave later.
    if constexpr (std::is_base_of_v<QSslSocket, Base>)
        QObject::connect(this, &QSslSocket::encryptedBytesWritten, this, &GatedSocketBase::onBytesWritten);
    setReadBufferSize(readBufferBytes);
    m_idleSinceMs = m_lastInputMs = m_lastOutputMs = nowMs();
}

template<typename Base>
GatedSocketBase<Base>::~GatedSocketBase() = default;

qint64 GatedConnection::nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

template<typename Base>
qint64 GatedSocketBase<Base>::bytesAvailable() const
{
    return Base::bytesAvailable() + (m_release.size() - m_releasePos);
}

template<typename Base>
qint64 GatedSocketBase<Base>::readData(char* data, qint64 maxSize)
{
    if (m_draining)
        return Base::readData(data, maxSize);
    const qint64 left = m_release.size() - m_releasePos;
    if (left <= 0)
        return state() == ConnectedState ? 0 : -1;
    const qint64 n = std::min(maxSize, left);
    memcpy(data, m_release.constData() + m_releasePos, size_t(n));
    m_releasePos += n;
    if (m_releasePos == m_release.size()) {
        m_release.resize(0);
        m_releasePos = 0;
    }
    return n;
}

template<typename Base>
void GatedSocketBase<Base>::onReadyRead()
{
    m_inReadyRead = true;
    pump();
    m_inReadyRead = false;
}

template<typename Base>
void GatedSocketBase<Base>::onBytesWritten()
{
    m_lastOutputMs = nowMs();
    if (m_shutdownPending && unsent() == 0) {
        m_shutdownPending = false;
        shutdownWrite();
    }
    if (m_outputPaused && unsent() <= m_config->limits.maxPendingOutputBytes / 2) {
        m_outputPaused = false;
        m_idleSinceMs = nowMs();
        schedulePump();
    }
}

template<typename Base>
void GatedSocketBase<Base>::intake()
{
    // Inside our own transaction: Qt's parser reads from the transaction position, which this moves past every
    // received byte, so the parser never sees them.
    if (!isTransactionStarted())
        startTransaction();
    m_draining = true;
    const qint64 buffered = Base::bytesAvailable();
    if (buffered > 0) {
        const qsizetype old = m_in.size();
        m_in.resize(old + buffered);
        const qint64 got = read(m_in.data() + old, buffered);
        m_in.resize(old + std::max<qint64>(got, 0));
        m_held += std::max<qint64>(got, 0);
        m_lastInputMs = nowMs();
    }
    // When QAbstractSocket's buffer was full it stopped reading from the kernel; only a read that reaches
    // readData() starts it again, and that must happen once the buffer was freed (after a commit). Skipped when
    // the buffer never filled: it costs a system call per request.
    if (m_held >= readBufferBytes / 2)
        m_refill = true;
    if (m_refill) {
        char byte;
        const qint64 got = read(&byte, 1);
        if (got == 1) {
            m_in.append(byte);
            ++m_held;
        }
        if (m_held < readBufferBytes / 2)
            m_refill = false;
    }
    m_draining = false;
}

template<typename Base>
void GatedSocketBase<Base>::pump()
{
    const bool hold = m_phase == Phase::Handed || m_phase == Phase::Streaming || m_outputPaused;
    // Committing frees what was copied, so the socket reads on; holding keeps it, which stops reading once
    // readBufferSize is reached.
    if (!hold && isTransactionStarted()) {
        commitTransaction();
        m_held = 0;
    }
    intake();
    if (m_phase == Phase::Closing) {
        m_in.clear();
        m_inPos = 0;
        commitTransaction();
        m_held = 0;
        return;
    }
    if (hold)
        return;
    process();
    if (m_phase == Phase::Head || m_phase == Phase::Body)
        pauseReading(false); // more bytes are needed
}

template<typename Base>
void GatedSocketBase<Base>::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            const bool wasHanded = m_phase == Phase::Handed;
            pump();
            // Qt's parser only runs on readyRead: wake it for a request handed over outside of one.
            if (!wasHanded && m_phase == Phase::Handed)
                emit readyRead();
        },
        Qt::QueuedConnection);
}

template<typename Base>
void GatedSocketBase<Base>::process()
{
    const qint64 now = nowMs();
    if (m_phase == Phase::Head) {
        const QByteArrayView pending = QByteArrayView(m_in).sliced(m_inPos);
        if (pending.isEmpty()) {
            m_in.resize(0);
            m_inPos = 0;
            m_scanFrom = 0;
            return;
        }
        if (m_headStartMs < 0)
            m_headStartMs = now;
        RequestHead head;
        FramingError error;
        switch (RequestFraming::parseHead(pending, m_config->framing, &m_scanFrom, &head, &error)) {
        case RequestFraming::Status::Incomplete:
            return;
        case RequestFraming::Status::Refused:
            refuse(error);
            return;
        case RequestFraming::Status::Complete:
            break;
        }
        if (head.host != m_allowedHost && !m_config->hosts.allows(head.host)) {
            refuse(FramingError { 421, QStringLiteral("misdirected-request"), QStringLiteral("Misdirected request"),
                QStringLiteral("This mock does not answer for the host '%1'; allow it with --allowed-host")
                    .arg(QString::fromLatin1(head.host.left(100))) });
            return;
        }
        m_allowedHost = head.host;
        m_head = head;
        m_scanFrom = 0;
        m_headStartMs = -1;
        if (head.body == RequestHead::Body::None) {
            const qsizetype start = m_inPos + head.start, size = head.end - head.start;
            m_inPos += head.end;
            if (serveDirectly(head, {}))
                return;
            release(m_in.mid(start, size));
            return;
        }
        m_bodyOffset = m_inPos + head.end;
        m_phase = Phase::Body;
        if (head.body == RequestHead::Body::Chunked) {
            m_chunked = ChunkedDecoder();
            m_chunkHead = pending.sliced(head.start, head.end - head.start).toByteArray();
            m_decoded.clear();
            m_in.remove(0, m_bodyOffset);
            m_inPos = 0;
            m_bodyOffset = 0;
            m_chunkPos = 0;
        }
        if (head.expectContinue && m_in.size() == m_bodyOffset)
            write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (m_phase == Phase::Body) {
        if (m_head.body == RequestHead::Body::Length) {
            if (m_in.size() - m_bodyOffset < m_head.contentLength)
                return;
            const qsizetype start = m_inPos + m_head.start;
            const qsizetype size = m_bodyOffset + m_head.contentLength - start;
            m_inPos = m_bodyOffset + m_head.contentLength;
            if (serveDirectly(m_head, QByteArrayView(m_in).sliced(m_bodyOffset, m_head.contentLength)))
                return;
            release(m_in.mid(start, size));
            return;
        }
        FramingError error;
        const ChunkedDecoder::Status status = m_chunked.feed(m_in, &m_chunkPos, &m_decoded, m_config->framing, &error);
        if (status == ChunkedDecoder::Status::Refused) {
            refuse(error);
            return;
        }
        m_in.remove(0, m_chunkPos);
        m_chunkPos = 0;
        if (status == ChunkedDecoder::Status::NeedMore)
            return;
        QByteArray request = rewriteChunkedHead(m_chunkHead, m_decoded.size());
        request += m_decoded;
        m_decoded.clear();
        m_chunkHead.clear();
        m_head.contentLength = request.size();
        release(std::move(request));
    }
}

template<typename Base>
void GatedSocketBase<Base>::release(QByteArray request)
{
    m_release = std::move(request);
    m_releasePos = 0;
    markHanded();
    // Inside readyRead, Qt's parser runs right after this slot; elsewhere it needs a readyRead of its own,
    // emitted by schedulePump's call.
}

template<typename Base>
void GatedSocketBase<Base>::markHanded()
{
    m_phase = Phase::Handed;
    pauseReading(true);
    if (m_inPos >= m_in.size()) {
        m_in.resize(0);
        m_inPos = 0;
    }
}

template<typename Base>
const QString& GatedSocketBase<Base>::peerText()
{
    if (m_peerText.isNull())
        m_peerText = Base::peerAddress().toString();
    return m_peerText;
}

template<typename Base>
bool GatedSocketBase<Base>::serveDirectly(RequestHead& head, QByteArrayView body)
{
    if (!m_config->serve || !head.target.startsWith('/'))
        return false;
    // The methods QtHttpServer 6.4 names; for any other, its parser reports what the server does with it.
    static const QByteArray named[] = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" };
    if (std::find(std::begin(named), std::end(named), head.method) == std::end(named))
        return false;
    HttpRequest request;
    request.method = head.method;
    request.setTarget(head.target);
    request.headers = std::move(head.fields);
    request.body = body.toByteArray();
    request.remoteAddress = peerText();
    request.httpVersion = head.minorVersion == 0 ? QByteArrayLiteral("1.0") : QByteArrayLiteral("1.1");
    markHanded();
    m_config->serve(this, std::move(request));
    return true;
}

template<typename Base>
void GatedSocketBase<Base>::sendResponse(HttpResponse response, bool headRequest)
{
    if (m_phase != Phase::Handed)
        return;
    if (m_inPos > 0) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
    m_release.clear();
    m_releasePos = 0;
    const bool bodyAllowed = HttpResponse::statusAllowsBody(response.status);
    if (!bodyAllowed)
        response.body.clear();
    else
        response.setHeader(QByteArrayLiteral("Content-Length"), response.contentLength(headRequest));
    const bool keepAlive = m_head.keepAlive && response.header(QByteArrayLiteral("Connection")).toLower() != "close";
    if (!keepAlive)
        response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    else if (m_head.minorVersion == 0)
        response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive"));
    if (bodyAllowed && !headRequest && m_head.minorVersion >= 1 && !response.chunks.isEmpty()) {
        response.removeHeader(QByteArrayLiteral("Content-Length"));
        response.setHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
        write(serialize(response, false));
        m_chunks = std::move(response.chunks);
        m_chunkIndex = 0;
        m_chunkIntervalMs = response.chunkIntervalMs;
        m_streamKeepAlive = keepAlive;
        m_phase = Phase::Streaming;
        writeNextChunk();
        return;
    }
    write(serialize(response, !headRequest));
    answered(keepAlive);
}

template<typename Base>
void GatedSocketBase<Base>::writeNextChunk()
{
    if (m_phase != Phase::Streaming)
        return;
    if (m_chunkIndex < m_chunks.size()) {
        const QByteArray& chunk = m_chunks.at(m_chunkIndex++);
        if (!chunk.isEmpty())
            write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        flush();
        if (m_chunkIndex < m_chunks.size()) {
            // The timer dies with the socket: a client that leaves mid-stream ends it.
            QTimer::singleShot(m_chunkIntervalMs, this, &GatedSocketBase::writeNextChunk);
            return;
        }
    }
    write("0\r\n\r\n");
    m_chunks.clear();
    answered(m_streamKeepAlive);
}

template<typename Base>
void GatedSocketBase<Base>::answered(bool keepAlive)
{
    ++m_served;
    if (!keepAlive) {
        pauseReading(false); // to read and drop what the client still sends while the answer drains
        m_phase = Phase::Closing;
        m_closingSinceMs = nowMs();
        flush();
        if (unsent() == 0)
            shutdownWrite();
        else
            m_shutdownPending = true;
        return;
    }
    m_phase = Phase::Head;
    m_idleSinceMs = nowMs();
    if (unsent() > m_config->limits.maxPendingOutputBytes) {
        m_outputPaused = true;
        m_lastOutputMs = nowMs();
        return;
    }
    // Bytes of the next request may already be here (pipelining): the pump hands it over, and reading stays paused
    // until a request is incomplete (so a FIN behind them is seen only after their answers). Otherwise the next
    // request's arrival wakes the gate.
    if (m_inPos < m_in.size() || Base::bytesAvailable() > 0) {
        schedulePump();
    } else {
        // Nothing else to answer: write now instead of on the next turn of the event loop (which would poll() once
        // more only to learn that the socket is writable). Pipelined answers still leave together.
        flush();
        pauseReading(false);
    }
}

template<typename Base>
void GatedSocketBase<Base>::sendFault(FaultSpec::Kind kind, const HttpResponse& answer, bool headRequest)
{
    if (m_phase != Phase::Handed)
        return;
    m_release.clear();
    m_releasePos = 0;
    m_in.clear();
    m_inPos = 0;
    ++m_served;
    switch (kind) {
    case FaultSpec::Kind::Timeout:
        // Stay "handed" (no further request is read) and say nothing; checkDeadline cuts it at the idle limit.
        m_stalledSinceMs = nowMs();
        return;
    case FaultSpec::Kind::Reset: {
#ifdef Q_OS_UNIX
        // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        const struct linger hard = { 1, 0 };
        ::setsockopt(int(socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
#endif
        m_phase = Phase::Closing;
        abort();
        return;
    }
    case FaultSpec::Kind::Close: {
        HttpResponse response = answer;
        if (HttpResponse::statusAllowsBody(response.status))
            response.setHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
        // The head promises a body that never comes; with no body to cut short, the head itself ends early (no
        // blank line after the headers).
        QByteArray head = serialize(response, false);
        if (headRequest || response.body.isEmpty())
            head.chop(2);
        write(head);
        break;
    }
    case FaultSpec::Kind::Garbage:
        write(QByteArrayLiteral("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1 #!~garbage from understudy: this is not "
                                "HTTP\x00\xff\xfe\r\n\r\n"));
        break;
    case FaultSpec::Kind::Empty:
    case FaultSpec::Kind::Status:
    case FaultSpec::Kind::None:
        break;
    }
    pauseReading(false);
    m_phase = Phase::Closing;
    m_closingSinceMs = nowMs();
    flush();
    if (unsent() == 0)
        shutdownWrite();
    else
        m_shutdownPending = true;
}

template<typename Base>
void GatedSocketBase<Base>::refuseBusy()
{
    QObject::connect(this, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
    Problem problem = Problem::make(503, QStringLiteral("too-many-connections"), QStringLiteral("Too many connections"),
        QStringLiteral("The mock has %1 open connections, its limit; try again shortly")
            .arg(m_config->limits.maxConnections));
    HttpResponse response = problem.toResponse();
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    writeAndClose(std::move(response));
}

template<typename Base>
void GatedSocketBase<Base>::refuse(const FramingError& error)
{
    writeAndClose(Problem::make(error.status, error.slug, error.title, error.detail).toResponse());
}

template<typename Base>
void GatedSocketBase<Base>::writeAndClose(HttpResponse response)
{
    response.setHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    write(serialize(response, true));
    m_phase = Phase::Closing;
    m_closingSinceMs = nowMs();
    m_in.clear();
    m_inPos = 0;
    flush();
    if (unsent() == 0)
        shutdownWrite();
    else
        m_shutdownPending = true;
}

template<typename Base>
void GatedSocketBase<Base>::shutdownWrite()
{
    // Half-close: the client reads the answer to its end, and whatever it still sends is read and dropped (not
    // left unread, which would make the kernel reset the connection and lose the answer). checkDeadline cuts a
    // client that keeps sending. Over TLS the connection ends with close_notify instead (a half-close would cut it).
    if constexpr (std::is_base_of_v<QSslSocket, Base>) {
        disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    if (state() == ConnectedState && ::shutdown(int(socketDescriptor()), SHUT_WR) == 0)
        return;
#endif
    disconnectFromHost();
}

template<typename Base>
void GatedSocketBase<Base>::pauseReading(bool paused)
{
    // While a request is being answered, the socket reads nothing more from the kernel. Pipelined requests wait
    // there, and above all a client's half-close (FIN after its request, as `nc -N` or `shutdown(SHUT_WR)` do) is
    // not seen yet: QAbstractSocket treats end-of-input as the end of the connection and would close it before an
    // answer made off the serving thread is written. Qt 6.4 has no call for this, so the read notifier of the
    // socket's engine (a child object) is switched off and on; reading from the buffer never turns it back on,
    // since readData() serves Qt's parser from m_release while a request is handed over.
    if (paused == m_readingPaused)
        return;
    if (!m_readNotifier) {
        const QList<QSocketNotifier*> notifiers = this->template findChildren<QSocketNotifier*>();
        for (QSocketNotifier* notifier : notifiers) {
            if (notifier->type() == QSocketNotifier::Read) {
                m_readNotifier = notifier;
                break;
            }
        }
        if (!m_readNotifier)
            return;
    }
    m_readingPaused = paused;
    if (paused)
        m_readNotifier->setEnabled(false);
    else if (state() == ConnectedState)
        m_readNotifier->setEnabled(true);
}

template<typename Base>
qint64 GatedSocketBase<Base>::unsent() const
{
    if constexpr (std::is_base_of_v<QSslSocket, Base>)
        return bytesToWrite() + this->encryptedBytesToWrite();
    else
        return bytesToWrite();
}

template<typename Base>
void GatedSocketBase<Base>::checkDeadline(qint64 now)
{
    const ServerLimits& l = m_config->limits;
    if constexpr (std::is_base_of_v<QSslSocket, Base>) {
        // The handshake counts as the start of the first request head.
        if (!this->isEncrypted()) {
            if (now - m_idleSinceMs > l.headerTimeoutMs)
                abort();
            return;
        }
    }
    switch (m_phase) {
    case Phase::Head:
        if (m_outputPaused) {
            if (now - m_lastOutputMs > l.idleTimeoutMs)
                abort();
        } else if (m_inPos < m_in.size() && m_headStartMs >= 0) {
            if (now - m_headStartMs > l.headerTimeoutMs)
                refuse(FramingError { 408, QStringLiteral("request-timeout"), QStringLiteral("Request timeout"),
                    QStringLiteral("The request head did not arrive within %1 ms").arg(l.headerTimeoutMs) });
        } else if (now - m_idleSinceMs > (m_served == 0 ? l.headerTimeoutMs : l.idleTimeoutMs)) {
            disconnectFromHost();
        }
        break;
    case Phase::Body:
        if (now - m_lastInputMs > l.bodyTimeoutMs)
            refuse(FramingError { 408, QStringLiteral("request-timeout"), QStringLiteral("Request timeout"),
                QStringLiteral("No byte of the request body arrived for %1 ms").arg(l.bodyTimeoutMs) });
        break;
    case Phase::Handed:
        // The answer is being made (or delayed); a timeout fault never answers and ends at the idle limit.
        if (m_stalledSinceMs >= 0 && now - m_stalledSinceMs > l.idleTimeoutMs)
            abort();
        break;
    case Phase::Streaming:
        break; // the answer is being sent (a bounded number of chunks)
    case Phase::Closing:
        if (now - m_closingSinceMs > lingerMs)
            abort();
        break;
    }
}

template<typename Base>
QByteArray GatedSocketBase<Base>::serialize(const HttpResponse& response, bool withBody)
{
    QByteArray date;
    if (response.header(QByteArrayLiteral("Date")).isEmpty())
        date = HttpResponse::currentHttpDate(); // RFC 9110: an origin server with a clock dates every answer
    // Measured first and written with plain copies: appending piece by piece cost a fifth of a GET's CPU.
    char statusText[12];
    const int statusSize = std::snprintf(statusText, sizeof statusText, "%d", response.status);
    const QByteArray reason = HttpResponse::reasonPhrase(response.status);
    qsizetype size = 9 + statusSize + 1 + reason.size() + 2 + 2 + (withBody ? response.body.size() : 0);
    if (!date.isEmpty())
        size += 6 + date.size() + 2;
    for (const auto& h : response.headers)
        size += h.first.size() + 2 + h.second.size() + 2;
    QByteArray out(size, Qt::Uninitialized);
    char* at = out.data();
    const auto put = [&at](const char* data, qsizetype n) {
        if (n > 0)
            std::memcpy(at, data, size_t(n));
        at += n;
    };
    put("HTTP/1.1 ", 9);
    put(statusText, statusSize);
    put(" ", 1);
    put(reason.constData(), reason.size());
    put("\r\n", 2);
    if (!date.isEmpty()) {
        put("Date: ", 6);
        put(date.constData(), date.size());
        put("\r\n", 2);
    }
    for (const auto& h : response.headers) {
        put(h.first.constData(), h.first.size());
        put(": ", 2);
        put(h.second.constData(), h.second.size());
        put("\r\n", 2);
    }
    put("\r\n", 2);
    if (withBody)
        put(response.body.constData(), response.body.size());
    Q_ASSERT(at == out.constData() + out.size());
    return out;
}

template class GatedSocketBase<QTcpSocket>;
template class GatedSocketBase<QSslSocket>;
