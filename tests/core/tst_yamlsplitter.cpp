// SPDX-License-Identifier: MIT
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/definition/yamlreader.h"
#include "core/definition/yamlsplitter.h"
#include "samejson.h"
#include "testutils.h"

namespace {

// A literal with every byte in it, NULs included.
template<size_t N>
QByteArray literal(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

YamlReader::Limits wholeLimits()
{
    YamlReader::Limits limits;
    limits.splitAboveBytes = 0;
    return limits;
}

// Splits at every possible entry: the harshest plan for the same text.
YamlReader::Limits splitLimits(int threads)
{
    YamlReader::Limits limits;
    limits.splitAboveBytes = 1;
    limits.pieceBytes = 1;
    limits.threads = threads;
    return limits;
}

QString describe(const Diagnostics& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QStringLiteral("%1:%2 %3 %4 %5").arg(d.line).arg(d.column).arg(d.code, d.pointer, d.message);
    return out.join(QLatin1Char('\n'));
}

// The split reading of `text` must be indistinguishable from reading it whole.
void compareSplitToWhole(const QByteArray& text, int threads)
{
    const YamlReadResult whole = YamlReader::read(text, QStringLiteral("s.yaml"), wholeLimits());
    const YamlReadResult split = YamlReader::read(text, QStringLiteral("s.yaml"), splitLimits(threads));
    QCOMPARE(split.ok, whole.ok);
    QCOMPARE(describe(split.diagnostics), describe(whole.diagnostics));
    QVERIFY(TestUtils::sameJson(split.value, whole.value));
    QCOMPARE(split.keyOrders, whole.keyOrders);
    QCOMPARE(split.nodes, whole.nodes);
}

const char* const kDefinition = R"(openapi: 3.1.0
info:
  title: Split
  description: |
    A block scalar

    whose lines: look like keys
  version: "1"
# a comment at the left edge
paths:
  /books:
    get:
      responses:
        '200':
          description: ok
        default:
          description: error
    post:
      summary: Create
      responses:
        '201': { description: created }
  /books/{id}:
    parameters:
    - name: id
      in: path
      required: true
      schema: {type: string}
    get:
      responses:
        "404":
          description: >
            folded text
            over lines
components:
  schemas:
    Book:
      type: object
      properties:
        title:
          type: string
          example: a plain scalar
            continued on a deeper line
    "Quoted key": {type: string}
  responses:
    NotFound:
      description: gone
)";

} // namespace

class TestYamlSplitter : public QObject
{
    Q_OBJECT

private slots:
    void refusesWhatItCannotProve_data();
    void refusesWhatItCannotProve();
    void cutsNestedMappings();
    void splitReadsAsWhole_data();
    void splitReadsAsWhole();
    void mutantsReadAsWhole();
    void testDataReadsAsWhole();
    void realDefinitionReadsAsWhole();
};

void TestYamlSplitter::refusesWhatItCannotProve_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("document marker") << QByteArray("---\na: 1\nb: 2\n");
    QTest::addRow("directive") << QByteArray("%YAML 1.2\n---\na: 1\nb: 2\n");
    QTest::addRow("tab indentation") << QByteArray("a:\n\tb: 1\nc: 2\n");
    QTest::addRow("root sequence") << QByteArray("- a\n- b\n");
    QTest::addRow("flow root") << QByteArray("{a: 1,\nb: 2}\n");
    QTest::addRow("indented root") << QByteArray("  a: 1\n  b: 2\n");
    QTest::addRow("complex key") << QByteArray("? a\n: 1\nb: 2\n");
    QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "a: 1\nb: 2\n");
    QTest::addRow("one entry") << QByteArray("a: 1\n");
    QTest::addRow("bare carriage return") << QByteArray("a:\n  b: 1\n   \r  c: 2\nd: 3\n");
    QTest::addRow("NUL byte") << literal("a:\n  b: 1\nd: 3\n\0\n");
}

void TestYamlSplitter::refusesWhatItCannotProve()
{
    QFETCH(QByteArray, text);
    QVERIFY(YamlSplitter::plan(text, 1).isEmpty());
    compareSplitToWhole(text, 2);
}

