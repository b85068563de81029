// SPDX-License-Identifier: MIT
// Tests that generated values look like the real thing by meaning, stay valid, and are reproducible per seed.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include "core/schema/formatcheckers.h"
#include "core/schema/realisticvalues.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"

namespace {

constexpr SchemaDialect kV30 = SchemaDialect::OpenApi30;

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("row JSON does not parse: %s", qPrintable(error.errorString()));
    return d.object();
}

// Samples {"components": {"schemas": {"<name>": schema}}} at its place, as the mock samples a definition.
QJsonValue sampleAt(const QJsonObject& schema, quint64 seed = 0, const QString& name = QStringLiteral("Thing"))
{
    const QJsonObject doc { { QStringLiteral("components"),
        QJsonObject { { QStringLiteral("schemas"), QJsonObject { { name, schema } } } } } };
    SampleOptions options;
    options.seed = seed;
    const SampleResult r =
        SchemaSampler::generate(doc, schema, kV30, options, nullptr, QStringLiteral("/components/schemas/") + name);
    if (!r.ok())
        qWarning("sampling failed: %s", qPrintable(r.error));
    return r.value;
}

QString validationErrors(const QJsonObject& schema, const QJsonValue& value)
{
    const QJsonObject doc { { QStringLiteral("schema"), schema } };
    QList<SchemaError> errors;
    SchemaValidator::compile(doc, QStringLiteral("/schema"), kV30)
        ->validate(value, ValidationDirection::Response, &errors);
    QStringList out;
    for (const SchemaError& e : std::as_const(errors))
        out.append(e.toString());
    return out.join(QStringLiteral("; "));
}

bool inList(const char* list, const QString& value)
{
    return RealisticValues::wordList(QLatin1String(list)).contains(value);
}

bool listFieldContains(const char* list, int field, const QString& value)
{
    for (const QString& line : RealisticValues::wordList(QLatin1String(list)))
        if (line.section(QLatin1Char(','), field, field) == value)
            return true;
    return false;
}

bool isbn13Valid(const QString& s)
{
    QString digits = s;
    digits.remove(QLatin1Char('-'));
    if (digits.size() != 13)
        return false;
    int sum = 0;
    for (int i = 0; i < 13; ++i)
        sum += (digits.at(i).unicode() - '0') * (i % 2 == 0 ? 1 : 3);
    return sum % 10 == 0;
}

bool ibanValid(const QString& s)
{
    QString t = s;
    t.remove(QLatin1Char(' '));
    if (t.size() < 15)
        return false;
    const QString rearranged = t.mid(4) + t.left(4);
    int mod = 0;
    for (const QChar c : rearranged) {
        const QString part = c.isLetter() ? QString::number(c.toUpper().unicode() - 'A' + 10) : QString(c);
        for (const QChar d : part)
            mod = (mod * 10 + (d.unicode() - '0')) % 97;
    }
    return mod == 1;
}

// A moment within two years of the reference date (2025-06-01) in the past or future.
bool nearReference(const QJsonValue& v)
{
    QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODate);
    if (!at.isValid())
        at = QDateTime(QDate::fromString(v.toString(), Qt::ISODate), QTime(0, 0), QTimeZone::utc());
    if (v.isDouble())
        at = QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), QTimeZone::utc());
    const QDateTime reference(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());
    return at.isValid() && qAbs(at.secsTo(reference)) < 2 * 366 * 86400;
}

