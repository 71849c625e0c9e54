// Tests of the coach panel's worker thread (no display needed): drafts typed key by key are
// coalesced, sent as edit ranges that respect UTF-8 characters and give the same analysis as the
// whole text; refused commands come back as warnings; the worker stops cleanly while busy.
//
//   coach_panel_worker_test
#include "analysis_worker.hpp"
#include "tap.hpp"

#include <coach.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

using coach::wx::AnalysisResult;
using coach::wx::AnalysisWorker;
using coach::wx::EngineConfig;
using coach::wx::MessageRecord;
using coach::wx::PanelState;

namespace {

coach::test::Tap g_tap;

void Check(bool ok, const std::string& what, const std::string& detail = {}) { g_tap.Check(ok, what, detail); }

// Collects what the worker hands back (on its thread).
struct Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<AnalysisResult> results;
  int count = 0;

  void Put(AnalysisResult r) {
    std::lock_guard<std::mutex> lock(mutex);
    results.push_back(std::move(r));
    ++count;
    cv.notify_all();
  }
  // Waits for the result of command `seq`; returns it (the last one) or an empty result.
  bool WaitFor(std::uint64_t seq, AnalysisResult& out, int seconds = 60) {
    std::unique_lock<std::mutex> lock(mutex);
    const bool ok = cv.wait_for(lock, std::chrono::seconds(seconds), [&] {
      return !results.empty() && results.back().seq >= seq;
    });
    if (ok) out = results.back();
    return ok;
  }
};

std::vector<std::string> Ids(const PanelState& s) {
  std::vector<std::string> ids;
  for (const auto& n : s.nudges) ids.push_back(n.id);
  return ids;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return "[" + s + "]";
}

const char* const kClient =
    "Sinds ik vorig jaar mijn baan kwijtraakte lukt het niet meer om alles te betalen. Ik heb een "
    "achterstand bij de huur en bij de zorgverzekering en nu komen er ook brieven van een "
    "incassobureau. Ik durf de post niet meer open te maken en mijn familie weet er niets van.";

