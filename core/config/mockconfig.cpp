// SPDX-License-Identifier: MIT
#include "core/config/mockconfig.h"

#include <exception>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include "core/json/jsonpointer.h"

namespace {

// A $ref chain longer than this is a loop or a mistake; redocly.yaml files are flat in practice.
constexpr int maxRefHops = 8;

const QString configCodeUnreadable = QStringLiteral("config-unreadable");
const QString configCodeSyntax = QStringLiteral("config-syntax");
const QString configCodeUnknownKey = QStringLiteral("config-unknown-key");
const QString configCodeType = QStringLiteral("config-type");
const QString configCodeRef = QStringLiteral("config-ref");

bool isResourcePath(const QString& path)
{
    return path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"));
}

// Canonical when the file exists (symlinks and ".." resolved), otherwise a cleaned absolute path.
QString canonicalPath(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QString scalarText(const YAML::Node& node)
{
    return QString::fromStdString(node.Scalar());
}

// Finds `key` in a mapping by iterating, so a missing key never creates a node.
std::optional<YAML::Node> findKey(const YAML::Node& map, const QString& key)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && scalarText(it->first) == key)
            return YAML::Node(it->second);
    }
    return std::nullopt;
}

void placeAt(Diagnostic* d, const YAML::Node& node)
{
    if (!node.IsDefined())
        return;
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) {
        d->line = mark.line + 1;
        d->column = mark.column + 1;
    }
}

// Reads and parses one YAML file; false with an error diagnostic when that is impossible.
bool loadYaml(const QString& path, YAML::Node* out, Diagnostics* diagnostics)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        const QFileInfo info(path);
        const QString reason = !info.exists() ? QStringLiteral("no such file")
            : info.isDir()                    ? QStringLiteral("it is a folder")
                                              : file.errorString();
        diagnostics->append(Diagnostic::error(
            QStringLiteral("cannot read configuration file: %1").arg(reason), path, QString(), configCodeUnreadable));
        return false;
    }
    const QByteArray data = file.readAll();
    try {
        out->reset(YAML::Load(data.toStdString()));
        return true;
    } catch (const YAML::Exception& e) {
        Diagnostic d = Diagnostic::error(
            QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(e.msg)), path, QString(), configCodeSyntax);
        if (e.mark.line >= 0) {
            d.line = e.mark.line + 1;
            d.column = e.mark.column + 1;
        }
        diagnostics->append(d);
    } catch (const std::exception& e) {
        diagnostics->append(Diagnostic::error(
            QStringLiteral("invalid YAML: %1").arg(QString::fromUtf8(e.what())), path, QString(), configCodeSyntax));
    }
    return false;
}

// Applies one `mockServer` block (and whatever it $refs) onto a configuration, key by key.
class BlockReader
{
public:
    BlockReader(MockConfig* config, Diagnostics* diagnostics)
        : m_config(config)
        , m_diagnostics(diagnostics)
    { }

    void apply(const YAML::Node& block, const QString& file, const QString& pointer, int hops = 0)
    {
        if (block.IsNull())
            return;
        if (!block.IsMap()) {
            warn(block, file, pointer, configCodeType,
                QStringLiteral("mockServer must be a mapping of options; ignored"));
            return;
        }
        // The $ref'd block first, so keys written next to the $ref refine it.
        for (auto it = block.begin(); it != block.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "$ref")
                applyRef(it->second, file, JsonPointer::append(pointer, QStringLiteral("$ref")), hops);
        }
        QSet<QString> seen;
        for (auto it = block.begin(); it != block.end(); ++it) {
            const YAML::Node keyNode = it->first;
            const YAML::Node value = it->second;
            if (!keyNode.IsScalar()) {
                warn(keyNode, file, pointer, configCodeUnknownKey, QStringLiteral("mockServer keys must be names"));
                continue;
            }
            const QString key = scalarText(keyNode);
            if (key == QLatin1String("$ref"))
                continue;
            const QString at = JsonPointer::append(pointer, key);
            if (seen.contains(key))
                warn(keyNode, file, at, QStringLiteral("config-duplicate-key"),
                    QStringLiteral("mockServer option '%1' is given twice; the last one wins").arg(key));
            seen.insert(key);
            applyOption(key, keyNode, value, file, at);
        }
    }

