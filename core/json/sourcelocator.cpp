// SPDX-License-Identifier: MIT
#include "core/json/sourcelocator.h"

#include <istream>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <QSet>

#include "core/json/jsonpointer.h"
#include "core/json/memorybuffer.h"

namespace {

// Tracks the pointer of every node while the parser streams events and records the wanted ones.
class Tracker : public YAML::EventHandler
{
public:
    explicit Tracker(const QSet<QString>& wanted)
        : m_wanted(wanted)
    { }

    QHash<QString, SourceLocator::Position> found;

    void OnDocumentStart(const YAML::Mark&) override { }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override
    {
        leaf(mark, QString());
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override
    {
        leaf(mark, QString());
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override
    {
        leaf(mark, QString::fromStdString(value));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(mark, false);
    }
    void OnSequenceEnd() override
    {
        close();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(mark, true);
    }
    void OnMapEnd() override
    {
        close();
    }

private:
    struct Frame
    {
        bool isMap = false;
        bool haveKey = false;
        bool inKey = false; // inside a complex key: nothing is recorded
        int index = 0;
        QString pointer; // pointer of this container
        QString childPointer; // pointer of the value being read (maps: set by the key)
    };

    bool expectingKey() const
    {
        return !m_frames.empty() && m_frames.back().isMap && !m_frames.back().haveKey;
    }

    QString nextPointer()
    {
        if (m_frames.empty())
            return QString();
        Frame& f = m_frames.back();
        if (f.isMap) {
            f.haveKey = false;
            return f.childPointer;
        }
        return JsonPointer::append(f.pointer, f.index++);
    }

    void record(const QString& pointer, const YAML::Mark& mark)
    {
        if (m_wanted.contains(pointer) && !found.contains(pointer))
            found.insert(pointer, SourceLocator::Position { mark.line + 1, mark.column + 1 });
    }

    void leaf(const YAML::Mark& mark, const QString& scalar)
    {
        if (expectingKey()) {
            Frame& f = m_frames.back();
            f.haveKey = true;
            f.childPointer = JsonPointer::append(f.pointer, scalar);
            // Keys locate the member better than the value (which may start on a later line).
            record(f.childPointer, mark);
            return;
        }
        record(nextPointer(), mark);
    }

    void open(const YAML::Mark& mark, bool isMap)
    {
        const bool inKey = expectingKey() || (!m_frames.empty() && m_frames.back().inKey);
        Frame f;
        f.isMap = isMap;
        f.inKey = inKey;
        if (!inKey) {
            f.pointer = nextPointer();
            record(f.pointer, mark);
        }
        m_frames.push_back(f);
    }

    void close()
    {
        const bool wasKey = m_frames.back().inKey;
        m_frames.pop_back();
        if (wasKey && !m_frames.empty() && m_frames.back().isMap && !m_frames.back().inKey) {
            m_frames.back().haveKey = true;
            m_frames.back().childPointer = JsonPointer::append(m_frames.back().pointer, QStringLiteral("?"));
        }
    }

    const QSet<QString>& m_wanted;
    std::vector<Frame> m_frames;
};

} // namespace

QHash<QString, SourceLocator::Position> SourceLocator::locate(const QByteArray& data, const QStringList& pointers)
{
    QSet<QString> wanted;
    for (const QString& p : pointers) {
        QString q = p;
        while (true) {
            wanted.insert(q);
            if (q.isEmpty())
                break;
            q.truncate(q.lastIndexOf(QLatin1Char('/')));
        }
    }
    Tracker tracker(wanted);
    MemoryBuffer buffer(data.constData(), static_cast<size_t>(data.size()));
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(tracker);
    } catch (...) {
        // Best effort: keep whatever was located before the parser stopped.
    }
    QHash<QString, Position> result;
    for (const QString& p : pointers) {
        QString q = p;
        while (true) {
            const auto it = tracker.found.constFind(q);
            if (it != tracker.found.constEnd()) {
                result.insert(p, *it);
                break;
            }
            if (q.isEmpty())
                break;
            q.truncate(q.lastIndexOf(QLatin1Char('/')));
        }
    }
    return result;
}

SourceLocator::Position SourceLocator::fromOffset(const QByteArray& data, qint64 offset)
{
    Position pos { 1, 1 };
    const qint64 end = qMin<qint64>(offset, data.size());
    for (qint64 i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(data.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}
