// SPDX-License-Identifier: MIT
#include "core/definition/definitionloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/definition/examplelinter.h"
#include "core/definition/operationextractor.h"
#include "core/definition/overlay.h"
#include "core/definition/projectfiles.h"
#include "core/definition/refbundler.h"
#include "core/definition/swaggerconverter.h"
#include "core/definition/yamlreader.h"
#include "core/json/jsonpointer.h"
#include "core/json/jsontext.h"
#include "core/json/keyorder.h"
#include "core/json/sourcelocator.h"

namespace {

struct ParsedFile
{
    QJsonValue root = QJsonValue(QJsonValue::Undefined);
    bool ok = false;
};

// Swagger 2.0 has no `content` maps: the converter builds them from `produces` (ordered arrays) plus the keys
// of a response's `examples` map, whose written order the source's record knows. Records that order for each
// converted `content` map, under its document pointer, for responses written in the root file.
void addSwaggerContentOrders(const QJsonObject& source, const QJsonObject& converted, KeyOrder::Map* orders)
{
    const auto strings = [](const QJsonValue& v) {
        QStringList out;
        const QJsonArray a = v.toArray();
        for (const QJsonValue& x : a)
            out.append(x.toString());
        return out;
    };
    const QStringList globalProduces = strings(source.value(QLatin1String("produces")));
    const auto addResponse = [&](const QJsonObject& response, const QString& sourcePointer,
                                 const QString& documentPointer, const QStringList& produces) {
        if (response.contains(QLatin1String("$ref")))
            return;
        const QJsonObject content =
            JsonPointer::value(converted, documentPointer + QLatin1String("/content")).toObject();
        if (content.size() < 2)
            return;
        QStringList order = produces.isEmpty() ? QStringList { QStringLiteral("application/json") } : produces;
        const QString examplesPointer = JsonPointer::append(sourcePointer, QStringLiteral("examples"));
        const auto written = orders->constFind(examplesPointer);
        const QJsonObject examples = response.value(QLatin1String("examples")).toObject();
        order += KeyOrder::orderedKeys(examples, written == orders->constEnd() ? nullptr : &*written);
        orders->insert(documentPointer + QLatin1String("/content"), order);
    };

    const QJsonObject paths = source.value(QLatin1String("paths")).toObject();
    for (auto pit = paths.constBegin(); pit != paths.constEnd(); ++pit) {
        const QString itemPointer = JsonPointer::append(QStringLiteral("/paths"), pit.key());
        const QJsonObject item = pit.value().toObject();
        for (auto oit = item.constBegin(); oit != item.constEnd(); ++oit) {
            if (!oit.value().isObject() || oit.key() == QLatin1String("parameters"))
                continue;
            const QJsonObject op = oit.value().toObject();
            const QStringList produces =
                op.contains(QLatin1String("produces")) ? strings(op.value(QLatin1String("produces"))) : globalProduces;
            const QString responsesPointer =
                JsonPointer::append(JsonPointer::append(itemPointer, oit.key()), QStringLiteral("responses"));
            const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
            for (auto rit = responses.constBegin(); rit != responses.constEnd(); ++rit) {
                const QString pointer = JsonPointer::append(responsesPointer, rit.key());
                addResponse(rit.value().toObject(), pointer, pointer, produces);
            }
        }
    }
    const QJsonObject responses = source.value(QLatin1String("responses")).toObject();
    for (auto rit = responses.constBegin(); rit != responses.constEnd(); ++rit)
        addResponse(rit.value().toObject(), JsonPointer::append(QStringLiteral("/responses"), rit.key()),
            JsonPointer::append(QStringLiteral("/components/responses"), rit.key()), globalProduces);
}

// One load: owns the file cache, the shared node budget and the diagnostics.
class LoadSession
{
public:
    explicit LoadSession(const LoadOptions& options)
        : m_options(options)
    { }

    LoadResult run(const QByteArray& data, const QString& path);
    LoadResult runFile(const QString& path);

private:
    ParsedFile parse(const QByteArray& data, const QString& file);
    bool checkEncoding(const QByteArray& data, const QString& file);
    QJsonValue fetch(const QString& file, const QString& fromFile, const QString& fromPointer);
    void addPositions();
    void addExampleWarnings(const Definition& definition);
    void applyOverlays(Definition* definition);
    LoadResult fail();

