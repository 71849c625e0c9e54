// The nudge policy: which nudge rules hold for the conversation and draft, filtered by what the
// counsellor dismissed or snoozed and by cooldowns, most important first.
#pragma once

#include "conversation/state.hpp"
#include "engine_impl.hpp"

#include <map>
#include <string>
#include <vector>

namespace coach::nudges {

struct NudgeMemory {
  bool dismissed = false;
  std::size_t dismissed_at_message = 0;  // for crisis: acknowledged until a newer crisis message
  int snoozed_until_turn = 0;            // hidden while counsellor_turns < this
  int quiet_until_turn = 0;              // cooldown after being ignored
};

using Memory = std::map<std::string, NudgeMemory, std::less<>>;


// Rules whose conditions hold, before memory is applied (one per nudge id, the strongest).
std::vector<const rules::NudgeRule*> holding_rules(const EngineImpl& engine, const conversation::ConversationState& state,
                                                   const conversation::Draft& draft);

// Nudges to show now.
std::vector<Nudge> select(const EngineImpl& engine, const conversation::ConversationState& state,
                          const conversation::Draft& draft, const Memory& memory);

}  // namespace coach::nudges
