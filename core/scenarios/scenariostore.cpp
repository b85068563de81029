// SPDX-License-Identifier: MIT
#include "core/scenarios/scenariostore.h"

#include <QRandomGenerator>

namespace {

// SplitMix64: the n-th value of a seeded stream, computed directly, so that draws need no shared generator state.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

double uniform(quint64 base, quint64 n)
{
    return double(mix(base ^ mix(n)) >> 11) * (1.0 / 9007199254740992.0); // 53 bits -> [0, 1)
}

// The sequence a step counter walks: the operation's own, or "*"'s for that operation ("*:" + id).
const QList<Answer>* sequenceOf(const ScenarioSet* set, const QString& key)
{
    if (!set)
        return nullptr;
    if (key.startsWith(QLatin1String("*:")))
        return &set->all.sequence;
    const OperationScenario* own = set->forOperation(key);
    return own ? &own->sequence : nullptr;
}

} // namespace

ScenarioStore::ScenarioStore()
    : m_base(QRandomGenerator::global()->generate64())
{ }

void ScenarioStore::setScenarios(ScenarioSetPtr scenarios)
{
    QMutexLocker lock(&m_mutex);
    m_scenarios = std::move(scenarios);
    m_steps.clear();
    m_restarted.clear();
    m_draw = 0;
}

QStringList ScenarioStore::adoptScenarios(ScenarioSetPtr scenarios)
{
    QMutexLocker lock(&m_mutex);
    QStringList restarted;
    for (auto it = m_steps.begin(); it != m_steps.end();) {
        const QList<Answer>* before = sequenceOf(m_scenarios.get(), it.key());
        const QList<Answer>* after = sequenceOf(scenarios.get(), it.key());
        if (before && after && *before == *after) {
            ++it;
            continue;
        }
        if (after && !after->isEmpty()) {
            restarted << it.key();
            m_restarted.insert(it.key());
        } else {
            m_restarted.remove(it.key());
        }
        it = m_steps.erase(it);
    }
    m_scenarios = std::move(scenarios);
    restarted.sort();
    return restarted;
}

ScenarioSetPtr ScenarioStore::scenarios() const
{
    QMutexLocker lock(&m_mutex);
    return m_scenarios;
}

void ScenarioStore::setSeed(std::optional<quint64> seed)
{
    QMutexLocker lock(&m_mutex);
    m_seed = seed;
    m_base = seed ? *seed : QRandomGenerator::global()->generate64();
    m_draw = 0;
}

std::optional<quint64> ScenarioStore::seed() const
{
    QMutexLocker lock(&m_mutex);
    return m_seed;
}

void ScenarioStore::setNetwork(NetworkProfile profile)
{
    m_network = int(profile);
}

NetworkProfile ScenarioStore::network() const
{
    return NetworkProfile(m_network.load());
}

QString ScenarioStore::networkName(NetworkProfile profile)
{
    switch (profile) {
    case NetworkProfile::Off:
        return QStringLiteral("off");
    case NetworkProfile::Slow3G:
        return QStringLiteral("slow-3g");
    case NetworkProfile::Flaky:
        return QStringLiteral("flaky");
    }
    return QString();
}

bool ScenarioStore::parseNetwork(const QString& text, NetworkProfile* out)
{
    for (NetworkProfile p : { NetworkProfile::Off, NetworkProfile::Slow3G, NetworkProfile::Flaky }) {
        if (text.trimmed().compare(networkName(p), Qt::CaseInsensitive) == 0) {
            *out = p;
            return true;
        }
    }
    return false;
}

DelaySpec ScenarioStore::networkDelay(NetworkProfile profile)
{
    DelaySpec d;
    if (profile == NetworkProfile::Slow3G) {
        d.kind = DelaySpec::Kind::LogNormal;
        d.a = 400;
        d.b = 2000;
    } else if (profile == NetworkProfile::Flaky) {
        d.kind = DelaySpec::Kind::Uniform;
        d.a = 50;
        d.b = 300;
    }
    return d;
}

double ScenarioStore::networkFaultRate(NetworkProfile profile)
{
    return profile == NetworkProfile::Flaky ? 0.10 : 0.0;
}

ScenarioStore::Snapshot ScenarioStore::take() const
{
    Snapshot s;
    quint64 base;
    {
        QMutexLocker lock(&m_mutex);
        s.scenarios = m_scenarios;
        base = m_base;
    }
    s.network = network();
    const quint64 first = m_draw.fetch_add(3);
    for (int i = 0; i < 3; ++i)
        s.draws[i] = uniform(base, first + quint64(i));
    return s;
}

int ScenarioStore::nextStep(const QString& key, int steps, bool* restarted) const
{
    QMutexLocker lock(&m_mutex);
    const bool again = m_restarted.remove(key);
    if (restarted)
        *restarted = again;
    int& next = m_steps[key];
    const int step = std::min(next, steps - 1);
    if (next < steps)
        ++next;
    return step;
}
