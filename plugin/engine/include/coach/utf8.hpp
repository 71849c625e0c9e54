// UTF-8 validation: the engine accepts only valid UTF-8 and says where it is broken. Public so
// the tools built on the engine (reports, anonymiser) report broken input the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coach::utf8 {

// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view text);

// True when `offset` is at a character boundary (or at the end) of valid UTF-8 `text`.
bool is_boundary(std::string_view text, std::size_t offset);

// Copy of `text` with each invalid sequence replaced by U+FFFD (for display, never for analysis).
std::string repaired(std::string_view text);

}  // namespace coach::utf8
