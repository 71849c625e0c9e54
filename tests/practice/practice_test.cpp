// Practice mode: scenario files, branching clients, every shipped scenario, the crisis nudge.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <coach/practice/session.hpp>
#include <coach/transcript.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using namespace coach;
using namespace coach::practice;

namespace {

std::shared_ptr<const Engine> engine(const std::string& locale) {
  static std::map<std::string, std::shared_ptr<const Engine>> cache;
  auto& e = cache[locale];
  if (!e) {
    EngineOptions o;
    o.locale = locale;
    e = Engine::create(o);
  }
  return e;
}

std::vector<std::string> problems(const std::string& text) {
  try {
    parse_scenario(text, "s.json");
  } catch (const ScenarioError& e) {
    return e.problems();
  }
  return {};
}

const char* kMinimal = R"({
  "id": "t", "locale": "nl", "title": "T", "topic": "schulden", "brief": "B",
  "opening": ["hoi"],
  "states": {
    "start": {"replies": ["ja"], "transitions": [{"when": {"any": ["closing"]}, "to": "end"}]},
    "end": {"replies": ["doei"], "ending": "good"}
  }
})";

bool has_nudge(const Report& r, const std::string& id) {
  return std::any_of(r.nudges.begin(), r.nudges.end(), [&](const Nudge& n) { return n.id == id; });
}

std::string scenario_path(const std::string& id) { return std::string(COACH_SCENARIOS_SOURCE_DIR) + "/" + id + ".json"; }

// A trainee who explores, checks the interpretation, asks about the network and for feedback.
const std::vector<std::string> kGoodNl = {
    "Wat naar dat je hiermee zit. Kun je daar wat meer over vertellen?",
    "Wat maakt het nu zo zwaar voor je? Vertel eens wat meer.",
    "Als ik het goed begrijp loopt het je allemaal boven het hoofd en weet je niet waar je moet beginnen. Klopt dat?",
    "Is er iemand in je omgeving, familie of vrienden, die je hierbij zou kunnen helpen?",
    "Heb je hier iets aan, aan dit gesprek?",
    "Bedankt voor het gesprek, succes en fijne avond!"};
const std::vector<std::string> kGoodEn = {
    "That sounds really hard. Could you tell me a bit more about what's going on?",
    "How are you feeling about all of this?",
    "So if I understand you correctly, it all feels like too much and you don't know where to start. Is that right?",
    "Is there anyone around you, family or friends, who could help you with this?",
    "Is this chat helpful for you so far?",
    "Thank you for chatting with me, take care and goodbye!"};

}  // namespace

TEST_CASE("a minimal scenario loads") {
  const Scenario s = parse_scenario(kMinimal, "s.json");
  CHECK(s.id == "t");
  CHECK(s.start == "start");
  CHECK(s.states.size() == 2);
  CHECK(s.max_turns == 12);
  CHECK(s.channel == Channel::chat);
}

