// SPDX-License-Identifier: MIT
#include "core/scenarios/scenario.h"

#include <algorithm>
#include <cmath>

namespace {

// The standard normal quantile by bisection on erfc: exact enough for latency (1e-9) and a few microseconds.
double normalQuantile(double u)
{
    u = std::clamp(u, 1e-12, 1.0 - 1e-12);
    double lo = -8.0, hi = 8.0;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        const double cdf = 0.5 * std::erfc(-mid / std::sqrt(2.0));
        (cdf < u ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

} // namespace

qint64 DelaySpec::sample(double u) const
{
    double ms = 0;
    switch (kind) {
    case Kind::None:
        return 0;
    case Kind::Fixed:
        ms = a;
        break;
    case Kind::Uniform:
        ms = a + (b - a) * u;
        break;
    case Kind::LogNormal: {
        // ln X ~ N(mu, sigma): the median is e^mu and the 99th percentile e^(mu + 2.3263 sigma).
        const double median = std::max(a, 0.001);
        const double p99 = std::max(b, median);
        const double sigma = (std::log(p99) - std::log(median)) / 2.3263478740408408;
        ms = std::exp(std::log(median) + sigma * normalQuantile(u));
        break;
    }
    }
    return std::clamp<qint64>(qint64(std::llround(ms)), 0, maxMs);
}

QString DelaySpec::formatMs(double ms)
{
    if (ms >= 1000 && std::fmod(ms, 100) == 0)
        return QString::number(ms / 1000, 'g', 6) + QStringLiteral("s");
    return QString::number(ms, 'g', 6) + QStringLiteral("ms");
}

QString DelaySpec::describe() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Fixed:
        return formatMs(a);
    case Kind::Uniform:
        return QStringLiteral("%1..%2").arg(formatMs(a), formatMs(b));
    case Kind::LogNormal:
        return QStringLiteral("lognormal %1 p99 %2").arg(formatMs(a), formatMs(b));
    }
    return QString();
}

double DelaySpec::parseDurationMs(const QString& input)
{
    const QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return -1;
    qsizetype unitAt = text.size();
    while (unitAt > 0 && text.at(unitAt - 1).isLetter())
        --unitAt;
    const QString number = text.left(unitAt).trimmed();
    const QString unit = text.mid(unitAt);
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return -1;
    double factor = 0;
    if (unit.isEmpty() || unit == QLatin1String("ms"))
        factor = 1;
    else if (unit == QLatin1String("s"))
        factor = 1000;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        factor = 60000;
    else
        return -1;
    const double ms = value * factor;
    return ms > double(maxMs) ? -1 : ms;
}

QString FaultSpec::kindName() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Reset:
        return QStringLiteral("reset");
    case Kind::Close:
        return QStringLiteral("close");
    case Kind::Empty:
        return QStringLiteral("empty");
    case Kind::Garbage:
        return QStringLiteral("garbage");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Status:
        return QStringLiteral("status %1").arg(status);
    }
    return QString();
}

bool FaultSpec::parseKind(const QString& input, FaultSpec* out)
{
    const QString text = input.trimmed().toLower();
    static const QList<QPair<QString, Kind>> names = { { QStringLiteral("reset"), Kind::Reset },
        { QStringLiteral("close"), Kind::Close }, { QStringLiteral("empty"), Kind::Empty },
        { QStringLiteral("garbage"), Kind::Garbage }, { QStringLiteral("timeout"), Kind::Timeout } };
    for (const auto& n : names) {
        if (text == n.first) {
            out->kind = n.second;
            out->status = 0;
            return true;
        }
    }
    QString code = text;
    if (code.startsWith(QLatin1String("status")))
        code = code.mid(6).trimmed();
    bool ok = false;
    const int status = code.toInt(&ok);
    if (!ok || status < 100 || status > 599)
        return false;
    out->kind = Kind::Status;
    out->status = status;
    return true;
}

QString Condition::sourceName(Source s)
{
    switch (s) {
    case Source::Path:
        return QStringLiteral("path");
    case Source::Query:
        return QStringLiteral("query");
    case Source::Header:
        return QStringLiteral("header");
    case Source::Body:
        return QStringLiteral("body");
    }
    return QString();
}

QString Condition::describe() const
{
    if (isRegex)
        return QStringLiteral("%1 %2 ~ /%3/").arg(sourceName(source), name, regex.pattern());
    return QStringLiteral("%1 %2 = %3").arg(sourceName(source), name, text);
}

QString Answer::describe() const
{
    QStringList parts;
    if (status)
        parts << QStringLiteral("status %1").arg(status);
    if (!example.isEmpty())
        parts << QStringLiteral("example %1").arg(example);
    for (const auto& h : headers)
        parts << QStringLiteral("header %1").arg(QString::fromUtf8(h.first));
    if (!delay.isNone())
        parts << QStringLiteral("delay %1").arg(delay.describe());
    if (!fault.isNone())
        parts << (fault.rate >= 1.0 ? QStringLiteral("fault %1").arg(fault.kindName())
                                    : QStringLiteral("fault %1 at %2%").arg(fault.kindName()).arg(fault.rate * 100));
    return parts.join(QStringLiteral(", "));
}

const OperationScenario* ScenarioSet::forOperation(const QString& operationId) const
{
    const auto it = operations.constFind(operationId);
    return it == operations.cend() ? nullptr : &it.value();
}
