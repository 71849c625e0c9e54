// One practice conversation: the trainee writes, the simulated client answers. Step by step and
// without I/O or threads, so a GUI can call it from its event loop: reply() labels one message
// (about a millisecond) and picks the client's next turn; there is no waiting inside. A host that
// wants the client to "type" for a while simply shows TurnResult::replies after a timer.
#pragma once

#include <coach/engine.hpp>
#include <coach/practice/scenario.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coach::practice {

struct PracticeOptions {
  std::uint64_t seed = 0;        // 0: the scenario's seed; same seed, same replies
  int start_minutes = 19 * 60;   // the simulated clock of the transcript (19:00)
  int minutes_per_message = 1;   // the study: about one minute between chat turns
};

// What one trainee message did.
struct TurnResult {
  int turn = 0;                       // trainee turn number, 1-based
  Labels labels;                      // what the engine saw in the trainee's message
  std::string from_state;
  std::string to_state;
  bool fallback = false;              // no transition applied
  std::string note;                   // the applied transition's note (debrief), may be empty
  std::vector<std::string> replies;   // the client's messages this turn (already in messages())
  bool finished = false;
  std::string ending;                 // when finished: "good", "neutral", "poor" or "out_of_time"
};

struct PracticeSummary {
  bool finished = false;
  std::string ending;                 // "" while the conversation goes on; "stopped" after stop()
  int trainee_turns = 0;
  std::vector<ChecklistItem> checklist;                  // the coach's checklist of the five practices
  std::vector<std::pair<std::string, int>> practices;    // practice id, trainee messages showing it
  std::vector<std::string> path;                         // states entered, in order (start first)
  std::vector<std::string> notes;                        // notes of the transitions taken, in order
};

class PracticeSession {
 public:
  // Plays the opening at once: messages() holds the client's first message(s) afterwards.
  PracticeSession(std::shared_ptr<const Engine> engine, Scenario scenario, PracticeOptions options = {});
  ~PracticeSession();
  PracticeSession(PracticeSession&&) noexcept;
  PracticeSession& operator=(PracticeSession&&) noexcept;

  const Scenario& scenario() const;
  const std::string& state() const;
  bool finished() const;
  int turn() const;  // trainee messages sent so far

  // The conversation so far (client and trainee, with simulated times), as the coach saw it.
  const std::vector<Message>& messages() const;

  // The coach's view while the trainee types `draft` (nudges and checklist): what the coach
  // panel shows beside the practice chat. Does not change the conversation.
  Report preview(std::string_view draft);
  // The coach's view now, with an empty draft (for example the crisis nudge after a client turn).
  Report report() const;
  // Snooze or dismiss a nudge as in a live session.
  void dismiss(std::string_view nudge_id);

  // Sends the trainee's message and plays the client's answer. Throws Error(invalid_argument)
  // when the text is empty or the conversation has finished.
  TurnResult reply(std::string_view trainee_text);
  // The trainee leaves without a closing turn; the summary's ending becomes "stopped".
  void stop();

  PracticeSummary summary() const;

  // The conversation in the study's chat format ("Hulpvrager (19:01): ..." or "Client (19:01): ..."),
  // which `coach report` reads.
  std::string chat_transcript() const;
  // The conversation as a CONTRACT.md JSON array of messages.
  nlohmann::json transcript_json() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace coach::practice
