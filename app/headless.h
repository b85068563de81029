// SPDX-License-Identifier: MIT
// The command line modes: `--check FILE` and `--headless` (the mock without a window).
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "core/engine/serverlimits.h"

struct CommandLineOptions
{
    QString definition; // empty = the bundled example
    QString configFile; // --config
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4010;
    bool portGiven = false;
    bool hostGiven = false;
    bool verbose = false;
    bool noAutoStart = false;
    bool watch = true; // live reload on file changes (--no-watch turns it off)
    QStringList allowedFiles; // --allow-file: files and folders outside the project that refs may read
    ServerLimits limits; // --max-body, --timeouts, --max-connections, --allowed-host
    quint64 seed = 0; // --seed: the seed of generated values (and of scenario fault rates)
    bool seedGiven = false;
    bool dynamic = false; // --dynamic: every request draws fresh generated values
};

namespace Headless {

// Prints the diagnostics of FILE; exit code 0 (valid, maybe warnings), 1 (errors), 2 (unreadable file).
int check(const QString& file, const QStringList& allowedFiles = {});

// Loads the definition, starts the mock, prints one line per request until SIGINT/SIGTERM.
int run(const CommandLineOptions& options);

} // namespace Headless
