// SPDX-License-Identifier: MIT
#include "core/schema/realisticvalues.h"

#include <cmath>
#include <cstring>
#include <vector>

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QReadWriteLock>

using RealisticValues::isoDate;
using RealisticValues::twoDigits;

namespace {

// The fixed "now" every generated moment is near (2025-06-01T12:00:00Z), so bodies do not change with the calendar.
constexpr qint64 kReferenceSeconds = 1748779200;
constexpr qint64 kUnixEpochJulianDay = 2440588;

qint64 referenceSeconds()
{
    return kReferenceSeconds;
}

const char* const kListNames[] = { "first-names", "last-names", "cities", "countries", "streets", "street-suffixes",
    "company-words", "company-kinds", "company-suffixes", "product-adjectives", "product-materials", "product-nouns",
    "words", "colors", "domains", "currencies", "jobs", "timezones", "statuses" };

constexpr int kListCount = int(sizeof(kListNames) / sizeof(kListNames[0]));

std::vector<QStringList> loadLists()
{
    std::vector<QStringList> lists;
    for (const char* name : kListNames) {
        QFile file(QStringLiteral(":/wordlists/%1.txt").arg(QLatin1String(name)));
        QStringList lines;
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> raw = file.readAll().split('\n');
            for (const QByteArray& line : raw) {
                const QString text = QString::fromUtf8(line).trimmed();
                if (!text.isEmpty() && !text.startsWith(QLatin1Char('#')))
                    lines.append(text);
            }
        }
        lists.push_back(lines);
    }
    return lists;
}

// Looked up by name without allocating: this runs for most generated values.
const QStringList& list(const char* name)
{
    static const std::vector<QStringList> lists = loadLists();
    static const QStringList none;
    for (int i = 0; i < kListCount; ++i)
        if (std::strcmp(kListNames[i], name) == 0)
            return lists.at(std::size_t(i));
    return none;
}

QString pick(const QStringList& from, quint64 key)
{
    return from.isEmpty() ? QString() : from.at(int(key % quint64(from.size())));
}

// One comma-separated field of a picked line ("Berlin,Berlin,10115,DE").
QString field(const QString& line, int index)
{
    return line.section(QLatin1Char(','), index, index);
}

// "avatarURL" -> avatar, url; "created_at" -> created, at; "line2" -> line, 2.
QStringList splitWords(const QString& s)
{
    QStringList out;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out.append(current);
        current.clear();
    };
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!current.isEmpty()) {
            const QChar prev = s.at(i - 1);
            const bool lowerToUpper = c.isUpper() && prev.isLower();
            const bool acronymEnd = c.isUpper() && prev.isUpper() && i + 1 < s.size() && s.at(i + 1).isLower();
            const bool digitEdge = c.isDigit() != prev.isDigit();
            if (lowerToUpper || acronymEnd || digitEdge)
                flush();
        }
        current += c.toLower();
    }
    flush();
    return out;
}

bool hasAny(const QStringList& words, std::initializer_list<const char*> names)
{
    for (const QString& w : words)
        for (const char* n : names)
            if (w == QLatin1String(n))
                return true;
    return false;
}

// A word that starts with one of `stems` ("customers" for "customer").
bool hasStem(const QStringList& words, std::initializer_list<const char*> stems)
{
    for (const QString& w : words)
        for (const char* n : stems)
            if (w.startsWith(QLatin1String(n)))
                return true;
    return false;
}

bool personish(const QStringList& parent)
{
    return hasStem(parent,
        { "user", "person", "people", "customer", "author", "owner", "member", "employee", "contact", "profile",
            "actor", "assignee", "reviewer", "committer", "sender", "recipient", "driver", "patient", "student",
            "teacher", "player", "client", "subscriber", "admin", "staff", "guest", "creator", "buyer", "seller",
            "passenger", "traveler", "attendee", "speaker", "manager", "collaborator", "follower", "individual",
            "signer", "holder", "beneficiary", "applicant", "candidate" });
}

bool companyish(const QStringList& words)
{
    return hasStem(words,
        { "company", "compan", "organization", "organisation", "org", "employer", "business", "brand", "vendor",
            "manufacturer", "merchant", "supplier", "publisher", "agency", "enterprise", "firm" });
}

bool productish(const QStringList& words)
{
    return hasStem(words, { "product", "item", "sku", "offer", "listing", "merchandise", "good", "article" });
}

bool addressish(const QStringList& words)
{
    return hasStem(words, { "address", "location", "billing", "shipping", "place", "venue", "residence", "geo" });
}

bool imageish(const QStringList& words)
{
    return hasAny(words,
        { "avatar", "image", "images", "img", "photo", "photos", "picture", "pic", "thumbnail", "thumb", "logo", "icon",
            "banner", "cover", "gravatar", "headshot", "portrait", "poster" });
}

