// SPDX-License-Identifier: MIT
#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "core/config/mockconfig.h"
#include "testutils.h"

using TestUtils::dataPath;

namespace {

QString configData(const QString& relative)
{
    if (relative.isEmpty())
        return {};
    return QFileInfo(dataPath(QStringLiteral("config/") + relative)).canonicalFilePath();
}

QString dump(const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines.append(d.toString() + QStringLiteral(" [") + d.code + QLatin1Char(']'));
    return lines.join(QLatin1Char('\n'));
}

int count(const Diagnostics& diagnostics, Diagnostic::Severity severity)
{
    return int(std::count_if(
        diagnostics.cbegin(), diagnostics.cend(), [severity](const Diagnostic& d) { return d.severity == severity; }));
}

} // namespace

// Reading and discovering redocly.yaml's mockServer settings.
class TestMockConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void load_data();
    void load();
    void diagnostics_data();
    void diagnostics();
    void discover_data();
    void discover();
    void discoverNothing();
    void explicitConfigAppliesPerApiBlock();
};

void TestMockConfig::defaults()
{
    const MockConfig config;
    QCOMPARE(config.off, false);
    QCOMPARE(config.strictExamples, false);
    QCOMPARE(config.errorIfForcedExampleNotFound, true);
    QCOMPARE(config.position, QStringLiteral("first"));
    QCOMPARE(config.description, QStringLiteral("Mock Server"));
}

void TestMockConfig::load_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("definition"); // relative to tests/data/config; empty for none
    QTest::addColumn<bool>("off");
    QTest::addColumn<bool>("strictExamples");
    QTest::addColumn<bool>("errorIfForcedExampleNotFound");
    QTest::addColumn<QString>("position");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("apiName");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<int>("errors");

    QTest::addRow("root block only, other keys ignored") << "root-only/redocly.yaml"
                                                         << "root-only/openapi.yaml" << false << true << false << "last"
                                                         << "Root mock" << QString() << 0 << 0;
    QTest::addRow("per-API block overrides key by key")
        << "per-api/redocly.yaml"
        << "per-api/specs/pets.yaml" << false << true << false << "replace"
        << "Shared"
        << "pets@v1" << 1 << 0;
    QTest::addRow("other API's block does not apply") << "per-api/redocly.yaml"
                                                      << "per-api/other.yaml" << true << true << true << "last"
                                                      << "Shared"
                                                      << "other@v1" << 0 << 0;
    QTest::addRow("definition not under apis gets the root block")
        << "per-api/redocly.yaml"
        << "per-api/unlisted.yaml" << false << true << true << "last"
        << "Shared" << QString() << 0 << 0;
    QTest::addRow("no definition gets the root block")
        << "per-api/redocly.yaml" << QString() << false << true << true << "last"
        << "Shared" << QString() << 0 << 0;
    QTest::addRow("$ref'd root block and $ref with fragment per API")
        << "ref/redocly.yaml"
        << "ref/openapi.yaml" << false << true << true << "off"
        << "Next to the ref"
        << "main@v2" << 1 << 0;
    QTest::addRow("wrong types keep defaults") << "warnings/redocly.yaml"
                                               << "warnings/openapi.yaml" << false << false << true << "first"
                                               << "Mock Server" << QString() << 7 << 0;
    QTest::addRow("empty file means defaults")
        << "warnings/empty.yaml" << QString() << false << false << true << "first"
        << "Mock Server" << QString() << 0 << 0;
    QTest::addRow("document not a mapping")
        << "warnings/not-a-map.yaml" << QString() << false << false << true << "first"
        << "Mock Server" << QString() << 1 << 0;
    QTest::addRow("keys next to a missing $ref still apply")
        << "warnings/missing-ref.yaml" << QString() << false << true << true << "first"
        << "Mock Server" << QString() << 0 << 1;
    QTest::addRow("$ref loop stops") << "warnings/loop.yaml" << QString() << false << false << true << "first"
                                     << "Mock Server" << QString() << 0 << 1;
    QTest::addRow("self-referencing alias does not hang")
        << "warnings/cyclic-alias.yaml" << QString() << false << true << true << "first"
        << "Mock Server" << QString() << 1 << 0;
}

