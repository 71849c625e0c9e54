// Text layer: folding, sentences, tokens, UTF-8.
#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include <coach/utf8.hpp>

#include <doctest/doctest.h>

#include <algorithm>

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

TEST_CASE("ascii_lower lowers ASCII letters only") {
  CHECK(text::ascii_lower("Beste NAAM") == "beste naam");
  CHECK(text::ascii_lower("ÉÉN Dr") == "ÉÉn dr");  // É is two bytes outside ASCII: kept
}

TEST_CASE("sentences split on end marks and line breaks") {
  const std::string s = "Klopt dat? Ik denk het wel.\nEn nu";
  const auto r = text::split_sentences(s);
  REQUIRE(r.size() == 3);
  CHECK(s.substr(r[0].begin, r[0].end - r[0].begin) == "Klopt dat?");
  CHECK(s.substr(r[2].begin, r[2].end - r[2].begin) == "En nu");
}

TEST_CASE("a spaced dash and en or em dashes break clauses like a comma; hyphens do not") {
  const auto kinds = [](const std::string& s) {
    std::vector<text::TokenKind> out;
    for (const auto& t : tokens_of(s)) out.push_back(t.kind);
    return out;
  };
  using K = text::TokenKind;
  CHECK(kinds("goed - hoe") == std::vector<K>{K::word, K::comma, K::word});
  CHECK(kinds("goed – hoe") == std::vector<K>{K::word, K::comma, K::word});
  CHECK(kinds("goed—hoe") == std::vector<K>{K::word, K::comma, K::word});
  CHECK(kinds("e-mail") == std::vector<K>{K::word, K::word});
  const auto phone = kinds("bel 0800-0113");
  CHECK(std::count(phone.begin(), phone.end(), K::comma) == 0);
}

TEST_CASE("an opening salutation is a sentence of its own") {
  text::TokenizerConfig config;
  config.salutations = {"beste", "hi", "good morning"};
  const auto pieces = [&](const std::string& s) {
    std::vector<std::string> out;
    for (const auto& r : text::split_sentences(s, config)) out.push_back(s.substr(r.begin, r.end - r.begin));
    return out;
  };
  CHECK(pieces("Beste NAAM, je schrijft dat je schulden hebt. Klopt dat?") ==
        std::vector<std::string>{"Beste NAAM,", "je schrijft dat je schulden hebt.", "Klopt dat?"});
  CHECK(pieces("Beste mevrouw de Vries, U schrijft") == std::vector<std::string>{"Beste mevrouw de Vries,", "U schrijft"});
  CHECK(pieces("Good morning Sam, how are you?") == std::vector<std::string>{"Good morning Sam,", "how are you?"});
  CHECK(pieces("Hi, I read your mail.") == std::vector<std::string>{"Hi,", "I read your mail."});
  // Not a salutation: another first word, too many words before the comma, nothing after it.
  CHECK(pieces("Bestel het maar, dan zie je") == std::vector<std::string>{"Bestel het maar, dan zie je"});
  CHECK(pieces("Beste is om eerst te bellen met de bank, dan") == std::vector<std::string>{"Beste is om eerst te bellen met de bank, dan"});
  CHECK(pieces("Beste NAAM,") == std::vector<std::string>{"Beste NAAM,"});
  CHECK(pieces("Highly likely, yes") == std::vector<std::string>{"Highly likely, yes"});
}

TEST_CASE("a stop before a lower-case word ends a sentence, after abbreviations it does not") {
  text::TokenizerConfig config;
  config.split_lowercase_restarts = true;
  config.abbreviations = {"bijv", "etc"};
  const auto pieces = [&](const std::string& s) {
    std::vector<std::string> out;
    for (const auto& r : text::split_sentences(s, config)) out.push_back(s.substr(r.begin, r.end - r.begin));
    return out;
  };
  CHECK(pieces("ik wil het in het echt. wat zou je dan helpen?") ==
        std::vector<std::string>{"ik wil het in het echt.", "wat zou je dan helpen?"});
  CHECK(pieces("ok. en nu. wat nu") == std::vector<std::string>{"ok.", "en nu.", "wat nu"});
  CHECK(pieces("Dat is bijv. een optie.") == std::vector<std::string>{"Dat is bijv. een optie."});
  CHECK(pieces("Kijk op www.nibud.nl. daar staat het") == std::vector<std::string>{"Kijk op www.nibud.nl. daar staat het"});
  CHECK(pieces("Bel J. de Vries of 3. daarna") == std::vector<std::string>{"Bel J. de Vries of 3. daarna"});
  config.split_lowercase_restarts = false;
  CHECK(pieces("ik wil het in het echt. wat zou je dan helpen?").size() == 1);
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
