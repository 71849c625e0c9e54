#include "text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace coach::text {
namespace {

// Apostrophes, quotes and dashes that people type in many shapes; matching wants one shape.
UChar32 plain_punctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      return '-';
    default:
      return c;
  }
}

// NFKC_Casefold, then NFD with combining marks dropped: a hand accent fold, several times
// cheaper than ICU's Transliterator on this hot path.
void fold_unicode(std::string_view text, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  status = U_ZERO_ERROR;
  const icu::UnicodeString folded = nfkc_cf->normalize(source, status);
  status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd->normalize(U_SUCCESS(status) ? folded : source, status);
  const icu::UnicodeString& chars = U_SUCCESS(status) ? decomposed : source;
  icu::UnicodeString kept;
  kept.getBuffer(chars.length());
  kept.releaseBuffer(0);
  for (int32_t i = 0; i < chars.length();) {
    const UChar32 c = chars.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    kept.append(plain_punctuation(c));
  }
  kept.toUTF8String(out);
}

}  // namespace

void fold_into(std::string_view text, std::string& out) {
  bool ascii = true;
  for (const char ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) { ascii = false; break; }
  if (!ascii) { fold_unicode(text, out); return; }
  for (const char ch : text) out.push_back((ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch);
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_into(text, out);
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace coach::text