// True when `v` is the kind of value `check` names.
bool looksLike(const QString& check, const QJsonValue& v)
{
    const QString s = v.toString();
    const auto matches = [&s](const char* re) { return QRegularExpression(QLatin1String(re)).match(s).hasMatch(); };
    if (check == QLatin1String("first name"))
        return inList("first-names", s);
    if (check == QLatin1String("last name"))
        return inList("last-names", s);
    if (check == QLatin1String("person name"))
        return inList("first-names", s.section(QLatin1Char(' '), 0, 0))
            && inList("last-names", s.section(QLatin1Char(' '), 1));
    if (check == QLatin1String("username"))
        return matches("^[a-z]+_[a-z]+$");
    if (check == QLatin1String("email"))
        return SchemaFormats::check(SchemaFormats::kindOf(QStringLiteral("email")), v) && matches("^[a-z]+\\.[a-z]+@");
    if (check == QLatin1String("phone"))
        return matches("^\\+1-\\d{3}-555-01\\d\\d$");
    if (check == QLatin1String("street"))
        return matches("^\\d+ [A-Z][a-z]+ [A-Z][a-z]+$");
    if (check == QLatin1String("city"))
        return listFieldContains("cities", 0, s);
    if (check == QLatin1String("postal code"))
        return listFieldContains("cities", 2, s);
    if (check == QLatin1String("country name"))
        return listFieldContains("countries", 0, s);
    if (check == QLatin1String("ISO alpha-2"))
        return listFieldContains("countries", 1, s);
    if (check == QLatin1String("ISO alpha-3"))
        return listFieldContains("countries", 2, s);
    if (check == QLatin1String("company"))
        return inList("company-words", s.section(QLatin1Char(' '), 0, 0));
    if (check == QLatin1String("product"))
        return inList("product-adjectives", s.section(QLatin1Char(' '), 0, 0));
    if (check == QLatin1String("price"))
        return v.isDouble() && v.toDouble() >= 5 && v.toDouble() < 300
            && qAbs(v.toDouble() * 100 - std::round(v.toDouble() * 100)) < 1e-6;
    if (check == QLatin1String("currency"))
        return listFieldContains("countries", 3, s) || inList("currencies", s);
    if (check == QLatin1String("url"))
        return matches("^https://www\\.example\\.com/.+");
    if (check == QLatin1String("image url"))
        return matches("^https://images\\.example\\.com/.+\\.jpg$");
    if (check == QLatin1String("ipv4"))
        return matches("^(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d+$");
    if (check == QLatin1String("uuid"))
        return matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    if (check == QLatin1String("isbn"))
        return isbn13Valid(s);
    if (check == QLatin1String("iban"))
        return ibanValid(s);
    if (check == QLatin1String("hex colour"))
        return matches("^#[0-9a-f]{6}$");
    if (check == QLatin1String("sentence"))
        return matches("^[A-Z][a-z]+( [a-z]+){2,}\\.$");
    if (check == QLatin1String("date near reference"))
        return nearReference(v);
    if (check == QLatin1String("age"))
        return v.isDouble() && v.toDouble() >= 18 && v.toDouble() <= 80;
    if (check == QLatin1String("word"))
        return inList("words", s) || inList("statuses", s);
    qWarning("unknown check %s", qPrintable(check));
    return false;
}

} // namespace

class TestRealisticValues : public QObject
{
    Q_OBJECT

private slots:
    void isoDateMatchesQDate_data();
    void isoDateMatchesQDate();
    void byMeaning_data();
    void byMeaning();
    void fakerMethods_data();
    void fakerMethods();
    void patternForbidsRealisticValue_data();
    void patternForbidsRealisticValue();
    void createdBeforeUpdated();
    void onePersonPerObject();
    void sameSeedSameValues();
    void otherSeedOtherValues();
    void arrayItemsDiffer();
    void plainWhenTurnedOff();
    void nameOptionGivesMeaning();
};