void TestYamlSplitter::cutsNestedMappings()
{
    const YamlSplitter::Plan plan = YamlSplitter::plan(QByteArray(kDefinition), 1);
    QVERIFY(!plan.isEmpty());
    QStringList paths;
    for (const YamlSplitter::Mapping& m : plan.mappings)
        paths << m.path.join(QLatin1Char('/'));
    // Block values of simple keys are cut further; the quoted key and the sequence-valued `parameters` are not.
    QVERIFY2(paths.contains(QStringLiteral("paths//books/get/responses")), qPrintable(paths.join(u", ")));
    QVERIFY(paths.contains(QStringLiteral("components/schemas/Book/properties")));
    QVERIFY(!paths.contains(QStringLiteral("paths//books/{id}/parameters")));
    for (const YamlSplitter::Piece& piece : plan.pieces)
        QVERIFY(piece.begin < piece.end);
    for (size_t i = 1; i < plan.pieces.size(); ++i)
        QVERIFY2(plan.pieces[i - 1].end <= plan.pieces[i].begin, "pieces are in document order and never overlap");
}

void TestYamlSplitter::splitReadsAsWhole_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("definition") << QByteArray(kDefinition);
    QTest::addRow("windows line ends") << QByteArray(kDefinition).replace("\n", "\r\n");
    QTest::addRow("no final newline") << QByteArray("a:\n  b: 1\n  c: 2\nd: 3");
    QTest::addRow("duplicate key across pieces") << QByteArray("a:\n  b: 1\n  c: 2\nd: 3\na: 4\n");
    QTest::addRow("duplicate key inside a piece") << QByteArray("a:\n  b: 1\n  b: 2\nd: 3\n");
    QTest::addRow("alias to another piece") << QByteArray("a: &x\n  b: 1\nc: *x\n");
    QTest::addRow("alias inside a piece") << QByteArray("a:\n  b: &x 1\n  c: *x\nd: 2\n");
    QTest::addRow("compact sequence value") << QByteArray("a:\n- 1\n- 2\nb:\n  - 3\n");
    QTest::addRow("flow value over lines") << QByteArray("a: [1,\n  2]\nb: {c: 1,\n  d: 2}\n");
    QTest::addRow("flow value back at the edge") << QByteArray("a: [1,\n2]\nb: 3\n");
    QTest::addRow("quoted scalar over lines") << QByteArray("a: \"x\n  y\"\nb: 'p\n  q'\n");
    QTest::addRow("quoted scalar back at the edge") << QByteArray("a: \"x\nb: y\"\nc: 1\n");
    QTest::addRow("plain continuation at the edge") << QByteArray("a: x\ny\nb: 1\n");
    QTest::addRow("key with comment") << QByteArray("a: # note\n  b: 1\n  c: 2\nd: 3\n");
    QTest::addRow("anchor on a block value") << QByteArray("a: &x\n  b: 1\n  c: 2\nd: *x\n");
    // NaN != NaN: the fuzz target once took two equal readings of `.nan` for different ones.
    QTest::addRow("not-a-number scalars") << QByteArray("a: .nan\nb:\n  c: .NAN\n  d: [.NaN, .inf]\ne: -.inf\n");
    QTest::addRow("tagged block value") << QByteArray("a: !!map\n  b: 1\n  c: 2\nd: 3\n");
    QTest::addRow("recorded maps") << QByteArray("paths:\n  /b:\n    post: {}\n    get: {}\n  /a:\n    get: {}\n");
    QTest::addRow("deep nesting") << QByteArray(
        "a:\n  b:\n    c:\n      d:\n        e: 1\n        f: 2\n      g: 3\nh: 4\n");
    QTest::addRow("less indented comment") << QByteArray("a:\n  b: 1\n# note\n  c: 2\nd: 3\n");
    QTest::addRow("inconsistent indentation") << QByteArray("a:\n    b: 1\n  c: 2\nd: 3\n");
    QTest::addRow("syntax error late") << QByteArray("a:\n  b: 1\nc:\n  d: [\n");
    QTest::addRow("empty values") << QByteArray("a:\nb:\n  c:\nd: ~\n");
    QTest::addRow("control byte after a block scalar (found by fuzz_definitionloader)")
        << QByteArray("openapi: 3.1.0\ninfo:\n  title: Split\n  description: |\n    A block scalar\n\n    whose "
                      "li\x01{\"openi:.a\"\"e");
    QTest::addRow("bare carriage return and NUL in a mapping (found by fuzz_definitionloader)")
        << literal("a:\n  b:\n     \r\x03\0\0 type: object\n    c: 1\nd: 2\n");
    QTest::addRow("null key and a block scalar with a deeper line (found by fuzz_definitionloader)") << QByteArray(
        "ope]napi: 3.0.0\nnull:\n  title: Split\nY description: |\n    A block inued on a deeper line\n    \"  "
        "type: string\n          example: a plain on: gone\n");
    QTest::addRow("UTF-16 byte order mark (found by fuzz_definitionloader)")
        << literal("\xff\xfeoN4YAML9ExceptionEfo:\n mple: a plain  plain sc\n sz    descrip ti\xf8n: gone\n");
    QTest::addRow("NUL in the first bytes") << literal("a\0:\n  b: 1\nc:\n  d: 2\n");
    QTest::addRow("keys that read as other values") << QByteArray(
        "~:\n  a: 1\nTrue:\n  b: 2\n0x1F:\n  c: 3\n1.0:\n  d: 4\n007:\n  e: 5\n-1:\n  f: 6\nnullable:\n  g: 7\n");
    QTest::addRow("key that looks like a number") << QByteArray("200:\n  a: 1\n  b: 2\n300: x\n");
}