ValueKind momentKind(const QStringList& w, ValueKind fallback)
{
    if (hasAny(w,
            { "created", "creation", "create", "registered", "joined", "signup", "published", "opened", "submitted",
                "issued", "start", "started", "starts", "begin", "began", "first", "added", "since", "posted" }))
        return ValueKind::Created;
    if (hasAny(w,
            { "updated", "update", "modified", "changed", "edited", "last", "pushed", "synced", "closed", "merged",
                "resolved", "completed", "ended", "end", "ends", "finished", "deleted", "archived", "canceled",
                "cancelled", "paid", "delivered", "shipped", "seen", "refreshed", "revoked", "processed" }))
        return ValueKind::Updated;
    if (hasAny(w,
            { "expires", "expiry", "expiration", "expire", "due", "deadline", "until", "scheduled", "next", "renewal",
                "renews", "upcoming", "planned", "eta", "valid", "available" }))
        return ValueKind::Future;
    if (hasAny(w, { "birth", "birthday", "birthdate", "dob", "born" }))
        return ValueKind::Birth;
    return fallback;
}

bool momentWords(const QStringList& w)
{
    return hasAny(w, { "at", "date", "time", "timestamp", "datetime", "on", "day", "when", "birthday", "dob" })
        || momentKind(w, ValueKind::None) != ValueKind::None;
}

ValueKind fakerKind(const QString& faker)
{
    QString method = faker.section(QLatin1Char('('), 0, 0).trimmed();
    const QString ns = method.section(QLatin1Char('.'), 0, 0).toLower();
    const QString fn = method.section(QLatin1Char('.'), 1).toLower();
    const auto is = [&fn](std::initializer_list<const char*> names) {
        for (const char* n : names)
            if (fn == QLatin1String(n))
                return true;
        return false;
    };
    if (ns == QLatin1String("name") || ns == QLatin1String("person")) {
        if (is({ "firstname", "middlename" }))
            return ValueKind::FirstName;
        if (is({ "lastname" }))
            return ValueKind::LastName;
        if (is({ "jobtitle", "jobtype", "jobarea", "jobdescriptor", "title" }))
            return ValueKind::JobTitle;
        return ValueKind::FullName;
    }
    if (ns == QLatin1String("internet")) {
        if (is({ "email", "exampleemail" }))
            return ValueKind::Email;
        if (is({ "username", "displayname" }))
            return ValueKind::Username;
        if (is({ "domainname", "domainword" }))
            return ValueKind::Domain;
        if (is({ "ip", "ipv4" }))
            return ValueKind::Ipv4;
        if (is({ "ipv6" }))
            return ValueKind::Ipv6;
        if (is({ "avatar" }))
            return ValueKind::ImageUrl;
        if (is({ "password", "mac" }))
            return ValueKind::Hash;
        if (is({ "color" }))
            return ValueKind::Color;
        return ValueKind::Url;
    }
    if (ns == QLatin1String("address") || ns == QLatin1String("location")) {
        if (is({ "city", "cityname" }))
            return ValueKind::City;
        if (is({ "zipcode", "zipcodebycity" }))
            return ValueKind::PostalCode;
        if (is({ "country" }))
            return ValueKind::Country;
        if (is({ "countrycode" }))
            return ValueKind::CountryCode;
        if (is({ "state", "stateabbr", "county" }))
            return ValueKind::Region;
        if (is({ "secondaryaddress" }))
            return ValueKind::StreetLine2;
        if (is({ "latitude" }))
            return ValueKind::Latitude;
        if (is({ "longitude" }))
            return ValueKind::Longitude;
        if (is({ "timezone" }))
            return ValueKind::TimeZone;
        return ValueKind::Street;
    }
    if (ns == QLatin1String("company")) {
        if (is({ "catchphrase", "bs", "catchphrasedescriptor", "bsbuzz" }))
            return ValueKind::Sentence;
        return ValueKind::Company;
    }
    if (ns == QLatin1String("commerce")) {
        if (is({ "price" }))
            return ValueKind::Price;
        if (is({ "department", "productmaterial", "productadjective" }))
            return ValueKind::Word;
        if (is({ "color" }))
            return ValueKind::Color;
        if (is({ "productdescription" }))
            return ValueKind::Sentence;
        return ValueKind::Product;
    }
    if (ns == QLatin1String("lorem")) {
        if (is({ "word" }))
            return ValueKind::Word;
        if (is({ "words" }))
            return ValueKind::Title;
        if (is({ "slug" }))
            return ValueKind::Slug;
        return ValueKind::Sentence;
    }
    if (ns == QLatin1String("date")) {
        if (is({ "future", "soon" }))
            return ValueKind::Future;
        if (is({ "birthdate" }))
            return ValueKind::Birth;
        if (is({ "month" }))
            return ValueKind::Month;
        if (is({ "weekday" }))
            return ValueKind::Word;
        return ValueKind::Past;
    }
    if (ns == QLatin1String("datatype") || ns == QLatin1String("random") || ns == QLatin1String("string")
        || ns == QLatin1String("number")) {
        if (is({ "uuid" }))
            return ValueKind::Uuid;
        if (is({ "boolean" }))
            return ValueKind::Boolean;
        if (is({ "datetime" }))
            return ValueKind::Past;
        if (is({ "float" }))
            return ValueKind::Price;
        if (is({ "word", "string", "alpha", "alphanumeric", "words" }))
            return ValueKind::Word;
        if (is({ "hexadecimal" }))
            return ValueKind::Hash;
        return ValueKind::Count;
    }
    if (ns == QLatin1String("phone"))
        return ValueKind::Phone;
    if (ns == QLatin1String("image"))
        return ValueKind::ImageUrl;
    if (ns == QLatin1String("finance")) {
        if (is({ "currencycode", "currencyname", "currencysymbol" }))
            return ValueKind::Currency;
        if (is({ "iban" }))
            return ValueKind::Iban;
        if (is({ "account", "accountnumber", "routingnumber", "bic" }))
            return ValueKind::StringId;
        return ValueKind::Price;
    }
    return ValueKind::None;
}

