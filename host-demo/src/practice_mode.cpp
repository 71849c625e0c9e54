// Trainer > Practice session: a simulated client from plugin/practice answers the trainee in the
// demo's chat window (after a short "typing" delay), the coach panel beside it as in a live chat.
// At the end the demo offers to save the conversation in the study's chat format and, with the
// report library, as the HTML session report.
#include "main_frame.hpp"

#include <coach/engine.hpp>
#include <coach/practice/scenario.hpp>
#include <coach/practice/session.hpp>
#ifdef COACH_DEMO_HAVE_REPORT
#include <coach/report/coding.hpp>
#include <coach/report/files.hpp>
#include <coach/report/render.hpp>
#endif

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace coach::demo {

namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

struct ScenarioEntry {
  std::string path;
  std::string title, topic, locale, brief;
  std::string error;  // the file does not load
};

std::vector<ScenarioEntry> ListScenarios(const std::string& dir) {
  std::vector<ScenarioEntry> out;
  for (const std::string& path : coach::practice::scenario_files(dir)) {
    ScenarioEntry e;
    e.path = path;
    try {
      const coach::practice::Scenario s = coach::practice::load_scenario(path);
      e.title = s.title.empty() ? s.id : s.title;
      e.topic = s.topic;
      e.locale = s.locale;
      e.brief = s.brief;
    } catch (const std::exception& ex) {
      e.title = fs::path(path).filename().string();
      e.error = ex.what();
    }
    out.push_back(std::move(e));
  }
  return out;
}

// Lists the scenarios (title, topic, language) with the chosen one's brief below.
class ScenarioDialog : public wxDialog {
 public:
  ScenarioDialog(wxWindow* parent, std::vector<ScenarioEntry> entries, const std::string& locale)
      : wxDialog(parent, wxID_ANY, _("Practice session"), wxDefaultPosition, wxSize(720, 520),
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
        m_entries(std::move(entries)) {
    // The demo's language first, then by title.
    std::stable_sort(m_entries.begin(), m_entries.end(), [&](const auto& a, const auto& b) {
      return std::make_pair(a.locale != locale, a.title) < std::make_pair(b.locale != locale, b.title);
    });
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Choose a client to practise with. The client answers what "
                                     "you write; the coach runs beside you as in a live chat."));
    auto* label = new wxStaticText(this, wxID_ANY, _("&Scenarios:"));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName(_("Scenarios"));
    m_list->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, 380);
    m_list->AppendColumn(_("Topic"), wxLIST_FORMAT_LEFT, 170);
    m_list->AppendColumn(_("Language"), wxLIST_FORMAT_LEFT, 100);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
      const auto& e = m_entries[i];
      const long row = m_list->InsertItem(long(i), U(e.title));
      m_list->SetItem(row, 1, e.error.empty() ? U(e.topic) : _("(cannot be read)"));
      m_list->SetItem(row, 2, e.locale == "nl" ? wxString("Nederlands")
                              : e.locale == "en" ? wxString("English")
                                                 : U(e.locale));
    }
    m_brief = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 70));
    m_brief->SetName(_("About the client"));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) ok->SetLabel(_("&Start"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxALL, 12);
    sizer->Add(label, 0, wxLEFT | wxRIGHT, 12);
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(m_brief, 0, wxEXPAND | wxALL, 12);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    SetSizer(sizer);
    intro->Wrap(680);

    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { ShowBrief(e.GetIndex()); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
    if (!m_entries.empty()) {
      m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      ShowBrief(0);
    }
    m_list->SetFocus();
  }

  std::string Chosen() const {
    const long sel = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return sel >= 0 && std::size_t(sel) < m_entries.size() ? m_entries[sel].path : std::string();
  }

 private:
  void ShowBrief(long index) {
    if (index < 0 || std::size_t(index) >= m_entries.size()) return;
    const auto& e = m_entries[index];
    m_brief->SetLabel(U(e.error.empty() ? e.brief : e.error));
    m_brief->Wrap(680);
    Layout();
  }

  std::vector<ScenarioEntry> m_entries;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_brief = nullptr;
};

ChatMessage ToChat(const coach::Message& m) {
  return {"", m.role == coach::Role::client ? COACH_ROLE_CLIENT : COACH_ROLE_COUNSELLOR,
          m.channel == coach::Channel::email ? COACH_CHANNEL_EMAIL : COACH_CHANNEL_CHAT, m.text,
          m.time};
}

wxString EndingText(const std::string& ending) {
  if (ending == "good") return _("the client leaves helped");
  if (ending == "neutral") return _("the client leaves, neither helped nor put off");
  if (ending == "poor") return _("the client drops out");
  if (ending == "out_of_time") return _("time is up");
  if (ending == "stopped") return _("you stopped");
  return U(ending);
}

}  // namespace

