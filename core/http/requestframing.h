// SPDX-License-Identifier: MIT
// Strict HTTP/1.x request framing on raw bytes: where a request head ends, how long its body is, or why it is refused.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/http/httprequest.h"

// The limits a head and body are checked against (see ServerLimits for the defaults).
struct FramingLimits
{
    int maxHeaderFields = 100;
    int maxHeaderBytes = 64 * 1024; // request line + every header line
    qint64 maxBodyBytes = 16 * 1024 * 1024;
};

// Why a request is refused before it is served: the status and a sentence for the problem body.
struct FramingError
{
    int status = 400;
    QString slug; // "invalid-content-length"
    QString title;
    QString detail;
};

// One parsed request head. Offsets are into the buffer handed to parseRequestHead().
struct RequestHead
{
    enum class Body
    {
        None,
        Length,
        Chunked
    };

    qsizetype start = 0; // first byte of the request line (empty lines before it are skipped)
    qsizetype end = 0; // one past the blank line that ends the head
    QByteArray method;
    QByteArray target;
    int minorVersion = 1; // HTTP/1.<minor>
    Body body = Body::None;
    qint64 contentLength = 0;
    bool hasHost = false;
    QByteArray host; // the Host value, trimmed
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive"
    bool expectContinue = false;
    bool hasTransferEncoding = false;
    HeaderList fields; // every header line, name as sent, value without the whitespace around it
};

namespace RequestFraming {

enum class Status
{
    Incomplete,
    Complete,
    Refused
};

// Looks for one complete request head at the start of `data`. `scanFrom` is where the previous call stopped looking
// for the blank line (so that a head arriving a byte at a time costs linear time); it is updated. Stricter than
// QtHttpServer 6.4 on purpose: every head it accepts is parsed by Qt with all its headers intact.
Status parseHead(
    QByteArrayView data, const FramingLimits& limits, qsizetype* scanFrom, RequestHead* head, FramingError* error);

// Removes the empty lines a client may send between requests; returns how many bytes they took.
qsizetype skipEmptyLines(QByteArrayView data);

} // namespace RequestFraming

// Decodes a chunked body incrementally (RFC 9112 §7.1): sizes in hex, extensions and trailers skipped, the total
// held to a maximum. Feed it the bytes as they arrive.
class ChunkedDecoder
{
public:
    enum class Status
    {
        NeedMore,
        Done,
        Refused
    };

    // Reads from `data` starting at `*pos` (advanced past what was consumed) and appends payload bytes to `body`.
    Status feed(
        QByteArrayView data, qsizetype* pos, QByteArray* body, const FramingLimits& limits, FramingError* error);

private:
    enum class State
    {
        Size,
        Data,
        DataEnd,
        Trailer
    };
    State m_state = State::Size;
    qint64 m_remaining = 0;
    qint64 m_trailerBytes = 0;
};
