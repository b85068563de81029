// SPDX-License-Identifier: MIT
#include "core/proxy/responserecorder.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QThreadPool>

#include "core/definition/projectfiles.h"
#include "core/definition/yamlreader.h"
#include "core/json/jsonpath.h"
#include "core/json/jsonwriter.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/proxy/responsedrift.h"

struct ResponseRecorder::State
{
    mutable QMutex mutex;
    QJsonObject info;
    QList<QJsonObject> actions; // in file order; ours and any the user wrote
    QHash<QString, int> actionOf; // target -> the action holding its examples
    QHash<QString, QSet<QByteArray>> bodies; // target -> canonical values of its examples
    QHash<QString, int> counts; // target -> examples
    QHash<QString, int> last; // "recorded-getBook-200" -> the highest number given
    QSet<QString> names; // every example name in the file
    quint64 changes = 0;
    bool scheduled = false;
    QString readError; // the file could not be read: it is never written
    int recorded = 0;

    QMutex fileMutex; // one write at a time, the newest wins
    quint64 written = 0;
    QString writeError;

    QByteArray toJson() const;
    void noteName(const QString& name);
};

// Where an answer goes: the overlay target of its media type, and the value it keeps.
struct ResponseRecorder::Where
{
    QString target;
    QString mediaType;
    QString status; // the response's code ("200", "2XX", "default")
    QJsonValue value;
    QString why; // empty when it can be recorded
};

namespace {

const QRegularExpression& numberedName()
{
    static const QRegularExpression re(QStringLiteral("^(recorded-.+-\\d{3})-(\\d+)$"));
    return re;
}

QByteArray indented(const QByteArray& json, int level)
{
    QByteArray out = json.trimmed();
    out.replace("\n", "\n" + QByteArray(4 * level, ' '));
    return out;
}

// Writes `bytes` (snapshot number `change`) unless a newer snapshot is already on disk.
bool writeSnapshot(
    const QString& file, const QByteArray& bytes, quint64 change, QMutex* fileMutex, quint64* written, QString* error)
{
    QMutexLocker lock(fileMutex);
    if (change <= *written)
        return true;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = out.errorString();
        return false;
    }
    *written = change;
    error->clear();
    return true;
}

} // namespace

void ResponseRecorder::State::noteName(const QString& name)
{
    names.insert(name);
    const QRegularExpressionMatch m = numberedName().match(name);
    if (m.hasMatch())
        last[m.captured(1)] = qMax(last.value(m.captured(1)), m.captured(2).toInt());
}

QByteArray ResponseRecorder::State::toJson() const
{
    QByteArray out = "{\n    \"overlay\": \"1.0.0\",\n    \"info\": ";
    out += indented(QJsonDocument(info).toJson(QJsonDocument::Indented), 1);
    out += ",\n    \"actions\": [";
    for (int i = 0; i < actions.size(); ++i) {
        out += i == 0 ? "\n        " : ",\n        ";
        out += indented(QJsonDocument(actions.at(i)).toJson(QJsonDocument::Indented), 2);
    }
    out += actions.isEmpty() ? "]\n}\n" : "\n    ]\n}\n";
    return out;
}

ResponseRecorder::ResponseRecorder(const QString& file, QObject* parent)
    : QObject(parent)
    , m_file(QFileInfo(file).absoluteFilePath())
    , m_state(std::make_shared<State>())
{
    m_state->info = QJsonObject { { QStringLiteral("title"), QStringLiteral("Recorded examples") },
        { QStringLiteral("version"), QStringLiteral("1") } };
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        QByteArray bytes;
        quint64 change = 0;
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->scheduled = false;
            if (!m_state->readError.isEmpty())
                return;
            bytes = m_state->toJson();
            change = m_state->changes;
        }
        // Off this thread: the window's thread never waits for the disk.
        QThreadPool::globalInstance()->start([state = m_state, file = m_file, bytes, change] {
            writeSnapshot(file, bytes, change, &state->fileMutex, &state->written, &state->writeError);
        });
    });
}

ResponseRecorder::~ResponseRecorder()
{
    flush();
}

