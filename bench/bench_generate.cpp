// SPDX-License-Identifier: MIT
// Times SchemaSampler over every response schema of the large real-world definitions and a wide synthetic schema.
#include <algorithm>
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include "core/definition/definitionloader.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"

namespace {

struct Totals
{
    int schemas = 0;
    int projectRejected = -1; // by core/validation's SchemaValidator; -1 = not checked
    qint64 bytes = 0;
    qint64 largest = 0;
    QList<qint64> nanos;
};

void report(const char* name, Totals& t, qint64 totalNs)
{
    std::sort(t.nanos.begin(), t.nanos.end());
    const auto pct = [&t](double p) {
        return t.nanos.isEmpty() ? 0.0 : t.nanos.at(qMin(int(t.nanos.size() - 1), int(p * t.nanos.size()))) / 1000.0;
    };
    std::printf("%-28s %5d schemas  total %8.1f ms  p50 %7.1f us  p90 %7.1f us  max %8.1f us  "
                "out %7.1f KB (largest %6.1f KB)  SchemaValidator rejects %d\n",
        name, t.schemas, totalNs / 1e6, pct(0.5), pct(0.9), pct(1.0), t.bytes / 1024.0, t.largest / 1024.0,
        t.projectRejected);
}

// One pass over every response schema of `def`: times each SchemaSampler call and checks what it gives.
Totals samplePass(const Definition& def, const SchemaCache& cache, const SampleOptions& options, int limit,
    QStringList* firstRejects, qint64* sampling)
{
    const QJsonValue root(def.document);
    Totals t;
    t.projectRejected = 0;
    *sampling = 0;
    for (const Operation& op : def.operations) {
        for (const Response& r : op.responses) {
            for (const MediaType& m : r.content) {
                if (m.schema.isUndefined() || (limit >= 0 && t.schemas >= limit))
                    continue;
                QElapsedTimer one;
                one.start();
                const QJsonValue v =
                    SchemaSampler::sample(root, m.schema, def.dialect, options, nullptr, m.schemaPointer);
                const qint64 ns = one.nsecsElapsed();
                *sampling += ns;
                t.nanos.append(ns);
                ++t.schemas;
                const qint64 size = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact).size();
                t.bytes += size;
                t.largest = qMax(t.largest, size);
                const CompiledSchemaPtr compiled = cache.get(m.schemaPointer);
                QList<SchemaError> errors;
                if (compiled && !compiled->validate(v, ValidationDirection::Response, &errors)) {
                    ++t.projectRejected;
                    if (firstRejects && firstRejects->size() < 8)
                        firstRejects->append(QStringLiteral("SchemaValidator: ") + op.method + QLatin1Char(' ')
                            + op.path + QLatin1Char(' ') + r.code + QLatin1String(": ")
                            + (errors.isEmpty() ? QString() : errors.first().toString()));
                }
            }
        }
    }
    return t;
}

// `sharedCache`: one SchemaCache for the whole definition, as a long-lived caller keeps it; otherwise every call
// compiles the validators it needs (the cost of a caller that passes no cache). `limit` caps the schemas sampled.
// With a shared cache the plain synthesis and realistic values are timed in alternating rounds (the cache warm
// from a first pass), each round's best kept, and their ratio printed: the cost of realistic values.
void sampleDefinition(const char* name, const QString& path, bool sharedCache = true, int limit = -1)
{
    if (!QFile::exists(path)) {
        std::printf("%-28s skipped: %s not found\n", name, qPrintable(path));
        return;
    }
    QElapsedTimer load;
    load.start();
    const LoadResult loaded = DefinitionLoader().loadFile(path);
    if (!loaded.definition) {
        std::printf("%-28s skipped: the definition did not load\n", name);
        return;
    }
    const Definition& def = *loaded.definition;
    std::printf("%-28s loaded in %lld ms (%lld operations)\n", name, load.elapsed(), qlonglong(def.operations.size()));
    const SchemaCache cache(QJsonValue(def.document), def.dialect);
    SampleOptions options;
    options.cache = sharedCache ? &cache : nullptr;
    options.budget.maxMilliseconds = 0; // the cost of every body, also of those a busy machine takes long over
    QStringList firstRejects;
    qint64 sampling = 0;
    if (!sharedCache) {
        Totals t = samplePass(def, cache, options, limit, &firstRejects, &sampling);
        report(name, t, sampling);
    } else {
        options.realistic = false;
        (void)samplePass(def, cache, options, limit, nullptr, &sampling); // compiles the validators once
        const int rounds =
            qEnvironmentVariableIsSet("BENCH_ROUNDS") ? qMax(1, qEnvironmentVariableIntValue("BENCH_ROUNDS")) : 3;
        // BENCH_MODE=plain or realistic times only that one (for a profiler); default both.
        const QByteArray mode = qgetenv("BENCH_MODE");
        Totals best[2];
        qint64 bestNs[2] = { -1, -1 };
        for (int round = 0; round < rounds; ++round) {
            for (int realistic = 0; realistic < 2; ++realistic) {
                if ((mode == "plain" && realistic) || (mode == "realistic" && !realistic))
                    continue;
                options.realistic = realistic == 1;
                Totals t = samplePass(def, cache, options, limit, round == 0 ? &firstRejects : nullptr, &sampling);
                if (bestNs[realistic] < 0 || sampling < bestNs[realistic]) {
                    bestNs[realistic] = sampling;
                    best[realistic] = t;
                }
            }
        }
        if (bestNs[0] >= 0)
            report("  plain synthesis", best[0], bestNs[0]);
        if (bestNs[1] >= 0)
            report("  realistic values", best[1], bestNs[1]);
        if (bestNs[0] < 0 || bestNs[1] < 0)
            return;
        std::sort(best[0].nanos.begin(), best[0].nanos.end());
        std::sort(best[1].nanos.begin(), best[1].nanos.end());
        const auto median = [](const Totals& t) {
            return t.nanos.isEmpty() ? 0.0 : double(t.nanos.at(t.nanos.size() / 2));
        };
        std::printf("  realistic / plain: total %.2fx, p50 %.2fx (best of %d alternating rounds)\n",
            double(bestNs[1]) / double(qMax<qint64>(1, bestNs[0])), median(best[1]) / qMax(1.0, median(best[0])),
            rounds);
    }
    for (const QString& r : firstRejects)
        std::printf("    rejected: %s\n", qPrintable(r));
}