void TestRealisticValues::byMeaning_data()
{
    QTest::addColumn<QByteArray>("property"); // the property's schema
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("schemaName"); // the enclosing object's component name
    QTest::addColumn<QString>("check");
    const QByteArray text = R"({"type": "string"})";
    QTest::addRow("name of a user -> a person name") << text << "name"
                                                     << "User"
                                                     << "person name";
    QTest::addRow("firstName -> a first name") << text << "firstName"
                                               << "Thing"
                                               << "first name";
    QTest::addRow("last_name -> a last name") << text << "last_name"
                                              << "Thing"
                                              << "last name";
    QTest::addRow("username -> a login") << text << "username"
                                         << "Thing"
                                         << "username";
    QTest::addRow("email format -> an email") << QByteArray(R"({"type": "string", "format": "email"})") << "contact"
                                              << "Thing"
                                              << "email";
    QTest::addRow("email by name -> an email") << text << "email"
                                               << "Thing"
                                               << "email";
    QTest::addRow("phone -> a fictional phone number") << text << "phoneNumber"
                                                       << "Thing"
                                                       << "phone";
    QTest::addRow("street -> a street address") << text << "street"
                                                << "Address"
                                                << "street";
    QTest::addRow("city -> a city") << text << "city"
                                    << "Address"
                                    << "city";
    QTest::addRow("zip -> a postal code") << text << "zip"
                                          << "Address"
                                          << "postal code";
    QTest::addRow("country -> a country name") << text << "country"
                                               << "Address"
                                               << "country name";
    QTest::addRow("country, maxLength 2 -> ISO alpha-2")
        << QByteArray(R"({"type": "string", "maxLength": 2})") << "country"
        << "Address"
        << "ISO alpha-2";
    QTest::addRow("country, pattern of three capitals -> ISO alpha-3")
        << QByteArray(R"({"type": "string", "pattern": "^[A-Z]{3}$"})") << "country"
        << "Address"
        << "ISO alpha-3";
    QTest::addRow("country_code -> ISO alpha-2") << text << "country_code"
                                                 << "Address"
                                                 << "ISO alpha-2";
    QTest::addRow("company -> a company name") << text << "company"
                                               << "Thing"
                                               << "company";
    QTest::addRow("name of a product -> a product title") << text << "name"
                                                          << "Product"
                                                          << "product";
    QTest::addRow("price number -> a price") << QByteArray(R"({"type": "number"})") << "price"
                                             << "Product"
                                             << "price";
    QTest::addRow("currency -> an ISO 4217 code") << text << "currency"
                                                  << "Product"
                                                  << "currency";
    QTest::addRow("uri format -> a URL") << QByteArray(R"({"type": "string", "format": "uri"})") << "html_url"
                                         << "Thing"
                                         << "url";
    QTest::addRow("avatar_url -> an image URL") << QByteArray(R"({"type": "string", "format": "uri"})") << "avatar_url"
                                                << "User"
                                                << "image url";
    QTest::addRow("ipv4 format -> a documentation address")
        << QByteArray(R"({"type": "string", "format": "ipv4"})") << "remote"
        << "Thing"
        << "ipv4";
    QTest::addRow("ip_address by name -> an IPv4 address") << text << "ip_address"
                                                           << "Thing"
                                                           << "ipv4";
    QTest::addRow("uuid format -> a version 4 UUID") << QByteArray(R"({"type": "string", "format": "uuid"})") << "ref"
                                                     << "Thing"
                                                     << "uuid";
    QTest::addRow("isbn -> a valid ISBN-13") << text << "isbn"
                                             << "Book"
                                             << "isbn";
    QTest::addRow("iban with its pattern -> a valid IBAN")
        << QByteArray(R"({"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"})") << "iban"
        << "Account"
        << "iban";
    QTest::addRow("color -> a hex colour") << text << "color"
                                           << "Label"
                                           << "hex colour";
    QTest::addRow("description -> a sentence") << text << "description"
                                               << "Thing"
                                               << "sentence";
    QTest::addRow("bio with maxLength -> a short sentence")
        << QByteArray(R"({"type": "string", "maxLength": 30})") << "bio"
        << "User"
        << "sentence";
    QTest::addRow("date-time format -> near the reference date")
        << QByteArray(R"({"type": "string", "format": "date-time"})") << "when"
        << "Thing"
        << "date near reference";
    QTest::addRow("created unix time integer -> near the reference date")
        << QByteArray(R"({"type": "integer", "format": "unix-time"})") << "created"
        << "Charge"
        << "date near reference";
    QTest::addRow("age -> a plausible age") << QByteArray(R"({"type": "integer"})") << "age"
                                            << "User"
                                            << "age";
    QTest::addRow("unknown name -> a word, not \"string\"") << text << "flavour"
                                                            << "Thing"
                                                            << "word";
    QTest::addRow("description keyword -> an email")
        << QByteArray(R"({"type": "string", "description": "Where receipts are sent: an email address."})") << "x"
        << "Thing"
        << "email";
}

