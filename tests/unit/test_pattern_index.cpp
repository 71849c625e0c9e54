// The pattern index finds exactly what trying every pattern at every token finds, in the
// promised order, and word keys follow the patterns compiled so far.
#include "lexicon/lemmas.hpp"
#include "rules/pattern_index.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <random>
#include <tuple>

using namespace coach;

namespace {
using Found = std::vector<std::tuple<std::size_t, std::uint32_t, std::size_t, std::size_t>>;  // start, owner, span

std::vector<text::Token> tokens_of(const std::string& s) {
  static const text::TokenizerConfig config;
  std::vector<text::Token> tokens;
  text::tokenize(s, {0, static_cast<std::uint32_t>(s.size())}, config, tokens);
  return tokens;
}

Found by_index(const rules::PatternIndex& index, const rules::SentenceView& view) {
  Found out;
  index.for_each_match(view, [&](std::uint32_t owner, const rules::Pattern&, rules::TokenSpan span) {
    out.emplace_back(span.first, owner, span.first, span.last);
  });
  return out;
}

// Every pattern at every start, in (start, pattern) order: what the index must equal.
Found by_brute_force(const std::deque<rules::Pattern>& patterns, const rules::SentenceView& view) {
  Found out;
  for (std::size_t start = 0; start < view.tokens().size(); ++start)
    for (std::uint32_t p = 0; p < patterns.size(); ++p)
      if (const auto span = rules::match_at(patterns[p], view, start))
        out.emplace_back(start, p, span->first, span->last);
  return out;
}
}  // namespace

TEST_CASE("the index finds what trying every pattern everywhere finds, in start order") {
  lexicon::LemmaTable lemmas(nullptr, {{"liep", "lopen"}, {"loopt", "lopen"}});
  const std::vector<std::string> words = {"ik", "je", "loopt", "liep", "vriend", "vriendin", "heid", "goed", "?", ","};
  const std::vector<std::string> elements = {"ik",   "je",     "(je)", "<lopen>", "vriend*", "*in",   "goed|ik",
                                             "~2",   "_",      "?",    "(goed)",  ",",       "(ik|je)", "loopt"};
  std::mt19937 rng(11);
  std::deque<rules::Pattern> patterns;  // stable addresses for the index
  for (int i = 0; i < 300; ++i) {
    std::string source = rng() % 6 == 0 ? "^ " : "";
    const std::size_t n = 1 + rng() % 4;
    for (std::size_t k = 0; k < n; ++k) {
      std::string e = elements[rng() % elements.size()];
      if ((k == 0 || k + 1 == n) && e[0] == '~') e = "goed";
      source += (k ? " " : "") + e;
    }
    if (rng() % 8 == 0) source += " $";
    rules::PatternError error;
    if (auto p = rules::compile_pattern(source, lemmas, error)) patterns.push_back(std::move(*p));
  }
  REQUIRE(patterns.size() > 200);
  rules::PatternIndex index;
  for (std::uint32_t p = 0; p < patterns.size(); ++p) index.add(&patterns[p], p);
  index.finish();

  for (int s = 0; s < 400; ++s) {
    std::string sentence;
    for (std::size_t k = 1 + rng() % 9; k > 0; --k) sentence += words[rng() % words.size()] + " ";
    const auto tokens = tokens_of(sentence);
    const rules::SentenceView view(tokens, lemmas);
    CAPTURE(sentence);
    CHECK(by_index(index, view) == by_brute_force(patterns, view));
  }
}

TEST_CASE("a callback may match another sentence with the same index") {
  lexicon::LemmaTable lemmas(nullptr, {});
  rules::PatternError error;
  const auto p = rules::compile_pattern("goed", lemmas, error);
  REQUIRE(p);
  rules::PatternIndex index;
  index.add(&*p, 0);
  index.finish();
  const auto outer_tokens = tokens_of("goed en goed");
  const auto inner_tokens = tokens_of("heel goed");
  const rules::SentenceView outer(outer_tokens, lemmas), inner(inner_tokens, lemmas);
  std::vector<std::size_t> starts;
  index.for_each_match(outer, [&](std::uint32_t, const rules::Pattern&, rules::TokenSpan span) {
    starts.push_back(span.first);
    CHECK(by_index(index, inner).size() == 1);
  });
  CHECK(starts == std::vector<std::size_t>{0, 2});
}

TEST_CASE("words carry the keys of patterns compiled after they were first seen") {
  lexicon::LemmaTable lemmas(nullptr, {});
  rules::PatternError error;
  const auto first = rules::compile_pattern("vriend*", lemmas, error);
  const auto tokens = tokens_of("mijn vriendin helpt");
  CHECK(rules::find_first(*first, rules::SentenceView(tokens, lemmas)));
  // "helpt" was looked up (and cached) before any pattern named it.
  const auto later = rules::compile_pattern("*pt", lemmas, error);
  CHECK(rules::find_first(*later, rules::SentenceView(tokens, lemmas)));
  CHECK_FALSE(rules::find_first(*rules::compile_pattern("helpen", lemmas, error), rules::SentenceView(tokens, lemmas)));
}
