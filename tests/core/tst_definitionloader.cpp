// SPDX-License-Identifier: MIT
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/json/jsonpointer.h"
#include "testutils.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

const Diagnostic* findCode(const LoadResult& r, const QString& code)
{
    for (const Diagnostic& d : r.diagnostics)
        if (d.code == code)
            return &d;
    return nullptr;
}

QString dump(const LoadResult& r)
{
    QStringList lines;
    for (const Diagnostic& d : r.diagnostics)
        lines.append(d.toString() + QLatin1String(" [") + d.code + QLatin1Char(']'));
    return lines.join(QLatin1Char('\n'));
}

QList<const Diagnostic*> errors(const LoadResult& r)
{
    QList<const Diagnostic*> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            out.append(&d);
    return out;
}

// Every "$ref" outside literal data must be local (the model's contract).
void collectRefs(const QJsonValue& v, QStringList* refs)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("$ref") && it.value().isString())
                refs->append(it.value().toString());
            else if (it.key() != QLatin1String("example") && it.key() != QLatin1String("examples")
                && it.key() != QLatin1String("default") && it.key() != QLatin1String("enum"))
                collectRefs(it.value(), refs);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue& x : a)
            collectRefs(x, refs);
    }
}

// The model's order-bearing lists, one line each: operations, responses, media types, examples, headers.
QStringList orderDump(const Definition& d)
{
    QStringList lines;
    QStringList ops;
    for (const Operation& op : d.operations)
        ops.append(op.method + QLatin1Char(' ') + op.path);
    lines.append(QLatin1String("operations: ") + ops.join(QLatin1String(", ")));
    for (const Operation& op : d.operations) {
        lines.append(op.id + QLatin1String(": ") + op.responseCodes().join(QLatin1Char(',')));
        for (const Response& r : op.responses) {
            const QString prefix = op.id + QLatin1Char(' ') + r.code;
            QStringList types;
            for (const MediaType& mt : r.content)
                types.append(mt.name);
            if (!types.isEmpty())
                lines.append(prefix + QLatin1String(": ") + types.join(QLatin1Char(',')));
            QStringList headers;
            for (const HeaderDef& h : r.headers)
                headers.append(h.name);
            if (!headers.isEmpty())
                lines.append(prefix + QLatin1String(" headers: ") + headers.join(QLatin1Char(',')));
            for (const MediaType& mt : r.content) {
                QStringList names;
                for (const NamedExample& ex : mt.examples)
                    names.append(ex.name + (ex.hasValue ? QString() : QStringLiteral("(no value)")));
                if (!names.isEmpty())
                    lines.append(
                        prefix + QLatin1Char(' ') + mt.name + QLatin1String(": ") + names.join(QLatin1Char(',')));
            }
        }
    }
    return lines;
}

} // namespace

class TestDefinitionLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versions_data();
    void versions();
    void openApi30Operations();
    void parameterMerging();
    void securityInheritance();
    void serversAndBasePath();
    void examples();
    void literalRefsStayLiteral_data();
    void literalRefsStayLiteral();
    void openApi31();
    void swaggerConversion();
    void externalRefs();
    void brokenRefs();
    void hostile_data();
    void hostile();
    void yamlSyntaxErrorPosition();
    void unreadableFiles();
    void bundledExample();
    void realWorldDefinitions_data();
    void realWorldDefinitions();
    void writtenOrder_data();
    void writtenOrder();
    void filesStayInsideTheProject_data();
    void filesStayInsideTheProject();
    void definitionMustBeARegularFile_data();
    void definitionMustBeARegularFile();
    void encodingErrors_data();
    void encodingErrors();
    void longRefChains_data();
    void longRefChains();
    void bigMapping();

private:
    QString sandbox(const QString& relative = QString()) const
    {
        return QDir::cleanPath(m_sandbox.path() + QLatin1Char('/') + relative);
    }
    QTemporaryDir m_sandbox;
    bool m_haveFifo = false;
};

// A project (proj/, marked by .git) with a definition folder (proj/api/) and files around it:
//   secret.yaml, secret.json                  outside every project
//   proj/shared/ok.yaml, ok.json              inside, reached with ../
//   proj/api/escape.yaml, escape.json         symlinks to the secrets (escape the project)
//   proj/api/inside.yaml                      a symlink to ../shared/ok.yaml (stays inside)
//   proj/api/fifo.yaml                        a FIFO (opening it for reading would block)
//   proj/api/big.yaml                         65 MiB, sparse (never read)
//   plain/                                    a folder with no project marker: it is its own project
void TestDefinitionLoader::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
    const auto write = [&](const QString& relative, const QByteArray& data) {
        QDir().mkpath(QFileInfo(sandbox(relative)).path());
        QFile f(sandbox(relative));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    };
    write(QStringLiteral("secret.yaml"), "type: string\ndescription: secret\n");
    write(QStringLiteral("secret.json"), R"({"secret": true})");
    write(QStringLiteral("proj/shared/ok.yaml"), "type: integer\n");
    write(QStringLiteral("proj/shared/ok.json"), R"({"fine": true})");
    write(QStringLiteral("proj/api/bad.yaml"), "type: object\ndescription: caf\xE9\n");
    QVERIFY(QDir().mkpath(sandbox(QStringLiteral("proj/.git"))));
    QVERIFY(QDir().mkpath(sandbox(QStringLiteral("plain"))));
    QVERIFY(QFile::link(sandbox(QStringLiteral("secret.yaml")), sandbox(QStringLiteral("proj/api/escape.yaml"))));
    QVERIFY(QFile::link(sandbox(QStringLiteral("secret.json")), sandbox(QStringLiteral("proj/api/escape.json"))));
    QVERIFY(QFile::link(QStringLiteral("../shared/ok.yaml"), sandbox(QStringLiteral("proj/api/inside.yaml"))));
    QFile big(sandbox(QStringLiteral("proj/api/big.yaml")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(65ll << 20)); // a hole, not 65 MiB of disk
    big.close();
#ifdef Q_OS_UNIX
    m_haveFifo = ::mkfifo(QFile::encodeName(sandbox(QStringLiteral("proj/api/fifo.yaml"))).constData(), 0600) == 0;
#endif
}

void TestDefinitionLoader::versions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("specVersion");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("converted");
    QTest::addColumn<int>("operations");
    QTest::addRow("OpenAPI 3.0 YAML") << QStringLiteral("loader/petstore30.yaml") << QStringLiteral("3.0.3")
                                      << int(SchemaDialect::OpenApi30) << false << 7;
    QTest::addRow("OpenAPI 3.1 JSON") << QStringLiteral("loader/petstore31.json") << QStringLiteral("3.1.0")
                                      << int(SchemaDialect::OpenApi31) << false << 1;
    QTest::addRow("Swagger 2.0 YAML") << QStringLiteral("loader/swagger.yaml") << QStringLiteral("2.0")
                                      << int(SchemaDialect::OpenApi30) << true << 4;
    QTest::addRow("external refs YAML") << QStringLiteral("loader/external/api/root.yaml") << QStringLiteral("3.0.3")
                                        << int(SchemaDialect::OpenApi30) << false << 3;
    // 3.2 keeps 3.1's dialect; additionalOperations add COPY and QUERY, a non-token method is skipped, the query
    // field adds QUERY /reports.
    QTest::addRow("OpenAPI 3.2 YAML") << QStringLiteral("oas32/oas32.yaml") << QStringLiteral("3.2.0")
                                      << int(SchemaDialect::OpenApi31) << false << 9;
}