void TestRealisticValues::byMeaning()
{
    QFETCH(QByteArray, property);
    QFETCH(QString, name);
    QFETCH(QString, schemaName);
    QFETCH(QString, check);
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("required"), QJsonArray { name } },
        { QStringLiteral("properties"), QJsonObject { { name, parse(property) } } } };
    const QJsonValue body = sampleAt(schema, 0, schemaName);
    const QJsonValue v = body.toObject().value(name);
    QVERIFY2(looksLike(check, v), qPrintable(QString::fromUtf8(QJsonDocument(body.toObject()).toJson())));
    const QString errors = validationErrors(schema, body);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestRealisticValues::fakerMethods_data()
{
    QTest::addColumn<QString>("faker");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("check");
    QTest::addRow("name.firstName") << "name.firstName"
                                    << "string"
                                    << "first name";
    QTest::addRow("name.lastName") << "name.lastName"
                                   << "string"
                                   << "last name";
    QTest::addRow("name.findName") << "name.findName"
                                   << "string"
                                   << "person name";
    QTest::addRow("internet.email") << "internet.email"
                                    << "string"
                                    << "email";
    QTest::addRow("internet.userName") << "internet.userName"
                                       << "string"
                                       << "username";
    QTest::addRow("internet.url") << "internet.url"
                                  << "string"
                                  << "url";
    QTest::addRow("internet.ip") << "internet.ip"
                                 << "string"
                                 << "ipv4";
    QTest::addRow("address.city") << "address.city"
                                  << "string"
                                  << "city";
    QTest::addRow("address.streetAddress") << "address.streetAddress"
                                           << "string"
                                           << "street";
    QTest::addRow("address.countryCode") << "address.countryCode"
                                         << "string"
                                         << "ISO alpha-2";
    QTest::addRow("company.companyName") << "company.companyName"
                                         << "string"
                                         << "company";
    QTest::addRow("commerce.productName") << "commerce.productName"
                                          << "string"
                                          << "product";
    QTest::addRow("commerce.price") << "commerce.price"
                                    << "number"
                                    << "price";
    QTest::addRow("lorem.sentence") << "lorem.sentence"
                                    << "string"
                                    << "sentence";
    QTest::addRow("lorem.word") << "lorem.word"
                                << "string"
                                << "word";
    QTest::addRow("date.past") << "date.past"
                               << "string"
                               << "date near reference";
    QTest::addRow("datatype.uuid") << "datatype.uuid"
                                   << "string"
                                   << "uuid";
    QTest::addRow("phone.phoneNumber") << "phone.phoneNumber"
                                       << "string"
                                       << "phone";
    QTest::addRow("image.avatar") << "image.avatar"
                                  << "string"
                                  << "image url";
    QTest::addRow("finance.iban") << "finance.iban"
                                  << "string"
                                  << "iban";
    QTest::addRow("finance.currencyCode") << "finance.currencyCode"
                                          << "string"
                                          << "currency";
    QTest::addRow("with arguments: datatype.uuid()") << "datatype.uuid()"
                                                     << "string"
                                                     << "uuid";
}