void MainFrame::OnPracticeMenu() {
  const std::string dir = m_options.scenarios_dir.empty()
                              ? coach::practice::default_scenarios_dir()
                              : m_options.scenarios_dir;
  std::vector<ScenarioEntry> entries = ListScenarios(dir);
  if (entries.empty()) {
    wxMessageBox(wxString::Format(_("No practice scenarios in %s."), U(dir)),
                 _("Practice session"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  ScenarioDialog dlg(this, std::move(entries), m_options.locale);
  if (dlg.ShowModal() != wxID_OK || dlg.Chosen().empty()) return;
  wxString error;
  if (!StartPractice(U(dlg.Chosen()), &error))
    wxMessageBox(error, _("Cannot start the practice session"), wxOK | wxICON_ERROR, this);
}

bool MainFrame::StartPractice(const wxString& path_or_id, wxString* error) {
  auto fail = [&](const wxString& why) {
    if (error) *error = why;
    SetInfo(why.BeforeFirst('\n'));
    return false;
  };
  std::string path = path_or_id.utf8_string();
  if (!fs::exists(path)) {
    const fs::path inDir = fs::path(m_options.scenarios_dir) / (path + ".json");
    if (!m_options.scenarios_dir.empty() && fs::exists(inDir))
      path = inDir.string();
    else if (auto found = coach::practice::find_scenario(path))
      path = *found;
    else
      return fail(wxString::Format(_("No practice scenario %s."), path_or_id));
  }
  coach::practice::Scenario scenario;
  std::shared_ptr<const coach::Engine> engine;
  try {
    scenario = coach::practice::load_scenario(path);
    wxBusyCursor busy;
    coach::EngineOptions eo;
    eo.locale = scenario.locale.empty() ? m_options.locale : scenario.locale;
    eo.rules_dir = m_options.rules_dir;
    engine = coach::Engine::create(eo);
  } catch (const coach::practice::ScenarioError& e) {
    wxString why;
    for (const auto& p : e.problems()) why += (why.empty() ? "" : "\n") + U(p);
    return fail(why);
  } catch (const std::exception& e) {
    return fail(U(e.what()));
  }

  StopScript();
  LoadMessages({});  // also ends a practice session in progress
  m_chatInput->Clear();
  m_emailBody->Clear();
  ShowPage(scenario.channel == coach::Channel::email ? 1 : 0);
  const std::string title = scenario.title.empty() ? scenario.id : scenario.title;
  const std::string brief = scenario.brief;
  const std::string locale = scenario.locale;
  const int maxTurns = scenario.max_turns;
  m_practiceEngine = engine;
  m_practice = std::make_unique<coach::practice::PracticeSession>(engine, std::move(scenario));
  m_practiceDone = false;
  m_practiceQueue.clear();
  for (const coach::Message& m : m_practice->messages()) AddMessage(ToChat(m));
  m_sourceName = U(title);
  UpdateTitle();
  ShowBrief(wxString::Format(_("Practice session: %s"), U(title)), U(brief));
  SetInfo(wxString::Format(_("Practice: \"%s\"."), U(title)));
  if (!locale.empty() && locale != m_options.locale)
    SetInfo(wxString::Format(_("This script is in \"%s\"; switch the language for best results."),
                             U(locale)));
  SetScriptStatus(wxString::Format(_("Your turn: at most %d messages"), maxTurns));
  (m_notebook->GetSelection() == 1 ? m_emailBody : m_chatInput)->SetFocus();
  return true;
}

void MainFrame::StopPractice() {
  m_practiceTimer.Stop();
  m_practiceQueue.clear();
  if (m_practice && !m_practice->finished()) m_practice->stop();
  if (m_practice) SetScriptStatus(_("Practice session ended."));
  ShowBrief(wxString(), wxString());
  m_practice.reset();
  m_practiceEngine.reset();
  m_practiceDone = false;
}

bool MainFrame::IsPracticeActive() const { return m_practice && !m_practiceDone; }

bool MainFrame::IsPracticeFinished() const { return m_practice && m_practiceDone; }

bool MainFrame::PracticeTurn(const wxString& text) {
  wxTextCtrl* input = m_notebook->GetSelection() == 1 ? m_emailBody : m_chatInput;
  if (m_practice->finished()) {
    SetInfo(_("The practice session has ended. Start a new one from the Trainer menu."));
    return false;
  }
  if (m_practiceTimer.IsRunning()) {
    // The client is still typing: the trainee's message waits in the box, as in a real chat it
    // would cross the client's; the scenario steps one turn at a time.
    SetInfo(_("The client is still typing; send when the reply is in."));
    return false;
  }
  coach::practice::TurnResult turn;
  try {
    turn = m_practice->reply(text.utf8_string());
  } catch (const std::exception& e) {
    SetInfo(U(e.what()));
    return false;
  }
  const auto& all = m_practice->messages();
  const std::size_t first = all.size() - turn.replies.size();
  ChatMessage mine = ToChat(all[first - 1]);
  mine.text = text.utf8_string();
  AddMessage(mine);
  input->Clear();
  input->SetFocus();
  for (std::size_t i = first; i < all.size(); ++i) m_practiceQueue.push_back(ToChat(all[i]));
  if (!m_practiceQueue.empty()) {
    SetScriptStatus(_("The client is typing..."));
    const int chars = int(m_practiceQueue.front().text.size());
    m_practiceTimer.StartOnce(m_options.client_typing_ms >= 0
                                  ? std::max(1, m_options.client_typing_ms)
                                  : std::clamp(600 + 20 * chars, 900, 3500));
  } else if (m_practice->finished()) {
    PracticeFinished();
  }
  return true;
}

void MainFrame::OnPracticeTimer(wxTimerEvent&) {
  if (!m_practice || m_practiceQueue.empty()) return;
  ChatMessage m = m_practiceQueue.front();
  m_practiceQueue.erase(m_practiceQueue.begin());
  AddMessage(m);
  if (!m_practiceQueue.empty()) {
    const int chars = int(m_practiceQueue.front().text.size());
    m_practiceTimer.StartOnce(m_options.client_typing_ms >= 0
                                  ? std::max(1, m_options.client_typing_ms)
                                  : std::clamp(400 + 20 * chars, 700, 3000));
    return;
  }
  if (m_practice->finished()) {
    PracticeFinished();
    return;
  }
  SetScriptStatus(wxString::Format(_("Your turn: %d of at most %d messages sent"),
                                   m_practice->turn(), m_practice->scenario().max_turns));
}

void MainFrame::PracticeFinished() {
  if (m_practiceDone) return;
  m_practiceDone = true;
  const coach::practice::PracticeSummary summary = m_practice->summary();
  int done = 0;
  for (const auto& item : summary.checklist) done += item.done ? 1 : 0;
  SetScriptStatus(wxString::Format(_("Practice finished: %s"), EndingText(summary.ending)));
  SetInfo(wxString::Format(_("Practice finished after %d messages; checklist %d of %zu done."),
                           summary.trainee_turns, done, summary.checklist.size()));
  if (m_options.ask_to_save_report) CallAfter([this] { OfferPracticeReport(); });
}

void MainFrame::OfferPracticeReport() {
  if (!m_practice) return;
  const int answer = wxMessageBox(
      _("The practice session has ended. Save a session report (the conversation and, where "
        "available, an HTML report with charts)?"),
      _("Practice session"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION, this);
  if (answer != wxYES) return;
  const wxString name = wxString::Format(
      "practice-%s-%s", U(m_practice->scenario().id), wxDateTime::Now().Format("%Y%m%d-%H%M"));
  wxFileDialog dlg(this, _("Save the session report"), wxGetHomeDir(), name + ".html",
                   _("Session report (*.html)|*.html"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dlg.ShowModal() != wxID_OK) return;
  wxFileName base(dlg.GetPath());
  base.ClearExt();
  wxString error;
  if (SavePracticeReport(base.GetFullPath(), &error))
    SetInfo(wxString::Format(_("Report saved: %s"), base.GetFullPath() + ".html"));
  else
    wxMessageBox(error, _("The report was not saved"), wxOK | wxICON_ERROR, this);
}

bool MainFrame::SavePracticeReport(const wxString& base_path, wxString* error) {
  if (!m_practice) {
    if (error) *error = _("No practice session.");
    return false;
  }
  const std::string base = base_path.utf8_string();
  const std::string chat = m_practice->chat_transcript();
#ifdef COACH_DEMO_HAVE_REPORT
  std::string failure = coach::report::write_output(base + ".txt", chat);
  if (failure.empty()) {
    try {
      const auto& messages = m_practice->messages();
      const auto& scenario = m_practice->scenario();
      const auto coding = coach::report::code_conversation(m_practiceEngine, messages,
                                                           scenario.channel, scenario.title);
      failure = coach::report::write_output(
          base + ".html", coach::report::session_html(coding, messages, scenario.locale));
    } catch (const std::exception& e) {
      failure = e.what();
    }
  }
#else
  std::string failure;
  {
    const std::string temp = base + ".txt.tmp";
    std::ofstream out(temp, std::ios::binary);
    out << chat;
    out.close();
    std::error_code ec;
    if (!out)
      failure = base + ".txt: cannot write";
    else
      fs::rename(temp, base + ".txt", ec);
    if (ec) failure = base + ".txt: " + ec.message();
  }
#endif
  if (!failure.empty()) {
    if (error) *error = U(failure);
    return false;
  }
  return true;
}

}  // namespace coach::demo
