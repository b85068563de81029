// SPDX-License-Identifier: MIT
#include "core/json/jsonwriter.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace {

char hexDigit(unsigned value)
{
    return static_cast<char>(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendEscapedUnit(QByteArray* out, char16_t unit)
{
    out->append("\\u");
    out->append(hexDigit((unit >> 12) & 0xf));
    out->append(hexDigit((unit >> 8) & 0xf));
    out->append(hexDigit((unit >> 4) & 0xf));
    out->append(hexDigit(unit & 0xf));
}

void appendUtf8(QByteArray* out, char32_t c)
{
    if (c < 0x800) {
        out->append(static_cast<char>(0xc0 | (c >> 6)));
    } else if (c < 0x10000) {
        out->append(static_cast<char>(0xe0 | (c >> 12)));
        out->append(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    } else {
        out->append(static_cast<char>(0xf0 | (c >> 18)));
        out->append(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
        out->append(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    }
    out->append(static_cast<char>(0x80 | (c & 0x3f)));
}

} // namespace

void JsonWriter::appendString(QByteArray* out, QStringView text)
{
    out->append('"');
    const char16_t* p = text.utf16();
    const char16_t* const end = p + text.size();
    while (p != end) {
        // A run of printable ASCII (most of any text) is copied at once, not character by character.
        const char16_t* const run = p;
        while (p != end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
            ++p;
        if (p != run) {
            const qsizetype old = out->size();
            out->resize(old + (p - run));
            char* to = out->data() + old;
            for (const char16_t* c = run; c != p; ++c)
                *to++ = static_cast<char>(*c);
            if (p == end)
                break;
        }
        const char16_t u = *p++;
        if (u < 0x80) { // a quote, a backslash or a control character (the run above took the rest)
            out->append('\\');
            switch (u) {
            case '"':
                out->append('"');
                break;
            case '\\':
                out->append('\\');
                break;
            case '\b':
                out->append('b');
                break;
            case '\f':
                out->append('f');
                break;
            case '\n':
                out->append('n');
                break;
            case '\r':
                out->append('r');
                break;
            case '\t':
                out->append('t');
                break;
            default:
                out->append("u00");
                out->append(hexDigit(u >> 4));
                out->append(hexDigit(u & 0xf));
            }
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            appendUtf8(out, QChar::surrogateToUcs4(u, *p++));
        } else if (QChar::isSurrogate(u)) {
            appendEscapedUnit(out, u);
        } else {
            appendUtf8(out, u);
        }
    }
    out->append('"');
}

void JsonWriter::appendValue(QByteArray* out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out->append("null");
        break;
    case QJsonValue::Bool:
        out->append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        // QJsonValue keeps integers as integers; QJsonDocument writes those without a fraction.
        const QVariant v = value.toVariant();
        if (v.typeId() == QMetaType::LongLong) {
            out->append(QByteArray::number(v.toLongLong()));
        } else {
            const double d = value.toDouble();
            if (std::isfinite(d))
                out->append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
            else
                out->append("null");
        }
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out->append('[');
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue& item : array) {
            if (!first)
                out->append(',');
            first = false;
            appendValue(out, item);
        }
        out->append(']');
        break;
    }
    case QJsonValue::Object: {
        out->append('{');
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out->append(',');
            first = false;
            appendString(out, it.key());
            out->append(':');
            appendValue(out, it.value());
        }
        out->append('}');
        break;
    }
    }
}

QByteArray JsonWriter::compact(const QJsonValue& value)
{
    QByteArray out;
    out.reserve(256);
    appendValue(&out, value);
    return out;
}
