// SPDX-License-Identifier: MIT
// Checks every example written in a definition against its schema, and every schema for contradictions, at load.
#pragma once

#include "core/definition/definition.h"
#include "core/json/diagnostic.h"

struct LintOptions
{
    int maxErrorsPerExample = 3; // listed in the message; the rest are counted
    int maxDiagnostics = 200; // a definition full of stale examples should not flood the diagnostics list
};

class ExampleLinter
{
public:
    /**
     * Media type `example`/`examples` (Response direction in responses, Request in request bodies), parameter and
     * header examples, and schema-level `example` (and 3.1 `examples`) of every schema reachable from an
     * operation or declared under components/schemas. Each mismatch is a WARNING with code "example-invalid", its
     * file and pointer mapped back through Definition::originOf (the loader fills in the line). Every example
     * pointer is checked once, however many operations share it. Every schema it walks is also checked for
     * contradictions no value can satisfy (SchemaChecks): a WARNING with code "schema-impossible" at the keyword.
     */
    static Diagnostics lint(const Definition& definition, const LintOptions& options = {});
};
