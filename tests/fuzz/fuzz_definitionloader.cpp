// SPDX-License-Identifier: MIT
// Fuzzes DefinitionLoader::loadData: mode byte bit 0 picks JSON or YAML, the rest is the document.
#include "core/definition/definitionloader.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const FuzzInput input(data, size);
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
