#include "text/tokenizer.hpp"

#include "text/fold.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <memory>

namespace coach::text {
namespace {

// ICU break iterators are expensive to create and not thread-safe: one of each per thread.
icu::BreakIterator& word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  return *it;
}

icu::BreakIterator& sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }();
  return *it;
}

// A text in UTF-16 with, for each UTF-16 index, its UTF-8 byte offset. One per thread and use
// (sentences, words), so the buffers are not allocated again for every sentence.
class Utf16Text {
 public:
  void set(std::string_view text, std::uint32_t base) {
    base_ = base;
    // As UnicodeString::fromUTF8 converts (U+FFFD for broken UTF-8), into the buffer kept from
    // the last text.
    const auto size8 = static_cast<int32_t>(text.size());
    UChar* buffer = chars_.getBuffer(std::max<int32_t>(size8 + 1, 32));
    int32_t length16 = 0;
    UErrorCode status = U_ZERO_ERROR;
    if (buffer) u_strFromUTF8WithSub(buffer, chars_.getCapacity(), &length16, text.data(), size8, 0xFFFD, nullptr, &status);
    chars_.releaseBuffer(buffer && U_SUCCESS(status) ? length16 : 0);
    if (!buffer || U_FAILURE(status)) chars_ = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), size8));
    ascii_ = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    byte_at_.clear();
    if (ascii_) return;  // one UTF-16 unit per byte: byte_at(i) is base + i
    const auto length = static_cast<std::size_t>(chars_.length());
    byte_at_.reserve(length + 1);
    // Offsets straight from the UTF-8: one UTF-16 unit per character of 1 to 3 bytes, two per
    // character of 4 bytes. Broken UTF-8 (which ICU replaced with U+FFFD) takes the slow path.
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto size = static_cast<int32_t>(text.size());
    bool valid = true;
    for (int32_t i = 0; i < size;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(bytes, i, size, c);
      if (c < 0) { valid = false; break; }
      const std::uint32_t byte = base + static_cast<std::uint32_t>(at);
      byte_at_.push_back(byte);
      if (U16_LENGTH(c) == 2) byte_at_.push_back(byte);
    }
    if (valid && byte_at_.size() == length) {
      byte_at_.push_back(base + static_cast<std::uint32_t>(size));
      return;
    }
    byte_at_.clear();
    std::uint32_t byte = base;
    for (int32_t i = 0; i < chars_.length();) {
      const UChar32 c = chars_.char32At(i);
      const int units = U16_LENGTH(c);
      for (int u = 0; u < units; ++u) byte_at_.push_back(byte);
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += units;
    }
    byte_at_.push_back(byte);
  }

  const icu::UnicodeString& chars() const { return chars_; }
  std::uint32_t byte_at(int32_t index) const {
    return ascii_ ? base_ + static_cast<std::uint32_t>(index) : byte_at_[static_cast<std::size_t>(index)];
  }

  // Frees the buffers after a long text, so a thread does not hold them for good.
  void trim() {
    constexpr int32_t kKeep = 16 * 1024;
    if (chars_.getCapacity() > kKeep) chars_ = icu::UnicodeString();
    if (byte_at_.capacity() > static_cast<std::size_t>(kKeep)) std::vector<std::uint32_t>().swap(byte_at_);
  }

 private:
  icu::UnicodeString chars_;
  std::vector<std::uint32_t> byte_at_;
  std::uint32_t base_ = 0;
  bool ascii_ = true;
};

Utf16Text& sentence_text() {
  thread_local Utf16Text text;
  return text;
}

