// SPDX-License-Identifier: MIT
#include "core/proxy/driftreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

void DriftReport::add(const QString& operationKey, const QString& operationId, const QString& answeredBy,
    const QList<ProblemError>& drift)
{
    ++m_exchanges;
    m_drifted += drift.isEmpty() ? 0 : 1;
    auto it = m_entries.find(operationKey);
    if (it == m_entries.end()) {
        if (m_entries.size() >= kMaxOperations) {
            ++m_dropped;
            return;
        }
        it = m_entries.insert(operationKey, Entry { operationId, 0, 0, {}, {} });
    }
    Entry& entry = it.value();
    ++entry.exchanges;
    entry.drifted += drift.isEmpty() ? 0 : 1;
    ++entry.answeredBy[answeredBy];
    for (const ProblemError& error : drift) {
        auto same = std::find_if(entry.violations.begin(), entry.violations.end(),
            [&error](const Violation& v) { return v.location == error.location && v.code == error.code; });
        if (same != entry.violations.end())
            ++same->count;
        else if (entry.violations.size() < kMaxViolations)
            entry.violations.append(Violation { error.location, error.code, error.message, 1 });
    }
}

QJsonObject DriftReport::toJson() const
{
    QJsonArray operations;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry& e = it.value();
        QJsonObject by;
        for (auto b = e.answeredBy.cbegin(); b != e.answeredBy.cend(); ++b)
            by.insert(b.key(), b.value());
        QJsonArray violations;
        for (const Violation& v : e.violations)
            violations.append(
                QJsonObject { { QStringLiteral("location"), v.location }, { QStringLiteral("code"), v.code },
                    { QStringLiteral("message"), v.message }, { QStringLiteral("count"), v.count } });
        QJsonObject op { { QStringLiteral("operation"), it.key() }, { QStringLiteral("exchanges"), e.exchanges },
            { QStringLiteral("drifted"), e.drifted }, { QStringLiteral("answeredBy"), by },
            { QStringLiteral("violations"), violations } };
        if (!e.operationId.isEmpty())
            op.insert(QStringLiteral("operationId"), e.operationId);
        operations.append(op);
    }
    QJsonObject report { { QStringLiteral("exchanges"), m_exchanges }, { QStringLiteral("drifted"), m_drifted },
        { QStringLiteral("operations"), operations } };
    if (m_dropped > 0)
        report.insert(QStringLiteral("notListed"), m_dropped);
    return report;
}

QStringList DriftReport::summary() const
{
    QStringList lines;
    lines.append(QStringLiteral("Proxy report: %1 exchange(s), %2 with drift").arg(m_exchanges).arg(m_drifted));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry& e = it.value();
        QStringList by;
        for (auto b = e.answeredBy.cbegin(); b != e.answeredBy.cend(); ++b)
            by.append(QStringLiteral("%1 %2").arg(b.key()).arg(b.value()));
        lines.append(QStringLiteral("  %1: %2 exchange(s), %3 with drift (%4)")
                         .arg(it.key())
                         .arg(e.exchanges)
                         .arg(e.drifted)
                         .arg(by.join(QStringLiteral(", "))));
        for (const Violation& v : e.violations)
            lines.append(QStringLiteral("      %1x %2: %3").arg(v.count).arg(v.location, v.message));
    }
    if (m_dropped > 0)
        lines.append(QStringLiteral("  (%1 exchange(s) of further operations not listed)").arg(m_dropped));
    return lines;
}

QString DriftReport::writeTo(const QString& file) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    out.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return out.errorString();
    return {};
}
