// SPDX-License-Identifier: MIT
#include "core/generation/streambody.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "core/negotiation/mediatypenegotiator.h"

namespace {

QByteArray compact(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A field value on one line: line breaks would end the field early.
QByteArray oneLine(const QJsonValue& value)
{
    QByteArray text = value.isString() ? value.toString().toUtf8() : compact(value);
    text.replace('\r', ' ');
    text.replace('\n', ' ');
    return text;
}

bool isEventObject(const QJsonObject& object)
{
    if (!object.contains(QLatin1String("data")))
        return false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString& key = it.key();
        if (key != QLatin1String("data") && key != QLatin1String("event") && key != QLatin1String("id")
            && key != QLatin1String("retry"))
            return false;
    }
    return true;
}

void appendData(QByteArray* frame, const QJsonValue& data)
{
    const QByteArray text = data.isString() ? data.toString().toUtf8() : compact(data);
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        *frame += "data: " + line + '\n';
    }
}

// The text of a stream example cut into frames: events end at a blank line, JSON Lines at each line.
QByteArrayList splitText(StreamBody::Format format, const QByteArray& text)
{
    QByteArrayList frames;
    QByteArray normalized = text;
    normalized.replace("\r\n", "\n");
    if (format == StreamBody::Format::JsonLines) {
        for (const QByteArray& line : normalized.split('\n'))
            if (!line.trimmed().isEmpty() && frames.size() < StreamPacing::maxItems)
                frames.append(line + '\n');
        return frames;
    }
    qsizetype pos = 0;
    while (pos < normalized.size() && frames.size() < StreamPacing::maxItems) {
        qsizetype end = normalized.indexOf("\n\n", pos);
        const qsizetype next = end < 0 ? normalized.size() : end + 2;
        if (end < 0)
            end = normalized.size();
        const QByteArray event = normalized.mid(pos, end - pos);
        if (!event.trimmed().isEmpty())
            frames.append(event + "\n\n");
        pos = next;
    }
    return frames;
}

} // namespace

StreamPacing StreamPacing::from(const QJsonObject& option)
{
    StreamPacing pacing;
    const QJsonValue items = option.value(QLatin1String("items"));
    if (items.isDouble())
        pacing.items = int(qBound(1.0, items.toDouble(), double(maxItems)));
    const QJsonValue interval = option.value(QLatin1String("intervalMs"));
    if (interval.isDouble())
        pacing.intervalMs = int(qBound(0.0, interval.toDouble(), double(maxIntervalMs)));
    return pacing;
}

StreamBody::Format StreamBody::formatOf(const QString& mediaType)
{
    const auto range = MediaRange::parseCached(mediaType);
    if (!range)
        return Format::None;
    const QString essence = range->essence();
    if (essence == QLatin1String("text/event-stream"))
        return Format::EventStream;
    if (essence == QLatin1String("application/jsonl") || essence == QLatin1String("application/x-ndjson")
        || essence == QLatin1String("application/x-jsonlines"))
        return Format::JsonLines;
    return Format::None;
}

QByteArray StreamBody::frame(Format format, const QJsonValue& item)
{
    if (format == Format::JsonLines) {
        QByteArray line = compact(item);
        line.replace('\n', ' ');
        return line + '\n';
    }
    QByteArray out;
    const QJsonObject object = item.toObject();
    if (item.isObject() && isEventObject(object)) {
        if (object.contains(QLatin1String("event")))
            out += "event: " + oneLine(object.value(QLatin1String("event"))) + '\n';
        if (object.contains(QLatin1String("id")))
            out += "id: " + oneLine(object.value(QLatin1String("id"))) + '\n';
        if (object.contains(QLatin1String("retry")))
            out += "retry: " + oneLine(object.value(QLatin1String("retry"))) + '\n';
        appendData(&out, object.value(QLatin1String("data")));
    } else {
        appendData(&out, item);
    }
    return out + '\n';
}

QByteArrayList StreamBody::frames(Format format, const QJsonValue& value, bool item, const StreamPacing& pacing)
{
    QByteArrayList out;
    if (format == Format::None || value.isUndefined())
        return out;
    if (item) {
        const QByteArray one = frame(format, value);
        for (int i = 0; i < pacing.items; ++i)
            out.append(one);
        return out;
    }
    if (value.isArray()) {
        for (const QJsonValue& element : value.toArray()) {
            if (out.size() >= StreamPacing::maxItems)
                break;
            out.append(frame(format, element));
        }
        return out;
    }
    if (value.isString())
        return splitText(format, value.toString().toUtf8());
    out.append(frame(format, value));
    return out;
}
