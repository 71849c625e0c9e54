#include "nudges/policy.hpp"

#include <algorithm>

namespace coach::nudges {
namespace {

using analysis::PracticeMask;
using conversation::ConversationState;
using conversation::Draft;

PracticeMask counsellor_mask(const ConversationState& state) {
  PracticeMask m = 0;
  for (std::size_t bit = 0; bit < conversation::kMaxPractices; ++bit)
    if (state.counsellor_counts[bit] > 0) m |= PracticeMask(1) << bit;
  return m;
}

bool conditions_hold(const EngineImpl& engine, const rules::NudgeConditions& c, const ConversationState& state,
                     const Draft& draft) {
  const PracticeMask in_draft = draft.practices();
  if (c.channel && *c.channel != state.channel) return false;
  if (state.counsellor_turns < c.min_counsellor_turns) return false;
  if (state.client_words < c.min_client_words) return false;
  if (draft.words() < c.min_draft_words) return false;
  if (!c.draft_any.empty() && !(in_draft & analysis::mask_of(c.draft_any))) return false;
  if (in_draft & analysis::mask_of(c.draft_none)) return false;
  if ((in_draft | counsellor_mask(state)) & analysis::mask_of(c.lacks)) return false;
  if (!c.client_any.empty() && !(state.client_practices & analysis::mask_of(c.client_any))) return false;
  if (!c.last_client_any.empty() && !(state.last_client_practices & analysis::mask_of(c.last_client_any))) return false;
  if (c.lacks_recent) {
    const PracticeMask m = analysis::mask_of(c.lacks_recent->practices);
    if (in_draft & m) return false;
    bool recent = false;
    analysis::for_each_bit(m, [&](int bit) {
      const int last = state.last_counsellor_turn[static_cast<std::size_t>(bit)];
      recent |= last > 0 && state.counsellor_turns - last < c.lacks_recent->turns;
    });
    if (recent) return false;
  }
  if (c.min_count) {
    const PracticeMask m = analysis::mask_of(c.min_count->practices);
    // One count per message: a message showing several of the practices counts once.
    int count = (in_draft & m) ? 1 : 0;
    int best = 0;
    analysis::for_each_bit(m, [&](int bit) { best = std::max(best, state.counsellor_counts[static_cast<std::size_t>(bit)]); });
    if (best + count < c.min_count->count) return false;
  }
  if (!c.topic_any.empty()) {
    bool any = false;
    const auto& topics = engine.locale.topics;
    for (std::size_t t = 0; t < topics.size() && t < conversation::kMaxTopics; ++t)
      if (std::find(c.topic_any.begin(), c.topic_any.end(), topics[t].id) != c.topic_any.end())
        any |= state.topic_counts[t] + draft.topic_counts()[t] > 0;
    if (!any) return false;
  }
  return true;
}

// The online resource for the conversation's strongest topic it covers (sentences touching the
// topic, conversation and draft together); the general one when none fits. A resource is not
// preferred for covering many weak topics: a service for children that lists school and
// divorce must not beat the loneliness line in a student's story about loneliness. Ties go to
// the resource listed first.
const lexicon::Resource* best_online_resource(const EngineImpl& engine, const ConversationState& state, const Draft& draft) {
  const auto& topics = engine.locale.topics;
  const lexicon::Resource* best = nullptr;
  int best_score = 0;
  const lexicon::Resource* general = nullptr;
  for (const auto& r : engine.locale.resources) {
    if (!r.online) continue;
    if (r.general && !general) general = &r;
    int score = 0;
    for (std::size_t t = 0; t < topics.size() && t < conversation::kMaxTopics; ++t)
      if (std::find(r.topics.begin(), r.topics.end(), topics[t].id) != r.topics.end())
        score = std::max(score, state.topic_counts[t] + draft.topic_counts()[t]);
    if (score > best_score) { best = &r; best_score = score; }
  }
  return best ? best : general;
}

void replace_all(std::string& text, std::string_view key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
}

std::string fill(std::string text, const EngineImpl& engine, const ConversationState& state, const Draft& draft) {
  if (text.find('{') == std::string::npos) return text;
  if (const auto* r = best_online_resource(engine, state, draft)) {
    replace_all(text, "{resource}", r->name);
    replace_all(text, "{resource_url}", r->url);
  }
  if (const auto* h = engine.helpline()) {
    replace_all(text, "{helpline}", h->name);
    replace_all(text, "{helpline_contact}", h->contact.empty() ? h->url : h->contact);
  }
  return text;
}

bool stronger(const rules::NudgeRule& a, const rules::NudgeRule& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  return a.priority > b.priority;
}

}  // namespace

std::vector<const rules::NudgeRule*> holding_rules(const EngineImpl& engine, const ConversationState& state,
                                                   const Draft& draft) {
  std::vector<const rules::NudgeRule*> out;
  const PracticeMask shown = draft.practices() | counsellor_mask(state);
  for (const rules::NudgeRule& rule : engine.rules->nudges) {
    if (shown & analysis::mask_of(rule.satisfied_by)) continue;
    if (!conditions_hold(engine, rule.when, state, draft)) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const rules::NudgeRule* r) { return r->nudge == rule.nudge; });
    if (same == out.end()) out.push_back(&rule);
    else if (stronger(rule, **same)) *same = &rule;
  }
  return out;
}

std::vector<Nudge> select(const EngineImpl& engine, const ConversationState& state, const Draft& draft,
                          const Memory& memory) {
  std::vector<Nudge> out;
  for (const rules::NudgeRule* rule : holding_rules(engine, state, draft)) {
    bool acknowledged = false;
    if (const auto it = memory.find(rule->nudge); it != memory.end()) {
      const NudgeMemory& m = it->second;
      if (rule->severity == Severity::urgent) {
        // Urgent nudges are never hidden: a dismissal only marks them acknowledged, until the
        // client signals risk again.
        acknowledged = m.dismissed && m.dismissed_at_message >= state.last_crisis_message;
      } else {
        if (m.dismissed) continue;
        if (state.counsellor_turns < m.snoozed_until_turn) continue;
        if (state.counsellor_turns < m.quiet_until_turn) continue;
      }
    }
    const auto text_it = rule->text.find(engine.locale.locale);
    if (text_it == rule->text.end()) continue;
    Nudge n;
    n.id = rule->nudge;
    n.severity = rule->severity;
    n.priority = rule->priority;
    n.rule_id = rule->id;
    n.acknowledged = acknowledged;
    n.title = fill(text_it->second.title, engine, state, draft);
    n.message = fill(text_it->second.message, engine, state, draft);
    n.why = fill(text_it->second.why, engine, state, draft);
    out.push_back(std::move(n));
  }
  std::stable_sort(out.begin(), out.end(), [](const Nudge& a, const Nudge& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.priority > b.priority;
  });
  return out;
}

}  // namespace coach::nudges