Utf16Text& word_text() {
  thread_local Utf16Text text;
  return text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 26> kEmoticons = {
    ":-)", ":)", ":-(", ":(", ";-)", ";)", ":-D", ":D", ":-P", ":P", ":p", ":'(", ":-/", ":/",
    ":s", ":S", "<3", ":o", ":O", "xD", "XD", "^^", ":|", ":-|", "=)", "(:"};

// Bytes an emoticon of kEmoticons can start with.
constexpr std::array<bool, 256> kEmoticonStart = [] {
  std::array<bool, 256> starts{};
  for (const std::string_view emo : kEmoticons) starts[static_cast<unsigned char>(emo.front())] = true;
  return starts;
}();

// Special tokens found before ICU runs, so that ICU does not cut them into pieces.
void find_protected(std::string_view text, ByteRange range, const TokenizerConfig& config,
                    std::vector<Token>& out) {
  std::size_t i = range.begin;
  while (i < range.end) {
    // Most bytes can start nothing special: decide that from the byte itself first.
    const char c = text[i];
    const bool url_start = c == 'h' || c == 'H' || c == 'w' || c == 'W';
    const bool emoticon_start = kEmoticonStart[static_cast<unsigned char>(c)];
    if (!url_start && !emoticon_start && c != '[') {
      ++i;
      continue;
    }
    const bool at_word_start = i == range.begin || is_space(text[i - 1]) || text[i - 1] == '(';
    if (url_start && at_word_start && (starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
                                       starts_with_ci(text, i, "www."))) {
      std::size_t e = i;
      while (e < range.end && !is_space(text[e])) ++e;
      while (e > i && std::string_view(".,;:!?)\"'").find(text[e - 1]) != std::string_view::npos) --e;
      out.push_back({std::uint32_t(i), std::uint32_t(e), TokenKind::url, text::fold(text.substr(i, e - i))});
      i = e;
      continue;
    }
    if (c == '[') {
      // "[MO INSTELLING 1]": capitals, digits and spaces in brackets.
      std::size_t e = i + 1;
      bool has_upper = false;
      while (e < range.end && e - i < 64 &&
             ((text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= '0' && text[e] <= '9') || text[e] == ' ' || text[e] == '_' || text[e] == '-')) {
        has_upper |= text[e] >= 'A' && text[e] <= 'Z';
        ++e;
      }
      if (has_upper && e < range.end && text[e] == ']') {
        out.push_back({std::uint32_t(i), std::uint32_t(e + 1), TokenKind::placeholder,
                       std::string(text.substr(i, e + 1 - i))});
        i = e + 1;
        continue;
      }
    }
    if (emoticon_start && (at_word_start || std::string_view(".,!?").find(text[i - 1]) != std::string_view::npos)) {
      bool found = false;
      for (const std::string_view emo : kEmoticons) {
        const std::size_t e = i + emo.size();
        if (e <= range.end && text.substr(i, emo.size()) == emo &&
            (e == range.end || is_space(text[e]) || std::string_view(".,!?").find(text[e]) != std::string_view::npos)) {
          out.push_back({std::uint32_t(i), std::uint32_t(e), TokenKind::emoticon, std::string(emo)});
          i = e;
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    ++i;
  }
}

bool is_bare_domain(std::string_view folded, const TokenizerConfig& config) {
  const std::size_t dot = folded.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= folded.size()) return false;
  return config.url_suffixes.count(std::string(folded.substr(dot + 1))) > 0;
}

}  // namespace

std::vector<ByteRange> split_sentences(std::string_view text) {
  std::vector<ByteRange> out;
  if (text.empty()) return out;
  Utf16Text& u = sentence_text();
  u.set(text, 0);
  icu::BreakIterator& it = sentence_iterator();
  it.setText(u.chars());
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    std::uint32_t b = u.byte_at(start);
    std::uint32_t e = u.byte_at(end);
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (b < e) out.push_back({b, e});
  }
  it.setText(icu::UnicodeString());  // drop the reference to our buffer
  u.trim();
  return out;
}

namespace {

// Where the salutation that opens `range` ends (just after its comma), or 0 when there is none:
// a salutation word, at most five words, a comma, then more text.
std::uint32_t salutation_end(std::string_view text, ByteRange range, const std::vector<std::string>& salutations) {
  constexpr std::size_t kMaxSalutationBytes = 60;
  const std::string_view head = text.substr(range.begin, std::min<std::size_t>(range.end - range.begin, kMaxSalutationBytes));
  const std::size_t comma = head.find(',');
  if (comma == std::string_view::npos || comma == 0) return 0;
  std::size_t words = 1;
  for (std::size_t i = 0; i < comma; ++i) words += head[i] == ' ' ? 1 : 0;
  if (words > 5) return 0;
  const auto opens_with = [&](const std::string& word) {
    if (word.size() > comma || (word.size() < comma && head[word.size()] != ' ')) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(head[i])) != static_cast<unsigned char>(word[i])) return false;
    return true;
  };
  if (std::none_of(salutations.begin(), salutations.end(), opens_with)) return 0;
  std::uint32_t rest = range.begin + static_cast<std::uint32_t>(comma) + 1;
  while (rest < range.end && is_space(text[rest])) ++rest;
  return rest < range.end ? range.begin + static_cast<std::uint32_t>(comma) + 1 : 0;
}


// Where the first sentence of `range` ends when a full stop is followed by a lower-case word
// ("ik wil het in het echt. wat zou je dan helpen?"), or 0. Unicode keeps such text one sentence
// (because of abbreviations: "bijv. een optie"); chat writers often skip capitals, so the stop
// ends a sentence unless the word before it is an abbreviation of the locale, has a dot inside
// ("o.a.", "www.113.nl"), a digit, or a single letter (an initial).
std::uint32_t lowercase_restart_end(std::string_view text, ByteRange range, const std::vector<std::string>& abbreviations) {
  for (std::uint32_t dot = range.begin + 2; dot + 2 < range.end; ++dot) {
    if (text[dot] != '.' || !is_space(text[dot + 1])) continue;
    std::uint32_t next = dot + 1;
    while (next < range.end && is_space(text[next])) ++next;
    if (next >= range.end || text[next] < 'a' || text[next] > 'z') continue;
    std::uint32_t word = dot;
    while (word > range.begin && !is_space(text[word - 1])) --word;
    const std::string_view before = text.substr(word, dot - word);
    const bool letters = before.size() >= 2 && std::all_of(before.begin(), before.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
    if (!letters) continue;
    if (std::find(abbreviations.begin(), abbreviations.end(), ascii_lower(before)) != abbreviations.end()) continue;
    return dot + 1;
  }
  return 0;
}

}  // namespace

