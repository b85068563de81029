// SPDX-License-Identifier: MIT
// Number arithmetic of JSON Schema keywords, shared by the validator and the sampler so both agree.
#pragma once

namespace SchemaNumbers {

// `multipleOf`: exact for integers, otherwise within a few ulps of the quotient (0.3 is a multiple of 0.1, but
// 100000000.001 is not a multiple of 0.01). A divisor <= 0 or NaN constrains nothing; a non-finite quotient fails.
bool isMultipleOf(double value, double divisor);

} // namespace SchemaNumbers
