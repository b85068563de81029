// SPDX-License-Identifier: MIT
#include "core/schema/schemasampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTime>
#include <QTimeZone>

#include "core/json/jsonpointer.h"
#include "core/schema/ecmaregex.h"
#include "core/schema/formatcheckers.h"
#include "core/schema/realisticvalues.h"
#include "core/schema/regexsampler.h"
#include "core/schema/schemanumbers.h"
#include "core/schema/schemavalidator.h"

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxNotes = 64;
constexpr int kHardDepthSlack = 24; // levels past maxDepth before an unclosable recursion is cut
constexpr int kMaxFlattenDepth = 48; // nested allOf/$ref chains while merging one schema
constexpr int kMaxBranchTries = 12;

// Where the sampler stores a schema nobody could locate, so the validator can compile it with the document's refs.
const QLatin1String kDetachedKey("x-understudy-sampled-schema");

// A schema value together with its JSON pointer in the document, which is how the validator finds its compiled form.
struct Sub
{
    QJsonValue schema;
    QString pointer;
};
using Subs = QList<Sub>;

// A oneOf/anyOf/if-then-else still to be decided; branches are merged one at a time and the result is checked.
struct Pending
{
    enum Kind
    {
        OneOf,
        AnyOf,
        IfThenElse
    };
    Kind kind = OneOf;
    Subs branches; // IfThenElse: [if, then, else], Undefined when absent
    QJsonObject discriminator;
};

// Every keyword of a schema and its allOf/$ref closure, merged into one set of constraints.
struct Flat
{
    bool impossible = false;
    bool unresolved = false;
    bool needsCheck = false; // `not` or conflicting formats: the synthesized value is verified against the sources
    bool hasTypes = false;
    QStringList types;
    bool hasConst = false;
    QJsonValue constValue;
    bool hasEnum = false;
    QJsonArray enumValues;
    QList<QJsonValue> examples;
    QList<QJsonValue> defaults;
    double lo = -kInf;
    double hi = kInf;
    bool loEx = false;
    bool hiEx = false;
    QList<double> multipleOf;
    QString format;
    QString title; // meaning hints for realistic values
    QString description;
    QString faker; // Prism's x-faker
    int minLength = 0;
    int maxLength = -1;
    QStringList patterns;
    int minItems = 0;
    int maxItems = -1;
    bool uniqueItems = false;
    Subs itemsAll; // apply to every position
    Subs itemsRest; // apply past the prefix
    bool itemsForbidden = false; // nothing allowed past the prefix
    QList<Subs> prefix;
    Subs contains;
    int minContains = 1;
    QStringList propOrder;
    QHash<QString, Subs> props;
    QStringList required;
    QSet<QString> requiredSet; // the same names, for lookups in objects with many properties
    int minProperties = 0;
    int maxProperties = -1;
    Subs additional;
    QList<QSet<QString>> closedNames; // one entry per schema with additionalProperties: false
    QList<QStringList> closedPatterns;
    QList<QPair<QString, Sub>> patternProps;
    Subs propertyNames;
    QList<QPair<QString, QStringList>> dependentRequired;
    bool readOnly = false;
    bool writeOnly = false;
    QList<Pending> pending;
    Subs nots;
    QList<QJsonObject> discriminators; // inherited through allOf (no oneOf/anyOf next to them)
    QStringList refs;
};

// A hash that agrees with QJsonValue's equality (numbers hashed as doubles, object members in key order).
size_t jsonHash(const QJsonValue& v, size_t seed = 0)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return qHash(v.toBool(), seed ^ 0x1);
    case QJsonValue::Double:
        return qHash(v.toDouble(), seed ^ 0x2);
    case QJsonValue::String:
        return qHash(v.toString(), seed ^ 0x3);
    case QJsonValue::Array: {
        size_t h = seed ^ 0x4;
        for (const QJsonValue& item : v.toArray())
            h = jsonHash(item, h * 31 + 7);
        return h;
    }
    case QJsonValue::Object: {
        size_t h = seed ^ 0x5;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            h = jsonHash(it.value(), qHash(it.key(), h * 31 + 11));
        return h;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return seed ^ 0x6;
}

bool isStringFormat(const QString& f)
{
    static const QSet<QString> formats = { QStringLiteral("date-time"), QStringLiteral("date"), QStringLiteral("time"),
        QStringLiteral("email"), QStringLiteral("uuid"), QStringLiteral("uri"), QStringLiteral("url"),
        QStringLiteral("uri-reference"), QStringLiteral("hostname"), QStringLiteral("ipv4"), QStringLiteral("ipv6"),
        QStringLiteral("byte"), QStringLiteral("binary"), QStringLiteral("password") };
    return formats.contains(f);
}

int cpLength(const QString& s)
{
    return RegexSampler::codePointLength(s);
}

QString leftCodePoints(const QString& s, int n)
{
    const QList<uint> cps = s.toUcs4();
    if (cps.size() <= n)
        return s;
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()), n);
}

QString lastToken(const QString& ref)
{
    const QStringList tokens = JsonPointer::split(JsonPointer::fromFragment(ref));
    return tokens.isEmpty() ? ref : tokens.last();
}

// A count keyword (minLength, minItems, ...) as an int; huge values saturate (the budget refuses them).
int toCount(double d)
{
    return d >= 2147483647.0 ? 2147483647 : d > 0 ? int(d) : 0;
}

// About as many bytes as `v` takes as compact JSON (UTF-16 units for strings), without serialising it.
qint64 approxBytes(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString().size() + 2;
    case QJsonValue::Double:
        return 8;
    case QJsonValue::Array: {
        qint64 n = 2;
        for (const QJsonValue& item : v.toArray())
            n += approxBytes(item) + 1;
        return n;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        qint64 n = 2;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            n += it.key().size() + 4 + approxBytes(it.value());
        return n;
    }
    default:
        return 5;
    }
}