QString ResponseRecorder::load()
{
    const ProjectFiles::Read read = ProjectFiles::readRegularFile(m_file, 64ll << 20);
    if (read.status == ProjectFiles::Status::Missing)
        return {};
    QMutexLocker lock(&m_state->mutex);
    const auto refuse = [this](const QString& why) {
        m_state->readError = QStringLiteral("cannot record into %1: %2").arg(m_file, why);
        return m_state->readError;
    };
    if (read.status != ProjectFiles::Status::Ok)
        return refuse(
            read.status == ProjectFiles::Status::Unreadable ? read.error : QStringLiteral("it is not a regular file"));
    QJsonValue root;
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(read.data, &jsonError);
    if (jsonError.error == QJsonParseError::NoError) {
        root = doc.object();
    } else {
        const YamlReadResult yaml = YamlReader::read(read.data, m_file, YamlReader::Limits());
        if (!yaml.ok)
            return refuse(QStringLiteral("it is neither JSON nor YAML"));
        root = yaml.value;
    }
    const QJsonObject overlay = root.toObject();
    if (!overlay.contains(QLatin1String("overlay")) || !overlay.value(QLatin1String("actions")).isArray())
        return refuse(QStringLiteral("it is not an OpenAPI Overlay (overlay and actions are missing)"));
    if (overlay.value(QLatin1String("info")).isObject())
        m_state->info = overlay.value(QLatin1String("info")).toObject();
    const QJsonArray actions = overlay.value(QLatin1String("actions")).toArray();
    for (const QJsonValue& a : actions) {
        const QJsonObject action = a.toObject();
        const QString target = action.value(QLatin1String("target")).toString();
        const QJsonObject examples =
            action.value(QLatin1String("update")).toObject().value(QLatin1String("examples")).toObject();
        if (!target.isEmpty() && !examples.isEmpty() && !m_state->actionOf.contains(target))
            m_state->actionOf.insert(target, int(m_state->actions.size()));
        for (auto it = examples.constBegin(); it != examples.constEnd(); ++it) {
            m_state->noteName(it.key());
            const QJsonObject example = it.value().toObject();
            if (example.contains(QLatin1String("value")))
                m_state->bodies[target].insert(JsonWriter::compact(example.value(QLatin1String("value"))));
            ++m_state->counts[target];
        }
        m_state->actions.append(action);
    }
    return {};
}

