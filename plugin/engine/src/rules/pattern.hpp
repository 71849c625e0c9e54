// Token patterns: the small matching language of rule files (rules/README.md, "Token patterns").
#pragma once

#include "lexicon/lemmas.hpp"
#include "text/tokenizer.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace coach::rules {

// Token classes are keys too (below LemmaTable::kFirstWordKey): "?" is the key of question-mark
// tokens, "_" the keys of the four word-like classes.
constexpr std::uint32_t kind_key(text::TokenKind kind) { return static_cast<std::uint32_t>(kind); }

// A 256-bit summary of a set of keys (bit key % 256): two sets whose masks share no bit share no
// key, which rules most elements out of a sentence without looking at the keys.
using KeyMask = std::array<std::uint64_t, 4>;
inline void add_to_mask(KeyMask& mask, std::uint32_t key) { mask[(key >> 6) & 3] |= std::uint64_t(1) << (key & 63); }
inline bool masks_overlap(const KeyMask& a, const KeyMask& b) {
  return ((a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3])) != 0;
}

struct Element {
  std::uint32_t key_begin = 0, key_end = 0;  // its keys in Pattern::keys, sorted: a token matches when it carries one
  KeyMask mask{};
  std::int16_t gap = -1;   // >= 0: skip zero to `gap` tokens (then the element has no keys)
  bool optional = false;
};

struct Pattern {
  std::vector<Element> elements;
  std::vector<std::uint32_t> keys;      // the keys of all elements, element by element
  std::vector<std::uint16_t> required;  // elements every match needs a token for
  bool at_start = false;
  bool at_end = false;

  std::span<const std::uint32_t> keys_of(const Element& e) const {
    return {keys.data() + e.key_begin, e.key_end - e.key_begin};
  }
};

struct PatternError {
  std::size_t column = 1;  // 1-based, in the pattern text
  std::string message;
};

// Compiles `source`; returns nullopt and fills `error` when it is not a valid pattern.
std::optional<Pattern> compile_pattern(const std::string& source, lexicon::LemmaTable& lemmas,
                                       PatternError& error);

// Expands phrase groups first ("{ik begrijp|als ik het goed begrijp} dat" is two patterns;
// "walk-in|drop-in" is read as "{walk in|drop in}"), then compiles each.
std::optional<std::vector<Pattern>> compile_patterns(const std::string& source, lexicon::LemmaTable& lemmas,
                                                     PatternError& error);

// The tokens of one sentence with the keys each carries, looked up once.
class SentenceView {
 public:
  SentenceView(const std::vector<text::Token>& tokens, const lexicon::LemmaTable& lemmas);

  const std::vector<text::Token>& tokens() const { return tokens_; }
  // Keys of token `index`: its class, then its word keys.
  const std::uint32_t* keys_begin(std::size_t index) const { return keys_.data() + start_[index]; }
  const std::uint32_t* keys_end(std::size_t index) const { return keys_.data() + start_[index + 1]; }
  // Whether some token of the sentence matches `element` of `pattern`.
  bool has_any(const Pattern& pattern, const Element& element) const;

 private:
  const std::vector<text::Token>& tokens_;
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> start_;     // token i's keys: [start_[i], start_[i + 1])
  std::vector<std::uint64_t> present_;  // bit k: some token carries key k
  KeyMask mask_{};
};

struct TokenSpan {
  std::size_t first = 0;  // token indices, [first, last)
  std::size_t last = 0;
};

// Matches `pattern` starting exactly at token `start`.
std::optional<TokenSpan> match_at(const Pattern& pattern, const SentenceView& view, std::size_t start);
// First match anywhere in the sentence.
std::optional<TokenSpan> find_first(const Pattern& pattern, const SentenceView& view);

bool element_matches(const Pattern& pattern, const Element& element, const SentenceView& view, std::size_t index);
// Whether every required element has a token somewhere in the sentence (a quick way to say no).
bool may_match(const Pattern& pattern, const SentenceView& view);

}  // namespace coach::rules
