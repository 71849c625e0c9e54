// Sessions: checklist, nudge policy, incremental drafts, dismiss, snooze, cooldown.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>

using namespace coach;
using coach::test::client;
using coach::test::counsellor;

namespace {
std::vector<std::string> ids(const Session& s) {
  std::vector<std::string> out;
  for (const auto& n : s.report().nudges) out.push_back(n.id);
  return out;
}
bool has(const Session& s, const std::string& id) {
  const auto v = ids(s);
  return std::find(v.begin(), v.end(), id) != v.end();
}
// Every match of the draft: rule and byte range.
std::vector<std::tuple<std::string, std::size_t, std::size_t>> spans(const Session& s) {
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> out;
  for (const Match& m : s.draft_labels().matches) out.emplace_back(m.rule_id, m.begin, m.end);
  std::sort(out.begin(), out.end());
  return out;
}
const char* kLongStory = "ik heb al maanden schulden en de deurwaarder komt steeds langs en ik slaap er slecht van";
}  // namespace

TEST_CASE("no nudges at the very start") {
  Session s(test::test_engine(), Channel::chat);
  CHECK(ids(s).empty());
  s.set_draft("Hoi, welkom in de chat.");
  CHECK(ids(s).empty());
}

TEST_CASE("advice after a long client story without a check asks to verify; the draft can satisfy it") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client(kLongStory));
  s.set_draft("Je zou kunnen bellen.");
  CHECK(has(s, "verify_interpretation"));
  s.set_draft("Je zou kunnen bellen. Begrijp ik het goed dat je bang bent?");
  CHECK_FALSE(has(s, "verify_interpretation"));
  const auto checklist = s.report().checklist;
  CHECK(checklist[0].practice == "verify_interpretation");
  CHECK(checklist[0].done);
}

TEST_CASE("a face-to-face referral asks for an online option naming a topic-matched resource") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client("ik heb schulden en de deurwaarder komt"));
  s.set_draft("Ga naar schuldhulpverlening.");
  const auto r = s.report();
  const auto it = std::find_if(r.nudges.begin(), r.nudges.end(), [](const Nudge& n) { return n.id == "online_referral"; });
  REQUIRE(it != r.nudges.end());
  const bool names_money_site = it->message.find("nibud.nl") != std::string::npos ||
                                it->message.find("zelfjeschuldenregelen") != std::string::npos;
  CHECK(names_money_site);
}

TEST_CASE("the online option fits the strongest topic, not the resource listing the most topics") {
  // Loneliness twice; anxiety, relationship and sexuality once each. MIND Korrelatie lists the
  // last three, De Luisterlijn loneliness: the strongest topic wins, not the widest resource.
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client("ik voel me de laatste tijd heel erg eenzaam."));
  s.add_message(client("in het weekend praat ik soms dagen met niemand."));
  s.add_message(client("ik ben vaak bang."));
  s.add_message(client("mijn relatie is net over."));
  s.add_message(client("en over seks durf ik het niet te hebben."));
  s.set_draft("Maak een afspraak bij het maatschappelijk werk.");
  const auto r = s.report();
  const auto it = std::find_if(r.nudges.begin(), r.nudges.end(), [](const Nudge& n) { return n.id == "online_referral"; });
  REQUIRE(it != r.nudges.end());
  CHECK(it->message.find("deluisterlijn.nl") != std::string::npos);
}

TEST_CASE("crisis comes first, cannot be snoozed, and a dismissal only acknowledges it") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client(kLongStory));
  s.add_message(client("soms denk ik ik wil dood"));
  s.set_draft("Je zou kunnen bellen.");
  auto r = s.report();
  REQUIRE(r.nudges.size() >= 2);
  CHECK(r.nudges[0].id == "crisis");
  CHECK(r.nudges[0].severity == Severity::urgent);
  CHECK(r.nudges[0].message.find("113") != std::string::npos);
  CHECK_THROWS_AS(s.snooze("crisis", 3), Error);
  s.dismiss("crisis");
  r = s.report();
  CHECK(r.nudges[0].id == "crisis");
  CHECK(r.nudges[0].acknowledged);
  s.add_message(client("ik wil dood echt"));
  CHECK_FALSE(s.report().nudges[0].acknowledged);
}

TEST_CASE("idioms do not trigger crisis") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client("ik ga dood van de zenuwen voor mijn examen, ik wil dood van de zenuwen"));
  CHECK_FALSE(has(s, "crisis"));
}

TEST_CASE("dismiss hides a nudge for the conversation; unknown ids are errors") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client(kLongStory));
  s.set_draft("Je zou kunnen bellen.");
  REQUIRE(has(s, "verify_interpretation"));
  s.dismiss("verify_interpretation");
  CHECK_FALSE(has(s, "verify_interpretation"));
  CHECK_THROWS_WITH_AS(s.dismiss("hug_the_client"), "unknown nudge \"hug_the_client\"", Error);
}

TEST_CASE("snooze hides a nudge for N counsellor turns") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client(kLongStory));
  s.snooze("verify_interpretation", 1);
  s.set_draft("Je zou kunnen bellen.");
  CHECK_FALSE(has(s, "verify_interpretation"));
  s.add_message(counsellor("Hoi."));
  s.set_draft("Je zou kunnen bellen.");
  CHECK(has(s, "verify_interpretation"));
}

TEST_CASE("a nudge ignored when sending rests for its cooldown") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client(kLongStory));
  s.set_draft("Je zou kunnen bellen.");
  REQUIRE(has(s, "verify_interpretation"));
  s.add_message(counsellor("Je zou kunnen bellen."));  // sent without checking
  s.set_draft("Je zou kunnen mailen.");
  CHECK_FALSE(has(s, "verify_interpretation"));  // cooldown 2 turns
  s.add_message(counsellor("Hmm."));
  s.add_message(counsellor("Ok."));
  s.set_draft("Je zou kunnen mailen.");
  CHECK(has(s, "verify_interpretation"));
}