void TestDefinitionLoader::versions()
{
    QFETCH(QString, file);
    QFETCH(QString, specVersion);
    QFETCH(int, dialect);
    QFETCH(bool, converted);
    QFETCH(int, operations);
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(file));
    QVERIFY2(r.definition, qPrintable(dump(r)));
    QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
    QCOMPARE(r.definition->specVersion, specVersion);
    QCOMPARE(int(r.definition->dialect), dialect);
    QCOMPARE(r.definition->convertedFromSwagger2, converted);
    QCOMPARE(r.definition->operations.size(), operations);
    QCOMPARE(r.definition->file, QFileInfo(TestUtils::dataPath(file)).absoluteFilePath());
    QVERIFY(r.definition->document.value(QLatin1String("openapi")).toString().startsWith(QLatin1Char('3')));
}

void TestDefinitionLoader::openApi30Operations()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore30.yaml")));
    QVERIFY2(r.definition, qPrintable(dump(r)));
    const Definition& d = *r.definition;
    QCOMPARE(d.title, QStringLiteral("Pets 3.0"));
    QCOMPARE(d.version, QStringLiteral("1.0"));
    QCOMPARE(d.tags.size(), 2);
    QCOMPARE(d.tags.at(0).name, QStringLiteral("pets"));
    QCOMPARE(d.tags.at(0).description, QStringLiteral("Everything about pets"));

    const Operation* list = d.operation(QStringLiteral("listPets"));
    QVERIFY(list);
    QCOMPARE(list->method, QStringLiteral("GET"));
    QCOMPARE(list->path, QStringLiteral("/pets"));
    QCOMPARE(list->tags, QStringList { QStringLiteral("pets") });
    QCOMPARE(list->summary, QStringLiteral("List pets"));
    QCOMPARE(list->pointer, QStringLiteral("/paths/~1pets/get"));
    QCOMPARE(list->responseCodes(),
        (QStringList { QStringLiteral("200"), QStringLiteral("2XX"), QStringLiteral("default") }));
    const Response* def = list->response(QStringLiteral("default"));
    QVERIFY(def);
    QCOMPARE(def->description, QStringLiteral("error")); // structural $ref followed
    QCOMPARE(def->pointer, QStringLiteral("/components/responses/Error"));
    QCOMPARE(def->content.size(), 1);
    QCOMPARE(def->content.at(0).schema.toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("#/components/schemas/Error")); // schemas stay refs
    QCOMPARE(def->content.at(0).schemaPointer,
        QStringLiteral("/components/responses/Error/content/application~1json/schema"));

    // Path item $ref followed; operationId synthesized and made unique against an explicit "get_users_id".
    const Operation* getPet = d.operation(QStringLiteral("getPet"));
    QVERIFY(getPet);
    QCOMPARE(getPet->path, QStringLiteral("/pets/{id}"));
    QCOMPARE(getPet->pointer, QStringLiteral("/components/x-path-items/PetById/get"));
    const Operation* explicitId = d.operation(QStringLiteral("get_users_id"));
    QVERIFY(explicitId);
    QVERIFY(!explicitId->idSynthesized);
    QVERIFY(explicitId->deprecated);
    QCOMPARE(explicitId->path, QStringLiteral("/get_users_id"));
    QStringList synthesized;
    for (const Operation& op : d.operations)
        if (op.idSynthesized)
            synthesized.append(op.method + QLatin1Char(' ') + op.path + QLatin1String(" = ") + op.id);
    synthesized.sort();
    QCOMPARE(synthesized,
        (QStringList { QStringLiteral("DELETE /pets/{id} = delete_pets_id"),
            QStringLiteral("GET /users/{id} = get_users_id_2"), QStringLiteral("GET /users/{id}/ = get_users_id_3"),
            QStringLiteral("POST /pets = post_pets") }));
    for (int i = 0; i < d.operations.size(); ++i)
        QCOMPARE(d.operations.at(i).index, i);

    const Operation* post = d.operation(QStringLiteral("post_pets"));
    QVERIFY(post->requestBody.present);
    QVERIFY(post->requestBody.required);
    QCOMPARE(post->requestBody.pointer, QStringLiteral("/components/requestBodies/NewPet"));
    QCOMPARE(post->requestBody.content.at(0).name, QStringLiteral("application/json"));
    QCOMPARE(post->responses.at(0).headers.size(), 1);
    QCOMPARE(post->responses.at(0).headers.at(0).name, QStringLiteral("Location"));
    QVERIFY(post->responses.at(0).headers.at(0).required);
    QCOMPARE(post->responses.at(0).headers.at(0).description, QStringLiteral("where it is"));

    // securitySchemes with $refs resolved
    QCOMPARE(d.securitySchemes.value(QLatin1String("oauth")).toObject().value(QLatin1String("type")).toString(),
        QStringLiteral("oauth2"));
    QCOMPARE(d.securitySchemes.value(QLatin1String("apiKey")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("X-Key"));

    // Percent-encoded and ~0/~1 escaped pointers resolve: no ref-missing diagnostics.
    QVERIFY2(!findCode(r, QStringLiteral("ref-missing")), qPrintable(dump(r)));
    QVERIFY2(!findCode(r, QStringLiteral("ref-cycle")), qPrintable(dump(r)));
}

void TestDefinitionLoader::parameterMerging()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore30.yaml")));
    QVERIFY(r.definition);
    const Operation* list = r.definition->operation(QStringLiteral("listPets"));
    QStringList names;
    for (const Parameter& p : list->parameters)
        names.append(p.in + QLatin1Char(':') + p.name + QLatin1Char(':') + p.style + QLatin1Char(':')
            + (p.explode ? QLatin1String("explode") : QLatin1String("no-explode")));
    QCOMPARE(names,
        (QStringList { QStringLiteral("query:limit:form:explode"), QStringLiteral("header:X-Trace:simple:no-explode"),
            QStringLiteral("query:page:form:no-explode") }));
    QCOMPARE(list->parameters.at(0).description, QStringLiteral("from the operation")); // operation wins
    QVERIFY(list->parameters.at(0).required);
    QCOMPARE(list->parameters.at(0).schema.toObject().value(QLatin1String("maximum")).toInt(), 50);
    QCOMPARE(list->parameters.at(2).pointer, QStringLiteral("/components/parameters/Page"));
    QCOMPARE(list->parameters.at(2).schemaPointer, QStringLiteral("/components/parameters/Page/schema"));

    const Operation* del = r.definition->operation(QStringLiteral("delete_pets_id"));
    QVERIFY(del);
    QCOMPARE(del->parameters.size(), 2);
    QCOMPARE(del->parameters.at(0).name, QStringLiteral("id"));
    QCOMPARE(del->parameters.at(0).style, QStringLiteral("label"));
    QVERIFY(del->parameters.at(0).required); // path parameters are always required
    QCOMPARE(del->parameters.at(1).in, QStringLiteral("cookie"));
    QCOMPARE(del->parameters.at(1).style, QStringLiteral("form"));
    QVERIFY(del->parameters.at(1).explode);
}

