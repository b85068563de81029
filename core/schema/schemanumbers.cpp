// SPDX-License-Identifier: MIT
#include "core/schema/schemanumbers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace SchemaNumbers {

bool isMultipleOf(double value, double divisor)
{
    if (!(divisor > 0))
        return true;
    if (std::floor(divisor) == divisor && std::floor(value) == value && std::fabs(value) < 9e15)
        return std::fmod(value, divisor) == 0;
    const double q = value / divisor;
    if (!std::isfinite(q))
        return false;
    const double tolerance = std::max(1e-9, std::fabs(q) * 4 * std::numeric_limits<double>::epsilon());
    return std::fabs(q - std::round(q)) <= tolerance;
}

} // namespace SchemaNumbers