void TestTyping() {
  Inbox inbox;
  AnalysisWorker worker([&](AnalysisResult r) { inbox.Put(std::move(r)); });
  AnalysisResult r;
  std::uint64_t seq = worker.Configure(EngineConfig{"nl", "", "", "", COACH_CHANNEL_CHAT}, {}, {}, {});
  Check(inbox.WaitFor(seq, r), "the worker answers the configuration");
  Check(r.state.ready && r.state.error.empty(), "the Dutch engine loads in the worker",
        r.state.error);
  if (!r.state.ready) return;

  worker.AddMessage(MessageRecord{COACH_ROLE_CLIENT, kClient, "19:07", COACH_CHANNEL_CHAT});
  // Type a draft key by key (with a correction in the middle), as fast as possible.
  const std::string draft =
      "Hé, je zou het beste naar het loket schuldhulpverlening kunnen gaan, dáár helpen ze je.";
  const int before = inbox.count;
  std::string typed;
  for (std::size_t i = 0; i < draft.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(draft[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    typed += draft.substr(i, len);
    i += len;
    seq = worker.SetDraft(typed);
    if (i % 15 == 0) inbox.WaitFor(seq, r);  // a pause: the next keys arrive as edits
    if (i == 30) {  // a typo and its correction
      seq = worker.SetDraft(typed + "X");
      seq = worker.SetDraft(typed);
    }
  }
  // Deleting a multibyte character in the middle must not split it.
  const std::string edited = "Hé, je zou het beste naar het loket schuldhulpverlening kunnen gaan, daar helpen ze je.";
  seq = worker.SetDraft(edited);
  Check(inbox.WaitFor(seq, r), "the worker catches up with the typing");
  const int results = inbox.count - before;
  Check(results < static_cast<int>(draft.size()) / 2,
        "keystrokes are coalesced: fewer analyses than half the keystrokes",
        std::to_string(results) + " analyses for " + std::to_string(draft.size()) + " keystrokes");
  Check(r.warning.empty(), "no edit was refused", r.warning);

  // The same conversation in one go, straight through the C API.
  coach::c::EngineOptions opts;
  opts.locale = "nl";
  coach::c::Engine engine(opts);
  coach::c::Session session(engine, COACH_CHANNEL_CHAT);
  session.add_message(COACH_ROLE_CLIENT, kClient, "19:07");
  session.set_draft(edited);
  PanelState direct;
  std::string err;
  AnalysisWorker::ParseReport(session.report(), direct, err);
  Check(Ids(direct) == Ids(r.state), "edits give the same nudges as the whole draft",
        Join(Ids(r.state)) + " vs " + Join(Ids(direct)));
  Check(direct.checklist == r.state.checklist, "edits give the same checklist as the whole draft");
  bool verify = false;
  for (const auto& id : Ids(r.state)) verify = verify || id == "verify_interpretation";
  Check(verify, "advice after a long client message asks to verify the interpretation",
        Join(Ids(r.state)));

  seq = worker.Dismiss("no_such_nudge");
  Check(inbox.WaitFor(seq, r) && !r.warning.empty(), "dismissing an unknown nudge is a warning",
        r.warning);
  seq = worker.Snooze("crisis", 2);
  Check(inbox.WaitFor(seq, r) && !r.warning.empty(), "snoozing the crisis nudge is refused",
        r.warning);
  seq = worker.Reset();
  Check(inbox.WaitFor(seq, r) && r.state.ready, "reset answers with a fresh report");

  // Switching to e-mail rebuilds the session from the messages so far (the engine is kept).
  seq = worker.Configure(EngineConfig{"nl", "", "", "", COACH_CHANNEL_EMAIL},
                         {MessageRecord{COACH_ROLE_CLIENT, kClient, "", COACH_CHANNEL_EMAIL}},
                         "Beste NAAM, begrijp ik goed dat je vooral hulp zoekt bij de brieven? "
                         "Klopt dat?",
                         {});
  Check(inbox.WaitFor(seq, r) && r.state.ready && r.state.error.empty(),
        "a channel switch replays the conversation into a new session", r.state.error);
  bool verified = false;
  for (const auto& [id, done] : r.state.checklist)
    if (id == "verify_interpretation") verified = done;
  Check(verified, "the replayed draft counts in the new session's checklist");
}

void TestBadConfiguration() {
  Inbox inbox;
  AnalysisWorker worker([&](AnalysisResult r) { inbox.Put(std::move(r)); });
  AnalysisResult r;
  const auto seq =
      worker.Configure(EngineConfig{"xx", "", "", "", COACH_CHANNEL_CHAT}, {}, {}, {});
  Check(inbox.WaitFor(seq, r) && !r.state.ready && !r.state.error.empty(),
        "an unknown locale leaves the coach unavailable with a reason", r.state.error);
  const auto seq2 = worker.SetDraft("hallo");
  Check(inbox.WaitFor(seq2, r) && !r.state.ready, "drafts without an engine do no harm");
}

void TestStopWhileBusy() {
  const auto start = std::chrono::steady_clock::now();
  {
    AnalysisWorker worker([](AnalysisResult) {});
    worker.Configure(EngineConfig{"nl", "", "", "", COACH_CHANNEL_CHAT}, {}, {}, {});
    for (int i = 0; i < 200; ++i) worker.SetDraft(std::string(i, 'a'));
  }  // stops and joins here, dropping what is still queued
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  Check(ms < 30000, "the worker stops while busy without waiting for its queue",
        std::to_string(ms) + " ms");
}

void TestParseReport() {
  PanelState s;
  std::string err;
  Check(AnalysisWorker::ParseReport(
            R"({"nudges":[{"id":"set_goal","severity":"suggest","title":"T","message":"M","why":"W"},{"severity":"warn"}],
                "checklist":[{"practice":"set_goal","done":true}],"phase":"strategy"})",
            s, err) &&
            s.nudges.size() == 1 && s.nudges[0].why == "W" && s.checklist.size() == 5 &&
            s.checklist[1].first == "set_goal" && s.checklist[1].second && s.phase == "strategy",
        "reports: nudges without an id are skipped; the checklist may be a list");
  Check(!AnalysisWorker::ParseReport("not json", s, err) && !err.empty(),
        "a report that is not JSON is an error", err);
}

}  // namespace

int main() {
  TestParseReport();
  TestBadConfiguration();
  TestTyping();
  TestStopWhileBusy();
  return g_tap.Finish();
}
