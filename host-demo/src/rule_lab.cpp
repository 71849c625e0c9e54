#include "rule_lab.hpp"

#include <coach/engine.hpp>
#include <coach/rule_tools.hpp>
#include <coach/transcript.hpp>

#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/ffile.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <tuple>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace coach::demo {

namespace {

constexpr int kProblemIndicator = 8;

std::string ReadAll(const std::string& path, bool* ok = nullptr) {
  std::ifstream in(path, std::ios::binary);
  if (ok) *ok = bool(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool WriteAll(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return bool(out);
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// "PATH:12:5: error: rule NL_X: message" (PATH already removed: "12:5: error: ...").
RuleProblem ParseProblem(std::string text) {
  RuleProblem p;
  int line = 0, column = 0, used = 0;
  if (std::sscanf(text.c_str(), "%d:%d: %n", &line, &column, &used) == 2 && used > 0) {
    p.line = line;
    p.column = column;
    text.erase(0, used);
  }
  for (const char* level : {"error: ", "warning: "})
    if (text.rfind(level, 0) == 0) text.erase(0, std::strlen(level));
  if (text.rfind("rule ", 0) == 0) {
    const std::size_t colon = text.find(": ");
    if (colon != std::string::npos) {
      p.rule = text.substr(5, colon - 5);
      text.erase(0, colon + 2);
    }
  }
  p.message = text;
  return p;
}

// "rule NL_X" anywhere in a line of `coach rules test` output.
std::string RuleOf(const std::string& problem) {
  const std::size_t at = problem.find("rule ");
  if (at == std::string::npos) return {};
  std::size_t end = at + 5;
  while (end < problem.size() && (std::isalnum(static_cast<unsigned char>(problem[end])) ||
                                  problem[end] == '_'))
    ++end;
  return problem.substr(at + 5, end - at - 5);
}

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

wxString Join(const std::vector<std::string>& v, const char* sep = ", ") {
  wxString out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += U(s);
  }
  return out;
}

wxFont MonoFont(const wxFont& base) {
  wxFont f(wxFontInfo(base.GetPointSize()).Family(wxFONTFAMILY_TELETYPE));
  return f.IsOk() ? f : base;
}

}  // namespace

std::string RuleProblem::Display() const {
  std::string out;
  if (line > 0) out += std::to_string(line) + ":" + std::to_string(column) + ": ";
  if (!rule.empty()) out += rule + ": ";
  return out + message;
}

// --- construction ---------------------------------------------------------------------------

RuleLabFrame::RuleLabFrame(wxWindow* parent, const RuleLabOptions& options)
    : wxFrame(parent, wxID_ANY, _("Rule lab"), wxDefaultPosition, wxSize(1240, 780)),
      m_options(options),
      m_checkTimer(this) {
  SetName("rule-lab");
  SetMinSize(wxSize(900, 560));
  m_rulesDir = m_options.rules_dir.empty()
                   ? (fs::path(coach::default_data_dir()) / "rules").string()
                   : m_options.rules_dir;
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "coach-rulelab-XXXXXX").string();
  if (mkdtemp(tmpl.data())) m_scratch = tmpl;
  m_thread = std::thread([this] { WorkerLoop(); });

  BuildUi();
  LoadFileList();
  CreateStatusBar(1);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { CheckNow(); }, m_checkTimer.GetId());
  Bind(wxEVT_CLOSE_WINDOW, &RuleLabFrame::OnClose, this);
  SetStatusText(wxString::Format(_("Rule folder: %s"), U(m_rulesDir)));
  if (!m_files.empty()) {
    // Start with a nudge file: those are what trainers change most.
    std::string first = m_files.front();
    for (const auto& f : m_files)
      if (f.rfind("nudges/", 0) == 0) {
        first = f;
        break;
      }
    OpenFile(first);
  }
}

RuleLabFrame::~RuleLabFrame() {
  m_checkTimer.Stop();
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
    m_jobs.clear();
  }
  m_cv.notify_all();
  if (m_thread.joinable()) m_thread.join();
  std::error_code ec;
  if (!m_scratch.empty()) fs::remove_all(m_scratch, ec);
}