QString byteLimitText(qint64 bytes)
{
    if (bytes % (1 << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// An object under construction: QJsonObject inserts keep their keys sorted (each insert moves the tail), so
// members are collected here and inserted in key order once, which keeps huge objects linear.
class ObjectBuilder
{
public:
    qsizetype size() const
    {
        return m_values.size();
    }
    bool contains(const QString& key) const
    {
        return m_values.contains(key);
    }
    void insert(const QString& key, const QJsonValue& value)
    {
        m_values.insert(key, value);
    }
    void remove(const QString& key)
    {
        m_values.remove(key);
    }
    QJsonObject build() const
    {
        QStringList keys = m_values.keys();
        std::sort(keys.begin(), keys.end());
        QJsonObject out;
        for (const QString& key : std::as_const(keys))
            out.insert(key, m_values.value(key));
        return out;
    }

private:
    QHash<QString, QJsonValue> m_values;
};

int decimalsOf(double m)
{
    for (int d = 0; d <= 12; ++d) {
        const double scaled = m * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-9 * qMax(1.0, std::fabs(scaled)))
            return d;
    }
    return -1;
}

double roundTo(double v, int decimals)
{
    if (decimals < 0)
        return v;
    const double p = std::pow(10.0, decimals);
    return std::round(v * p) / p;
}

// The whole sampling run for one call: caches, recursion bookkeeping, node budget and notes.
class Sampler
{
public:
    Sampler(const QJsonValue& root, SchemaDialect dialect, const SampleOptions& options, QStringList* notes,
        const SchemaCache* cache)
        : m_root(root)
        , m_dialect(dialect)
        , m_options(options)
        , m_notes(notes)
        , m_cache(cache)
        , m_direction(options.forResponse ? ValidationDirection::Response : ValidationDirection::Request)
    { }

    SampleResult run(const Sub& schema)
    {
        m_clock.start();
        if (m_options.realistic) {
            nameRoot(schema.pointer);
            if (!m_options.name.isEmpty())
                m_rootName = m_options.name;
            // Top-level values of different parameters, headers and operations draw from different keys.
            m_baseKey = RealisticValues::mix(
                m_options.seed, RealisticValues::hash(m_rootName + QLatin1Char('|') + m_rootContext));
        }
        const Subs sources { schema };
        Flat f;
        flatten(schema, f, 0);
        const QJsonValue value = sampleFlat(f, sources, 0, false, 0);
        SampleResult result;
        if (stopped()) {
            result.value = QJsonValue(QJsonValue::Undefined);
            result.error = m_error;
            result.errorPointer = m_errorPointer;
            result.timedOut = m_timedOut;
        } else {
            result.value = value;
        }
        return result;
    }

private:
    // --- realistic values ----------------------------------------------------------------------------------

    // One step of m_path with the keys of realistic values up to it, so a value's keys cost nothing to find.
    struct PathStep
    {
        quint64 path; // the whole path so far
        quint64 stable; // without array indices
        int index; // the array index, or -1 for a property name
    };

    void pushPath(const QString& segment, int index)
    {
        m_path.append(segment);
        if (!m_options.realistic)
            return;
        const PathStep previous = m_steps.isEmpty() ? PathStep { m_baseKey, m_baseKey, -1 } : m_steps.last();
        const quint64 h = RealisticValues::hash(segment);
        m_steps.append(PathStep { RealisticValues::mix(previous.path, h),
            index < 0 ? RealisticValues::mix(previous.stable, h) : previous.stable, index });
    }

    void popPath()
    {
        m_path.removeLast();
        if (m_options.realistic)
            m_steps.removeLast();
    }

    // What the top-level value is called, from where it sits: a parameter's or header's name, a component's name, or
    // the last literal segment of an operation's path ("/users/{id}" -> "users") as the name of its objects.
    void nameRoot(const QString& pointer)
    {
        const QStringList tokens = JsonPointer::split(pointer);
        const qsizetype n = tokens.size();
        if (n >= 2 && tokens.at(n - 2) == QLatin1String("schemas"))
            m_rootContext = tokens.last();
        if (n >= 2 && tokens.last() == QLatin1String("schema")) {
            const QJsonObject holder =
                JsonPointer::value(m_root, pointer.left(pointer.lastIndexOf(QLatin1Char('/')))).toObject();
            if (holder.contains(QLatin1String("in")))
                m_rootName = holder.value(QLatin1String("name")).toString();
            else if (n >= 3 && tokens.at(n - 3) == QLatin1String("headers"))
                m_rootName = tokens.at(n - 2);
        }
        if (m_rootContext.isEmpty() && n >= 2 && tokens.first() == QLatin1String("paths")) {
            const QStringList segments = tokens.at(1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
            for (auto it = segments.crbegin(); it != segments.crend(); ++it) {
                if (!it->startsWith(QLatin1Char('{'))) {
                    m_rootContext = *it;
                    break;
                }
            }
        }
    }

    // The name realistic values see as their object's: its schema's name and the property holding it.
    QString objectContext(const Flat& f) const
    {
        QString name = f.refs.isEmpty() ? QString() : lastToken(f.refs.first());
        for (auto it = m_path.crbegin(); it != m_path.crend(); ++it) {
            bool numeric = false;
            it->toInt(&numeric);
            if (numeric)
                continue;
            if (*it != name)
                name = name.isEmpty() ? *it : name + QLatin1Char(' ') + *it;
            break;
        }
        return name.isEmpty() ? m_rootContext : name;
    }

    // Moves a realistic number into the schema's bounds and onto its multipleOf grid (the validator still decides).
    static double fitNumber(double v, const Flat& f, bool integer)
    {
        const bool finiteLo = std::isfinite(f.lo);
        const bool finiteHi = std::isfinite(f.hi);
        if (finiteLo && finiteHi && (v < f.lo || v > f.hi)) {
            const double span = f.hi - f.lo;
            v = (integer && span >= 1) ? f.lo + std::fmod(std::fabs(std::round(v)), std::floor(span) + 1)
                                       : f.lo + span * (std::fmod(std::fabs(v), 97.0) / 97.0);
        } else if (finiteLo && v < f.lo) {
            v = f.lo + std::fabs(v);
        } else if (finiteHi && v > f.hi) {
            v = f.hi > 0 ? std::fmod(v, f.hi + 1) : f.hi - std::fmod(std::fabs(v), 100.0);
        }
        if (f.multipleOf.size() == 1) {
            const double m = f.multipleOf.first();
            double k = std::round(v / m);
            if (finiteLo && k * m < f.lo)
                k = std::ceil(f.lo / m);
            if (finiteHi && k * m > f.hi)
                k = std::floor(f.hi / m);
            v = roundTo(k * m, decimalsOf(m));
        }
        if (integer)
            v = std::round(v);
        return std::isfinite(v) ? v : 0;
    }

    // The checks the validator makes on a scalar of merged constraints `f` (no `not`, no unresolved refs).
    bool fitsLocally(const QJsonValue& v, const Flat& f) const
    {
        if (v.isString())
            return stringFits(f, v.toString());
        if (!v.isDouble())
            return true;
        const double x = v.toDouble();
        if (x < f.lo || (f.loEx && x <= f.lo) || x > f.hi || (f.hiEx && x >= f.hi))
            return false;
        for (double m : f.multipleOf)
            if (!SchemaNumbers::isMultipleOf(x, m))
                return false;
        if (f.format == QLatin1String("int32") && (x < -2147483648.0 || x > 2147483647.0))
            return false;
        if (f.hasTypes && !f.types.contains(QLatin1String("number")) && std::floor(x) != x)
            return false;
        return true;
    }

    // A value that looks like the real thing (RealisticValues) and fits the schema, or Undefined.
    QJsonValue realistic(const QString& type, const Flat& f, const Subs& sources, int variant)
    {
        const bool boolean = type == QLatin1String("boolean");
        const bool string = type == QLatin1String("string");
        const bool integer = type == QLatin1String("integer")
            || (type == QLatin1String("number")
                && (f.format == QLatin1String("int32") || f.format == QLatin1String("int64")));
        if (!boolean && !string && type != QLatin1String("integer") && type != QLatin1String("number"))
            return QJsonValue(QJsonValue::Undefined);
        ValueHint hint;
        hint.type = integer ? QStringLiteral("integer") : type;
        // Keys from the value's place: its path, the path without array indices (ids count up per item) and the
        // enclosing object's path (its name, email and address belong to one person). Array items are their own object.
        const quint64 seed = m_baseKey;
        const qsizetype depth = m_steps.size();
        const quint64 path = depth ? m_steps.last().path : seed;
        const quint64 stable = depth ? m_steps.last().stable : seed;
        const bool lastIsIndex = depth && m_steps.last().index >= 0;
        const quint64 object = (depth == 0 || lastIsIndex) ? path : depth == 1 ? seed : m_steps.at(depth - 2).path;
        bool haveOrdinal = false;
        for (qsizetype i = depth - 1; i >= 0 && (hint.name.isEmpty() || !haveOrdinal); --i) {
            const PathStep& step = m_steps.at(i);
            if (step.index >= 0 && !haveOrdinal) {
                hint.ordinal = step.index; // the nearest array's index
                haveOrdinal = true;
            } else if (step.index < 0 && hint.name.isEmpty()) {
                hint.name = m_path.at(i);
            }
        }
        if (hint.name.isEmpty())
            hint.name = m_rootName;
        hint.key = RealisticValues::mix(path, quint64(variant));
        hint.stableKey = RealisticValues::mix(stable, quint64(variant));
        hint.objectKey = RealisticValues::mix(object, quint64(variant));
        hint.parent = m_contexts.isEmpty() ? m_rootContext : m_contexts.last();
        hint.format = f.format;
        hint.faker = f.faker;
        hint.title = f.title;
        hint.description = f.description;
        hint.minLength = f.minLength;
        hint.maxLength = f.maxLength;
        const ValueKind kind = RealisticValues::classify(hint);
        if (kind == ValueKind::None)
            return QJsonValue(QJsonValue::Undefined);
        const QList<Candidate> candidates = RealisticValues::candidates(kind, hint);
        const bool constrained = f.needsCheck || !f.patterns.isEmpty() || f.minLength > 0 || f.maxLength >= 0
            || !f.format.isEmpty() || std::isfinite(f.lo) || std::isfinite(f.hi) || !f.multipleOf.isEmpty()
            || f.unresolved;
        for (const Candidate& c : candidates) {
            QJsonValue value;
            switch (c.type) {
            case Candidate::Type::Number:
                if (string || boolean)
                    continue;
                value = fitNumber(c.number, f, integer);
                break;
            case Candidate::Type::Text:
                if (!string)
                    continue;
                value = c.text;
                break;
            case Candidate::Type::Boolean:
                if (!boolean)
                    continue;
                value = c.boolean;
                break;
            }
            // The schema engine decides. When the merged constraints say everything about the value (type, length,
            // pattern, format, bounds, multipleOf), its own checks (EcmaRegex, FormatCheckers, SchemaNumbers, the
            // same the validator runs) decide without a validator pass per value; `not`, conflicting formats and
            // unresolved refs ask the compiled validator.
            if (!constrained || (f.needsCheck || f.unresolved ? accepts(value, sources) : fitsLocally(value, f)))
                return value;
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    // --- bookkeeping ---------------------------------------------------------------------------------------

    bool stopped() const
    {
        return !m_error.isEmpty();
    }

    // The first reason no valid value exists (an impossible schema); sampling unwinds quickly after it.
    void fail(const QString& message, const Subs& sources)
    {
        if (stopped())
            return;
        m_error = message;
        m_errorPointer = sources.isEmpty() ? QString() : sources.first().pointer;
        m_budgetError = false;
    }

    void failBudget(const QString& message)
    {
        if (stopped())
            return;
        m_error = message;
        m_budgetError = true;
    }

    qint64 bytesLeft() const
    {
        return m_options.budget.maxBytes > 0 ? m_options.budget.maxBytes - m_bytes : std::numeric_limits<qint64>::max();
    }

    void overBytes()
    {
        failBudget(QStringLiteral("the schema demands a body over the generation limit of %1 (at %2)")
                       .arg(byteLimitText(m_options.budget.maxBytes), where()));
    }

    // Counts `bytes` against the budget (and looks at the clock now and then); true when sampling must stop.
    bool spend(qint64 bytes)
    {
        m_bytes += bytes;
        if (stopped())
            return true;
        if (bytesLeft() < 0)
            overBytes();
        if (!stopped() && m_options.budget.maxMilliseconds > 0 && (++m_ticks & 31) == 0
            && m_clock.elapsed() > m_options.budget.maxMilliseconds) {
            failBudget(QStringLiteral("generating the body took longer than the limit of %1 ms (at %2); the schema "
                                      "demands a body too large to generate")
                           .arg(m_options.budget.maxMilliseconds)
                           .arg(where()));
            m_timedOut = true;
        }
        return stopped();
    }

    QString where() const
    {
        if (m_path.isEmpty())
            return QStringLiteral("the top-level value");
        bool numeric = false;
        m_path.last().toInt(&numeric);
        if (numeric)
            return QStringLiteral("item %1 of '/%2'")
                .arg(m_path.last(), m_path.mid(0, m_path.size() - 1).join(QLatin1Char('/')));
        return QStringLiteral("property '%1'").arg(m_path.last());
    }

    template<typename Fn>
    void note(Fn&& text)
    {
        if (!m_notes || m_notes->size() >= kMaxNotes)
            return;
        const QString s = text();
        if (m_noteSet.contains(s))
            return;
        m_noteSet.insert(s);
        m_notes->append(s);
        if (m_notes->size() == kMaxNotes)
            m_notes->append(QStringLiteral("further notes suppressed"));
    }

    QJsonValue resolveRef(const QString& ref, QString* pointer)
    {
        *pointer = JsonPointer::isLocalRef(ref) ? JsonPointer::fromFragment(ref) : QString();
        const auto it = m_refCache.constFind(ref);
        if (it != m_refCache.constEnd())
            return it.value();
        QJsonValue target(QJsonValue::Undefined);
        if (JsonPointer::isLocalRef(ref))
            target = JsonPointer::value(m_root, *pointer);
        m_refCache.insert(ref, target);
        return target;
    }

    // The project's validator decides: a value the sampler accepts is one the mock's own checks accept.
    bool acceptsOne(const QJsonValue& v, const Sub& s)
    {
        if (s.schema.isUndefined() || (s.schema.isBool() && s.schema.toBool()))
            return true;
        if (s.schema.isObject() && s.schema.toObject().isEmpty())
            return true;
        auto it = m_compiled.constFind(s.pointer);
        if (it == m_compiled.constEnd())
            it = m_compiled.insert(s.pointer, m_cache->get(s.pointer));
        return !it.value() || it.value()->isValid(v, m_direction);
    }

    bool accepts(const QJsonValue& v, const Subs& sources)
    {
        for (const Sub& s : sources) {
            if (!acceptsOne(v, s))
                return false;
        }
        return true;
    }

    // The validator accepts writeOnly properties in responses (and readOnly ones in requests) when present; an
    // example that carries them would still leak them, so such examples are not used.
    bool hidesNothing(const QJsonValue& v, const Flat& f, int depth)
    {
        if (depth > kMaxFlattenDepth)
            return true;
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                const Subs schemas = propertySchemas(f, it.key());
                if (schemas.isEmpty())
                    continue;
                const Flat pf = flattenAll(schemas);
                if (m_options.forResponse ? pf.writeOnly : pf.readOnly)
                    return false;
                const QJsonValue child = it.value();
                if ((child.isObject() || child.isArray()) && !hidesNothing(child, pf, depth + 1))
                    return false;
            }
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QJsonValue item = a.at(i);
                if (!item.isObject() && !item.isArray())
                    continue;
                const Subs schemas = i < f.prefix.size() ? f.prefix.at(i) + f.itemsAll : f.itemsAll + f.itemsRest;
                if (!schemas.isEmpty() && !hidesNothing(item, flattenAll(schemas), depth + 1))
                    return false;
            }
        }
        return true;
    }

    bool isActive(const QStringList& refs) const
    {
        for (const QString& r : refs) {
            if (m_active.value(r) > 0)
                return true;
        }
        return false;
    }

    void pushActive(const QStringList& refs)
    {
        for (const QString& r : refs)
            ++m_active[r];
    }

    void popActive(const QStringList& refs)
    {
        for (const QString& r : refs)
            --m_active[r];
    }

    // --- merging -------------------------------------------------------------------------------------------

    static void intersectTypes(Flat& f, const QStringList& types)
    {
        if (!f.hasTypes) {
            f.hasTypes = true;
            f.types = types;
            return;
        }
        QStringList out;
        for (const QString& a : std::as_const(f.types)) {
            QString hit;
            if (types.contains(a))
                hit = a;
            else if ((a == QLatin1String("number") && types.contains(QLatin1String("integer")))
                || (a == QLatin1String("integer") && types.contains(QLatin1String("number"))))
                hit = QStringLiteral("integer");
            if (!hit.isEmpty() && !out.contains(hit))
                out.append(hit);
        }
        f.types = out;
    }

    static void tightenLo(Flat& f, double v, bool exclusive)
    {
        if (v > f.lo || (v == f.lo && exclusive && !f.loEx)) {
            f.lo = v;
            f.loEx = exclusive;
        }
    }

    static void tightenHi(Flat& f, double v, bool exclusive)
    {
        if (v < f.hi || (v == f.hi && exclusive && !f.hiEx)) {
            f.hi = v;
            f.hiEx = exclusive;
        }
    }

    static void mergePrefix(Flat& f, const QJsonArray& items, const QString& pointer)
    {
        for (int i = 0; i < items.size(); ++i) {
            if (i >= f.prefix.size())
                f.prefix.append(Subs());
            f.prefix[i].append(Sub { items.at(i), JsonPointer::append(pointer, i) });
        }
    }

    void flatten(const Sub& sub, Flat& f, int guard)
    {
        const QJsonValue& schema = sub.schema;
        const QString& at = sub.pointer;
        const auto child = [&at](const char* key) { return JsonPointer::append(at, QLatin1String(key)); };
        if (guard > kMaxFlattenDepth) {
            note([] { return QStringLiteral("schema nesting too deep to merge; inner constraints ignored"); });
            return;
        }
        if (schema.isBool()) {
            if (!schema.toBool())
                f.impossible = true;
            return;
        }
        if (!schema.isObject())
            return;
        const QJsonObject s = schema.toObject();
        const bool modern = isModernDialect(m_dialect);

        const auto refIt = s.constFind(QLatin1String("$ref"));
        if (refIt != s.constEnd()) {
            const QString ref = refIt->toString();
            QString targetPointer;
            const QJsonValue target = resolveRef(ref, &targetPointer);
            if (target.isUndefined()) {
                f.unresolved = true;
                note([&] {
                    return QStringLiteral("unresolvable $ref '%1' at %2 gave a permissive value").arg(ref, where());
                });
            } else if (!f.refs.contains(ref)) {
                f.refs.append(ref);
                flatten(Sub { target, targetPointer }, f, guard + 1);
            }
            if (!modern)
                return; // siblings of $ref are ignored in OpenAPI 3.0 / draft 4
        }
        if (s.contains(QLatin1String("$dynamicRef")) || s.contains(QLatin1String("$recursiveRef"))) {
            f.unresolved = true;
            note([&] { return QStringLiteral("dynamic reference at %1 not followed").arg(where()); });
        }

        for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue v = it.value();
            if (key == QLatin1String("type")) {
                QStringList types;
                if (v.isString())
                    types.append(v.toString());
                for (const QJsonValue& t : v.toArray())
                    types.append(t.toString());
                if (m_dialect == SchemaDialect::OpenApi30 && s.value(QLatin1String("nullable")).toBool()
                    && !types.isEmpty() && !types.contains(QLatin1String("null")))
                    types.append(QStringLiteral("null"));
                if (!types.isEmpty())
                    intersectTypes(f, types);
            } else if (key == QLatin1String("const")) {
                if (f.hasConst && f.constValue != v)
                    f.impossible = true;
                f.hasConst = true;
                f.constValue = v;
            } else if (key == QLatin1String("enum") && v.isArray()) {
                if (!f.hasEnum) {
                    f.hasEnum = true;
                    f.enumValues = v.toArray();
                } else {
                    const QJsonArray other = v.toArray();
                    QJsonArray kept;
                    for (const QJsonValue& e : std::as_const(f.enumValues)) {
                        if (other.contains(e))
                            kept.append(e);
                    }
                    f.enumValues = kept;
                }
            } else if (key == QLatin1String("example")) {
                f.examples.append(v);
            } else if (key == QLatin1String("examples") && v.isArray()) {
                for (const QJsonValue& e : v.toArray())
                    f.examples.append(e);
            } else if (key == QLatin1String("default")) {
                f.defaults.append(v);
            } else if (key == QLatin1String("minimum") && v.isDouble()) {
                tightenLo(f, v.toDouble(), s.value(QLatin1String("exclusiveMinimum")).toBool());
            } else if (key == QLatin1String("maximum") && v.isDouble()) {
                tightenHi(f, v.toDouble(), s.value(QLatin1String("exclusiveMaximum")).toBool());
            } else if (key == QLatin1String("exclusiveMinimum") && v.isDouble()) {
                tightenLo(f, v.toDouble(), true);
            } else if (key == QLatin1String("exclusiveMaximum") && v.isDouble()) {
                tightenHi(f, v.toDouble(), true);
            } else if (key == QLatin1String("multipleOf") && v.toDouble() > 0) {
                if (!f.multipleOf.contains(v.toDouble()))
                    f.multipleOf.append(v.toDouble());
            } else if (key == QLatin1String("format") && v.isString()) {
                if (f.format.isEmpty())
                    f.format = v.toString();
                else if (f.format != v.toString())
                    f.needsCheck = true;
            } else if (key == QLatin1String("title") && v.isString()) {
                if (f.title.isEmpty())
                    f.title = v.toString();
            } else if (key == QLatin1String("description") && v.isString()) {
                if (f.description.isEmpty())
                    f.description = v.toString();
            } else if (key == QLatin1String("x-faker") && v.isString()) {
                if (f.faker.isEmpty())
                    f.faker = v.toString();
            } else if (key == QLatin1String("minLength") && v.isDouble()) {
                f.minLength = qMax(f.minLength, toCount(v.toDouble()));
            } else if (key == QLatin1String("maxLength") && v.isDouble()) {
                const int m = int(qBound(0.0, v.toDouble(), 1e9));
                f.maxLength = f.maxLength < 0 ? m : qMin(f.maxLength, m);
            } else if (key == QLatin1String("pattern") && v.isString()) {
                if (!f.patterns.contains(v.toString()))
                    f.patterns.append(v.toString());
            } else if (key == QLatin1String("minItems") && v.isDouble()) {
                f.minItems = qMax(f.minItems, toCount(v.toDouble()));
            } else if (key == QLatin1String("maxItems") && v.isDouble()) {
                const int m = int(qBound(0.0, v.toDouble(), 1e9));
                f.maxItems = f.maxItems < 0 ? m : qMin(f.maxItems, m);
            } else if (key == QLatin1String("uniqueItems")) {
                f.uniqueItems = f.uniqueItems || v.toBool();
            } else if (key == QLatin1String("prefixItems") && v.isArray() && modern) {
                mergePrefix(f, v.toArray(), child("prefixItems"));
            } else if (key == QLatin1String("items")) {
                if (v.isArray()) {
                    mergePrefix(f, v.toArray(), child("items"));
                    const QJsonValue extra = s.value(QLatin1String("additionalItems"));
                    if (extra.isBool() && !extra.toBool())
                        f.itemsForbidden = true;
                    else if (extra.isObject())
                        f.itemsRest.append(Sub { extra, child("additionalItems") });
                } else if (v.isBool() && !v.toBool()) {
                    f.itemsForbidden = true;
                } else if (s.contains(QLatin1String("prefixItems")) && modern) {
                    f.itemsRest.append(Sub { v, child("items") });
                } else {
                    f.itemsAll.append(Sub { v, child("items") });
                }
            } else if (key == QLatin1String("contains")) {
                f.contains.append(Sub { v, child("contains") });
            } else if (key == QLatin1String("minContains") && v.isDouble()) {
                f.minContains = int(qBound(0.0, v.toDouble(), 1e5));
            } else if (key == QLatin1String("properties") && v.isObject()) {
                const QJsonObject props = v.toObject();
                const QString propsAt = child("properties");
                for (auto p = props.constBegin(); p != props.constEnd(); ++p) {
                    if (spend(0))
                        return; // a huge object over the time budget: stop merging too
                    auto slot = f.props.find(p.key());
                    if (slot == f.props.end()) {
                        f.propOrder.append(p.key());
                        slot = f.props.insert(p.key(), {});
                    }
                    slot->append(Sub { p.value(), JsonPointer::append(propsAt, p.key()) });
                }
            } else if (key == QLatin1String("required") && v.isArray()) {
                for (const QJsonValue& r : v.toArray()) {
                    if (r.isString() && !f.requiredSet.contains(r.toString())) {
                        f.required.append(r.toString());
                        f.requiredSet.insert(r.toString());
                    }
                }
            } else if (key == QLatin1String("minProperties") && v.isDouble()) {
                f.minProperties = qMax(f.minProperties, toCount(v.toDouble()));
            } else if (key == QLatin1String("maxProperties") && v.isDouble()) {
                const int m = int(qBound(0.0, v.toDouble(), 1e9));
                f.maxProperties = f.maxProperties < 0 ? m : qMin(f.maxProperties, m);
            } else if (key == QLatin1String("additionalProperties")) {
                if (v.isBool() && !v.toBool()) {
                    const QStringList names = s.value(QLatin1String("properties")).toObject().keys();
                    f.closedNames.append(QSet<QString>(names.cbegin(), names.cend()));
                    f.closedPatterns.append(s.value(QLatin1String("patternProperties")).toObject().keys());
                } else if (v.isObject()) {
                    f.additional.append(Sub { v, child("additionalProperties") });
                }
            } else if (key == QLatin1String("patternProperties") && v.isObject()) {
                const QJsonObject pp = v.toObject();
                const QString ppAt = child("patternProperties");
                for (auto p = pp.constBegin(); p != pp.constEnd(); ++p)
                    f.patternProps.append({ p.key(), Sub { p.value(), JsonPointer::append(ppAt, p.key()) } });
            } else if (key == QLatin1String("propertyNames")) {
                f.propertyNames.append(Sub { v, child("propertyNames") });
            } else if ((key == QLatin1String("dependentRequired") || key == QLatin1String("dependencies"))
                && v.isObject()) {
                const QJsonObject deps = v.toObject();
                for (auto d = deps.constBegin(); d != deps.constEnd(); ++d) {
                    if (!d.value().isArray())
                        continue;
                    QStringList names;
                    for (const QJsonValue& n : d.value().toArray())
                        names.append(n.toString());
                    f.dependentRequired.append({ d.key(), names });
                }
            } else if (key == QLatin1String("readOnly")) {
                f.readOnly = f.readOnly || v.toBool();
            } else if (key == QLatin1String("writeOnly")) {
                f.writeOnly = f.writeOnly || v.toBool();
            } else if (key == QLatin1String("allOf") && v.isArray()) {
                const QJsonArray parts = v.toArray();
                const QString allAt = child("allOf");
                for (int i = 0; i < parts.size(); ++i)
                    flatten(Sub { parts.at(i), JsonPointer::append(allAt, i) }, f, guard + 1);
            } else if ((key == QLatin1String("oneOf") || key == QLatin1String("anyOf")) && v.isArray()) {
                Pending p;
                p.kind = key == QLatin1String("oneOf") ? Pending::OneOf : Pending::AnyOf;
                const QJsonArray branches = v.toArray();
                const QString unionAt = JsonPointer::append(at, key);
                for (int i = 0; i < branches.size(); ++i)
                    p.branches.append(Sub { branches.at(i), JsonPointer::append(unionAt, i) });
                p.discriminator = s.value(QLatin1String("discriminator")).toObject();
                if (!p.branches.isEmpty())
                    f.pending.append(p);
            } else if (key == QLatin1String("not")) {
                f.nots.append(Sub { v, child("not") });
                f.needsCheck = true;
            } else if (key == QLatin1String("if")) {
                Pending p;
                p.kind = Pending::IfThenElse;
                p.branches = { Sub { v, child("if") }, Sub { s.value(QLatin1String("then")), child("then") },
                    Sub { s.value(QLatin1String("else")), child("else") } };
                f.pending.append(p);
            } else if (key == QLatin1String("discriminator") && v.isObject() && !s.contains(QLatin1String("oneOf"))
                && !s.contains(QLatin1String("anyOf"))) {
                f.discriminators.append(v.toObject());
            }
        }
    }

    // Merged once per distinct list of schema locations: the same property schemas come up for every instance of
    // an object, and merging a Stripe-sized allOf/$ref closure dominates sampling otherwise.
    Flat flattenAll(const Subs& schemas)
    {
        QString key;
        for (const Sub& s : schemas) {
            key += s.pointer;
            key += QLatin1Char('\n');
        }
        const auto it = m_flatCache.constFind(key);
        if (it != m_flatCache.constEnd())
            return it.value();
        Flat f;
        for (const Sub& s : schemas)
            flatten(s, f, 0);
        m_flatCache.insert(key, f);
        return f;
    }

    // --- sampling ------------------------------------------------------------------------------------------

    QJsonValue smallest(const Flat& f)
    {
        if (!f.hasTypes || f.types.contains(QLatin1String("null")))
            return QJsonValue(QJsonValue::Null);
        const QString t = f.types.value(0);
        if (t == QLatin1String("object"))
            return QJsonObject();
        if (t == QLatin1String("array"))
            return QJsonArray();
        if (t == QLatin1String("string"))
            return QString();
        if (t == QLatin1String("boolean"))
            return false;
        return 0;
    }

    QJsonValue sampleFlat(Flat f, const Subs& sources, int depth, bool minimal, int variant)
    {
        if (spend(0))
            return QJsonValue(QJsonValue::Null);
        if (depth > m_options.maxDepth + kHardDepthSlack) {
            note([&] {
                return QStringLiteral("recursion at %1 could not be closed; cut with an empty value").arg(where());
            });
            return smallest(f);
        }
        if (!m_exhausted && m_nodes > m_options.maxNodes) {
            m_exhausted = true;
            note([&] {
                return QStringLiteral("node budget of %1 reached at %2; the rest is minimal")
                    .arg(m_options.maxNodes)
                    .arg(where());
            });
        }
        if (m_nodes > qint64(m_options.maxNodes) * 2) {
            // Even minimal values can explode (required properties x minItems): stop building altogether, with the
            // smallest value when the schema allows it, else with an error (never an invalid body).
            const QJsonValue truncated = smallest(f);
            if (!accepts(truncated, sources)) {
                failBudget(QStringLiteral("the schema demands a body of more than %1 values, over the generation "
                                          "limit (at %2)")
                               .arg(qint64(m_options.maxNodes) * 2)
                               .arg(where()));
                return QJsonValue(QJsonValue::Null);
            }
            note([&] { return QStringLiteral("node budget exhausted at %1; the sample is truncated").arg(where()); });
            return truncated;
        }
        minimal = minimal || m_exhausted;
        if (!f.pending.isEmpty())
            return resolvePending(std::move(f), sources, depth, minimal, variant);
        return sampleLeaf(f, sources, depth, minimal, variant);
    }

    QString discriminatorValue(const QJsonObject& disc, const QString& ref) const
    {
        const QJsonObject mapping = disc.value(QLatin1String("mapping")).toObject();
        for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it) {
            const QString target = it.value().toString();
            if (target == ref || QStringLiteral("#/components/schemas/") + target == ref)
                return it.key();
        }
        return lastToken(ref);
    }

    // The `$ref` that discriminator.defaultMapping names ("Cat" -> "#/components/schemas/Cat"), or "".
    static QString defaultMappingRef(const QJsonObject& disc)
    {
        const QString target = disc.value(QLatin1String("defaultMapping")).toString();
        if (target.isEmpty() || target.contains(QLatin1Char('#')) || target.contains(QLatin1Char('/')))
            return target;
        return QStringLiteral("#/components/schemas/") + target;
    }

    QJsonValue resolvePending(Flat f, const Subs& sources, int depth, bool minimal, int variant)
    {
        const Pending p = f.pending.takeFirst();
        struct Option
        {
            Flat flat;
            QString discriminatorValue;
            bool recursive = false;
            int branchIndex = -1;
        };
        QList<Option> options;
        if (p.kind == Pending::IfThenElse) {
            Option a { f, {}, false, 0 };
            flatten(p.branches.at(0), a.flat, 0);
            flatten(p.branches.at(1), a.flat, 0);
            Option b { f, {}, false, 1 };
            flatten(p.branches.at(2), b.flat, 0);
            options = { a, b };
        } else {
            for (int i = 0; i < p.branches.size() && i < kMaxBranchTries; ++i) {
                // Branches are merged lazily (most unions stop at the first); recursion is judged by the
                // branch's own $ref, which is how expandable fields and nullable wrappers are written.
                Option o { Flat(), {}, false, i };
                const QString ref = p.branches.at(i).schema.toObject().value(QLatin1String("$ref")).toString();
                o.recursive = !ref.isEmpty() && m_active.value(ref) > 0;
                if (!p.discriminator.isEmpty() && !ref.isEmpty())
                    o.discriminatorValue = discriminatorValue(p.discriminator, ref);
                options.append(o);
            }
            // Branches that lead back into an enclosing schema come last, so recursion closes early; OpenAPI 3.2's
            // discriminator.defaultMapping names the branch to try first.
            const QString defaultRef = defaultMappingRef(p.discriminator);
            const auto rank = [&](const Option& o) {
                const bool isDefault = !defaultRef.isEmpty()
                    && p.branches.at(o.branchIndex).schema.toObject().value(QLatin1String("$ref")).toString()
                        == defaultRef;
                return (o.recursive ? 2 : 0) + (isDefault ? 0 : 1);
            };
            std::stable_sort(
                options.begin(), options.end(), [&](const Option& a, const Option& b) { return rank(a) < rank(b); });
        }
        const QString propertyName = p.discriminator.value(QLatin1String("propertyName")).toString();
        QJsonValue first;
        bool haveFirst = false;
        QString branchError;
        QString branchErrorPointer;
        for (Option& o : options) {
            if (p.kind != Pending::IfThenElse) {
                o.flat = f;
                flatten(p.branches.at(o.branchIndex), o.flat, 0);
            }
            // For oneOf, neighbouring variants may escape an overlap with another branch (0 vs 0.5).
            const int attempts = p.kind == Pending::OneOf ? 3 : 1;
            for (int attempt = 0; attempt < attempts; ++attempt) {
                QJsonValue v = sampleFlat(o.flat, sources, depth, minimal, variant + attempt);
                if (stopped()) {
                    if (m_budgetError)
                        return QJsonValue(QJsonValue::Null);
                    // An impossible branch rules out only itself: remember why and try the next one.
                    if (branchError.isEmpty()) {
                        branchError = m_error;
                        branchErrorPointer = m_errorPointer;
                    }
                    m_error.clear();
                    break;
                }
                bool ok = true;
                if (!propertyName.isEmpty() && !o.discriminatorValue.isEmpty() && v.isObject()) {
                    QJsonObject obj = v.toObject();
                    const QJsonValue mapped(o.discriminatorValue);
                    ok = accepts(mapped, propertySchemas(o.flat, propertyName));
                    if (ok) {
                        obj.insert(propertyName, mapped);
                        v = obj;
                    }
                }
                // The value was built from the merged branch, so it satisfies it; only what merging cannot express
                // is checked: oneOf exclusivity, the if-condition, and values that came out unchecked.
                if (ok && p.kind == Pending::OneOf) {
                    for (int b = 0; b < p.branches.size() && ok; ++b) {
                        if (b != o.branchIndex && acceptsOne(v, p.branches.at(b)))
                            ok = false;
                    }
                } else if (ok && p.kind == Pending::IfThenElse) {
                    const bool condition = acceptsOne(v, p.branches.at(0));
                    ok = condition ? (o.branchIndex == 0 || p.branches.at(1).schema.isUndefined())
                                   : (o.branchIndex == 1 || p.branches.at(2).schema.isUndefined());
                }
                if (ok) {
                    if (!propertyName.isEmpty() && !o.discriminatorValue.isEmpty())
                        note([&] {
                            return QStringLiteral("%1 takes the '%2' branch (discriminator '%3')")
                                .arg(where(), o.discriminatorValue, propertyName);
                        });
                    return v;
                }
                if (!haveFirst) {
                    first = v;
                    haveFirst = true;
                }
            }
        }
        if (!haveFirst && !branchError.isEmpty()) {
            m_error = branchError;
            m_errorPointer = branchErrorPointer;
            m_budgetError = false;
            return QJsonValue(QJsonValue::Null);
        }
        note([&] {
            const char* kind = p.kind == Pending::OneOf ? "oneOf" : p.kind == Pending::AnyOf ? "anyOf" : "if/then/else";
            return QStringLiteral("no %1 branch at %2 gave a fully valid value; using the first")
                .arg(QLatin1String(kind), where());
        });
        return first;
    }

    QString chooseType(const Flat& f, bool minimal) const
    {
        if (f.hasTypes) {
            if (f.types.isEmpty())
                return QStringLiteral("null");
            if (minimal && f.types.contains(QLatin1String("null")))
                return QStringLiteral("null");
            for (const QString& t : f.types) {
                if (t != QLatin1String("null"))
                    return t;
            }
            return QStringLiteral("null");
        }
        if (!f.propOrder.isEmpty() || !f.required.isEmpty() || f.minProperties > 0 || !f.patternProps.isEmpty()
            || !f.additional.isEmpty() || !f.closedNames.isEmpty() || f.maxProperties >= 0)
            return QStringLiteral("object");
        if (!f.itemsAll.isEmpty() || !f.itemsRest.isEmpty() || !f.prefix.isEmpty() || f.minItems > 0 || f.maxItems >= 0
            || !f.contains.isEmpty() || f.uniqueItems)
            return QStringLiteral("array");
        if (!f.patterns.isEmpty() || f.minLength > 0 || f.maxLength >= 0 || isStringFormat(f.format))
            return QStringLiteral("string");
        if (f.format == QLatin1String("int32") || f.format == QLatin1String("int64"))
            return QStringLiteral("integer");
        if (std::isfinite(f.lo) || std::isfinite(f.hi) || !f.multipleOf.isEmpty() || f.format == QLatin1String("float")
            || f.format == QLatin1String("double"))
            return QStringLiteral("number");
        return QString();
    }

    QJsonValue synth(const QString& type, const Flat& f, int depth, bool minimal, int variant)
    {
        if (type == QLatin1String("object"))
            return synthObject(f, depth, minimal, variant);
        if (type == QLatin1String("array"))
            return synthArray(f, depth, minimal, variant);
        if (type == QLatin1String("string"))
            return synthString(f, variant);
        if (type == QLatin1String("integer"))
            return synthNumber(f, true, variant);
        if (type == QLatin1String("number"))
            return synthNumber(f, false, variant);
        if (type == QLatin1String("boolean"))
            return variant % 2 == 0;
        if (type == QLatin1String("null"))
            return QJsonValue(QJsonValue::Null);
        // Untyped: a permissive value (an empty object), varied for uniqueness.
        if (variant == 0)
            return QJsonObject();
        return QStringLiteral("value%1").arg(variant);
    }

    QJsonValue sampleLeaf(const Flat& f, const Subs& sources, int depth, bool minimal, int variant)
    {
        ++m_nodes;
        if (f.impossible) {
            fail(QStringLiteral("%1 has contradictory constraints; nothing can satisfy it").arg(where()), sources);
            return QJsonValue(QJsonValue::Null);
        }
        if (f.hasTypes && f.types.isEmpty()) {
            fail(
                QStringLiteral("%1: its types contradict each other (allOf/$ref); nothing can satisfy it").arg(where()),
                sources);
            return QJsonValue(QJsonValue::Null);
        }
        if (f.hasConst) {
            spend(approxBytes(f.constValue));
            return f.constValue;
        }

        int remaining = variant;
        for (int pass = 0; pass < 2; ++pass) {
            const QList<QJsonValue>& list = pass == 0 ? f.examples : f.defaults;
            for (const QJsonValue& c : list) {
                if (c.isUndefined() || !accepts(c, sources) || !hidesNothing(c, f, 0))
                    continue;
                if (remaining-- > 0)
                    continue;
                spend(approxBytes(c));
                note([&] {
                    return QStringLiteral("%1 from its %2")
                        .arg(where(), QLatin1String(pass == 0 ? "example" : "default"));
                });
                return c;
            }
        }
        if (remaining < 0)
            remaining = 0;
        if (!f.examples.isEmpty() && variant == 0)
            note([&] {
                return QStringLiteral("%1: its example does not fit the schema; synthesized instead").arg(where());
            });

        if (f.hasEnum) {
            // Lazily, from the variant's slot onwards: long enums (currencies, countries) would cost a validation
            // per value, and each of those compares against the whole enum again.
            const qsizetype count = f.enumValues.size();
            for (qsizetype k = 0; k < count; ++k) {
                const QJsonValue e = f.enumValues.at((remaining + k) % count);
                if (accepts(e, sources)) {
                    spend(approxBytes(e));
                    return e;
                }
            }
            fail(count == 0 ? QStringLiteral("%1 has an empty enum (after allOf); nothing can satisfy it").arg(where())
                            : QStringLiteral("no enum value of %1 fits its other constraints").arg(where()),
                sources);
            return QJsonValue(QJsonValue::Null);
        }

        const QString type = chooseType(f, minimal);
        if (m_options.realistic) {
            const QJsonValue real = realistic(type, f, sources, remaining);
            if (!real.isUndefined()) {
                spend(approxBytes(real));
                return real;
            }
        }
        QJsonValue v = synth(type, f, depth, minimal, remaining);
        if (stopped())
            return QJsonValue(QJsonValue::Null);
        if (!v.isObject() && !v.isArray())
            spend(approxBytes(v));
        if (!f.needsCheck || accepts(v, sources))
            return v;
        // `not` / combinators rejected the plain value: try neighbours, then the other allowed types.
        for (int k = 1; k <= 4; ++k) {
            const QJsonValue alt = synth(type, f, depth, minimal, remaining + k);
            if (accepts(alt, sources))
                return alt;
        }
        QStringList others = f.hasTypes
            ? f.types
            : QStringList { QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("boolean"),
                  QStringLiteral("array"), QStringLiteral("object"), QStringLiteral("null") };
        for (const QString& t : std::as_const(others)) {
            if (t == type)
                continue;
            const QJsonValue alt = synth(t, f, depth, minimal, remaining);
            if (accepts(alt, sources))
                return alt;
        }
        fail(QStringLiteral("no value for %1 satisfies its schema (`not` or conflicting formats rule out every "
                            "candidate)")
                 .arg(where()),
            sources);
        return QJsonValue(QJsonValue::Null);
    }

    // --- objects -------------------------------------------------------------------------------------------

    bool nameAllowed(const Flat& f, const QString& name)
    {
        for (int i = 0; i < f.closedNames.size(); ++i) {
            if (f.closedNames.at(i).contains(name))
                continue;
            bool matched = false;
            for (const QString& p : f.closedPatterns.at(i)) {
                const QRegularExpression re = EcmaRegex::compile(p);
                if (re.isValid() && re.match(name).hasMatch()) {
                    matched = true;
                    break;
                }
            }
            if (!matched)
                return false;
        }
        for (const Sub& pn : f.propertyNames) {
            if (!acceptsOne(QJsonValue(name), pn))
                return false;
        }
        return true;
    }

    Subs propertySchemas(const Flat& f, const QString& name) const
    {
        Subs list = f.props.value(name);
        bool patternHit = false;
        for (const auto& pp : f.patternProps) {
            const QRegularExpression re = EcmaRegex::compile(pp.first);
            if (re.isValid() && re.match(name).hasMatch()) {
                list.append(pp.second);
                patternHit = true;
            }
        }
        if (!f.props.contains(name) && !patternHit)
            list += f.additional;
        return list;
    }

    QJsonValue synthObject(const Flat& f, int depth, bool minimal, int variant)
    {
        ObjectBuilder out;
        if (f.maxProperties >= 0 && f.minProperties > f.maxProperties) {
            fail(QStringLiteral("%1: minProperties is above maxProperties").arg(where()), {});
            return QJsonObject();
        }
        if (qint64(f.minProperties) * 4 > bytesLeft()) {
            overBytes();
            return QJsonObject();
        }
        spend(2);
        const bool childBase = minimal || depth >= m_options.maxDepth;
        pushActive(f.refs);
        // Realistic values below see this object's name as their parent's.
        struct ContextScope
        {
            QStringList& contexts;
            ~ContextScope()
            {
                contexts.removeLast();
            }
        };
        m_contexts.append(m_options.realistic ? objectContext(f) : QString());
        const ContextScope contextScope { m_contexts };
        const auto abandon = [&] {
            popActive(f.refs);
            return QJsonObject();
        };
        QStringList skippedOptional;
        QStringList optionalIncluded;
        QSet<QString> excluded;

        const auto addProperty = [&](const QString& name, const Subs& schemas, Flat pf, bool childMinimal) {
            if (spend(name.size() + 4))
                return;
            pushPath(name, -1);
            out.insert(name, sampleFlat(std::move(pf), schemas, depth + 1, childMinimal, variant));
            popPath();
        };

        for (const QString& name : f.propOrder) {
            if (stopped())
                return abandon();
            const bool required = f.requiredSet.contains(name);
            if (!nameAllowed(f, name)) {
                if (required) {
                    fail(QStringLiteral(
                             "required property '%1' of %2 is not allowed by the schema (additionalProperties: "
                             "false or propertyNames)")
                             .arg(name, where()),
                        {});
                    return abandon();
                }
                continue;
            }
            const Subs schemas = propertySchemas(f, name);
            Flat pf = flattenAll(schemas);
            if (m_options.forResponse ? pf.writeOnly : pf.readOnly) {
                excluded.insert(name);
                note([&] {
                    return QStringLiteral("%1 property '%2' left out of the %3")
                        .arg(QLatin1String(m_options.forResponse ? "writeOnly" : "readOnly"), name,
                            QLatin1String(m_options.forResponse ? "response" : "request"));
                });
                continue;
            }
            const bool recursive = isActive(pf.refs);
            if (!required
                && (!m_options.includeOptional || childBase || recursive || depth >= m_options.maxOptionalDepth)) {
                skippedOptional.append(name);
                if (recursive)
                    note([&] { return QStringLiteral("optional recursive property '%1' left out").arg(name); });
                continue;
            }
            if (recursive)
                note([&] {
                    return QStringLiteral("recursion at property '%1' closed with the smallest valid value").arg(name);
                });
            if (!required)
                optionalIncluded.append(name);
            addProperty(name, schemas, std::move(pf), childBase || recursive);
        }

        QStringList mustHave = f.required;
        for (int round = 0; round < 4; ++round) {
            for (const auto& dep : f.dependentRequired) {
                if (out.contains(dep.first) || mustHave.contains(dep.first)) {
                    for (const QString& n : dep.second) {
                        if (!mustHave.contains(n))
                            mustHave.append(n);
                    }
                }
            }
            bool added = false;
            for (const QString& name : std::as_const(mustHave)) {
                if (stopped())
                    return abandon();
                if (out.contains(name) || excluded.contains(name))
                    continue;
                if (!nameAllowed(f, name)) {
                    fail(QStringLiteral(
                             "required property '%1' of %2 is not allowed by the schema (additionalProperties: "
                             "false or propertyNames)")
                             .arg(name, where()),
                        {});
                    return abandon();
                }
                const Subs schemas = propertySchemas(f, name);
                Flat pf = flattenAll(schemas);
                addProperty(name, schemas, std::move(pf), childBase || isActive(pf.refs));
                optionalIncluded.removeAll(name);
                added = true;
            }
            if (!added)
                break;
        }

        if (out.size() < f.minProperties) {
            for (const QString& name : std::as_const(skippedOptional)) {
                if (out.size() >= f.minProperties)
                    break;
                const Subs schemas = propertySchemas(f, name);
                addProperty(name, schemas, flattenAll(schemas), true);
                optionalIncluded.append(name);
            }
            for (int i = 0; i < f.patternProps.size() && out.size() < f.minProperties; ++i) {
                for (int k = 0; k < 32 && out.size() < f.minProperties; ++k) {
                    QString key;
                    if (!RegexSampler::sample(f.patternProps.at(i).first, 1, 64, k, &key) || out.contains(key)
                        || f.props.contains(key) || !nameAllowed(f, key))
                        continue;
                    const Subs schemas = propertySchemas(f, key);
                    addProperty(key, schemas, flattenAll(schemas), true);
                    optionalIncluded.append(key);
                }
            }
            for (int k = 1; k <= f.minProperties + 32 && out.size() < f.minProperties; ++k) {
                const QString key = QStringLiteral("property%1").arg(k);
                if (out.contains(key) || f.props.contains(key) || !nameAllowed(f, key))
                    continue;
                const Subs schemas = propertySchemas(f, key);
                addProperty(key, schemas, flattenAll(schemas), true);
                optionalIncluded.append(key);
            }
            if (out.size() < f.minProperties)
                note([&] {
                    return QStringLiteral("%1 could not reach minProperties %2").arg(where()).arg(f.minProperties);
                });
        }
        while (f.maxProperties >= 0 && out.size() > f.maxProperties && !optionalIncluded.isEmpty())
            out.remove(optionalIncluded.takeLast());

        for (const QJsonObject& disc : f.discriminators) {
            const QString prop = disc.value(QLatin1String("propertyName")).toString();
            if (prop.isEmpty() || f.refs.isEmpty() || !out.contains(prop))
                continue;
            QString value;
            for (const QString& ref : f.refs) {
                const QString candidate = discriminatorValue(disc, ref);
                if (candidate != lastToken(ref) || disc.value(QLatin1String("mapping")).toObject().isEmpty()) {
                    value = candidate;
                    break;
                }
            }
            if (value.isEmpty())
                value = lastToken(f.refs.first());
            if (accepts(QJsonValue(value), propertySchemas(f, prop)))
                out.insert(prop, value);
        }
        popActive(f.refs);
        if (stopped())
            return QJsonObject();
        return out.build();
    }

    // --- arrays --------------------------------------------------------------------------------------------

    QJsonValue synthArray(const Flat& f, int depth, bool minimal, int variant)
    {
        const bool childBase = minimal || depth >= m_options.maxDepth;
        const int prefixCount = int(f.prefix.size());
        const Subs rest = f.itemsAll + f.itemsRest;
        pushActive(f.refs);
        const bool recursive = !rest.isEmpty() && isActive(flattenAll(rest).refs);

        int n = (childBase || recursive) ? f.minItems : qMax(f.minItems, prefixCount > 0 ? prefixCount : 1);
        const int needContains = f.contains.isEmpty() ? 0 : f.minContains;
        n = qMax(n, needContains);
        if (f.maxItems >= 0)
            n = qMin(n, f.maxItems);
        if (f.maxItems >= 0 && f.minItems > f.maxItems) {
            fail(QStringLiteral("%1: minItems is above maxItems").arg(where()), {});
            popActive(f.refs);
            return QJsonArray();
        }
        if (f.itemsForbidden && n > prefixCount) {
            if (f.minItems > prefixCount) {
                fail(QStringLiteral("%1: minItems exceeds the allowed tuple length").arg(where()), {});
                popActive(f.refs);
                return QJsonArray();
            }
            n = prefixCount;
        }
        // Every item costs at least a digit and a comma: refuse what cannot fit before building any of it.
        if (qint64(n) * 2 > bytesLeft()) {
            overBytes();
            popActive(f.refs);
            return QJsonArray();
        }
        spend(2);
        if (recursive && n > 0)
            note([&] { return QStringLiteral("recursion at %1 closed with %2 item(s)").arg(where()).arg(n); });

        QJsonArray out;
        // Items by their structural hash, so uniqueness stays linear for large arrays; equal hashes are compared as
        // values (QJsonValue's equality: 1 and 1.0 are the same number, as JSON Schema wants).
        QMultiHash<size_t, qsizetype> seen;
        const auto isDuplicate = [&](const QJsonValue& item, size_t hash) {
            for (auto it = seen.constFind(hash); it != seen.cend() && it.key() == hash; ++it) {
                if (out.at(it.value()) == item)
                    return true;
            }
            return false;
        };
        const Flat restFlat = flattenAll(rest);
        for (int i = 0; i < n && !spend(1); ++i) {
            Subs schemas = i < prefixCount ? f.prefix.at(i) + f.itemsAll : rest;
            if (i < needContains)
                schemas += f.contains;
            const Flat itemFlat = (i < prefixCount || i < needContains) ? flattenAll(schemas) : restFlat;
            const bool itemMinimal = childBase || recursive || isActive(itemFlat.refs);
            pushPath(QString::number(i), i);
            const int base = variant + (f.uniqueItems ? i : 0);
            QJsonValue item = sampleFlat(itemFlat, schemas, depth + 1, itemMinimal, base);
            if (f.uniqueItems) {
                size_t hash = jsonHash(item);
                for (int attempt = 1; attempt <= 8 && isDuplicate(item, hash); ++attempt) {
                    item = sampleFlat(itemFlat, schemas, depth + 1, itemMinimal, base + n * attempt);
                    hash = jsonHash(item);
                }
                if (isDuplicate(item, hash) && !stopped()) {
                    fail(QStringLiteral("%1 could not be made distinct from earlier items (uniqueItems)").arg(where()),
                        schemas);
                    popPath();
                    break;
                }
                seen.insert(hash, out.size());
            }
            popPath();
            if (stopped())
                break;
            out.append(item);
        }
        popActive(f.refs);
        return stopped() ? QJsonArray() : out;
    }

    // --- strings -------------------------------------------------------------------------------------------

    static QString formatBase(const QString& format, int variant)
    {
        constexpr qint64 firstDay = 19723; // 2024-01-01, in days since 1970-01-01
        if (format == QLatin1String("date-time"))
            return RealisticValues::isoDate(firstDay + variant) + QLatin1String("T00:00:00Z");
        if (format == QLatin1String("date"))
            return RealisticValues::isoDate(firstDay + variant);
        if (format == QLatin1String("time")) {
            const int second = int(((qint64(variant) % 86400) + 86400) % 86400);
            return RealisticValues::twoDigits(second / 3600) + QLatin1Char(':')
                + RealisticValues::twoDigits(second / 60 % 60) + QLatin1Char(':')
                + RealisticValues::twoDigits(second % 60) + QLatin1Char('Z');
        }
        if (format == QLatin1String("email"))
            return variant == 0 ? QStringLiteral("user@example.com")
                                : QStringLiteral("user%1@example.com").arg(variant);
        if (format == QLatin1String("uuid"))
            return QStringLiteral("3fa85f64-5717-4562-b3fc-%1")
                .arg(qulonglong(0x2c963f66afa6ULL + qulonglong(variant)), 12, 16, QLatin1Char('0'));
        if (format == QLatin1String("uri") || format == QLatin1String("url") || format == QLatin1String("iri"))
            return variant == 0 ? QStringLiteral("https://example.com")
                                : QStringLiteral("https://example.com/%1").arg(variant);
        if (format == QLatin1String("uri-reference") || format == QLatin1String("iri-reference"))
            return variant == 0 ? QStringLiteral("https://example.com/path")
                                : QStringLiteral("https://example.com/path/%1").arg(variant);
        if (format == QLatin1String("uri-template"))
            return QStringLiteral("https://example.com/{id}");
        if (format == QLatin1String("hostname") || format == QLatin1String("idn-hostname"))
            return variant == 0 ? QStringLiteral("example.com") : QStringLiteral("host%1.example.com").arg(variant);
        if (format == QLatin1String("ipv4"))
            return QStringLiteral("192.0.%1.%2").arg(2 + (variant / 254) % 250).arg(1 + variant % 254);
        if (format == QLatin1String("ipv6"))
            return QStringLiteral("2001:db8::%1").arg(1 + variant % 0xfffe, 0, 16);
        if (format == QLatin1String("byte"))
            return QByteArray(variant == 0 ? QByteArray("string") : QByteArray("string") + QByteArray::number(variant))
                .toBase64();
        if (format == QLatin1String("password"))
            return variant == 0 ? QStringLiteral("password") : QStringLiteral("password%1").arg(variant);
        if (format == QLatin1String("json-pointer"))
            return QStringLiteral("/path");
        if (format == QLatin1String("duration"))
            return QStringLiteral("P%1D").arg(1 + variant);
        return variant == 0 ? QStringLiteral("string") : QStringLiteral("string%1").arg(variant);
    }

    // Lengthens or shortens `s` within what its format allows; returns false when it cannot fit.
    static bool fitLength(QString& s, const QString& format, int minL, int maxL)
    {
        int len = cpLength(s);
        const bool okLen = len >= minL && (maxL < 0 || len <= maxL);
        if (okLen)
            return true;
        if (len < minL) {
            const int need = minL - len;
            if (format == QLatin1String("email")) {
                s.insert(s.indexOf(QLatin1Char('@')), QString(need, QLatin1Char('a')));
            } else if (format == QLatin1String("uri") || format == QLatin1String("url")
                || format == QLatin1String("iri") || format == QLatin1String("uri-reference")
                || format == QLatin1String("iri-reference")) {
                s += QLatin1Char('/') + QString(need - 1, QLatin1Char('a'));
            } else if (format == QLatin1String("hostname") || format == QLatin1String("idn-hostname")) {
                int left = need;
                while (left >= 2) {
                    const int label = qMin(63, left - 1);
                    s.prepend(QString(label, QLatin1Char('a')) + QLatin1Char('.'));
                    left -= label + 1;
                }
                if (left == 1)
                    s.prepend(QLatin1Char('h'));
            } else if (format == QLatin1String("date-time") || format == QLatin1String("time")) {
                if (need < 2)
                    return false;
                s.insert(s.size() - 1, QLatin1Char('.') + QString(need - 1, QLatin1Char('0')));
            } else if (format == QLatin1String("byte")) {
                const int target = (minL + 3) / 4 * 4;
                s = QByteArray(target / 4 * 3, 'a').toBase64();
            } else if (isStringFormat(format) && format != QLatin1String("binary")
                && format != QLatin1String("password")) {
                return false;
            } else {
                // Repeat the base as often as needed in one go (growing it piecewise and re-measuring was quadratic).
                const QString unit = s.isEmpty() ? QStringLiteral("x") : s;
                const int unitLength = qMax(1, cpLength(unit));
                s = leftCodePoints(unit.repeated(minL / unitLength + 1), minL);
            }
        } else {
            static const QHash<QString, QString> shortForms = { { QStringLiteral("email"), QStringLiteral("a@b.co") },
                { QStringLiteral("uri"), QStringLiteral("a:b") }, { QStringLiteral("url"), QStringLiteral("a:b") },
                { QStringLiteral("uri-reference"), QStringLiteral("a") },
                { QStringLiteral("hostname"), QStringLiteral("a") }, { QStringLiteral("ipv6"), QStringLiteral("::1") },
                { QStringLiteral("ipv4"), QStringLiteral("1.1.1.1") }, { QStringLiteral("byte"), QString() } };
            const auto it = shortForms.constFind(format);
            if (it != shortForms.constEnd())
                s = it.value();
            else if (isStringFormat(format) && format != QLatin1String("binary") && format != QLatin1String("password"))
                return false;
            else
                s = leftCodePoints(s, maxL);
        }
        len = cpLength(s);
        return len >= minL && (maxL < 0 || len <= maxL);
    }

    bool stringFits(const Flat& f, const QString& s) const
    {
        const int len = cpLength(s);
        if (len < f.minLength || (f.maxLength >= 0 && len > f.maxLength))
            return false;
        for (const QString& p : f.patterns) {
            const QRegularExpression re = EcmaRegex::compile(p);
            if (re.isValid() && !re.match(s).hasMatch())
                return false;
        }
        return f.format.isEmpty() || SchemaFormats::check(SchemaFormats::kindOf(f.format), QJsonValue(s));
    }

    QJsonValue synthString(const Flat& f, int variant)
    {
        if (f.maxLength >= 0 && f.minLength > f.maxLength) {
            fail(QStringLiteral("%1: minLength is above maxLength").arg(where()), {});
            return QString();
        }
        if (f.minLength > bytesLeft()) {
            overBytes();
            return QString();
        }
        for (const QString& pattern : f.patterns) {
            QString why;
            for (int k = 0; k < 4; ++k) {
                QString s;
                if (!RegexSampler::sample(pattern, f.minLength, f.maxLength, variant + k * 7, &s, &why))
                    break;
                if (stringFits(f, s))
                    return s;
            }
            note([&] {
                return QStringLiteral("pattern '%1' at %2 is beyond the generator (%3); a plain string was used")
                    .arg(pattern, where(), why.isEmpty() ? QStringLiteral("it conflicts with other constraints") : why);
            });
        }
        QString s = formatBase(f.format, variant);
        if (fitLength(s, f.format, f.minLength, f.maxLength) && stringFits(f, s))
            return s;
        if (!f.format.isEmpty() && isStringFormat(f.format))
            note(
                [&] { return QStringLiteral("%1: format '%2' cannot meet its length limits").arg(where(), f.format); });
        QString plain = variant == 0 ? QStringLiteral("string") : QStringLiteral("string%1").arg(variant);
        fitLength(plain, QString(), f.minLength, f.maxLength);
        return plain;
    }

    // --- numbers -------------------------------------------------------------------------------------------

    QJsonValue synthNumber(const Flat& f, bool integer, int variant)
    {
        double lo = f.lo;
        double hi = f.hi;
        bool loEx = f.loEx;
        bool hiEx = f.hiEx;
        if (f.format == QLatin1String("int32")) {
            if (lo < -2147483648.0) {
                lo = -2147483648.0;
                loEx = false;
            }
            if (hi > 2147483647.0) {
                hi = 2147483647.0;
                hiEx = false;
            }
        }
        if (f.format == QLatin1String("int32") || f.format == QLatin1String("int64"))
            integer = true;

        double m = 0;
        for (double d : f.multipleOf) {
            if (m == 0) {
                m = d;
                continue;
            }
            // Combine divisors: the smallest multiple of m that is also a multiple of d (bounded search).
            double combined = 0;
            for (int k = 1; k <= 1000; ++k) {
                if (SchemaNumbers::isMultipleOf(m * k, d)) {
                    combined = m * k;
                    break;
                }
            }
            if (combined == 0)
                note(
                    [&] { return QStringLiteral("%1: multipleOf values have no small common multiple").arg(where()); });
            else
                m = combined;
        }
        if (integer && m > 0 && !SchemaNumbers::isMultipleOf(m, 1.0)) {
            for (int k = 2; k <= 1000; ++k) {
                if (SchemaNumbers::isMultipleOf(m * k, 1.0)) {
                    m = std::round(m * k);
                    break;
                }
            }
        }
        // Fractional neighbours for non-integers, so a variant can tell "number" from "integer" (oneOf).
        const double target = (integer || m > 0 || variant == 0) ? double(variant) : variant - 0.5;
        double v = target;
        if (m > 0) {
            const int decimals = decimalsOf(m);
            double kLo = -kInf;
            double kHi = kInf;
            if (std::isfinite(lo)) {
                kLo = std::ceil(lo / m - 1e-12);
                if (loEx && roundTo(kLo * m, decimals) <= lo)
                    kLo += 1;
            }
            if (std::isfinite(hi)) {
                kHi = std::floor(hi / m + 1e-12);
                if (hiEx && roundTo(kHi * m, decimals) >= hi)
                    kHi -= 1;
            }
            double k = std::round(target / m);
            if (target > 0 && k == 0)
                k = 1; // variants must differ
            if (kLo > kHi) {
                fail(QStringLiteral("%1: no multiple of %2 within the bounds").arg(where()).arg(m), {});
                return 0;
            }
            k = qBound(kLo, k, kHi); // kLo <= kHi here: qBound's precondition holds
            v = roundTo(k * m, decimals);
        } else if (integer) {
            const double iLo = std::isfinite(lo) ? (loEx ? std::floor(lo) + 1 : std::ceil(lo)) : -kInf;
            const double iHi = std::isfinite(hi) ? (hiEx ? std::ceil(hi) - 1 : std::floor(hi)) : kInf;
            if (iLo > iHi) {
                fail(QStringLiteral("%1: no integer within the bounds").arg(where()), {});
                return 0;
            }
            v = qBound(iLo, target, iHi);
            if (v > iHi)
                v = iHi;
        } else {
            if (lo > hi || (lo == hi && (loEx || hiEx))) {
                fail(QStringLiteral("%1: no number within the bounds").arg(where()), {});
                return 0;
            }
            const bool belowLo = v < lo || (loEx && v <= lo);
            const bool aboveHi = v > hi || (hiEx && v >= hi);
            if (belowLo) {
                v = loEx ? lo + 1 : lo;
                if (v > hi || (hiEx && v >= hi))
                    v = (lo + hi) / 2;
            } else if (aboveHi) {
                v = hiEx ? hi - 1 : hi;
                if (v < lo || (loEx && v <= lo))
                    v = (lo + hi) / 2;
            }
        }
        if (!std::isfinite(v))
            v = 0;
        return v;
    }

    QJsonValue m_root;
    SchemaDialect m_dialect;
    SampleOptions m_options;
    QStringList* m_notes;
    const SchemaCache* m_cache;
    ValidationDirection m_direction;
    QHash<QString, CompiledSchemaPtr> m_compiled;
    QHash<QString, Flat> m_flatCache; // joined schema pointers -> their merged constraints // per call, so the shared
                                      // cache's mutex is taken once per pointer
    QHash<QString, QJsonValue> m_refCache;
    QHash<QString, int> m_active;
    QSet<QString> m_noteSet;
    QStringList m_path;
    QList<PathStep> m_steps; // m_path's keys for realistic values
    QStringList m_contexts; // names of the enclosing objects, for realistic values
    QString m_rootName; // the top-level value's name (a parameter's or header's), when it has one
    QString m_rootContext; // the top-level object's name (a component's, or the operation path's last word)
    quint64 m_baseKey = 0; // the seed mixed with the top-level names: where realistic keys start
    QElapsedTimer m_clock;
    qint64 m_bytes = 0;
    int m_ticks = 0;
    QString m_error;
    QString m_errorPointer;
    bool m_budgetError = false;
    bool m_timedOut = false; // the budget error is the clock's (set with it; budget errors are final)
    int m_nodes = 0;
    bool m_exhausted = false;
};

} // namespace

