// Shared fixtures: an engine over the stable test rules in tests/data/rules.
#pragma once

#include <coach/engine.hpp>

#include <memory>
#include <string>

namespace coach::test {

inline std::shared_ptr<const Engine> test_engine() {
  static const auto engine = [] {
    EngineOptions o;
    o.locale = "nl";
    o.rules_dir = std::string(COACH_TEST_DATA_DIR) + "/rules";
    return Engine::create(o);
  }();
  return engine;
}

inline Message client(const std::string& text) { return {"", Role::client, Channel::chat, text, ""}; }
inline Message counsellor(const std::string& text) { return {"", Role::counsellor, Channel::chat, text, ""}; }

}  // namespace coach::test