void TestMockConfig::load()
{
    QFETCH(QString, config);
    QFETCH(QString, definition);
    QFETCH(bool, off);
    QFETCH(bool, strictExamples);
    QFETCH(bool, errorIfForcedExampleNotFound);
    QFETCH(QString, position);
    QFETCH(QString, description);
    QFETCH(QString, apiName);
    QFETCH(int, warnings);
    QFETCH(int, errors);

    const MockConfigResult result = MockConfigLoader::load(configData(config), configData(definition));
    QCOMPARE(result.config.off, off);
    QCOMPARE(result.config.strictExamples, strictExamples);
    QCOMPARE(result.config.errorIfForcedExampleNotFound, errorIfForcedExampleNotFound);
    QCOMPARE(result.config.position, position);
    QCOMPARE(result.config.description, description);
    QCOMPARE(result.config.apiName, apiName);
    QCOMPARE(result.config.sourceFile, configData(config));
    const QByteArray all = dump(result.diagnostics).toUtf8();
    QVERIFY2(count(result.diagnostics, Diagnostic::Severity::Warning) == warnings, all.constData());
    QVERIFY2(count(result.diagnostics, Diagnostic::Severity::Error) == errors, all.constData());
}

void TestMockConfig::diagnostics_data()
{
    QTest::addColumn<QString>("config"); // relative to tests/data/config, or an absolute missing path
    QTest::addColumn<QString>("definition");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("file"); // relative; where the diagnostic points
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("messageContains");

    QTest::addRow("unknown key warning with line")
        << "warnings/redocly.yaml" << QString() << false << "config-unknown-key"
        << "warnings/redocly.yaml" << 6 << 3 << "/mockServer/color"
        << "'color'";
    QTest::addRow("bool of wrong type") << "warnings/redocly.yaml" << QString() << false << "config-type"
                                        << "warnings/redocly.yaml" << 2 << 8 << "/mockServer/off"
                                        << "'maybe'";
    QTest::addRow("list where a bool belongs") << "warnings/redocly.yaml" << QString() << false << "config-type"
                                               << "warnings/redocly.yaml" << 3 << 19 << "/mockServer/strictExamples"
                                               << "a list";
    QTest::addRow("position outside the enum") << "warnings/redocly.yaml" << QString() << false << "config-type"
                                               << "warnings/redocly.yaml" << 4 << 13 << "/mockServer/position"
                                               << "'middle'";
    QTest::addRow("description not text") << "warnings/redocly.yaml" << QString() << false << "config-type"
                                          << "warnings/redocly.yaml" << 5 << 16 << "/mockServer/description"
                                          << "a mapping";
    QTest::addRow("duplicate key") << "warnings/redocly.yaml" << QString() << false << "config-duplicate-key"
                                   << "warnings/redocly.yaml" << 8 << 3 << "/mockServer/errorIfForcedExampleNotFound"
                                   << "twice";
    QTest::addRow("apis not a mapping") << "warnings/redocly.yaml"
                                        << "warnings/openapi.yaml" << false << "config-type"
                                        << "warnings/redocly.yaml" << 9 << 7 << "/apis"
                                        << "apis";
    QTest::addRow("unknown key in per-API block")
        << "per-api/redocly.yaml"
        << "per-api/specs/pets.yaml" << false << "config-unknown-key"
        << "per-api/redocly.yaml" << 15 << 7 << "/apis/pets@v1/mockServer/colour"
        << "'colour'";
    QTest::addRow("unknown key in $ref'd file") << "ref/redocly.yaml"
                                                << "ref/openapi.yaml" << false << "config-unknown-key"
                                                << "ref/mock/more.yaml" << 4 << 3 << "/main/unknownInRef"
                                                << "unknownInRef";
    QTest::addRow("missing $ref target") << "warnings/missing-ref.yaml" << QString() << true << "config-unreadable"
                                         << "warnings/missing-ref.yaml" << 3 << 9 << "/mockServer/$ref"
                                         << "nope.yaml";
    QTest::addRow("$ref loop") << "warnings/loop.yaml" << QString() << true << "config-ref"
                               << "warnings/loop.yaml" << 2 << 9 << "/mockServer/$ref"
                               << "loop";
    QTest::addRow("syntax error with line") << "broken/redocly.yaml" << QString() << true << "config-syntax"
                                            << "broken/redocly.yaml" << 4 << 1 << QString() << "invalid YAML";
    QTest::addRow("missing file") << "/nonexistent/understudy/redocly.yaml" << QString() << true << "config-unreadable"
                                  << "/nonexistent/understudy/redocly.yaml" << 0 << 0 << QString() << "no such file";
    QTest::addRow("folder instead of file") << "warnings" << QString() << true << "config-unreadable"
                                            << "warnings" << 0 << 0 << QString() << "folder";
}

