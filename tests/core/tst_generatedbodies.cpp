// SPDX-License-Identifier: MIT
// Tests that every response body SchemaSampler generates for real definitions passes the project's validator.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"
#include "schematestutils.h"
#include "testutils.h"

using SchemaTestUtils::allFinite;

namespace {

constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024; // a mock body larger than this is a runaway sample
constexpr int kMaxFailuresShown = 20;

} // namespace

class TestGeneratedBodies : public QObject
{
    Q_OBJECT

private slots:
    void everyResponseValidates_data();
    void everyResponseValidates();
};

void TestGeneratedBodies::everyResponseValidates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumSchemas"); // guards against a loader change that silently drops responses
    QTest::addRow("GitHub REST (OpenAPI 3.0, JSON)") << QStringLiteral("testdata/specs/api.github.com.json") << 500;
    QTest::addRow("Stripe (OpenAPI 3.0, YAML)") << QStringLiteral("testdata/specs/spec3.yaml") << 500;
}

void TestGeneratedBodies::everyResponseValidates()
{
    QFETCH(QString, file);
    QFETCH(int, minimumSchemas);
    const QString path = TestUtils::sharedPath(file);
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("%1 is not available").arg(path)));

    const LoadResult loaded = DefinitionLoader().loadFile(path);
    QVERIFY2(loaded.definition, "the definition does not load");
    const Definition& def = *loaded.definition;
    const QJsonValue root(def.document);
    SampleOptions options;
    options.forResponse = true;
    options.cache = &def.schemas();
    options.budget.maxMilliseconds = 0; // validity is checked here, not speed (this also runs under ASan)

    int sampled = 0;
    QStringList failures;
    QElapsedTimer timer;
    timer.start();
    for (const Operation& op : def.operations) {
        for (const Response& response : op.responses) {
            for (const MediaType& media : response.content) {
                if (media.schema.isUndefined())
                    continue;
                ++sampled;
                const QString where =
                    QStringLiteral("%1 %2 -> %3 %4").arg(op.method, op.path, response.code, media.name);
                const QJsonValue body =
                    SchemaSampler::sample(root, media.schema, def.dialect, options, nullptr, media.schemaPointer);
                if (body.isUndefined() || !allFinite(body)) {
                    failures.append(where + QStringLiteral(": not a finite JSON value"));
                    continue;
                }
                const QByteArray bytes = QJsonDocument(QJsonArray { body }).toJson(QJsonDocument::Compact);
                const QJsonValue reparsed = QJsonDocument::fromJson(bytes).array().at(0);
                if (reparsed != body || bytes.size() > kMaxBodyBytes) {
                    failures.append(where + QStringLiteral(": does not round-trip or is %1 bytes").arg(bytes.size()));
                    continue;
                }
                const CompiledSchemaPtr schema = def.schemas().get(media.schemaPointer);
                if (!schema) {
                    failures.append(
                        where + QStringLiteral(": schema at '%1' does not compile").arg(media.schemaPointer));
                    continue;
                }
                QList<SchemaError> errors;
                if (!schema->validate(body, ValidationDirection::Response, &errors)) {
                    QStringList reasons;
                    for (const SchemaError& e : std::as_const(errors))
                        reasons.append(e.toString());
                    failures.append(where + QStringLiteral(": ") + reasons.join(QStringLiteral("; ")));
                }
            }
        }
    }
    qInfo("%d response schemas sampled and validated in %lld ms", sampled, timer.elapsed());
    QVERIFY2(sampled >= minimumSchemas, qPrintable(QStringLiteral("only %1 response schemas found").arg(sampled)));
    for (int i = 0; i < failures.size() && i < kMaxFailuresShown; ++i)
        qWarning("%s", qPrintable(failures.at(i)));
    QVERIFY2(failures.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 generated bodies are invalid").arg(failures.size()).arg(sampled)));
}

QTEST_GUILESS_MAIN(TestGeneratedBodies)
#include "tst_generatedbodies.moc"
