// SPDX-License-Identifier: MIT
#include "core/definition/definition.h"

#include "core/schema/schemavalidator.h"

DefinitionSchemas& DefinitionSchemas::operator=(const DefinitionSchemas& other)
{
    if (this != &other) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_cache.reset();
    }
    return *this;
}

std::shared_ptr<const SchemaCache> DefinitionSchemas::get(const QJsonObject& document, SchemaDialect dialect) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_cache)
        m_cache = std::make_shared<const SchemaCache>(QJsonValue(document), dialect);
    return m_cache;
}

const SchemaCache& Definition::schemas() const
{
    return *compiledSchemas.get(document, dialect);
}

std::shared_ptr<const SchemaCache> Definition::sharedSchemas() const
{
    return compiledSchemas.get(document, dialect);
}

int Response::status() const
{
    if (isDefault())
        return 0;
    if (isRange())
        return code.left(1).toInt() * 100;
    return code.toInt();
}

bool Response::covers(int s) const
{
    if (isDefault())
        return true;
    if (isRange())
        return s / 100 == code.left(1).toInt();
    return code.toInt() == s;
}

const Response* Operation::response(const QString& code) const
{
    for (const Response& r : responses)
        if (r.code.compare(code, Qt::CaseInsensitive) == 0)
            return &r;
    return nullptr;
}

QStringList Operation::responseCodes() const
{
    QStringList codes;
    codes.reserve(responses.size());
    for (const Response& r : responses)
        codes.append(r.code);
    return codes;
}

Definition::Origin Definition::originOf(const QString& documentPointer) const
{
    static const QString prefix = QStringLiteral("/x-understudy-bundled/");
    if (documentPointer.startsWith(prefix)) {
        const int end = documentPointer.indexOf(QLatin1Char('/'), prefix.size());
        const QString key = end < 0 ? documentPointer : documentPointer.left(end);
        const auto it = bundledOrigins.constFind(key);
        if (it != bundledOrigins.constEnd())
            return { it->file, it->pointer + (end < 0 ? QString() : documentPointer.mid(end)) };
    }
    return { file, documentPointer };
}

QString Definition::basePath() const
{
    return servers.isEmpty() ? QString() : servers.first().basePath;
}

const Operation* Definition::operation(const QString& id) const
{
    for (const Operation& op : operations)
        if (op.id == id)
            return &op;
    return nullptr;
}
