// SPDX-License-Identifier: MIT
// Which hosts callbacks may call: loopback always, plus the names the user allows (--callback-allow, the window).
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class CallbackAllowList
{
public:
    // Entries: "host" (any port), "host:port", "[::1]:8080", "*" (any host). Names compare case-insensitively;
    // addresses as addresses.
    explicit CallbackAllowList(QStringList entries = {});

    // Empty when the mock may call `url`, else why not. The host is judged as written in the URL: a name other than
    // localhost must be allowed by name, whatever it resolves to (DNS cannot turn a name into loopback).
    QString refusal(const QUrl& url) const;
    // Empty when `entry` is well-formed, else why not (for the command line).
    static QString checkEntry(const QString& entry);

private:
    struct Entry
    {
        QString host; // lower case; an address in its canonical text
        int port = -1; // -1: any
    };
    static bool parseEntry(const QString& text, Entry* entry);

    QList<Entry> m_entries;
    bool m_any = false;
};
