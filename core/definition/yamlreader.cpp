// SPDX-License-Identifier: MIT
#include "core/definition/yamlreader.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <istream>
#include <limits>
#include <thread>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include "core/definition/yamlsplitter.h"
#include "core/json/jsonpointer.h"
#include "core/json/memorybuffer.h"

namespace {

// Thrown from the event handler to stop the parser when a guard trips; caught in YamlReader::read.
struct GuardTripped
{
    QString code;
    QString message;
    YAML::Mark mark;
};

bool isDigits(const char* p, const char* end, int base)
{
    if (p == end)
        return false;
    for (; p != end; ++p) {
        const char c = *p;
        const bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
            : base == 8            ? (c >= '0' && c <= '7')
                                   : (c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool isCoreFloat(const char* p, const char* end)
{
    if (p != end && (*p == '-' || *p == '+'))
        ++p;
    int intDigits = 0;
    while (p != end && *p >= '0' && *p <= '9') {
        ++p;
        ++intDigits;
    }
    int fracDigits = 0;
    if (p != end && *p == '.') {
        ++p;
        while (p != end && *p >= '0' && *p <= '9') {
            ++p;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '-' || *p == '+'))
            ++p;
        if (!isDigits(p, end, 10))
            return false;
        return true;
    }
    return p == end;
}

QJsonValue resolveScalar(const char* data, size_t size)
{
    const auto asString = [&] { return QJsonValue(QString::fromUtf8(data, static_cast<qsizetype>(size))); };
    if (size == 0)
        return QJsonValue(QJsonValue::Null);
    const char c = data[0];
    // Fast exit: only these first characters can start a non-string core-schema scalar.
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~' || c == 'n' || c == 'N' || c == 't'
            || c == 'T' || c == 'f' || c == 'F'))
        return asString();
    const std::string_view s(data, size);
    if (s == "~" || s == "null" || s == "Null" || s == "NULL")
        return QJsonValue(QJsonValue::Null);
    if (s == "true" || s == "True" || s == "TRUE")
        return QJsonValue(true);
    if (s == "false" || s == "False" || s == "FALSE")
        return QJsonValue(false);
    const char* end = data + size;
    if (size > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
        const int base = s[1] == 'x' ? 16 : 8;
        if (!isDigits(data + 2, end, base))
            return asString();
        bool ok = false;
        const qlonglong v = QByteArray(data + 2, static_cast<qsizetype>(size - 2)).toLongLong(&ok, base);
        if (ok)
            return QJsonValue(v);
        return QJsonValue(QByteArray(data + 2, static_cast<qsizetype>(size - 2)).toDouble());
    }
    const char* digits = (c == '-' || c == '+') ? data + 1 : data;
    if (isDigits(digits, end, 10)) {
        bool ok = false;
        const qlonglong v = QByteArray(data, static_cast<qsizetype>(size)).toLongLong(&ok, 10);
        if (ok)
            return QJsonValue(v);
        return QJsonValue(QByteArray(data, static_cast<qsizetype>(size)).toDouble());
    }
    const std::string_view unsignedPart(digits, static_cast<size_t>(end - digits));
    if (unsignedPart == ".inf" || unsignedPart == ".Inf" || unsignedPart == ".INF")
        return QJsonValue(
            c == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
    if (s == ".nan" || s == ".NaN" || s == ".NAN")
        return QJsonValue(std::numeric_limits<double>::quiet_NaN());
    if (isCoreFloat(data, end)) {
        bool ok = false;
        const double d = QByteArray(data, static_cast<qsizetype>(size)).toDouble(&ok);
        if (ok)
            return QJsonValue(d);
    }
    return asString();
}

// Builds the value bottom-up from parser events; aliases reuse the anchored (implicitly shared) value.
class Builder : public YAML::EventHandler
{
public:
    Builder(const QString& file, const YamlReader::Limits& limits, Diagnostics* diagnostics)
        : m_file(file)
        , m_limits(limits)
        , m_diagnostics(diagnostics)
    { }

    // For a piece of a split document: its values belong under `path` (as if the document's outer mappings were
    // open), its lines start at `firstLine`, and `cancelled` stops it when another piece failed.
    void enterPiece(const QStringList& path, int firstLine, const std::atomic<bool>* cancelled)
    {
        for (const QString& key : path) {
            Frame f;
            f.isMap = true;
            f.haveKey = true;
            f.key = key;
            m_frames.push_back(std::move(f));
        }
        m_baseDepth = m_frames.size();
        m_lineOffset = firstLine;
        m_cancelled = cancelled;
    }

    QJsonValue root() const
    {
        return m_root;
    }
    KeyOrder::Map takeKeyOrders()
    {
        return std::move(m_keyOrders);
    }
    qint64 nodes() const
    {
        return m_nodes;
    }

    void OnDocumentStart(const YAML::Mark&) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        if (expectingKey()) {
            setKey(QString(), mark);
            return;
        }
        count(1, mark);
        const QJsonValue v(QJsonValue::Null);
        remember(anchor, v, 1);
        addValue(v, mark);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.constFind(anchor);
        if (it == m_anchors.constEnd() || !it->complete)
            throw GuardTripped { QStringLiteral("yaml-alias-cycle"),
                QStringLiteral("An alias refers to a node that contains it (self-referencing alias)"), mark };
        if (expectingKey()) {
            setKey(keyText(it->value), mark);
            return;
        }
        count(it->nodes, mark);
        addValue(it->value, mark);
    }

    void OnScalar(
        const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override
    {
        if (expectingKey()) {
            setKey(QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size())), mark);
            if (anchor)
                remember(anchor, QJsonValue(m_frames.back().key), 1);
            return;
        }
        count(1, mark);
        QJsonValue v;
        if (tag == "?"
            || (tag.size() > 18 && tag.compare(0, 18, "tag:yaml.org,2002:") == 0 && tag != "tag:yaml.org,2002:str"))
            v = resolveScalar(value.data(), value.size());
        else
            v = QJsonValue(QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size())));
        remember(anchor, v, 1);
        addValue(v, mark);
    }

    void OnSequenceStart(
        const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        push(false, anchor, mark);
    }
    void OnSequenceEnd() override
    {
        pop();
    }

    void OnMapStart(
        const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        push(true, anchor, mark);
    }
    void OnMapEnd() override
    {
        pop();
    }

