// SPDX-License-Identifier: MIT
#include "core/negotiation/mediatypenegotiator.h"

#include <QHash>

#include "core/http/headertokens.h"

namespace {

// RFC 7230 tchar: what a type, subtype or parameter name may contain.
bool isToken(const QString& text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u > 0x7e || u <= 0x20)
            return false;
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
            continue;
        if (!QStringView(u"!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool parameterValuesEqual(const QString& name, const QString& a, const QString& b)
{
    // charset names are case-insensitive (RFC 2978); other parameters are compared as written
    const auto cs = name == QLatin1String("charset") ? Qt::CaseInsensitive : Qt::CaseSensitive;
    return a.compare(b, cs) == 0;
}

// How precisely an Accept range matches a declared type; -1 when it does not match.
// Coarse level first (bare wildcard, type wildcard, suffix match, exact), then the parameters both name.
int rangeRank(const MediaRange& range, const MediaRange& declared)
{
    const QLatin1String star("*");
    if (range.type != star && declared.type != star && range.type != declared.type)
        return -1;
    int level = range.specificity(); // 0, 1 or 2
    if (range.subtype != star && declared.subtype != star && range.subtype != declared.subtype) {
        // "application/json" accepts "application/problem+json": same structured syntax, weaker match
        if (range.type != declared.type || !declared.subtype.endsWith(QLatin1Char('+') + range.subtype))
            return -1;
        level = 2;
    } else if (level == 2) {
        level = 3;
    }
    int matchedParameters = 0;
    for (const auto& p : range.parameters) {
        const QString value = declared.parameter(p.first);
        if (value.isNull())
            continue; // the declaration does not constrain it; lenient on purpose
        if (!parameterValuesEqual(p.first, p.second, value))
            return -1;
        ++matchedParameters;
    }
    return level * 16 + qMin(matchedParameters, 15);
}

QString defaultSubtypeFor(const QString& type)
{
    if (type == QLatin1String("text"))
        return QStringLiteral("text/plain");
    if (type == QLatin1String("application") || type == QLatin1String("*"))
        return QStringLiteral("application/json");
    return QStringLiteral("application/octet-stream");
}

// A concrete Content-Type for a wildcard declaration, narrowed by the Accept range that selected it.
QString concreteType(const MediaRange& declared, const QString& declaredText, const MediaRange* range)
{
    if (!declared.isWildcard())
        return declaredText;
    if (range && range->specificity() == 2)
        return range->essence();
    if (range && range->specificity() == 1 && declared.type == QLatin1String("*"))
        return defaultSubtypeFor(range->type);
    return defaultSubtypeFor(declared.type);
}

struct Candidate
{
    int index = -1;
    double quality = 0.0;
    int rank = -1;
    int declaredSpecificity = 0;
    bool jsonBonus = false;
    const MediaRange* range = nullptr;

    bool beats(const Candidate& other) const
    {
        if (other.index < 0)
            return true;
        if (quality != other.quality)
            return quality > other.quality;
        if (rank != other.rank)
            return rank > other.rank;
        if (declaredSpecificity != other.declaredSpecificity)
            return declaredSpecificity > other.declaredSpecificity;
        if (jsonBonus != other.jsonBonus)
            return jsonBonus;
        return index < other.index;
    }
};

} // namespace

int MediaRange::specificity() const
{
    if (type == QLatin1String("*"))
        return 0;
    return subtype == QLatin1String("*") ? 1 : 2;
}

QString MediaRange::parameter(const QString& name) const
{
    for (const auto& p : parameters) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

std::optional<MediaRange> MediaRange::parseCached(const QString& text)
{
    thread_local QHash<QString, std::optional<MediaRange>> cache;
    const auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return it.value();
    if (cache.size() >= 1024)
        cache.clear();
    const std::optional<MediaRange> parsed = parse(text);
    cache.insert(text, parsed);
    return parsed;
}

std::optional<MediaRange> MediaRange::parse(const QString& text)
{
    const QStringList parts = HeaderTokens::splitOutsideQuotes(text, u";", HeaderTokens::Escapes::Keep);
    const QString essence = parts.first().trimmed().toLower();
    const qsizetype slash = essence.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    MediaRange range;
    range.type = essence.left(slash);
    range.subtype = essence.mid(slash + 1);
    if (!isToken(range.type) || !isToken(range.subtype) || range.subtype.contains(QLatin1Char('/')))
        return std::nullopt;
    if (range.type == QLatin1String("*") && range.subtype != QLatin1String("*"))
        return std::nullopt;

    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue; // a bare or nameless parameter carries nothing we could compare
        const QString name = part.left(eq).trimmed().toLower();
        const QString value = HeaderTokens::unquote(part.mid(eq + 1).trimmed(), HeaderTokens::Escapes::Resolve);
        if (!isToken(name))
            continue;
        if (name == QLatin1String("q")) {
            bool ok = false;
            const double q = value.toDouble(&ok);
            if (!ok || !(q >= 0.0 && q <= 1.0))
                return std::nullopt;
            range.quality = q;
            break; // what follows q are accept-extensions, not media type parameters (RFC 7231 5.3.2)
        }
        range.parameters.append({ name, value });
    }
    return range;
}

QList<MediaRange> MediaTypeNegotiator::parseAccept(const QString& accept)
{
    QList<MediaRange> ranges;
    for (const QString& part : HeaderTokens::splitOutsideQuotes(accept, u",", HeaderTokens::Escapes::Keep)) {
        if (part.trimmed().isEmpty())
            continue;
        if (auto range = MediaRange::parse(part))
            ranges.append(*range);
    }
    return ranges;
}

namespace {

// Clients repeat the same Accept header and definitions declare few media types, so parsed forms are
// memoised per thread (bounded) instead of being parsed again for every request.
QList<MediaRange> cachedAccept(const QString& accept)
{
    thread_local QHash<QString, QList<MediaRange>> cache;
    const auto it = cache.constFind(accept);
    if (it != cache.constEnd())
        return it.value();
    if (cache.size() >= 256)
        cache.clear();
    const QList<MediaRange> parsed = MediaTypeNegotiator::parseAccept(accept);
    cache.insert(accept, parsed);
    return parsed;
}

} // namespace

MediaTypeChoice MediaTypeNegotiator::choose(const QString& accept, const QStringList& available)
{
    MediaTypeChoice choice;
    if (available.isEmpty())
        return choice;

    QList<std::optional<MediaRange>> declared;
    declared.reserve(available.size());
    for (const QString& text : available)
        declared.append(MediaRange::parseCached(text));

    const QList<MediaRange> ranges = cachedAccept(accept);
    if (ranges.isEmpty()) {
        int pick = -1;
        for (int i = 0; i < available.size() && pick < 0; ++i) {
            if (declared.at(i) && isJson(available.at(i)))
                pick = i;
        }
        for (int i = 0; i < available.size() && pick < 0; ++i) {
            if (declared.at(i))
                pick = i;
        }
        if (pick < 0)
            pick = 0;
        choice.acceptable = true;
        choice.declared = available.at(pick);
        choice.contentType = declared.at(pick) ? concreteType(*declared.at(pick), available.at(pick).trimmed(), nullptr)
                                               : available.at(pick).trimmed();
        choice.quality = 1.0;
        return choice;
    }

    Candidate best;
    for (int i = 0; i < available.size(); ++i) {
        if (!declared.at(i))
            continue;
        const MediaRange& d = *declared.at(i);
        Candidate c;
        c.index = i;
        c.declaredSpecificity = d.specificity();
        if (!d.isWildcard()) {
            // RFC 7231: the most specific matching range decides the quality, so "text/html;q=0" beats "*/*"
            for (const MediaRange& r : ranges) {
                const int rank = rangeRank(r, d);
                if (rank > c.rank || (rank == c.rank && rank >= 0 && r.quality > c.quality)) {
                    c.rank = rank;
                    c.quality = r.quality;
                    c.range = &r;
                }
            }
        } else {
            // A wildcard declaration can serve any type inside it: take the best range the client allows.
            for (const MediaRange& r : ranges) {
                const int rank = rangeRank(r, d);
                if (rank < 0 || r.quality <= 0.0)
                    continue;
                if (!c.range || r.quality > c.quality || (r.quality == c.quality && rank > c.rank)) {
                    c.rank = rank;
                    c.quality = r.quality;
                    c.range = &r;
                }
            }
        }
        if (c.rank < 0 || c.quality <= 0.0)
            continue;
        c.jsonBonus = c.rank < 16 && isJson(available.at(i));
        if (c.beats(best))
            best = c;
    }
    if (best.index < 0)
        return choice;

    choice.acceptable = true;
    choice.declared = available.at(best.index);
    choice.contentType = concreteType(*declared.at(best.index), available.at(best.index).trimmed(), best.range);
    choice.quality = best.quality;
    return choice;
}

bool MediaTypeNegotiator::isJson(const QString& mediaType)
{
    const auto parsed = MediaRange::parseCached(mediaType);
    if (!parsed)
        return false;
    if (parsed->subtype.endsWith(QLatin1String("+json")))
        return true;
    return parsed->subtype == QLatin1String("json")
        && (parsed->type == QLatin1String("application") || parsed->type == QLatin1String("text"));
}

bool MediaTypeNegotiator::isXml(const QString& mediaType)
{
    const auto parsed = MediaRange::parseCached(mediaType);
    if (!parsed)
        return false;
    if (parsed->subtype.endsWith(QLatin1String("+xml")))
        return true;
    return parsed->subtype == QLatin1String("xml")
        && (parsed->type == QLatin1String("application") || parsed->type == QLatin1String("text"));
}

bool MediaTypeNegotiator::isText(const QString& mediaType)
{
    const auto parsed = MediaRange::parseCached(mediaType);
    if (!parsed || parsed->isWildcard())
        return false;
    if (parsed->type == QLatin1String("text") || isJson(mediaType))
        return true;
    const QString& sub = parsed->subtype;
    if (sub.endsWith(QLatin1String("+xml")) || sub.endsWith(QLatin1String("+yaml")))
        return true;
    static const QStringList textual = {
        QStringLiteral("xml"),
        QStringLiteral("yaml"),
        QStringLiteral("x-yaml"),
        QStringLiteral("javascript"),
        QStringLiteral("ecmascript"),
        QStringLiteral("x-www-form-urlencoded"),
        QStringLiteral("graphql"),
        QStringLiteral("x-ndjson"),
    };
    return parsed->type == QLatin1String("application") && textual.contains(sub);
}

bool MediaTypeNegotiator::matches(const QString& requestContentType, const QString& declared)
{
    const auto request = MediaRange::parseCached(requestContentType);
    const auto decl = MediaRange::parseCached(declared);
    if (!request || !decl || request->isWildcard())
        return false;
    const QLatin1String star("*");
    if (decl->type != star && decl->type != request->type)
        return false;
    if (decl->subtype != star && decl->subtype != request->subtype)
        return false;
    for (const auto& p : decl->parameters) {
        const QString value = request->parameter(p.first);
        if (value.isNull() || !parameterValuesEqual(p.first, value, p.second))
            return false;
    }
    return true;
}
