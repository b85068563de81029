// SPDX-License-Identifier: MIT
// Picks which of an operation's responses answers: the normal one, a forced status, or the owner of an example.
#pragma once

#include "core/definition/definition.h"

struct StatusChoice
{
    const Response* response = nullptr; // null: the operation defines nothing usable
    int status = 0; // the status line to send
    QString reason; // one trace sentence
};

class ResponseSelector
{
public:
    // Lowest 2xx (ranges count: "2XX" answers 200), else `default` (answers 200), else the first defined.
    static StatusChoice normal(const Operation& operation);

    // The response the operation defines for `status`: the exact code, else a range covering it ("4XX").
    // `default` does not count: forcing an undefined status behaves as if nothing was forced.
    static const Response* defined(const Operation& operation, int status);

    /**
     * The definition's own response for a refused request answering with `status`: 401 and 415 only use their
     * own code; 422 tries 422, then 400, then `default`; 400 (an unreadable body) tries 400, then `default`. The status
     * line stays `status` (or the code found). Null response: generate a problem instead.
     */
    static StatusChoice forRejection(const Operation& operation, int status);

    // Whether `media` (or any media type of `response`) has a named example called `name`.
    static bool owns(const MediaType& media, const QString& name);
    static bool owns(const Response& response, const QString& name);

    // The response whose media types own an example called `name`: `preferred` first, then document order.
    static const Response* ownerOfExample(const Operation& operation, const QString& name, const Response* preferred);

    // Every example name of the operation, in document order, without duplicates.
    static QStringList exampleNames(const Operation& operation);
};