private:
    struct Frame
    {
        bool isMap = false;
        bool isKey = false; // a complex (map/sequence) key being built
        bool haveKey = false;
        bool record = false; // keep `keys` (see KeyOrder::isRecorded)
        QString key;
        QStringList keys;
        // A small map is built in place. A big one collects its members and becomes a QJsonObject once, in key
        // order: QJsonObject keeps its keys sorted in one array, so inserting n keys as written moves O(n^2).
        QJsonObject object;
        std::vector<std::pair<QString, QJsonValue>> members; // once the map is big
        QHash<QString, qsizetype> memberIndex; // key -> position in `members`
        qsizetype replacing = -1; // a duplicate key's member, which its new value replaces
        QJsonArray array;
        YAML::anchor_t anchor = 0;
        qint64 nodesAtStart = 0;
        YAML::Mark mark;
    };
    struct Anchored
    {
        QJsonValue value;
        qint64 nodes = 0;
        bool complete = false;
    };

    bool expectingKey() const
    {
        return !m_frames.empty() && m_frames.back().isMap && !m_frames.back().haveKey;
    }

    void count(qint64 n, const YAML::Mark& mark)
    {
        if (m_cancelled && m_cancelled->load(std::memory_order_relaxed))
            throw GuardTripped { QStringLiteral("yaml-cancelled"), QString(), mark };
        m_nodes += n;
        if (m_nodes > m_limits.maxNodes)
            throw GuardTripped { QStringLiteral("yaml-node-budget"),
                QStringLiteral("The document expands to more than %1 nodes (alias bomb?); giving up")
                    .arg(m_limits.maxNodes),
                mark };
    }

    void remember(YAML::anchor_t anchor, const QJsonValue& v, qint64 nodes)
    {
        if (anchor)
            m_anchors.insert(anchor, Anchored { v, nodes, true });
    }

    static QString keyText(const QJsonValue& v)
    {
        if (v.isString())
            return v.toString();
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        if (v.isNull())
            return QString();
        return v.toVariant().toString();
    }

    QString pointerOfTop() const
    {
        QString p;
        for (size_t i = 0; i + 1 < m_frames.size(); ++i) {
            const Frame& f = m_frames[i];
            p = f.isMap ? JsonPointer::append(p, f.key) : JsonPointer::append(p, static_cast<int>(f.array.size()));
        }
        return p;
    }

    static constexpr qsizetype kSmallMap = 32;

    static bool isBig(const Frame& f)
    {
        return !f.members.empty();
    }

    static void makeBig(Frame& f)
    {
        f.members.reserve(static_cast<size_t>(f.object.size()) * 4);
        f.memberIndex.reserve(f.object.size() * 4);
        for (auto it = f.object.constBegin(); it != f.object.constEnd(); ++it) {
            f.memberIndex.insert(it.key(), static_cast<qsizetype>(f.members.size()));
            f.members.emplace_back(it.key(), it.value());
        }
        f.object = QJsonObject();
    }

    static QJsonObject toObject(std::vector<std::pair<QString, QJsonValue>>& members)
    {
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        QJsonObject object;
        for (auto& member : members)
            object.insert(member.first, std::move(member.second));
        return object;
    }

    void setKey(const QString& key, const YAML::Mark& mark)
    {
        Frame& f = m_frames.back();
        f.key = key;
        f.haveKey = true;
        if (f.record)
            f.keys.append(key);
        f.replacing = isBig(f) ? f.memberIndex.value(key, -1) : -1;
        if (isBig(f) ? f.replacing >= 0 : f.object.contains(key)) {
            Diagnostic d = Diagnostic::warning(QStringLiteral("Duplicate key \"%1\"; the last value wins").arg(key),
                m_file, JsonPointer::append(pointerOfTop(), key), QStringLiteral("yaml-duplicate-key"));
            d.line = mark.line + 1 + m_lineOffset;
            d.column = mark.column + 1;
            m_diagnostics->append(d);
        }
    }

    void addValue(const QJsonValue& v, const YAML::Mark& mark)
    {
        if (m_frames.size() == m_baseDepth) {
            if (!m_hasRoot)
                m_root = v;
            m_hasRoot = true;
            return;
        }
        Frame& f = m_frames.back();
        if (f.isMap) {
            if (!isBig(f)) {
                f.object.insert(f.key, v);
                if (f.object.size() > kSmallMap)
                    makeBig(f);
            } else if (f.replacing >= 0) {
                f.members[static_cast<size_t>(f.replacing)].second = v;
            } else {
                f.memberIndex.insert(f.key, static_cast<qsizetype>(f.members.size()));
                f.members.emplace_back(f.key, v);
            }
            f.replacing = -1;
            f.haveKey = false;
        } else {
            f.array.append(v);
        }
        Q_UNUSED(mark);
    }

    void push(bool isMap, YAML::anchor_t anchor, const YAML::Mark& mark)
    {
        const bool isKey = expectingKey();
        if (!isKey)
            count(1, mark);
        if (static_cast<int>(m_frames.size()) >= m_limits.maxDepth)
            throw GuardTripped { QStringLiteral("yaml-depth"),
                QStringLiteral("Nesting is deeper than %1 levels").arg(m_limits.maxDepth), mark };
        Frame f;
        f.isMap = isMap;
        f.isKey = isKey;
        if (isMap && !isKey && !m_frames.empty()) {
            const Frame& parent = m_frames.back();
            const Frame& root = m_frames.front();
            f.record = KeyOrder::isRecorded(static_cast<int>(m_frames.size()),
                parent.isMap ? QStringView(parent.key) : QStringView(),
                root.isMap ? QStringView(root.key) : QStringView());
        }
        f.anchor = anchor;
        f.nodesAtStart = m_nodes;
        f.mark = mark;
        m_frames.push_back(std::move(f));
        if (anchor)
            m_anchors.insert(anchor, Anchored {});
    }

    void pop()
    {
        if (m_frames.back().record)
            m_keyOrders.insert(pointerOfTop(), std::move(m_frames.back().keys));
        Frame f = std::move(m_frames.back());
        m_frames.pop_back();
        const QJsonValue v =
            f.isMap ? QJsonValue(isBig(f) ? toObject(f.members) : std::move(f.object)) : QJsonValue(std::move(f.array));
        if (f.anchor)
            m_anchors.insert(f.anchor, Anchored { v, m_nodes - f.nodesAtStart + 1, true });
        if (f.isKey) {
            Diagnostic d = Diagnostic::warning(QStringLiteral("A mapping key is not a scalar; using its JSON text"),
                m_file, pointerOfTop(), QStringLiteral("yaml-complex-key"));
            d.line = f.mark.line + 1 + m_lineOffset;
            d.column = f.mark.column + 1;
            m_diagnostics->append(d);
            setKey(keyText(v), f.mark);
            return;
        }
        addValue(v, f.mark);
    }

    QString m_file;
    YamlReader::Limits m_limits;
    Diagnostics* m_diagnostics;
    std::vector<Frame> m_frames;
    QHash<YAML::anchor_t, Anchored> m_anchors;
    KeyOrder::Map m_keyOrders;
    QJsonValue m_root = QJsonValue(QJsonValue::Undefined);
    bool m_hasRoot = false;
    qint64 m_nodes = 0;
    size_t m_baseDepth = 0; // frames opened by enterPiece(), never closed by events
    int m_lineOffset = 0;
    const std::atomic<bool>* m_cancelled = nullptr;
};

