#include <coach/utf8.hpp>

namespace coach::utf8 {
namespace {

// Length of the valid sequence starting at text[i], or 0 when it is invalid (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) { len = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) len = 3;
  else if (c == 0xED) { len = 3; hi = 0x9F; }
  else if (c >= 0xEE && c <= 0xEF) len = 3;
  else if (c == 0xF0) { len = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return len;
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path over ASCII runs.
    if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
    const std::size_t len = sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

bool is_boundary(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return offset == text.size();
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = sequence_length(text, i);
    if (len == 0) { out += "\xEF\xBF\xBD"; ++i; continue; }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace coach::utf8
