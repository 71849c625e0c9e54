// The panel's worker thread: it alone owns the coach_engine and coach_session, applies the
// commands the GUI thread queues (drafts, messages, dismissals) and hands back a parsed report.
// Consecutive drafts are coalesced, so a fast typist costs one analysis per pause.
#pragma once

#include <coach/wx/coach_panel.hpp>

#include <coach.hpp>

#include <condition_variable>
#include <optional>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace coach::wx {

struct EngineConfig {
  std::string locale;
  std::string rules_dir;
  std::string locales_dir;
  std::string dict_dir;
  coach_channel channel = COACH_CHANNEL_CHAT;
  bool reload = false;  // load the engine again even if the options did not change (new rules)
};

struct MessageRecord {
  coach_role role = COACH_ROLE_CLIENT;
  std::string text;
  std::string time;
  coach_channel channel = COACH_CHANNEL_CHAT;
};

struct AnalysisResult {
  std::uint64_t seq = 0;    // last command applied
  PanelState state;
  std::string warning;      // a command that failed (the state is still valid)
};

class AnalysisWorker {
 public:
  // `sink` is called on the worker thread with each result; it must hand it to the GUI thread.
  using Sink = std::function<void(AnalysisResult)>;

  AnalysisWorker(Sink sink);
  ~AnalysisWorker();  // stops and joins the thread; no sink call happens after it returns
  AnalysisWorker(const AnalysisWorker&) = delete;
  AnalysisWorker& operator=(const AnalysisWorker&) = delete;

  // Each call returns the sequence number of the queued command.
  std::uint64_t Configure(EngineConfig config, std::vector<MessageRecord> replay, std::string draft,
                          std::vector<std::string> dismissed);
  std::uint64_t SetDraft(std::string text);
  std::uint64_t AddMessage(MessageRecord message);
  std::uint64_t Dismiss(std::string nudge_id);
  std::uint64_t Snooze(std::string nudge_id, int turns);
  std::uint64_t Reset();

  // Parses a coach_session_report payload (exposed for tests).
  static bool ParseReport(const std::string& json, PanelState& state, std::string& error);

 private:
  enum class Kind { configure, draft, message, dismiss, snooze, reset };
  struct Command {
    explicit Command(Kind k) : kind(k) {}
    Kind kind;
    std::uint64_t seq = 0;
    EngineConfig config;
    std::vector<MessageRecord> replay;
    std::vector<std::string> dismissed;
    MessageRecord message;
    std::string text;  // draft text or nudge id
    int turns = 0;
  };

  std::uint64_t Push(Command command);
  void Run();
  void Apply(Command& command, std::string& warning);
  void ApplyConfigure(Command& command, std::string& warning);
  void ApplyDraft(const std::string& text, std::string& warning);
  bool AddOne(const MessageRecord& message, std::string& warning);

  Sink m_sink;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<Command> m_queue;
  bool m_stop = false;
  std::uint64_t m_nextSeq = 0;

  // Touched by the worker thread only (libcoach through coach.hpp, the C API's C++ wrapper).
  std::optional<coach::c::Engine> m_engine;
  std::optional<coach::c::Session> m_session;
  EngineConfig m_config;     // what m_engine was made from
  std::string m_draft;       // the draft as the session has it
  std::string m_loadError;   // why the engine could not be created

  std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace coach::wx