ValueKind classifyUncached(const ValueHint& hint);

// Kinds that name a string by its words; `strong` keeps to words that cannot mean much else (title and description
// text is matched with these only).
ValueKind stringByWords(const QStringList& w, const QStringList& p, bool strong)
{
    if (w.isEmpty())
        return ValueKind::None;
    const QString joined = w.join(QString());
    const QString& last = w.last();
    if (hasAny(w, { "uuid", "guid" }))
        return ValueKind::Uuid;
    if (hasAny(w, { "email", "emails", "mail" }))
        return ValueKind::Email;
    if (hasAny(w, { "iban" }))
        return ValueKind::Iban;
    if (hasAny(w, { "isbn" }))
        return ValueKind::Isbn;
    if (hasAny(w, { "phone", "telephone", "tel", "mobile", "fax", "cellphone", "msisdn" }))
        return ValueKind::Phone;
    if (hasAny(w, { "ip", "ipv4" }) && !hasAny(w, { "ipv6" }))
        return ValueKind::Ipv4;
    if (hasAny(w, { "ipv6" }))
        return ValueKind::Ipv6;
    if (hasAny(w, { "timezone", "tz" }) || joined.contains(QLatin1String("timezone")))
        return ValueKind::TimeZone;
    if (hasAny(w, { "color", "colour", "colors", "colours" }))
        return ValueKind::Color;
    if (hasAny(w, { "country", "countries", "nationality" }))
        return hasAny(w, { "code", "iso", "alpha2", "alpha3" }) ? ValueKind::CountryCode : ValueKind::Country;
    if (hasAny(w, { "city", "town", "locality" }))
        return ValueKind::City;
    if (hasAny(w, { "zip", "zipcode", "postal", "postcode", "postalcode" }))
        return ValueKind::PostalCode;
    if (strong)
        return ValueKind::None;

    if (last == QLatin1String("id") || last == QLatin1String("ids"))
        return ValueKind::StringId;
    if (joined == QLatin1String("firstname") || joined == QLatin1String("givenname")
        || joined == QLatin1String("forename"))
        return ValueKind::FirstName;
    if (joined == QLatin1String("lastname") || joined == QLatin1String("familyname")
        || joined == QLatin1String("surname"))
        return ValueKind::LastName;
    if (hasAny(w, { "username", "login", "handle", "nickname", "nick", "screenname" })
        || joined == QLatin1String("username") || joined == QLatin1String("screenname"))
        return ValueKind::Username;
    if (imageish(w))
        return ValueKind::ImageUrl;
    if (hasAny(w,
            { "url", "uri", "link", "links", "href", "website", "homepage", "site", "permalink", "endpoint", "callback",
                "webhook", "redirect", "blog" }))
        return ValueKind::Url;
    if (hasAny(w, { "line2", "address2" }) || (hasAny(w, { "line", "address" }) && hasAny(w, { "2" })))
        return ValueKind::StreetLine2;
    if (hasAny(w, { "street", "line1", "address1", "address", "line" }))
        return ValueKind::Street;
    if (hasAny(w, { "region", "province", "county", "prefecture" })
        || (hasAny(w, { "state" }) && (addressish(p) || w.size() > 1)))
        return ValueKind::Region;
    if (hasAny(w, { "job", "occupation", "profession", "position" }))
        return ValueKind::JobTitle;
    if (last == QLatin1String("name") || last == QLatin1String("names")) {
        const QStringList owner = w.mid(0, w.size() - 1);
        if (hasAny(owner, { "full", "display", "real", "contact", "person", "legal" }) || personish(owner)) {
            if (hasStem(p, { "repo" }))
                return ValueKind::Slug;
            return ValueKind::FullName;
        }
        if (companyish(owner))
            return ValueKind::Company;
        if (productish(owner))
            return ValueKind::Product;
        if (owner.isEmpty() && personish(p))
            return ValueKind::FullName;
        if (owner.isEmpty() && companyish(p))
            return ValueKind::Company;
        if (owner.isEmpty() && productish(p))
            return ValueKind::Product;
        if (hasAny(owner, { "file" }))
            return ValueKind::Slug;
        return ValueKind::Title;
    }
    if (companyish(w) && !hasAny(w, { "type", "kind", "size" }))
        return ValueKind::Company;
    if (hasAny(w, { "product" }))
        return ValueKind::Product;
    if (hasAny(w, { "title", "subject", "headline", "heading", "caption", "topic" }))
        return productish(p) ? ValueKind::Product : ValueKind::Title;
    if (hasAny(w,
            { "description", "summary", "bio", "biography", "about", "comment", "comments", "body", "text", "message",
                "content", "note", "notes", "details", "excerpt", "reason", "abstract", "memo", "remark", "remarks",
                "feedback", "review", "instructions", "tagline", "descriptor", "overview", "story", "explanation" }))
        return ValueKind::Sentence;
    if (hasAny(w, { "price", "amount", "cost", "fee", "total", "subtotal", "balance", "salary" }))
        return ValueKind::Price;
    if (hasAny(w, { "currency", "currencies" }))
        return ValueKind::Currency;
    if (hasAny(w, { "domain", "host", "hostname" }))
        return ValueKind::Domain;
    if (hasAny(w, { "locale", "language", "lang", "languages" }))
        return ValueKind::Locale;
    if (hasAny(w,
            { "sha", "sha1", "sha256", "hash", "checksum", "digest", "etag", "commit", "fingerprint", "md5", "token",
                "secret", "signature", "nonce" }))
        return ValueKind::Hash;
    if (hasAny(w, { "slug" }))
        return ValueKind::Slug;
    if (hasAny(w, { "status", "state" }))
        return ValueKind::Word;
    if (hasAny(w,
            { "tag", "tags", "label", "labels", "category", "categories", "keyword", "keywords", "topics", "genre",
                "department", "kind", "type", "types", "group", "groups" }))
        return ValueKind::Word;
    if (momentWords(w))
        return momentKind(w, ValueKind::Past);
    return ValueKind::None;
}

