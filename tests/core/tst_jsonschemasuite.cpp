// SPDX-License-Identifier: MIT
// Runs the official JSON Schema Test Suite (draft 4, 2020-12) through SchemaValidator and ratchets the pass counts.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/schema/schemavalidator.h"
#include "testutils.h"

// Runs one folder of the suite and compares the counts with tests/data/jsonschemasuite/ratchet.json.
class TestJsonSchemaSuite : public QObject
{
    Q_OBJECT

private slots:
    void suite_data();
    void suite();

private:
    struct Counts
    {
        int passed = 0;
        int total = 0;
        int skipped = 0;
        QStringList failures;
    };
    static Counts runFolder(const QString& folder, SchemaDialect dialect, bool assertFormats);
};

namespace {

QString suiteRoot()
{
    return TestUtils::sharedPath(QStringLiteral("testdata/json-schema-test-suite/tests/"));
}

// Cases that need documents we do not have: the suite's remotes server and the official meta-schemas.
bool needsRemote(const QJsonValue& schema, const Diagnostics& warnings)
{
    const QByteArray text = QJsonDocument(QJsonArray { schema }).toJson(QJsonDocument::Compact);
    if (text.contains("localhost:1234"))
        return true;
    for (const Diagnostic& d : warnings) {
        if (d.code == QLatin1String("schema-ref-unresolved")
            && (d.message.contains(QLatin1String("http://")) || d.message.contains(QLatin1String("https://"))
                || d.message.contains(QLatin1String("urn:"))))
            return true;
    }
    return false;
}

} // namespace

TestJsonSchemaSuite::Counts TestJsonSchemaSuite::runFolder(
    const QString& folder, SchemaDialect dialect, bool assertFormats)
{
    Counts counts;
    const QDir dir(folder);
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    SchemaOptions options = SchemaOptions::forDialect(dialect);
    options.assertFormats = assertFormats;
    for (const QString& file : files) {
        const QJsonArray groups = QJsonDocument::fromJson(TestUtils::readFile(dir.filePath(file))).array();
        for (const QJsonValue& groupValue : groups) {
            const QJsonObject group = groupValue.toObject();
            const QJsonValue schema = group.value(QLatin1String("schema"));
            const QJsonArray tests = group.value(QLatin1String("tests")).toArray();
            Diagnostics warnings;
            const CompiledSchemaPtr compiled = SchemaValidator::compile(schema, QString(), dialect, options, &warnings);
            if (needsRemote(schema, warnings)) {
                counts.skipped += int(tests.size());
                continue;
            }
            for (const QJsonValue& testValue : tests) {
                const QJsonObject test = testValue.toObject();
                const bool expected = test.value(QLatin1String("valid")).toBool();
                const QJsonValue data = test.value(QLatin1String("data"));
                QList<SchemaError> errors;
                const bool quick = compiled->validate(data, ValidationDirection::None, nullptr);
                const bool full = compiled->validate(data, ValidationDirection::None, &errors);
                ++counts.total;
                // The stop-at-first and collect-all modes must agree, and an invalid result must explain itself.
                if (quick == expected && full == expected && (full || !errors.isEmpty()))
                    ++counts.passed;
                else
                    counts.failures.append(QStringLiteral("%1 / %2 / %3")
                                               .arg(file, group.value(QLatin1String("description")).toString(),
                                                   test.value(QLatin1String("description")).toString()));
            }
        }
    }
    return counts;
}

void TestJsonSchemaSuite::suite_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("assertFormats");
    QTest::addRow("draft4") << QStringLiteral("draft4") << int(SchemaDialect::Draft4) << false;
    QTest::addRow("draft2020-12") << QStringLiteral("draft2020-12") << int(SchemaDialect::Draft202012) << false;
    QTest::addRow("draft4 optional/format")
        << QStringLiteral("draft4/optional/format") << int(SchemaDialect::Draft4) << true;
    QTest::addRow("draft2020-12 optional/format")
        << QStringLiteral("draft2020-12/optional/format") << int(SchemaDialect::Draft202012) << true;
}

void TestJsonSchemaSuite::suite()
{
    QFETCH(QString, folder);
    QFETCH(int, dialect);
    QFETCH(bool, assertFormats);
    if (!QDir(suiteRoot()).exists())
        QSKIP("JSON Schema Test Suite not found under the shared test data");
    const QString name = QString::fromUtf8(QTest::currentDataTag());
    const Counts counts = runFolder(suiteRoot() + QLatin1Char('/') + folder, SchemaDialect(dialect), assertFormats);
    printf("%s: passed %d of %d\n", qPrintable(name), counts.passed, counts.total);
    printf("%s: skipped %d (remote refs or meta-schemas)\n", qPrintable(name), counts.skipped);
    fflush(stdout);
    if (qEnvironmentVariableIsSet("UNDERSTUDY_SUITE_VERBOSE")) {
        for (const QString& failure : counts.failures)
            printf("  FAIL %s\n", qPrintable(failure));
    }
    const QJsonObject ratchet = QJsonDocument::fromJson(
        TestUtils::readFile(TestUtils::dataPath(QStringLiteral("jsonschemasuite/ratchet.json"))))
                                    .object();
    QVERIFY2(ratchet.contains(name), "no ratchet entry for this folder");
    const int recorded = ratchet.value(name).toInt();
    QVERIFY2(counts.passed >= recorded,
        qPrintable(QStringLiteral("passed %1 < recorded %2; first failures: %3")
                       .arg(counts.passed)
                       .arg(recorded)
                       .arg(counts.failures.mid(0, 5).join(QLatin1String("; ")))));
    QVERIFY(counts.total > 0);
}

QTEST_GUILESS_MAIN(TestJsonSchemaSuite)
#include "tst_jsonschemasuite.moc"