void TestDefinitionLoader::securityInheritance()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore30.yaml")));
    QVERIFY(r.definition);
    const Definition& d = *r.definition;
    const Operation* list = d.operation(QStringLiteral("listPets"));
    QCOMPARE(list->security.size(), 1); // global
    QCOMPARE(list->security.at(0).schemes.at(0).scheme, QStringLiteral("apiKey"));
    QVERIFY(d.operation(QStringLiteral("post_pets"))->security.isEmpty()); // security: [] = none
    const Operation* user = d.operation(QStringLiteral("get_users_id_2"));
    QCOMPARE(user->security.size(), 2);
    QCOMPARE(user->security.at(0).schemes.size(), 2); // AND
    QStringList schemes;
    for (const auto& item : user->security.at(0).schemes)
        schemes.append(item.scheme + QLatin1Char('=') + item.scopes.join(QLatin1Char(',')));
    schemes.sort();
    QCOMPARE(schemes, (QStringList { QStringLiteral("apiKey="), QStringLiteral("oauth=read") }));
    QVERIFY(user->security.at(1).schemes.isEmpty()); // {} = anonymous allowed
}

void TestDefinitionLoader::serversAndBasePath()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore30.yaml")));
    QVERIFY(r.definition);
    const Definition& d = *r.definition;
    QCOMPARE(d.servers.size(), 2);
    QCOMPARE(d.servers.at(0).url, QStringLiteral("https://eu.example.com:8443/v1/"));
    QCOMPARE(d.servers.at(0).basePath, QStringLiteral("/v1"));
    QCOMPARE(d.servers.at(1).basePath, QStringLiteral("/relative/base"));
    QCOMPARE(d.basePath(), QStringLiteral("/v1"));

    const LoadResult s = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/swagger.yaml")));
    QVERIFY(s.definition);
    QCOMPARE(s.definition->servers.size(), 2);
    QCOMPARE(s.definition->servers.at(0).url, QStringLiteral("https://api.example.com/v2/"));
    QCOMPARE(s.definition->servers.at(1).url, QStringLiteral("http://api.example.com/v2/"));
    QCOMPARE(s.definition->basePath(), QStringLiteral("/v2"));
}

void TestDefinitionLoader::examples()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore30.yaml")));
    QVERIFY(r.definition);
    const MediaType& mt = r.definition->operation(QStringLiteral("listPets"))->responses.at(0).content.at(0);
    QHash<QString, NamedExample> byName;
    for (const NamedExample& e : mt.examples)
        byName.insert(e.name, e);
    QCOMPARE(byName.size(), 5);
    QCOMPARE(byName[QStringLiteral("shared")].summary, QStringLiteral("Two pets"));
    QCOMPARE(byName[QStringLiteral("shared")].pointer, QStringLiteral("/components/examples/TwoPets"));
    QCOMPARE(byName[QStringLiteral("shared")].value.toArray().size(), 2);
    QCOMPARE(byName[QStringLiteral("inline")].value.toArray().at(0).toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("not/a/ref.yaml"));
    QVERIFY(byName[QStringLiteral("fromFile")].hasValue);
    QCOMPARE(byName[QStringLiteral("fromFile")].value.toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("From file"));
    QCOMPARE(byName[QStringLiteral("fromFile")].externalValue, QStringLiteral("examples/pet.json"));
    QCOMPARE(byName[QStringLiteral("fromText")].value.toString(), QStringLiteral("plain text example\n"));
    QVERIFY(!byName[QStringLiteral("missingFile")].hasValue);
    const Diagnostic* missing = findCode(r, QStringLiteral("example-external-missing"));
    QVERIFY2(missing, qPrintable(dump(r)));
    QCOMPARE(missing->severity, Diagnostic::Severity::Warning);
    QVERIFY(missing->line > 0);
    QVERIFY(missing->pointer.endsWith(QLatin1String("/missingFile/externalValue")));

    const MediaType& petExample = r.definition->operation(QStringLiteral("getPet"))->responses.at(0).content.at(0);
    QVERIFY(petExample.hasExample);
    QCOMPARE(petExample.example.toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("#/components/schemas/DoesNotExist"));
}

void TestDefinitionLoader::literalRefsStayLiteral_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("ref");
    const QString v30 = QStringLiteral("loader/petstore30.yaml");
    QTest::addRow("default value") << v30 << QStringLiteral("/components/schemas/Pet/properties/name/default/$ref")
                                   << QStringLiteral("#/literal/default");
    QTest::addRow("enum entry") << v30 << QStringLiteral("/components/schemas/Pet/properties/enum/enum/0/$ref")
                                << QStringLiteral("#/literal/enum");
    QTest::addRow("x- extension") << v30 << QStringLiteral("/components/schemas/Pet/x-meta/$ref")
                                  << QStringLiteral("#/literal/extension");
    QTest::addRow("example object value") << v30 << QStringLiteral("/components/examples/TwoPets/value/1/$ref")
                                          << QStringLiteral("https://example.com/not-fetched");
    QTest::addRow("property named example is a schema")
        << v30 << QStringLiteral("/components/schemas/Pet/properties/example/$ref")
        << QStringLiteral("#/components/schemas/Tree");
    const QString v31 = QStringLiteral("loader/petstore31.json");
    QTest::addRow("3.1 const") << v31 << QStringLiteral("/components/schemas/Thing/properties/kind/const/$ref")
                               << QStringLiteral("#/literal/const");
    QTest::addRow("3.1 schema examples array")
        << v31 << QStringLiteral("/components/schemas/Thing/examples/0/$ref") << QStringLiteral("#/literal/examples");
    QTest::addRow("3.1 property named examples")
        << v31 << QStringLiteral("/components/schemas/Thing/properties/examples/$ref")
        << QStringLiteral("#/components/schemas/Thing");
    QTest::addRow("external example stays literal")
        << QStringLiteral("loader/external/api/root.yaml")
        << QStringLiteral("/x-understudy-bundled/0/properties/note/example/$ref") << QStringLiteral("literal.yaml");
}

void TestDefinitionLoader::literalRefsStayLiteral()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QString, ref);
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(file));
    QVERIFY2(r.definition, qPrintable(dump(r)));
    QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
    QVERIFY2(!findCode(r, QStringLiteral("ref-remote")), qPrintable(dump(r)));
    QCOMPARE(JsonPointer::value(r.definition->document, pointer).toString(), ref);
}

void TestDefinitionLoader::openApi31()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/petstore31.json")));
    QVERIFY2(r.ok(), qPrintable(dump(r)));
    const Operation& op = r.definition->operations.at(0);
    QCOMPARE(op.id, QStringLiteral("get_things"));
    QCOMPARE(op.responses.at(0).content.at(0).schema.toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("#/components/schemas/Thing"));
    QVERIFY(r.definition->servers.isEmpty());
    QCOMPARE(r.definition->basePath(), QString());
}