void RuleLabFrame::BuildUi() {
  auto* root = new wxPanel(this);
  auto* outer = new wxBoxSizer(wxHORIZONTAL);

  // Left: the rule files.
  auto* left = new wxBoxSizer(wxVERTICAL);
  auto* filesLabel = new wxStaticText(root, wxID_ANY, _("Rule &files:"));
  m_fileList = new wxListBox(root, wxID_ANY, wxDefaultPosition, wxSize(260, -1), 0, nullptr,
                             wxLB_SINGLE);
  m_fileList->SetName(_("Rule files"));
  m_fileList->SetHelpText(_("The rule files of the active rule folder. Enter opens one."));
  left->Add(filesLabel, 0, wxBOTTOM, 4);
  left->Add(m_fileList, 1, wxEXPAND);
  auto* folder = new wxStaticText(root, wxID_ANY, U(fs::path(m_rulesDir).filename().string()));
  folder->SetToolTip(U(m_rulesDir));
  folder->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  left->Add(folder, 0, wxTOP, 4);
  outer->Add(left, 0, wxEXPAND | wxALL, 10);

  // Centre: header, editor and the result tabs.
  auto* centre = new wxBoxSizer(wxVERTICAL);
  auto* head = new wxBoxSizer(wxHORIZONTAL);
  auto* editorLabel = new wxStaticText(root, wxID_ANY, _("&Editor:"));
  m_fileLabel = new wxStaticText(root, wxID_ANY, wxString());
  m_fileLabel->SetFont(m_fileLabel->GetFont().Bold());
  m_status = new wxStaticText(root, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxST_NO_AUTORESIZE);
  m_status->SetMinSize(wxSize(260, -1));
  m_runExamples = new wxButton(root, wxID_ANY, _("Run e&xamples"));
  m_runExamples->SetName(_("Run the rules' examples"));
  m_runExamples->SetToolTip(_("Run every rule's own examples with the edited file (Ctrl+E)"));
  m_save = new wxButton(root, wxID_ANY, _("&Save"));
  m_save->SetName(_("Save the rule file"));
  m_save->SetToolTip(_("Save and reload the rules in the running coach (Ctrl+S)"));
  head->Add(editorLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  head->Add(m_fileLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
  head->Add(m_status, 1, wxALIGN_CENTER_VERTICAL);
  head->Add(m_runExamples, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  head->Add(m_save, 0, wxALIGN_CENTER_VERTICAL);
  centre->Add(head, 0, wxEXPAND | wxBOTTOM, 6);

  auto* split = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  split->SetMinimumPaneSize(120);
  split->SetSashGravity(0.65);
  m_editor = new wxStyledTextCtrl(split, wxID_ANY);
  m_editor->SetName(_("Rule file editor"));
  m_editor->SetHelpText(_("JSON of the rule file. Problems are underlined; Ctrl+S saves."));
  SetupEditor();

  m_tabs = new wxNotebook(split, wxID_ANY);
  m_tabs->SetName(_("Results"));
  // Problems
  m_problemList = new wxListCtrl(m_tabs, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL);
  m_problemList->SetName(_("Problems"));
  m_problemList->SetHelpText(_("Validation problems of the edited file. Enter goes to one."));
  m_problemList->AppendColumn(_("Line:column"), wxLIST_FORMAT_LEFT, 100);
  m_problemList->AppendColumn(_("Rule"), wxLIST_FORMAT_LEFT, 260);
  m_problemList->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, 560);
  m_tabs->AddPage(m_problemList, _("Problems"), true);
  // Examples
  auto* exPage = new wxPanel(m_tabs);
  m_exampleStatus = new wxStaticText(exPage, wxID_ANY,
                                     _("Run the examples to test the rules with your changes."));
  m_exampleList = new wxListCtrl(exPage, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL);
  m_exampleList->SetName(_("Failing examples"));
  m_exampleList->AppendColumn(_("Rule"), wxLIST_FORMAT_LEFT, 260);
  m_exampleList->AppendColumn(_("Failure"), wxLIST_FORMAT_LEFT, 660);
  auto* exSizer = new wxBoxSizer(wxVERTICAL);
  exSizer->Add(m_exampleStatus, 0, wxALL, 8);
  exSizer->Add(m_exampleList, 1, wxEXPAND);
  exPage->SetSizer(exSizer);
  m_tabs->AddPage(exPage, _("Examples"));
  // Try a transcript
  auto* tryPage = new wxPanel(m_tabs);
  auto* tryLabel = new wxStaticText(tryPage, wxID_ANY, _("&Transcript (JSON or chat text):"));
  m_tryInput = new wxTextCtrl(tryPage, wxID_ANY, wxString(), wxDefaultPosition, wxSize(200, -1),
                              wxTE_MULTILINE | wxTE_DONTWRAP);
  m_tryInput->SetName(_("Transcript to try"));
  m_tryInput->SetToolTip(_("Hulpvrager (19:01): ...\nHulpverlener (19:02): ..."));
  auto* load = new wxButton(tryPage, wxID_ANY, _("&Load..."));
  load->SetName(_("Load a transcript"));
  auto* analyse = new wxButton(tryPage, wxID_ANY, _("&Analyse"));
  analyse->SetName(_("Analyse the transcript with the edited rules"));
  m_tryStatus = new wxStaticText(tryPage, wxID_ANY, wxString());
  m_tryList = new wxListCtrl(tryPage, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxLC_REPORT | wxLC_SINGLE_SEL);
  m_tryList->SetName(_("Messages with practices and nudges"));
  m_tryList->AppendColumn("#", wxLIST_FORMAT_RIGHT, 32);
  m_tryList->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, 100);
  m_tryList->AppendColumn(_("Message"), wxLIST_FORMAT_LEFT, 220);
  m_tryList->AppendColumn(_("Practices"), wxLIST_FORMAT_LEFT, 130);
  m_tryList->AppendColumn(_("Coach showed"), wxLIST_FORMAT_LEFT, 260);
  auto* tryLeft = new wxBoxSizer(wxVERTICAL);
  tryLeft->Add(tryLabel, 0, wxBOTTOM, 4);
  tryLeft->Add(m_tryInput, 1, wxEXPAND | wxBOTTOM, 6);
  auto* tryButtons = new wxBoxSizer(wxHORIZONTAL);
  tryButtons->Add(load, 0, wxRIGHT, 6);
  tryButtons->Add(analyse, 0);
  tryLeft->Add(tryButtons, 0);
  auto* tryRight = new wxBoxSizer(wxVERTICAL);
  tryRight->Add(m_tryStatus, 0, wxEXPAND | wxBOTTOM, 4);
  tryRight->Add(m_tryList, 1, wxEXPAND);
  auto* trySizer = new wxBoxSizer(wxHORIZONTAL);
  trySizer->Add(tryLeft, 1, wxEXPAND | wxALL, 8);
  trySizer->Add(tryRight, 3, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, 8);
  tryPage->SetSizer(trySizer);
  m_tabs->AddPage(tryPage, _("Try a transcript"));

  split->SplitHorizontally(m_editor, m_tabs, -220);
  centre->Add(split, 1, wxEXPAND);
  outer->Add(centre, 1, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, 10);
  root->SetSizer(outer);

  // The last column of each list takes the rest of the width.
  for (wxListCtrl* list : {m_problemList, m_exampleList, m_tryList})
    list->Bind(wxEVT_SIZE, [list](wxSizeEvent& e) {
      e.Skip();
      const int n = list->GetColumnCount();
      int used = 0;
      for (int c = 0; c + 1 < n; ++c) used += list->GetColumnWidth(c);
      const int rest = list->GetClientSize().x - used - 4;
      if (n > 0) list->SetColumnWidth(n - 1, std::max(rest, 160));
    });

  // Events
  m_fileList->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { OnFileSelected(); });
  m_editor->Bind(wxEVT_STC_MODIFIED, [this](wxStyledTextEvent& e) {
    e.Skip();
    if (e.GetModificationType() & (wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT))
      OnEditorModified();
  });
  m_editor->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
    e.Skip();
    OnUpdateUi();
  });
  m_editor->Bind(wxEVT_STC_SAVEPOINTREACHED, [this](wxStyledTextEvent& e) {
    e.Skip();
    UpdateStatus();
  });
  m_editor->Bind(wxEVT_STC_SAVEPOINTLEFT, [this](wxStyledTextEvent& e) {
    e.Skip();
    UpdateStatus();
  });
  m_problemList->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                      [this](wxListEvent& e) { OnProblemActivated(e.GetIndex()); });
  m_problemList->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
    e.Skip();
    int flags = 0;
    const long item = m_problemList->HitTest(e.GetPosition(), flags);
    if (item >= 0) CallAfter([this, item] { OnProblemActivated(item); });
  });
  m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSaveButton(); });
  m_runExamples->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RunExamples(); });
  load->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnLoadTranscript(); });
  analyse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TryTranscript(m_tryInput->GetValue()); });

  // Keyboard: Ctrl+S saves, Ctrl+E runs the examples, F8 goes to the next problem, Ctrl+W or
  // Escape closes.
  enum { ID_SAVE = wxID_HIGHEST + 200, ID_EXAMPLES, ID_NEXT_PROBLEM, ID_CLOSE };
  wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', ID_SAVE},
                               {wxACCEL_CTRL, 'E', ID_EXAMPLES},
                               {wxACCEL_NORMAL, WXK_F8, ID_NEXT_PROBLEM},
                               {wxACCEL_CTRL, 'W', ID_CLOSE}};
  SetAcceleratorTable(wxAcceleratorTable(4, keys));
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnSaveButton(); }, ID_SAVE);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { RunExamples(); }, ID_EXAMPLES);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (m_problems.empty()) return;
    const long sel = m_problemList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    GoToProblem(std::size_t(sel + 1) % m_problems.size());
  }, ID_NEXT_PROBLEM);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, ID_CLOSE);

  // Mnemonic labels precede their controls.
  filesLabel->MoveBeforeInTabOrder(m_fileList);
}