TEST_CASE("isolation asks for the network; goal after repeated advice; feedback at closing") {
  Session s(test::test_engine(), Channel::chat);
  s.add_message(client("ik heb niemand"));
  s.add_message(counsellor("Wat naar."));
  s.set_draft("Vertel eens.");
  CHECK(has(s, "mobilise_network"));
  s.set_draft("Kun je met je vrienden praten?");
  CHECK_FALSE(has(s, "mobilise_network"));
  s.add_message(counsellor("Je zou kunnen sporten."));
  s.set_draft("Mijn advies is wandelen.");
  CHECK(has(s, "set_goal"));
  s.set_draft("Fijne avond!");
  CHECK(has(s, "ask_feedback"));
}

TEST_CASE("incremental edits give the same analysis as the whole draft") {
  const std::string target =
      "Hoi NAAM. Je zou kunnen bellen met schuldhulpverlening. Begrijp ik het goed dat je bang bent? "
      "Kijk ook op www.nibud.nl … Heb je hier iets aan? Fijne avond!";
  Session typed(test::test_engine(), Channel::chat);
  typed.add_message(client(kLongStory));
  std::mt19937 random(7);
  std::string draft;
  for (std::size_t i = 0; i < target.size();) {
    std::size_t len = 1;
    while (i + len < target.size() && (static_cast<unsigned char>(target[i + len]) & 0xC0) == 0x80) ++len;
    typed.edit_draft(draft.size(), draft.size(), target.substr(i, len));
    draft += target.substr(i, len);
    i += len;
    if (random() % 9 == 0 && draft.back() != ' ' && static_cast<unsigned char>(draft.back()) < 0x80) {
      typed.edit_draft(draft.size() - 1, draft.size(), "");  // a backspace, then the same key again
      typed.edit_draft(draft.size() - 1, draft.size() - 1, draft.substr(draft.size() - 1));
    }
  }
  CHECK(typed.draft() == target);
  // Edits in the middle: delete a sentence end and restore it.
  const std::size_t dot = target.find(". Je");
  typed.edit_draft(dot, dot + 1, "");
  typed.edit_draft(dot, dot, ".");
  Session whole(test::test_engine(), Channel::chat);
  whole.add_message(client(kLongStory));
  whole.set_draft(target);
  CHECK(typed.draft_labels().practices == whole.draft_labels().practices);
  CHECK(ids(typed) == ids(whole));
  CHECK(spans(typed) == spans(whole));
}

TEST_CASE("edits anywhere in a draft keep every match where a fresh analysis puts it") {
  const std::string text =
      "Hoi NAAM. Je zou kunnen bellen met schuldhulpverlening. Begrijp ik het goed dat je bang bent? "
      "Kijk ook op www.nibud.nl … Heb je hier iets aan? Fijne avond!";
  const std::vector<std::string> inserts = {"", "x", ". ", " en ", "? Klopt dat", "\n", "Je vriendin helpt. "};
  std::mt19937 random(3);
  Session typed(test::test_engine(), Channel::chat);
  typed.set_draft(text);
  for (int i = 0; i < 200; ++i) {
    const std::string& draft = typed.draft();
    std::size_t a = random() % (draft.size() + 1), b = std::min(draft.size(), a + random() % 12);
    while (a > 0 && (static_cast<unsigned char>(draft[a]) & 0xC0) == 0x80) --a;
    while (b < draft.size() && (static_cast<unsigned char>(draft[b]) & 0xC0) == 0x80) ++b;
    typed.edit_draft(a, b, inserts[random() % inserts.size()]);
    Session whole(test::test_engine(), Channel::chat);
    whole.set_draft(typed.draft());
    CAPTURE(typed.draft());
    REQUIRE(spans(typed) == spans(whole));
    REQUIRE(typed.draft_labels().practices == whole.draft_labels().practices);
  }
}

TEST_CASE("bad edits are errors, never crashes") {
  Session s(test::test_engine(), Channel::chat);
  s.set_draft("héllo");
  CHECK_THROWS_AS(s.edit_draft(2, 1, "x"), Error);
  CHECK_THROWS_AS(s.edit_draft(0, 99, "x"), Error);
  CHECK_THROWS_AS(s.edit_draft(2, 2, "x"), Error);  // inside "é"
  CHECK_THROWS_AS(s.edit_draft(0, 0, "\xFF"), Error);
  CHECK_THROWS_AS(s.set_draft("\xC3"), Error);
  CHECK(s.draft() == "héllo");
}

TEST_CASE("huge and empty messages are handled") {
  Session s(test::test_engine(), Channel::email);
  std::string huge;
  while (huge.size() < 1000000) huge += "Ik heb niemand en ik weet het niet meer. ";
  s.add_message(client(huge));
  s.add_message(client(""));
  s.set_draft("");
  CHECK(s.message_count() == 2);
  CHECK(s.report().checklist.size() == 5);
}

TEST_CASE("spelling help finds unknown words, skips names and capitals, suggests on demand") {
  const auto engine = test::test_engine();
  const std::string text = "Ik begrjip dat het moeilik is voor NAAM en Jansen. Kijk op www.nibud.nl";
  const auto issues = engine->spelling(text);
  std::vector<std::string> words;
  for (const auto& i : issues) words.push_back(text.substr(i.begin, i.end - i.begin));
  CHECK(words == std::vector<std::string>{"begrjip", "moeilik"});
  const auto s = engine->suggestions("begrjip");
  CHECK(std::find(s.begin(), s.end(), "begrijp") != s.end());
}