void TestDefinitionLoader::swaggerConversion()
{
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/swagger.yaml")));
    QVERIFY2(r.ok(), qPrintable(dump(r)));
    const Definition& d = *r.definition;
    const QJsonObject doc = d.document;
    QVERIFY(!doc.contains(QLatin1String("definitions")));
    QCOMPARE(JsonPointer::value(doc, QStringLiteral("/components/schemas/Pet/properties/owner/$ref")).toString(),
        QStringLiteral("#/components/schemas/Owner"));
    QCOMPARE(
        JsonPointer::value(doc, QStringLiteral("/components/schemas/Pet/properties/name/nullable")).toBool(), true);
    QCOMPARE(JsonPointer::value(doc, QStringLiteral("/components/schemas/Pet/discriminator/propertyName")).toString(),
        QStringLiteral("kind"));
    QCOMPARE(
        JsonPointer::value(doc, QStringLiteral("/components/schemas/Pet/properties/example/example/$ref")).toString(),
        QStringLiteral("#/definitions/Nope")); // literal example untouched

    const Operation* list = d.operation(QStringLiteral("listPets"));
    QCOMPARE(list->parameters.size(), 2);
    QCOMPARE(list->parameters.at(0).name, QStringLiteral("limit"));
    QCOMPARE(list->parameters.at(0).schema.toObject().value(QLatin1String("default")).toInt(), 10);
    QCOMPARE(list->parameters.at(0).pointer, QStringLiteral("/components/parameters/Limit"));
    QCOMPARE(list->parameters.at(1).style, QStringLiteral("form"));
    QVERIFY(list->parameters.at(1).explode);
    const Response* ok = list->response(QStringLiteral("200"));
    QStringList types;
    for (const MediaType& mt : ok->content)
        types.append(mt.name);
    QCOMPARE(types, (QStringList { QStringLiteral("application/json"), QStringLiteral("application/xml") }));
    QVERIFY(ok->content.at(0).hasExample);
    QCOMPARE(ok->content.at(0).example.toArray().at(0).toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("literal"));
    QVERIFY(!ok->content.at(1).hasExample);
    QCOMPARE(ok->content.at(0)
                 .schema.toObject()
                 .value(QLatin1String("items"))
                 .toObject()
                 .value(QLatin1String("$ref"))
                 .toString(),
        QStringLiteral("#/components/schemas/Pet"));
    QCOMPARE(ok->headers.size(), 1);
    QCOMPARE(ok->headers.at(0).schema.toObject().value(QLatin1String("type")).toString(), QStringLiteral("integer"));
    const Response* notFound = list->response(QStringLiteral("404"));
    QCOMPARE(notFound->description, QStringLiteral("not found"));
    QCOMPARE(notFound->pointer, QStringLiteral("/components/responses/NotFound"));

    const Operation* create = d.operation(QStringLiteral("createPet"));
    QVERIFY(create->requestBody.present);
    QVERIFY(create->requestBody.required);
    QCOMPARE(create->requestBody.content.size(), 1);
    QCOMPARE(create->requestBody.content.at(0).name, QStringLiteral("application/json"));
    QCOMPARE(create->requestBody.content.at(0).schema.toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("#/components/schemas/Pet"));
    QCOMPARE(create->security.size(), 1);
    QCOMPARE(create->security.at(0).schemes.at(0).scheme, QStringLiteral("basicAuth"));
    QCOMPARE(list->security.at(0).schemes.at(0).scheme, QStringLiteral("key"));

    const Operation* upload = d.operation(QStringLiteral("uploadPhoto"));
    QCOMPARE(upload->parameters.size(), 1); // path-level id; form fields moved to the body
    QCOMPARE(upload->requestBody.content.at(0).name, QStringLiteral("multipart/form-data"));
    const QJsonObject form = upload->requestBody.content.at(0).schema.toObject();
    QCOMPARE(form.value(QLatin1String("properties"))
                 .toObject()
                 .value(QLatin1String("file"))
                 .toObject()
                 .value(QLatin1String("format"))
                 .toString(),
        QStringLiteral("binary"));
    QCOMPARE(form.value(QLatin1String("required")).toArray(), QJsonArray { QStringLiteral("file") });
    QCOMPARE(upload->responses.at(0).content.at(0).name, QStringLiteral("text/plain"));
    const Operation* rename = d.operation(QStringLiteral("renamePet"));
    QCOMPARE(rename->requestBody.content.at(0).name, QStringLiteral("application/x-www-form-urlencoded"));

    const QJsonObject schemes = d.securitySchemes;
    QCOMPARE(schemes.value(QLatin1String("basicAuth")).toObject(),
        (QJsonObject { { QStringLiteral("type"), QStringLiteral("http") },
            { QStringLiteral("scheme"), QStringLiteral("basic") } }));
    QCOMPARE(
        schemes.value(QLatin1String("key")).toObject().value(QLatin1String("in")).toString(), QStringLiteral("query"));
    QCOMPARE(
        JsonPointer::value(schemes.value(QLatin1String("oauth")), QStringLiteral("/flows/authorizationCode/tokenUrl"))
            .toString(),
        QStringLiteral("https://example.com/token"));
}

void TestDefinitionLoader::externalRefs()
{
    const QString root = TestUtils::dataPath(QStringLiteral("loader/external/api/root.yaml"));
    const LoadResult r = DefinitionLoader().loadFile(root);
    QVERIFY2(r.ok(), qPrintable(dump(r)));
    const Definition& d = *r.definition;
    QStringList refs;
    collectRefs(d.document, &refs);
    for (const QString& ref : refs)
        QVERIFY2(ref.startsWith(QLatin1String("#/")), qPrintable(ref));
    QCOMPARE(d.files.size(), 7); // root, shared, pet, common, paths, tree, forest
    QCOMPARE(d.files.first(), QFileInfo(root).absoluteFilePath());

    // Each external target bundled once; origins map back to file + pointer.
    QHash<QString, QString> byOrigin;
    for (auto it = d.bundledOrigins.constBegin(); it != d.bundledOrigins.constEnd(); ++it) {
        const QString key = QFileInfo(it->file).fileName() + QLatin1Char('#') + it->pointer;
        QVERIFY2(!byOrigin.contains(key), qPrintable(key));
        byOrigin.insert(key, it.key());
    }
    QVERIFY(byOrigin.contains(QStringLiteral("pet.yaml#/Pet")));
    QVERIFY(byOrigin.contains(QStringLiteral("tree.yaml#/Node")));
    QVERIFY(byOrigin.contains(QStringLiteral("forest.yaml#/Forest")));
    QVERIFY(byOrigin.contains(QStringLiteral("common.json#")));
    QVERIFY(byOrigin.contains(QStringLiteral("shared.yaml#/components/parameters/Limit")));
    QVERIFY(byOrigin.contains(QStringLiteral("shared.yaml#/components/schemas/LimitValue")));

    const QString pet = byOrigin.value(QStringLiteral("pet.yaml#/Pet"));
    const QJsonObject petSchema = JsonPointer::value(d.document, pet).toObject();
    const QJsonObject props = petSchema.value(QLatin1String("properties")).toObject();
    QCOMPARE(props.value(QLatin1String("friend")).toObject().value(QLatin1String("$ref")).toString(),
        QLatin1Char('#') + pet);
    QCOMPARE(props.value(QLatin1String("tag")).toObject().value(QLatin1String("$ref")).toString(),
        QStringLiteral("#/components/schemas/Tag")); // back to the root file = local ref
    const QString tree = byOrigin.value(QStringLiteral("tree.yaml#/Node"));
    QCOMPARE(
        props.value(QLatin1String("tree")).toObject().value(QLatin1String("$ref")).toString(), QLatin1Char('#') + tree);
    // Mutual recursion across files: forest -> tree -> forest, each bundled once.
    const QString forest = byOrigin.value(QStringLiteral("forest.yaml#/Forest"));
    QCOMPARE(
        JsonPointer::value(d.document, forest + QStringLiteral("/items/$ref")).toString(), QLatin1Char('#') + tree);
    QCOMPARE(JsonPointer::value(d.document, tree + QStringLiteral("/properties/forest/$ref")).toString(),
        QLatin1Char('#') + forest);

    const Operation* list = d.operation(QStringLiteral("listPets"));
    QCOMPARE(list->parameters.size(), 1);
    QCOMPARE(list->parameters.at(0).name, QStringLiteral("limit"));
    QCOMPARE(d.originOf(list->parameters.at(0).pointer).pointer, QStringLiteral("/components/parameters/Limit"));
    QCOMPARE(QFileInfo(d.originOf(list->parameters.at(0).pointer).file).fileName(), QStringLiteral("shared.yaml"));
    const Operation* treeOp = d.operation(QStringLiteral("getTree"));
    QVERIFY(treeOp);
    QCOMPARE(treeOp->path, QStringLiteral("/tree"));
    QCOMPARE(treeOp->responses.at(0).content.at(0).schema.toObject().value(QLatin1String("$ref")).toString(),
        QLatin1Char('#') + tree);
}

