// SPDX-License-Identifier: MIT
// The admin endpoints under /__understudy/state: read all collections, replace one, reset to the seed.
#pragma once

#include <optional>

#include "core/http/httpresponse.h"
#include "core/state/statestore.h"

namespace StateAdmin {

bool isAdminPath(const QString& path);
// GET /__understudy/state, PUT /__understudy/state/<collection>, POST /__understudy/state/reset; anything else
// under the prefix is a 404 (or 405) problem. `trace` receives one sentence.
HttpResponse handle(const HttpRequest& request, StateStore& store, QStringList* trace);

} // namespace StateAdmin