// Prism's x-faker wins over the property's name ("code" alone would be a plain word).
void TestRealisticValues::fakerMethods()
{
    QFETCH(QString, faker);
    QFETCH(QString, type);
    QFETCH(QString, check);
    const QJsonObject property { { QStringLiteral("type"), type }, { QStringLiteral("x-faker"), faker } };
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("required"), QJsonArray { QStringLiteral("code") } },
        { QStringLiteral("properties"), QJsonObject { { QStringLiteral("code"), property } } } };
    const QJsonValue body = sampleAt(schema);
    QVERIFY2(looksLike(check, body.toObject().value(QLatin1String("code"))),
        qPrintable(QString::fromUtf8(QJsonDocument(body.toObject()).toJson())));
    const QString errors = validationErrors(schema, body);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestRealisticValues::patternForbidsRealisticValue_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QString>("name");
    QTest::addRow("digits-only name") << QByteArray(R"({"type": "string", "pattern": "^[0-9]{4}$"})") << "name";
    QTest::addRow("email shorter than any realistic one")
        << QByteArray(R"({"type": "string", "format": "email", "maxLength": 6})") << "email";
    QTest::addRow("age above 200") << QByteArray(R"({"type": "integer", "minimum": 200, "maximum": 210})") << "age";
    QTest::addRow("price on a 7 grid") << QByteArray(R"({"type": "number", "multipleOf": 7, "maximum": 20})")
                                       << "price";
    QTest::addRow("city excluded by enum-free not")
        << QByteArray(R"({"type": "string", "not": {"pattern": "^[A-Z]"}})") << "city";
    QTest::addRow("uuid by name, three letters by pattern")
        << QByteArray(R"({"type": "string", "pattern": "^[a-z]{3}$"})") << "uuid";
}

// Where the realistic value does not fit, the plain synthesis still gives a valid one.
void TestRealisticValues::patternForbidsRealisticValue()
{
    QFETCH(QByteArray, property);
    QFETCH(QString, name);
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("required"), QJsonArray { name } },
        { QStringLiteral("properties"), QJsonObject { { name, parse(property) } } } };
    const QJsonValue body = sampleAt(schema, 0, QStringLiteral("User"));
    QVERIFY(body.toObject().contains(name));
    const QString errors = validationErrors(schema, body);
    QVERIFY2(errors.isEmpty(),
        qPrintable(errors + QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(body.toObject()).toJson())));
}

void TestRealisticValues::createdBeforeUpdated()
{
    const QJsonObject schema =
        parse(R"({"type": "object", "required": ["createdAt", "updatedAt", "created_at", "updated_at"],
        "properties": {"createdAt": {"type": "string", "format": "date-time"},
                       "updatedAt": {"type": "string", "format": "date-time"},
                       "created_at": {"type": "integer", "format": "unix-time"},
                       "updated_at": {"type": "integer", "format": "unix-time"}}})");
    for (quint64 seed = 0; seed < 40; ++seed) {
        const QJsonObject o = sampleAt(schema, seed).toObject();
        const QDateTime created = QDateTime::fromString(o.value(QLatin1String("createdAt")).toString(), Qt::ISODate);
        const QDateTime updated = QDateTime::fromString(o.value(QLatin1String("updatedAt")).toString(), Qt::ISODate);
        QVERIFY2(created.isValid() && updated.isValid() && created < updated, qPrintable(QString::number(seed)));
        QVERIFY(o.value(QLatin1String("created_at")).toDouble() < o.value(QLatin1String("updated_at")).toDouble());
        QVERIFY(nearReference(o.value(QLatin1String("createdAt"))));
    }
}

// An object's name, login and email belong to one person.
void TestRealisticValues::onePersonPerObject()
{
    const QJsonObject schema = parse(R"({"type": "object", "required": ["firstName", "lastName", "email", "username"],
        "properties": {"firstName": {"type": "string"}, "lastName": {"type": "string"},
                       "email": {"type": "string", "format": "email"}, "username": {"type": "string"}}})");
    const QJsonObject o = sampleAt(schema, 3, QStringLiteral("Customer")).toObject();
    const QString first = o.value(QLatin1String("firstName")).toString().toLower();
    const QString last = o.value(QLatin1String("lastName")).toString().toLower();
    QCOMPARE(
        o.value(QLatin1String("email")).toString().section(QLatin1Char('@'), 0, 0), first + QLatin1Char('.') + last);
    QCOMPARE(o.value(QLatin1String("username")).toString(), first + QLatin1Char('_') + last);
}

