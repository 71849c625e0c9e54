// The C API of coach.h: normal use, JSON payloads, incremental drafts, misuse, threads.
#include <coach.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

using nlohmann::json;

namespace {

// Ownership helpers so that a failed CHECK never leaks.
struct EngineFree {
  void operator()(coach_engine* e) const { coach_engine_free(e); }
};
struct SessionFree {
  void operator()(coach_session* s) const { coach_session_free(s); }
};
using EnginePtr = std::unique_ptr<coach_engine, EngineFree>;
using SessionPtr = std::unique_ptr<coach_session, SessionFree>;

// One engine with the default options for the whole test run (loading is the slow part).
coach_engine* shared_engine() {
  static EnginePtr engine = [] {
    EnginePtr e(coach_engine_new(nullptr));
    if (!e) FAIL("coach_engine_new: " << coach_last_error());
    return e;
  }();
  return engine.get();
}

SessionPtr new_session(coach_channel channel = COACH_CHANNEL_CHAT) {
  SessionPtr s(coach_session_new(shared_engine(), channel));
  REQUIRE_MESSAGE(s, coach_last_error());
  return s;
}

std::string take(char* text) {
  std::string out = text ? text : "";
  coach_string_free(text);
  return out;
}

json report(coach_session* s) {
  char* out = nullptr;
  const coach_status st = coach_session_report(s, &out);
  REQUIRE_MESSAGE(st == COACH_OK, coach_session_errmsg(s));
  REQUIRE(out != nullptr);
  return json::parse(take(out));
}

std::vector<std::string> nudge_ids(const json& r) {
  std::vector<std::string> ids;
  for (const auto& n : r.at("nudges")) ids.push_back(n.at("id").get<std::string>());
  return ids;
}

bool has_nudge(const json& r, const std::string& id) {
  for (const auto& n : r.at("nudges"))
    if (n.at("id") == id) return true;
  return false;
}

const json* find_nudge(const json& r, const std::string& id) {
  for (const auto& n : r.at("nudges"))
    if (n.at("id") == id) return &n;
  return nullptr;
}

coach_status set_draft(coach_session* s, const std::string& text) {
  return coach_session_set_draft(s, text.data(), text.size());
}

coach_status edit(coach_session* s, std::size_t start, std::size_t old_end, const char* text,
                  std::size_t length) {
  coach_edit e{start, old_end, text, length};
  return coach_session_edit_draft(s, &e);
}

coach_status edit(coach_session* s, std::size_t start, std::size_t old_end, const std::string& text) {
  return edit(s, start, old_end, text.data(), text.size());
}

std::string errmsg(coach_session* s) { return coach_session_errmsg(s); }

const char* const kDebtStory =
    "Ik heb sinds mijn scheiding steeds meer schulden. Eerst de energierekening, nu ook de huur "
    "en de zorgverzekering. Er komen elke week brieven van incassobureaus en ik durf ze niet "
    "meer open te maken. Ik slaap er slecht van.";
const char* const kCrisis =
    "Ik zie het niet meer zitten. Ik wil niet meer leven en denk erover om er een einde aan te "
    "maken.";

}  // namespace

