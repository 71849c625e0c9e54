// GUI test of the coach panel inside the demo host (run under Xvfb by run_gui_test.sh).
//
//   coach_gui_test --conversation FILE --screenshot PNG [--crisis-screenshot PNG]
//                  [--english-screenshot PNG] [--script CLIENT_SCRIPT]
//
// Opens a Dutch conversation that ends with a long client message, types a counsellor draft
// that jumps to advice and a referral without checking the interpretation into the demo's chat
// box, key by key, and checks through the panel's public accessors that the coach asks to
// verify the interpretation. Then checks that the nudge goes once the draft verifies, that Enter
// sends, that Dismiss hides a nudge, and that crisis language raises the banner which cannot be
// snoozed, that a scripted client answers after the counsellor sends, and that switching the
// language to English keeps the conversation. Prints one
// "ok"/"not ok" line per check; exit status 0 when all pass.
#include "main_frame.hpp"
#include "tap.hpp"

#include <coach/wx/coach_panel.hpp>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/ffile.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using coach::demo::MainFrame;

const char* const kAdviceDraft =
    "Je zou het beste zo snel mogelijk naar het loket schuldhulpverlening van de gemeente kunnen "
    "gaan. Daar kunnen ze met je meekijken en een betalingsregeling treffen.";
const char* const kVerifyDraft =
    " Begrijp ik goed dat je vooral wilt weten wat je als eerste moet doen? Klopt dat?";
const char* const kCrisisMessage =
    "Eerlijk gezegd zie ik het niet meer zitten. Soms denk ik erover om een eind aan mijn leven "
    "te maken.";

std::string Join(const std::vector<std::string>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s + "]";
}

