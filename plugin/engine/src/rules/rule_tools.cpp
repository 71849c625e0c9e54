#include <coach/rule_tools.hpp>

#include "engine_impl.hpp"

#include <coach/transcript.hpp>
#include <nlohmann/json.hpp>

namespace coach {
namespace {

std::unique_ptr<EngineImpl> load(const EngineOptions& options, const std::string& path, std::vector<std::string>& problems) {
  auto impl = std::make_unique<EngineImpl>(options, path);
  for (const auto& d : impl->diagnostics) problems.push_back(d.to_string());
  return impl;
}

std::string quote(const std::string& text) {
  return "\"" + (text.size() > 80 ? text.substr(0, 77) + "..." : text) + "\"";
}

void test_detect(const EngineImpl& impl, const rules::DetectRule& rule, RuleTestResult& result) {
  const Role role = rule.role == rules::RoleFilter::client ? Role::client : Role::counsellor;
  const Channel channel = rule.channel.value_or(Channel::chat);
  // Examples are read in a conversation where the rule's context conditions hold.
  const analysis::MessageContext context{rule.opening.value_or(false), rule.after_client_mask};
  auto label = [&](const std::string& text) { return analysis::to_labels(impl.analyser->analyse(text, role, channel, &context)); };
  auto fail = [&](const rules::Example& ex, const std::string& what) {
    ++result.failures;
    result.problems.push_back(ex.where + ": error: rule " + rule.id + ": " + what);
  };
  for (const rules::Example& ex : rule.match_examples) {
    ++result.examples;
    const Labels labels = label(ex.text);
    bool matched = false, span_ok = ex.marked.empty();
    std::string spans;
    for (const Match& m : labels.matches) {
      if (m.rule_id != rule.id) continue;
      matched = true;
      const std::string got = ex.text.substr(m.begin, m.end - m.begin);
      spans += (spans.empty() ? "" : ", ") + quote(got);
      span_ok |= got == ex.marked;
    }
    if (!matched) fail(ex, "does not match its example " + quote(ex.text));
    else if (!span_ok) fail(ex, "matches " + spans + " instead of the marked " + quote(ex.marked));
  }
  for (const rules::Example& ex : rule.no_match_examples) {
    ++result.examples;
    const Labels labels = label(ex.text);
    for (const Match& m : labels.matches)
      if (m.rule_id == rule.id) {
        fail(ex, "matches " + quote(ex.text.substr(m.begin, m.end - m.begin)) + " in its no_match example " + quote(ex.text));
        break;
      }
  }
}

void test_nudge(const std::shared_ptr<const Engine>& engine, const rules::NudgeRule& rule, RuleTestResult& result) {
  for (const rules::NudgeExample& ex : rule.examples) {
    const nlohmann::json& c = ex.conversation;
    if (c.contains("locale") && c["locale"] != engine->locale()) continue;
    ++result.examples;
    auto fail = [&](const std::string& what) {
      ++result.failures;
      result.problems.push_back(ex.where + ": error: rule " + rule.id + ": " + what);
    };
    try {
      const Channel channel = parse_channel(c.value("channel", "chat")).value_or(Channel::chat);
      Session session(engine, channel);
      for (const auto& m : c.value("messages", nlohmann::json::array())) session.add_message(message_from_json(m, channel));
      session.set_draft(c.value("draft", ""));
      bool shown = false;
      for (const Nudge& n : session.report().nudges) shown |= n.id == rule.nudge;
      if (ex.fire && !shown) fail("nudge '" + rule.nudge + "' does not fire in its 'fire' example");
      if (!ex.fire && shown) fail("nudge '" + rule.nudge + "' fires in its 'quiet' example");
    } catch (const Error& e) {
      fail(std::string("example cannot be run: ") + e.what());
    }
  }
}

}  // namespace

RuleCheckResult check_rules(const EngineOptions& options, const std::string& path) {
  RuleCheckResult result;
  const auto impl = load(options, path, result.problems);
  result.detect_rules = static_cast<int>(impl->rules->detect.size());
  result.nudge_rules = static_cast<int>(impl->rules->nudges.size());
  return result;
}

RuleTestResult test_rules(const EngineOptions& options, const std::string& path) {
  RuleTestResult result;
  auto impl = load(options, path, result.problems);
  result.failures = static_cast<int>(result.problems.size());
  const auto* raw = impl.get();
  const auto engine = std::make_shared<const Engine>(std::move(impl));
  for (const auto& rule : raw->rules->detect) { ++result.rules; test_detect(*raw, rule, result); }
  for (const auto& rule : raw->rules->nudges) { ++result.rules; test_nudge(engine, rule, result); }
  return result;
}

}  // namespace coach
