// SPDX-License-Identifier: MIT
// Every QSettings key the window, its pages and the app use, with the defaults that go with them.
#pragma once

#include <QString>

// Keys are functions (not literals at the call sites) so that a rename happens here once.
// app/main.cpp reads language() before any window exists (Translation::settingsKey is the same key).
namespace SettingsKeys {

inline constexpr quint16 defaultPort = 4010;
inline QString defaultHost()
{
    return QStringLiteral("127.0.0.1");
}

// Settings dialog
inline QString language()
{
    return QStringLiteral("ui/language");
}
inline QString host()
{
    return QStringLiteral("server/host");
}
inline QString port()
{
    return QStringLiteral("server/port");
}
inline QString autoStart()
{
    return QStringLiteral("server/autoStart");
}
inline QString maximumLogRows()
{
    return QStringLiteral("log/maximumRows");
}

// HTTPS (server bar, Server menu): also serve HTTPS, with the self-signed certificate for localhost
inline QString https()
{
    return QStringLiteral("server/https");
}
// Generated data (Server menu): the seed, and fresh values on every request
inline QString generationSeed()
{
    return QStringLiteral("generation/seed");
}
inline QString generationDynamic()
{
    return QStringLiteral("generation/dynamic");
}

// Files
inline QString watchFiles()
{
    return QStringLiteral("files/watch");
}
inline QString recentFiles()
{
    return QStringLiteral("files/recent");
}
inline QString lastFolder()
{
    return QStringLiteral("files/lastFolder");
}
// One group per definition file, under this prefix (ForcedSettings).
inline QString forcedResponsesPrefix()
{
    return QStringLiteral("forced/");
}
// Files outside a definition's project that the user allowed it to read, one group per file (AllowedFiles).
inline QString allowedFilesPrefix()
{
    return QStringLiteral("allowedFiles/");
}

// Stateful mode on or off, one group per definition file (StatefulSettings).
inline QString statefulPrefix()
{
    return QStringLiteral("stateful/");
}
// Proxy mode and upstream URL, one group per definition file (ProxyPreferences).
inline QString proxyPrefix()
{
    return QStringLiteral("proxy/");
}
// Applied overlays and the overlay recorded into, one group per definition file (OverlaySettings).
inline QString overlaysPrefix()
{
    return QStringLiteral("overlays/");
}
// The Network control's profile, one group per definition file (NetworkSettings).
inline QString networkPrefix()
{
    return QStringLiteral("network/");
}

// Window layout
inline QString windowGeometry()
{
    return QStringLiteral("window/geometry");
}
inline QString windowState()
{
    return QStringLiteral("window/state");
}
inline QString mainSplitter()
{
    return QStringLiteral("window/mainSplitter");
}
inline QString rightSplitter()
{
    return QStringLiteral("window/rightSplitter");
}
inline QString logSplitter()
{
    return QStringLiteral("window/logSplitter");
}
inline QString logAutoScroll()
{
    return QStringLiteral("log/autoScroll");
}

inline QString maxBodyMiB()
{
    return QStringLiteral("server/maxBodyMiB");
}
inline QString headerTimeout()
{
    return QStringLiteral("server/headerTimeoutSeconds");
}
inline QString bodyTimeout()
{
    return QStringLiteral("server/bodyTimeoutSeconds");
}
inline QString idleTimeout()
{
    return QStringLiteral("server/idleTimeoutSeconds");
}
inline QString allowedHosts()
{
    return QStringLiteral("server/allowedHosts");
}
// Hosts callbacks may call besides loopback (as --callback-allow); applied to the running mock.
inline QString callbackHosts()
{
    return QStringLiteral("server/callbackHosts");
}
inline QString maxConnections()
{
    return QStringLiteral("server/maxConnections");
}
// Serving threads of the window's mock (0 = one per core, at most 8; as --threads), used from the next start.
inline QString servingThreads()
{
    return QStringLiteral("server/threads");
}
} // namespace SettingsKeys
