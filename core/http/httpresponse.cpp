// SPDX-License-Identifier: MIT
#include "core/http/httpresponse.h"

#include <cstdio>

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& h : headers)
        if (sameHeaderName(h.first, name))
            return h.second;
    return {};
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    // The first of that name takes the value in place (the order stays as it was), any later ones go.
    qsizetype i = 0;
    while (i < headers.size() && !sameHeaderName(headers.at(i).first, name))
        ++i;
    if (i == headers.size()) {
        if (headers.capacity() == 0)
            headers.reserve(12); // an answer carries about ten: grown once instead of four times
        headers.append(qMakePair(name, value));
        return;
    }
    headers[i] = qMakePair(name, value);
    for (qsizetype j = headers.size() - 1; j > i; --j)
        if (sameHeaderName(headers.at(j).first, name))
            headers.removeAt(j);
}

void HttpResponse::addHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append(qMakePair(name, value));
}

void HttpResponse::removeHeader(const QByteArray& name)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray>& h) { return sameHeaderName(h.first, name); });
}

QByteArray HttpResponse::httpDate(const QDateTime& utc)
{
    static const char* const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char* const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
        "Dec" };
    if (!utc.isValid())
        return {}; // no day or month name to give
    const QDateTime t = utc.toUTC();
    const QDate d = t.date();
    const QTime time = t.time();
    char out[40];
    const int n = std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[d.dayOfWeek() - 1],
        d.day(), months[d.month() - 1], d.year(), time.hour(), time.minute(), time.second());
    return QByteArray(out, n);
}

QByteArray HttpResponse::currentHttpDate()
{
    // Formatting once a second per thread keeps the Date header off the hot path.
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        second = now;
        text = httpDate(QDateTime::fromSecsSinceEpoch(now, Qt::UTC));
    }
    return text;
}

void HttpResponse::ensureDate()
{
    for (const auto& h : std::as_const(headers))
        if (h.first.compare("Date", Qt::CaseInsensitive) == 0)
            return;
    headers.append(qMakePair(QByteArray("Date"), currentHttpDate()));
}

bool HttpResponse::statusAllowsBody(int status)
{
    return !(status < 200 || status == 204 || status == 304);
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 207:
        return "Multi-Status";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 418:
        return "I'm a teapot";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 425:
        return "Too Early";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 451:
        return "Unavailable For Legal Reasons";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return {};
    }
}

QByteArray HttpResponse::contentLength(bool headRequest) const
{
    return QByteArray::number(headRequest && headContentLength >= 0 ? headContentLength : qint64(body.size()));
}