bool Has(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

class GuiTest : public wxApp {
 public:
  bool OnInit() override;
  // wxEntry returns what OnRun returns (OnExit's value is ignored).
  int OnRun() override {
    const int rc = wxApp::OnRun();
    return rc ? rc : (m_tap.Failed() ? 1 : 0);
  }

 private:
  // A step runs once; a wait polls `until` every tick and fails after `timeout_ms`.
  struct Step {
    std::string name;
    std::function<void()> run;
    std::function<bool()> until;
    long timeout_ms = 0;
  };

  void Then(std::string name, std::function<void()> run) {
    m_steps.push_back({std::move(name), std::move(run), nullptr, 0});
  }
  void WaitFor(std::string name, std::function<bool()> until, long timeout_ms = 30000) {
    m_steps.push_back({std::move(name), nullptr, std::move(until), timeout_ms});
  }
  void Check(bool ok, const std::string& what, const std::string& detail = {}) { m_tap.Check(ok, what, detail); }
  // The panel has analysed everything sent to it and shown the result, and GTK has had 300 ms
  // to lay it out and paint it (screenshots come right after).
  bool Settled() {
    const bool done =
        !m_frame->IsBusy() && m_frame->GetCoachPanel()->GetUpdateCount() > m_updatesBefore;
    if (!done) {
      m_settledSince = 0;
      return false;
    }
    if (m_settledSince == 0) m_settledSince = wxGetUTCTimeMillis();
    return (wxGetUTCTimeMillis() - m_settledSince).ToLong() >= 300;
  }
  void MarkUpdates() {
    m_updatesBefore = m_frame->GetCoachPanel()->GetUpdateCount();
    m_settledSince = 0;
  }
  void OnTick(wxTimerEvent&);
  void Finish();

  MainFrame* m_frame = nullptr;
  wxTimer m_timer;
  std::vector<Step> m_steps;
  std::size_t m_current = 0;
  wxLongLong m_stepStart;
  wxLongLong m_settledSince = 0;
  std::uint64_t m_updatesBefore = 0;
  coach::test::Tap m_tap;
  wxString m_conversation, m_screenshot, m_crisisShot, m_englishShot, m_scriptPath;
  coach::demo::ClientScript m_script;
  wxLongLong m_lastTypeTick = 0;
  long m_maxTypeGap = 0;
  std::string m_dismissed;
  bool m_acknowledged = false;
};

bool GuiTest::OnInit() {
  for (int i = 1; i + 1 < argc; i += 2) {
    const wxString key = argv[i], value = argv[i + 1];
    if (key == "--conversation") m_conversation = value;
    else if (key == "--screenshot") m_screenshot = value;
    else if (key == "--crisis-screenshot") m_crisisShot = value;
    else if (key == "--english-screenshot") m_englishShot = value;
    else if (key == "--script") m_scriptPath = value;
  }
  if (m_conversation.empty() || m_screenshot.empty()) {
    fprintf(stderr, "usage: coach_gui_test --conversation FILE --screenshot PNG "
                    "[--crisis-screenshot PNG]\n");
    return false;
  }
  wxInitAllImageHandlers();
  coach::wx::InitUiTranslations("nl");
  coach::demo::DemoOptions options;
  options.locale = "nl";
  m_frame = new MainFrame(options);
  m_frame->Show();
  auto* panel = m_frame->GetCoachPanel();

  WaitFor("the coach engine loads", [panel] {
    return panel->GetState().ready || !panel->GetState().error.empty();
  });
  Then("engine ready", [this, panel] {
    Check(panel->GetState().ready && panel->GetState().error.empty(), "the coach engine loaded",
          panel->GetState().error);
  });
  Then("open the conversation", [this] {
    wxString error;
    Check(m_frame->OpenConversation(m_conversation, &error), "the conversation opens",
          error.utf8_string());
    MarkUpdates();
  });
  WaitFor("the conversation is analysed", [this] { return Settled(); });
  Then("type the advice draft", [this] {
    Check(!m_frame->GetMessages().empty() &&
              m_frame->GetMessages().back().role == COACH_ROLE_CLIENT,
          "the conversation ends with the client's message");
    MarkUpdates();
    m_lastTypeTick = wxGetUTCTimeMillis();
    m_frame->TypeText(wxString::FromUTF8(kAdviceDraft), {}, 8);
  });
  WaitFor("typing finishes and the coach catches up", [this] { return Settled(); });
  Then("the verify nudge is shown", [this, panel] {
    const wxString typed = m_frame->GetChatInput()->GetValue();
    Check(typed == wxString::FromUTF8(kAdviceDraft), "every typed character reached the chat box");
    const auto ids = panel->VisibleNudgeIds();
    Check(Has(ids, "verify_interpretation"),
          "after a long client message, advice without checking shows verify_interpretation",
          "visible: " + Join(ids));
    Check(!panel->IsPracticeDone("verify_interpretation"),
          "the checklist shows the interpretation as not yet verified");
    Check(!panel->IsCrisisBannerShown(), "no crisis banner for an ordinary conversation");
    printf("# longest pause between typed characters: %ld ms\n", m_maxTypeGap);
    wxString error;
    Check(m_frame->SaveScreenshot(m_screenshot, &error), "screenshot saved to " +
          m_screenshot.utf8_string(), error.utf8_string());
  });
  Then("keyboard", [this, panel] {
    // Tab from the chat box reaches the panel's buttons (no dead stops on the way).
    m_frame->Raise();
    m_frame->GetChatInput()->SetFocus();
    std::vector<std::string> seen;
    bool reached = false;
    for (int i = 0; i < 8 && !reached; ++i) {
      wxWindow* focus = wxWindow::FindFocus();
      if (!focus) break;
      focus->Navigate(wxNavigationKeyEvent::IsForward);
      wxWindow* now = wxWindow::FindFocus();
      if (!now) break;
      seen.push_back(wxString(now->GetClassInfo()->GetClassName()).utf8_string() + " '" +
                     now->GetLabel().utf8_string() + "'");
      bool inPanel = false;
      for (wxWindow* w = now; w; w = w->GetParent()) inPanel = inPanel || w == panel;
      reached = inPanel && dynamic_cast<wxButton*>(now) != nullptr;
    }
    if (wxWindow::FindFocus() == nullptr && seen.empty())
      Check(true, "keyboard focus is not available on this display (skipped)");
    else
      Check(reached, "Tab from the chat box reaches a button in the coach panel",
            "focus went to " + Join(seen));
    m_frame->GetChatInput()->SetFocus();
  });
  // Hold the window still while run_gui_test.sh grabs the screen with `import -window root`.
  Then("signal ready", [] {
    wxString ready;
    if (wxGetEnv("COACH_GUI_READY_FILE", &ready)) wxFFile(ready, "w").Write("ready\n");
  });
  WaitFor("the screen is captured", [] {
    wxString ready, release;
    if (!wxGetEnv("COACH_GUI_READY_FILE", &ready) || !wxGetEnv("COACH_GUI_RELEASE_FILE", &release))
      return true;
    return wxFileExists(release);
  }, 20000);

  Then("type a verification", [this] {
    MarkUpdates();
    m_frame->TypeText(wxString::FromUTF8(kVerifyDraft), {}, 8);
  });
  WaitFor("the coach catches up", [this] { return Settled(); });
  Then("verified", [this, panel] {
    Check(panel->IsPracticeDone("verify_interpretation"),
          "a draft that asks \"Klopt dat?\" ticks verify_interpretation in the checklist");
    Check(!Has(panel->VisibleNudgeIds(), "verify_interpretation"),
          "the verify_interpretation nudge goes away", "visible: " + Join(panel->VisibleNudgeIds()));
  });
  Then("dismiss", [this, panel] {
    std::vector<std::string> ids;
    for (const std::string& id : panel->VisibleNudgeIds())
      if (id != "crisis") ids.push_back(id);
    if (ids.empty()) {
      Check(true, "no nudge left to dismiss after a verified reply (skipped)");
      return;
    }
    const std::string id = ids.front();
    MarkUpdates();
    Check(panel->DismissNudge(id), "Dismiss accepts " + id);
    Check(!Has(panel->VisibleNudgeIds(), id), "the dismissed nudge disappears at once");
    m_dismissed = id;
  });
  WaitFor("the dismissal is analysed", [this] { return m_dismissed.empty() || Settled(); });
  Then("dismissed stays away", [this, panel] {
    if (!m_dismissed.empty())
      Check(!Has(panel->VisibleNudgeIds(), m_dismissed), "the dismissed nudge stays hidden",
            "visible: " + Join(panel->VisibleNudgeIds()));
  });
  Then("press Enter", [this] {
    const std::size_t before = m_frame->GetMessages().size();
    wxKeyEvent key(wxEVT_KEY_DOWN);
    key.m_keyCode = WXK_RETURN;
    key.SetEventObject(m_frame->GetChatInput());
    MarkUpdates();
    m_frame->GetChatInput()->GetEventHandler()->ProcessEvent(key);
    Check(m_frame->GetMessages().size() == before + 1 &&
              m_frame->GetMessages().back().role == COACH_ROLE_COUNSELLOR,
          "Enter sends the draft as a counsellor message");
    Check(m_frame->GetChatInput()->IsEmpty(), "the chat box is empty after sending");
  });
  WaitFor("the sent message is analysed", [this] { return Settled(); });
  Then("still dismissed", [this, panel] {
    if (!m_dismissed.empty())
      Check(!Has(panel->VisibleNudgeIds(), m_dismissed),
            "a dismissed nudge stays hidden after the next message",
            "visible: " + Join(panel->VisibleNudgeIds()));
  });
  Then("client signals crisis", [this] {
    MarkUpdates();
    m_frame->AddClientMessage(wxString::FromUTF8(kCrisisMessage));
  });
  WaitFor("the crisis message is analysed", [this] { return Settled(); });
  Then("crisis banner", [this, panel] {
    const auto ids = panel->VisibleNudgeIds();
    Check(panel->IsCrisisBannerShown(), "crisis language raises the crisis banner",
          "visible: " + Join(ids));
    Check(!ids.empty() && ids.front() == "crisis", "the crisis nudge comes first");
    Check(!panel->SnoozeNudge("crisis"), "the crisis nudge cannot be snoozed");
    if (!m_crisisShot.empty()) {
      wxString error;
      Check(m_frame->SaveScreenshot(m_crisisShot, &error),
            "crisis screenshot saved to " + m_crisisShot.utf8_string(), error.utf8_string());
    }
    m_acknowledged = panel->IsCrisisBannerShown();
    MarkUpdates();
    if (m_acknowledged) panel->AcknowledgeCrisis();
  });
  WaitFor("the acknowledgement is analysed", [this] { return !m_acknowledged || Settled(); });
  Then("acknowledged", [this, panel] {
    if (!m_acknowledged) return;
    Check(panel->IsCrisisBannerShown(), "the banner stays after it is acknowledged");
    bool acknowledged = false;
    for (const auto& n : panel->GetState().nudges)
      if (n.id == "crisis") acknowledged = n.acknowledged;
    Check(acknowledged, "the crisis nudge is marked acknowledged");
  });
  Then("play a scripted client", [this] {
    if (m_scriptPath.empty()) return;
    wxString error;
    Check(m_frame->StartScript(m_scriptPath, &error), "the scripted client starts",
          error.utf8_string());
    std::string err;
    coach::demo::LoadScript(m_scriptPath.utf8_string(), m_script, err);
    Check(m_frame->GetMessages().size() == m_script.opening.size() &&
              !m_frame->GetMessages().empty() &&
              m_frame->GetMessages().front().role == COACH_ROLE_CLIENT,
          "a new conversation opens with the script's client message");
    MarkUpdates();
    m_frame->TypeText(wxString::FromUTF8(
        "Begrijp ik goed dat je vooral een slaapplek zoekt voor de komende weken?"), {}, 4);
  });
  WaitFor("the answer is typed", [this] { return m_scriptPath.empty() || Settled(); });
  Then("send the answer", [this] {
    if (m_scriptPath.empty()) return;
    m_frame->SendChat();
  });
  WaitFor("the client replies", [this] {
    return m_scriptPath.empty() || m_frame->GetMessages().size() >= m_script.opening.size() + 2;
  }, 20000);
  Then("client replied", [this] {
    if (m_scriptPath.empty() || m_script.turns.empty()) return;
    const auto& last = m_frame->GetMessages().back();
    Check(last.role == COACH_ROLE_CLIENT && last.text == m_script.turns[0].text,
          "after the counsellor's message the client answers with the script's first turn");
  });
  Then("switch to English", [this] {
    const std::size_t messages = m_frame->GetMessages().size();
    m_frame->SwitchLanguage("en");  // rebuilds the window; the old one is destroyed
    m_frame = dynamic_cast<MainFrame*>(GetTopWindow());
    Check(m_frame != nullptr && m_frame->GetOptions().locale == "en" &&
              m_frame->GetMessages().size() == messages,
          "Language > English rebuilds the window with the same conversation");
    if (!m_frame) return;
    Check(m_frame->GetMenuBar()->GetMenuLabelText(0) == "File", "the menus are in English",
          m_frame->GetMenuBar()->GetMenuLabelText(0).utf8_string());
    MarkUpdates();
  });
  WaitFor("the English coach is up to date", [this] { return !m_frame || Settled(); });
  Then("English coach", [this] {
    if (!m_frame) return;
    const auto& st = m_frame->GetCoachPanel()->GetState();
    Check(st.ready && st.error.empty(), "the English coach engine loaded", st.error);
    wxString error;
    if (!m_englishShot.empty())
      Check(m_frame->SaveScreenshot(m_englishShot, &error),
            "English screenshot saved to " + m_englishShot.utf8_string(), error.utf8_string());
  });

  m_timer.SetOwner(this);
  Bind(wxEVT_TIMER, &GuiTest::OnTick, this);
  m_stepStart = wxGetUTCTimeMillis();
  m_timer.Start(20);
  return true;
}

void GuiTest::OnTick(wxTimerEvent&) {
  if (m_frame && m_frame->IsTyping()) {
    const wxLongLong now = wxGetUTCTimeMillis();
    m_maxTypeGap = std::max(m_maxTypeGap, (now - m_lastTypeTick).ToLong());
    m_lastTypeTick = now;
  }
  while (m_current < m_steps.size()) {
    Step& step = m_steps[m_current];
    if (step.run) {
      step.run();
    } else {
      const long waited = (wxGetUTCTimeMillis() - m_stepStart).ToLong();
      if (!step.until()) {
        if (waited < step.timeout_ms) return;
        Check(false, "timed out waiting: " + step.name);
        Finish();
        return;
      }
    }
    ++m_current;
    m_stepStart = wxGetUTCTimeMillis();
  }
  Finish();
}

void GuiTest::Finish() {
  m_timer.Stop();
  m_tap.Finish();
  if (m_frame) m_frame->Destroy();
  m_frame = nullptr;
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(GuiTest);

int main(int argc, char** argv) { return wxEntry(argc, argv); }