Diagnostic errorAt(const QString& code, const QString& message, const QString& file, const YAML::Mark& mark)
{
    Diagnostic d = Diagnostic::error(message, file, QString(), code);
    if (!mark.is_null()) {
        d.line = mark.line + 1;
        d.column = mark.column + 1;
    }
    return d;
}

} // namespace

QJsonValue YamlReader::resolvePlainScalar(const QByteArray& text)
{
    return resolveScalar(text.constData(), static_cast<size_t>(text.size()));
}

namespace {

YamlReadResult readWhole(const QByteArray& data, const QString& file, const YamlReader::Limits& limits)
{
    YamlReadResult result;
    Builder builder(file, limits, &result.diagnostics);
    MemoryBuffer buffer(data.constData(), static_cast<size_t>(data.size()));
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const GuardTripped& g) {
        result.diagnostics.append(errorAt(g.code, g.message, file, g.mark));
        result.nodes = builder.nodes();
        return result;
    } catch (const YAML::DeepRecursion& e) {
        result.diagnostics.append(errorAt(
            QStringLiteral("yaml-depth"), QStringLiteral("Nesting is too deep for the YAML parser"), file, e.mark));
        return result;
    } catch (const YAML::Exception& e) {
        result.diagnostics.append(errorAt(QStringLiteral("yaml-syntax"),
            QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)), file, e.mark));
        return result;
    } catch (const std::exception& e) {
        result.diagnostics.append(
            Diagnostic::error(QStringLiteral("Cannot read YAML: %1").arg(QString::fromUtf8(e.what())), file, QString(),
                QStringLiteral("yaml-syntax")));
        return result;
    }
    result.value = builder.root();
    result.nodes = builder.nodes();
    result.keyOrders = builder.takeKeyOrders();
    result.ok = true;
    return result;
}

