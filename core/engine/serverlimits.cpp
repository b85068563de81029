// SPDX-License-Identifier: MIT
#include "core/engine/serverlimits.h"

#include <QRegularExpression>

ServerLimits ServerLimits::clamped() const
{
    ServerLimits l = *this;
    l.maxBodyBytes = std::clamp<qint64>(l.maxBodyBytes, 0, qint64(1) << 40);
    l.maxHeaderFields = std::clamp(l.maxHeaderFields, 1, 100);
    l.maxHeaderBytes = std::clamp(l.maxHeaderBytes, 1024, 96 * 1024);
    l.maxConnections = std::clamp(l.maxConnections, 1, 1000000);
    l.maxPendingOutputBytes = std::clamp<qint64>(l.maxPendingOutputBytes, 64 * 1024, qint64(1) << 32);
    l.headerTimeoutMs = std::clamp(l.headerTimeoutMs, 10, 24 * 3600 * 1000);
    l.bodyTimeoutMs = std::clamp(l.bodyTimeoutMs, 10, 24 * 3600 * 1000);
    l.idleTimeoutMs = std::clamp(l.idleTimeoutMs, 10, 24 * 3600 * 1000);
    return l;
}

FramingLimits ServerLimits::framing() const
{
    const ServerLimits l = clamped();
    return FramingLimits { l.maxHeaderFields, l.maxHeaderBytes, l.maxBodyBytes };
}

int ServerLimits::parseDurationMs(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,9})\\s*(ms|s|m)?\\s*$"));
    const QRegularExpressionMatch m = re.match(text.toLower());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 ms = unit == QLatin1String("ms") ? n : unit == QLatin1String("m") ? n * 60000 : n * 1000;
    return ms > 24 * 3600 * 1000 || ms <= 0 ? -1 : int(ms);
}

bool ServerLimits::parseTimeouts(const QString& text, ServerLimits* limits, QString* error)
{
    ServerLimits result = *limits;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed().toLower();
        const int ms = eq < 0 ? -1 : parseDurationMs(part.mid(eq + 1));
        if (ms < 0) {
            if (error)
                *error = QStringLiteral("'%1' is not NAME=DURATION (for example header=10s)").arg(part.trimmed());
            return false;
        }
        if (key == QLatin1String("header"))
            result.headerTimeoutMs = ms;
        else if (key == QLatin1String("body"))
            result.bodyTimeoutMs = ms;
        else if (key == QLatin1String("idle"))
            result.idleTimeoutMs = ms;
        else {
            if (error)
                *error = QStringLiteral("unknown timeout '%1' (header, body or idle)").arg(key);
            return false;
        }
    }
    *limits = result;
    return true;
}

bool ServerLimits::parseGenerationLimit(const QString& text, SampleBudget* budget, QString* error)
{
    SampleBudget result = *budget;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed().toLower();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        const bool off = value.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
        if (eq >= 0 && key == QLatin1String("time")) {
            const int ms = off ? 0 : parseDurationMs(value);
            if (ms < 0) {
                if (error)
                    *error = QStringLiteral("'%1' is not a duration (for example 100ms, 2s or off)").arg(value);
                return false;
            }
            result.maxMilliseconds = ms;
        } else if (eq >= 0 && key == QLatin1String("size")) {
            qint64 bytes = 0;
            if (!off && !parseSize(value, &bytes, error))
                return false;
            result.maxBytes = bytes;
        } else {
            if (error)
                *error = QStringLiteral("'%1' is not time=DURATION or size=SIZE (for example time=100ms,size=8MiB)")
                             .arg(part.trimmed());
            return false;
        }
    }
    *budget = result;
    return true;
}

bool ServerLimits::parseSize(const QString& text, qint64* bytes, QString* error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,15})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*$"));
    const QRegularExpressionMatch m = re.match(text.toLower());
    if (!m.hasMatch()) {
        if (error)
            *error = QStringLiteral("'%1' is not a size (for example 16MiB or 1048576)").arg(text);
        return false;
    }
    qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).isEmpty() ? QLatin1Char('b') : m.captured(2).at(0);
    const int shift = unit == QLatin1Char('k') ? 10 : unit == QLatin1Char('m') ? 20 : unit == QLatin1Char('g') ? 30 : 0;
    if (n > (qint64(1) << (40 - shift))) {
        if (error)
            *error = QStringLiteral("'%1' is larger than 1 TiB").arg(text);
        return false;
    }
    *bytes = n << shift;
    return true;
}

bool ServerLimits::operator==(const ServerLimits& o) const
{
    return maxBodyBytes == o.maxBodyBytes && maxHeaderFields == o.maxHeaderFields && maxHeaderBytes == o.maxHeaderBytes
        && maxConnections == o.maxConnections && maxPendingOutputBytes == o.maxPendingOutputBytes
        && headerTimeoutMs == o.headerTimeoutMs && bodyTimeoutMs == o.bodyTimeoutMs && idleTimeoutMs == o.idleTimeoutMs
        && allowedHosts == o.allowedHosts && callbackHosts == o.callbackHosts
        && callbackTimeoutMs == o.callbackTimeoutMs;
}