void sampleWideArray()
{
    // An array of 1000 objects with 30 properties each (strings with formats, numbers, nested object).
    QJsonObject props;
    const char* formats[] = { "date-time", "email", "uuid", "uri", "ipv4" };
    for (int i = 0; i < 30; ++i) {
        QJsonObject p;
        if (i % 3 == 0)
            p = QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                { QStringLiteral("format"), QLatin1String(formats[i % 5]) } };
        else if (i % 3 == 1)
            p = QJsonObject { { QStringLiteral("type"), QStringLiteral("number") },
                { QStringLiteral("multipleOf"), 0.25 }, { QStringLiteral("minimum"), 1 } };
        else
            p = QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
                { QStringLiteral("properties"),
                    QJsonObject { { QStringLiteral("code"),
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                            { QStringLiteral("pattern"), QStringLiteral("^[A-Z]{3}-\\d{4}$") } } } } } };
        props.insert(QStringLiteral("field%1").arg(i), p);
    }
    const QJsonObject item { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("properties"), props } };
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("array") },
        { QStringLiteral("minItems"), 1000 }, { QStringLiteral("uniqueItems"), true },
        { QStringLiteral("items"), item } };
    SampleOptions options;
    options.maxNodes = 200000;
    options.budget.maxMilliseconds = 0; // a throughput figure: no wall-time budget (a busy machine would hit it)
    options.realistic = qgetenv("BENCH_MODE") != "plain";
    Totals t;
    QElapsedTimer timer;
    timer.start();
    const int runs = 5;
    QJsonValue v;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer one;
        one.start();
        v = SchemaSampler::sample(QJsonObject(), schema, SchemaDialect::OpenApi30, options);
        t.nanos.append(one.nsecsElapsed());
        ++t.schemas;
    }
    t.bytes = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).size();
    t.largest = t.bytes;
    const QJsonObject doc { { QStringLiteral("schema"), schema } };
    t.projectRejected = SchemaValidator::compile(doc, QStringLiteral("/schema"), SchemaDialect::OpenApi30)
                            ->isValid(v, ValidationDirection::Response)
        ? 0
        : 1;
    report(options.realistic ? "array of 1000 objects (x5)" : "array of 1000, plain (x5)", t, timer.nsecsElapsed());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString shared = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/work/shared/testdata/specs");
    // BENCH_ONLY=github|stripe|wide runs one row; BENCH_LIMIT caps the schemas sampled per pass.
    const QByteArray only = qgetenv("BENCH_ONLY");
    const int limit = qEnvironmentVariableIsSet("BENCH_LIMIT") ? qEnvironmentVariableIntValue("BENCH_LIMIT") : -1;
    if (only.isEmpty() || only == "github")
        sampleDefinition("GitHub api.github.com.json", shared + QStringLiteral("/api.github.com.json"), true, limit);
    if (only.isEmpty() || only == "stripe")
        sampleDefinition("Stripe spec3.yaml", shared + QStringLiteral("/spec3.yaml"), true, limit);
    if (only.isEmpty())
        sampleDefinition("Stripe, no shared cache", shared + QStringLiteral("/spec3.yaml"), false, 100);
    if (only.isEmpty() || only == "wide")
        sampleWideArray();
    return 0;
}