void RuleLabFrame::SetupEditor() {
  wxStyledTextCtrl* e = m_editor;
  const wxFont mono = MonoFont(GetFont());
  const wxColour paper(0xff, 0xff, 0xff), ink(0x1f, 0x23, 0x28);
  e->StyleSetFont(wxSTC_STYLE_DEFAULT, mono);
  e->StyleSetForeground(wxSTC_STYLE_DEFAULT, ink);
  e->StyleSetBackground(wxSTC_STYLE_DEFAULT, paper);
  e->StyleClearAll();
  e->SetLexer(wxSTC_LEX_JSON);
  e->SetKeyWords(0, "true false null");
  e->StyleSetForeground(wxSTC_JSON_PROPERTYNAME, wxColour(0x0b, 0x4f, 0x9c));  // keys
  e->StyleSetBold(wxSTC_JSON_PROPERTYNAME, true);
  e->StyleSetForeground(wxSTC_JSON_STRING, wxColour(0x0a, 0x6e, 0x31));  // strings
  e->StyleSetForeground(wxSTC_JSON_ESCAPESEQUENCE, wxColour(0x8a, 0x4b, 0x08));
  e->StyleSetForeground(wxSTC_JSON_NUMBER, wxColour(0xb3, 0x45, 0x00));  // numbers
  e->StyleSetForeground(wxSTC_JSON_KEYWORD, wxColour(0x6f, 0x2d, 0xbd));
  e->StyleSetForeground(wxSTC_JSON_OPERATOR, wxColour(0x57, 0x60, 0x6a));  // braces
  e->StyleSetBold(wxSTC_JSON_OPERATOR, true);
  e->StyleSetForeground(wxSTC_JSON_STRINGEOL, wxColour(0xb4, 0x23, 0x18));
  e->StyleSetBackground(wxSTC_JSON_STRINGEOL, wxColour(0xfd, 0xec, 0xea));
  e->StyleSetEOLFilled(wxSTC_JSON_STRINGEOL, true);
  e->StyleSetForeground(wxSTC_JSON_ERROR, wxColour(0xb4, 0x23, 0x18));
  // Line numbers
  e->SetMarginType(0, wxSTC_MARGIN_NUMBER);
  e->SetMarginWidth(0, e->TextWidth(wxSTC_STYLE_LINENUMBER, "_99999"));
  e->StyleSetForeground(wxSTC_STYLE_LINENUMBER, wxColour(0x8c, 0x95, 0x9f));
  e->StyleSetBackground(wxSTC_STYLE_LINENUMBER, wxColour(0xf6, 0xf8, 0xfa));
  e->SetMarginWidth(1, 6);
  e->SetMarginLeft(4);
  // Brace matching
  e->StyleSetBackground(wxSTC_STYLE_BRACELIGHT, wxColour(0xff, 0xe5, 0x8f));
  e->StyleSetBold(wxSTC_STYLE_BRACELIGHT, true);
  e->StyleSetForeground(wxSTC_STYLE_BRACEBAD, wxColour(0xff, 0xff, 0xff));
  e->StyleSetBackground(wxSTC_STYLE_BRACEBAD, wxColour(0xd1, 0x24, 0x2f));
  // Problems: a red squiggle
  e->IndicatorSetStyle(kProblemIndicator, wxSTC_INDIC_SQUIGGLE);
  e->IndicatorSetForeground(kProblemIndicator, wxColour(0xd1, 0x24, 0x2f));
  e->IndicatorSetUnder(kProblemIndicator, true);
  // Editing
  e->SetUseTabs(false);
  e->SetTabWidth(2);
  e->SetIndent(2);
  e->SetTabIndents(true);
  e->SetBackSpaceUnIndents(true);
  e->SetWrapMode(wxSTC_WRAP_WORD);
  e->SetWrapIndentMode(wxSTC_WRAPINDENT_INDENT);
  e->SetWrapVisualFlags(wxSTC_WRAPVISUALFLAG_END);
  e->SetCaretLineVisible(true);
  e->SetCaretLineBackground(wxColour(0xf3, 0xf6, 0xfb));
  e->SetIndentationGuides(wxSTC_IV_LOOKBOTH);
  e->SetCodePage(wxSTC_CP_UTF8);
  e->SetScrollWidthTracking(true);
  // Tab indents inside the editor; Ctrl+Tab leaves it (the keyboard is never trapped).
  e->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& ev) {
    if (ev.GetKeyCode() == WXK_TAB && ev.ControlDown()) {
      m_editor->Navigate(ev.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                        : wxNavigationKeyEvent::IsForward);
      return;
    }
    ev.Skip();
  });
}

