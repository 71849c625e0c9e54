// Session: one conversation's messages, draft, state and nudge memory.
#include "conversation/state.hpp"
#include "engine_impl.hpp"
#include "nudges/policy.hpp"
#include <coach/utf8.hpp>

#include <coach/engine.hpp>

namespace coach {

class SessionImpl {
 public:
  SessionImpl(std::shared_ptr<const Engine> e, Channel c) : engine(std::move(e)), channel(c) { state.channel = c; }

  const EngineImpl& impl() const { return engine->impl(); }
  analysis::MessageContext context() const { return {state.counsellor_turns == 0, state.last_client_practices}; }

  std::shared_ptr<const Engine> engine;
  Channel channel;
  conversation::ConversationState state;
  conversation::Draft draft;
  std::vector<Labels> labels;  // of sent messages
  nudges::Memory memory;
};

Session::Session(std::shared_ptr<const Engine> engine, Channel channel) {
  if (!engine) throw Error(Error::Code::invalid_argument, "session needs an engine");
  impl_ = std::make_unique<SessionImpl>(std::move(engine), channel);
}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

void Session::add_message(const Message& message) {
  if (const auto bad = utf8::first_invalid(message.text))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the message");
  SessionImpl& s = *impl_;
  const auto& analyser = *s.impl().analyser;
  const analysis::MessageContext context = s.context();
  const auto sentences = analyser.analyse(message.text, message.role, s.channel, &context);
  if (message.role == Role::counsellor) {
    // Nudges still holding for the message as sent were seen and not followed: let them rest.
    conversation::Draft sent;
    sent.set(analyser, s.channel, message.text, &context);
    for (const rules::NudgeRule* rule : nudges::holding_rules(s.impl(), s.state, sent))
      if (rule->severity != Severity::urgent)
        s.memory[rule->nudge].quiet_until_turn = s.state.counsellor_turns + 1 + rule->cooldown_turns;
    s.draft.clear();
  }
  s.state.add(message.role, sentences, s.impl().rules->phases);
  s.labels.push_back(analysis::to_labels(sentences));
  // The draft's context changed (a new client message): analyse it again.
  if (message.role == Role::client && !s.draft.text().empty()) {
    const analysis::MessageContext now = s.context();
    s.draft.set(analyser, s.channel, s.draft.text(), &now);
  }
}

void Session::set_draft(std::string_view text) {
  const analysis::MessageContext context = impl_->context();
  impl_->draft.set(*impl_->impl().analyser, impl_->channel, text, &context);
}

void Session::edit_draft(std::size_t begin, std::size_t old_end, std::string_view text) {
  impl_->draft.edit(*impl_->impl().analyser, impl_->channel, begin, old_end, text);
}

const std::string& Session::draft() const { return impl_->draft.text(); }

Report Session::report() const {
  const SessionImpl& s = *impl_;
  Report r;
  r.nudges = nudges::select(s.impl(), s.state, s.draft, s.memory);
  const analysis::PracticeMask in_draft = s.draft.practices();
  for (const std::string& p : checklist_practices()) {
    const int bit = analysis::practice_bit(p);
    const bool done = s.state.counsellor_counts[static_cast<std::size_t>(bit)] > 0 ||
                      (in_draft & (analysis::PracticeMask(1) << bit));
    r.checklist.push_back({p, done});
  }
  r.phase = s.state.phase;
  r.phases = s.state.phases;
  for (const rules::Phase& phase : s.impl().rules->phases) {
    if (!(analysis::mask_of(phase.practices) & in_draft)) continue;
    r.phase = phase.id;
    if (std::find(r.phases.begin(), r.phases.end(), phase.id) == r.phases.end()) r.phases.push_back(phase.id);
  }
  const auto& topics = s.impl().locale.topics;
  for (std::size_t t = 0; t < topics.size() && t < conversation::kMaxTopics; ++t)
    if (s.state.topic_counts[t] + s.draft.topic_counts()[t] > 0) r.topics.push_back(topics[t].id);
  return r;
}

void Session::dismiss(std::string_view nudge_id) {
  if (!impl_->impl().knows_nudge(nudge_id))
    throw Error(Error::Code::invalid_argument, "unknown nudge \"" + std::string(nudge_id) + "\"");
  auto& m = impl_->memory[std::string(nudge_id)];
  m.dismissed = true;
  m.dismissed_at_message = impl_->state.message_count;
}

void Session::snooze(std::string_view nudge_id, int turns) {
  const EngineImpl& e = impl_->impl();
  if (!e.knows_nudge(nudge_id))
    throw Error(Error::Code::invalid_argument, "unknown nudge \"" + std::string(nudge_id) + "\"");
  if (turns < 1) throw Error(Error::Code::invalid_argument, "snooze needs at least 1 turn");
  for (const auto& rule : e.rules->nudges)
    if (rule.nudge == nudge_id && rule.severity == Severity::urgent)
      throw Error(Error::Code::invalid_argument, "\"" + std::string(nudge_id) + "\" is urgent and cannot be snoozed");
  impl_->memory[std::string(nudge_id)].snoozed_until_turn = impl_->state.counsellor_turns + turns;
}

void Session::reset() {
  SessionImpl& s = *impl_;
  s.state = conversation::ConversationState();
  s.state.channel = s.channel;
  s.draft.clear();
  s.labels.clear();
  s.memory.clear();
}

Channel Session::channel() const { return impl_->channel; }
std::size_t Session::message_count() const { return impl_->labels.size(); }

const Labels& Session::message_labels(std::size_t index) const {
  if (index >= impl_->labels.size()) throw Error(Error::Code::invalid_argument, "no message " + std::to_string(index));
  return impl_->labels[index];
}

std::vector<SpellingIssue> Session::draft_spelling() const { return impl_->engine->spelling(impl_->draft.text()); }

Labels Session::draft_labels() const { return analysis::to_labels(impl_->draft.sentences()); }

}  // namespace coach
