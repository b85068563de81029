// SPDX-License-Identifier: MIT
// How a list response holds its items (a bare array or an envelope) and which query parameters page through it.
#pragma once

#include <QJsonArray>

#include "core/definition/definition.h"
#include "core/state/schemashape.h"

struct ListShape
{
    bool valid = false; // a list of JSON objects
    bool envelope = false; // an object whose `arrayProperty` holds the items
    QString arrayProperty;
    QString totalProperty; // an integer property counting the matching items ("total", "count", ...)
    SchemaRef schema; // the whole response schema
    SchemaRef items; // one item
    SchemaShape envelopeShape;

    static ListShape of(const QJsonObject& document, const QJsonValue& schema, const QString& pointer);
    // The items of an example of this shape (an array, or the envelope's array).
    QJsonArray itemsOf(const QJsonValue& example) const;
};

// The declared query parameters that page through a list, by their role.
struct Pagination
{
    QString limit; // "limit", "per_page", "pageSize", ...
    QString offset; // "offset", "skip", "start"
    QString page; // "page", "page_number"
    QString cursor; // "cursor", "after", "starting_after", "page_token"
    int defaultLimit = 0; // the limit parameter's default (0: none)
    int firstPage = 1; // 0 when the page parameter's minimum is 0

    static Pagination of(const Operation& operation, const QJsonObject& document);
    bool isPaging(const QString& parameter) const;
};
