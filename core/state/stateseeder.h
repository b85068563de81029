// SPDX-License-Identifier: MIT
// Items for a collection: its seed (the definition's examples, else generated items) and ids for new items.
#pragma once

#include <functional>

#include <QJsonObject>

#include "core/state/statemodel.h"

namespace StateSeeder {

// The resource's example items; with none, `count` generated items with distinct ids, each drawn with its own key
// from `valueSeed` (the generation seed, --seed), so they differ from each other and are the same on every run.
QList<QJsonObject> seed(const Definition& definition, const Resource& resource, int count, quint64 valueSeed = 0);
// One generated item: required fields and readOnly ones (id, timestamps) are there, writeOnly ones are not.
QJsonObject generate(const Definition& definition, const Resource& resource, quint64 valueSeed = 0);
// An id `taken` says is free, valid for the id property: the next integer after `maxInteger`, a UUID, or a number text.
QJsonValue newId(const Definition& definition, const Resource& resource,
    const std::function<bool(const QString&)>& taken, qint64 maxInteger);

} // namespace StateSeeder
