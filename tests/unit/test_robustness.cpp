// Bad input never crashes: random bytes, random edits, random patterns.
#include "test_support.hpp"

#include "lexicon/lemmas.hpp"
#include "rules/pattern.hpp"
#include <coach/utf8.hpp>

#include <coach/transcript.hpp>
#include <doctest/doctest.h>

#include <random>

using namespace coach;

namespace {
std::string random_text(std::mt19937& rng, std::size_t max_len, bool valid) {
  static const std::vector<std::string> pieces = {"klopt", " ", "dat", "?", "!", "…", "....", "é", "ë", ":)", "www.113.nl",
                                                  "[MO INSTELLING 1]", "NAAM", ",", "\n", "ik wil dood", "😀", "’", "-", "0800-0113"};
  std::string s;
  const std::size_t n = rng() % max_len;
  for (std::size_t i = 0; i < n; ++i) {
    if (!valid && rng() % 7 == 0) s.push_back(static_cast<char>(rng() % 256));
    else s += pieces[rng() % pieces.size()];
  }
  return s;
}
}  // namespace

TEST_CASE("random edits keep the session consistent or fail cleanly") {
  std::mt19937 rng(42);
  Session s(test::test_engine(), Channel::chat);
  for (int i = 0; i < 3000; ++i) {
    const std::string text = random_text(rng, 6, i % 5 != 0);
    const std::size_t size = s.draft().size();
    const std::size_t a = size ? rng() % (size + 2) : 0, b = size ? rng() % (size + 2) : 0;
    try {
      if (i % 50 == 0) s.add_message({"", i % 2 ? Role::client : Role::counsellor, Channel::chat, text, ""});
      else s.edit_draft(std::min(a, b), std::max(a, b), text);
    } catch (const Error&) {
      // Invalid ranges and bytes are reported; the draft stays valid UTF-8.
    }
    REQUIRE_FALSE(utf8::first_invalid(s.draft()).has_value());
    (void)s.report();
  }
  // After all that, the incremental state equals a fresh analysis of the same text.
  Session fresh(test::test_engine(), Channel::chat);
  fresh.set_draft(s.draft());
  CHECK(s.draft_labels().practices == fresh.draft_labels().practices);
}

TEST_CASE("random pattern sources compile or fail with a message") {
  std::mt19937 rng(7);
  lexicon::LemmaTable lemmas(nullptr, {});
  const std::string alphabet = "ab <>*|~?!()${}^@_,-.1 ";
  for (int i = 0; i < 5000; ++i) {
    std::string source;
    for (std::size_t k = rng() % 12; k > 0; --k) source.push_back(alphabet[rng() % alphabet.size()]);
    rules::PatternError error;
    const auto p = rules::compile_patterns(source, lemmas, error);
    if (!p) CHECK_FALSE(error.message.empty());
  }
}

TEST_CASE("transcripts of garbage are reported, not crashed on") {
  std::mt19937 rng(3);
  for (int i = 0; i < 300; ++i) {
    std::vector<TranscriptProblem> problems;
    const std::string text = i % 3 == 0 ? "[" + random_text(rng, 10, true) : random_text(rng, 30, i % 2 == 0);
    const auto messages = parse_transcript(text, problems);
    for (const auto& m : messages) CHECK_FALSE(utf8::first_invalid(m.text).has_value());
  }
}