std::vector<ByteRange> split_sentences(std::string_view text, const TokenizerConfig& config) {
  std::vector<ByteRange> out = split_sentences(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint32_t end = config.salutations.empty() ? 0 : salutation_end(text, out[i], config.salutations);
    if (end == 0 && config.split_lowercase_restarts) end = lowercase_restart_end(text, out[i], config.abbreviations);
    if (end == 0) continue;
    ByteRange rest{end, out[i].end};
    while (rest.begin < rest.end && is_space(text[rest.begin])) ++rest.begin;
    out[i].end = end;
    out.insert(out.begin() + static_cast<long>(i) + 1, rest);
  }
  return out;
}

void tokenize(std::string_view text, ByteRange range, const TokenizerConfig& config,
              std::vector<Token>& out) {
  out.clear();
  if (range.begin >= range.end) return;
  find_protected(text, range, config, out);
  const std::size_t protected_count = out.size();
  std::size_t next_protected = 0;

  const std::string_view slice = text.substr(range.begin, range.end - range.begin);
  Utf16Text& u = word_text();
  u.set(slice, range.begin);
  icu::BreakIterator& it = word_iterator();
  it.setText(u.chars());
  std::uint32_t previous_dot_begin = 0, previous_dot_end = UINT32_MAX;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const std::uint32_t b = u.byte_at(start);
    const std::uint32_t e = u.byte_at(end);
    while (next_protected < protected_count && out[next_protected].end <= b) ++next_protected;
    if (next_protected < protected_count && out[next_protected].begin < e) continue;  // inside
    const int32_t status = it.getRuleStatus();
    const std::string_view piece = text.substr(b, e - b);
    if (status >= UBRK_WORD_NUMBER) {
      Token t{b, e, status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number : TokenKind::word, {}};
      if (t.kind == TokenKind::word && config.placeholders.count(std::string(piece))) {
        t.kind = TokenKind::placeholder;
        t.folded = piece;
      } else {
        fold_into(piece, t.folded);
        if (t.kind == TokenKind::word && is_bare_domain(t.folded, config)) t.kind = TokenKind::url;
      }
      out.push_back(std::move(t));
      continue;
    }
    const UChar32 c = u.chars().char32At(start);
    if (c == '?' || c == 0xFF1F) {
      out.push_back({b, e, TokenKind::question_mark, "?"});
    } else if (c == ',' || c == ';' || c == ':' || c == 0x2013 || c == 0x2014 ||
               (c == '-' && b > range.begin && e < range.end && is_space(text[b - 1]) && is_space(text[e]))) {
      // Clause breaks stop contiguous patterns: "Klopt, dat heb ik gelezen" is no check. A dash
      // between spaces ("ik snap het - hoe voelt dat?") and an en or em dash break clauses too.
      out.push_back({b, e, TokenKind::comma, ","});
    } else if (c == '!') {
      out.push_back({b, e, TokenKind::exclamation, "!"});
    } else if (c == 0x2026) {
      out.push_back({b, e, TokenKind::ellipsis, "..."});
    } else if (c == '.') {
      // Two or more dots in a row are an ellipsis ("...." is common in chat).
      if (!out.empty() && out.back().kind == TokenKind::ellipsis && out.back().end == b) {
        out.back().end = e;
      } else if (previous_dot_end == b) {
        out.push_back({previous_dot_begin, e, TokenKind::ellipsis, "..."});
      }
      previous_dot_begin = b;
      previous_dot_end = e;
    } else if (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {  // none is ASCII
      out.push_back({b, e, TokenKind::emoticon, std::string(piece)});
    }
  }
  it.setText(icu::UnicodeString());
  u.trim();
  // Protected tokens were collected first: restore text order (without them the tokens are in
  // order already, and a stable sort would only allocate its buffer).
  const auto by_begin = [](const Token& x, const Token& y) { return x.begin < y.begin; };
  if (!std::is_sorted(out.begin(), out.end(), by_begin)) std::stable_sort(out.begin(), out.end(), by_begin);
}

std::size_t count_words(const std::vector<Token>& tokens) {
  return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::word || t.kind == TokenKind::number || t.kind == TokenKind::placeholder;
  }));
}

}  // namespace coach::text
