// Generated, realistic-looking counselling text for coach-bench: conversations, drafts and a
// labelling corpus in Dutch and English. Deterministic: the same seed gives the same text on
// every machine (no std:: distributions, whose output differs between standard libraries).
#pragma once

#include <coach/types.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

// SplitMix64: small, fast, and the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  std::uint64_t state_;
};

struct Language;

// "nl" or "en"; throws std::invalid_argument for anything else.
const Language& language(std::string_view locale);

// Words separated by white space: how people count words in a text.
std::size_t word_count(std::string_view text);

// One message of about `target_words` words (5..80) for the role and channel.
std::string message_text(const Language& lang, coach::Role role, coach::Channel channel,
                         std::size_t target_words, Rng& rng);

// A conversation of `turns` messages, alternating roles, opened by the counsellor and ended by
// the client (so the next thing typed is the counsellor's reply).
std::vector<coach::Message> conversation(const Language& lang, coach::Channel channel, std::size_t turns,
                                         Rng& rng);

// A counsellor's e-mail reply of exactly `words` words: greeting, paragraphs, sign-off.
std::string email_draft(const Language& lang, std::size_t words, Rng& rng);
// A counsellor's chat message of exactly `words` words.
std::string chat_draft(const Language& lang, std::size_t words, Rng& rng);

// Message `index` of the labelling corpus (both roles, both channels, 5..80 words). The corpus
// is generated on the fly so the benchmark's own memory does not blur the engine's.
coach::Message corpus_message(const Language& lang, std::uint64_t seed, std::size_t index);

}  // namespace bench
