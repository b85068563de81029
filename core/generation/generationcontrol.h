// SPDX-License-Identifier: MIT
// The seed of generated values and whether every request draws fresh ones; shared by the window, CLI and mock.
#pragma once

#include <atomic>

#include <QtGlobal>

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
    // A new seed for one dynamic draw: different on every call, and the same sequence for the same seed.
    quint64 nextDrawSeed();

    // Parses a --seed or settings value: a decimal number from 0 to 2^64-1.
    static bool parseSeed(const QString& text, quint64* seed, QString* error);

private:
    std::atomic<quint64> m_seed { 0 };
    std::atomic<bool> m_dynamic { false };
    std::atomic<quint64> m_draws { 0 };
};
