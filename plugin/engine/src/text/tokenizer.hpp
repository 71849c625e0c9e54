// Sentences and tokens of a message (ICU word and sentence breaks, plus the things chat text
// has that ICU does not know: URLs, emoticons, the study's anonymisation placeholders, "…").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace coach::text {

enum class TokenKind : std::uint8_t {
  word, number, url, emoticon, placeholder, question_mark, exclamation, ellipsis, comma
};

struct Token {
  std::uint32_t begin = 0;  // byte offsets in the analysed text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  std::string folded;       // folded text for words and numbers; the text itself otherwise
};

struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct TokenizerConfig {
  std::unordered_set<std::string> placeholders;  // "NAAM", "PLAATS", ... (as written)
  std::unordered_set<std::string> url_suffixes;  // "nl", "com", ... for bare domain names
  // Lower-case words that open a salutation ("beste", "dear", "good morning"): "Beste NAAM, je
  // schrijft dat…" is two sentences, so the reply's first sentence starts after the comma.
  std::vector<std::string> salutations;
  // A full stop followed by a lower-case word ends a sentence ("…in het echt. wat helpt je?"),
  // unless the word before it is one of these abbreviations (lower case, without the stop).
  bool split_lowercase_restarts = false;
  std::vector<std::string> abbreviations;
};

// Sentence ranges of `text` (valid UTF-8), trimmed of surrounding white space; empty sentences
// are dropped. Hard line breaks end sentences.
std::vector<ByteRange> split_sentences(std::string_view text);
// The same, with a salutation at the start of a sentence ("Beste NAAM,") split off as its own,
// and (with config.split_lowercase_restarts) a stop before a lower-case word ending a sentence.
std::vector<ByteRange> split_sentences(std::string_view text, const TokenizerConfig& config);

// Tokens of text[range], with offsets relative to `text`. `out` is cleared first.
void tokenize(std::string_view text, ByteRange range, const TokenizerConfig& config,
              std::vector<Token>& out);

// Number of word and number tokens: the study's "words" measure.
std::size_t count_words(const std::vector<Token>& tokens);

}  // namespace coach::text
