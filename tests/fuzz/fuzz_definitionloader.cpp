// SPDX-License-Identifier: MIT
// Fuzzes DefinitionLoader::loadData: mode byte bit 0 picks JSON or YAML, the rest is the document. With bit 1 set
// it also checks that reading the YAML cut into pieces (YamlSplitter) gives exactly what reading it whole gives.
#include <cstdio>
#include <cstdlib>

#include "core/definition/definitionloader.h"
#include "core/definition/yamlreader.h"
#include "fuzzinput.h"
#include "samejson.h"

namespace {

QStringList described(const Diagnostics& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << d.toString();
    return out;
}

void checkSplitReadsAsWhole(const QByteArray& text)
{
    YamlReader::Limits whole;
    whole.maxNodes = 200'000;
    whole.splitAboveBytes = 0;
    YamlReader::Limits split = whole;
    split.splitAboveBytes = 1;
    split.pieceBytes = 1;
    split.threads = 1;
    const QString file = QStringLiteral("fuzz.yaml");
    const YamlReadResult a = YamlReader::read(text, file, whole);
    const YamlReadResult b = YamlReader::read(text, file, split);
    const QStringList whyA = described(a.diagnostics), whyB = described(b.diagnostics);
    if (a.ok == b.ok && TestUtils::sameJson(a.value, b.value) && a.keyOrders == b.keyOrders && a.nodes == b.nodes
        && whyA == whyB)
        return;
    // Say what differs before stopping, so the crash log is the bug report.
    std::fprintf(stderr, "split read differs from whole read: ok %d/%d, nodes %lld/%lld, value %s, key orders %s\n",
        int(a.ok), int(b.ok), qlonglong(a.nodes), qlonglong(b.nodes),
        TestUtils::sameJson(a.value, b.value) ? "same" : "differ", a.keyOrders == b.keyOrders ? "same" : "differ");
    std::fprintf(stderr, "whole: %s\nsplit: %s\n", qPrintable(whyA.join(QLatin1Char('\n'))),
        qPrintable(whyB.join(QLatin1Char('\n'))));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const FuzzInput input(data, size);
    if ((input.mode() & 3) == 2)
        checkSplitReadsAsWhole(input.rest());
    // A folder that does not exist: relative $refs resolve to missing files, never to the checkout.
    const QString path = (input.mode() & 1) ? QStringLiteral("/nonexistent/understudy-fuzz/openapi.json")
                                            : QStringLiteral("/nonexistent/understudy-fuzz/openapi.yaml");
    LoadOptions options;
    options.maxNodes = 200'000; // the limits exist; small ones keep each run short
    options.maxFiles = 4;
    const LoadResult result = DefinitionLoader(options).loadData(input.rest(), path);
    if (result.definition)
        (void)result.definition->operations.size();
    for (const Diagnostic& d : result.diagnostics)
        (void)d.toString();
    return 0;
}
