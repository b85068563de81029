// SPDX-License-Identifier: MIT
// Keeps distinct upstream answers as named examples in an OpenAPI Overlay file (--record, the window's Record).
#pragma once

#include <memory>

#include <QObject>
#include <QString>
#include <QTimer>

#include "core/definition/definition.h"
#include "core/http/httprequest.h"

// One answer to keep: the request that brought it (for the example's summary) and what came back.
struct RecordedAnswer
{
    QByteArray method;
    QString target; // path and query as the client sent them
    int status = 0;
    HeaderList headers;
    QByteArray body;
};

/**
 * Each answer whose status and Content-Type name a response and media type of its operation becomes the example
 * `recorded-<operationId>-<status>-<n>` (an operation without an id: its method and path, "get-books-id"), in one
 * overlay action per media type whose target is that media type: `update: {examples: {name: {summary, value}}}`.
 * A body already recorded there (the same canonical JSON, or the same text) is not kept twice; past
 * kMaxPerMediaType examples per media type nothing more is kept. Response headers are kept beside the value
 * (`x-understudy-recorded`), without credentials (see keptHeaders).
 *
 * record() and addExample() are thread-safe (serving threads call them) and never touch the disk: the file is
 * written with QSaveFile on the thread pool half a second after the last change, and by flush(). A record file
 * that exists is read first (load()), so numbering goes on and duplicates are known across runs; one that cannot
 * be read as an overlay is never overwritten. The object lives on the thread that made it (its timer's).
 */
class ResponseRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseRecorder)

public:
    static constexpr int kMaxPerMediaType = 20;
    static constexpr qint64 kMaxBodyBytes = 1 << 20; // larger bodies are not recorded

    explicit ResponseRecorder(const QString& file, QObject* parent = nullptr);
    ~ResponseRecorder() override; // writes what is not written yet

    QString file() const
    {
        return m_file;
    }
    // Reads the file when it exists. Empty on success, else why not (and nothing will be written to it).
    QString load();

    // Keeps `answer` as an example of `operation` unless it is not new; returns the sentence for the trace.
    QString record(const Definition& definition, const Operation& operation, const RecordedAnswer& answer);
    // Keeps `answer` under `name` (the window's "Save response as example"), even when its body is known.
    // Empty on success, else why not.
    QString addExample(
        const Definition& definition, const Operation& operation, const RecordedAnswer& answer, const QString& name);
    // The name record() would give the next answer of `operation` with `status`.
    QString nextName(const Operation& operation, int status) const;

    // Writes now when something changed since the last write; false (see error()) when the file cannot be written.
    bool flush();
    QString error() const;
    // Examples recorded in this run.
    int recordedCount() const;
    // The overlay document as written to the file.
    QByteArray toJson() const;

    // "getBook", or "get-books-id" for an operation without an operationId.
    static QString slug(const Operation& operation);
    // The headers worth keeping: no credentials (Authorization, Cookie, Set-Cookie, Proxy-*, anything naming a token,
    // secret, key or password), no hop-by-hop or framing headers (Connection, Content-Length, Date, ...).
    static HeaderList keptHeaders(const HeaderList& headers);

private:
    struct State;
    struct Where;
    QString add(const Definition& definition, const Operation& operation, const RecordedAnswer& answer,
        const QString& name, bool deduplicate);
    void scheduleWrite();

    QString m_file;
    std::shared_ptr<State> m_state;
    QTimer m_timer;
};
