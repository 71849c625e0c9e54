// GUI test of the rule lab (run under Xvfb by run_gui_test.sh): the "done when".
//
//   coach_rule_lab_test --rules DIR --conversation FILE --screenshot PNG [--demo-screenshot PNG]
//
// Copies the rule folder DIR to a temporary folder and starts the demo on the copy (never
// writing into DIR). Opens a long client message and a draft with a phrase the rules do not
// know yet: no nudge. Then, in Trainer > Rule lab: breaks a nudge rule with an unknown key and
// expects the problem list to name the rule and its line:column (and Save to refuse), fixes it,
// changes the nudge's Dutch title, saves; adds the phrase as an advice cue, runs the examples,
// tries a transcript, saves; and expects the running coach panel, without a restart, to show
// the new title for the same draft.
#include "main_frame.hpp"
#include "rule_lab.hpp"
#include "step_runner.hpp"

#include <coach/wx/coach_panel.hpp>

#include <wx/app.h>
#include <wx/listctrl.h>
#include <wx/stc/stc.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using coach::demo::MainFrame;
using coach::demo::RuleLabFrame;

const char* const kNudgeFile = "nudges/verify_interpretation.json";
const char* const kCueFile = "nl/advice.json";
const char* const kOldTitle = "Check eerst of je het goed begrijpt";
const char* const kNewTitle = "Toets eerst je beeld bij de hulpvrager";
const char* const kNewCue = "wellicht werkt";
const char* const kDraft = "Wellicht werkt het stappenplan van de gemeente voor je.";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return "[" + s + "]";
}

class RuleLabTest : public coach::test::StepTestApp {
 public:
  bool OnInit() override;

 private:
  // Replaces the first `from` in the editor with `to`, as typing would (one undoable action).
  bool Replace(const std::string& from, const std::string& to) {
    wxStyledTextCtrl* e = m_lab->GetEditor();
    const int at = e->FindText(0, e->GetLength(), wxString::FromUTF8(from), wxSTC_FIND_MATCHCASE);
    if (at < 0) return false;
    e->SetTargetRange(at, at + int(wxString::FromUTF8(from).utf8_str().length()));
    e->ReplaceTarget(wxString::FromUTF8(to));
    return true;
  }
  bool PanelSettled() {
    auto* panel = m_frame->GetCoachPanel();
    return panel->IsIdle() && panel->GetUpdateCount() > m_updatesBefore && !m_frame->IsBusy();
  }
  void MarkUpdates() { m_updatesBefore = m_frame->GetCoachPanel()->GetUpdateCount(); }
  std::string VerifyTitle() const {
    for (const auto& n : m_frame->GetCoachPanel()->GetState().nudges)
      if (n.id == "verify_interpretation") return n.title;
    return {};
  }

  MainFrame* m_frame = nullptr;
  RuleLabFrame* m_lab = nullptr;
  fs::path m_sourceRules, m_tempRules;
  wxString m_conversation, m_screenshot, m_demoShot, m_tryShot;
  std::uint64_t m_updatesBefore = 0;
  std::string m_originalNudgeFile;
  int m_brokenLine = 0;
};

