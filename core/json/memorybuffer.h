// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <streambuf>

// Lets a std::istream (yaml-cpp's parser input) read bytes in place instead of copying them into a std::string.
class MemoryBuffer : public std::streambuf
{
public:
    MemoryBuffer(const char* data, std::size_t size)
    {
        // Only the get area is set, so the buffer is never written through this pointer.
        char* p = const_cast<char*>(data);
        setg(p, p, p + size);
    }
};
