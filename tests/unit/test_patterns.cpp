// Token patterns: syntax, lemmas, gaps, anchors, errors.
#include "lexicon/lemmas.hpp"
#include "rules/pattern.hpp"

#include <doctest/doctest.h>

using namespace coach;

namespace {
lexicon::LemmaTable& lemmas() {
  static lexicon::LemmaTable table(nullptr, {{"begreep", "begrijpen"}, {"begrepen", "begrijpen"}, {"begrijp", "begrijpen"}});
  return table;
}

// Whether any pattern `pattern` expands to matches somewhere in `text`.
bool matches(const std::string& pattern, const std::string& text) {
  rules::PatternError error;
  const auto ps = rules::compile_patterns(pattern, lemmas(), error);
  REQUIRE_MESSAGE(ps, error.message);
  text::TokenizerConfig config;
  std::vector<text::Token> tokens;
  text::tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, config, tokens);
  const rules::SentenceView view(tokens, lemmas());
  for (const auto& p : *ps)
    if (rules::find_first(p, view)) return true;
  return false;
}

std::string error_of(const std::string& pattern) {
  rules::PatternError error;
  CHECK_FALSE(rules::compile_pattern(pattern, lemmas(), error));
  return error.message;
}
}  // namespace

TEST_CASE("literal, prefix, suffix and alternatives") {
  CHECK(matches("klopt dat", "Klopt dat wel?"));
  CHECK(matches("vriend*", "met je vriendinnen"));
  CHECK(matches("*heid", "onzekerheid"));
  CHECK(matches("klopt dat|dit", "klopt dit"));
  CHECK_FALSE(matches("klopt dat", "klopt het"));
}

TEST_CASE("a comma breaks contiguity") {
  CHECK_FALSE(matches("klopt dat", "Klopt, dat las ik"));
  CHECK(matches("klopt , dat", "Klopt, dat las ik"));
}

TEST_CASE("lemmas use the forms table") {
  CHECK(matches("<begrijpen> ik", "begreep ik dat goed"));
  CHECK(matches("<begrijpen> ik", "Begrijp ik"));
  CHECK_FALSE(matches("<begrijpen> ik", "begin ik"));
}

TEST_CASE("gaps, optional words, anchors and question marks") {
  CHECK(matches("begrijp ik ~3 goed", "begrijp ik het nu goed"));
  CHECK_FALSE(matches("begrijp ik ~1 goed", "begrijp ik het nu goed"));
  CHECK(matches("(heel) goed van je", "goed van je"));
  CHECK(matches("(heel) goed van je", "heel goed van je"));
  CHECK(matches("^ hoe", "Hoe gaat het"));
  CHECK_FALSE(matches("^ hoe", "En hoe gaat het"));
  CHECK(matches("klopt $", "Dat klopt!"));
  CHECK_FALSE(matches("klopt $", "klopt niet"));
  CHECK(matches("dat?", "klopt dat?"));
  CHECK_FALSE(matches("dat?", "klopt dat."));
  CHECK(matches("@url", "kijk op www.nibud.nl"));
}

TEST_CASE("@number>=N matches numbers of at least N") {
  CHECK(matches("took @number>=10 pills", "I took 30 pills"));
  CHECK(matches("took @number>=10 pills", "I took 10 pills"));
  CHECK_FALSE(matches("took @number>=10 pills", "I took 2 pills"));
  CHECK_FALSE(matches("took @number>=10 pills", "I took ten pills"));
  CHECK(matches("@number>=100|@number", "7"));
  CHECK(error_of("took @number>=ten").find("@number>=N") != std::string::npos);
  CHECK(error_of("@number>=").find("@number>=N") != std::string::npos);
}

TEST_CASE("hyphenated literals follow word segmentation") {
  CHECK(matches("e-mail", "stuur een e-mail"));
}


TEST_CASE("word classes stand for their words, inside alternatives too") {
  lemmas().set_word_classes({{"network", {"vriend*", "zus", "<begrijpen>"}}});
  CHECK(matches("%network helpen", "kan je vriendin helpen"));
  CHECK(matches("mijn %network|oma", "mijn oma"));
  CHECK(matches("%network", "ik begreep het"));
  CHECK_FALSE(matches("%network", "mijn buurman"));
  rules::PatternError e;
  CHECK_FALSE(rules::compile_patterns("%nobody", lemmas(), e));
  CHECK(e.message == "unknown word class '%nobody' (classes are listed in the locale's lexicon.json)");
}

TEST_CASE("phrase groups and hyphenated alternatives expand to several patterns") {
  CHECK(matches("{make sense|help you} ?", "does that help you?"));
  CHECK(matches("{make sense|help you} ?", "does that make sense?"));
  CHECK_FALSE(matches("{make sense|help you} ?", "does that make you?"));
  CHECK(matches("walk-in|drop-in centre", "try the drop-in centre"));
  CHECK(matches("right|correct?", "is that correct?"));
}

TEST_CASE("bare alternatives next to a phrase group join it") {
  CHECK(matches("als ik iets mis|vergeet|{over het hoofd zie}", "als ik iets over het hoofd zie"));
  CHECK(matches("als ik iets mis|vergeet|{over het hoofd zie}", "als ik iets vergeet"));
  CHECK(matches("{make sense|help}|fit ?", "does that fit?"));
  CHECK(matches("{make sense|help}|fit ?", "does that make sense?"));
  CHECK_FALSE(matches("als ik iets mis|vergeet|{over het hoofd zie}", "als ik iets over zie"));
  rules::PatternError e;
  CHECK_FALSE(rules::compile_patterns("(a|{b c})", lemmas(), e));
  CHECK(e.message.find("cannot stand inside ( )") != std::string::npos);
}

TEST_CASE("an optional element of several words is an optional phrase") {
  CHECK(matches("wil verdwijnen (voor altijd|voorgoed) $", "ik wil verdwijnen voor altijd"));
  CHECK(matches("wil verdwijnen (voor altijd|voorgoed) $", "ik wil verdwijnen"));
  CHECK(matches("wil verdwijnen (voor altijd|voorgoed) $", "ik wil verdwijnen voorgoed"));
  CHECK_FALSE(matches("wil verdwijnen (voor altijd|voorgoed) $", "ik wil verdwijnen voor"));
}

TEST_CASE("pattern errors say what is wrong and where") {
  CHECK(error_of("") == "empty pattern");
  CHECK(error_of("~3 dat") == "a pattern cannot start or end with a gap");
  CHECK(error_of("klopt ^") == "'^' must come first");
  CHECK(error_of("@telefoon").find("unknown token class") != std::string::npos);
  CHECK(error_of("a ~99 b").find("~1 to ~20") != std::string::npos);
  CHECK(error_of("<>").find("lemma") != std::string::npos);
  CHECK(error_of("(x)").find("optional") != std::string::npos);
  CHECK(error_of("(and|so x").find("unbalanced parentheses") != std::string::npos);
  CHECK(error_of("klopt :").find("never matches a word") != std::string::npos);
  rules::PatternError g;
  CHECK_FALSE(rules::compile_patterns("{a b|c", lemmas(), g));
  CHECK(g.message.find("unbalanced '{'") != std::string::npos);
  rules::PatternError e;
  rules::compile_pattern("klopt @foo", lemmas(), e);
  CHECK(e.column == 7);
}
