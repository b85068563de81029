// SPDX-License-Identifier: MIT
// Cost of stateful answers without sockets: GET an item, GET a page of the list, POST a new item (bundled example).
// `bench_state [ITEMS]`: the books collection holds ITEMS items (default 1000) before the GET rows are timed.
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"

namespace {

template<typename F>
double nsPerCall(F&& f, int iterations)
{
    for (int i = 0; i < iterations / 10 + 1; ++i)
        f();
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

HttpRequest request(const QByteArray& method, const QByteArray& target, const QByteArray& body = {})
{
    HttpRequest r;
    r.method = method;
    const int q = target.indexOf('?');
    r.path = QString::fromLatin1(q < 0 ? target : target.left(q));
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    r.headers = { { "Host", "localhost" }, { "Accept", "*/*" }, { "Authorization", "Bearer t" } };
    if (!body.isEmpty()) {
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        r.body = body;
    }
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int items = argc > 1 ? std::max(1, atoi(argv[1])) : 1000;
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    auto store = std::make_shared<StateStore>();
    store->setEnabled(true);
    const MockPipeline pipeline(loaded.definition, MockConfig(), nullptr, store);
    const QByteArray book = R"({"isbn":"978-0-261-10221-7","title":"The Hobbit","authorId":3,"genre":"fantasy"})";
    const HttpRequest post = request("POST", "/v1/books", book);
    while (int(store->items(QStringLiteral("books"), {}).size()) < items)
        pipeline.handle(post);
    printf("bundled example, stateful, books holds %d items\n", items);

    const struct
    {
        const char* name;
        HttpRequest request;
    } reads[] = {
        { "stateful GET /v1/books/2 (item)", request("GET", "/v1/books/2") },
        { "stateful GET /v1/books?limit=20 (page)", request("GET", "/v1/books?limit=20") },
        { "stateful GET /v1/books?genre=fiction", request("GET", "/v1/books?genre=fiction") },
        { "static GET /v1/books/2 (for comparison)", request("GET", "/v1/books/2") },
    };
    for (const auto& c : reads) {
        store->setEnabled(QByteArray(c.name).startsWith("stateful"));
        const double ns = nsPerCall([&] { return pipeline.handle(c.request).response.status; }, 2000);
        printf("  %-44s %8.2f µs\n", c.name, ns / 1000.0);
    }
    store->setEnabled(true);
    // POST grows the collection; time a fixed number on top of ITEMS.
    QElapsedTimer timer;
    timer.start();
    constexpr int posts = 2000;
    for (int i = 0; i < posts; ++i)
        pipeline.handle(post);
    printf("  %-44s %8.2f µs\n", "stateful POST /v1/books (create)", double(timer.nsecsElapsed()) / posts / 1000.0);
    return 0;
}