    LoadOptions m_options;
    ProjectFiles m_project;
    Diagnostics m_diagnostics;
    QHash<QString, QByteArray> m_sources; // file -> bytes, kept for lazy line/column lookup
    QStringList m_files;
    KeyOrder::Files m_keyOrders;
    qint64 m_nodesUsed = 0;
};

QString absolutePath(const QString& path)
{
    if (path.startsWith(QLatin1Char(':')) || path.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// yaml-cpp and QJsonDocument turn bad bytes into U+FFFD without a word; say where they are instead.
bool LoadSession::checkEncoding(const QByteArray& data, const QString& file)
{
    // yaml-cpp reads UTF-16 and UTF-32 with a byte order mark itself.
    if (data.startsWith("\xFE\xFF") || data.startsWith("\xFF\xFE") || data.startsWith(QByteArray("\0\0\xFE\xFF", 4)))
        return true;
    const JsonText::EncodingError bad = JsonText::firstEncodingError(data);
    if (bad.offset < 0)
        return true;
    Diagnostic d = bad.nul
        ? Diagnostic::error(
            QStringLiteral("The file contains a NUL byte (is it text?)"), file, QString(), QStringLiteral("nul-byte"))
        : Diagnostic::error(QStringLiteral("The file is not valid UTF-8: byte 0x%1 does not belong here")
                                .arg(static_cast<uint>(bad.byte), 2, 16, QLatin1Char('0'))
                                .toUpper(),
            file, QString(), QStringLiteral("invalid-utf8"));
    const SourceLocator::Position pos = SourceLocator::fromOffset(data, bad.offset);
    d.line = pos.line;
    d.column = pos.column;
    m_diagnostics.append(d);
    return false;
}

ParsedFile LoadSession::parse(const QByteArray& data, const QString& file)
{
    ParsedFile parsed;
    if (data.size() > m_options.maxFileBytes) {
        m_diagnostics.append(Diagnostic::error(
            QStringLiteral("File is %1 bytes, more than the limit of %2").arg(data.size()).arg(m_options.maxFileBytes),
            file, QString(), QStringLiteral("file-too-large")));
        return parsed;
    }
    m_sources.insert(file, data);
    if (!checkEncoding(data, file))
        return parsed;
    const QString suffix = QFileInfo(file).suffix().toLower();
    int firstChar = 0;
    while (firstChar < data.size() && QChar::isSpace(static_cast<uchar>(data.at(firstChar))))
        ++firstChar;
    const bool looksJson = suffix == QLatin1String("json")
        || (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml") && firstChar < data.size()
            && data.at(firstChar) == '{');
    if (looksJson) {
        const qint64 offset = JsonText::nestingExceededAt(data, m_options.maxDepth);
        if (offset >= 0) {
            Diagnostic d = Diagnostic::error(QStringLiteral("Nesting is deeper than %1 levels").arg(m_options.maxDepth),
                file, QString(), QStringLiteral("json-depth"));
            const SourceLocator::Position pos = SourceLocator::fromOffset(data, offset);
            d.line = pos.line;
            d.column = pos.column;
            m_diagnostics.append(d);
            return parsed;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        if (error.error == QJsonParseError::NoError) {
            parsed.root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
            parsed.ok = true;
            // QJsonDocument forgets the key order; one extra pass over the bytes recovers it where it matters.
            m_keyOrders.insert(file, KeyOrder::scanJson(data));
            return parsed;
        }
        // JSON is YAML: yaml-cpp accepts what QJsonDocument refuses (comments, trailing text), so try it.
        YamlReader::Limits limits { m_options.maxDepth, qMax<qint64>(0, m_options.maxNodes - m_nodesUsed) };
        const YamlReadResult yaml = YamlReader::read(data, file, limits);
        if (yaml.ok && !yaml.value.isUndefined()) {
            m_nodesUsed += yaml.nodes;
            m_diagnostics.append(yaml.diagnostics);
            m_keyOrders.insert(file, yaml.keyOrders);
            parsed.root = yaml.value;
            parsed.ok = true;
            return parsed;
        }
        Diagnostic d = Diagnostic::error(QStringLiteral("JSON syntax error: %1").arg(error.errorString()), file,
            QString(), QStringLiteral("json-syntax"));
        const SourceLocator::Position pos = SourceLocator::fromOffset(data, error.offset);
        d.line = pos.line;
        d.column = pos.column;
        m_diagnostics.append(d);
        return parsed;
    }
    // Bound alias expansion by the input size: a few hundred bytes may not become millions of nodes.
    const qint64 scaled = 100'000 + 64 * static_cast<qint64>(data.size());
    YamlReader::Limits limits { m_options.maxDepth, qMax<qint64>(0, qMin(scaled, m_options.maxNodes - m_nodesUsed)) };
    const YamlReadResult yaml = YamlReader::read(data, file, limits);
    m_nodesUsed += yaml.nodes;
    m_diagnostics.append(yaml.diagnostics);
    if (!yaml.ok)
        return parsed;
    if (yaml.value.isUndefined()) {
        m_diagnostics.append(
            Diagnostic::error(QStringLiteral("The file is empty"), file, QString(), QStringLiteral("empty-document")));
        return parsed;
    }
    m_keyOrders.insert(file, yaml.keyOrders);
    parsed.root = yaml.value;
    parsed.ok = true;
    return parsed;
}

QJsonValue LoadSession::fetch(const QString& file, const QString& fromFile, const QString& fromPointer)
{
    const auto refError = [&](const QString& code, const QString& message, const QString& target = QString()) {
        Diagnostic d = Diagnostic::error(message, fromFile, fromPointer, code);
        d.target = target;
        m_diagnostics.append(d);
        return QJsonValue(QJsonValue::Undefined);
    };
    if (m_files.size() > m_options.maxFiles)
        return refError(QStringLiteral("too-many-files"),
            QStringLiteral("More than %1 external files are referenced").arg(m_options.maxFiles));
    const QString name = QDir::toNativeSeparators(file);
    const qint64 maxBytes = qMin(m_options.maxFileBytes, m_options.maxReferencedFileBytes);
    const ProjectFiles::Read read = m_project.read(file, maxBytes);
    const QString leadsTo = read.leadsToNote(file);
    switch (read.status) {
    case ProjectFiles::Status::Ok:
        break;
    case ProjectFiles::Status::Missing:
        return refError(
            QStringLiteral("ref-file-missing"), QStringLiteral("Referenced file %1 does not exist").arg(name));
    case ProjectFiles::Status::NotRegular:
        return refError(QStringLiteral("ref-not-regular-file"),
            QStringLiteral(
                "Referenced file %1%2 is not a regular file (a device, FIFO, socket or folder); it is not read")
                .arg(name, leadsTo),
            read.canonical);
    case ProjectFiles::Status::Outside:
        return refError(QStringLiteral("ref-outside-project"),
            QStringLiteral("Referenced file %1%2 is outside the project folder %3; it is not read unless allowed "
                           "(--allow-file)")
                .arg(name, leadsTo, QDir::toNativeSeparators(m_project.root())),
            read.canonical);
    case ProjectFiles::Status::TooLarge:
        return refError(QStringLiteral("file-too-large"),
            QStringLiteral("Referenced file %1 is larger than %2 bytes").arg(name).arg(maxBytes));
    case ProjectFiles::Status::Unreadable:
        return refError(QStringLiteral("file-unreadable"),
            QStringLiteral("Cannot read referenced file %1: %2").arg(name, read.error));
    }
    m_files.append(file);
    const ParsedFile parsed = parse(read.data, file);
    if (!parsed.ok)
        return refError(
            QStringLiteral("ref-file-invalid"), QStringLiteral("Referenced file %1 could not be parsed").arg(name));
    return parsed.root;
}

// Positions are looked up only for files that have diagnostics, by re-reading their text once.
void LoadSession::addPositions()
{
    QHash<QString, QStringList> wanted;
    for (const Diagnostic& d : std::as_const(m_diagnostics))
        if (d.line == 0 && !d.pointer.isNull() && m_sources.contains(d.file))
            wanted[d.file].append(d.pointer);
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        const QHash<QString, SourceLocator::Position> found =
            SourceLocator::locate(m_sources.value(it.key()), it.value());
        for (Diagnostic& d : m_diagnostics) {
            if (d.file != it.key() || d.line != 0 || d.pointer.isNull())
                continue;
            const auto pos = found.constFind(d.pointer);
            if (pos != found.constEnd()) {
                d.line = pos->line;
                d.column = pos->column;
            }
        }
    }
}

// Examples are linted here, while the source text is still at hand for line numbers. The locator re-parses a
// whole file (about a second for GitHub's 3.6 MB), so only small files get lines for these warnings.
void LoadSession::addExampleWarnings(const Definition& definition)
{
    constexpr qsizetype kLocateLimit = 256 * 1024;
    Diagnostics warnings = ExampleLinter::lint(definition);
    QHash<QString, QStringList> wanted;
    for (const Diagnostic& d : std::as_const(warnings))
        if (!d.pointer.isNull() && m_sources.value(d.file).size() <= kLocateLimit && m_sources.contains(d.file))
            wanted[d.file].append(d.pointer);
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        const QHash<QString, SourceLocator::Position> found =
            SourceLocator::locate(m_sources.value(it.key()), it.value());
        for (Diagnostic& d : warnings) {
            const auto pos = d.file == it.key() ? found.constFind(d.pointer) : found.constEnd();
            if (pos != found.constEnd()) {
                d.line = pos->line;
                d.column = pos->column;
            }
        }
    }
    m_diagnostics.append(warnings);
}

// Overlays change the bundled (and converted) document, so their targets reach external files' parts as well.
void LoadSession::applyOverlays(Definition* definition)
{
    for (const QString& path : std::as_const(m_options.overlays)) {
        const QString file = absolutePath(path);
        const ProjectFiles::Read read = ProjectFiles::readRegularFile(file, m_options.maxReferencedFileBytes);
        if (read.status != ProjectFiles::Status::Ok) {
            const QString why = read.status == ProjectFiles::Status::Missing ? QStringLiteral("it does not exist")
                : read.status == ProjectFiles::Status::TooLarge
                ? QStringLiteral("it is larger than %1 bytes").arg(m_options.maxReferencedFileBytes)
                : read.status == ProjectFiles::Status::Unreadable ? read.error
                                                                  : QStringLiteral("it is not a regular file");
            m_diagnostics.append(Diagnostic::error(QStringLiteral("Cannot apply the overlay: %1").arg(why), file,
                QString(), QStringLiteral("overlay-unreadable")));
            m_files.append(file);
            continue;
        }
        m_files.append(file);
        const ParsedFile parsed = parse(read.data, file);
        if (!parsed.ok)
            continue;
        m_diagnostics.append(Overlay::apply(parsed.root, file, &definition->document));
        definition->overlays.append(file);
    }
}

LoadResult LoadSession::fail()
{
    addPositions();
    LoadResult result;
    result.diagnostics = m_diagnostics;
    return result;
}

LoadResult LoadSession::runFile(const QString& path)
{
    const QString file = absolutePath(path);
    const ProjectFiles::Read read = ProjectFiles::readRegularFile(file, m_options.maxFileBytes);
    const auto failWith = [&](const QString& code, const QString& message) {
        m_diagnostics.append(Diagnostic::error(message, file, QString(), code));
        return fail();
    };
    switch (read.status) {
    case ProjectFiles::Status::Ok:
        break;
    case ProjectFiles::Status::Missing:
        return failWith(QStringLiteral("file-missing"), QStringLiteral("File does not exist"));
    case ProjectFiles::Status::NotRegular:
    case ProjectFiles::Status::Outside:
        return failWith(QStringLiteral("file-not-regular"),
            QStringLiteral("Not a regular file (a folder, device, FIFO or socket); it is not read"));
    case ProjectFiles::Status::TooLarge:
        return failWith(QStringLiteral("file-too-large"),
            QStringLiteral("File is %1 bytes, more than the limit of %2").arg(read.size).arg(m_options.maxFileBytes));
    case ProjectFiles::Status::Unreadable:
        return failWith(QStringLiteral("file-unreadable"), QStringLiteral("Cannot read the file: %1").arg(read.error));
    }
    return run(read.data, file);
}

LoadResult LoadSession::run(const QByteArray& data, const QString& path)
{
    const QString file = absolutePath(path);
    m_project = ProjectFiles(file, m_options.allowedPaths);
    m_files.append(file);
    const ParsedFile parsed = parse(data, file);
    if (!parsed.ok)
        return fail();
    if (!parsed.root.isObject()) {
        m_diagnostics.append(Diagnostic::error(QStringLiteral("The document root is not an object (mapping)"), file,
            QString(), QStringLiteral("root-not-object")));
        return fail();
    }
    const QJsonObject root = parsed.root.toObject();

    auto definition = std::make_shared<Definition>();
    definition->file = file;
    const QJsonValue openapi = root.value(QLatin1String("openapi"));
    const QJsonValue swagger = root.value(QLatin1String("swagger"));
    const auto versionText = [](const QJsonValue& v) {
        return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
    };
    bool isSwagger = false;
    if (!openapi.isUndefined()) {
        definition->specVersion = versionText(openapi);
        if (definition->specVersion.startsWith(QLatin1String("3.0."))
            || definition->specVersion == QLatin1String("3.0")) {
            definition->dialect = SchemaDialect::OpenApi30;
        } else if (definition->specVersion.startsWith(QLatin1String("3.1."))
            || definition->specVersion == QLatin1String("3.1")
            || definition->specVersion.startsWith(QLatin1String("3.2."))
            || definition->specVersion == QLatin1String("3.2")) {
            // 3.2 keeps 3.1's schema dialect (JSON Schema 2020-12); its additions are read by the extractor.
            definition->dialect = SchemaDialect::OpenApi31;
        } else {
            m_diagnostics.append(Diagnostic::error(
                QStringLiteral("Unsupported OpenAPI version \"%1\" (3.0.x, 3.1.x, 3.2.x and Swagger 2.0 are supported)")
                    .arg(definition->specVersion),
                file, QStringLiteral("/openapi"), QStringLiteral("unknown-version")));
            return fail();
        }
    } else if (!swagger.isUndefined()) {
        definition->specVersion = versionText(swagger);
        if (definition->specVersion != QLatin1String("2.0") && definition->specVersion != QLatin1String("2")) {
            m_diagnostics.append(
                Diagnostic::error(QStringLiteral("Unsupported Swagger version \"%1\" (only 2.0 is supported)")
                                      .arg(definition->specVersion),
                    file, QStringLiteral("/swagger"), QStringLiteral("unknown-version")));
            return fail();
        }
        definition->specVersion = QStringLiteral("2.0");
        definition->dialect = SchemaDialect::OpenApi30;
        definition->convertedFromSwagger2 = isSwagger = true;
    } else {
        m_diagnostics.append(Diagnostic::error(
            QStringLiteral("Not an OpenAPI definition: there is no \"openapi\" or \"swagger\" version field"), file,
            QString(), QStringLiteral("unknown-version")));
        return fail();
    }

    RefBundler bundler(
        [this](const QString& f, const QString& from, const QString& ptr) { return fetch(f, from, ptr); }, isSwagger);
    RefBundler::Result bundled = bundler.bundle(root, file);
    m_diagnostics.append(bundled.diagnostics);
    if (isSwagger) {
        SwaggerConverter::Result converted = SwaggerConverter::convert(bundled.document, file);
        m_diagnostics.append(converted.diagnostics);
        definition->document = std::move(converted.document);
    } else {
        definition->document = std::move(bundled.document);
    }
    definition->bundledOrigins = std::move(bundled.origins);
    applyOverlays(definition.get());
    definition->files = m_files;
    if (isSwagger)
        addSwaggerContentOrders(root, definition->document, &m_keyOrders[file]);
    definition->keyOrders = std::move(m_keyOrders);

    const QJsonObject info = root.value(QLatin1String("info")).toObject();
    definition->title = info.value(QLatin1String("title")).toString();
    definition->version = info.value(QLatin1String("version")).toVariant().toString();
    definition->description = info.value(QLatin1String("description")).toString();

    OperationExtractor::Options extractOptions;
    extractOptions.maxFileBytes = qMin(m_options.maxFileBytes, m_options.maxReferencedFileBytes);
    extractOptions.allowedPaths = m_options.allowedPaths;
    extractOptions.limits = YamlReader::Limits { m_options.maxDepth, m_options.maxNodes };
    OperationExtractor extractor(extractOptions);
    m_diagnostics.append(extractor.extract(definition.get()));

    addPositions();
    addExampleWarnings(*definition);
    LoadResult result;
    result.definition = std::move(definition);
    result.diagnostics = m_diagnostics;
    return result;
}

} // namespace

DefinitionLoader::DefinitionLoader(LoadOptions options)
    : m_options(options)
{ }

LoadResult DefinitionLoader::loadFile(const QString& path) const
{
    LoadSession session(m_options);
    return session.runFile(path);
}

LoadResult DefinitionLoader::loadData(const QByteArray& data, const QString& path) const
{
    LoadSession session(m_options);
    return session.run(data, path);
}

QString DefinitionLoader::bundledExamplePath()
{
    return QStringLiteral(":/examples/bookshelf.yaml");
}