QString ResponseRecorder::slug(const Operation& operation)
{
    QString text = operation.idSynthesized || operation.id.isEmpty()
        ? operation.method.toLower() + QLatin1Char('-') + operation.path
        : operation.id;
    QString out;
    for (const QChar c : std::as_const(text)) {
        const bool keep = c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
        if (keep)
            out += c;
        else if (!out.isEmpty() && !out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("operation") : out;
}

HeaderList ResponseRecorder::keptHeaders(const HeaderList& headers)
{
    static const QSet<QByteArray> dropped { "authorization", "proxy-authorization", "proxy-authenticate", "cookie",
        "set-cookie", "set-cookie2", "www-authenticate", "connection", "keep-alive", "transfer-encoding", "te",
        "trailer", "upgrade", "content-length", "date", "content-type" };
    static const QRegularExpression secret(
        QStringLiteral("token|secret|key|passw|credential|session|auth"), QRegularExpression::CaseInsensitiveOption);
    HeaderList kept;
    for (const auto& h : headers) {
        const QByteArray name = h.first.toLower();
        if (dropped.contains(name) || name.startsWith("proxy-") || secret.match(QString::fromLatin1(name)).hasMatch())
            continue;
        kept.append(h);
    }
    return kept;
}

QString ResponseRecorder::nextName(const Operation& operation, int status) const
{
    const QString prefix = QStringLiteral("recorded-%1-%2").arg(slug(operation)).arg(status);
    QMutexLocker lock(&m_state->mutex);
    int n = m_state->last.value(prefix) + 1;
    while (m_state->names.contains(prefix + QLatin1Char('-') + QString::number(n)))
        ++n;
    return prefix + QLatin1Char('-') + QString::number(n);
}

QString ResponseRecorder::record(const Definition& definition, const Operation& operation, const RecordedAnswer& answer)
{
    return add(definition, operation, answer, QString(), true);
}

QString ResponseRecorder::addExample(
    const Definition& definition, const Operation& operation, const RecordedAnswer& answer, const QString& name)
{
    const QString sentence = add(definition, operation, answer, name.trimmed(), false);
    return sentence.startsWith(QLatin1String("Recorded")) ? QString() : sentence;
}

QString ResponseRecorder::add(const Definition& definition, const Operation& operation, const RecordedAnswer& answer,
    const QString& name, bool deduplicate)
{
    const auto notRecorded = [](const QString& why) { return QStringLiteral("Not recorded: %1.").arg(why); };
    const Response* response = ResponseDrift::responseFor(operation, answer.status);
    if (!response)
        return notRecorded(QStringLiteral("%1 is not a response of %2").arg(answer.status).arg(operation.id));
    if (response->content.isEmpty())
        return notRecorded(QStringLiteral("the response %1 defines no content").arg(response->code));
    if (answer.method == "HEAD" || answer.body.isEmpty())
        return notRecorded(QStringLiteral("the answer has no body"));
    if (answer.body.size() > kMaxBodyBytes)
        return notRecorded(QStringLiteral("the body is larger than %1 bytes").arg(kMaxBodyBytes));
    QByteArray contentType;
    for (const auto& h : answer.headers)
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = h.second.trimmed();
    const QString type = QString::fromLatin1(contentType);
    const MediaType* media = contentType.isEmpty() && response->content.size() == 1
        ? &response->content.first()
        : ResponseDrift::mediaFor(*response, type);
    if (!media)
        return notRecorded(QStringLiteral("the media type %1 is not declared for %2")
                               .arg(type.isEmpty() ? QStringLiteral("(none)") : type, response->code));
    QJsonValue value;
    const QString kind = type.isEmpty() ? media->name : type;
    if (MediaTypeNegotiator::isJson(kind)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + answer.body + "]", &error);
        if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
            return notRecorded(QStringLiteral("the body is not JSON"));
        value = doc.array().at(0);
    } else {
        const QString text = QString::fromUtf8(answer.body);
        if (text.toUtf8() != answer.body || text.contains(QChar(0)))
            return notRecorded(QStringLiteral("the body is not text"));
        value = text;
    }
    const QString target = JsonPath::fromPointer(media->pointer, definition.document);
    const QByteArray canonical = JsonWriter::compact(value);
    const QString prefix = QStringLiteral("recorded-%1-%2").arg(slug(operation)).arg(answer.status);

    QString chosen;
    {
        QMutexLocker lock(&m_state->mutex);
        if (!m_state->readError.isEmpty())
            return notRecorded(m_state->readError);
        if (deduplicate && m_state->bodies.value(target).contains(canonical))
            return notRecorded(
                QStringLiteral("the same body is already recorded for %1 %2").arg(response->code, media->name));
        if (deduplicate && m_state->counts.value(target) >= kMaxPerMediaType)
            return notRecorded(QStringLiteral("%1 examples are already recorded for %2 %3")
                                   .arg(kMaxPerMediaType)
                                   .arg(response->code, media->name));
        if (!name.isEmpty() && m_state->names.contains(name))
            return notRecorded(QStringLiteral("an example named %1 is already in %2").arg(name, m_file));
        chosen = name;
        if (chosen.isEmpty()) {
            int n = m_state->last.value(prefix) + 1;
            while (m_state->names.contains(prefix + QLatin1Char('-') + QString::number(n)))
                ++n;
            chosen = prefix + QLatin1Char('-') + QString::number(n);
        }
        QJsonObject example { { QStringLiteral("summary"),
                                  QStringLiteral("%1 %2 answered %3")
                                      .arg(QString::fromLatin1(answer.method), answer.target)
                                      .arg(answer.status) },
            { QStringLiteral("value"), value } };
        QJsonObject headers;
        for (const auto& h : keptHeaders(answer.headers))
            headers.insert(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
        if (!headers.isEmpty())
            example.insert(QStringLiteral("x-understudy-recorded-headers"), headers);

        int index = m_state->actionOf.value(target, -1);
        if (index < 0) {
            index = int(m_state->actions.size());
            m_state->actionOf.insert(target, index);
            m_state->actions.append(QJsonObject { { QStringLiteral("target"), target },
                { QStringLiteral("description"),
                    QStringLiteral("Recorded answers of %1 %2 %3").arg(operation.id, response->code, media->name) },
                { QStringLiteral("update"), QJsonObject { { QStringLiteral("examples"), QJsonObject() } } } });
        }
        QJsonObject action = m_state->actions.at(index);
        QJsonObject update = action.value(QLatin1String("update")).toObject();
        QJsonObject examples = update.value(QLatin1String("examples")).toObject();
        examples.insert(chosen, example);
        update.insert(QStringLiteral("examples"), examples);
        action.insert(QStringLiteral("update"), update);
        m_state->actions[index] = action;
        m_state->noteName(chosen);
        m_state->bodies[target].insert(canonical);
        ++m_state->counts[target];
        ++m_state->recorded;
        ++m_state->changes;
    }
    scheduleWrite();
    return QStringLiteral("Recorded the answer as example %1 (%2 %3) in %4.")
        .arg(chosen, response->code, media->name, QFileInfo(m_file).fileName());
}

void ResponseRecorder::scheduleWrite()
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->scheduled)
            return;
        m_state->scheduled = true;
    }
    QMetaObject::invokeMethod(
        this, [this] { m_timer.start(); }, Qt::QueuedConnection);
}

bool ResponseRecorder::flush()
{
    QByteArray bytes;
    quint64 change = 0;
    {
        QMutexLocker lock(&m_state->mutex);
        if (!m_state->readError.isEmpty() || m_state->changes == 0)
            return m_state->readError.isEmpty();
        bytes = m_state->toJson();
        change = m_state->changes;
    }
    return writeSnapshot(m_file, bytes, change, &m_state->fileMutex, &m_state->written, &m_state->writeError);
}

QString ResponseRecorder::error() const
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (!m_state->readError.isEmpty())
            return m_state->readError;
    }
    QMutexLocker lock(&m_state->fileMutex);
    return m_state->writeError;
}

int ResponseRecorder::recordedCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->recorded;
}

QByteArray ResponseRecorder::toJson() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->toJson();
}
