// Rule files: diagnostics name file, line, column and rule.
#include <coach/rule_tools.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace coach;

namespace {
std::vector<std::string> problems_of(const std::string& json) {
  const auto dir = std::filesystem::temp_directory_path() / "coach-rules-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "bad.json";
  std::ofstream(file) << json;
  EngineOptions o;
  o.locale = "nl";
  return check_rules(o, file.string()).problems;
}
}  // namespace

TEST_CASE("invalid JSON is reported at its line and column") {
  const auto p = problems_of("{\n  \"rules\": [\n    {\"id\": \"X\",,}\n  ]\n}");
  REQUIRE(p.size() == 1);
  CHECK(p[0].find("bad.json:3:16: error: invalid JSON: syntax error while parsing object key") != std::string::npos);
}

TEST_CASE("unknown keys, bad enums and bad patterns name the rule and place") {
  const auto p = problems_of(R"({"rules": [
  {"id": "R1", "kind": "detect", "practice": "verify_interpretation", "role": "therapist",
   "patterns": ["klopt ~0 dat"], "examples": {"match": ["klopt dat"], "no_match": ["nee"]}, "colour": "red"}
]})");
  REQUIRE(p.size() == 3);
  std::string all;
  for (const auto& s : p) all += s + "\n";
  CHECK(all.find("bad.json:2:79: error: rule R1: 'role' must be one of [counsellor, client, any], not 'therapist'") != std::string::npos);
  // The column points at the offending element inside the pattern string.
  CHECK(all.find("bad.json:3:24: error: rule R1: pattern \"klopt ~0 dat\": gap '~0' must be ~1 to ~20") != std::string::npos);
  CHECK(all.find("bad.json:3:103: error: rule R1: unknown key 'colour' (allowed: id, kind,") != std::string::npos);
}

TEST_CASE("missing examples, unknown practices and duplicate ids are errors") {
  const auto p = problems_of(R"({"rules": [
  {"id": "R1", "kind": "detect", "practice": "hug", "patterns": ["x"]},
  {"id": "R1", "kind": "detect", "practice": "advice", "patterns": ["x"], "examples": {"match": ["x"], "no_match": ["y"]}}
]})");
  bool unknown = false, examples = false, duplicate = false;
  for (const auto& s : p) {
    unknown |= s.find("unknown practice 'hug'") != std::string::npos;
    examples |= s.find("missing 'examples'") != std::string::npos;
    duplicate |= s.find("duplicate rule id") != std::string::npos;
  }
  CHECK(unknown);
  CHECK(examples);
  CHECK(duplicate);
}

TEST_CASE("nudge rules check severity, conditions and texts") {
  const auto p = problems_of(R"({"rules": [
  {"id": "N1", "kind": "nudge", "nudge": "verify_interpretation", "severity": "loud",
   "when": {"lacks": ["verify_interpretation"], "sometimes": true},
   "text": {"nl": {"title": "t", "message": "m"}}, "examples": {"fire": [{"draft": "x"}], "quiet": [{"draft": "y"}]}}
]})");
  std::string all;
  for (const auto& s : p) all += s + "\n";
  CHECK(all.find("'severity' must be one of [info, suggest, warn, urgent], not 'loud'") != std::string::npos);
  CHECK(all.find("unknown key 'sometimes'") != std::string::npos);
  CHECK(all.find("missing required key 'why'") != std::string::npos);
}

TEST_CASE("a missing rules folder and an unknown locale are clear errors") {
  EngineOptions o;
  o.locale = "nl";
  o.rules_dir = "/nonexistent/rules";
  CHECK_THROWS_WITH_AS(Engine::create(o), doctest::Contains("/nonexistent/rules: error: no such file or folder"), Error);
  EngineOptions f;
  f.locale = "fr";
  try {
    Engine::create(f);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Error::Code::locale);
    CHECK(std::string(e.what()).find("unknown locale 'fr' (available: en, nl") != std::string::npos);
  }
}