private:
    void applyOption(
        const QString& key, const YAML::Node& keyNode, const YAML::Node& value, const QString& file, const QString& at)
    {
        if (key == QLatin1String("off"))
            readBool(value, file, at, key, &m_config->off);
        else if (key == QLatin1String("strictExamples"))
            readBool(value, file, at, key, &m_config->strictExamples);
        else if (key == QLatin1String("errorIfForcedExampleNotFound"))
            readBool(value, file, at, key, &m_config->errorIfForcedExampleNotFound);
        else if (key == QLatin1String("position"))
            readPosition(value, file, at);
        else if (key == QLatin1String("description"))
            readDescription(value, file, at);
        else
            warn(keyNode, file, at, configCodeUnknownKey,
                QStringLiteral("unknown mockServer option '%1' (known: off, strictExamples, "
                               "errorIfForcedExampleNotFound, position, description)")
                    .arg(key));
    }

    void readBool(const YAML::Node& value, const QString& file, const QString& at, const QString& key, bool* out)
    {
        bool b = false;
        if (value.IsScalar() && YAML::convert<bool>::decode(value, b)) {
            *out = b;
            return;
        }
        warn(value, file, at, configCodeType,
            QStringLiteral("mockServer option '%1' must be true or false, got %2; keeping %3")
                .arg(key, describe(value), *out ? QStringLiteral("true") : QStringLiteral("false")));
    }

    void readPosition(const YAML::Node& value, const QString& file, const QString& at)
    {
        static const QStringList allowed = { QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("replace"),
            QStringLiteral("off") };
        const QString text = value.IsScalar() ? scalarText(value).trimmed().toLower() : QString();
        if (allowed.contains(text)) {
            m_config->position = text;
            return;
        }
        warn(value, file, at, configCodeType,
            QStringLiteral("mockServer option 'position' must be one of first, last, replace, off; got %1; keeping %2")
                .arg(describe(value), m_config->position));
    }

    void readDescription(const YAML::Node& value, const QString& file, const QString& at)
    {
        if (value.IsScalar()) {
            m_config->description = scalarText(value);
            return;
        }
        warn(value, file, at, configCodeType,
            QStringLiteral("mockServer option 'description' must be text, got %1; keeping '%2'")
                .arg(describe(value), m_config->description));
    }

    void applyRef(const YAML::Node& refNode, const QString& file, const QString& at, int hops)
    {
        if (!refNode.IsScalar()) {
            warn(refNode, file, at, configCodeRef, QStringLiteral("$ref must be a relative file path"));
            return;
        }
        if (hops >= maxRefHops) {
            error(refNode, file, at, configCodeRef,
                QStringLiteral("mockServer $ref chain is longer than %1 (a loop?); stopped").arg(maxRefHops));
            return;
        }
        const QString ref = scalarText(refNode);
        const qsizetype hash = ref.indexOf(QLatin1Char('#'));
        const QString target = hash < 0 ? ref : ref.left(hash);
        const QString pointer = hash < 0 ? QString() : JsonPointer::fromFragment(ref.mid(hash));
        QString targetFile = file;
        if (!target.isEmpty())
            targetFile = canonicalPath(QFileInfo(file).absoluteDir().filePath(target));

        YAML::Node document;
        Diagnostics loadDiagnostics;
        if (!loadYaml(targetFile, &document, &loadDiagnostics)) {
            for (Diagnostic d : loadDiagnostics) {
                // report where the broken $ref is written; the message names the target
                d.message = QStringLiteral("mockServer $ref '%1': %2").arg(ref, d.message);
                if (d.code == configCodeUnreadable) {
                    d.file = file;
                    d.pointer = at;
                    placeAt(&d, refNode);
                }
                m_diagnostics->append(d);
            }
            return;
        }
        YAML::Node block(document);
        for (const QString& token : JsonPointer::split(pointer)) {
            const auto next = block.IsMap() ? findKey(block, token) : std::optional<YAML::Node>();
            if (!next) {
                error(refNode, file, at, configCodeRef,
                    QStringLiteral("mockServer $ref '%1': nothing at %2 in %3").arg(ref, pointer, targetFile));
                return;
            }
            block.reset(*next); // rebinds; plain assignment would overwrite the document's node
        }
        apply(block, targetFile, pointer, hops + 1);
    }

    static QString describe(const YAML::Node& node)
    {
        if (node.IsNull())
            return QStringLiteral("nothing");
        if (node.IsMap())
            return QStringLiteral("a mapping");
        if (node.IsSequence())
            return QStringLiteral("a list");
        return QLatin1Char('\'') + scalarText(node).left(60) + QLatin1Char('\'');
    }

    void warn(const YAML::Node& node, const QString& file, const QString& pointer, const QString& code,
        const QString& message)
    {
        Diagnostic d = Diagnostic::warning(message, file, pointer, code);
        placeAt(&d, node);
        m_diagnostics->append(d);
    }

    void error(const YAML::Node& node, const QString& file, const QString& pointer, const QString& code,
        const QString& message)
    {
        Diagnostic d = Diagnostic::error(message, file, pointer, code);
        placeAt(&d, node);
        m_diagnostics->append(d);
    }

    MockConfig* m_config;
    Diagnostics* m_diagnostics;
};

