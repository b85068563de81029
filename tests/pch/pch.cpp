// SPDX-License-Identifier: MIT
// Compiles the tests' precompiled header once per layer (tests/CMakeLists.txt); every test of the layer reuses it.
