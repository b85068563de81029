// SPDX-License-Identifier: MIT
// Checks for the `format` values the validator asserts (RFC 3339 dates, e-mail, uuid, uri, IP addresses, ints).
#pragma once

#include <QJsonValue>
#include <QString>

namespace SchemaFormats {

enum class Kind
{
    Unknown, // not asserted: any value passes
    DateTime,
    Date,
    Time,
    Email,
    Uuid,
    Uri,
    UriReference,
    Ipv4,
    Ipv6,
    Hostname,
    JsonPointer,
    Regex,
    Duration,
    Int32,
    Int64,
    Byte, // OpenAPI `byte`: base64 (RFC 4648 section 4, padding optional; the URL-safe alphabet is tolerated)
};

Kind kindOf(const QString& format);

// True when `value` satisfies the format. Values of a type the format does not apply to always pass
// (`date` on a number, `int32` on a string).
bool check(Kind kind, const QJsonValue& value);

bool isDateTime(const QString& s);
bool isDate(const QString& s);
bool isTime(const QString& s);
bool isEmail(const QString& s);
bool isUuid(const QString& s);
bool isUri(const QString& s, bool allowRelative);
bool isIpv4(const QString& s);
bool isIpv6(const QString& s);
bool isHostname(const QString& s);
bool isJsonPointer(const QString& s);
bool isDuration(const QString& s);
bool isBase64(const QString& s);

} // namespace SchemaFormats