struct PieceResult
{
    QJsonObject value;
    Diagnostics diagnostics;
    KeyOrder::Map keyOrders;
    qint64 nodes = 0;
    bool ok = false;
};

void parsePiece(const QByteArray& data, const QString& file, const YamlReader::Limits& limits,
    const YamlSplitter::Plan& plan, int index, std::atomic<bool>* failed, PieceResult* out)
{
    const YamlSplitter::Piece& piece = plan.pieces[static_cast<size_t>(index)];
    const YamlSplitter::Mapping& mapping = plan.mappings[static_cast<size_t>(piece.mapping)];
    // yaml-cpp forgives an unfinished construct at the end of its input (an open quote, a key without a
    // colon) that it refuses before a following entry: the sentinel entry makes the piece's end a real one.
    const QLatin1String sentinel(YamlSplitter::kSentinelKey);
    QByteArray text = data.mid(piece.begin, piece.end - piece.begin);
    if (!text.endsWith('\n'))
        text += '\n';
    text += QByteArray(mapping.indent, ' ') + YamlSplitter::kSentinelKey + ": 0\n";
    Builder builder(file, limits, &out->diagnostics);
    builder.enterPiece(mapping.path, piece.firstLine, failed);
    MemoryBuffer buffer(text.constData(), static_cast<size_t>(text.size()));
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (...) {
        failed->store(true);
        return;
    }
    QJsonObject value = builder.root().toObject();
    const auto end = value.constFind(sentinel);
    if (!builder.root().isObject() || end == value.constEnd() || !end->isDouble() || end->toInt() != 0
        || builder.nodes() > limits.maxNodes) {
        failed->store(true);
        return;
    }
    value.remove(sentinel);
    out->value = std::move(value);
    out->nodes = builder.nodes() - 1;
    out->keyOrders = builder.takeKeyOrders();
    QString pointer;
    for (const QString& key : mapping.path)
        pointer = JsonPointer::append(pointer, key);
    const auto order = out->keyOrders.find(pointer);
    if (order != out->keyOrders.end() && !order->isEmpty() && order->last() == sentinel)
        order->removeLast();
    out->ok = true;
}

