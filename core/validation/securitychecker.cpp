// SPDX-License-Identifier: MIT
#include "core/validation/securitychecker.h"

#include <QSet>

namespace {

QString authLocation()
{
    return QStringLiteral("header/Authorization");
}

// "Bearer abc" -> {"bearer", "abc"}
QPair<QString, QByteArray> splitAuthorization(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    const int space = trimmed.indexOf(' ');
    if (space < 0)
        return { QString::fromLatin1(trimmed).toLower(), QByteArray() };
    return { QString::fromLatin1(trimmed.left(space)).toLower(), trimmed.mid(space + 1).trimmed() };
}

// `username="a", realm="", nc=00000001` -> the parameter names (lower case). A parameter is present even when its
// value is empty: the mock checks the credentials' format, never their values.
QSet<QString> digestFields(const QByteArray& credentials)
{
    QSet<QString> fields;
    int i = 0;
    const int n = credentials.size();
    while (i < n) {
        while (i < n && (credentials.at(i) == ' ' || credentials.at(i) == ','))
            ++i;
        const int eq = credentials.indexOf('=', i);
        if (eq < 0)
            break;
        const QString name = QString::fromLatin1(credentials.mid(i, eq - i)).trimmed().toLower();
        i = eq + 1;
        QByteArray value;
        if (i < n && credentials.at(i) == '"') {
            ++i;
            while (i < n && credentials.at(i) != '"') {
                if (credentials.at(i) == '\\')
                    ++i;
                if (i < n)
                    value += credentials.at(i++);
            }
            ++i;
        } else {
            const int comma = credentials.indexOf(',', i);
            value = credentials.mid(i, comma < 0 ? -1 : comma - i).trimmed();
            i = comma < 0 ? n : comma;
        }
        if (!name.isEmpty())
            fields.insert(name);
    }
    return fields;
}

QString httpFailure(const QString& scheme, const HttpRequest& request)
{
    const QByteArray header = request.header("Authorization");
    if (header.isNull())
        return QStringLiteral("no Authorization header");
    const auto [sent, credentials] = splitAuthorization(header);
    const QString expected = scheme.isEmpty() ? QStringLiteral("bearer") : scheme;
    const QString display = expected.left(1).toUpper() + expected.mid(1);
    if (sent != expected)
        return QStringLiteral("Authorization is not %1 credentials").arg(display);
    if (expected == QLatin1String("basic")) {
        const auto decoded = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
        if (credentials.isEmpty() || !decoded)
            return QStringLiteral("Basic credentials are not valid base64");
        if (!decoded.decoded.contains(':'))
            return QStringLiteral("Basic credentials do not decode to user:password");
        return {};
    }
    if (expected == QLatin1String("digest")) {
        const QSet<QString> fields = digestFields(credentials);
        QStringList missing;
        for (const char* field : { "username", "realm", "nonce", "uri", "response" })
            if (!fields.contains(QLatin1String(field))
                // RFC 7616 3.4: `username*` (RFC 8187 encoded) stands in for `username`.
                && !(qstrcmp(field, "username") == 0 && fields.contains(QStringLiteral("username*"))))
                missing.append(QLatin1String(field));
        if (!missing.isEmpty())
            return QStringLiteral("Digest credentials lack %1").arg(missing.join(QStringLiteral(", ")));
        return {};
    }
    if (credentials.isEmpty())
        return QStringLiteral("the %1 token is empty").arg(display);
    return {};
}

} // namespace