void TestDefinitionLoader::brokenRefs()
{
    const LoadResult r =
        DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("loader/external/api/broken.yaml")));
    QVERIFY2(r.definition, qPrintable(dump(r))); // non-fatal: still usable
    QVERIFY(!r.ok());
    QCOMPARE(r.definition->operations.size(), 3);
    QStringList found;
    for (const Diagnostic& d : r.diagnostics) {
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QVERIFY2(d.line > 0, qPrintable(d.toString()));
        found.append(d.code + QLatin1Char(' ') + d.pointer + QLatin1Char(' ') + QString::number(d.line));
    }
    found.sort();
    QCOMPARE(found,
        (QStringList {
            QStringLiteral("ref-file-missing /paths/~1a/get/responses/200/content/application~1json/schema/$ref 11"),
            QStringLiteral("ref-missing /paths/~1b/get/responses/200/content/application~1json/schema/$ref 19"),
            QStringLiteral("ref-missing /paths/~1c/get/responses/200/content/application~1json/schema/$ref 27"),
        }));
}

void TestDefinitionLoader::hostile_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<QString>("pointer"); // null = do not check
    QTest::addColumn<int>("line"); // 0 = do not check

    QByteArray bomb = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-bomb:\n  a: &a [lol, lol, lol, "
                      "lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        bomb += "  " + QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 10; ++i)
            bomb += (i ? ", *" : "*") + QByteArray(1, char(c - 1));
        bomb += "]\n";
    }
    QTest::addRow("billion laughs") << bomb << QStringLiteral("bomb.yaml") << QStringLiteral("yaml-node-budget") << true
                                    << QString() << 0;
    QTest::addRow("self-referencing alias sequence")
        << QByteArray("openapi: 3.0.0\npaths: {}\na: &x [1, *x]\n") << QStringLiteral("alias.yaml")
        << QStringLiteral("yaml-alias-cycle") << true << QString() << 3;
    QTest::addRow("self-referencing alias map")
        << QByteArray("openapi: 3.0.0\npaths: {}\na: &x {k: *x}\n") << QStringLiteral("alias.yaml")
        << QStringLiteral("yaml-alias-cycle") << true << QString() << 3;
    QTest::addRow("deep YAML nesting") << (QByteArray("openapi: 3.0.0\nx: ") + QByteArray(300, '[')
        + QByteArray(300, ']')) << QStringLiteral("deep.yaml")
                                       << QStringLiteral("yaml-depth") << true << QString() << 2;
    QTest::addRow("very deep YAML nesting")
        << (QByteArray("x: ") + QByteArray(5000, '[') + QByteArray(5000, ']')) << QStringLiteral("deep.yaml")
        << QStringLiteral("yaml-depth") << true << QString() << 1;
    QTest::addRow("deep JSON nesting") << (QByteArray("{\"openapi\": \"3.0.0\", \"x\": ") + QByteArray(300, '[')
        + QByteArray(300, ']') + "}") << QStringLiteral("deep.json")
                                       << QStringLiteral("json-depth") << true << QString() << 1;
    QTest::addRow("ref cycle A -> B -> A")
        << QByteArray("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                      "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n")
        << QStringLiteral("cycle.yaml") << QStringLiteral("ref-cycle") << false
        << QStringLiteral("/components/schemas/A/$ref") << 6;
    QTest::addRow("self ref A -> A") << QByteArray(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nA: {$ref: '#/A'}\n")
                                     << QStringLiteral("self.yaml") << QStringLiteral("ref-cycle") << false
                                     << QStringLiteral("/A/$ref") << 4;
    QTest::addRow("path item ref cycle") << QByteArray("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a: "
                                                       "{$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n")
                                         << QStringLiteral("pathcycle.yaml") << QStringLiteral("ref-cycle") << false
                                         << QString() << 0;
    QTest::addRow("missing local ref") << QByteArray(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: "
        "'#/components/schemas/Nope'\n")
                                       << QStringLiteral("missing.yaml") << QStringLiteral("ref-missing") << false
                                       << QStringLiteral("/components/schemas/A/$ref") << 7;
    QTest::addRow("missing external file")
        << QByteArray("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: "
                      "{$ref: 'nowhere/none.yaml'}\n")
        << QStringLiteral("ext.yaml") << QStringLiteral("ref-file-missing") << false
        << QStringLiteral("/components/schemas/A/$ref") << 6;
    QTest::addRow("remote ref") << QByteArray(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nA: {$ref: 'https://example.com/x.yaml#/Y'}\n")
                                << QStringLiteral("remote.yaml") << QStringLiteral("ref-remote") << false
                                << QStringLiteral("/A/$ref") << 4;
    QTest::addRow("root is a list") << QByteArray("- openapi: 3.0.0\n") << QStringLiteral("list.yaml")
                                    << QStringLiteral("root-not-object") << true << QString() << 0;
    QTest::addRow("root is a scalar") << QByteArray("\"hello\"") << QStringLiteral("scalar.json")
                                      << QStringLiteral("root-not-object") << true << QString() << 0;
    QTest::addRow("empty file") << QByteArray("") << QStringLiteral("empty.yaml") << QStringLiteral("empty-document")
                                << true << QString() << 0;
    QTest::addRow("openapi 4.0.0") << QByteArray("openapi: 4.0.0\npaths: {}\n") << QStringLiteral("v4.yaml")
                                   << QStringLiteral("unknown-version") << true << QStringLiteral("/openapi") << 1;
    QTest::addRow("swagger 1.2") << QByteArray("{\"swagger\": \"1.2\"}") << QStringLiteral("v12.json")
                                 << QStringLiteral("unknown-version") << true << QStringLiteral("/swagger") << 1;
    QTest::addRow("no version key") << QByteArray("info: {title: t}\npaths: {}\n") << QStringLiteral("none.yaml")
                                    << QStringLiteral("unknown-version") << true << QString() << 0;
    QTest::addRow("YAML syntax error") << QByteArray("openapi: 3.0.0\npaths:\n  /a: [unclosed\n")
                                       << QStringLiteral("syntax.yaml") << QStringLiteral("yaml-syntax") << true
                                       << QString() << 0;
    QTest::addRow("JSON syntax error") << QByteArray("{\n  \"openapi\": \"3.0.0\",\n  \"paths\": [\"x\"}\n}")
                                       << QStringLiteral("syntax.json") << QStringLiteral("json-syntax") << true
                                       << QString() << 0;
    QTest::addRow("duplicate key") << QByteArray(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ninfo: {title: u, version: '2'}\n")
                                   << QStringLiteral("dup.yaml") << QStringLiteral("yaml-duplicate-key") << false
                                   << QStringLiteral("/info") << 4;
}

void TestDefinitionLoader::hostile()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, name);
    QFETCH(QString, code);
    QFETCH(bool, fatal);
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = DefinitionLoader().loadData(data, dir.filePath(name));
    QVERIFY2(timer.elapsed() < 5000, "must end in bounded time");
    const Diagnostic* d = findCode(r, code);
    QVERIFY2(d, qPrintable(dump(r)));
    QCOMPARE(r.definition == nullptr, fatal);
    QVERIFY(!d->message.isEmpty());
    QCOMPARE(d->file, QDir::cleanPath(dir.filePath(name)));
    if (!pointer.isNull())
        QCOMPARE(d->pointer, pointer);
    if (line > 0)
        QCOMPARE(d->line, line);
    if (d->line > 0)
        QVERIFY(d->column > 0);
}

void TestDefinitionLoader::yamlSyntaxErrorPosition()
{
    const LoadResult r = DefinitionLoader().loadData(
        "openapi: 3.0.0\ninfo:\n  title: x\n   bad: indent\n", QStringLiteral("/tmp/x.yaml"));
    QVERIFY(!r.definition);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.at(0).code, QStringLiteral("yaml-syntax"));
    QCOMPARE(r.diagnostics.at(0).line, 4);
    QVERIFY(r.diagnostics.at(0).column > 0);
}

