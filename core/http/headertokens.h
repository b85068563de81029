// SPDX-License-Identifier: MIT
// Quote-aware splitting and unquoting for HTTP header values (Accept, Content-Type parameters, Prefer).
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace HeaderTokens {

// What a backslash escape inside a quoted string becomes: kept as written for a later unquote(),
// or resolved to the escaped character right away.
enum class Escapes
{
    Keep,
    Resolve
};

// Splits at any character of `separators` outside double quotes, so `a;b="x,y"` stays whole when splitting
// on commas. Quote characters stay in the parts; parts are not trimmed and empty parts are kept.
QStringList splitOutsideQuotes(const QString& text, QStringView separators, Escapes escapes);

// Strips one pair of surrounding double quotes (values not quoted come back unchanged); with
// Escapes::Resolve, backslash escapes between them are resolved too.
QString unquote(const QString& value, Escapes escapes);

} // namespace HeaderTokens