// Parses the plan's pieces on several threads and joins them; ok == false means "parse it whole instead"
// (a piece failed, or two pieces hold the same key: the whole parse reports both the same way as ever).
YamlReadResult readSplit(const QByteArray& data, const QString& file, const YamlReader::Limits& limits,
    const YamlSplitter::Plan& plan, int threads)
{
    YamlReadResult result;
    const size_t count = plan.pieces.size();
    std::vector<PieceResult> pieces(count);
    std::vector<int> order(count);
    for (size_t i = 0; i < count; ++i)
        order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& pa = plan.pieces[static_cast<size_t>(a)];
        const auto& pb = plan.pieces[static_cast<size_t>(b)];
        return pa.end - pa.begin > pb.end - pb.begin;
    });
    std::atomic<bool> failed { false };
    std::atomic<size_t> next { 0 };
    const auto work = [&] {
        for (size_t i = next++; i < count && !failed.load(); i = next++)
            parsePiece(data, file, limits, plan, order[i], &failed, &pieces[static_cast<size_t>(order[i])]);
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < qMin<int>(threads, static_cast<int>(count)); ++t)
        workers.emplace_back(work);
    work();
    for (std::thread& w : workers)
        w.join();
    if (failed.load())
        return result;

    qint64 nodes = static_cast<qint64>(plan.mappings.size()) - static_cast<qint64>(count);
    for (PieceResult& piece : pieces) {
        nodes += piece.nodes;
        result.diagnostics.append(piece.diagnostics);
        for (auto it = piece.keyOrders.begin(); it != piece.keyOrders.end(); ++it)
            result.keyOrders.insert(it.key(), std::move(it.value()));
    }
    if (nodes > limits.maxNodes)
        return result;
    // Children come after their parents in the plan, so building from the back finds every child built.
    std::vector<QJsonObject> built(plan.mappings.size());
    for (size_t m = plan.mappings.size(); m-- > 0;) {
        const YamlSplitter::Mapping& mapping = plan.mappings[m];
        std::vector<std::pair<QString, QJsonValue>> members;
        QStringList keys;
        for (const YamlSplitter::Part& part : mapping.parts) {
            if (part.piece >= 0) {
                const PieceResult& piece = pieces[static_cast<size_t>(part.piece)];
                for (auto it = piece.value.constBegin(); it != piece.value.constEnd(); ++it)
                    members.emplace_back(it.key(), it.value());
            } else {
                members.emplace_back(part.key, QJsonValue(std::move(built[static_cast<size_t>(part.child)])));
            }
        }
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t i = 1; i < members.size(); ++i)
            if (members[i].first == members[i - 1].first)
                return YamlReadResult {}; // the same key in two pieces
        QJsonObject object;
        for (auto& member : members)
            object.insert(member.first, std::move(member.second));
        built[m] = std::move(object);

        const QStringList& path = mapping.path;
        if (KeyOrder::isRecorded(static_cast<int>(path.size()),
                path.isEmpty() ? QStringView() : QStringView(path.last()),
                path.isEmpty() ? QStringView() : QStringView(path.first()))) {
            QString pointer;
            for (const QString& key : path)
                pointer = JsonPointer::append(pointer, key);
            for (const YamlSplitter::Part& part : mapping.parts)
                keys += part.piece >= 0 ? pieces[static_cast<size_t>(part.piece)].keyOrders.value(pointer)
                                        : QStringList { part.key };
            result.keyOrders.insert(pointer, keys);
        }
    }
    result.value = QJsonValue(std::move(built[0]));
    result.nodes = nodes;
    result.ok = true;
    return result;
}

} // namespace

YamlReadResult YamlReader::read(const QByteArray& data, const QString& file, const Limits& limits)
{
    const int threads = limits.threads > 0 ? limits.threads : qBound(1, QThread::idealThreadCount(), 8);
    if (limits.splitAboveBytes > 0 && data.size() >= limits.splitAboveBytes && (threads > 1 || limits.threads == 1)) {
        const qsizetype pieceBytes =
            limits.pieceBytes > 0 ? limits.pieceBytes : qMax<qsizetype>(64 * 1024, data.size() / 16);
        const YamlSplitter::Plan plan = YamlSplitter::plan(data, pieceBytes);
        if (!plan.isEmpty()) {
            YamlReadResult split = readSplit(data, file, limits, plan, threads);
            if (split.ok)
                return split;
        }
    }
    return readWhole(data, file, limits);
}
