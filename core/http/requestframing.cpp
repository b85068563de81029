// SPDX-License-Identifier: MIT
#include "core/http/requestframing.h"

#include <QList>

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

QByteArrayView trimmedOws(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

FramingError refuse(int status, const char* slug, const char* title, const QString& detail)
{
    return FramingError { status, QString::fromLatin1(slug), QString::fromLatin1(title), detail };
}

FramingError badRequest(const char* slug, const QString& detail)
{
    return refuse(400, slug, "Bad request framing", detail);
}

// 1*DIGIT that fits a qint64 (18 digits at most); "abc", "-5", "39, 39" and 2^64 are all refused.
bool parseLength(QByteArrayView value, qint64* length)
{
    if (value.isEmpty() || value.size() > 18)
        return false;
    qint64 n = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *length = n;
    return true;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(list.toByteArray()).split(','))
        if (trimmedOws(part).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

namespace RequestFraming {

qsizetype skipEmptyLines(QByteArrayView data)
{
    qsizetype i = 0;
    while (i < data.size()) {
        if (data[i] == '\n')
            ++i;
        else if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
            i += 2;
        else
            break;
    }
    return i;
}

Status parseHead(
    QByteArrayView data, const FramingLimits& limits, qsizetype* scanFrom, RequestHead* head, FramingError* error)
{
    const qsizetype start = skipEmptyLines(data);
    // A lone "\r" at the very end may still become an empty line.
    if (start == data.size() || (start + 1 == data.size() && data[start] == '\r'))
        return Status::Incomplete;

    // Find the blank line: "\n\n" or "\n\r\n" (LF alone is accepted as a line end, as RFC 9112 §2.2 allows).
    qsizetype end = -1;
    qsizetype i = std::max(start, *scanFrom);
    while (true) {
        const qsizetype nl = data.indexOf('\n', i);
        if (nl < 0) {
            *scanFrom = data.size();
            break;
        }
        if (nl + 1 >= data.size() || (data[nl + 1] == '\r' && nl + 2 >= data.size())) {
            *scanFrom = nl; // look at this line end again when more bytes arrive
            break;
        }
        if (data[nl + 1] == '\n') {
            end = nl + 2;
            break;
        }
        if (data[nl + 1] == '\r' && data[nl + 2] == '\n') {
            end = nl + 3;
            break;
        }
        i = nl + 1;
    }
    const qsizetype headBytes = (end < 0 ? data.size() : end) - start;
    if (end < 0 && headBytes <= limits.maxHeaderBytes)
        return Status::Incomplete;
    if (headBytes > limits.maxHeaderBytes) {
        const qsizetype firstLineEnd = data.indexOf('\n', start);
        if ((firstLineEnd < 0 ? data.size() : firstLineEnd) - start > limits.maxHeaderBytes) {
            *error = refuse(414, "request-line-too-long", "URI too long",
                QStringLiteral("The request line is longer than %1 bytes").arg(limits.maxHeaderBytes));
            return Status::Refused;
        }
        *error = refuse(431, "header-too-large", "Request header fields too large",
            QStringLiteral("The request head is longer than %1 bytes").arg(limits.maxHeaderBytes));
        return Status::Refused;
    }

    RequestHead h;
    h.fields.reserve(8);
    h.start = start;
    h.end = end;
    bool hasLength = false;
    bool closeRequested = false;
    bool keepAliveRequested = false;
    int hostCount = 0;
    int fields = 0;
    QByteArray transferEncoding;
    qsizetype pos = start;
    bool requestLine = true;
    while (pos < end) {
        const qsizetype nl = data.indexOf('\n', pos);
        QByteArrayView line = data.sliced(pos, nl - pos);
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the blank line
        for (char c : line) {
            if (c == '\r' || c == '\0') {
                *error = badRequest("control-character", QStringLiteral("The request head contains a bare CR or NUL"));
                return Status::Refused;
            }
        }
        if (requestLine) {
            requestLine = false;
            // method SP request-target SP HTTP-version
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
                *error =
                    badRequest("invalid-request-line", QStringLiteral("The request line is not METHOD TARGET VERSION"));
                return Status::Refused;
            }
            const QByteArrayView method = line.first(sp1);
            const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
            const QByteArrayView version = line.sliced(sp2 + 1);
            bool targetOk = true;
            for (char c : target)
                targetOk = targetOk && uchar(c) > 0x20 && uchar(c) != 0x7f;
            if (!isToken(method) || !targetOk) {
                *error =
                    badRequest("invalid-request-line", QStringLiteral("The method or target has invalid characters"));
                return Status::Refused;
            }
            if (version == "HTTP/1.1" || version == "HTTP/1.0") {
                h.minorVersion = version.back() - '0';
            } else if (version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.') {
                *error = refuse(505, "http-version-not-supported", "HTTP version not supported",
                    QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served, not %1").arg(QString::fromLatin1(version)));
                return Status::Refused;
            } else {
                *error = badRequest("invalid-request-line", QStringLiteral("The request line has no HTTP version"));
                return Status::Refused;
            }
            h.method = method.toByteArray();
            h.target = target.toByteArray();
            continue;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            *error = badRequest(
                "obsolete-line-folding", QStringLiteral("Header lines folded over several lines are refused"));
            return Status::Refused;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            *error = badRequest("header-without-colon",
                QStringLiteral("A header line has no colon: %1")
                    .arg(QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 40)))));
            return Status::Refused;
        }
        const QByteArrayView name = line.first(colon);
        if (!isToken(name)) {
            *error =
                badRequest("invalid-header-name", QStringLiteral("A header name is empty or has invalid characters"));
            return Status::Refused;
        }
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        for (char c : value) {
            if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f) {
                *error = badRequest("invalid-header-value",
                    QStringLiteral("The value of %1 has control characters").arg(QString::fromLatin1(name)));
                return Status::Refused;
            }
        }
        if (++fields > limits.maxHeaderFields) {
            *error = refuse(431, "too-many-header-fields", "Request header fields too large",
                QStringLiteral("The request has more than %1 header fields").arg(limits.maxHeaderFields));
            return Status::Refused;
        }
        h.fields.append(qMakePair(name.toByteArray(), value.toByteArray()));
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (hasLength) {
                *error =
                    badRequest("repeated-content-length", QStringLiteral("Content-Length is given more than once"));
                return Status::Refused;
            }
            hasLength = true;
            if (!parseLength(value, &h.contentLength)) {
                *error = badRequest("invalid-content-length",
                    QStringLiteral("Content-Length is not a length: %1")
                        .arg(QString::fromLatin1(value.first(std::min<qsizetype>(value.size(), 40)))));
                return Status::Refused;
            }
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            h.hasTransferEncoding = true;
            if (!transferEncoding.isEmpty())
                transferEncoding += ", ";
            transferEncoding += value.toByteArray();
        } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
            ++hostCount;
            h.host = value.toByteArray();
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            closeRequested = closeRequested || containsToken(value, "close");
            keepAliveRequested = keepAliveRequested || containsToken(value, "keep-alive");
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) == 0) {
                h.expectContinue = true;
            } else {
                *error = refuse(417, "expectation-failed", "Expectation failed",
                    QStringLiteral("Only Expect: 100-continue is understood"));
                return Status::Refused;
            }
        }
    }

    if (h.hasTransferEncoding && hasLength) {
        *error = badRequest("length-and-transfer-encoding",
            QStringLiteral("Content-Length and Transfer-Encoding together are ambiguous (RFC 9112 §6.3)"));
        return Status::Refused;
    }
    if (h.hasTransferEncoding) {
        if (trimmedOws(transferEncoding).compare("chunked", Qt::CaseInsensitive) != 0) {
            *error = refuse(501, "transfer-coding-not-implemented", "Not implemented",
                QStringLiteral("Only Transfer-Encoding: chunked is understood, not %1")
                    .arg(QString::fromLatin1(transferEncoding.left(60))));
            return Status::Refused;
        }
        h.body = RequestHead::Body::Chunked;
    } else if (hasLength && h.contentLength > 0) {
        h.body = RequestHead::Body::Length;
    }
    if (hostCount > 1) {
        *error = badRequest("repeated-host", QStringLiteral("Host is given more than once"));
        return Status::Refused;
    }
    h.hasHost = hostCount == 1;
    if (h.minorVersion == 1 && !h.hasHost) {
        *error = badRequest("missing-host", QStringLiteral("An HTTP/1.1 request must have a Host header"));
        return Status::Refused;
    }
    if (h.body == RequestHead::Body::Length && h.contentLength > limits.maxBodyBytes) {
        *error = refuse(413, "body-too-large", "Content too large",
            QStringLiteral("The body of %1 bytes is over the limit of %2 bytes")
                .arg(h.contentLength)
                .arg(limits.maxBodyBytes));
        return Status::Refused;
    }
    h.keepAlive = h.minorVersion == 1 ? !closeRequested : (keepAliveRequested && !closeRequested);
    *head = h;
    return Status::Complete;
}

} // namespace RequestFraming