void TestYamlSplitter::splitReadsAsWhole()
{
    QFETCH(QByteArray, text);
    compareSplitToWhole(text, 2);
    if (QTest::currentTestFailed())
        return;
    compareSplitToWhole(text, 1);
}

void TestYamlSplitter::mutantsReadAsWhole()
{
    // Lines that a cut could misread, inserted at every line at several indentations: whatever the whole parse
    // makes of them (a value, an error), the split parse makes the same.
    static const char* const kInserts[] = { "x: 1", "- x", "\"q: 1", "y\"", "? k", "&a z: 1", "*a", "[1,", "]", "|",
        "  w", "#c", "k: |", "k: >-", "'s", "{a: 1", "}", "k: &b", "- k: 1", "...", "k: \"x", "- \"x", "k: 'x",
        "\"k\": \"v", "k: &x \"q", "k: !t 'q", "'it''s", "\"a\\\"", "k:", "- - 'x" };
    const QList<QByteArray> lines = QByteArray(kDefinition).split('\n');
    int cases = 0;
    for (int at = 0; at < lines.size(); ++at) {
        for (const char* insert : kInserts) {
            for (int indent = 0; indent <= 6; indent += 2) {
                QList<QByteArray> mutated = lines;
                mutated.insert(at, QByteArray(indent, ' ') + insert);
                compareSplitToWhole(mutated.join('\n'), 2);
                if (QTest::currentTestFailed()) {
                    qWarning("mutant: line %d, indent %d, insert '%s'", at, indent, insert);
                    return;
                }
                ++cases;
            }
        }
    }
    QVERIFY(cases > 5000);
}

void TestYamlSplitter::testDataReadsAsWhole()
{
    int files = 0;
    QDirIterator it(TestUtils::dataPath(QString()), { QStringLiteral("*.yaml"), QStringLiteral("*.yml") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        compareSplitToWhole(TestUtils::readFile(path), 2);
        if (QTest::currentTestFailed()) {
            qWarning("file: %s", qPrintable(path));
            return;
        }
        ++files;
    }
    QVERIFY(files > 10);
}

void TestYamlSplitter::realDefinitionReadsAsWhole()
{
    const QString path = TestUtils::sharedPath(QStringLiteral("testdata/specs/spec3.yaml"));
    if (!QFile::exists(path))
        QSKIP("Stripe's definition is not in ../shared");
    const QByteArray text = TestUtils::readFile(path);
    YamlReader::Limits limits; // the plan the loader uses
    limits.threads = 2;
    const YamlReadResult whole = YamlReader::read(text, path, wholeLimits());
    const YamlReadResult split = YamlReader::read(text, path, limits);
    QVERIFY(whole.ok);
    QVERIFY(!YamlSplitter::plan(text, text.size() / 16).isEmpty());
    QCOMPARE(describe(split.diagnostics), describe(whole.diagnostics));
    QVERIFY(split.value == whole.value);
    QVERIFY(split.keyOrders == whole.keyOrders);
    QCOMPARE(split.nodes, whole.nodes);
}

QTEST_GUILESS_MAIN(TestYamlSplitter)
#include "tst_yamlsplitter.moc"
