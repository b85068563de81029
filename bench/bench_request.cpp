// SPDX-License-Identifier: MIT
// Measures request validation cost through MockPipeline::handle: POST /books of the bundled example with a valid
// and an invalid JSON body, next to GET /health (no parameters, body or security: no validation work).
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"

namespace {

void measure(const char* name, const MockPipeline& pipeline, const HttpRequest& request)
{
    const MockResult first = pipeline.handle(request); // warm up: compiles the schemas once
    int iterations = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1000) {
        for (int i = 0; i < 200; ++i)
            pipeline.handle(request);
        iterations += 200;
    }
    const double us = double(timer.nsecsElapsed()) / iterations / 1000.0;
    std::printf("%-40s status=%d errors=%-2lld %8.1f us/request %9.0f requests/s\n", name, first.response.status,
        qlonglong(first.validationErrors.size()), us, 1e6 / us);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    if (!loaded.definition) {
        std::printf("cannot load the bundled example\n");
        return 1;
    }
    QElapsedTimer build;
    build.start();
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr);
    std::printf("pipeline built in %.2f ms\n", build.nsecsElapsed() / 1e6);

    HttpRequest health;
    health.method = "GET";
    health.path = QStringLiteral("/v1/health");
    measure("GET /health (nothing to validate)", pipeline, health);

    HttpRequest valid;
    valid.method = "POST";
    valid.path = QStringLiteral("/v1/books");
    valid.headers = { { "Content-Type", "application/json" }, { "Authorization", "Bearer token" } };
    valid.body =
        R"({"isbn":"978-0-261-10221-7","title":"The Hobbit","authorId":3,"genre":"fantasy","published":"1937-09-21"})";
    measure("POST /books valid body", pipeline, valid);

    HttpRequest invalid = valid;
    invalid.body = R"({"isbn":"0-261","title":"","authorId":0,"genre":"cooking","published":"yesterday"})";
    measure("POST /books invalid body (5 violations)", pipeline, invalid);

    HttpRequest unauthorized = valid;
    unauthorized.headers = { { "Content-Type", "application/json" } };
    measure("POST /books without credentials", pipeline, unauthorized);

    HttpRequest query;
    query.method = "GET";
    query.path = QStringLiteral("/v1/books");
    query.query = "limit=20&genre=fiction&q=hobbit";
    query.headers = { { "X-Request-Id", "123e4567-e89b-12d3-a456-426614174000" } };
    measure("GET /books?limit&genre&q + header", pipeline, query);
    return 0;
}