ChunkedDecoder::Status ChunkedDecoder::feed(
    QByteArrayView data, qsizetype* pos, QByteArray* body, const FramingLimits& limits, FramingError* error)
{
    constexpr qsizetype maxSizeLine = 1024;
    while (true) {
        const qsizetype available = data.size() - *pos;
        switch (m_state) {
        case State::Size: {
            const qsizetype nl = data.indexOf('\n', *pos);
            if (nl < 0) {
                if (available > maxSizeLine) {
                    *error = badRequest("invalid-chunk", QStringLiteral("A chunk size line is too long"));
                    return Status::Refused;
                }
                return Status::NeedMore;
            }
            QByteArrayView line = data.sliced(*pos, nl - *pos);
            if (line.endsWith('\r'))
                line.chop(1);
            const qsizetype semicolon = line.indexOf(';');
            if (semicolon >= 0)
                line = line.first(semicolon);
            line = trimmedOws(line);
            // At most 15 hex digits, so the size fits in 64 bits; stop at the first bad character (the line may be
            // long garbage, and summing it would overflow).
            bool ok = !line.isEmpty() && line.size() <= 15;
            qint64 size = 0;
            for (qsizetype i = 0; ok && i < line.size(); ++i) {
                const char c = line[i];
                const int digit = (c >= '0' && c <= '9') ? c - '0'
                    : (c >= 'a' && c <= 'f')             ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F')             ? c - 'A' + 10
                                                         : -1;
                ok = digit >= 0;
                size = size * 16 + std::max(digit, 0);
            }
            if (!ok) {
                *error = badRequest("invalid-chunk", QStringLiteral("A chunk size is not a hexadecimal number"));
                return Status::Refused;
            }
            *pos = nl + 1;
            if (size == 0) {
                m_state = State::Trailer;
                break;
            }
            if (body->size() + size > limits.maxBodyBytes) {
                *error = refuse(413, "body-too-large", "Content too large",
                    QStringLiteral("The chunked body is over the limit of %1 bytes").arg(limits.maxBodyBytes));
                return Status::Refused;
            }
            m_remaining = size;
            m_state = State::Data;
            break;
        }
        case State::Data: {
            const qsizetype take = std::min<qint64>(m_remaining, available);
            body->append(data.sliced(*pos, take));
            *pos += take;
            m_remaining -= take;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            if (available < 1)
                return Status::NeedMore;
            if (data[*pos] == '\n') {
                *pos += 1;
            } else if (data[*pos] == '\r') {
                if (available < 2)
                    return Status::NeedMore;
                if (data[*pos + 1] != '\n') {
                    *error = badRequest("invalid-chunk", QStringLiteral("A chunk is longer than its size says"));
                    return Status::Refused;
                }
                *pos += 2;
            } else {
                *error = badRequest("invalid-chunk", QStringLiteral("A chunk is longer than its size says"));
                return Status::Refused;
            }
            m_state = State::Size;
            break;
        case State::Trailer: {
            const qsizetype nl = data.indexOf('\n', *pos);
            if (nl < 0) {
                if (m_trailerBytes + available > limits.maxHeaderBytes) {
                    *error = refuse(431, "header-too-large", "Request header fields too large",
                        QStringLiteral("The chunked trailer is too long"));
                    return Status::Refused;
                }
                return Status::NeedMore;
            }
            QByteArrayView line = data.sliced(*pos, nl - *pos);
            m_trailerBytes += line.size() + 1;
            *pos = nl + 1;
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty())
                return Status::Done;
            if (m_trailerBytes > limits.maxHeaderBytes) {
                *error = refuse(431, "header-too-large", "Request header fields too large",
                    QStringLiteral("The chunked trailer is too long"));
                return Status::Refused;
            }
            break; // trailer fields are dropped: the mock does not use them
        }
        }
    }
}