bool RuleLabTest::OnInit() {
  for (int i = 1; i + 1 < argc; i += 2) {
    const wxString key = argv[i], value = argv[i + 1];
    if (key == "--rules") m_sourceRules = value.utf8_string();
    else if (key == "--conversation") m_conversation = value;
    else if (key == "--screenshot") m_screenshot = value;
    else if (key == "--demo-screenshot") m_demoShot = value;
    else if (key == "--try-screenshot") m_tryShot = value;
  }
  if (m_sourceRules.empty() || m_conversation.empty() || m_screenshot.empty()) {
    fprintf(stderr, "usage: coach_rule_lab_test --rules DIR --conversation FILE --screenshot PNG "
                    "[--demo-screenshot PNG]\n");
    return false;
  }
  std::string tmpl = (fs::temp_directory_path() / "coach-rule-lab-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return false;
  m_scratch = tmpl;
  m_tempRules = m_scratch / "rules";
  fs::copy(m_sourceRules, m_tempRules, fs::copy_options::recursive);
  const std::string repoNudges = ReadFile(m_sourceRules / kNudgeFile);
  const std::string repoCues = ReadFile(m_sourceRules / kCueFile);

  wxInitAllImageHandlers();
  coach::wx::InitUiTranslations("nl");
  coach::demo::DemoOptions options;
  options.locale = "nl";
  options.rules_dir = m_tempRules.string();
  m_frame = new MainFrame(options);
  m_frame->Show();

  m_steps = new coach::test::StepRunner([this] {
    if (RuleLabFrame* lab = m_frame ? m_frame->GetRuleLab() : nullptr) lab->Destroy();
    if (m_frame) m_frame->Destroy();
  });
  auto& s = *m_steps;
  auto* panel = m_frame->GetCoachPanel();

  s.WaitFor("the coach engine loads", [panel] {
    return panel->GetState().ready || !panel->GetState().error.empty();
  });
  s.Then("open the conversation, type a draft with the new phrase", [this, &s, panel] {
    s.Check(panel->GetState().ready, "the coach loaded the rules of the temporary copy",
            panel->GetState().error);
    wxString error;
    s.Check(m_frame->OpenConversation(m_conversation, &error), "the conversation opens",
            error.utf8_string());
    MarkUpdates();
    m_frame->GetChatInput()->SetValue(wxString::FromUTF8(kDraft));
  });
  s.WaitSteady("the coach has analysed the draft", [this] { return PanelSettled(); });
  s.Then("before: no nudge for the unknown phrase", [this, &s, panel] {
    s.Check(VerifyTitle().empty(), "before the change the phrase is not advice: no verify nudge",
            "visible: " + Join(panel->VisibleNudgeIds()));
  });

  s.Then("open the rule lab", [this, &s] {
    m_lab = m_frame->OpenRuleLab();
    s.Check(m_lab != nullptr && m_lab->IsShown(), "Trainer > Rule lab opens a window");
    s.Check(m_lab->GetRulesDir() == m_tempRules.string(), "the lab edits the demo's --rules folder",
            m_lab->GetRulesDir());
    const auto& files = m_lab->GetFiles();
    s.Check(std::find(files.begin(), files.end(), kNudgeFile) != files.end() &&
                std::find(files.begin(), files.end(), kCueFile) != files.end(),
            "the file list has the locale's and the nudge files", std::to_string(files.size()));
    s.Check(m_lab->OpenFile(kNudgeFile), "the nudge file opens in the editor");
    m_originalNudgeFile = ReadFile(m_tempRules / kNudgeFile);
  });
  s.WaitFor("the lab checks the file", [this] { return m_lab->IsIdle(); });
  s.Then("break a rule with an unknown key", [this, &s] {
    s.Check(m_lab->GetProblems().empty(), "the shipped file has no problems",
            m_lab->GetProblems().empty() ? "" : m_lab->GetProblems()[0].Display());
    wxStyledTextCtrl* e = m_lab->GetEditor();
    const int at = e->FindText(0, e->GetLength(), "\"kind\": \"nudge\",", wxSTC_FIND_MATCHCASE);
    m_brokenLine = e->LineFromPosition(at) + 2;  // the inserted line, 1-based
    e->GotoPos(at + int(strlen("\"kind\": \"nudge\",")));
    e->AddText("\n      \"colour\": \"red\",");
  });
  s.WaitFor("the debounced check reports the problem", [this] {
    return m_lab->IsIdle() && !m_lab->GetProblems().empty();
  });
  s.Then("the problem names the rule and line:column", [this, &s] {
    const auto& problems = m_lab->GetProblems();
    // The engine reports an unknown key at its value: column 17 of '      "colour": "red",'.
    const std::string where = std::to_string(m_brokenLine) + ":17";
    bool found = false;
    for (const auto& p : problems)
      found = found || (p.rule == "NUDGE_VERIFY_BEFORE_ADVICE" &&
                        std::to_string(p.line) + ":" + std::to_string(p.column) == where &&
                        p.message.find("colour") != std::string::npos);
    s.Check(found, "a problem at " + where + " names NUDGE_VERIFY_BEFORE_ADVICE and 'colour'",
            problems.empty() ? "" : problems[0].Display());
    wxListCtrl* list = m_lab->GetProblemList();
    s.Check(list->GetItemCount() == int(problems.size()) && list->GetItemCount() > 0 &&
                list->GetItemText(0, 0) == where &&
                list->GetItemText(0, 1) == "NUDGE_VERIFY_BEFORE_ADVICE",
            "the problem list shows line:column and rule",
            list->GetItemCount() ? (list->GetItemText(0, 0) + " | " + list->GetItemText(0, 1) +
                                    " | " + list->GetItemText(0, 2)).utf8_string()
                                 : "empty");
    wxStyledTextCtrl* e = m_lab->GetEditor();
    const int pos = e->PositionFromLine(m_brokenLine - 1) + 6;
    s.Check(e->IndicatorValueAt(8, pos) != 0 && e->IndicatorValueAt(8, pos + 12) != 0,
            "the editor underlines the unknown key and its value");
    e->GotoPos(0);
    m_lab->GoToProblem(0);
    s.Check(e->GetCurrentLine() == m_brokenLine - 1 && e->GetColumn(e->GetCurrentPos()) == 16,
            "going to the problem puts the caret at its line and column");
    wxString why;
    s.Check(!m_lab->Save(&why) && why.Contains("NUDGE_VERIFY_BEFORE_ADVICE"),
            "Save refuses and says which rule and why", why.BeforeFirst('\n').utf8_string());
    s.Check(ReadFile(m_tempRules / kNudgeFile) == m_originalNudgeFile,
            "the refused save left the file as it was");
    wxString error;
    s.Check(m_lab->SaveScreenshot(m_screenshot, &error),
            "rule lab screenshot saved to " + m_screenshot.utf8_string(), error.utf8_string());
  });
  s.Then("fix the rule and change the Dutch title", [this, &s] {
    m_lab->GetEditor()->Undo();
    s.Check(Replace(kOldTitle, kNewTitle), "the Dutch title is in the file");
  });
  s.WaitFor("the lab checks the fixed file", [this] { return m_lab->IsIdle(); });
  s.Then("save the nudge", [this, &s] {
    s.Check(m_lab->GetProblems().empty(), "the fixed file has no problems",
            m_lab->GetProblems().empty() ? "" : m_lab->GetProblems()[0].Display());
    wxString error;
    MarkUpdates();
    s.Check(m_lab->Save(&error), "Save writes the nudge file", error.utf8_string());
    const std::string saved = ReadFile(m_tempRules / kNudgeFile);
    s.Check(saved.find(kNewTitle) != std::string::npos && saved.find("colour") == std::string::npos,
            "the file on disk has the new title and not the broken key");
    bool leftovers = false;
    for (const auto& entry : fs::directory_iterator(m_tempRules / "nudges"))
      leftovers = leftovers || entry.path().filename().string().find(".tmp") != std::string::npos;
    s.Check(!leftovers, "no temporary file is left beside it");
    s.Check(!m_lab->IsModified(), "the editor is clean after saving");
  });
  s.Then("add the cue phrase", [this, &s] {
    s.Check(m_lab->OpenFile(kCueFile), "the advice rules open");
    s.Check(Replace("\"patterns\": [", std::string("\"patterns\": [\n        \"") + kNewCue + "\","),
            "the new cue phrase is added to the first advice rule");
    m_lab->RunExamples();
  });
  s.WaitFor("the examples ran", [this] { return m_lab->IsIdle() && m_lab->GetExamplesRun() >= 0; },
            60000);
  s.Then("examples pass; try a transcript", [this, &s] {
    wxWindow* run = wxWindow::FindWindowByName(_("Run the rules' examples"), m_lab);
    s.Check(run && run->IsEnabled(), "the examples button is enabled again");
    s.Check(m_lab->GetProblems().empty(), "the edited advice file has no problems");
    s.Check(m_lab->GetExamplesRun() > 50 && m_lab->GetExampleFailures().empty(),
            "the rules' examples pass with the edit",
            std::to_string(m_lab->GetExamplesRun()) + " examples" +
                (m_lab->GetExampleFailures().empty() ? "" : "; " + m_lab->GetExampleFailures()[0]));
    std::string transcript = ReadFile(m_conversation.utf8_string());
    transcript = "Hulpvrager (19:02): " + std::string("Sinds ik vorig jaar mijn baan kwijtraakte lukt het niet meer om alles te betalen. Ik heb een achterstand bij de huur en bij de zorgverzekering en nu komen er ook brieven van een incassobureau. Ik durf de post niet meer open te maken en ik weet niet meer hoe ik die stapel rekeningen ooit moet aanpakken.") +
                 "\nHulpverlener (19:05): " + kDraft + "\n";
    m_lab->TryTranscript(wxString::FromUTF8(transcript));
  });
  s.WaitFor("the transcript is analysed", [this] { return m_lab->IsIdle() && !m_lab->GetTryRows().empty(); });
  s.Then("the transcript pane shows practices and the new nudge", [this, &s] {
    const auto& rows = m_lab->GetTryRows();
    s.Check(rows.size() == 2, "two messages", std::to_string(rows.size()));
    if (rows.size() == 2) {
      const auto& p = rows[1].practices;
      s.Check(std::find(p.begin(), p.end(), "advice") != p.end(),
              "with the edited rules the counsellor's message is advice", Join(p));
      s.Check(!rows[1].nudges.empty() && rows[1].nudges[0].find(kNewTitle) != std::string::npos,
              "the coach's new title at that turn", Join(rows[1].nudges));
    }
  });
  s.WaitSteady("the lab has painted the results", [] { return true; }, 500);
  s.Then("save the advice file", [this, &s] {
    wxString error;
    if (!m_tryShot.empty())
      s.Check(m_lab->SaveScreenshot(m_tryShot, &error),
              "transcript pane screenshot saved to " + m_tryShot.utf8_string(), error.utf8_string());
    MarkUpdates();
    s.Check(m_lab->Save(&error), "Save writes the advice file", error.utf8_string());
  });
  s.WaitSteady("the panel reloads and analyses the draft again",
               [this] { return PanelSettled() && !VerifyTitle().empty(); }, 300, 30000);
  s.Then("after: the running panel shows the new title", [this, &s, panel, repoNudges, repoCues] {
    s.Check(VerifyTitle() == kNewTitle,
            "without a restart the panel shows the new title for the draft with the new cue",
            "title: " + VerifyTitle() + "; visible: " + Join(panel->VisibleNudgeIds()));
    s.Check(m_frame->GetMessages().size() == 3 && m_frame->GetChatInput()->GetValue() ==
                                                      wxString::FromUTF8(kDraft),
            "the conversation and the draft are kept");
    s.Check(ReadFile(m_sourceRules / kNudgeFile) == repoNudges &&
                ReadFile(m_sourceRules / kCueFile) == repoCues,
            "the source rule folder was not touched");
    if (!m_demoShot.empty()) {
      wxString error;
      m_frame->Raise();
      s.Check(m_frame->SaveScreenshot(m_demoShot, &error),
              "demo screenshot saved to " + m_demoShot.utf8_string(), error.utf8_string());
    }
  });
  s.Start();
  return true;
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(RuleLabTest);

int main(int argc, char** argv) { return wxEntry(argc, argv); }
