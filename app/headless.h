// SPDX-License-Identifier: MIT
// The command line modes: `--check FILE` and `--headless` (the mock without a window).
#pragma once

#include <optional>

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "core/engine/serverlimits.h"
#include "core/proxy/proxysettings.h"

struct CommandLineOptions
{
    QString definition; // empty = the bundled example
    QString configFile; // --config
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4010;
    bool portGiven = false;
    bool hostGiven = false;
    bool verbose = false;
    bool quiet = false; // --quiet: no line per request (start, reloads, errors and the stop summary stay)
    bool noAutoStart = false;
    bool watch = true; // live reload on file changes (--no-watch turns it off)
    QStringList allowedFiles; // --allow-file: files and folders outside the project that refs may read
    ServerLimits limits; // --max-body, --timeouts, --max-connections, --allowed-host
    int threads = 0; // --threads (0: one per core)
    bool stateful = false; // --stateful
    int seedItems = 3; // --seed-items: generated items per collection without examples
    QString stateFile; // --state-file
    QString scenarioFile; // --scenarios; empty = understudy.yaml next to the definition (or above it, up to the project
                          // root)
    std::optional<quint64> seed; // --seed: random seed for generated data and scenario fault rates and delays
    QString network; // --network off|slow-3g|flaky (validated by main)
    bool dynamic = false; // --dynamic: every request draws fresh generated values
    SampleBudget generationLimit; // --generation-limit: time and size one generated body may take
    ProxySettings proxy; // --proxy, --proxy-fallback, --proxy-timeout, --proxy-reject-invalid
    QString proxyReport; // --proxy-report: the drift report as JSON, written on exit
    QString recordFile; // --record: distinct upstream answers kept as examples in this overlay file (needs --proxy)
    QStringList overlays; // --overlay: overlay files applied to the definition, in order
    bool tls = false; // --tls (also set by --tls-port, --cert, --key)
    int tlsPort = -1; // --tls-port: HTTPS there and HTTP on --port; -1: HTTPS instead of HTTP on --port
    QString certFile; // --cert, --key: the HTTPS certificate and key; empty: the self-signed one for localhost
    QString keyFile;
};

namespace Headless {

// Prints the diagnostics of FILE; exit code 0 (valid, maybe warnings), 1 (errors), 2 (unreadable file).
// The scenario file (--scenarios, or the discovered understudy.yaml) is checked as well.
int check(const QString& file, const QStringList& allowedFiles = {}, const QString& scenarioFile = {},
    const QStringList& overlays = {});

// Loads the definition, starts the mock, prints one line per request until SIGINT/SIGTERM.
int run(const CommandLineOptions& options);

} // namespace Headless
