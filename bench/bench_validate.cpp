// SPDX-License-Identifier: MIT
// Measures SchemaValidator cost per request body: compile once, then validate valid and invalid bodies.
#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/schema/schemavalidator.h"

namespace {

// A self-contained OpenAPI 3.0 document, used when the shared GitHub description is not around.
const char* kBuiltIn = R"({"openapi":"3.0.3","components":{"schemas":{
  "Order":{"type":"object","required":["id","customer","items","status","createdAt"],
    "properties":{"id":{"type":"string","format":"uuid"},
      "customer":{"$ref":"#/components/schemas/Customer"},
      "items":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/Item"}},
      "status":{"type":"string","enum":["new","paid","shipped","cancelled"]},
      "note":{"type":"string","maxLength":500,"nullable":true},
      "createdAt":{"type":"string","format":"date-time"}}},
  "Customer":{"type":"object","required":["name","email"],"properties":{
      "name":{"type":"string","minLength":1},"email":{"type":"string","format":"email"},
      "tags":{"type":"array","items":{"type":"string","pattern":"^[a-z-]+$"},"uniqueItems":true}}},
  "Item":{"type":"object","required":["sku","quantity","price"],"additionalProperties":false,"properties":{
      "sku":{"type":"string","pattern":"^[A-Z]{3}-[0-9]{4}$"},"quantity":{"type":"integer","minimum":1},
      "price":{"type":"number","exclusiveMinimum":true,"minimum":0,"multipleOf":0.01}}}}},
  "x-valid":{"id":"123e4567-e89b-12d3-a456-426614174000","customer":{"name":"Ada","email":"ada@example.com",
      "tags":["vip","early-bird"]},"items":[{"sku":"ABC-1234","quantity":2,"price":9.99},
      {"sku":"XYZ-0001","quantity":1,"price":120.5}],"status":"paid","note":null,"createdAt":"2024-05-01T10:00:00Z"},
  "x-invalid":{"id":"nope","customer":{"name":"","email":"ada"},"items":[{"sku":"abc","quantity":0,"price":-1,
      "extra":true}],"status":"lost","createdAt":"yesterday"}})";

struct Case
{
    QString name;
    QJsonValue body;
};

// Breaks a valid body in several places so the invalid case reports many errors.
QJsonValue spoil(const QJsonObject& valid)
{
    QJsonObject bad = valid;
    int changed = 0;
    for (auto it = valid.constBegin(); it != valid.constEnd() && changed < 4; ++it) {
        if (it.value().isString()) {
            bad.insert(it.key(), 12345);
            ++changed;
        } else if (it.value().isDouble()) {
            bad.insert(it.key(), QStringLiteral("not a number"));
            ++changed;
        }
    }
    bad.remove(valid.constBegin().key());
    return bad;
}

void measure(const CompiledSchema& schema, const Case& c, bool collect)
{
    QList<SchemaError> errors;
    const bool valid = schema.validate(c.body, ValidationDirection::Response, &errors);
    // warm up, then run for ~0.5 s
    int iterations = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 500) {
        for (int i = 0; i < 100; ++i) {
            QList<SchemaError> list;
            schema.validate(c.body, ValidationDirection::Response, collect ? &list : nullptr);
        }
        iterations += 100;
    }
    const double ns = double(timer.nsecsElapsed()) / iterations;
    std::printf("%-34s %-13s valid=%-5s errors=%-3lld %9.0f ns/op %10.0f ops/s\n", qPrintable(c.name),
        collect ? "collect-all" : "first-error", valid ? "true" : "false", qlonglong(errors.size()), ns, 1e9 / ns);
    if (!collect && !valid && qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
        for (const SchemaError& e : errors)
            std::printf("    %s\n", qPrintable(e.toString()));
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // argv[1] may name another description; by default the shared material next to the checkout is used.
    const QString github = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                    : QDir::cleanPath(QFileInfo(QStringLiteral(__FILE__)).absolutePath()
                                        + QStringLiteral("/../../shared/testdata/specs/api.github.com.json"));
    QJsonObject document;
    QList<std::pair<QString, Case>> cases; // schema pointer -> body
    QFile file(github);
    QElapsedTimer timer;
    if (file.open(QIODevice::ReadOnly)) {
        timer.start();
        document = QJsonDocument::fromJson(file.readAll()).object();
        std::printf("loaded %s in %lld ms\n", qPrintable(github), timer.elapsed());
        const QJsonObject examples =
            document.value(QLatin1String("components")).toObject().value(QLatin1String("examples")).toObject();
        for (const char* name : { "issue", "pull-request", "full-repository" }) {
            const QString n = QString::fromLatin1(name);
            const QJsonValue body = examples.value(n).toObject().value(QLatin1String("value"));
            if (!body.isObject())
                continue;
            const QString pointer = QStringLiteral("/components/schemas/") + n;
            cases.append({ pointer, Case { QStringLiteral("github ") + n + QStringLiteral(" (example)"), body } });
            cases.append({ pointer,
                Case { QStringLiteral("github ") + n + QStringLiteral(" (spoiled)"), spoil(body.toObject()) } });
        }
    }
    if (cases.isEmpty()) {
        std::printf("GitHub description not found; using the built-in Order schema\n");
        document = QJsonDocument::fromJson(kBuiltIn).object();
    }
    // The built-in case always runs, so figures are comparable between machines.
    const QJsonObject builtIn = QJsonDocument::fromJson(kBuiltIn).object();
    SchemaCache builtInCache(builtIn, SchemaDialect::OpenApi30);
    SchemaCache cache(document, SchemaDialect::OpenApi30);

    const QString order = QStringLiteral("/components/schemas/Order");
    timer.restart();
    const CompiledSchemaPtr orderSchema = builtInCache.get(order);
    std::printf("compiled built-in Order in %lld us\n", qlonglong(timer.nsecsElapsed() / 1000));
    for (bool collect : { false, true }) {
        measure(*orderSchema,
            Case { QStringLiteral("built-in Order (valid)"), builtIn.value(QLatin1String("x-valid")) }, collect);
        measure(*orderSchema,
            Case { QStringLiteral("built-in Order (invalid)"), builtIn.value(QLatin1String("x-invalid")) }, collect);
    }
    for (const auto& [pointer, c] : cases) {
        timer.restart();
        const CompiledSchemaPtr schema = cache.get(pointer);
        const qint64 us = timer.nsecsElapsed() / 1000;
        if (c.name.endsWith(QLatin1String("(example)")))
            std::printf("compiled %s in %lld us\n", qPrintable(pointer), qlonglong(us));
        measure(*schema, c, false);
        measure(*schema, c, true);
    }
    const Diagnostics warnings = cache.warnings();
    std::printf("compile warnings: %lld\n", qlonglong(warnings.size()));
    return 0;
}