ValueKind numberByWords(const QStringList& w)
{
    if (w.isEmpty())
        return ValueKind::None;
    const QString& last = w.last();
    if (last == QLatin1String("id") || last == QLatin1String("ids") || last == QLatin1String("number")
        || last == QLatin1String("no"))
        return ValueKind::Id;
    if (hasAny(w, { "timestamp", "epoch" }) || (momentWords(w) && !hasAny(w, { "day", "count", "days" })))
        return momentKind(w, ValueKind::Past);
    if (hasAny(w, { "age" }))
        return ValueKind::Age;
    if (hasAny(w, { "year" }))
        return ValueKind::Year;
    if (hasAny(w, { "month" }))
        return ValueKind::Month;
    if (hasAny(w, { "day" }))
        return ValueKind::Day;
    if (hasAny(w, { "hour", "hours" }))
        return ValueKind::Hour;
    if (hasAny(w, { "minute", "minutes", "second", "seconds" }))
        return ValueKind::Minute;
    if (hasAny(w, { "price", "amount", "cost", "fee", "subtotal", "balance", "salary", "tax", "discount", "refund" }))
        return ValueKind::Price;
    if (hasAny(w, { "rating", "score", "stars", "grade" }))
        return ValueKind::Rating;
    if (hasAny(w, { "percent", "percentage", "progress" }))
        return ValueKind::Percent;
    if (hasAny(w, { "lat", "latitude" }))
        return ValueKind::Latitude;
    if (hasAny(w, { "lng", "lon", "long", "longitude" }))
        return ValueKind::Longitude;
    if (hasAny(w, { "quantity", "qty" }))
        return ValueKind::Quantity;
    if (hasAny(w, { "width", "height", "depth", "weight", "length" }))
        return ValueKind::Dimension;
    if (hasAny(w,
            { "count", "total", "num", "size", "followers", "following", "stargazers", "watchers", "forks", "likes",
                "views", "downloads", "votes", "comments", "members", "subscribers", "items", "issues", "repos" }))
        return ValueKind::Count;
    return ValueKind::None;
}

QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

QString hex(quint64 key, int digits)
{
    QString out(digits, Qt::Uninitialized);
    QChar* d = out.data();
    quint64 k = key;
    for (int i = 0; i < digits; ++i) {
        if (i % 16 == 0 && i > 0)
            k = RealisticValues::mix(key, quint64(i));
        d[i] = QLatin1Char("0123456789abcdef"[k & 15]);
        k >>= 4;
    }
    return out;
}

QString words(quint64 key, int count, const QString& separator, bool capitalize)
{
    const QStringList& from = list("words");
    QStringList out;
    quint64 k = key;
    for (int i = 0; i < count; ++i) {
        k = RealisticValues::mix(k, quint64(i) + 1);
        const QString w = pick(from, k);
        out.append(capitalize ? capitalized(w) : w);
    }
    return out.join(separator);
}

QString sentence(quint64 key, int maxLength)
{
    QString s = capitalized(words(key, 7 + int(key % 6), QStringLiteral(" "), false));
    if (maxLength >= 0 && s.size() + 1 > maxLength) {
        const int cut = s.lastIndexOf(QLatin1Char(' '), qMax(0, maxLength - 1));
        s = cut > 0 ? s.left(cut) : s.left(qMax(0, maxLength - 1));
    }
    return s + QLatin1Char('.');
}

// The person of an object: the same first and last name for every name, email and login of one object.
struct Person
{
    QString first;
    QString last;
};

Person personFor(const ValueHint& hint)
{
    // Words before the role ("owner" in owner_email) tell two people of one object apart.
    QStringList w = splitWords(hint.name);
    static const QStringList roles = { QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("given"),
        QStringLiteral("family"), QStringLiteral("full"), QStringLiteral("display"), QStringLiteral("user"),
        QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("mail"), QStringLiteral("address"),
        QStringLiteral("login"), QStringLiteral("handle"), QStringLiteral("username"), QStringLiteral("nickname"),
        QStringLiteral("surname"), QStringLiteral("real"), QStringLiteral("emails") };
    QStringList owner;
    for (const QString& word : std::as_const(w))
        if (!roles.contains(word))
            owner.append(word);
    const quint64 k = RealisticValues::mix(hint.objectKey, RealisticValues::hash(owner.join(QLatin1Char(' '))));
    return { pick(list("first-names"), k), pick(list("last-names"), k >> 24) };
}

