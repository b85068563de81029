// SPDX-License-Identifier: MIT
// Overlay: actions applied in order (merge, append, remove), warnings with the overlay's line, and the loader
// applying --overlay files before operations are read.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/definition/overlay.h"

class TestOverlay : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void warnings_data();
    void warnings();
    void loaderAppliesOverlaysWithLines();
};

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

const char* kDocument = R"({"info": {"title": "T", "version": "1"},
    "paths": {"/a": {"get": {"tags": ["x"], "summary": "old", "responses": {"200": {"description": "ok"}}}},
              "/b": {"get": {"tags": ["x", "y"]}}},
    "x-drop": {"deep": true}})";

} // namespace

void TestOverlay::apply_data()
{
    QTest::addColumn<QString>("actions");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("expected"); // the value at pointer afterwards, as JSON ("" = removed)
    QTest::addRow("update merges objects recursively")
        << R"([{"target": "$.paths['/a'].get", "update": {"summary": "new", "responses": {"404": {"description": "no"}}}}])"
        << "/paths/~1a/get/responses"
        << R"({"200":{"description":"ok"},"404":{"description":"no"}})";
    QTest::addRow("update replaces a scalar member")
        << R"([{"target": "$.paths['/a'].get", "update": {"summary": "new"}}])"
        << "/paths/~1a/get/summary"
        << R"("new")";
    QTest::addRow("update on an array appends") << R"([{"target": "$.paths['/a'].get.tags", "update": "z"}])"
                                                << "/paths/~1a/get/tags"
                                                << R"(["x","z"])";
    QTest::addRow("arrays inside an update are appended")
        << R"([{"target": "$.paths['/b'].get", "update": {"tags": ["z"]}}])"
        << "/paths/~1b/get/tags"
        << R"(["x","y","z"])";
    QTest::addRow("remove a member") << R"([{"target": "$['x-drop']", "remove": true}])"
                                     << "/x-drop"
                                     << "";
    QTest::addRow("remove array items by filter, all of them")
        << R"([{"target": "$..tags[?@ == 'x']", "remove": true}])"
        << "/paths/~1b/get/tags"
        << R"(["y"])";
    QTest::addRow("wildcard updates every match") << R"([{"target": "$.paths.*.get", "update": {"deprecated": true}}])"
                                                  << "/paths/~1b/get/deprecated"
                                                  << "true";
    QTest::addRow("actions run in order: add, then remove")
        << R"([{"target": "$.info", "update": {"x-a": 1}}, {"target": "$.info['x-a']", "remove": true}])"
        << "/info/x-a"
        << "";
    QTest::addRow("remove wins over update") << R"([{"target": "$['x-drop']", "remove": true, "update": {"a": 1}}])"
                                             << "/x-drop"
                                             << "";
}

void TestOverlay::apply()
{
    QFETCH(QString, actions);
    QFETCH(QString, pointer);
    QFETCH(QString, expected);
    const QJsonObject overlay { { QStringLiteral("overlay"), QStringLiteral("1.0.0") },
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("title"), QStringLiteral("o") }, { QStringLiteral("version"), 1 } } },
        { QStringLiteral("actions"), QJsonDocument::fromJson(actions.toUtf8()).array() } };
    QJsonObject document = json(kDocument);
    const Diagnostics diagnostics = Overlay::apply(overlay, QStringLiteral("/o.yaml"), &document);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QJsonValue at = document;
    for (const QString& token : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        at = at.toObject().value(QString(token).replace(QLatin1String("~1"), QLatin1String("/")));
    if (expected.isEmpty()) {
        QVERIFY(at.isUndefined());
        return;
    }
    const QJsonValue want = QJsonDocument::fromJson("[" + expected.toUtf8() + "]").array().at(0);
    QCOMPARE(at, want);
}

void TestOverlay::warnings_data()
{
    QTest::addColumn<QString>("overlay");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    QTest::addRow("target matches nothing")
        << R"({"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "actions": [{"target": "$.nope", "update": {}}]})"
        << "overlay-no-match" << false;
    QTest::addRow("unsupported target")
        << R"({"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "actions": [{"target": "$.paths[0:2]", "remove": true}]})"
        << "overlay-target-unsupported" << false;
    QTest::addRow("neither update nor remove")
        << R"({"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "actions": [{"target": "$.info"}]})"
        << "overlay-action-invalid" << false;
    QTest::addRow("update into a scalar")
        << R"({"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "actions": [{"target": "$.info.title", "update": {"a": 1}}]})"
        << "overlay-update-scalar" << false;
    QTest::addRow("no overlay field") << R"({"actions": []})"
                                      << "overlay-invalid" << true;
    QTest::addRow("no actions") << R"({"overlay": "1.0.0", "info": {"title": "o", "version": "1"}})"
                                << "overlay-invalid" << true;
}

void TestOverlay::warnings()
{
    QFETCH(QString, overlay);
    QFETCH(QString, code);
    QFETCH(bool, error);
    QJsonObject document = json(kDocument);
    const QJsonObject before = document;
    const Diagnostics diagnostics =
        Overlay::apply(QJsonDocument::fromJson(overlay.toUtf8()).object(), QStringLiteral("/o.yaml"), &document);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().code, code);
    QCOMPARE(diagnostics.first().file, QStringLiteral("/o.yaml"));
    QCOMPARE(diagnostics.first().severity == Diagnostic::Severity::Error, error);
    QCOMPARE(document, before);
}

void TestOverlay::loaderAppliesOverlaysWithLines()
{
    QTemporaryDir dir;
    const QString overlay = dir.filePath(QStringLiteral("examples.yaml"));
    QFile file(overlay);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("overlay: 1.0.0\n"
               "info:\n"
               "  title: Examples\n"
               "  version: '1'\n"
               "actions:\n"
               "  - target: \"$.paths['/books/{id}'].get.responses['200'].content['application/json']\"\n"
               "    update:\n"
               "      examples:\n"
               "        dune:\n"
               "          value: {id: 7, title: Dune}\n"
               "  - target: $.paths['/nowhere']\n"
               "    remove: true\n");
    file.close();
    LoadOptions options;
    options.overlays = { overlay };
    const LoadResult result =
        DefinitionLoader(options).loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(result.definition);
    QCOMPARE(result.definition->overlays, QStringList { overlay });
    QVERIFY(result.definition->files.contains(overlay));
    const Operation* op = result.definition->operation(QStringLiteral("getBook"));
    QVERIFY(op);
    const MediaType& media = op->response(QStringLiteral("200"))->content.first();
    QCOMPARE(media.examples.size(), 1);
    QCOMPARE(media.examples.first().name, QStringLiteral("dune"));
    QCOMPARE(media.examples.first().value.toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Dune"));
    const auto warning = std::find_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
        [](const Diagnostic& d) { return d.code == QLatin1String("overlay-no-match"); });
    QVERIFY(warning != result.diagnostics.cend());
    QCOMPARE(warning->file, overlay);
    QCOMPARE(warning->line, 11);

    options.overlays = { dir.filePath(QStringLiteral("missing.yaml")) };
    const LoadResult missing =
        DefinitionLoader(options).loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(missing.definition);
    QCOMPARE(missing.diagnostics.last().code, QStringLiteral("overlay-unreadable"));
}

QTEST_GUILESS_MAIN(TestOverlay)
#include "tst_overlay.moc"