namespace {

// Validators compiled for the last documents sampled without a caller-provided cache (BodyBuilder samples one
// definition many times). Equal documents share one entry; the QJsonValue copy keeps the compared data alive.
std::shared_ptr<const SchemaCache> documentCache(const QJsonValue& root, SchemaDialect dialect)
{
    struct Slot
    {
        QJsonValue root;
        SchemaDialect dialect;
        std::shared_ptr<const SchemaCache> cache;
    };
    constexpr int kSlots = 2;
    static std::mutex mutex;
    static QList<Slot> recent; // most recently used first
    std::lock_guard<std::mutex> lock(mutex);
    for (qsizetype i = 0; i < recent.size(); ++i) {
        if (recent.at(i).dialect == dialect && recent.at(i).root == root) {
            if (i > 0)
                recent.move(i, 0);
            return recent.first().cache;
        }
    }
    auto cache = std::make_shared<const SchemaCache>(root, dialect);
    recent.prepend(Slot { root, dialect, cache });
    while (recent.size() > kSlots)
        recent.removeLast();
    return cache;
}

} // namespace

QJsonValue SchemaSampler::sample(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
    const SampleOptions& options, QStringList* notes, const QString& schemaPointer)
{
    const SampleResult result = generate(root, schema, dialect, options, notes, schemaPointer);
    if (result.ok())
        return result.value;
    if (notes)
        notes->append(result.error);
    return QJsonValue(QJsonValue::Null);
}

