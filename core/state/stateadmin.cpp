// SPDX-License-Identifier: MIT
#include "core/state/stateadmin.h"

#include <QJsonDocument>
#include <QUrl>

#include "core/http/problem.h"

namespace {

HttpResponse json(int status, const QJsonObject& body)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Indented);
    return r;
}

HttpResponse problem(const Problem& p, QStringList* trace)
{
    trace->append(p.detail + QLatin1Char('.'));
    return p.toResponse();
}

} // namespace

namespace StateAdmin {

bool isAdminPath(const QString& path)
{
    return path.startsWith(QLatin1String("/__understudy/")) || path == QLatin1String("/__understudy");
}

HttpResponse handle(const HttpRequest& request, StateStore& store, QStringList* trace)
{
    QString path = request.path;
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString state = QStringLiteral("/__understudy/state");
    const QByteArray& method = request.method;
    if (path == state) {
        if (method != "GET" && method != "HEAD")
            return problem(
                Problem::methodNotAllowed(QString::fromLatin1(method), path, { QStringLiteral("GET") }), trace);
        trace->append(QStringLiteral("Admin: the state of every collection."));
        return json(200,
            QJsonObject { { QStringLiteral("stateful"), store.isEnabled() },
                { QStringLiteral("collections"), store.snapshot() } });
    }
    if (path == state + QStringLiteral("/reset")) {
        if (method != "POST")
            return problem(
                Problem::methodNotAllowed(QString::fromLatin1(method), path, { QStringLiteral("POST") }), trace);
        store.reset();
        trace->append(QStringLiteral("Admin: every collection is back to its seed."));
        return json(200,
            QJsonObject { { QStringLiteral("reset"), true }, { QStringLiteral("collections"), store.snapshot() } });
    }
    if (path.startsWith(state + QLatin1Char('/'))) {
        const QString name = QUrl::fromPercentEncoding(path.mid(state.size() + 1).toUtf8());
        if (method != "PUT" && method != "GET")
            return problem(Problem::methodNotAllowed(
                               QString::fromLatin1(method), path, { QStringLiteral("GET"), QStringLiteral("PUT") }),
                trace);
        const QJsonObject all = store.snapshot();
        if (!all.contains(name))
            return problem(
                Problem::make(404, QStringLiteral("no-such-collection"), QStringLiteral("No such collection"),
                    QStringLiteral("There is no collection '%1'; collections: %2")
                        .arg(name, all.keys().join(QStringLiteral(", ")))),
                trace);
        if (method == "GET") {
            trace->append(QStringLiteral("Admin: the state of '%1'.").arg(name));
            return json(200, all.value(name).toObject());
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError)
            return problem(Problem::make(400, QStringLiteral("malformed-body"), QStringLiteral("Malformed body"),
                               QStringLiteral("The body is not JSON: %1").arg(error.errorString())),
                trace);
        const QString refused = store.replace(name, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        if (!refused.isEmpty())
            return problem(
                Problem::make(422, QStringLiteral("invalid-state"), QStringLiteral("Invalid state"), refused), trace);
        trace->append(QStringLiteral("Admin: replaced the items of '%1'.").arg(name));
        return json(200, store.snapshot().value(name).toObject());
    }
    return problem(Problem::make(404, QStringLiteral("no-admin-endpoint"), QStringLiteral("No such admin endpoint"),
                       QStringLiteral("%1 is not an admin endpoint (try GET /__understudy/state)").arg(path)),
        trace);
}

} // namespace StateAdmin