TEST_SUITE("capi") {

TEST_CASE("version and status strings") {
  CHECK(std::string(coach_version()) == COACH_PROJECT_VERSION);
  CHECK(std::string(coach_version()) ==
        std::to_string(COACH_VERSION_MAJOR) + "." + std::to_string(COACH_VERSION_MINOR) + "." +
            std::to_string(COACH_VERSION_PATCH));
  CHECK(std::string(coach_status_string(COACH_OK)) == "ok");
  CHECK(std::string(coach_status_string(COACH_ERROR_INVALID_ARGUMENT)) == "invalid argument");
  CHECK(std::string(coach_status_string(COACH_ERROR_INVALID_UTF8)) == "invalid utf-8");
  CHECK(std::string(coach_status_string(COACH_ERROR_NO_MEMORY)) == "out of memory");
  for (coach_status st : {COACH_OK, COACH_ERROR_INVALID_ARGUMENT, COACH_ERROR_INVALID_UTF8,
                          COACH_ERROR_IO, COACH_ERROR_RULES, COACH_ERROR_LOCALE,
                          COACH_ERROR_DICTIONARY, COACH_ERROR_INTERNAL, COACH_ERROR_NO_MEMORY})
    CHECK(std::string(coach_status_string(st)) != "unknown status");
  // Values outside the enums can only be passed from C: see test_capi_c.c.
  coach_string_free(nullptr);  // allowed
}

TEST_CASE("a conversation gives a report in the contract's format") {
  SessionPtr s = new_session();
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_COUNSELLOR,
                                    "Hoi, welkom bij de chat. Waar wil je het over hebben?",
                                    "19:02") == COACH_OK);
  CHECK(coach_session_errcode(s.get()) == COACH_OK);
  CHECK(errmsg(s.get()) == "not an error");
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, kDebtStory, nullptr) == COACH_OK);
  REQUIRE(set_draft(s.get(), "Je moet naar de schuldhulpverlening van je gemeente gaan.") ==
          COACH_OK);

  const json r = report(s.get());
  REQUIRE(r.is_object());
  CHECK(r.size() == 5);
  REQUIRE(r.at("nudges").is_array());
  for (const auto& n : r.at("nudges")) {
    for (const char* key : {"id", "severity", "title", "message", "why", "rule"}) {
      INFO("key " << key);
      CHECK(n.at(key).is_string());
    }
    CHECK(n.at("acknowledged").is_boolean());
    const std::string sev = n.at("severity");
    CHECK((sev == "info" || sev == "suggest" || sev == "warn" || sev == "urgent"));
  }
  const json& checklist = r.at("checklist");
  REQUIRE(checklist.is_object());
  CHECK(checklist.size() == 5);
  for (const char* id : {"verify_interpretation", "set_goal", "ask_feedback", "mobilise_network",
                         "online_referral"}) {
    INFO("practice " << id);
    CHECK(checklist.at(id).is_boolean());
  }
  CHECK(r.at("phase").is_string());
  CHECK(r.at("phases").is_array());
  CHECK(r.at("topics").is_array());
  // The counsellor has not checked their understanding yet, and the draft does not either.
  CHECK(checklist.at("verify_interpretation") == false);
}

TEST_CASE("the checklist follows the draft") {
  SessionPtr s = new_session();
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, kDebtStory, nullptr) == COACH_OK);
  REQUIRE(set_draft(s.get(), "Begrijp ik het goed dat je vooral bang bent voor de brieven?") ==
          COACH_OK);
  CHECK(report(s.get()).at("checklist").at("verify_interpretation") == true);
  REQUIRE(set_draft(s.get(), "") == COACH_OK);
  CHECK(report(s.get()).at("checklist").at("verify_interpretation") == false);
}

TEST_CASE("a crisis is reported first, cannot be snoozed and stays when dismissed") {
  SessionPtr s = new_session();
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, kCrisis, "21:40") == COACH_OK);
  REQUIRE(set_draft(s.get(), "Wat vervelend voor je.") == COACH_OK);
  json r = report(s.get());
  REQUIRE_MESSAGE(!r.at("nudges").empty(), r.dump());
  CHECK(r.at("nudges")[0].at("id") == "crisis");
  CHECK(r.at("nudges")[0].at("severity") == "urgent");
  CHECK(r.at("nudges")[0].at("acknowledged") == false);

  // Snoozing the crisis is refused: it is never hidden silently.
  CHECK(coach_session_snooze(s.get(), "crisis", 3) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()).find("crisis") != std::string::npos);
  r = report(s.get());
  REQUIRE(has_nudge(r, "crisis"));

  // Dismissing it acknowledges it; it stays visible.
  REQUIRE(coach_session_dismiss(s.get(), "crisis") == COACH_OK);
  r = report(s.get());
  const json* crisis = find_nudge(r, "crisis");
  REQUIRE(crisis != nullptr);
  CHECK(crisis->at("acknowledged") == true);
  CHECK(r.at("nudges")[0].at("id") == "crisis");

  // Reset forgets the conversation.
  REQUIRE(coach_session_reset(s.get()) == COACH_OK);
  CHECK_FALSE(has_nudge(report(s.get()), "crisis"));
}

