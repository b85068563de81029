// SPDX-License-Identifier: MIT
// The scenario file as a model: per-operation rules, sequences, latency and faults (plain values).
#pragma once

#include <memory>
#include <optional>

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include "core/http/httprequest.h"

// How long an answer waits: nothing, a fixed time, a uniform range, or a lognormal (median + 99th percentile).
struct DelaySpec
{
    enum class Kind
    {
        None,
        Fixed,
        Uniform,
        LogNormal
    };
    Kind kind = Kind::None;
    double a = 0; // ms: fixed value, range low or median
    double b = 0; // ms: range high or p99

    bool isNone() const
    {
        return kind == Kind::None;
    }
    // `u` is uniform in [0, 1); the result is in milliseconds, never negative, at most maxMs.
    qint64 sample(double u) const;
    // "250ms", "100ms..400ms", "lognormal 80ms p99 1.5s" (also the form written to the file).
    QString describe() const;

    static constexpr qint64 maxMs = 600000; // ten minutes: longer is a typo
    // "250ms", "1s", "1.5s", "2m", "80" (ms); -1 when invalid.
    static double parseDurationMs(const QString& text);
    static QString formatMs(double ms);

    bool operator==(const DelaySpec& o) const
    {
        return kind == o.kind && a == o.a && b == o.b;
    }
};

// What goes wrong at the socket (or which status a fault answers with), and how often.
struct FaultSpec
{
    enum class Kind
    {
        None,
        Reset, // RST (SO_LINGER 0)
        Close, // the status line and headers, then close
        Empty, // close without a byte
        Garbage, // bytes that are not HTTP, then close
        Timeout, // never answer (until the connection's idle limit)
        Status // answer the definition's response for `status` (or a problem)
    };
    Kind kind = Kind::None;
    int status = 0; // Kind::Status
    double rate = 1.0; // 0..1, independent per request

    bool isNone() const
    {
        return kind == Kind::None;
    }
    bool isSocketLevel() const
    {
        return kind != Kind::None && kind != Kind::Status;
    }
    QString kindName() const; // "reset", ..., "status 503"
    // "reset", "close", "empty", "garbage", "timeout", "status 503" (or "503"); false when unknown.
    static bool parseKind(const QString& text, FaultSpec* out);

    bool operator==(const FaultSpec& o) const
    {
        return kind == o.kind && status == o.status && rate == o.rate;
    }
};

// One condition of a rule's `when`: a path parameter, query parameter, header or JSON body value.
struct Condition
{
    enum class Source
    {
        Path,
        Query,
        Header,
        Body
    };
    Source source = Source::Path;
    QString name; // parameter or header name; a JSON pointer for Body
    QString text; // the exact value as text (numbers and booleans compared by their text as well)
    QJsonValue json; // Body: the exact JSON value when written as a number, boolean or null
    bool isRegex = false;
    QRegularExpression regex; // unanchored ECMAScript-like search, as in JSON Schema `pattern`

    static QString sourceName(Source s);
    QString describe() const; // "path bookId = 42", "header X-Tier ~ /gold/"
};

// What a rule (or a sequence step) answers with; every part is optional.
struct Answer
{
    int status = 0; // 0 = not set
    QString example;
    HeaderList headers;
    DelaySpec delay; // None = not set
    FaultSpec fault; // None = not set (rate defaults to 100%)

    bool isEmpty() const
    {
        return status == 0 && example.isEmpty() && headers.isEmpty() && delay.isNone() && fault.isNone();
    }
    QString describe() const; // "status 404, delay 1s"

    // Same answer (a sequence that reads as before keeps its position across a reload).
    bool operator==(const Answer& o) const
    {
        return status == o.status && example == o.example && headers == o.headers && delay == o.delay
            && fault == o.fault;
    }
};

struct Rule
{
    QList<Condition> when; // all must hold; empty = always
    Answer then;
    int line = 0; // 1-based, in the scenario file
    int index = 0; // 1-based position in its operation's rules
};

// Everything the file says about one operation (or "*").
struct OperationScenario
{
    QString key; // as written: "getBook", "GET /books/{id}", "*"
    QList<Rule> rules; // first match wins
    QList<Answer> sequence; // in order, then the last again
    DelaySpec delay;
    FaultSpec faults;
    int line = 0;

    bool isEmpty() const
    {
        return rules.isEmpty() && sequence.isEmpty() && delay.isNone() && faults.isNone();
    }
};

struct ScenarioSet
{
    QString sourceFile; // absolute; empty when made in memory
    QHash<QString, OperationScenario> operations; // by operationId (keys resolved against the definition)
    OperationScenario all; // "*"

    const OperationScenario* forOperation(const QString& operationId) const;
    bool isEmpty() const
    {
        return operations.isEmpty() && all.isEmpty();
    }
};

using ScenarioSetPtr = std::shared_ptr<const ScenarioSet>;