TEST_CASE("validation errors name file, line, column and what is wrong") {
  SUBCASE("unknown key at top level and in a state") {
    std::string t = kMinimal;
    t.replace(t.find("\"title\""), 7, "\"titel\"");
    t.replace(t.find("\"ending\""), 8, "\"einde\"");
    CHECK(problems(t) == std::vector<std::string>{
                             "s.json:2:39: error: unknown key 'titel' (allowed: id, locale, title, topic, channel, brief, seed, max_turns, opening, start, out_of_time, anywhere, states, note)",
                             "s.json:1:1: error: missing required key 'title'",
                             "s.json:6:43: error: state end: unknown key 'einde' (allowed: replies, transitions, fallback, ending, note)",
                             "s.json:4:13: error: no ending state can be reached: give some state an 'ending'"});
  }
  SUBCASE("a transition to a missing state") {
    std::string t = kMinimal;
    t.replace(t.find("\"to\": \"end\""), 11, "\"to\": \"edn\"");
    CHECK(problems(t) == std::vector<std::string>{
                             "s.json:5:87: error: state start: no state 'edn' (states: end, start)",
                             "s.json:6:12: error: state end: cannot be reached from 'start'",
                             "s.json:4:13: error: no ending state can be reached: give some state an 'ending'"});
  }
  SUBCASE("an unknown practice id") {
    std::string t = kMinimal;
    t.replace(t.find("\"closing\""), 9, "\"verify\"");
    CHECK(problems(t) == std::vector<std::string>{
                             "s.json:5:68: error: state start: unknown practice 'verify' in 'any' (a practice id of CONTRACT.md or a signal: closing, greeting, isolation, listening_only)"});
  }
  SUBCASE("bad values") {
    std::string t = kMinimal;
    t.replace(t.find("\"locale\": \"nl\""), 14, "\"locale\": \"fr\", \"max_turns\": 0");
    t.replace(t.find("\"good\""), 6, "\"great\"");
    CHECK(problems(t) == std::vector<std::string>{
                             "s.json:2:24: error: 'locale' must be one of [nl, en], not 'fr'",
                             "s.json:2:43: error: 'max_turns' must be a whole number from 1 to 200",
                             "s.json:6:44: error: state end: 'ending' must be one of [good, neutral, poor], not 'great'",
                             "s.json:4:13: error: no ending state can be reached: give some state an 'ending'"});
  }
  SUBCASE("invalid JSON") {
    const auto p = problems("{\n  \"id\": \"x\",\n}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("s.json:3:1: error: invalid JSON: ", 0) == 0);
  }
  SUBCASE("a missing file") {
    CHECK(check_scenario("/nonexistent/x.json") == std::vector<std::string>{"/nonexistent/x.json: error: cannot open file"});
  }
}

TEST_CASE("a trainee who explores, verifies, asks about the network and for feedback reaches the good ending") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-schulden")));
  CHECK(s.messages().size() >= 1);
  std::vector<std::string> states;
  for (const auto& line : kGoodNl) {
    if (s.finished()) break;
    const TurnResult r = s.reply(line);
    CHECK(!r.replies.empty());
    states.push_back(r.to_state);
  }
  CHECK(states[0] == "explore");
  CHECK(states[1] == "explore_more");
  CHECK(states[2] == "confirm");
  CHECK(states[3] == "network");
  CHECK(states[4] == "feedback_good");
  CHECK(s.finished());
  const PracticeSummary sum = s.summary();
  CHECK(sum.ending == "good");
  CHECK(sum.trainee_turns == 5);
  const auto done = [&](const std::string& p) {
    for (const auto& c : sum.checklist) if (c.practice == p) return c.done;
    return false;
  };
  CHECK(done("verify_interpretation"));
  CHECK(done("mobilise_network"));
  CHECK(done("ask_feedback"));
  CHECK_THROWS_AS(s.reply("nog iets"), Error);
}

TEST_CASE("advice straight away meets resistance, twice ends the conversation") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-schulden")));
  TurnResult r = s.reply("Je zou naar de schuldhulpverlening van de gemeente kunnen gaan.");
  CHECK(r.to_state == "resist");
  REQUIRE(!r.replies.empty());
  CHECK(r.replies[0].find("geprobeerd") != std::string::npos);
  CHECK(!r.note.empty());
  r = s.reply("Mijn advies is om een afspraak te maken bij de gemeente.");
  CHECK(r.to_state == "end_poor");
  CHECK(r.finished);
  CHECK(s.summary().ending == "poor");
}

TEST_CASE("verifying before exploring gets a correction, network then a concrete step") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-schulden")));
  CHECK(s.reply("Begrijp ik het goed dat je vooral bang bent voor de deurwaarder?").to_state == "correct");
  CHECK(s.reply("Is er iemand in je omgeving die je zou kunnen helpen?").to_state == "network");
  CHECK(s.reply("Wat zou je zus concreet kunnen doen, zou ze mee kunnen gaan?").to_state == "network_practical");
  CHECK(s.reply("Wat zou een eerste kleine stap kunnen zijn?").to_state == "goal");
  CHECK(s.reply("ok").fallback);
}