TEST_CASE("a missing dictionary is a clear error") {
  EngineOptions o;
  o.locale = "nl";
  o.dict_dir = "/nonexistent/hunspell";
  try {
    Engine::create(o);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Error::Code::dictionary);
    CHECK(std::string(e.what()).find("/nonexistent/hunspell/nl_NL.aff") != std::string::npos);
  }
}

TEST_CASE("the test rule set passes its own examples") {
  EngineOptions o;
  o.locale = "nl";
  const auto r = test_rules(o, std::string(COACH_TEST_DATA_DIR) + "/rules");
  for (const auto& p : r.problems) MESSAGE(p);
  CHECK(r.failures == 0);
  CHECK(r.examples >= 30);
}

TEST_CASE("regex rules match with a time limit and bad regexes name their column") {
  const auto dir = std::filesystem::temp_directory_path() / "coach-regex-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "r.json") << R"({"rules": [
  {"id": "RX", "kind": "detect", "practice": "online_referral", "regex": ["\\b0800-?\\d{4}\\b"],
   "examples": {"match": ["Bel **0800-0113** gratis."], "no_match": ["Bel 020-1234567."]}},
  {"id": "RX_SLOW", "kind": "detect", "practice": "advice", "regex": ["^(a+)+$"],
   "examples": {"match": ["aaaa"], "no_match": ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"]}}
]})";
  EngineOptions o;
  o.locale = "nl";
  const auto r = test_rules(o, (dir / "r.json").string());
  for (const auto& p : r.problems) MESSAGE(p);
  CHECK(r.failures == 0);  // the catastrophic regex times out instead of hanging
  std::ofstream(dir / "bad.json") << R"({"rules": [
  {"id": "RB", "kind": "detect", "practice": "advice", "regex": ["ab(c"], "examples": {"match": ["abc"], "no_match": ["x"]}}
]})";
  const auto bad = check_rules(o, (dir / "bad.json").string()).problems;
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].find("rule RB: regex \"ab(c\": U_REGEX_MISMATCHED_PAREN") != std::string::npos);
}

TEST_CASE("context rules apply only where the conversation says so") {
  const auto dir = std::filesystem::temp_directory_path() / "coach-context-test";
  std::filesystem::create_directories(dir / "nl");
  std::ofstream(dir / "nl" / "c.json") << R"({"rules": [
  {"id": "C_OPEN", "kind": "detect", "practice": "summarise", "patterns": ["je schrijft"], "context": {"position": "opening"},
   "examples": {"match": ["**Je schrijft** dat het zwaar is."], "no_match": ["Ik schrijf."]}},
  {"id": "C_ISO", "kind": "detect", "practice": "emotion_check", "patterns": ["alleen"], "context": {"after_client": ["isolation"]},
   "examples": {"match": ["Voel je je **alleen**?"], "no_match": ["Samen."]}},
  {"id": "C_ISOLATION", "kind": "detect", "practice": "isolation", "role": "client", "patterns": ["niemand"],
   "examples": {"match": ["Ik heb **niemand**."], "no_match": ["Ik heb iemand."]}}
]})";
  EngineOptions o;
  o.locale = "nl";
  o.rules_dir = dir.string();
  const auto engine = Engine::create(o);
  CHECK(engine->label({"", Role::counsellor, Channel::chat, "Je schrijft dat het zwaar is.", ""}).practices.empty());
  Session s(engine, Channel::chat);
  s.add_message({"", Role::client, Channel::chat, "Ik heb niemand.", ""});
  s.set_draft("Je schrijft dat je je alleen voelt.");
  CHECK(s.draft_labels().practices == std::vector<std::string>{"emotion_check", "summarise"});
  s.add_message({"", Role::counsellor, Channel::chat, "Hoi.", ""});
  s.add_message({"", Role::client, Channel::chat, "Ja.", ""});
  s.set_draft("Je schrijft dat je je alleen voelt.");
  CHECK(s.draft_labels().practices.empty());
}