SampleResult SchemaSampler::generate(const QJsonValue& root, const QJsonValue& schema, SchemaDialect dialect,
    const SampleOptions& options, QStringList* notes, const QString& schemaPointer)
{
    QString pointer = schemaPointer;
    if (pointer.isNull()) {
        // A bare {"$ref": "#/..."} (siblings are ignored before 3.1) is the schema it points to, which has a place.
        const QJsonObject obj = schema.toObject();
        const QString ref = obj.value(QLatin1String("$ref")).toString();
        if (JsonPointer::isLocalRef(ref) && (obj.size() == 1 || !isModernDialect(dialect))
            && !JsonPointer::value(root, JsonPointer::fromFragment(ref)).isUndefined())
            pointer = JsonPointer::fromFragment(ref);
    }
    if (!pointer.isNull()) {
        std::shared_ptr<const SchemaCache> own;
        const SchemaCache* cache = options.cache;
        if (!cache) {
            own = documentCache(root, dialect);
            cache = own.get();
        }
        Sampler sampler(root, dialect, options, notes, cache);
        return sampler.run(Sub { schema, pointer });
    }
    // Nobody said where the schema lives: park it under a private key of a shallow copy of the document, so its
    // local $refs still resolve for the validator.
    QJsonObject document = root.toObject();
    document.insert(kDetachedKey, schema);
    const QJsonValue parked(document);
    const SchemaCache cache(parked, dialect);
    Sampler sampler(parked, dialect, options, notes, &cache);
    return sampler.run(Sub { schema, JsonPointer::append(QString(), kDetachedKey) });
}
