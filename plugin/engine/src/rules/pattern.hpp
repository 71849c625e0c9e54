// Token patterns: the small matching language of rule files (rules/README.md, "Token patterns").
#pragma once

#include "lexicon/lemmas.hpp"
#include "text/tokenizer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coach::rules {

enum class AltKind : std::uint8_t { literal, prefix, suffix, lemma, any_word, token_kind };

struct Alternative {
  AltKind kind = AltKind::literal;
  std::string text;                       // folded literal, prefix or suffix
  std::vector<std::uint32_t> lemma_ids;   // for lemma
  text::TokenKind token_kind = text::TokenKind::word;
};

struct Element {
  std::vector<Alternative> alternatives;
  bool optional = false;
  int gap = -1;  // >= 0: skip zero to `gap` tokens
};

struct Pattern {
  std::string source;
  std::vector<Element> elements;
  bool at_start = false;
  bool at_end = false;
};

struct PatternError {
  std::size_t column = 1;  // 1-based, in the pattern text
  std::string message;
};

// Compiles `source`; returns nullopt and fills `error` when it is not a valid pattern.
std::optional<Pattern> compile_pattern(const std::string& source, lexicon::LemmaTable& lemmas,
                                       PatternError& error);

// Expands phrase groups first ("{ik begrijp|als ik het goed begrijp} dat" is two patterns;
// "walk-in|drop-in" is read as "{walk in|drop in}"), then compiles each. Every pattern keeps
// `source` as its source text.
std::optional<std::vector<Pattern>> compile_patterns(const std::string& source, lexicon::LemmaTable& lemmas,
                                                     PatternError& error);

// The tokens of one sentence, with lemma ids looked up lazily (most tokens never need them).
class SentenceView {
 public:
  SentenceView(const std::vector<text::Token>& tokens, const lexicon::LemmaTable& lemmas)
      : tokens_(tokens), lemmas_(lemmas), lemma_ids_(tokens.size()), lemma_done_(tokens.size(), false) {}

  const std::vector<text::Token>& tokens() const { return tokens_; }
  const std::vector<std::uint32_t>& lemma_ids(std::size_t index) const;

 private:
  const std::vector<text::Token>& tokens_;
  const lexicon::LemmaTable& lemmas_;
  mutable std::vector<std::vector<std::uint32_t>> lemma_ids_;
  mutable std::vector<bool> lemma_done_;
};

struct TokenSpan {
  std::size_t first = 0;  // token indices, [first, last)
  std::size_t last = 0;
};

// Matches `pattern` starting exactly at token `start`.
std::optional<TokenSpan> match_at(const Pattern& pattern, const SentenceView& view, std::size_t start);
// First match anywhere in the sentence.
std::optional<TokenSpan> find_first(const Pattern& pattern, const SentenceView& view);

bool alternative_matches(const Alternative& alt, const SentenceView& view, std::size_t index);

}  // namespace coach::rules