void RuleLabFrame::LoadFileList() {
  m_files.clear();
  std::vector<std::string> dirs;
  const std::string locale = m_options.locale == "en" ? "en" : "nl";
  dirs.push_back(locale);
  dirs.push_back(locale == "nl" ? "en" : "nl");
  dirs.push_back("nudges");
  for (const std::string& d : dirs) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(m_rulesDir) / d, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        names.push_back(d + "/" + entry.path().filename().string());
    std::sort(names.begin(), names.end());
    m_files.insert(m_files.end(), names.begin(), names.end());
  }
  m_fileList->Clear();
  for (const auto& f : m_files) m_fileList->Append(U(f));
}

// --- files ----------------------------------------------------------------------------------

bool RuleLabFrame::OpenFile(const std::string& relative) {
  const auto it = std::find(m_files.begin(), m_files.end(), relative);
  if (it == m_files.end()) return false;
  bool ok = false;
  const std::string text = ReadAll((fs::path(m_rulesDir) / relative).string(), &ok);
  if (!ok) {
    SetStatusText(wxString::Format(_("Cannot open %s"), U(relative)));
    return false;
  }
  m_current = relative;
  m_loading = true;
  m_editor->SetText(U(text));
  m_editor->EmptyUndoBuffer();
  m_editor->SetSavePoint();
  m_editor->GotoPos(0);
  m_loading = false;
  m_fileList->SetSelection(int(it - m_files.begin()));
  m_fileLabel->SetLabel(U(relative));
  m_fileLabel->GetParent()->Layout();
  m_exampleFailures.clear();
  m_examplesRun = -1;
  m_exampleList->DeleteAllItems();
  m_exampleStatus->SetLabel(_("Run the examples to test the rules with your changes."));
  SetTitle(wxString::Format(_("Rule lab - %s"), U(relative)));
  ++m_generation;
  CheckNow();
  return true;
}