void TestDefinitionLoader::unreadableFiles()
{
    const LoadResult missing = DefinitionLoader().loadFile(QStringLiteral("/nonexistent/definitely/not.yaml"));
    QVERIFY(!missing.definition);
    QCOMPARE(missing.diagnostics.at(0).code, QStringLiteral("file-missing"));

    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.yaml"));
    QFile f(big);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("openapi: 3.0.0\npaths: {}\nx: \"" + QByteArray(4000, 'a') + "\"\n");
    f.close();
    LoadOptions options;
    options.maxFileBytes = 1000;
    const LoadResult tooBig = DefinitionLoader(options).loadFile(big);
    QVERIFY(!tooBig.definition);
    QCOMPARE(tooBig.diagnostics.at(0).code, QStringLiteral("file-too-large"));

    if (QFile::setPermissions(big, QFileDevice::Permissions()) && !QFile(big).open(QIODevice::ReadOnly)) {
        const LoadResult unreadable = DefinitionLoader().loadFile(big);
        QVERIFY(!unreadable.definition);
        QCOMPARE(unreadable.diagnostics.at(0).code, QStringLiteral("file-unreadable"));
    }
}

void TestDefinitionLoader::bundledExample()
{
    QCOMPARE(DefinitionLoader::bundledExamplePath(), QStringLiteral(":/examples/bookshelf.yaml"));
    if (!QFile::exists(DefinitionLoader::bundledExamplePath()))
        QSKIP("bookshelf.yaml is not compiled in yet");
    const LoadResult r = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(r.definition || !r.diagnostics.isEmpty());
    if (r.definition)
        QCOMPARE(r.definition->file, QStringLiteral(":/examples/bookshelf.yaml"));
}

void TestDefinitionLoader::realWorldDefinitions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("operations");
    QTest::addRow("GitHub JSON") << QStringLiteral("testdata/specs/api.github.com.json") << 771;
    QTest::addRow("Stripe YAML") << QStringLiteral("testdata/specs/spec3.yaml") << 468;
}

void TestDefinitionLoader::realWorldDefinitions()
{
    QFETCH(QString, file);
    QFETCH(int, operations);
    const QString path = TestUtils::sharedPath(file);
    if (!QFile::exists(path))
        QSKIP("shared test definitions are not available");
    const LoadResult r = DefinitionLoader().loadFile(path);
    QVERIFY2(r.definition, qPrintable(dump(r)));
    QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
    QVERIFY2(!findCode(r, QStringLiteral("ref-remote")), qPrintable(dump(r)));
    QCOMPARE(r.definition->operations.size(), operations);
    QSet<QString> ids;
    for (const Operation& op : r.definition->operations)
        ids.insert(op.id);
    QCOMPARE(ids.size(), operations);
    if (file.contains(QLatin1String("github"))) {
        const QString ref = JsonPointer::value(
            r.definition->document, QStringLiteral("/components/examples/scim-enterprise-group/value/members/0/$ref"))
                                .toString();
        QVERIFY2(ref.startsWith(QLatin1String("https://api.github.com/scim/v2/")), qPrintable(ref));
    }
}

void TestDefinitionLoader::writtenOrder_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    // Paths, methods, responses, media types, examples and headers are all written out of alphabetical order.
    const QStringList openApi {
        QStringLiteral("operations: POST /zebra, GET /zebra, GET /apple, DELETE /caf\u00e9"),
        QStringLiteral("createZebra: 201"),
        QStringLiteral("getZebra: default,404,200"),
        QStringLiteral("getZebra 200: text/plain,application/json"),
        QStringLiteral("getZebra 200 headers: X-Zeta,X-Alpha"),
        QStringLiteral("getZebra 200 application/json: zeta,alpha,mid"),
        QStringLiteral("getApple: 500,200"),
        QStringLiteral("getApple 500: text/plain,application/problem+json"), // a components response
        QStringLiteral("getApple 200: application/xml,application/json"), // a response in an external file
        QStringLiteral("getApple 200 application/xml: second,first"),
        QStringLiteral("getApple 200 application/json: omega,beta"),
        QStringLiteral("deleteCafe: 204"),
    };
    QTest::addRow("OpenAPI 3.0 YAML") << QStringLiteral("loader/order/order.yaml") << openApi;
    QTest::addRow("OpenAPI 3.0 JSON") << QStringLiteral("loader/order/order.json") << openApi;
    QTest::addRow("Swagger 2.0 YAML") << QStringLiteral("loader/order/swagger.yaml")
                                      << QStringList {
                                             QStringLiteral("operations: POST /zebra, GET /zebra, GET /apple"),
                                             QStringLiteral("createZebra: 201"),
                                             QStringLiteral("getZebra: default,404,200"),
                                             // `produces` first, then the response's `examples` media types as written
                                             QStringLiteral(
                                                 "getZebra 404: text/plain,application/json,application/vnd.zeta+json,"
                                                 "application/vnd.alpha+json"),
                                             QStringLiteral(
                                                 "getZebra 200: text/plain,application/json,application/xml"),
                                             QStringLiteral("getZebra 200 headers: X-Zeta,X-Alpha"),
                                             QStringLiteral("getApple: 200"),
                                             QStringLiteral("getApple 200: application/xml,application/json"),
                                         };
}

void TestDefinitionLoader::writtenOrder()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const LoadResult r = DefinitionLoader().loadFile(TestUtils::dataPath(file));
    QVERIFY2(r.definition, qPrintable(dump(r)));
    QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
    QCOMPARE(orderDump(*r.definition), expected);
}