TEST_CASE("dismiss and snooze hide a nudge") {
  SessionPtr s = new_session();
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, kDebtStory, nullptr) == COACH_OK);
  REQUIRE(set_draft(s.get(), "Je moet naar de schuldhulpverlening gaan.") == COACH_OK);
  json r = report(s.get());
  std::vector<std::string> ids = nudge_ids(r);
  if (ids.empty()) {
    MESSAGE("no nudge for this draft; nothing to dismiss");
    return;
  }
  const std::string first = ids[0];
  REQUIRE(first != "crisis");
  REQUIRE(coach_session_snooze(s.get(), first.c_str(), 1) == COACH_OK);
  CHECK_FALSE(has_nudge(report(s.get()), first));
  REQUIRE(coach_session_dismiss(s.get(), first.c_str()) == COACH_OK);
  CHECK_FALSE(has_nudge(report(s.get()), first));
}

TEST_CASE("unknown nudge ids and bad snooze turns are errors") {
  SessionPtr s = new_session();
  CHECK(coach_session_dismiss(s.get(), "no_such_nudge") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_errcode(s.get()) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()).find("no_such_nudge") != std::string::npos);
  CHECK(coach_session_snooze(s.get(), "no_such_nudge", 2) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_dismiss(s.get(), "") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "empty nudge id");
  CHECK(coach_session_dismiss(s.get(), nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "null nudge id");
  CHECK(coach_session_dismiss(s.get(), "verify\xff") == COACH_ERROR_INVALID_UTF8);
  CHECK(coach_session_snooze(s.get(), "verify_interpretation", 0) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "snooze turns must be at least 1, not 0");
  CHECK(coach_session_snooze(s.get(), "verify_interpretation", -5) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_snooze(s.get(), "verify_interpretation", 2) == COACH_OK);
  CHECK(coach_session_errcode(s.get()) == COACH_OK);
  CHECK(errmsg(s.get()) == "not an error");
}

