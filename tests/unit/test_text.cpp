// Text layer: folding, sentences, tokens, UTF-8.
#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include <coach/utf8.hpp>

#include <doctest/doctest.h>

using namespace coach;

namespace {
std::vector<text::Token> tokens_of(const std::string& s) {
  text::TokenizerConfig config;
  config.placeholders = {"NAAM", "PLAATS"};
  config.url_suffixes = {"nl", "com"};
  std::vector<text::Token> out;
  text::tokenize(s, {0, static_cast<std::uint32_t>(s.size())}, config, out);
  return out;
}
}  // namespace

TEST_CASE("folding removes case, accents and typographic quotes") {
  CHECK(text::fold("Klopt") == "klopt");
  CHECK(text::fold("beëindigd") == "beeindigd");
  CHECK(text::fold("zo’n") == "zo'n");
  CHECK(text::fold("MÁÁKT") == "maakt");
  CHECK(text::fold("Straße") == "strasse");
}

TEST_CASE("sentences split on end marks and line breaks") {
  const std::string s = "Klopt dat? Ik denk het wel.\nEn nu";
  const auto r = text::split_sentences(s);
  REQUIRE(r.size() == 3);
  CHECK(s.substr(r[0].begin, r[0].end - r[0].begin) == "Klopt dat?");
  CHECK(s.substr(r[2].begin, r[2].end - r[2].begin) == "En nu");
}

TEST_CASE("tokens know URLs, domains, emoticons, placeholders, ellipses and commas") {
  const auto t = tokens_of("Hoi NAAM, kijk op www.113.nl of 113online.nl :) ... [MO INSTELLING 1] …");
  std::vector<text::TokenKind> kinds;
  for (const auto& tok : t) kinds.push_back(tok.kind);
  using K = text::TokenKind;
  CHECK(kinds == std::vector<K>{K::word, K::placeholder, K::comma, K::word, K::word, K::url, K::word, K::url,
                                K::emoticon, K::ellipsis, K::placeholder, K::ellipsis});
}

TEST_CASE("token offsets are UTF-8 byte offsets of the original text") {
  const std::string s = "Wat een beëindiging!";
  const auto t = tokens_of(s);
  REQUIRE(t.size() == 4);
  CHECK(s.substr(t[2].begin, t[2].end - t[2].begin) == "beëindiging");
  CHECK(t[2].folded == "beeindiging");
}

TEST_CASE("UTF-8 validation names the first bad byte") {
  CHECK_FALSE(utf8::first_invalid("gewoon tekst é").has_value());
  CHECK(utf8::first_invalid("ab\xC3").value() == 2);
  CHECK(utf8::first_invalid("ab\xED\xA0\x80").value() == 2);  // surrogate
  CHECK(utf8::first_invalid("\xC0\xAF").value() == 0);        // overlong
  CHECK(utf8::is_boundary("é", 0));
  CHECK_FALSE(utf8::is_boundary("é", 1));
}
