// Folding makes "Klopt", "klopt" and "KLOPT" one word, and "beëindigd" the same as "beeindigd":
// NFKC case folding, then accents dropped, then typographic quotes made plain.
#pragma once

#include <string>
#include <string_view>

namespace coach::text {

// Folded form of valid UTF-8 `text`. ASCII takes a fast path with no ICU call.
std::string fold(std::string_view text);

// Appends the folded form of `text` to `out` (no allocation when `out` has room).
void fold_into(std::string_view text, std::string& out);

// `text` with ASCII letters in lower case and every other byte kept: for the locale's keyword
// lists (salutations, abbreviations, speaker labels), which are compared byte by byte.
std::string ascii_lower(std::string_view text);

}  // namespace coach::text