TEST_CASE("edits give the same result as setting the whole draft") {
  const std::string target =
      "Begrijp ik het goed dat je bang bent voor de brieven? Wat zou je willen bereiken? "
      "Heb je hier iets aan? Ik ben één keer naar de gemeente geweest.";
  SessionPtr typed = new_session();
  SessionPtr whole = new_session();
  for (coach_session* s : {typed.get(), whole.get()})
    REQUIRE(coach_session_add_message(s, COACH_ROLE_CLIENT, kDebtStory, nullptr) == COACH_OK);

  // Type it one UTF-8 character at a time, with a typo fixed along the way.
  std::size_t at = 0;
  while (at < target.size()) {
    std::size_t len = 1;
    while (at + len < target.size() && (static_cast<unsigned char>(target[at + len]) & 0xC0) == 0x80)
      ++len;
    REQUIRE_MESSAGE(edit(typed.get(), at, at, target.substr(at, len)) == COACH_OK,
                    errmsg(typed.get()));
    at += len;
    if (at == 20) {
      REQUIRE(edit(typed.get(), at, at, "xyz") == COACH_OK);
      REQUIRE(edit(typed.get(), at, at + 3, nullptr, 0) == COACH_OK);  // delete it again
    }
  }
  REQUIRE(set_draft(whole.get(), target) == COACH_OK);
  CHECK(report(typed.get()) == report(whole.get()));

  // Replace a word in the middle, around a multi-byte character.
  const std::size_t een = target.find("één");
  REQUIRE(edit(typed.get(), een, een + std::strlen("één"), "twee") == COACH_OK);
  std::string replaced = target;
  replaced.replace(een, std::strlen("één"), "twee");
  REQUIRE(set_draft(whole.get(), replaced) == COACH_OK);
  CHECK(report(typed.get()) == report(whole.get()));

  // A counsellor message clears the draft: edits start again from 0.
  REQUIRE(coach_session_add_message(typed.get(), COACH_ROLE_COUNSELLOR, replaced.c_str(),
                                    nullptr) == COACH_OK);
  CHECK(edit(typed.get(), 1, 1, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(edit(typed.get(), 0, 0, "x") == COACH_OK);
}

TEST_CASE("random edits, valid or not, never crash and keep the draft in step") {
  // A shadow copy of the draft receives exactly the edits the library accepts; at the end the
  // edited session must report the same as a session given the shadow as a whole.
  SessionPtr typed = new_session();
  SessionPtr whole = new_session();
  SessionPtr scratch = new_session();  // judges whether inserted text is valid UTF-8
  const std::vector<std::string> pieces = {"a", " ", "é", "€", "😀", "Klopt dat?", "\n",
                                           "\xC3", "\x80", "\xF0\x9F", "\xED\xA0\x80", "."};
  std::mt19937 rng(20150302);
  std::string shadow;
  int accepted = 0;
  for (int i = 0; i < 600; ++i) {
    const std::size_t n = shadow.size();
    std::size_t start = std::uniform_int_distribution<std::size_t>(0, n + 2)(rng);
    std::size_t end = std::uniform_int_distribution<std::size_t>(0, n + 2)(rng);
    if (i % 3 != 0 && start > end) std::swap(start, end);  // mostly ordered ranges
    std::string text;
    for (int k = std::uniform_int_distribution<int>(0, 3)(rng); k > 0; --k)
      text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];

    auto boundary = [&](std::size_t at) {
      return at == n || (at < n && (static_cast<unsigned char>(shadow[at]) & 0xC0) != 0x80);
    };
    const bool range_ok = start <= end && end <= n && boundary(start) && boundary(end);
    const bool text_ok = set_draft(scratch.get(), text) == COACH_OK;
    const coach_status st = edit(typed.get(), start, end, text);
    INFO("edit " << i << ": [" << start << ", " << end << ") of " << n << " bytes");
    if (range_ok && text_ok) {
      REQUIRE_MESSAGE(st == COACH_OK, errmsg(typed.get()));
      shadow.replace(start, end - start, text);
      ++accepted;
    } else {
      REQUIRE(st != COACH_OK);
      CHECK((st == COACH_ERROR_INVALID_ARGUMENT || st == COACH_ERROR_INVALID_UTF8));
    }
  }
  CHECK(accepted > 50);  // about one edit in eight is valid with this seed
  REQUIRE(set_draft(whole.get(), shadow) == COACH_OK);
  CHECK(report(typed.get()) == report(whole.get()));
}

TEST_CASE("bad edit ranges are refused and leave the draft alone") {
  SessionPtr s = new_session();
  const std::string draft = "hé daar";  // é is bytes 1..2
  REQUIRE(set_draft(s.get(), draft) == COACH_OK);

  CHECK(edit(s.get(), 5, 3, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "edit range [5, 3) is reversed");
  CHECK(edit(s.get(), 0, 99, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "edit end 99 is past the end of the draft (8 bytes)");
  CHECK(edit(s.get(), 9, 9, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(edit(s.get(), SIZE_MAX, SIZE_MAX, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(edit(s.get(), 2, 2, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "edit start 2 splits a utf-8 character");
  CHECK(edit(s.get(), 0, 2, "x") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "edit end 2 splits a utf-8 character");
  CHECK(edit(s.get(), 0, 0, "\xC3") == COACH_ERROR_INVALID_UTF8);
  CHECK(errmsg(s.get()) == "invalid utf-8 in edit text at byte 0");
  CHECK(edit(s.get(), 0, 0, nullptr, 3) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "null edit text with length 3");
  CHECK(coach_session_edit_draft(s.get(), nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "null edit");

  // Still "hé daar": 8 bytes, so an edit at the end works and one past it does not.
  CHECK(edit(s.get(), 8, 8, "!") == COACH_OK);
  CHECK(edit(s.get(), 10, 10, "!") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "edit end 10 is past the end of the draft (9 bytes)");
  // An edit may replace a whole multi-byte character.
  CHECK(edit(s.get(), 1, 3, "e") == COACH_OK);
  CHECK(edit(s.get(), 8, 8, "?") == COACH_OK);  // "he daar!?": 9 bytes
  CHECK(edit(s.get(), 10, 10, "?") == COACH_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("invalid UTF-8 is refused everywhere") {
  SessionPtr s = new_session();
  const char* const bad[] = {
      "\xC3\x28",          // bad continuation
      "ab\xE2\x82",        // truncated at the end
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xFF",              // never valid
      "\x80",              // lone continuation
  };
  for (const char* text : bad) {
    INFO("text bytes: " << json(std::string(text)).dump(-1, ' ', true, json::error_handler_t::replace));
    CHECK(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, text, nullptr) ==
          COACH_ERROR_INVALID_UTF8);
    CHECK(set_draft(s.get(), text) == COACH_ERROR_INVALID_UTF8);
    CHECK(coach_session_errcode(s.get()) == COACH_ERROR_INVALID_UTF8);
  }
  CHECK(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, "goed", "19:\xFF") ==
        COACH_ERROR_INVALID_UTF8);
  CHECK(errmsg(s.get()) == "invalid utf-8 in time at byte 3");
  CHECK(set_draft(s.get(), "ok \xC3\x28") == COACH_ERROR_INVALID_UTF8);
  CHECK(errmsg(s.get()) == "invalid utf-8 in draft at byte 3");
  // A length that cuts a character in two.
  CHECK(coach_session_set_draft(s.get(), "hé", 2) == COACH_ERROR_INVALID_UTF8);
  CHECK(coach_session_add_message_json(s.get(), "{\"role\":\"client\",\"text\":\"\xC3\x28\"}") ==
        COACH_ERROR_INVALID_UTF8);
  // Valid text containing every length of sequence is fine.
  CHECK(set_draft(s.get(), "a é € 𝄞 😀") == COACH_OK);
  // Nothing invalid made it in.
  CHECK(report(s.get()).at("nudges").is_array());
}

TEST_CASE("null arguments are errors") {
  SessionPtr s = new_session();
  CHECK(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, nullptr, nullptr) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "null text");
  CHECK(coach_session_set_draft(s.get(), nullptr, 0) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_set_draft(s.get(), nullptr, 10) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_report(s.get(), nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "null out_json");
  CHECK(coach_session_add_message_json(s.get(), nullptr) == COACH_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("null handles never crash") {
  char* out = reinterpret_cast<char*>(1);
  coach_edit e{0, 0, "x", 1};
  CHECK(coach_session_add_message(nullptr, COACH_ROLE_CLIENT, "hoi", nullptr) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(coach_last_error()) == "null session handle");
  CHECK(coach_session_add_message_json(nullptr, "{}") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_set_draft(nullptr, "x", 1) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_edit_draft(nullptr, &e) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_report(nullptr, &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(out == nullptr);  // out is always reset
  CHECK(coach_session_dismiss(nullptr, "crisis") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_snooze(nullptr, "crisis", 1) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_reset(nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_errcode(nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(coach_session_errmsg(nullptr)) == "null session handle");
  coach_session_free(nullptr);

  out = reinterpret_cast<char*>(1);
  CHECK(coach_engine_label(nullptr, "{}", &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(std::string(coach_last_error()) == "null engine handle");
  CHECK(coach_engine_errcode(nullptr) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(coach_engine_errmsg(nullptr)) == "null engine handle");
  CHECK(coach_session_new(nullptr, COACH_CHANNEL_CHAT) == nullptr);
  CHECK(std::string(coach_last_error()) == "null engine handle");
  coach_engine_free(nullptr);
}

TEST_CASE("engine options") {
  SUBCASE("struct_size must be set") {
    coach_engine_options o{};
    CHECK(coach_engine_new(&o) == nullptr);
    CHECK(std::string(coach_last_error()) ==
          "options.struct_size must be sizeof(coach_engine_options)");
  }
  SUBCASE("unknown locale") {
    coach_engine_options o{};
    o.struct_size = sizeof o;
    o.locale = "xx";
    CHECK(coach_engine_new(&o) == nullptr);
    CHECK(std::string(coach_last_error()).find("xx") != std::string::npos);
    CHECK(coach_last_errcode() == COACH_ERROR_LOCALE);
  }
  SUBCASE("missing rules folder") {
    coach_engine_options o{};
    o.struct_size = sizeof o;
    o.rules_dir = "/nonexistent/coach-rules";
    CHECK(coach_engine_new(&o) == nullptr);
    CHECK(std::string(coach_last_error()).find("/nonexistent/coach-rules") != std::string::npos);
    CHECK(coach_last_errcode() == COACH_ERROR_RULES);
  }
  SUBCASE("invalid utf-8 in a path") {
    coach_engine_options o{};
    o.struct_size = sizeof o;
    o.rules_dir = "/tmp/\xFF";
    CHECK(coach_engine_new(&o) == nullptr);
    CHECK(std::string(coach_last_error()) == "invalid utf-8 in options.rules_dir at byte 5");
  }
  SUBCASE("English") {
    coach_engine_options o{};
    o.struct_size = sizeof o;
    o.locale = "en";
    EnginePtr e(coach_engine_new(&o));
    REQUIRE_MESSAGE(e, coach_last_error());
    CHECK(std::string(coach_last_error()) == "not an error");
  }
  SUBCASE("an older, smaller options struct reads only what it has") {
    struct {
      coach_engine_options o;
    } holder{};
    holder.o.struct_size = offsetof(coach_engine_options, rules_dir);  // only struct_size, locale
    holder.o.locale = "nl";
    holder.o.rules_dir = "/nonexistent/ignored";  // beyond struct_size: not read
    EnginePtr e(coach_engine_new(&holder.o));
    CHECK_MESSAGE(e, coach_last_error());
  }
  SUBCASE("a newer, larger options struct must leave unknown fields zero") {
    struct Newer {
      coach_engine_options o;
      const char* future_option;
    } newer{};
    newer.o.struct_size = sizeof newer;
    EnginePtr e(coach_engine_new(&newer.o));
    CHECK_MESSAGE(e, coach_last_error());
    newer.future_option = "set";
    CHECK(coach_engine_new(&newer.o) == nullptr);
    CHECK(std::string(coach_last_error()).find("does not know") != std::string::npos);
  }
}

TEST_CASE("label") {
  coach_engine* e = shared_engine();
  char* out = nullptr;
  REQUIRE(coach_engine_label(e,
                             R"({"id": "m7", "role": "counsellor", "channel": "chat",
                                 "text": "Begrijp ik het goed dat je je alleen voelt?"})",
                             &out) == COACH_OK);
  CHECK(coach_engine_errcode(e) == COACH_OK);
  json j = json::parse(take(out));
  CHECK(j.at("id") == "m7");
  REQUIRE(j.at("practices").is_array());
  CHECK(j.at("signals").is_array());
  CHECK(j.at("matches").is_array());
  CHECK(std::find(j["practices"].begin(), j["practices"].end(), "verify_interpretation") !=
        j["practices"].end());
  for (const auto& m : j.at("matches")) {
    CHECK(m.at("rule").is_string());
    CHECK(m.at("practice").is_string());
    CHECK(m.at("begin").get<std::size_t>() <= m.at("end").get<std::size_t>());
  }

  REQUIRE(coach_engine_label(e, R"({"role": "client", "text": "Hoi"})", &out) == COACH_OK);
  CHECK(json::parse(take(out)).at("id").is_null());  // no id given: null, like `coach label`
  REQUIRE(coach_engine_label(e, R"({"id": 12, "role": "client", "text": "Hoi"})", &out) ==
          COACH_OK);
  CHECK(json::parse(take(out)).at("id") == 12);

  struct Bad {
    const char* json;
    coach_status status;
    const char* message;
  };
  const Bad bad[] = {
      {"{", COACH_ERROR_INVALID_ARGUMENT, "message is not valid json (at byte 1)"},
      {"[1]", COACH_ERROR_INVALID_ARGUMENT, "a message must be a JSON object"},
      {R"({"text": "hoi"})", COACH_ERROR_INVALID_ARGUMENT, "missing 'role' (counsellor or client)"},
      {R"({"role": "client"})", COACH_ERROR_INVALID_ARGUMENT, "missing 'text'"},
      {R"({"role": "therapist", "text": "x"})", COACH_ERROR_INVALID_ARGUMENT,
       "unknown role \"therapist\" (expected counsellor or client)"},
      {R"({"role": "client", "text": 5})", COACH_ERROR_INVALID_ARGUMENT,
       "'text' must be a string"},
      {R"({"role": "client", "text": "x", "channel": "fax"})", COACH_ERROR_INVALID_ARGUMENT,
       "'channel' must be \"chat\" or \"email\""},
      {"{\"role\": \"client\", \"text\": \"\xFF\"}", COACH_ERROR_INVALID_UTF8,
       "invalid utf-8 in message json at byte 28"},
  };
  for (const Bad& b : bad) {
    INFO("input " << std::string(b.json));
    out = reinterpret_cast<char*>(1);
    CHECK(coach_engine_label(e, b.json, &out) == b.status);
    CHECK(out == nullptr);
    CHECK(coach_engine_errcode(e) == b.status);
    CHECK(std::string(coach_engine_errmsg(e)) == std::string(b.message));
  }
  CHECK(coach_engine_label(e, nullptr, &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(coach_engine_errmsg(e)) == "null message json");
  CHECK(coach_engine_label(e, R"({"role": "client", "text": "x"})", nullptr) ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(coach_engine_errmsg(e)) == "null out_json");
}

TEST_CASE("add_message_json") {
  SessionPtr s = new_session(COACH_CHANNEL_EMAIL);
  CHECK(coach_session_add_message_json(
            s.get(), R"({"id": "m1", "role": "client", "text": "Beste hulpverlener, ik heb schulden.",
                        "time": "2015-03-02T19:18:00"})") == COACH_OK);
  CHECK(coach_session_add_message_json(s.get(), R"({"role": "counsellor"})") ==
        COACH_ERROR_INVALID_ARGUMENT);
  CHECK(errmsg(s.get()) == "missing 'text'");
  CHECK(coach_session_add_message_json(s.get(), "not json") == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(report(s.get()).at("nudges").is_array());
}

TEST_CASE("sessions outlive their engine") {
  EnginePtr e(coach_engine_new(nullptr));
  REQUIRE_MESSAGE(e, coach_last_error());
  SessionPtr s(coach_session_new(e.get(), COACH_CHANNEL_CHAT));
  REQUIRE(s);
  e.reset();
  REQUIRE(coach_session_add_message(s.get(), COACH_ROLE_CLIENT, kCrisis, nullptr) == COACH_OK);
  CHECK(has_nudge(report(s.get()), "crisis"));
}

TEST_CASE("one engine, many threads") {
  coach_engine* e = shared_engine();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([e, t, &failures] {
      for (int round = 0; round < 5; ++round) {
        coach_session* s = coach_session_new(e, t % 2 ? COACH_CHANNEL_EMAIL : COACH_CHANNEL_CHAT);
        if (s == nullptr) {
          ++failures;
          continue;
        }
        const std::string draft = "Begrijp ik het goed dat het om de huur gaat?";
        char* out = nullptr;
        if (coach_session_add_message(s, COACH_ROLE_CLIENT, t == 0 ? kCrisis : kDebtStory,
                                      nullptr) != COACH_OK ||
            coach_session_set_draft(s, draft.data(), draft.size()) != COACH_OK ||
            coach_session_report(s, &out) != COACH_OK ||
            (t == 0) != (std::string(out).find("\"crisis\"") != std::string::npos))
          ++failures;
        coach_string_free(out);
        coach_session_free(s);

        // Engine errors are per thread: this thread's failure is what this thread reads.
        const std::string role = "r" + std::to_string(t);
        const std::string bad = "{\"role\": \"" + role + "\", \"text\": \"x\"}";
        if (coach_engine_label(e, bad.c_str(), &out) != COACH_ERROR_INVALID_ARGUMENT ||
            std::string(coach_engine_errmsg(e)) !=
                "unknown role \"" + role + "\" (expected counsellor or client)")
          ++failures;
        if (coach_engine_label(e, R"({"role": "client", "text": "hoi"})", &out) != COACH_OK ||
            coach_engine_errcode(e) != COACH_OK)
          ++failures;
        coach_string_free(out);
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
}

}  // TEST_SUITE

TEST_CASE("spelling help and suggestions") {
  SessionPtr s = new_session();
  const std::string draft = "Ik begrjip dat het zwaar is voor NAAM.";
  REQUIRE(coach_session_set_draft(s.get(), draft.c_str(), draft.size()) == COACH_OK);
  char* out = nullptr;
  REQUIRE(coach_session_spelling(s.get(), &out) == COACH_OK);
  const json issues = json::parse(take(out));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0]["word"] == "begrjip");
  CHECK(issues[0]["begin"] == 3);
  CHECK(issues[0]["end"] == 10);
  REQUIRE(coach_engine_suggest(shared_engine(), "begrjip", &out) == COACH_OK);
  const json suggestions = json::parse(take(out));
  CHECK(std::find(suggestions.begin(), suggestions.end(), "begrijp") != suggestions.end());
  CHECK(coach_engine_suggest(shared_engine(), "\xFF", &out) == COACH_ERROR_INVALID_UTF8);
  CHECK(coach_session_spelling(nullptr, &out) == COACH_ERROR_INVALID_ARGUMENT);
  CHECK(coach_session_spelling(s.get(), nullptr) == COACH_ERROR_INVALID_ARGUMENT);
}