void TestDefinitionLoader::filesStayInsideTheProject_data()
{
    // "@" stands for the sandbox folder. `code` is the error expected at the reference (empty: it loads);
    // `target` the offending path the error carries.
    QTest::addColumn<QString>("folder"); // where the definition is
    QTest::addColumn<bool>("externalValue"); // else a schema $ref
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("target");
    const QString api = QStringLiteral("proj/api");
    const QString outside = QStringLiteral("ref-outside-project");
    const QString device = QStringLiteral("ref-not-regular-file");
    const QString etcPasswd = QStringLiteral("/etc/passwd");
    QTest::addRow("$ref: /etc/passwd") << api << false << etcPasswd << QStringList() << outside << etcPasswd;
    QTest::addRow("externalValue: /etc/passwd") << api << true << etcPasswd << QStringList() << outside << etcPasswd;
    QTest::addRow("$ref: file:///etc/passwd")
        << api << false << QStringLiteral("file:///etc/passwd") << QStringList() << outside << etcPasswd;
    QTest::addRow("$ref ../ out of the project") << api << false << QStringLiteral("../../secret.yaml") << QStringList()
                                                 << outside << QStringLiteral("@/secret.yaml");
    QTest::addRow("externalValue ../ out of the project")
        << api << true << QStringLiteral("../../secret.json") << QStringList() << outside
        << QStringLiteral("@/secret.json");
    QTest::addRow("$ref ../ out of a folder without a project marker")
        << QStringLiteral("plain") << false << QStringLiteral("../secret.yaml") << QStringList() << outside
        << QStringLiteral("@/secret.yaml");
    QTest::addRow("$ref ../ within the project (up to .git)")
        << api << false << QStringLiteral("../shared/ok.yaml") << QStringList() << QString() << QString();
    QTest::addRow("externalValue ../ within the project")
        << api << true << QStringLiteral("../shared/ok.json") << QStringList() << QString() << QString();
    QTest::addRow("$ref through a symlink that escapes")
        << api << false << QStringLiteral("escape.yaml") << QStringList() << outside << QStringLiteral("@/secret.yaml");
    QTest::addRow("externalValue through a symlink that escapes")
        << api << true << QStringLiteral("escape.json") << QStringList() << outside << QStringLiteral("@/secret.json");
    QTest::addRow("$ref through a symlink that stays inside")
        << api << false << QStringLiteral("inside.yaml") << QStringList() << QString() << QString();
    QTest::addRow("$ref: /dev/zero") << api << false << QStringLiteral("/dev/zero") << QStringList() << device
                                     << QStringLiteral("/dev/zero");
    QTest::addRow("externalValue: /dev/zero")
        << api << true << QStringLiteral("/dev/zero") << QStringList() << device << QStringLiteral("/dev/zero");
    QTest::addRow("$ref: /dev/zero even when /dev is allowed")
        << api << false << QStringLiteral("/dev/zero") << QStringList { QStringLiteral("/dev") } << device
        << QStringLiteral("/dev/zero");
    QTest::addRow("$ref to a FIFO") << api << false << QStringLiteral("fifo.yaml") << QStringList() << device
                                    << QStringLiteral("@/proj/api/fifo.yaml");
    QTest::addRow("externalValue of a FIFO") << api << true << QStringLiteral("fifo.yaml") << QStringList() << device
                                             << QStringLiteral("@/proj/api/fifo.yaml");
    QTest::addRow("$ref to a 65 MiB file")
        << api << false << QStringLiteral("big.yaml") << QStringList() << QStringLiteral("file-too-large") << QString();
    QTest::addRow("$ref to a file the user allowed")
        << api << false << QStringLiteral("../../secret.yaml") << QStringList { QStringLiteral("@/secret.yaml") }
        << QString() << QString();
    QTest::addRow("externalValue in a folder the user allowed")
        << api << true << QStringLiteral("escape.json") << QStringList { QStringLiteral("@") } << QString()
        << QString();
    QTest::addRow("allowing one file does not allow its neighbour")
        << api << false << QStringLiteral("../../secret.yaml") << QStringList { QStringLiteral("@/secret.json") }
        << outside << QStringLiteral("@/secret.yaml");
    QTest::addRow("$ref to a file with invalid UTF-8") << api << false << QStringLiteral("bad.yaml") << QStringList()
                                                       << QStringLiteral("ref-file-invalid") << QString();
}

void TestDefinitionLoader::filesStayInsideTheProject()
{
    QFETCH(QString, folder);
    QFETCH(bool, externalValue);
    QFETCH(QString, reference);
    QFETCH(QStringList, allowed);
    QFETCH(QString, code);
    QFETCH(QString, target);
    if (reference.contains(QLatin1String("fifo")) && !m_haveFifo)
        QSKIP("mkfifo is not available");
    const QString root = QFileInfo(m_sandbox.path()).canonicalFilePath();
    for (QString& path : allowed)
        path.replace(QLatin1Char('@'), root);
    target.replace(QLatin1Char('@'), root);

    QByteArray text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
                      "        '200':\n          description: ok\n          content:\n            application/json:\n";
    if (externalValue)
        text += "              examples:\n                one: {externalValue: '" + reference.toUtf8() + "'}\n";
    else
        text += "              schema: {$ref: '" + reference.toUtf8() + "'}\n";
    const QString file = sandbox(folder + QStringLiteral("/api.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();

    LoadOptions options;
    options.allowedPaths = allowed;
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = DefinitionLoader(options).loadFile(file);
    QVERIFY2(timer.elapsed() < 5000, "must not block or read without bound");
    QVERIFY2(r.definition, qPrintable(dump(r)));
    const Operation* op = r.definition->operations.isEmpty() ? nullptr : &r.definition->operations.first();
    QVERIFY(op);
    const MediaType& mt = op->responses.at(0).content.at(0);
    if (code.isEmpty()) {
        QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
        if (externalValue) {
            QVERIFY(mt.examples.at(0).hasValue);
            QVERIFY(mt.examples.at(0).value.isObject());
        } else {
            QVERIFY(!r.definition->bundledOrigins.isEmpty());
        }
        return;
    }
    const Diagnostic* d = findCode(r, code);
    QVERIFY2(d, qPrintable(dump(r)));
    QCOMPARE(d->severity, Diagnostic::Severity::Error);
    QCOMPARE(d->file, file);
    QCOMPARE(d->pointer,
        externalValue
            ? QStringLiteral("/paths/~1a/get/responses/200/content/application~1json/examples/one/externalValue")
            : QStringLiteral("/paths/~1a/get/responses/200/content/application~1json/schema/$ref"));
    QCOMPARE(d->line, externalValue ? 12 : 11);
    QVERIFY(d->column > 0);
    if (!target.isEmpty())
        QCOMPARE(d->target, target);
    if (code != QLatin1String("ref-file-invalid")) {
        // Nothing of a refused file is read into the definition.
        QVERIFY(r.definition->bundledOrigins.isEmpty());
        QCOMPARE(r.definition->files, QStringList { file });
        if (externalValue)
            QVERIFY(!mt.examples.at(0).hasValue);
    }
}

void TestDefinitionLoader::definitionMustBeARegularFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("a FIFO") << QStringLiteral("proj/api/fifo.yaml");
    QTest::addRow("/dev/zero") << QStringLiteral("/dev/zero");
    QTest::addRow("a folder") << QStringLiteral("proj");
}

void TestDefinitionLoader::definitionMustBeARegularFile()
{
    QFETCH(QString, path);
    if (path.contains(QLatin1String("fifo")) && !m_haveFifo)
        QSKIP("mkfifo is not available");
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = DefinitionLoader().loadFile(path.startsWith(QLatin1Char('/')) ? path : sandbox(path));
    QVERIFY2(timer.elapsed() < 5000, "must not block");
    QVERIFY(!r.definition);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.at(0).code, QStringLiteral("file-not-regular"));
}