QString SecurityChecker::failure(const QJsonObject& scheme, const HttpRequest& request, const NameValueList& cookies,
    const NameValueList& queryItems, QString* location)
{
    const QString type = scheme.value(QLatin1String("type")).toString();
    if (type == QLatin1String("apiKey")) {
        const QString name = scheme.value(QLatin1String("name")).toString();
        const QString in = scheme.value(QLatin1String("in")).toString();
        *location = in + QLatin1Char('/') + name;
        if (in == QLatin1String("header")) {
            if (!request.hasHeader(name.toLatin1()))
                return QStringLiteral("no %1 header").arg(name);
        } else if (in == QLatin1String("query")) {
            bool found = false;
            for (const auto& q : queryItems)
                found = found || q.first == name;
            if (!found)
                return QStringLiteral("no %1 query parameter").arg(name);
        } else if (in == QLatin1String("cookie")) {
            bool found = false;
            for (const auto& c : cookies)
                found = found || c.first == name;
            if (!found)
                return QStringLiteral("no %1 cookie").arg(name);
        }
        return {};
    }
    *location = authLocation();
    if (type == QLatin1String("http"))
        return httpFailure(scheme.value(QLatin1String("scheme")).toString().toLower(), request);
    if (type == QLatin1String("oauth2") || type == QLatin1String("openIdConnect"))
        return httpFailure(QStringLiteral("bearer"), request);
    return {}; // mutualTLS and unknown types cannot be checked here
}

QByteArray SecurityChecker::challenge(const QJsonObject& scheme)
{
    const QString type = scheme.value(QLatin1String("type")).toString();
    if (type == QLatin1String("oauth2") || type == QLatin1String("openIdConnect"))
        return "Bearer";
    if (type != QLatin1String("http"))
        return {};
    const QString name = scheme.value(QLatin1String("scheme")).toString().toLower();
    if (name == QLatin1String("basic"))
        return "Basic realm=\"understudy\"";
    if (name == QLatin1String("digest"))
        return "Digest realm=\"understudy\", qop=\"auth\", nonce=\"dW5kZXJzdHVkeQ\"";
    if (name.isEmpty() || name == QLatin1String("bearer"))
        return "Bearer";
    // Other registered schemes (Negotiate, HOBA, Mutual, SCRAM-SHA-256, ...) as the definition spells them.
    return scheme.value(QLatin1String("scheme")).toString().toLatin1();
}

SecurityOutcome SecurityChecker::check(const QList<SecurityRequirement>& requirements, const QJsonObject& schemes,
    const HttpRequest& request, const NameValueList& cookies, const NameValueList& queryItems)
{
    SecurityOutcome outcome;
    if (requirements.isEmpty())
        return outcome;
    QStringList tried;
    QSet<QString> reported;
    for (const SecurityRequirement& requirement : requirements) {
        if (requirement.schemes.isEmpty()) {
            outcome.errors.clear();
            outcome.challenges.clear();
            outcome.trace = QStringLiteral("Security: anonymous access is allowed ({} requirement).");
            return outcome;
        }
        QStringList names;
        QStringList failures;
        QList<ProblemError> errors;
        QList<QByteArray> challenges;
        for (const SecurityRequirement::Item& item : requirement.schemes) {
            names.append(item.scheme);
            const QJsonValue schemeValue = schemes.value(item.scheme);
            if (!schemeValue.isObject())
                continue; // an undefined scheme cannot be checked; the loader reports it
            const QJsonObject scheme = schemeValue.toObject();
            QString location;
            const QString why = failure(scheme, request, cookies, queryItems, &location);
            if (why.isEmpty())
                continue;
            failures.append(QStringLiteral("%1: %2").arg(item.scheme, why));
            if (!reported.contains(item.scheme)) {
                reported.insert(item.scheme);
                errors.append(ProblemError {
                    location, QStringLiteral("security"), QStringLiteral("%1: %2").arg(item.scheme, why) });
            }
            const QByteArray c = challenge(scheme);
            if (!c.isEmpty())
                challenges.append(c);
        }
        if (failures.isEmpty()) {
            outcome.errors.clear(); // earlier alternatives failed, but this one is enough
            outcome.challenges.clear();
            outcome.trace = QStringLiteral("Security: satisfied by %1.").arg(names.join(QStringLiteral(" + ")));
            return outcome;
        }
        tried.append(names.join(QStringLiteral(" + ")) + QStringLiteral(" (") + failures.join(QStringLiteral("; "))
            + QLatin1Char(')'));
        outcome.errors.append(errors);
        for (const QByteArray& c : std::as_const(challenges))
            if (!outcome.challenges.contains(c))
                outcome.challenges.append(c);
    }
    outcome.ok = false;
    outcome.trace = QStringLiteral("Security: tried %1; none is satisfied.").arg(tried.join(QStringLiteral(" or ")));
    return outcome;
}
