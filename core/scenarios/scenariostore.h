// SPDX-License-Identifier: MIT
// Thread-safe home of the scenarios being served, the seed, the global network profile and the sequence counters.
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringList>

#include "core/scenarios/scenario.h"

// The global "Network" control: a latency profile and fault rate on top of every operation's own behaviour.
enum class NetworkProfile
{
    Off,
    Slow3G, // lognormal latency, median 400 ms, p99 2 s
    Flaky // 50..300 ms, and 10% of the requests fail: reset, close or 503
};

// The scenarios in force and what they need while serving: shared by the pipeline (any worker thread), the
// session (which swaps in a reloaded file) and the window (the Network control).
class ScenarioStore
{
public:
    ScenarioStore();

    // A new set starts its sequences from their first step and its random draws from the seed.
    void setScenarios(ScenarioSetPtr scenarios);
    // The same file read again (a live reload, or the window's edit): each operation's sequence that reads as before
    // goes on from where it was; one that changed starts from its first step again, and the trace of its next answer
    // says so. Returns the keys of the restarted sequences (counter keys: the operation id, "*:" + id for "*"'s).
    // The random draws go on as well.
    QStringList adoptScenarios(ScenarioSetPtr scenarios);
    ScenarioSetPtr scenarios() const;
    // --seed: the same seed gives the same faults and delays for the same requests; nullopt = random per run.
    void setSeed(std::optional<quint64> seed);
    std::optional<quint64> seed() const;
    void setNetwork(NetworkProfile profile);
    NetworkProfile network() const;

    static QString networkName(NetworkProfile profile); // "off", "slow-3g", "flaky"
    static bool parseNetwork(const QString& text, NetworkProfile* out);
    static DelaySpec networkDelay(NetworkProfile profile);
    static double networkFaultRate(NetworkProfile profile);

    // Everything one request needs, taken at once: the set, and the next three uniform draws in [0, 1).
    // Each request takes exactly three draws (whether it uses them or not), so with a seed the n-th request of a
    // run always gets the same ones, and a count over many requests does not depend on their interleaving.
    struct Snapshot
    {
        ScenarioSetPtr scenarios;
        NetworkProfile network = NetworkProfile::Off;
        double draws[3] = { 0, 0, 0 };
    };
    Snapshot take() const;
    // The step of `key`'s sequence this request gets: 0, 1, ... then `steps - 1` again and again.
    // `restarted` (optional) is set when this is the first step after adoptScenarios() restarted the sequence.
    int nextStep(const QString& key, int steps, bool* restarted = nullptr) const;

private:
    mutable QMutex m_mutex;
    ScenarioSetPtr m_scenarios;
    std::optional<quint64> m_seed;
    quint64 m_base = 0; // the seed in use (random when none was given)
    std::atomic<int> m_network { int(NetworkProfile::Off) };
    mutable std::atomic<quint64> m_draw { 0 };
    mutable QHash<QString, int> m_steps; // guarded by m_mutex
    mutable QSet<QString> m_restarted; // sequences a reload changed, until their next step; guarded by m_mutex
};