void readConfig(
    const YAML::Node& root, const QString& configFile, const QString& definitionPath, MockConfigResult* result)
{
    if (root.IsNull())
        return; // an empty redocly.yaml is valid and means defaults
    if (!root.IsMap()) {
        Diagnostic d = Diagnostic::warning(
            QStringLiteral("configuration is not a mapping; using defaults"), configFile, QString(), configCodeType);
        placeAt(&d, root);
        result->diagnostics.append(d);
        return;
    }
    BlockReader reader(&result->config, &result->diagnostics);
    if (const auto rootBlock = findKey(root, QStringLiteral("mockServer")))
        reader.apply(*rootBlock, configFile, QStringLiteral("/mockServer"));

    const auto apisNode = findKey(root, QStringLiteral("apis"));
    if (!apisNode || apisNode->IsNull() || definitionPath.isEmpty() || isResourcePath(definitionPath))
        return;
    const YAML::Node& apis = *apisNode;
    if (!apis.IsMap()) {
        Diagnostic d = Diagnostic::warning(QStringLiteral("'apis' must be a mapping of API names; ignored"), configFile,
            QStringLiteral("/apis"), configCodeType);
        placeAt(&d, apis);
        result->diagnostics.append(d);
        return;
    }
    const QString definition = canonicalPath(definitionPath);
    const QDir configDir = QFileInfo(configFile).absoluteDir();
    for (auto it = apis.begin(); it != apis.end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsMap())
            continue;
        const YAML::Node api = it->second;
        const auto rootPath = findKey(api, QStringLiteral("root"));
        if (!rootPath || !rootPath->IsScalar())
            continue;
        if (canonicalPath(configDir.filePath(scalarText(*rootPath))) != definition)
            continue;
        const QString name = scalarText(it->first);
        result->config.apiName = name;
        if (const auto block = findKey(api, QStringLiteral("mockServer"))) {
            const QString pointer =
                JsonPointer::append(JsonPointer::append(QStringLiteral("/apis"), name), QStringLiteral("mockServer"));
            reader.apply(*block, configFile, pointer);
        }
        return; // the first API that points at the definition decides
    }
}

} // namespace

MockConfigResult MockConfigLoader::discover(const QString& definitionPath)
{
    if (definitionPath.isEmpty() || isResourcePath(definitionPath))
        return {};
    QDir dir = QFileInfo(definitionPath).absoluteDir();
    static const QStringList names = { QStringLiteral("redocly.yaml"), QStringLiteral(".redocly.yaml") };
    // the bound only guards against odd file systems; real trees end at "/" long before
    for (int level = 0; level < 512; ++level) {
        for (const QString& name : names) {
            const QString candidate = dir.filePath(name);
            if (QFileInfo(candidate).isFile())
                return load(candidate, definitionPath);
        }
        if (dir.isRoot() || !dir.cdUp())
            break;
    }
    return {};
}

MockConfigResult MockConfigLoader::load(const QString& configPath, const QString& definitionPath)
{
    MockConfigResult result;
    const QString configFile = isResourcePath(configPath) ? configPath : canonicalPath(configPath);
    YAML::Node root;
    if (!loadYaml(configFile, &root, &result.diagnostics))
        return result;
    result.config.sourceFile = configFile;
    try {
        readConfig(root, configFile, definitionPath, &result);
    } catch (const std::exception& e) {
        // yaml-cpp throws on some malformed node access; a configuration must never take the mock down
        result.diagnostics.append(
            Diagnostic::error(QStringLiteral("cannot read configuration: %1").arg(QString::fromUtf8(e.what())),
                configFile, QString(), configCodeSyntax));
    }
    return result;
}
