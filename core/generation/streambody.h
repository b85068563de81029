// SPDX-License-Identifier: MIT
// Sequential media types (text/event-stream, JSON Lines): a body as a bounded list of frames sent one by one.
#pragma once

#include <QByteArrayList>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// How a mocked stream is paced: `x-understudy-stream: {items: N, intervalMs: M}` on the media type.
struct StreamPacing
{
    static constexpr int defaultItems = 3;
    static constexpr int defaultIntervalMs = 100;
    static constexpr int maxItems = 1000;
    static constexpr int maxIntervalMs = 10000;

    int items = defaultItems; // items sent when each comes from the itemSchema (an example array sends its own)
    int intervalMs = defaultIntervalMs; // pause between two items

    // Values outside 1..maxItems and 0..maxIntervalMs are clamped; anything not a number keeps the default.
    static StreamPacing from(const QJsonObject& option);
};

class StreamBody
{
public:
    enum class Format
    {
        None, // not a sequential media type
        EventStream, // text/event-stream: one SSE event per item
        JsonLines, // application/jsonl, application/x-ndjson: one compact JSON text per line
    };

    static Format formatOf(const QString& mediaType);

    /**
     * The frames of one stream. `item` true: `value` is one item, repeated `pacing.items` times. Otherwise `value`
     * is the whole stream as an example gives it: an array is one item per element (at most maxItems), a string is
     * the stream's text (split into its events, or lines), anything else is a single item.
     */
    static QByteArrayList frames(Format format, const QJsonValue& value, bool item, const StreamPacing& pacing);

    /**
     * One item as a frame. An event stream item that is an object of SSE fields (`data`, and optionally `event`, `id`,
     * `retry`) becomes those fields, `data` as text (non-string data as compact JSON, one `data:` line per line);
     * any other item is one event whose data is the item as compact JSON (a string item as its text).
     */
    static QByteArray frame(Format format, const QJsonValue& item);
};
