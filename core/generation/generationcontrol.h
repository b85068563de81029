// SPDX-License-Identifier: MIT
// The seed of generated values, whether every request draws fresh ones and the generation limits; shared by the window,
// CLI and mock.
#pragma once

#include <atomic>

#include <QtGlobal>

#include "core/schema/schemasampler.h"

/**
 * Thread-safe (atomics): the window or the command line sets it, the mock's threads read it for every generated
 * body. The same definition and seed give byte-identical bodies on every run; dynamic mode (--dynamic, the window's
 * toggle, or a request's `Prefer: dynamic=true`) draws fresh values per request instead.
 */
class GenerationControl
{
public:
    quint64 seed() const
    {
        return m_seed.load(std::memory_order_relaxed);
    }
    void setSeed(quint64 seed)
    {
        m_seed.store(seed, std::memory_order_relaxed);
    }
    bool isDynamic() const
    {
        return m_dynamic.load(std::memory_order_relaxed);
    }
    void setDynamic(bool dynamic)
    {
        m_dynamic.store(dynamic, std::memory_order_relaxed);
    }
    // How long one body may take to generate and how large it may be (--generation-limit); past either, the answer
    // is a 500 problem saying so. Read each time a body is generated; bodies already generated (and kept) stay as
    // they are until a reload.
    SampleBudget budget() const
    {
        return { m_timeLimitMs.load(std::memory_order_relaxed), m_byteLimit.load(std::memory_order_relaxed) };
    }
    void setBudget(const SampleBudget& budget)
    {
        m_timeLimitMs.store(budget.maxMilliseconds, std::memory_order_relaxed);
        m_byteLimit.store(budget.maxBytes, std::memory_order_relaxed);
    }
    // A new seed for one dynamic draw: different on every call, and the same sequence for the same seed.
    quint64 nextDrawSeed();

    // Parses a --seed or settings value: a decimal number from 0 to 2^64-1.
    static bool parseSeed(const QString& text, quint64* seed, QString* error);

private:
    std::atomic<quint64> m_seed { 0 };
    std::atomic<bool> m_dynamic { false };
    std::atomic<quint64> m_draws { 0 };
    std::atomic<qint64> m_timeLimitMs { SampleBudget().maxMilliseconds };
    std::atomic<qint64> m_byteLimit { SampleBudget().maxBytes };
};
