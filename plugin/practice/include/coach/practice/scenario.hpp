// Practice scenarios: a simulated client whose replies branch on what the trainee's messages show
// (practice ids from Engine::label). The file format is documented in host-demo/scenarios/README.md.
#pragma once

#include <coach/types.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::practice {

// When a transition applies; every given condition must hold (an empty condition always holds).
struct Condition {
  std::vector<std::string> any;          // the trainee's message shows at least one of these
  std::vector<std::string> all;          // ... shows all of these
  std::vector<std::string> none;         // ... shows none of these
  std::vector<std::string> seen;         // each appeared in some trainee message so far (this one included)
  std::vector<std::string> not_yet;      // none appeared in any trainee message so far (this one included)
  std::vector<std::string> visited;      // each of these states has been entered before
  std::vector<std::string> not_visited;  // none of these states has been entered before
  int min_turn = 0;                      // trainee turn number (1-based) at least this
  int max_turn = 0;                      // ... at most this (0: no limit)
};

struct Transition {
  Condition when;
  std::string to;    // state id
  std::string note;  // for the trainee's debrief: why the client reacts like this (may be empty)
};

struct State {
  std::string id;
  std::string note;                              // for trainers
  std::vector<std::vector<std::string>> replies;  // variants; each variant is one or more client messages
  std::vector<Transition> transitions;           // tried in order, before the scenario's `anywhere`
  std::string fallback;                          // state when no transition applies (empty: stay)
  std::string ending;                            // "good", "neutral" or "poor": the conversation ends here
};

struct Scenario {
  std::string file;  // where it was loaded from (may be empty)
  std::string id;
  std::string locale;  // "nl" or "en"
  std::string title;
  std::string topic;
  Channel channel = Channel::chat;
  std::string brief;  // for the trainee: who the client is
  std::uint64_t seed = 1;
  int max_turns = 12;
  std::vector<std::string> opening;  // the client's first message(s)
  std::string start = "start";
  std::string out_of_time;           // state entered when max_turns is reached (empty: just stop)
  std::vector<Transition> anywhere;  // tried in every state after its own transitions
  std::map<std::string, State> states;

  const State& state(const std::string& id) const { return states.at(id); }
};

// Every problem of a scenario file, each "file:line:column: error: message".
class ScenarioError : public Error {
 public:
  explicit ScenarioError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// Parses and validates; throws ScenarioError listing all problems. `name` is used in messages.
Scenario parse_scenario(std::string_view text, const std::string& name);
Scenario load_scenario(const std::string& path);
// The problems of a scenario file (empty when it is valid); never throws.
std::vector<std::string> check_scenario(const std::string& path);

// Ids that conditions may name: the contract's practice ids and the engine's extra signals.
bool is_condition_id(std::string_view id);

// The folder of the shipped scenarios: $COACH_SCENARIOS_DIR, else <data dir>/host-demo/scenarios
// (source tree) or <data dir>/scenarios (installed).
std::string default_scenarios_dir();
// The *.json files of a folder, sorted by name.
std::vector<std::string> scenario_files(const std::string& dir);
// A path as given, or the id of a shipped scenario ("nl-schulden"); nullopt if neither exists.
std::optional<std::string> find_scenario(const std::string& path_or_id);

}  // namespace coach::practice
