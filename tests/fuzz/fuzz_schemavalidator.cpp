// SPDX-License-Identifier: MIT
// Fuzzes the schema compiler and validator: mode byte = dialect and direction, then schema JSON NUL instance JSON.
#include <QJsonArray>
#include <QJsonDocument>

#include "core/schema/schemavalidator.h"
#include "fuzzinput.h"

namespace {

// Any JSON value (scalars too): parsed inside an array so that "true" or "3" is a schema or instance as well.
QJsonValue parseValue(const QByteArray& text, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    *ok = error.error == QJsonParseError::NoError && doc.array().size() == 1;
    return *ok ? doc.array().at(0) : QJsonValue();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const FuzzInput input(data, size);
    const QList<QByteArray> fields = input.fields(2);
    bool ok = false;
    const QJsonValue schema = parseValue(fields.at(0), &ok);
    if (!ok)
        return -1; // not worth keeping in the corpus
    const QJsonValue instance = parseValue(fields.at(1), &ok);
    if (!ok)
        return -1;
    const SchemaDialect dialects[] = { SchemaDialect::Draft4, SchemaDialect::OpenApi30, SchemaDialect::Draft202012,
        SchemaDialect::OpenApi31 };
    const ValidationDirection directions[] = { ValidationDirection::None, ValidationDirection::Request,
        ValidationDirection::Response };
    const SchemaDialect dialect = dialects[input.mode() % 4];
    const ValidationDirection direction = directions[(input.mode() / 4) % 3];
    SchemaOptions options = SchemaOptions::forDialect(dialect);
    options.assertFormats = (input.mode() & 0x80) != 0;
    Diagnostics warnings;
    const CompiledSchemaPtr compiled = SchemaValidator::compile(schema, QString(), dialect, options, &warnings);
    if (!compiled)
        return 0;
    QList<SchemaError> errors;
    const bool valid = compiled->validate(instance, direction, &errors);
    // The two ways of asking must agree: all errors collected, or stop at the first.
    if (valid != compiled->isValid(instance, direction) || valid != errors.isEmpty())
        __builtin_trap();
    for (const SchemaError& e : errors)
        (void)e.toString();
    return 0;
}
