// Helpers for the API boundaries of libcoach (the C API) and `coach serve`: UTF-8 checks with
// byte offsets, quoting of ids in error texts, and JSON output that never throws on odd bytes.
// Header-only so that the CLI can share it without linking libcoach.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coach::boundary {

// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt if it is valid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
inline std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (n - i < len) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += len;
  }
  return std::nullopt;
}

// True if `offset` is a character boundary of valid UTF-8 `text` (its end counts as one).
inline bool is_char_boundary(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return offset == text.size();
  const auto c = static_cast<unsigned char>(text[offset]);
  return (c & 0xC0) != 0x80;
}

// `token` in double quotes, cut to 40 bytes and with control characters replaced: for ids and
// keys in error texts (message text is never quoted).
inline std::string quote(std::string_view token) {
  constexpr std::size_t kMax = 40;
  std::size_t n = token.size();
  if (n > kMax) {
    n = kMax;
    while (n > 0 && !is_char_boundary(token, n)) --n;
  }
  std::string out = "\"";
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    out += (c < 0x20 || c == 0x7F || c == '"' || c == '\\') ? '?' : static_cast<char>(c);
  }
  if (n < token.size()) out += "...";
  return out + "\"";
}

// Serialises without ever throwing on odd bytes (invalid UTF-8 is replaced by U+FFFD).
inline std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace coach::boundary
