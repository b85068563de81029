// SPDX-License-Identifier: MIT
// Cost of the request hot path without sockets: routing alone, and MockPipeline::handle end to end.
// `bench_pipeline [DEFINITION [CASE]]` (default: bench/data/bench.yaml next to the sources; CASE: only the cases
// whose name contains it). BENCH_ITERATIONS (default 20000) sets the calls per round, e.g. low for callgrind.
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/routing/router.h"

namespace {

template<typename F>
double nsPerCall(F&& f, int iterations)
{
    for (int i = 0; i < iterations / 10 + 1; ++i)
        f(); // warm caches (compiled schemas, generated bodies)
    double best = 1e18;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterations; ++i)
            f();
        best = std::min(best, double(timer.nsecsElapsed()) / iterations);
    }
    return best;
}

HttpRequest get(const char* path, const HeaderList& headers = {})
{
    HttpRequest r;
    r.method = "GET";
    const QByteArray full(path);
    const int q = full.indexOf('?');
    r.path = QString::fromLatin1(q < 0 ? full : full.left(q));
    r.query = q < 0 ? QByteArray() : full.mid(q + 1);
    r.headers = headers;
    r.headers.append(qMakePair(QByteArray("Host"), QByteArray("localhost")));
    r.headers.append(qMakePair(QByteArray("Accept"), QByteArray("*/*")));
    return r;
}

HttpRequest post(const char* path, const QByteArray& body)
{
    HttpRequest r = get(path, { qMakePair(QByteArray("Content-Type"), QByteArray("application/json")) });
    r.method = "POST";
    r.body = body;
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString file =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(UNDERSTUDY_SOURCE_DIR "/bench/data/bench.yaml");
    const LoadResult loaded = DefinitionLoader().loadFile(file);
    if (!loaded.definition) {
        fprintf(stderr, "cannot load %s\n", qPrintable(file));
        return 1;
    }
    const Router router(loaded.definition);
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
    printf("%s (%lld operations)\n", qPrintable(file), qint64(loaded.definition->operations.size()));

    struct Case
    {
        const char* name;
        HttpRequest request;
    };
    const QList<Case> cases = {
        { "GET with an example", get("/hello") },
        { "example + path substitution", get("/orders/42") },
        { "generated array of 100 objects", get("/orders") },
        { "404 problem", get("/nope") },
        { "valid POST (201)", post("/orders", R"({"sku":"ABC-1234","quantity":2})") },
        { "invalid POST (422, 3 errors)", post("/orders", R"({"sku":"abc","quantity":0,"extra":true})") },
        { "missing credentials (401)", get("/account") },
        { "forced status not defined",
            get("/hello", { qMakePair(QByteArray("x-redocly-response-status"), QByteArray("418")) }) },
    };
    const QByteArray only = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    const int iterations =
        qEnvironmentVariableIsSet("BENCH_ITERATIONS") ? qEnvironmentVariableIntValue("BENCH_ITERATIONS") : 20000;
    for (const Case& c : cases) {
        if (!only.isEmpty() && !QByteArray(c.name).contains(only))
            continue;
        const double route = nsPerCall([&] { return router.match(c.request.method, c.request.path).ok(); }, iterations);
        const double handle = nsPerCall([&] { return pipeline.handle(c.request).response.status; }, iterations);
        printf("  %-34s route %7.2f µs   handle %7.2f µs\n", c.name, route / 1000.0, handle / 1000.0);
    }
    return 0;
}
