// SPDX-License-Identifier: MIT
// Realistic candidate values (names, emails, addresses, prices, dates, ...) for one schema value, by what it means.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

// What a value means, read from its property name, format, x-faker, title/description and parent object's name.
enum class ValueKind
{
    None, // nothing says what it means: the sampler keeps its plain value
    FirstName,
    LastName,
    FullName,
    Username,
    Email,
    Phone,
    Street,
    StreetLine2,
    City,
    Region,
    PostalCode,
    Country,
    CountryCode,
    Company,
    JobTitle,
    Product,
    Price,
    Currency,
    Url,
    ImageUrl,
    Domain,
    Ipv4,
    Ipv6,
    Uuid,
    StringId,
    Isbn,
    Iban,
    Color,
    Sentence,
    Title,
    Word,
    Slug,
    Locale,
    TimeZone,
    Hash,
    Created, // a moment: before Updated, both before the reference date
    Updated,
    Past,
    Future,
    Birth,
    Time,
    Id,
    Age,
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Count,
    Quantity,
    Rating,
    Percent,
    Latitude,
    Longitude,
    Dimension,
    Boolean, // mostly true
    RareBoolean, // mostly false: deleted, disabled, archived, ...
    Generic // no particular meaning, but something better than "string" or 0 (a word, a small number)
};

// Everything the sampler knows about one value when it asks for realistic candidates.
struct ValueHint
{
    QString name; // property name; for array items the array's; empty at the top level
    QString parent; // the enclosing object's name: its schema's ("User") or its property's ("owner")
    QString format;
    QString faker; // Prism's x-faker, e.g. "name.firstName"
    QString title;
    QString description;
    QString type; // "string", "integer", "number" or "boolean"
    int minLength = 0;
    int maxLength = -1; // sentences and codes are shaped to fit
    int ordinal = 0; // index in the nearest enclosing array, so ids of one array differ
    quint64 key = 0; // random key of this value (seed, location, variant)
    quint64 objectKey = 0; // random key of the enclosing object: its name, email and address belong together
    quint64 stableKey = 0; // the key without array indices: ids of one array count up from one base
};

// One candidate value: text, a number or a boolean (kept apart from QJsonValue, which allocates for every string).
struct Candidate
{
    enum class Type
    {
        Text,
        Number,
        Boolean
    };
    Type type = Type::Text;
    QString text;
    double number = 0;
    bool boolean = false;

    Candidate(const QString& t)
        : text(t)
    { }
    Candidate(double n)
        : type(Type::Number)
        , number(n)
    { }
    Candidate(bool b)
        : type(Type::Boolean)
        , boolean(b)
    { }
    QJsonValue toJson() const;
};

// Pure functions over word lists embedded as Qt resources (:/wordlists/*.txt, read once, thread-safe).
namespace RealisticValues {

// What the hint's value means (ValueKind::None when the value should stay plain: binary, password, ...).
ValueKind classify(const ValueHint& hint);

// Candidates for a value of `kind`, best first (e.g. a country name, then its ISO alpha-2 and alpha-3 codes). The
// caller keeps the first one its schema accepts, so none of them has to be valid.
QList<Candidate> candidates(ValueKind kind, const ValueHint& hint);

// Stable hashing and mixing: the same on every run and machine (unlike qHash, which is seeded per process).
quint64 hash(QStringView text, quint64 seed = 0);
quint64 mix(quint64 a, quint64 b);

// "2026-03-01" for a day counted from 1970-01-01, and "07" for 7: the calendar written out without QDate's
// formatting, which costs far more than the rest of a generated value.
QString isoDate(qint64 daysSinceEpoch);
QString twoDigits(int n);

// Lines of one word list (":/wordlists/<name>.txt"), without comments; empty when the list is missing.
const QStringList& wordList(const QString& name);

} // namespace RealisticValues
