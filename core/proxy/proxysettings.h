// SPDX-License-Identifier: MIT
// Whether the mock stands between a client and a real server, and how: mode, upstream URL, timeout, strictness.
#pragma once

#include <optional>

#include <QMetaType>
#include <QString>
#include <QUrl>

enum class ProxyMode
{
    Mock, // the mock answers everything (no upstream)
    Proxy, // every request goes to the upstream; its answers are validated against the definition
    ProxyWithFallback // as Proxy, but what the upstream has not built (501, 404 for a defined route, unreachable)
                      // is answered by the mock
};

struct ProxySettings
{
    ProxyMode mode = ProxyMode::Mock;
    QUrl upstream; // "http://localhost:8080/api"; its path replaces the definition's base path
    int timeoutMs = 10000; // per request, from sending to the last byte of the answer
    bool rejectInvalid = false; // invalid requests get the mock's 4xx instead of being forwarded
    qint64 maxBodyBytes = 64ll << 20; // larger upstream answers are cut off with a 502

    // Proxying: a proxy mode and a usable upstream URL.
    bool active() const
    {
        return mode != ProxyMode::Mock && checkUpstream(upstream).isEmpty();
    }
    bool fallback() const
    {
        return mode == ProxyMode::ProxyWithFallback;
    }

    // Empty when `url` can be an upstream (http or https with a host), else why not.
    static QString checkUpstream(const QUrl& url);
    // "mock", "proxy", "fallback" (the settings and command line spelling).
    static QString modeName(ProxyMode mode);
    static std::optional<ProxyMode> parseMode(const QString& name);
    // "10s", "2500ms", "1.5s", "750" (milliseconds); nullopt when not a positive duration up to an hour.
    static std::optional<int> parseTimeout(const QString& text);
};

Q_DECLARE_METATYPE(ProxySettings)