QString asciiLower(const QString& s)
{
    QString out;
    for (const QChar c : s)
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
    return out;
}

// The city line of an object, so city, region, postal code and country agree.
QString cityLine(const ValueHint& hint)
{
    return pick(list("cities"), RealisticValues::mix(hint.objectKey, 0x5eed));
}

QString countryLine(const QString& alpha2)
{
    static const QHash<QString, QString> byCode = [] {
        QHash<QString, QString> out;
        for (const QString& line : list("countries")) {
            const QString code = field(line, 1);
            if (!out.contains(code))
                out.insert(code, line);
        }
        return out;
    }();
    const auto it = byCode.constFind(alpha2);
    return it != byCode.constEnd() ? it.value() : list("countries").value(0);
}

QString isbn13(quint64 key)
{
    QString digits = QStringLiteral("978");
    quint64 k = key;
    for (int i = 0; i < 9; ++i) {
        digits += QLatin1Char(char('0' + k % 10));
        k /= 10;
    }
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (digits.at(i).unicode() - '0') * (i % 2 == 0 ? 1 : 3);
    digits += QLatin1Char(char('0' + (10 - sum % 10) % 10));
    return digits;
}

QString iban(quint64 key)
{
    QString bban;
    quint64 k = key;
    for (int i = 0; i < 18; ++i) {
        if (i == 9)
            k = RealisticValues::mix(key, 9);
        bban += QLatin1Char(char('0' + k % 10));
        k /= 10;
    }
    // ISO 13616: move the country and "00" to the end, letters as numbers (D = 13, E = 14), check = 98 - mod 97.
    const QString rearranged = bban + QStringLiteral("131400");
    int mod = 0;
    for (const QChar c : rearranged)
        mod = (mod * 10 + (c.unicode() - '0')) % 97;
    return QStringLiteral("DE") + twoDigits(98 - mod) + bban;
}

QString uuid(quint64 key)
{
    QString h = hex(key, 16) + hex(RealisticValues::mix(key, 0x777), 16);
    h[12] = QLatin1Char('4');
    h[16] = QLatin1Char("89ab"[key >> 60 & 3]);
    // 8-4-4-4-12, written in place.
    QString out(36, Qt::Uninitialized);
    QChar* d = out.data();
    const QChar* from = h.constData();
    for (int i = 0, j = 0; i < 36; ++i)
        d[i] = (i == 8 || i == 13 || i == 18 || i == 23) ? QLatin1Char('-') : from[j++];
    return out;
}

QList<Candidate> momentCandidates(ValueKind kind, const ValueHint& hint)
{
    const quint64 k = hint.key;
    qint64 seconds = 0; // relative to the reference time
    const qint64 day = 86400;
    switch (kind) {
    case ValueKind::Created: // 30 to 400 days ago: always before every Updated
        seconds = -(30 + qint64(k % 370)) * day - qint64((k >> 16) % day);
        break;
    case ValueKind::Updated: // within the last 29 days
        seconds = -qint64(k % 29) * day - qint64((k >> 16) % day);
        break;
    case ValueKind::Future:
        seconds = (1 + qint64(k % 365)) * day + qint64((k >> 16) % day);
        break;
    case ValueKind::Birth:
        seconds = -(18 * 365 + qint64(k % (60 * 365))) * day;
        break;
    default:
        seconds = -qint64(k % 365) * day - qint64((k >> 16) % day);
        break;
    }
    const qint64 at = referenceSeconds() + seconds;
    if (hint.type != QLatin1String("string"))
        return { double(at) };
    const qint64 days = at >= 0 ? at / day : (at - day + 1) / day;
    const int secondOfDay = int(at - days * day);
    const QString date = isoDate(days);
    const QString time = twoDigits(secondOfDay / 3600) + QLatin1Char(':') + twoDigits(secondOfDay / 60 % 60)
        + QLatin1Char(':') + twoDigits(secondOfDay % 60);
    if (hint.format == QLatin1String("time"))
        return { time + QLatin1Char('Z'), time };
    bool dateOnly = hint.format == QLatin1String("date") || (hint.format.isEmpty() && kind == ValueKind::Birth);
    if (!dateOnly && hint.format.isEmpty()) {
        const QStringList w = splitWords(hint.name);
        dateOnly = hasAny(w, { "date", "day", "birthday", "dob" }) && !hasAny(w, { "time" });
    }
    if (dateOnly)
        return { date };
    return { date + QLatin1Char('T') + time + QLatin1Char('Z') };
}

} // namespace

QJsonValue Candidate::toJson() const
{
    switch (type) {
    case Type::Number:
        return number;
    case Type::Boolean:
        return boolean;
    case Type::Text:
        break;
    }
    return text;
}

