// The header-only C++ wrapper coach.hpp, compiled as C++17 like a host would.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <coach.hpp>

#include <string>
#include <type_traits>
#include <utility>

static_assert(!std::is_copy_constructible_v<coach::c::Engine>);
static_assert(!std::is_copy_constructible_v<coach::c::Session>);
static_assert(std::is_nothrow_move_constructible_v<coach::c::Engine>);
static_assert(std::is_nothrow_move_constructible_v<coach::c::Session>);

TEST_CASE("engine and session through the wrapper") {
  coach::c::Engine engine;
  REQUIRE(engine);
  coach::c::Session session(engine);
  session.add_message(COACH_ROLE_CLIENT, "Ik heb veel schulden en ik weet niet wat ik moet doen.",
                      "19:04");
  session.set_draft("Begrijp ik het goed dat");
  session.edit_draft(23, 23, " je hulp zoekt?");
  const std::string report = session.report();
  CHECK(report.find("\"nudges\"") != std::string::npos);
  CHECK(report.find("\"verify_interpretation\":true") != std::string::npos);
  session.reset();

  const std::string label =
      engine.label(R"({"role": "counsellor", "text": "Wat zou je willen bereiken?"})");
  CHECK(label.find("\"set_goal\"") != std::string::npos);

  // Moving transfers ownership.
  coach::c::Session moved = std::move(session);
  CHECK(moved);
  CHECK_FALSE(session);  // NOLINT(bugprone-use-after-move): documented moved-from state
  moved.set_draft("");
}

TEST_CASE("errors become exceptions with the status and the library's text") {
  coach::c::Engine engine;
  coach::c::Session session(engine, COACH_CHANNEL_EMAIL);
  try {
    session.edit_draft(4, 2, "x");
    FAIL("no exception");
  } catch (const coach::c::Error& e) {
    CHECK(e.status() == COACH_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(e.what()) == "edit range [4, 2) is reversed");
  }
  CHECK_THROWS_AS(session.dismiss("no_such_nudge"), coach::c::Error);
  CHECK_THROWS_AS(session.snooze("set_goal", 0), coach::c::Error);
  try {
    session.set_draft("\xff");
    FAIL("no exception");
  } catch (const coach::c::Error& e) {
    CHECK(e.status() == COACH_ERROR_INVALID_UTF8);
  }
  CHECK_THROWS_AS(engine.label("not json"), coach::c::Error);

  coach::c::EngineOptions options;
  options.locale = "xx";
  CHECK_THROWS_AS(coach::c::Engine{options}, coach::c::Error);
}

TEST_CASE("adopt and release") {
  coach_engine* raw = coach_engine_new(nullptr);
  REQUIRE(raw != nullptr);
  coach::c::Engine engine = coach::c::Engine::adopt(raw);
  CHECK(engine.get() == raw);
  coach::c::Session session(engine);
  coach_session* s = session.release();
  CHECK_FALSE(session);
  coach_session_free(s);
  CHECK(coach::c::version() == coach_version());
}
