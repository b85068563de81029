// SPDX-License-Identifier: MIT
// The limits and timeouts the mock's HTTP server enforces on every connection, as one plain value.
#pragma once

#include <QString>
#include <QStringList>

#include "core/http/requestframing.h"
#include "core/schema/schemasampler.h"

struct ServerLimits
{
    qint64 maxBodyBytes = 16 * 1024 * 1024; // --max-body; 413 as soon as Content-Length or the bytes exceed it
    int maxHeaderFields = 100; // QtHttpServer 6.4 drops every header past 100 fields, so never more
    int maxHeaderBytes = 64 * 1024; // request line + header lines; 431 beyond
    int maxConnections = 1024; // open connections; 503 + close beyond
    qint64 maxPendingOutputBytes = 4 * 1024 * 1024; // a connection's unsent answers before its next request waits
    int headerTimeoutMs = 10000; // from the first byte of a request (or the connection) to the end of its head
    int bodyTimeoutMs = 30000; // longest silence while a body arrives
    int idleTimeoutMs = 60000; // keep-alive connection without a request (or a client not reading its answer)
    QStringList allowedHosts; // --allowed-host: names answered besides loopback and the bound address; "*" = all
    QStringList callbackHosts; // --callback-allow: hosts callbacks may call besides loopback ("host", "host:port", "*")
    int callbackTimeoutMs = 10000; // one callback's whole exchange

    // The values actually used: QtHttpServer's own parser limits (100 fields, 100 KiB per field) are never
    // exceeded, so that a head we accept reaches the pipeline with every header.
    ServerLimits clamped() const;
    FramingLimits framing() const;

    // "header=10s,body=30s,idle=60s" (each part optional; units ms, s, m; a bare number is seconds).
    static bool parseTimeouts(const QString& text, ServerLimits* limits, QString* error);
    // --generation-limit "time=100ms,size=8MiB" (each part optional; "off" lifts that limit).
    static bool parseGenerationLimit(const QString& text, SampleBudget* budget, QString* error);
    // "16MiB", "1048576", "512k", "2m", "1g" (k/m/g are binary multiples).
    static bool parseSize(const QString& text, qint64* bytes, QString* error);
    // "10s" -> 10000; "250ms" -> 250; "2m" -> 120000; "5" -> 5000. -1 when invalid.
    static int parseDurationMs(const QString& text);

    bool operator==(const ServerLimits& other) const;
    bool operator!=(const ServerLimits& other) const
    {
        return !(*this == other);
    }
};