void TestDefinitionLoader::encodingErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray head = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n";
    QTest::addRow("Latin-1 byte in YAML") << head + "x-name: Jos\xE9\n"
                                          << QStringLiteral("a.yaml") << QStringLiteral("invalid-utf8") << 4 << 12;
    QTest::addRow("NUL in YAML") << head + QByteArray("x-a: b\0c\n", 9) << QStringLiteral("a.yaml")
                                 << QStringLiteral("nul-byte") << 4 << 7;
    QTest::addRow("after multi-byte characters")
        << head + "x-a: \xC3\xA9\xC3\xA9\xFF\n"
        << QStringLiteral("a.yaml") << QStringLiteral("invalid-utf8") << 4 << 8;
    QTest::addRow("surrogate in JSON") << QByteArray("{\"openapi\": \"3.0.0\",\n \"x\": \"\xED\xA0\x80\"}")
                                       << QStringLiteral("a.json") << QStringLiteral("invalid-utf8") << 2 << 8;
    QTest::addRow("NUL in JSON") << QByteArray("{\"openapi\": \"3.0.0\",\n\n  \"x\": \"\0\"}", 32)
                                 << QStringLiteral("a.json") << QStringLiteral("nul-byte") << 3 << 9;
}

void TestDefinitionLoader::encodingErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const LoadResult r = DefinitionLoader().loadData(text, sandbox(name));
    QVERIFY(!r.definition);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic& d = r.diagnostics.at(0);
    QCOMPARE(d.code, code);
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.file, sandbox(name));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void TestDefinitionLoader::longRefChains_data()
{
    QTest::addColumn<bool>("cycle"); // the schema chain's last link points back to its first
    QTest::addRow("10,000 links of schemas, parameters, bodies and responses") << false;
    QTest::addRow("a 10,000-link schema cycle") << true;
}

void TestDefinitionLoader::longRefChains()
{
    QFETCH(bool, cycle);
    constexpr int kLinks = 10'000;
    // A0 -> A1 -> ... -> A10000 for each kind, generated as JSON (quick to parse, so the time is the refs').
    QJsonObject components;
    const auto chain = [&](const char* kind, const char* prefix, const QJsonObject& last, bool loop) {
        QJsonObject map;
        const QString base = QStringLiteral("#/components/%1/%2").arg(QLatin1String(kind), QLatin1String(prefix));
        for (int i = 0; i < kLinks; ++i)
            map.insert(QLatin1String(prefix) + QString::number(i),
                QJsonObject { { QStringLiteral("$ref"), base + QString::number(i + 1) } });
        map.insert(QLatin1String(prefix) + QString::number(kLinks),
            loop ? QJsonObject { { QStringLiteral("$ref"), base + QLatin1Char('0') } } : last);
        components.insert(QLatin1String(kind), map);
    };
    const QJsonObject schemaRef { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/A0") } };
    const QJsonObject jsonContent { { QStringLiteral("application/json"),
        QJsonObject { { QStringLiteral("schema"), schemaRef } } } };
    chain("schemas", "A", QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } }, cycle);
    chain("parameters", "P",
        QJsonObject { { QStringLiteral("name"), QStringLiteral("q") },
            { QStringLiteral("in"), QStringLiteral("query") }, { QStringLiteral("schema"), schemaRef } },
        false);
    chain("requestBodies", "B", QJsonObject { { QStringLiteral("content"), jsonContent } }, false);
    chain("responses", "R",
        QJsonObject {
            { QStringLiteral("description"), QStringLiteral("ok") }, { QStringLiteral("content"), jsonContent } },
        false);
    const QJsonObject get {
        { QStringLiteral("parameters"),
            QJsonArray { QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/parameters/P0") } } } },
        { QStringLiteral("requestBody"),
            QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/requestBodies/B0") } } },
        { QStringLiteral("responses"),
            QJsonObject { { QStringLiteral("200"),
                QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/responses/R0") } } } } },
    };
    const QJsonObject root {
        { QStringLiteral("openapi"), QStringLiteral("3.0.3") },
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("title"), QStringLiteral("chain") },
                { QStringLiteral("version"), QStringLiteral("1") } } },
        { QStringLiteral("paths"),
            QJsonObject { { QStringLiteral("/a"), QJsonObject { { QStringLiteral("post"), get } } } } },
        { QStringLiteral("components"), components },
    };
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Compact);

    QElapsedTimer timer;
    timer.start();
    const LoadResult r = DefinitionLoader().loadData(text, sandbox(QStringLiteral("chain.json")));
    QVERIFY2(timer.elapsed() < 5000 * TestUtils::timeScale(), "a ref chain must resolve in linear time");
    QVERIFY2(r.definition, qPrintable(dump(r)));
    int cycles = 0;
    for (const Diagnostic& d : r.diagnostics)
        cycles += d.code == QLatin1String("ref-cycle") ? 1 : 0;
    QCOMPARE(cycles, cycle ? 1 : 0);
    if (!cycle)
        QVERIFY2(errors(r).isEmpty(), qPrintable(dump(r)));
    // Structural refs are followed to the end of their chains, however long.
    QCOMPARE(r.definition->operations.size(), 1);
    const Operation& op = r.definition->operations.first();
    QCOMPARE(op.parameters.size(), 1);
    QCOMPARE(op.parameters.at(0).name, QStringLiteral("q"));
    QCOMPARE(op.parameters.at(0).pointer, QStringLiteral("/components/parameters/P10000"));
    QVERIFY(op.requestBody.present);
    QCOMPARE(op.requestBody.content.size(), 1);
    QCOMPARE(op.responses.size(), 1);
    QCOMPARE(op.responses.at(0).description, QStringLiteral("ok"));
    QCOMPARE(op.responses.at(0).content.at(0).name, QStringLiteral("application/json"));
}

void TestDefinitionLoader::bigMapping()
{
    // 200,000 keys written in descending order (each sorts first): loading must stay linear in the keys.
    constexpr int kKeys = 200'000;
    QByteArray text = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-big:\n";
    text.reserve(kKeys * 20);
    for (int i = kKeys - 1; i >= 0; --i)
        text += "  k" + QByteArray::number(i).rightJustified(7, '0') + ": " + QByteArray::number(i) + '\n';
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = DefinitionLoader().loadData(text, sandbox(QStringLiteral("big.yaml")));
    QVERIFY2(timer.elapsed() < 8000 * TestUtils::timeScale(), "a big mapping must load in linear time");
    QVERIFY2(r.ok(), qPrintable(dump(r)));
    const QJsonObject big = r.definition->document.value(QLatin1String("x-big")).toObject();
    QCOMPARE(big.size(), kKeys);
    QCOMPARE(big.value(QLatin1String("k0199999")).toInt(), 199999);
}

QTEST_GUILESS_MAIN(TestDefinitionLoader)
#include "tst_definitionloader.moc"
