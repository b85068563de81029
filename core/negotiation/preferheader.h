// SPDX-License-Identifier: MIT
// Prism's `Prefer: code=404, example=cat, dynamic=true` request header, parsed.
#pragma once

#include <QString>

// What a client asked for in its Prefer header; `valid` false means answer 422 with `error`.
struct PreferHeader
{
    int code = 0; // 0 when not given
    QString example; // empty when not given
    bool dynamic = false;
    bool hasDynamic = false; // true when `dynamic` was given, so `dynamic=false` can override a default
    bool valid = true;
    QString error; // why the header is invalid; empty when valid

    bool isEmpty() const
    {
        return code == 0 && example.isEmpty() && !hasDynamic;
    }

    /**
     * Preferences may be separated by commas or semicolons, with optional spaces around `=` and optional
     * double quotes around values. Names are case-insensitive; a repeated name keeps the last value.
     * Preferences other than code, example and dynamic (RFC 7240's `return=minimal`, `respond-async`, ...)
     * are ignored. `code` must be exactly three digits naming a status (100-599), `dynamic` true or false,
     * `example` non-empty.
     */
    static PreferHeader parse(const QString& header);
};