namespace RealisticValues {

quint64 mix(quint64 a, quint64 b)
{
    // splitmix64 over the pair.
    quint64 z = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 hash(QStringView text, quint64 seed)
{
    quint64 h = 0xcbf29ce484222325ULL ^ seed; // FNV-1a over UTF-16 units
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h;
}

const QStringList& wordList(const QString& name)
{
    return list(name.toLatin1().constData());
}

ValueKind classify(const ValueHint& hint)
{
    // Classifying splits and matches words; the same few hundred property shapes come up in every body, so the
    // answers are kept process-wide (by content, so they are the same whatever was generated before).
    static QReadWriteLock lock;
    static QHash<quint64, ValueKind> known;
    constexpr qsizetype kMaxKnown = 50000;
    quint64 key = hash(hint.type);
    for (const QString* part : { &hint.name, &hint.parent, &hint.format, &hint.faker, &hint.title })
        key = hash(*part, mix(key, 0x1f));
    key = hash(QStringView(hint.description).left(160), mix(key, 0x1f));
    {
        QReadLocker read(&lock);
        const auto it = known.constFind(key);
        if (it != known.constEnd())
            return it.value();
    }
    const ValueKind kind = classifyUncached(hint);
    QWriteLocker write(&lock);
    if (known.size() < kMaxKnown)
        known.insert(key, kind);
    return kind;
}

} // namespace RealisticValues

namespace {

ValueKind classifyUncached(const ValueHint& hint)
{
    if (!hint.faker.isEmpty()) {
        const ValueKind k = fakerKind(hint.faker);
        if (k != ValueKind::None)
            return k;
    }
    const QString& f = hint.format;
    if (f == QLatin1String("binary") || f == QLatin1String("byte") || f == QLatin1String("password"))
        return ValueKind::None;
    const QStringList w = splitWords(hint.name);
    if (hint.type == QLatin1String("boolean"))
        return hasAny(w,
                   { "deleted", "disabled", "archived", "blocked", "locked", "spam", "banned", "suspended",
                       "deprecated", "hidden", "closed", "failed", "expired", "fraud", "test", "draft" })
            ? ValueKind::RareBoolean
            : ValueKind::Boolean;
    const QStringList p = splitWords(hint.parent);
    if (hint.type == QLatin1String("string")) {
        if (f == QLatin1String("email") || f == QLatin1String("idn-email"))
            return ValueKind::Email;
        if (f == QLatin1String("uuid"))
            return ValueKind::Uuid;
        if (f == QLatin1String("uri") || f == QLatin1String("url") || f == QLatin1String("iri")
            || f == QLatin1String("uri-reference") || f == QLatin1String("iri-reference"))
            return imageish(w) ? ValueKind::ImageUrl : ValueKind::Url;
        if (f == QLatin1String("hostname") || f == QLatin1String("idn-hostname"))
            return ValueKind::Domain;
        if (f == QLatin1String("ipv4"))
            return ValueKind::Ipv4;
        if (f == QLatin1String("ipv6"))
            return ValueKind::Ipv6;
        if (f == QLatin1String("date-time") || f == QLatin1String("date"))
            return momentKind(w, ValueKind::Past);
        if (f == QLatin1String("time"))
            return ValueKind::Time;
        if (!f.isEmpty() && f != QLatin1String("string") && f != QLatin1String("text"))
            return ValueKind::None; // a format we do not know: its own checker decides, keep the plain value
        ValueKind k = stringByWords(w, p, false);
        if (k == ValueKind::None && (!hint.title.isEmpty() || !hint.description.isEmpty()))
            k = stringByWords(splitWords(hint.title) + splitWords(hint.description).mid(0, 12), p, true);
        return k == ValueKind::None ? ValueKind::Generic : k;
    }
    if (hint.type == QLatin1String("integer") || hint.type == QLatin1String("number")) {
        if (f == QLatin1String("unix-time") || f == QLatin1String("timestamp"))
            return momentKind(w, ValueKind::Past);
        const ValueKind k = numberByWords(w);
        return k == ValueKind::None ? ValueKind::Generic : k;
    }
    return ValueKind::None;
}

} // namespace

namespace RealisticValues {

QList<Candidate> candidates(ValueKind kind, const ValueHint& hint)
{
    const quint64 k = hint.key;
    const bool text = hint.type == QLatin1String("string");
    const bool integer = hint.type == QLatin1String("integer");
    const auto number = [&](double v, int decimals) -> double {
        const double p = std::pow(10.0, decimals);
        return integer ? std::round(v) : std::round(v * p) / p;
    };
    const auto inRange = [&](qint64 lo, qint64 hi) { return lo + qint64(k % quint64(hi - lo + 1)); };
    // Strings for number kinds and numbers for string kinds happen (a string "price", an integer "zip").
    const auto asType = [&](const Candidate& v) -> QList<Candidate> {
        if (text && v.type == Candidate::Type::Number)
            return { QString::number(v.number, 'f', integer || std::floor(v.number) == v.number ? 0 : 2) };
        return { v };
    };

    switch (kind) {
    case ValueKind::None:
        return {};
    case ValueKind::FirstName:
        return { personFor(hint).first };
    case ValueKind::LastName:
        return { personFor(hint).last };
    case ValueKind::FullName: {
        const Person p = personFor(hint);
        return { p.first + QLatin1Char(' ') + p.last, p.first };
    }
    case ValueKind::Username: {
        const Person p = personFor(hint);
        const QString first = asciiLower(p.first);
        const QString last = asciiLower(p.last);
        return { first + QLatin1Char('_') + last, first + last + QString::number(k % 90 + 10), first };
    }
    case ValueKind::Email: {
        const Person p = personFor(hint);
        const QString first = asciiLower(p.first);
        const QString last = asciiLower(p.last);
        const QString domain = pick(list("domains"), hint.objectKey >> 8);
        return { first + QLatin1Char('.') + last + QLatin1Char('@') + domain,
            first.left(1) + last + QLatin1Char('@') + domain, first.left(1) + QStringLiteral("@example.com") };
    }
    case ValueKind::Phone: {
        const QString area = QString::number(201 + k % 780);
        const QString line = QStringLiteral("01") + twoDigits(int((k >> 12) % 100));
        return { QStringLiteral("+1-") + area + QStringLiteral("-555-") + line,
            QStringLiteral("+1") + area + QStringLiteral("555") + line, area + QStringLiteral("-555-") + line,
            area + QStringLiteral("555") + line };
    }
    case ValueKind::Street:
        return { QStringLiteral("%1 %2 %3")
                     .arg(1 + hint.objectKey % 2400)
                     .arg(pick(list("streets"), hint.objectKey >> 12),
                         pick(list("street-suffixes"), hint.objectKey >> 20)),
            QStringLiteral("%1 %2").arg(1 + hint.objectKey % 2400).arg(pick(list("streets"), hint.objectKey >> 12)) };
    case ValueKind::StreetLine2:
        return { QStringLiteral("Apt %1").arg(1 + k % 40), QStringLiteral("%1").arg(1 + k % 40) };
    case ValueKind::City:
        return { field(cityLine(hint), 0) };
    case ValueKind::Region:
        return { field(cityLine(hint), 1) };
    case ValueKind::PostalCode:
        return asType(field(cityLine(hint), 2)) + QList<Candidate> { QString::number(10000 + k % 89999) };
    case ValueKind::Country:
    case ValueKind::CountryCode: {
        const QString line = countryLine(field(cityLine(hint), 3));
        const QString name = field(line, 0);
        const QString a2 = field(line, 1);
        const QString a3 = field(line, 2);
        if (hint.maxLength == 2)
            return { a2, a2.toLower() };
        if (hint.maxLength == 3)
            return { a3, a2, a3.toLower() };
        if (kind == ValueKind::CountryCode)
            return { a2, a3, a2.toLower(), name };
        return { name, a2, a3, a2.toLower() };
    }
    case ValueKind::Company: {
        const QString word = pick(list("company-words"), k);
        const QString kindWord = pick(list("company-kinds"), k >> 16);
        return { word + QLatin1Char(' ') + kindWord + QLatin1Char(' ') + pick(list("company-suffixes"), k >> 32),
            word + QLatin1Char(' ') + kindWord, word };
    }
    case ValueKind::JobTitle:
        return { pick(list("jobs"), k) };
    case ValueKind::Product: {
        const QString adjective = pick(list("product-adjectives"), k);
        const QString noun = pick(list("product-nouns"), k >> 24);
        return { adjective + QLatin1Char(' ') + pick(list("product-materials"), k >> 12) + QLatin1Char(' ') + noun,
            adjective + QLatin1Char(' ') + noun, noun };
    }
    case ValueKind::Price: {
        static const double cents[] = { 0.99, 0.49, 0.95, 0.0 };
        const double dollars = double(5 + k % 295) + cents[(k >> 20) % 4];
        if (integer)
            return { std::round(dollars * 100) }; // integer amounts are minor units (cents)
        if (text)
            return { QString::number(dollars, 'f', 2) };
        return { dollars };
    }
    case ValueKind::Currency: {
        const QString code = field(countryLine(field(cityLine(hint), 3)), 3);
        const QString other = pick(list("currencies"), k);
        return { code, code.toLower(), other, other.toLower() };
    }
    case ValueKind::Url: {
        QStringList rest = splitWords(hint.name);
        rest.removeIf([](const QString& w) {
            return w == QLatin1String("url") || w == QLatin1String("uri") || w == QLatin1String("href")
                || w == QLatin1String("link") || w == QLatin1String("html") || w == QLatin1String("api");
        });
        const QString parent = asciiLower(hint.parent);
        QString path = parent.isEmpty() ? QString() : parent + QLatin1Char('/');
        path += QString::number(1 + hint.stableKey % 9000 + quint64(hint.ordinal));
        if (!rest.isEmpty())
            path += QLatin1Char('/') + rest.join(QLatin1Char('-'));
        return { QStringLiteral("https://www.example.com/") + path, QStringLiteral("https://www.example.com") };
    }
    case ValueKind::ImageUrl: {
        const bool avatar = hasAny(splitWords(hint.name), { "avatar", "gravatar", "headshot", "portrait" });
        return { QStringLiteral("https://images.example.com/%1/%2.jpg")
                     .arg(QLatin1String(avatar ? "avatars" : "photos"))
                     .arg(1 + k % 9000),
            QStringLiteral("https://images.example.com/%1.jpg").arg(1 + k % 9000) };
    }
    case ValueKind::Domain:
        return { pick(list("words"), k) + QLatin1Char('.') + pick(list("domains"), k >> 16),
            pick(list("domains"), k >> 16) };
    case ValueKind::Ipv4: {
        static const char* const nets[] = { "192.0.2", "198.51.100", "203.0.113" }; // documentation ranges
        return { QStringLiteral("%1.%2").arg(QLatin1String(nets[k % 3])).arg(1 + (k >> 8) % 254) };
    }
    case ValueKind::Ipv6:
        return { QStringLiteral("2001:db8:%1::%2").arg(hex(k, 4), hex(k >> 20, 4)) };
    case ValueKind::Uuid:
        return { uuid(k) };
    case ValueKind::StringId: {
        QString prefix = asciiLower(hint.parent).left(3);
        const QString id = hex(k, 14);
        return { prefix.isEmpty() ? id : prefix + QLatin1Char('_') + id, id, uuid(k) };
    }
    case ValueKind::Isbn: {
        const QString d = isbn13(k);
        return { d,
            d.mid(0, 3) + QLatin1Char('-') + d.mid(3, 1) + QLatin1Char('-') + d.mid(4, 5) + QLatin1Char('-')
                + d.mid(9, 3) + QLatin1Char('-') + d.mid(12) };
    }
    case ValueKind::Iban: {
        const QString plain = iban(k);
        QString grouped;
        for (int i = 0; i < plain.size(); i += 4)
            grouped += (i ? QStringLiteral(" ") : QString()) + plain.mid(i, 4);
        return { plain, grouped };
    }
    case ValueKind::Color: {
        const QString line = pick(list("colors"), k);
        const QString hexColor = field(line, 1);
        return { hexColor, hexColor.mid(1), field(line, 0) };
    }
    case ValueKind::Sentence:
        return { sentence(k, hint.maxLength), pick(list("words"), k) };
    case ValueKind::Title:
        return { words(k, 2 + int(k % 3), QStringLiteral(" "), true), capitalized(pick(list("words"), k)) };
    case ValueKind::Word:
        if (hasAny(splitWords(hint.name), { "status", "state" }))
            return { pick(list("statuses"), k), pick(list("words"), k) };
        return { pick(list("words"), k) };
    case ValueKind::Slug:
        return { words(k, 2, QStringLiteral("-"), false), pick(list("words"), k) };
    case ValueKind::Locale:
        return { QStringLiteral("en-US"), QStringLiteral("en_US"), QStringLiteral("en") };
    case ValueKind::TimeZone:
        return { pick(list("timezones"), k), QStringLiteral("UTC") };
    case ValueKind::Hash: {
        const QStringList w = splitWords(hint.name);
        const int digits = hasAny(w, { "sha256" }) ? 64 : hasAny(w, { "sha", "sha1", "commit" }) ? 40 : 32;
        return { hex(k, digits), hex(k, 16) };
    }
    case ValueKind::Created:
    case ValueKind::Updated:
    case ValueKind::Past:
    case ValueKind::Future:
    case ValueKind::Birth:
        return momentCandidates(kind, hint);
    case ValueKind::Time: {
        const QTime t = QTime(0, 0).addSecs(int(k % 86400));
        return { t.toString(QStringLiteral("HH:mm:ss")) + QLatin1Char('Z'), t.toString(QStringLiteral("HH:mm:ss")) };
    }
    case ValueKind::Id:
        return asType(double(1 + hint.stableKey % 9000 + quint64(hint.ordinal)));
    case ValueKind::Age:
        return asType(double(inRange(18, 80)));
    case ValueKind::Year:
        return asType(double(inRange(1990, 2025)));
    case ValueKind::Month:
        return asType(double(inRange(1, 12)));
    case ValueKind::Day:
        return asType(double(inRange(1, 28)));
    case ValueKind::Hour:
        return asType(double(inRange(0, 23)));
    case ValueKind::Minute:
        return asType(double(inRange(0, 59)));
    case ValueKind::Count:
        return asType(double(inRange(1, 250)));
    case ValueKind::Quantity:
        return asType(double(inRange(1, 10)));
    case ValueKind::Rating:
        return asType(number(1.0 + double(k % 41) / 10.0, 1));
    case ValueKind::Percent:
        return asType(number(double(k % 1001) / 10.0, 1));
    case ValueKind::Latitude:
        return asType(number(-60.0 + double(k % 1300000) / 10000.0, 4));
    case ValueKind::Longitude:
        return asType(number(-180.0 + double(k % 3600000) / 10000.0, 4));
    case ValueKind::Dimension:
        return asType(double(inRange(10, 1920)));
    case ValueKind::Boolean:
        return { k % 4 != 0 };
    case ValueKind::RareBoolean:
        return { k % 4 == 0 };
    case ValueKind::Generic:
        if (text)
            return { hint.minLength > 8 ? sentence(k, hint.maxLength) : pick(list("words"), k) };
        if (integer)
            return { double(inRange(1, 100)) };
        return { number(1.0 + double(k % 100000) / 100.0, 2) };
    }
    return {};
}

QString twoDigits(int n)
{
    const QChar digits[2] = { QLatin1Char(char('0' + n / 10 % 10)), QLatin1Char(char('0' + n % 10)) };
    return QString(digits, 2);
}

QString isoDate(qint64 daysSinceEpoch)
{
    const qint64 z = daysSinceEpoch + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999)
        return QDate::fromJulianDay(kUnixEpochJulianDay + daysSinceEpoch).toString(Qt::ISODate);
    const int y = int(year);
    const QChar text[10] = { QLatin1Char(char('0' + y / 1000)), QLatin1Char(char('0' + y / 100 % 10)),
        QLatin1Char(char('0' + y / 10 % 10)), QLatin1Char(char('0' + y % 10)), QLatin1Char('-'),
        QLatin1Char(char('0' + month / 10)), QLatin1Char(char('0' + month % 10)), QLatin1Char('-'),
        QLatin1Char(char('0' + day / 10)), QLatin1Char(char('0' + day % 10)) };
    return QString(text, 10);
}

} // namespace RealisticValues