void TestRealisticValues::sameSeedSameValues()
{
    const QJsonObject schema = parse(R"({"type": "object", "properties": {"name": {"type": "string"},
        "email": {"type": "string", "format": "email"}, "price": {"type": "number"}, "id": {"type": "integer"}}})");
    QCOMPARE(sampleAt(schema, 42, QStringLiteral("User")), sampleAt(schema, 42, QStringLiteral("User")));
}

void TestRealisticValues::otherSeedOtherValues()
{
    const QJsonObject schema = parse(R"({"type": "object", "properties": {"name": {"type": "string"},
        "email": {"type": "string", "format": "email"}, "city": {"type": "string"}, "id": {"type": "integer"}}})");
    QSet<QByteArray> bodies;
    for (quint64 seed = 1; seed <= 5; ++seed)
        bodies.insert(QJsonDocument(sampleAt(schema, seed, QStringLiteral("User")).toObject()).toJson());
    QVERIFY2(bodies.size() >= 4, "five seeds should give (almost) five different users");
}

void TestRealisticValues::arrayItemsDiffer()
{
    const QJsonObject schema = parse(R"({"type": "array", "minItems": 5, "items": {"type": "object",
        "required": ["id", "name", "email"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
        "email": {"type": "string", "format": "email"}}}})");
    const QJsonArray items = sampleAt(schema, 0, QStringLiteral("Users")).toArray();
    QCOMPARE(items.size(), 5);
    QSet<double> ids;
    QSet<QString> names;
    for (const QJsonValue& item : items) {
        ids.insert(item.toObject().value(QLatin1String("id")).toDouble());
        names.insert(item.toObject().value(QLatin1String("name")).toString());
    }
    QCOMPARE(ids.size(), 5);
    QVERIFY2(names.size() >= 4, qPrintable(QString::fromUtf8(QJsonDocument(items).toJson())));
    QVERIFY(validationErrors(schema, items).isEmpty());
}

void TestRealisticValues::plainWhenTurnedOff()
{
    const QJsonObject doc = parse(R"({"schema": {"type": "object", "required": ["name"],
        "properties": {"name": {"type": "string"}}}})");
    SampleOptions plain;
    plain.realistic = false;
    const QJsonValue v = SchemaSampler::sample(doc, doc.value(QLatin1String("schema")), kV30, plain);
    QCOMPARE(v.toObject().value(QLatin1String("name")).toString(), QStringLiteral("string"));
}

// A schema without a place in the document (a parameter built in code) takes its meaning from SampleOptions::name.
void TestRealisticValues::nameOptionGivesMeaning()
{
    SampleOptions options;
    options.name = QStringLiteral("email");
    const QJsonValue v = SchemaSampler::sample(
        QJsonObject(), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } }, kV30, options);
    QVERIFY2(looksLike(QStringLiteral("email"), v), qPrintable(v.toString()));
}

QTEST_GUILESS_MAIN(TestRealisticValues)
void TestRealisticValues::isoDateMatchesQDate_data()
{
    QTest::addColumn<qint64>("from"); // days since 1970-01-01
    QTest::addColumn<int>("count");
    QTest::addRow("1970 onwards") << qint64(0) << 800;
    QTest::addRow("around 2000 (a leap century)") << qint64(10900) << 800;
    QTest::addRow("2024 onwards (the sampler's first day)") << qint64(19723) << 3000;
    QTest::addRow("around 2100 (no leap day)") << qint64(47400) << 800;
    QTest::addRow("before 1970") << qint64(-5000) << 800;
    QTest::addRow("past 9999 (QDate's own text)") << qint64(2932800) << 10;
}

void TestRealisticValues::isoDateMatchesQDate()
{
    QFETCH(qint64, from);
    QFETCH(int, count);
    constexpr qint64 epochJulianDay = 2440588;
    for (qint64 day = from; day < from + count; ++day)
        QCOMPARE(RealisticValues::isoDate(day), QDate::fromJulianDay(epochJulianDay + day).toString(Qt::ISODate));
    QCOMPARE(RealisticValues::twoDigits(7), QStringLiteral("07"));
    QCOMPARE(RealisticValues::twoDigits(59), QStringLiteral("59"));
}

#include "tst_realisticvalues.moc"
