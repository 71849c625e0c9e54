#include <coach/types.hpp>

#include <algorithm>
#include <array>

namespace coach {

const char* to_string(Role r) { return r == Role::counsellor ? "counsellor" : "client"; }
const char* to_string(Channel c) { return c == Channel::chat ? "chat" : "email"; }
const char* to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::suggest: return "suggest";
    case Severity::warn: return "warn";
    case Severity::urgent: return "urgent";
  }
  return "info";
}

std::optional<Role> parse_role(std::string_view s) {
  if (s == "counsellor" || s == "counselor") return Role::counsellor;
  if (s == "client") return Role::client;
  return std::nullopt;
}

std::optional<Channel> parse_channel(std::string_view s) {
  if (s == "chat") return Channel::chat;
  if (s == "email" || s == "e-mail") return Channel::email;
  return std::nullopt;
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "info") return Severity::info;
  if (s == "suggest") return Severity::suggest;
  if (s == "warn") return Severity::warn;
  if (s == "urgent") return Severity::urgent;
  return std::nullopt;
}

bool is_contract_practice(std::string_view id) {
  static constexpr std::array<std::string_view, 18> ids = {
      "summarise", "verify_interpretation", "set_goal", "ask_feedback", "mobilise_network", "online_referral",
      "f2f_referral", "compliment", "explore_strengths", "invite_control", "evaluate_progress", "emotion_check",
      "explore_problem", "advice", "open_question", "closed_question", "technical_issue", "crisis_risk"};
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace coach
