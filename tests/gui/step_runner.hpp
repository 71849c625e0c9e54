// A tiny step runner for GUI tests: steps run on a timer inside the wx event loop, waits poll a
// condition, and every check prints one TAP line ("ok N - ..." / "not ok N - ...").
#pragma once

#include "tap.hpp"

#include <wx/app.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace coach::test {

class StepRunner : public wxEvtHandler {
 public:
  explicit StepRunner(std::function<void()> finish) : m_finish(std::move(finish)), m_timer(this) {
    Bind(wxEVT_TIMER, &StepRunner::OnTick, this);
  }

  void Then(std::string name, std::function<void()> run) {
    m_steps.push_back({std::move(name), std::move(run), nullptr, 0});
  }
  void WaitFor(std::string name, std::function<bool()> until, long timeout_ms = 30000) {
    m_steps.push_back({std::move(name), nullptr, std::move(until), timeout_ms});
  }
  // Waits until `until` has held for `quiet_ms` in a row (layout and painting settle).
  void WaitSteady(std::string name, std::function<bool()> until, long quiet_ms = 300,
                  long timeout_ms = 30000) {
    auto since = std::make_shared<wxLongLong>(0);
    WaitFor(std::move(name), [until = std::move(until), since, quiet_ms] {
      if (!until()) {
        *since = 0;
        return false;
      }
      if (*since == 0) *since = wxGetUTCTimeMillis();
      return (wxGetUTCTimeMillis() - *since).ToLong() >= quiet_ms;
    }, timeout_ms);
  }
  bool Check(bool ok, const std::string& what, const std::string& detail = {}) {
    return m_tap.Check(ok, what, detail);
  }
  void Start(int interval_ms = 20) {
    m_stepStart = wxGetUTCTimeMillis();
    m_timer.Start(interval_ms);
  }
  bool Failed() const { return m_tap.Failed(); }

 private:
  struct Step {
    std::string name;
    std::function<void()> run;
    std::function<bool()> until;
    long timeout_ms = 0;
  };

  void OnTick(wxTimerEvent&) {
    while (m_current < m_steps.size()) {
      Step& step = m_steps[m_current];
      if (step.run) {
        step.run();
      } else if (!step.until()) {
        if ((wxGetUTCTimeMillis() - m_stepStart).ToLong() < step.timeout_ms) return;
        Check(false, "timed out waiting: " + step.name);
        break;
      }
      ++m_current;
      m_stepStart = wxGetUTCTimeMillis();
    }
    m_timer.Stop();
    m_tap.Finish();
    if (m_finish) m_finish();
  }

  std::function<void()> m_finish;
  wxTimer m_timer;
  std::vector<Step> m_steps;
  std::size_t m_current = 0;
  wxLongLong m_stepStart;
  Tap m_tap;
};

// The application of a step-runner test: exits 1 when a check failed, and removes its scratch
// folder (temporary copies of rules, reports) on the way out.
class StepTestApp : public wxApp {
 public:
  int OnRun() override {
    const int rc = wxApp::OnRun();
    return rc ? rc : (m_steps && m_steps->Failed() ? 1 : 0);
  }
  int OnExit() override {
    std::error_code ec;
    if (!m_scratch.empty()) std::filesystem::remove_all(m_scratch, ec);
    delete m_steps;
    m_steps = nullptr;
    return wxApp::OnExit();
  }

 protected:
  StepRunner* m_steps = nullptr;
  std::filesystem::path m_scratch;
};

}  // namespace coach::test