void TestMockConfig::diagnostics()
{
    QFETCH(QString, config);
    QFETCH(QString, definition);
    QFETCH(bool, isError);
    QFETCH(QString, code);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, pointer);
    QFETCH(QString, messageContains);

    const QString configPath = config.startsWith(QLatin1Char('/')) ? config : configData(config);
    const QString expectedFile = file.startsWith(QLatin1Char('/')) ? file : configData(file);
    const MockConfigResult result = MockConfigLoader::load(configPath, configData(definition));
    const auto severity = isError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
    bool found = false;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.code == code && d.severity == severity && d.file == expectedFile && d.line == line && d.column == column
            && d.pointer == pointer && d.message.contains(messageContains)) {
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(dump(result.diagnostics)));
    if (isError && code != QLatin1String("config-ref") && !config.contains(QLatin1String("missing-ref")))
        QVERIFY(result.config.sourceFile.isEmpty()); // nothing was read, so nothing was used
}

void TestMockConfig::discover_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("configFound");
    QTest::addColumn<QString>("description");

    QTest::addRow("next to the definition") << "root-only/openapi.yaml"
                                            << "root-only/redocly.yaml"
                                            << "Root mock";
    QTest::addRow("two parent folders up") << "discover/a/b/openapi.yaml"
                                           << "discover/redocly.yaml"
                                           << "Parent folder";
    QTest::addRow("hidden name next to the definition beats a parent") << "discover/near/openapi.yaml"
                                                                       << "discover/near/.redocly.yaml"
                                                                       << "Hidden file next to the definition";
    QTest::addRow("plain name beats hidden name") << "both/openapi.yaml"
                                                  << "both/redocly.yaml"
                                                  << "Plain name first";
    QTest::addRow("per-API block applies after discovery") << "per-api/specs/pets.yaml"
                                                           << "per-api/redocly.yaml"
                                                           << "Shared";
}

void TestMockConfig::discover()
{
    QFETCH(QString, definition);
    QFETCH(QString, configFound);
    QFETCH(QString, description);

    const MockConfigResult result = MockConfigLoader::discover(configData(definition));
    QCOMPARE(result.config.sourceFile, configData(configFound));
    QCOMPARE(result.config.description, description);
}

void TestMockConfig::discoverNothing()
{
    // a bundled resource has no folder to look in
    const MockConfigResult resource = MockConfigLoader::discover(QStringLiteral(":/examples/bookshelf.yaml"));
    QVERIFY(resource.config.sourceFile.isEmpty());
    QVERIFY(resource.diagnostics.isEmpty());
    QCOMPARE(resource.config.description, QStringLiteral("Mock Server"));

    QVERIFY(MockConfigLoader::discover(QString()).config.sourceFile.isEmpty());

    // walking up to the file system root without finding anything gives defaults and no diagnostics
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("x/y")));
    const QString definition = dir.filePath(QStringLiteral("x/y/openapi.yaml"));
    const MockConfigResult none = MockConfigLoader::discover(definition);
    if (!none.config.sourceFile.isEmpty())
        QSKIP("a redocly.yaml exists above the temporary folder on this machine");
    QVERIFY(none.diagnostics.isEmpty());
    QCOMPARE(none.config.strictExamples, false);
    QCOMPARE(none.config.errorIfForcedExampleNotFound, true);
}

void TestMockConfig::explicitConfigAppliesPerApiBlock()
{
    // a relative config path is resolved against the working directory, roots against the config's folder
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(configData(QStringLiteral("per-api"))));
    const MockConfigResult result =
        MockConfigLoader::load(QStringLiteral("redocly.yaml"), QStringLiteral("specs/../specs/pets.yaml"));
    QDir::setCurrent(previous);
    QCOMPARE(result.config.apiName, QStringLiteral("pets@v1"));
    QCOMPARE(result.config.position, QStringLiteral("replace"));
    QCOMPARE(result.config.sourceFile, configData(QStringLiteral("per-api/redocly.yaml")));
}

QTEST_GUILESS_MAIN(TestMockConfig)
#include "tst_mockconfig.moc"
