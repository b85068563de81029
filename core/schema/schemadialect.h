// SPDX-License-Identifier: MIT
// Which flavour of JSON Schema a definition's schemas are written in.
#pragma once

enum class SchemaDialect
{
    Draft4, // plain JSON Schema draft 4 (used by the conformance suite)
    OpenApi30, // OpenAPI 3.0 Schema Object (draft-4 based; nullable, boolean exclusive bounds) — also Swagger 2.0
    Draft202012, // plain JSON Schema 2020-12 (used by the conformance suite)
    OpenApi31, // OpenAPI 3.1 = JSON Schema 2020-12 + OpenAPI vocabulary
};

inline bool isModernDialect(SchemaDialect d)
{
    return d == SchemaDialect::Draft202012 || d == SchemaDialect::OpenApi31;
}

inline bool isOpenApiDialect(SchemaDialect d)
{
    return d == SchemaDialect::OpenApi30 || d == SchemaDialect::OpenApi31;
}
