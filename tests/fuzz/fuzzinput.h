// SPDX-License-Identifier: MIT
// Splits one fuzzer input into a mode byte and NUL-separated fields, so one target can drive several entry points.
#pragma once

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QList>

class FuzzInput
{
public:
    FuzzInput(const uint8_t* data, size_t size)
        : m_data(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)))
    { }

    // The first byte (0 when the input is empty); the fields start after it.
    uint8_t mode() const
    {
        return m_data.isEmpty() ? 0 : uint8_t(m_data.at(0));
    }
    // The input after the mode byte, copied (so no parser reads past the fuzzer's buffer without ASan noticing).
    QByteArray rest() const
    {
        return m_data.isEmpty() ? QByteArray() : QByteArray(m_data.constData() + 1, m_data.size() - 1);
    }
    // The input after the mode byte, split at NUL bytes into at most `count` fields (the last takes the rest).
    QList<QByteArray> fields(int count) const
    {
        QList<QByteArray> out;
        QByteArray tail = rest();
        while (out.size() + 1 < count) {
            const qsizetype nul = tail.indexOf('\0');
            if (nul < 0)
                break;
            out.append(tail.left(nul));
            tail.remove(0, nul + 1);
        }
        out.append(tail);
        while (out.size() < count)
            out.append(QByteArray());
        return out;
    }

private:
    QByteArray m_data;
};