bool RuleLabFrame::IsModified() const { return m_editor->IsModified(); }

void RuleLabFrame::OnFileSelected() {
  const int sel = m_fileList->GetSelection();
  if (sel < 0 || std::size_t(sel) >= m_files.size() || m_files[sel] == m_current) return;
  if (IsModified()) {
    const int answer = wxMessageBox(
        wxString::Format(_("%s has unsaved changes. Discard them?"), U(m_current)),
        _("Rule lab"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer != wxYES) {
      const auto it = std::find(m_files.begin(), m_files.end(), m_current);
      if (it != m_files.end()) m_fileList->SetSelection(int(it - m_files.begin()));
      return;
    }
  }
  OpenFile(m_files[sel]);
}

std::string RuleLabFrame::FileLocale(const std::string& relative) const {
  if (relative.rfind("nl/", 0) == 0) return "nl";
  if (relative.rfind("en/", 0) == 0) return "en";
  return m_options.locale;
}

void RuleLabFrame::OnClose(wxCloseEvent& event) {
  if (event.CanVeto() && IsModified()) {
    const int answer = wxMessageBox(
        wxString::Format(_("%s has unsaved changes. Close the rule lab anyway?"), U(m_current)),
        _("Rule lab"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer != wxYES) {
      event.Veto();
      return;
    }
  }
  Destroy();
}

// --- validation -----------------------------------------------------------------------------

void RuleLabFrame::OnEditorModified() {
  if (m_loading) return;
  ++m_generation;
  m_checkTimer.StartOnce(std::max(1, m_options.check_delay_ms));
  UpdateStatus();
}

void RuleLabFrame::CheckNow() {
  m_checkTimer.Stop();
  if (m_current.empty() || m_scratch.empty()) return;
  const unsigned generation = m_generation;
  const std::string buffer = m_editor->GetText().utf8_string();
  const std::string relative = m_current;
  coach::EngineOptions options;
  options.locale = FileLocale(relative);
  options.load_dictionary = false;
  const std::string dir = m_scratch + "/check";
  Post([this, generation, buffer, relative, options, dir] {
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::string path = dir + "/" + fs::path(relative).filename().string();
    std::vector<RuleProblem> problems;
    if (!WriteAll(path, buffer)) {
      problems.push_back({0, 0, "", "cannot write a temporary file in " + dir});
    } else {
      try {
        const coach::RuleCheckResult result = coach::check_rules(options, path);
        for (std::string p : result.problems) {
          if (p.rfind(path + ":", 0) == 0) p.erase(0, path.size() + 1);
          ReplaceAll(p, path, relative);
          problems.push_back(ParseProblem(p));
        }
      } catch (const std::exception& e) {
        problems.push_back({0, 0, "", e.what()});
      }
    }
    std::sort(problems.begin(), problems.end(), [](const RuleProblem& a, const RuleProblem& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    CallAfter([this, problems = std::move(problems), generation]() mutable {
      ShowProblems(std::move(problems), generation);
    });
  });
  UpdateStatus();
}

void RuleLabFrame::ShowProblems(std::vector<RuleProblem> problems, unsigned generation) {
  if (generation != m_generation) return;  // the buffer changed since; a newer check follows
  m_checked = generation;
  ++m_results;
  m_problems = std::move(problems);
  m_problemList->DeleteAllItems();
  m_editor->SetIndicatorCurrent(kProblemIndicator);
  m_editor->IndicatorClearRange(0, m_editor->GetLength());
  for (std::size_t i = 0; i < m_problems.size(); ++i) {
    const RuleProblem& p = m_problems[i];
    const long row = m_problemList->InsertItem(
        long(i), p.line > 0 ? wxString::Format("%d:%d", p.line, p.column) : wxString("-"));
    m_problemList->SetItem(row, 1, U(p.rule));
    m_problemList->SetItem(row, 2, U(p.message));
    if (p.line <= 0 || p.line > m_editor->GetLineCount()) continue;
    // Underline from the place to the end of its token (a string, a word, or the line's rest).
    const int lineStart = m_editor->PositionFromLine(p.line - 1);
    const int lineEnd = m_editor->GetLineEndPosition(p.line - 1);
    int start = std::min(lineEnd, lineStart + std::max(0, p.column - 1));
    // An unknown key is reported at its value: underline the key too.
    int keyStart = -1;
    if (p.message.rfind("unknown key '", 0) == 0) {
      const std::size_t close = p.message.find('\'', 13);
      if (close != std::string::npos) {
        const wxString key = "\"" + U(p.message.substr(13, close - 13)) + "\"";
        const int at = m_editor->FindText(lineStart, start, key, wxSTC_FIND_MATCHCASE);
        if (at >= 0) keyStart = at;
      }
    }
    int end = start;
    const int ch = start < lineEnd ? m_editor->GetCharAt(start) : 0;
    if (ch == '"') {
      end = start + 1;
      while (end < lineEnd && m_editor->GetCharAt(end) != '"') {
        if (m_editor->GetCharAt(end) == '\\') ++end;
        ++end;
      }
      end = std::min(lineEnd, end + 1);
    } else if (std::isalnum(ch) || ch == '-') {
      end = m_editor->WordEndPosition(start + 1, true);
    } else {
      end = lineEnd;
    }
    if (end <= start) {  // at the end of a line (or the file): mark what is before it
      start = std::max(lineStart, start - 1);
      end = std::max(end, start + 1);
      if (start == end) continue;
    }
    if (keyStart >= 0 && keyStart < start) start = keyStart;
    m_editor->IndicatorFillRange(start, end - start);
  }
  if (!m_problems.empty()) m_tabs->SetSelection(0);
  UpdateStatus();
}

void RuleLabFrame::GoToProblem(std::size_t index) {
  if (index >= m_problems.size()) return;
  m_problemList->SetItemState(long(index), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  m_problemList->EnsureVisible(long(index));
  const RuleProblem& p = m_problems[index];
  if (p.line > 0 && p.line <= m_editor->GetLineCount()) {
    const int lineStart = m_editor->PositionFromLine(p.line - 1);
    const int pos = std::min(m_editor->GetLineEndPosition(p.line - 1),
                             lineStart + std::max(0, p.column - 1));
    m_editor->GotoPos(pos);
    m_editor->EnsureCaretVisible();
    m_editor->VerticalCentreCaret();
  }
  m_editor->SetFocus();
  SetStatusText(U(p.Display()));
}

void RuleLabFrame::OnProblemActivated(long index) {
  if (index >= 0) GoToProblem(std::size_t(index));
}

void RuleLabFrame::OnUpdateUi() {
  // Brace matching at the caret (or just before it).
  int pos = m_editor->GetCurrentPos();
  auto isBrace = [](int c) { return c == '{' || c == '}' || c == '[' || c == ']'; };
  int brace = -1;
  if (pos > 0 && isBrace(m_editor->GetCharAt(pos - 1)))
    brace = pos - 1;
  else if (isBrace(m_editor->GetCharAt(pos)))
    brace = pos;
  if (brace < 0) {
    m_editor->BraceHighlight(wxSTC_INVALID_POSITION, wxSTC_INVALID_POSITION);
    return;
  }
  const int match = m_editor->BraceMatch(brace);
  if (match == wxSTC_INVALID_POSITION)
    m_editor->BraceBadLight(brace);
  else
    m_editor->BraceHighlight(brace, match);
}

bool RuleLabFrame::IsIdle() const {
  if (m_checkTimer.IsRunning() || m_checked != m_generation) return false;
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_jobs.empty() && m_running == 0;
}

void RuleLabFrame::UpdateStatus() {
  wxString text;
  const bool pending = m_checkTimer.IsRunning() || m_checked != m_generation;
  if (pending)
    text = _("Checking...");
  else if (m_problems.empty())
    text = _("No problems");
  else
    text = wxString::Format(wxPLURAL("%zu problem", "%zu problems", m_problems.size()),
                            m_problems.size());
  if (IsModified()) text += wxString::FromUTF8(" \xC2\xB7 ") + _("unsaved changes");
  m_status->SetLabel(text);
  m_status->SetForegroundColour(!pending && !m_problems.empty()
                                    ? wxColour(0xb4, 0x23, 0x18)
                                    : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  m_status->Refresh();
  m_status->GetParent()->Layout();
}

// --- saving ---------------------------------------------------------------------------------

bool RuleLabFrame::Save(wxString* error) {
  if (m_current.empty()) return false;
  const std::string buffer = m_editor->GetText().utf8_string();
  // Validate exactly what is saved, now (a check of an older buffer may be all that is shown).
  std::vector<RuleProblem> problems;
  {
    std::error_code ec;
    const std::string dir = m_scratch + "/save-check";
    fs::create_directories(dir, ec);
    const std::string path = dir + "/" + fs::path(m_current).filename().string();
    coach::EngineOptions options;
    options.locale = FileLocale(m_current);
    options.load_dictionary = false;
    if (!WriteAll(path, buffer)) {
      problems.push_back({0, 0, "", "cannot write a temporary file in " + dir});
    } else {
      try {
        for (std::string p : coach::check_rules(options, path).problems) {
          if (p.rfind(path + ":", 0) == 0) p.erase(0, path.size() + 1);
          problems.push_back(ParseProblem(p));
        }
      } catch (const std::exception& e) {
        problems.push_back({0, 0, "", e.what()});
      }
    }
  }
  if (!problems.empty()) {
    ShowProblems(problems, m_generation);
    wxString why = wxString::Format(
        wxPLURAL("Not saved: the file has %zu problem.", "Not saved: the file has %zu problems.",
                 problems.size()),
        problems.size());
    for (std::size_t i = 0; i < problems.size() && i < 8; ++i)
      why += "\n" + U(problems[i].Display());
    SetStatusText(why.BeforeFirst('\n'));
    if (error) *error = why;
    return false;
  }
  // Write beside the file, then rename over it: readers see the old or the new file, never half.
  const fs::path target = fs::path(m_rulesDir) / m_current;
  const fs::path temp = target.parent_path() /
                        ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()));
  std::string failure;
  FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) {
    failure = "cannot create " + temp.string();
  } else {
    const bool written = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size() &&
                         std::fflush(f) == 0 && fsync(fileno(f)) == 0;
    if (std::fclose(f) != 0 || !written) failure = "cannot write " + temp.string();
  }
  if (failure.empty()) {
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) failure = "cannot replace " + target.string() + ": " + ec.message();
  }
  if (!failure.empty()) {
    std::error_code ec;
    fs::remove(temp, ec);
    if (error) *error = wxString::Format(_("Not saved: %s"), U(failure));
    SetStatusText(wxString::Format(_("Not saved: %s"), U(failure)));
    return false;
  }
  m_editor->SetSavePoint();
  UpdateStatus();
  SetStatusText(wxString::Format(_("Saved %s; the coach uses the new rules."), U(m_current)));
  if (m_options.on_saved) m_options.on_saved();
  return true;
}

void RuleLabFrame::OnSaveButton() {
  wxString error;
  if (!Save(&error) && !error.empty())
    wxMessageBox(error, _("The rule file was not saved"), wxOK | wxICON_WARNING, this);
}

// --- examples and transcripts (worker thread) ---------------------------------------------------

std::string RuleLabFrame::MakeTempRuleSet(const std::string& buffer, const std::string& relative,
                                          std::string& error) {
  static std::atomic<int> counter{0};
  const std::string dir = m_scratch + "/set-" + std::to_string(++counter);
  std::error_code ec;
  fs::copy(m_rulesDir, dir, fs::copy_options::recursive, ec);
  if (ec) {
    error = "cannot copy " + m_rulesDir + ": " + ec.message();
    return {};
  }
  if (!WriteAll(dir + "/" + relative, buffer)) {
    error = "cannot write " + dir + "/" + relative;
    return {};
  }
  return dir;
}

void RuleLabFrame::RunExamples() {
  if (m_current.empty()) return;
  const std::string buffer = m_editor->GetText().utf8_string();
  const std::string relative = m_current;
  std::vector<std::string> locales;
  if (relative.rfind("nudges/", 0) == 0)
    locales = {"nl", "en"};
  else
    locales = {FileLocale(relative)};
  m_exampleStatus->SetLabel(_("Running the examples..."));
  m_runExamples->Disable();
  m_tabs->SetSelection(1);
  Post([this, buffer, relative, locales] {
    std::string error;
    std::vector<std::string> failures;
    int examples = 0, rules = 0;
    const std::string dir = MakeTempRuleSet(buffer, relative, error);
    if (!dir.empty()) {
      for (const std::string& locale : locales) {
        coach::EngineOptions options;
        options.locale = locale;
        try {
          const coach::RuleTestResult r = coach::test_rules(options, dir);
          examples += r.examples;
          rules = std::max(rules, r.rules);
          for (std::string p : r.problems) {
            ReplaceAll(p, dir + "/", "");
            ReplaceAll(p, dir, "");
            failures.push_back(locale + ": " + p);
          }
        } catch (const std::exception& e) {
          failures.push_back(locale + ": " + e.what());
        }
      }
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
    CallAfter([this, failures = std::move(failures), examples, rules, error]() mutable {
      ShowExamples(std::move(failures), examples, rules, error);
    });
  });
}

void RuleLabFrame::ShowExamples(std::vector<std::string> failures, int examples, int rules,
                                std::string error) {
  ++m_results;
  m_runExamples->Enable();
  m_exampleFailures = std::move(failures);
  m_examplesRun = examples;
  m_exampleList->DeleteAllItems();
  // Grouped by rule: sorted on the rule id, the failures of one rule together.
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& f : m_exampleFailures) rows.push_back({RuleOf(f), f});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const long row = m_exampleList->InsertItem(long(i), U(rows[i].first));
    m_exampleList->SetItem(row, 1, U(rows[i].second));
  }
  if (!error.empty())
    m_exampleStatus->SetLabel(U(error));
  else if (m_exampleFailures.empty())
    m_exampleStatus->SetLabel(wxString::Format(
        _("All %d examples of %d rules pass with your changes."), examples, rules));
  else
    m_exampleStatus->SetLabel(wxString::Format(
        wxPLURAL("%zu failure in %d examples:", "%zu failures in %d examples:",
                 m_exampleFailures.size()),
        m_exampleFailures.size(), examples));
  m_exampleStatus->SetForegroundColour(m_exampleFailures.empty() && error.empty()
                                           ? wxColour(0x1a, 0x7f, 0x37)
                                           : wxColour(0xb4, 0x23, 0x18));
  m_exampleStatus->GetParent()->Layout();
}

void RuleLabFrame::OnLoadTranscript() {
  wxFileDialog dlg(this, _("Load a transcript"), wxString(), wxString(),
                   _("Conversations (*.json;*.txt)|*.json;*.txt|All files (*)|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() != wxID_OK) return;
  bool ok = false;
  const std::string text = ReadAll(dlg.GetPath().utf8_string(), &ok);
  if (!ok) {
    wxMessageBox(wxString::Format(_("Cannot open %s"), dlg.GetPath()), _("Rule lab"),
                 wxOK | wxICON_ERROR, this);
    return;
  }
  m_tryInput->SetValue(U(text));
  TryTranscript(m_tryInput->GetValue());
}

void RuleLabFrame::TryTranscript(const wxString& text) {
  if (m_tryInput->GetValue() != text) m_tryInput->ChangeValue(text);
  const std::string transcript = text.utf8_string();
  const std::string buffer = m_editor->GetText().utf8_string();
  const std::string relative = m_current;
  const std::string locale = FileLocale(relative);
  m_tryStatus->SetLabel(_("Analysing with the edited rules..."));
  m_tabs->SetSelection(2);
  Post([this, transcript, buffer, relative, locale] {
    std::string error;
    std::vector<TryRow> rows;
    std::vector<std::string> problems;
    const std::string dir = MakeTempRuleSet(buffer, relative, error);
    if (!dir.empty()) {
      try {
        std::vector<coach::TranscriptProblem> parseProblems;
        const auto messages = coach::parse_transcript(transcript, parseProblems);
        for (const auto& p : parseProblems)
          problems.push_back("line " + std::to_string(p.line) + ": " + p.message);
        coach::EngineOptions options;
        options.locale = locale;
        options.rules_dir = dir;
        options.load_dictionary = false;
        const auto engine = coach::Engine::create(options);
        coach::Session session(engine, messages.empty() ? coach::Channel::chat
                                                        : messages.front().channel);
        // As `coach transcript` does: a counsellor message is first typed as a draft.
        for (std::size_t i = 0; i < messages.size(); ++i) {
          const coach::Message& m = messages[i];
          TryRow row;
          if (m.role == coach::Role::counsellor) {
            session.set_draft(m.text);
            for (const coach::Nudge& n : session.report().nudges)
              row.nudges.push_back(n.title + " (" + n.id + ")");
          }
          session.add_message(m);
          row.role = coach::to_string(m.role);
          row.time = m.time;
          row.text = m.text;
          row.practices = session.message_labels(i).practices;
          rows.push_back(std::move(row));
        }
      } catch (const std::exception& e) {
        error = e.what();
      }
      std::error_code ec;
      fs::remove_all(dir, ec);
      ReplaceAll(error, dir + "/", "");
    }
    CallAfter([this, rows = std::move(rows), problems = std::move(problems), error]() mutable {
      ShowTry(std::move(rows), std::move(problems), error);
    });
  });
}

void RuleLabFrame::ShowTry(std::vector<TryRow> rows, std::vector<std::string> problems,
                           std::string error) {
  ++m_results;
  m_tryRows = std::move(rows);
  m_tryList->DeleteAllItems();
  int nudged = 0;
  for (std::size_t i = 0; i < m_tryRows.size(); ++i) {
    const TryRow& r = m_tryRows[i];
    const long row = m_tryList->InsertItem(long(i), wxString::Format("%zu", i + 1));
    m_tryList->SetItem(row, 1, r.role == "client" ? _("client") : _("counsellor"));
    wxString text = U(r.text);
    text.Replace("\n", " ");
    m_tryList->SetItem(row, 2, text);
    m_tryList->SetItem(row, 3, Join(r.practices));
    m_tryList->SetItem(row, 4, Join(r.nudges, "; "));
    if (!r.nudges.empty()) {
      ++nudged;
      m_tryList->SetItemBackgroundColour(row, wxColour(0xff, 0xf4, 0xd6));
    }
  }
  wxString status;
  if (!error.empty())
    status = wxString::Format(_("The edited rules cannot be used: %s"), U(error));
  else
    status = wxString::Format(wxPLURAL("%zu messages; the coach gave tips at %d turn.",
                                       "%zu messages; the coach gave tips at %d turns.", nudged),
                              m_tryRows.size(), nudged);
  for (const auto& p : problems) status += "\n" + U(p);
  m_tryStatus->SetLabel(status);
  m_tryStatus->GetParent()->Layout();
}

// --- worker ---------------------------------------------------------------------------------

void RuleLabFrame::Post(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_cv.notify_one();
}

void RuleLabFrame::WorkerLoop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
      if (m_stop) return;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
      ++m_running;
    }
    job();
    std::lock_guard<std::mutex> lock(m_mutex);
    --m_running;
  }
}

// --- screenshot -----------------------------------------------------------------------------

bool RuleLabFrame::SaveScreenshot(const wxString& path, wxString* error) {
  if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
  Raise();
  Refresh();
  Update();
  // The client area read back from the window (with its children); the screen if that fails.
  const wxSize size = GetClientSize();
  wxBitmap bmp(size.x, size.y, 24);
  bool ok = false;
  {
    wxClientDC dc(this);
    wxMemoryDC mem(bmp);
    ok = mem.Blit(0, 0, size.x, size.y, &dc, 0, 0);
  }
  if (!ok) {
    const wxPoint origin = ClientToScreen(wxPoint(0, 0));
    wxScreenDC screen;
    wxMemoryDC mem(bmp);
    mem.Blit(0, 0, size.x, size.y, &screen, origin.x, origin.y);
  }
  const wxImage image = bmp.ConvertToImage();
  wxFileName::Mkdir(wxFileName(path).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  if (!image.IsOk() || !image.SaveFile(path, wxBITMAP_TYPE_PNG)) {
    if (error) *error = wxString::Format(_("cannot write %s"), path);
    return false;
  }
  return true;
}

}  // namespace coach::demo
