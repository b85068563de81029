// SPDX-License-Identifier: MIT
#include "app/headless.h"
