// SPDX-License-Identifier: MIT
#include "core/definition/refbundler.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>
#include <QUrl>

#include "core/json/jsonpointer.h"

namespace SpecWalk {

Mode childMode(Mode parent, const QString& key, const QJsonValue& child, bool swagger2)
{
    switch (parent) {
    case Mode::Literal:
        return Mode::Literal;
    case Mode::NameMap:
        return Mode::Generic;
    case Mode::Components:
        if (key.startsWith(QLatin1String("x-")))
            return Mode::Literal;
        return key == QLatin1String("examples") ? Mode::ExampleMap : Mode::NameMap;
    case Mode::ExampleMap:
        return Mode::ExampleObject;
    case Mode::ExampleObject:
        return key == QLatin1String("value") || key.startsWith(QLatin1String("x-")) ? Mode::Literal : Mode::Generic;
    case Mode::Generic:
        break;
    }
    if (key.isEmpty())
        return Mode::Generic;
    switch (key.at(0).unicode()) {
    case 'x':
        if (key.startsWith(QLatin1String("x-")))
            return Mode::Literal;
        break;
    case 'e':
        if (key == QLatin1String("example") || key == QLatin1String("enum"))
            return Mode::Literal;
        if (key == QLatin1String("examples"))
            return child.isObject() && !swagger2 ? Mode::ExampleMap : Mode::Literal;
        if (key == QLatin1String("encoding"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'd':
        if (key == QLatin1String("default"))
            return Mode::Literal;
        if (key == QLatin1String("definitions") || key == QLatin1String("dependentSchemas")
            || key == QLatin1String("dependencies"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'c':
        if (key == QLatin1String("const"))
            return Mode::Literal;
        if (key == QLatin1String("components"))
            return Mode::Components;
        if (key == QLatin1String("content") || key == QLatin1String("callbacks"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'p':
        if (key == QLatin1String("properties") || key == QLatin1String("patternProperties")
            || key == QLatin1String("paths") || key == QLatin1String("parameters"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'r':
        if (key == QLatin1String("responses"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'h':
        if (key == QLatin1String("headers"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'l':
        if (key == QLatin1String("links"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 's':
        if (key == QLatin1String("securityDefinitions") || key == QLatin1String("scopes")
            || key == QLatin1String("schemas") || key == QLatin1String("securitySchemes"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'v':
        if (key == QLatin1String("variables"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case 'w':
        if (key == QLatin1String("webhooks"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    case '$':
        if (key == QLatin1String("$defs"))
            return child.isObject() ? Mode::NameMap : Mode::Generic;
        break;
    default:
        break;
    }
    return Mode::Generic;
}

} // namespace SpecWalk

namespace {

const QString kRef = QStringLiteral("$ref");
const QString kBundled = QStringLiteral("x-understudy-bundled");

QString targetKey(const QString& file, const QString& pointer)
{
    return file + QLatin1Char('#') + pointer;
}

} // namespace

RefBundler::RefBundler(Fetch fetch, bool swagger2)
    : m_fetch(std::move(fetch))
    , m_swagger2(swagger2)
{ }

bool RefBundler::isRemote(const QString& ref)
{
    const int colon = ref.indexOf(QLatin1Char(':'));
    if (colon <= 1) // "C:" drive letters are not schemes worth supporting; "#..." has none
        return false;
    const int hash = ref.indexOf(QLatin1Char('#'));
    const int slash = ref.indexOf(QLatin1Char('/'));
    if ((hash >= 0 && hash < colon) || (slash >= 0 && slash < colon))
        return false;
    return !ref.startsWith(QLatin1String("file:"), Qt::CaseInsensitive);
}

bool RefBundler::splitRef(const QString& ref, const QString& baseFile, QString* file, QString* pointer)
{
    if (isRemote(ref))
        return false;
    const int hash = ref.indexOf(QLatin1Char('#'));
    QString path = hash < 0 ? ref : ref.left(hash);
    *pointer = hash < 0 ? QString() : JsonPointer::fromFragment(ref.mid(hash));
    if (path.isEmpty()) {
        *file = baseFile;
        return true;
    }
    if (path.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        path = QUrl(path).toLocalFile();
    else if (path.contains(QLatin1Char('%')))
        path = QUrl::fromPercentEncoding(path.toUtf8());
    if (QDir::isAbsolutePath(path) && !path.startsWith(QLatin1Char(':')))
        *file = QDir::cleanPath(path);
    else
        *file = QDir::cleanPath(QFileInfo(baseFile).path() + QLatin1Char('/') + path);
    return true;
}

QString RefBundler::currentPointer() const
{
    QString p = m_base;
    for (const Token& t : m_tokens)
        p = t.index >= 0 ? JsonPointer::append(p, t.index) : JsonPointer::append(p, t.key);
    return p;
}

void RefBundler::error(const QString& code, const QString& message, const QString& pointer)
{
    m_result.diagnostics.append(Diagnostic::error(message, m_file, pointer, code));
}

QJsonValue RefBundler::documentOf(const QString& file, const QString& fromPointer)
{
    if (file == m_rootFile)
        return m_root;
    auto it = m_docs.constFind(file);
    if (it == m_docs.constEnd())
        it = m_docs.insert(file, m_fetch(file, m_file, fromPointer));
    return *it;
}

// Validates a target in source coordinates: it must exist, and a chain of pure `$ref`s starting there
// must not loop back on itself.
bool RefBundler::checkTarget(const QString& file, const QString& pointer, const QString& ref)
{
    const QString key = targetKey(file, pointer);
    if (m_checked.contains(key))
        return true;
    const QString refPointer = JsonPointer::append(currentPointer(), kRef);
    const QJsonValue doc = documentOf(file, refPointer);
    if (doc.isUndefined())
        return false; // reported by the fetch callback
    QJsonValue target;
    if (!JsonPointer::resolve(doc, pointer, &target)) {
        const QString where = file == m_file ? QString() : QStringLiteral(" in %1").arg(QDir::toNativeSeparators(file));
        error(QStringLiteral("ref-missing"),
            QStringLiteral("$ref \"%1\" points to nothing: %2 does not exist%3")
                .arg(ref, pointer.isEmpty() ? QStringLiteral("/") : pointer, where),
            refPointer);
        return false;
    }
    m_checked.insert(key);
    // Follow pure-ref chains to detect cycles that have no structure (A -> B -> A, or A -> A). A chain stops at
    // a link an earlier walk went through (its end, or its cycle, is known already), so all the refs of a long
    // chain A0 -> A1 -> ... -> An cost O(n) together, not O(n^2).
    if (m_chainWalked.contains(key))
        return true;
    QSet<QString> seen { key };
    const auto remember = qScopeGuard([&] { m_chainWalked.unite(seen); });
    QStringList chain { ref };
    QString chainFile = file;
    while (target.isObject()) {
        const QJsonValue next = target.toObject().value(kRef);
        if (!next.isString())
            break;
        QString nextFile;
        QString nextPointer;
        if (!splitRef(next.toString(), chainFile, &nextFile, &nextPointer))
            break;
        chain.append(next.toString());
        const QString nextKey = targetKey(nextFile, nextPointer);
        if (m_chainWalked.contains(nextKey))
            break;
        if (seen.contains(nextKey)) {
            error(QStringLiteral("ref-cycle"),
                QStringLiteral("$ref cycle with no schema or object in it: %1").arg(chain.join(QLatin1String(" -> "))),
                refPointer);
            return true;
        }
        seen.insert(nextKey);
        const QJsonValue nextDoc =
            nextFile == chainFile ? documentOf(nextFile, refPointer) : documentOf(nextFile, refPointer);
        if (nextDoc.isUndefined() || !JsonPointer::resolve(nextDoc, nextPointer, &target))
            break;
        chainFile = nextFile;
    }
    return true;
}

QString RefBundler::handleRef(const QString& ref)
{
    if (isRemote(ref)) {
        m_result.diagnostics.append(
            Diagnostic::warning(QStringLiteral("Remote $ref \"%1\" is not fetched; it is left unresolved").arg(ref),
                m_file, JsonPointer::append(currentPointer(), kRef), QStringLiteral("ref-remote")));
        return ref;
    }
    QString file;
    QString pointer;
    if (!splitRef(ref, m_file, &file, &pointer))
        return ref;
    if (!checkTarget(file, pointer, ref))
        return ref;
    if (file == m_rootFile)
        return JsonPointer::toFragment(pointer);
    const QString key = targetKey(file, pointer);
    auto it = m_bundled.constFind(key);
    if (it == m_bundled.constEnd()) {
        it = m_bundled.insert(key, static_cast<int>(m_pending.size()));
        m_pending.append(Target { file, pointer });
    }
    return JsonPointer::toFragment(QStringLiteral("/x-understudy-bundled/") + QString::number(*it));
}

QJsonValue RefBundler::walk(const QJsonValue& value, SpecWalk::Mode mode, bool* changed)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        bool dirty = false;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue child = it.value();
            if (key == kRef && child.isString() && mode != SpecWalk::Mode::Literal) {
                const QString ref = child.toString();
                const QString rewritten = handleRef(ref);
                if (rewritten != ref) {
                    if (!dirty)
                        out = object;
                    dirty = true;
                    out.insert(key, rewritten);
                }
                continue;
            }
            if (!child.isObject() && !child.isArray())
                continue;
            const SpecWalk::Mode childMode = SpecWalk::childMode(mode, key, child, m_swagger2);
            if (childMode == SpecWalk::Mode::Literal)
                continue;
            m_tokens.append(Token { key, -1 });
            bool childChanged = false;
            const QJsonValue walked = walk(child, childMode, &childChanged);
            m_tokens.removeLast();
            if (childChanged) {
                if (!dirty)
                    out = object;
                dirty = true;
                out.insert(key, walked);
            }
        }
        *changed = dirty;
        return dirty ? QJsonValue(out) : value;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        QJsonArray out;
        bool dirty = false;
        const SpecWalk::Mode childMode = mode == SpecWalk::Mode::NameMap ? SpecWalk::Mode::Generic : mode;
        for (int i = 0; i < array.size(); ++i) {
            const QJsonValue child = array.at(i);
            if (!child.isObject() && !child.isArray())
                continue;
            m_tokens.append(Token { QString(), i });
            bool childChanged = false;
            const QJsonValue walked = walk(child, childMode, &childChanged);
            m_tokens.removeLast();
            if (childChanged) {
                if (!dirty)
                    out = array;
                dirty = true;
                out.replace(i, walked);
            }
        }
        *changed = dirty;
        return dirty ? QJsonValue(out) : value;
    }
    *changed = false;
    return value;
}

RefBundler::Result RefBundler::bundle(const QJsonObject& root, const QString& rootFile)
{
    m_result = Result();
    m_rootFile = rootFile;
    m_root = root;
    m_file = rootFile;
    m_base.clear();
    bool changed = false;
    QJsonObject document = walk(root, SpecWalk::Mode::Generic, &changed).toObject();

    QJsonArray bundled;
    for (int n = 0; n < m_pending.size(); ++n) {
        const Target target = m_pending.at(n); // copy: walking may append to m_pending
        m_file = target.file;
        m_base = target.pointer;
        m_tokens.clear();
        const QJsonValue source = JsonPointer::value(documentOf(target.file, QString()), target.pointer);
        bundled.append(walk(source, SpecWalk::Mode::Generic, &changed));
        m_result.origins.insert(QStringLiteral("/x-understudy-bundled/") + QString::number(n),
            Definition::Origin { target.file, target.pointer });
    }
    if (!bundled.isEmpty())
        document.insert(kBundled, bundled);
    m_result.document = document;
    return std::move(m_result);
}
