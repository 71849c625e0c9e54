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