TEST_CASE("replies are reproducible for a seed and vary with it") {
  const Scenario sc = load_scenario(scenario_path("nl-schulden"));
  auto play = [&](std::uint64_t seed) {
    PracticeOptions o;
    o.seed = seed;
    PracticeSession s(engine("nl"), sc, o);
    for (int i = 0; i < 4 && !s.finished(); ++i) s.reply("ok");
    return s.chat_transcript();
  };
  CHECK(play(3) == play(3));
  bool differs = false;
  for (std::uint64_t seed = 4; seed < 12 && !differs; ++seed) differs = play(seed) != play(3);
  CHECK(differs);
}

TEST_CASE("max turns ends the conversation") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-schulden")));
  TurnResult r;
  for (int i = 0; i < 100 && !s.finished(); ++i) r = s.reply("ok");
  CHECK(s.finished());
  CHECK(r.ending == "out_of_time");
  CHECK(s.turn() == s.scenario().max_turns);
}

TEST_CASE("every shipped scenario loads and a scripted trainee plays it to an end") {
  const auto files = scenario_files(COACH_SCENARIOS_SOURCE_DIR);
  int nl = 0, en = 0;
  for (const auto& file : files) {
    CAPTURE(file);
    const Scenario sc = load_scenario(file);
    (sc.locale == "nl" ? nl : en) += 1;
    PracticeSession s(engine(sc.locale), sc);
    for (const auto& line : sc.locale == "nl" ? kGoodNl : kGoodEn)
      if (!s.finished()) s.reply(line);
    CHECK(s.finished());
    const bool crisis = sc.topic == "crisis";
    if (!crisis) CHECK(s.summary().ending == "good");
    // Only the crisis scenario's client speaks crisis language.
    const auto& msgs = s.messages();
    const bool any_crisis = std::any_of(msgs.begin(), msgs.end(), [&](const Message& m) {
      if (m.role != Role::client) return false;
      const auto l = s.scenario().locale == "nl" ? engine("nl")->label(m) : engine("en")->label(m);
      return std::binary_search(l.practices.begin(), l.practices.end(), std::string("crisis_risk"));
    });
    CHECK(any_crisis == crisis);
  }
  CHECK(nl >= 6);
  CHECK(en >= 2);
}

TEST_CASE("the crisis scenario raises the crisis nudge and rewards a referral") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-crisis")));
  CHECK(has_nudge(s.report(), "crisis"));
  CHECK(s.report().nudges.front().id == "crisis");
  s.reply("Wat fijn dat je het toch vertelt. Kun je daar wat meer over vertellen?");
  s.reply("Als ik het goed begrijp denk je soms dat het beter is als je er niet meer bent. Klopt dat?");
  s.reply("Is er iemand in je omgeving die je kunt vertrouwen, familie of een vriendin?");
  s.reply("Je kunt ook nu meteen chatten met 113online.nl of bellen naar 0800-0113.");
  s.reply("Heb je hier iets aan?");
  if (!s.finished()) s.reply("Bedankt voor het gesprek, fijne avond.");
  CHECK(s.finished());
  CHECK(s.summary().ending == "good");
}

TEST_CASE("preview shows the coach's nudges for a draft without sending it") {
  PracticeSession s(engine("nl"), load_scenario(scenario_path("nl-schulden")));
  const auto before = s.messages().size();
  const Report r = s.preview("Je zou naar de schuldhulpverlening kunnen gaan.");
  CHECK(has_nudge(r, "explore_before_advice"));
  CHECK(s.messages().size() == before);
  CHECK(!has_nudge(s.report(), "explore_before_advice"));
}

TEST_CASE("the chat transcript is in the study's format") {
  PracticeSession s(engine("en"), load_scenario(scenario_path("en-housing")));
  s.reply("Could you tell me a bit more about what's going on?");
  const std::string t = s.chat_transcript();
  CHECK(t.rfind("Client (19:00): ", 0) == 0);
  CHECK(t.find("\nCounsellor (") != std::string::npos);
  std::vector<TranscriptProblem> problems;
  CHECK(parse_transcript(t, problems).size() == s.messages().size());
  CHECK(problems.empty());
  CHECK(s.transcript_json().size() == s.messages().size());
}

TEST_CASE("a scenario in another locale than the engine is refused") {
  CHECK_THROWS_AS(PracticeSession(engine("en"), load_scenario(scenario_path("nl-schulden"))), Error);
}
