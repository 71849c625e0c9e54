#include "main_frame.hpp"

#include "rule_lab.hpp"
#include <coach/wx/text_wrap.hpp>
#include "transcript_view.hpp"

#ifdef COACH_DEMO_HAVE_PRACTICE
#include <coach/practice/session.hpp>
#endif

#include <wx/app.h>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/ffile.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/weakref.h>

#include <cstdio>
#include <vector>

namespace coach::demo {

namespace {

enum {
  ID_PLAY_SCRIPT = wxID_HIGHEST + 1,
  ID_STOP_SCRIPT,
  ID_ADD_CLIENT,
  ID_LANG_NL,
  ID_LANG_EN,
  ID_FOCUS_COACH,
  ID_FOCUS_COMPOSER,
  ID_RULE_LAB,
  ID_PRACTICE,
};

// One rule lab for the application: it survives the rebuild of the main frame on a language
// switch, and saving there reloads the coach of whichever main frame is open.
wxWeakRef<RuleLabFrame>& TheRuleLab() {
  static wxWeakRef<RuleLabFrame> lab;
  return lab;
}

constexpr int kPanelWidth = 390;

wxString Now() { return wxDateTime::Now().Format("%H:%M"); }

wxStaticText* Hint(wxWindow* parent, const wxString& text) {
  auto* t = new wxStaticText(parent, wxID_ANY, text);
  wxFont f = t->GetFont();
  f.SetFractionalPointSize(f.GetFractionalPointSize() * 0.85);
  t->SetFont(f);
  const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
  const wxColour bg = wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE);
  t->SetForegroundColour(wxColour((ink.Red() * 6 + bg.Red() * 4) / 10,
                                  (ink.Green() * 6 + bg.Green() * 4) / 10,
                                  (ink.Blue() * 6 + bg.Blue() * 4) / 10));
  return t;
}

bool IsBlank(const wxImage& img) {
  if (!img.IsOk()) return true;
  const unsigned char* d = img.GetData();
  const long n = long(img.GetWidth()) * img.GetHeight();
  for (long i = 1; i < n; i += 97)
    if (d[3 * i] != d[0] || d[3 * i + 1] != d[1] || d[3 * i + 2] != d[2]) return false;
  return true;
}

}  // namespace

int& DemoExitCode() {
  static int code = 0;
  return code;
}

MainFrame::MainFrame(const DemoOptions& options, const DemoSnapshot* restore)
    : wxFrame(nullptr, wxID_ANY, _("counsel-coach demo"), wxDefaultPosition, wxSize(1200, 760)),
      m_options(options),
      m_replyTimer(this),
      m_typeTimer(this) {
#ifdef COACH_DEMO_HAVE_PRACTICE
  m_practiceTimer.SetOwner(this);
#endif
  SetName("coach-demo");
  SetMinSize(wxSize(820, 520));
  BuildMenu();
  BuildUi();
  CreateStatusBar(2);
  const int widths[] = {-3, -2};
  GetStatusBar()->SetStatusWidths(2, widths);
  Bind(wxEVT_TIMER, &MainFrame::OnReplyTimer, this, m_replyTimer.GetId());
  Bind(wxEVT_TIMER, &MainFrame::OnTypeTimer, this, m_typeTimer.GetId());
#ifdef COACH_DEMO_HAVE_PRACTICE
  Bind(wxEVT_TIMER, &MainFrame::OnPracticeTimer, this, m_practiceTimer.GetId());
#endif
  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
  if (restore)
    Restore(*restore);
  else
    SetInfo(_("Type as the counsellor; the coach follows your draft."));
  UpdateTitle();
}

MainFrame::~MainFrame() {
  m_replyTimer.Stop();
  m_typeTimer.Stop();
#ifdef COACH_DEMO_HAVE_PRACTICE
  m_practiceTimer.Stop();
#endif
}

void MainFrame::OnClose(wxCloseEvent& event) {
  // The rule lab goes with the demo (it asks first when it has unsaved changes).
  if (RuleLabFrame* lab = TheRuleLab().get()) {
    if (!lab->Close(!event.CanVeto()) && event.CanVeto()) {
      event.Veto();
      return;
    }
  }
  event.Skip();
}

RuleLabFrame* MainFrame::GetRuleLab() const { return TheRuleLab().get(); }

RuleLabFrame* MainFrame::OpenRuleLab() {
  if (RuleLabFrame* lab = TheRuleLab().get()) {
    lab->Show();
    lab->Raise();
    return lab;
  }
  RuleLabOptions o;
  o.locale = m_options.locale;
  o.rules_dir = m_options.rules_dir;
  o.on_saved = [] {
    for (wxWindow* w : wxTopLevelWindows)
      if (auto* frame = dynamic_cast<MainFrame*>(w); frame && !frame->IsBeingDeleted())
        frame->ReloadRules();
  };
  auto* lab = new RuleLabFrame(nullptr, o);
  TheRuleLab() = lab;
  lab->Show();
  return lab;
}

void MainFrame::ReloadRules() {
  m_panel->ReloadEngine();
  SetInfo(_("The coach reloaded the rules."));
}

// --- construction ---------------------------------------------------------------------------

void MainFrame::BuildMenu() {
  auto* file = new wxMenu;
  file->Append(wxID_NEW, _("&New conversation\tCtrl+N"), _("Start an empty conversation"));
  file->Append(wxID_OPEN, _("&Open conversation...\tCtrl+O"),
               _("Open a JSON transcript or a chat in the study's text format"));
  file->AppendSeparator();
  file->Append(ID_PLAY_SCRIPT, _("&Play scripted client...\tCtrl+P"),
               _("Start a conversation with a simulated client from a script"));
  file->Append(ID_STOP_SCRIPT, _("&Stop scripted client"), _("The client stops answering"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* conversation = new wxMenu;
  conversation->Append(ID_ADD_CLIENT, _("Add &client message...\tCtrl+Shift+M"),
                       _("Write a message as the client"));
  conversation->AppendSeparator();
  conversation->Append(ID_FOCUS_COMPOSER, _("Go to &message box\tShift+F6"));
  conversation->Append(ID_FOCUS_COACH, _("Go to c&oach panel\tF6"));

  auto* language = new wxMenu;
  language->AppendRadioItem(ID_LANG_NL, "&Nederlands");
  language->AppendRadioItem(ID_LANG_EN, "&English");
  language->Check(m_options.locale == "en" ? ID_LANG_EN : ID_LANG_NL, true);

  auto* trainer = new wxMenu;
  trainer->Append(ID_RULE_LAB, _("&Rule lab...\tCtrl+L"),
                  _("Edit, check and test the coach's rules; saving reloads the coach"));
#ifdef COACH_DEMO_HAVE_PRACTICE
  trainer->Append(ID_PRACTICE, _("&Practice session...\tCtrl+Shift+P"),
                  _("Practise with a simulated client, the coach beside you"));
#endif

  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(conversation, _("&Conversation"));
  bar->Append(trainer, _("&Trainer"));
  bar->Append(language, _("&Language"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  Bind(wxEVT_MENU, [this](wxCommandEvent&) { NewConversation(); }, wxID_NEW);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnOpen(); }, wxID_OPEN);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnPlayScript(); }, ID_PLAY_SCRIPT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { StopScript(); }, ID_STOP_SCRIPT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnAddClientMessage(); }, ID_ADD_CLIENT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_panel->SetFocus(); }, ID_FOCUS_COACH);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    (m_notebook->GetSelection() == 1 ? m_emailBody : m_chatInput)->SetFocus();
  }, ID_FOCUS_COMPOSER);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { CallAfter([this] { SwitchLanguage("nl"); }); },
       ID_LANG_NL);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { CallAfter([this] { SwitchLanguage("en"); }); },
       ID_LANG_EN);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnAbout(); }, wxID_ABOUT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OpenRuleLab(); }, ID_RULE_LAB);
#ifdef COACH_DEMO_HAVE_PRACTICE
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnPracticeMenu(); }, ID_PRACTICE);
#endif
  Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_script != nullptr); },
       ID_STOP_SCRIPT);
}

void MainFrame::BuildUi() {
  m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxSP_LIVE_UPDATE | wxSP_NOBORDER | wxSP_THIN_SASH);
  m_splitter->SetMinimumPaneSize(280);
  m_splitter->SetSashGravity(1.0);  // the coach keeps its width when the window grows

  m_notebook = new wxNotebook(m_splitter, wxID_ANY);
  m_notebook->AddPage(BuildChatPage(m_notebook), _("Chat"), true);
  m_notebook->AddPage(BuildEmailPage(m_notebook), _("E-mail"));

  coach::wx::PanelOptions po;
  po.locale = m_options.locale;
  po.rules_dir = m_options.rules_dir;
  m_panel = new coach::wx::CoachPanel(m_splitter, wxID_ANY, po);
  m_panel->FollowTextCtrl(m_chatInput);

  m_splitter->SplitVertically(m_notebook, m_panel, -kPanelWidth);
  m_notebook->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    OnPageChanged();
  });
  // Keep the coach at its width after the first layout, whatever the frame's size.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    CallAfter([this] {
      const int w = m_splitter->GetClientSize().x;
      if (w > 2 * kPanelWidth && m_splitter->GetSashPosition() < w / 3)
        m_splitter->SetSashPosition(w - kPanelWidth);
    });
  });
}

wxWindow* MainFrame::BuildChatPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  m_chatView = new TranscriptView(page, &m_messages);

  m_chatInput = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 84),
                               wxTE_MULTILINE | wxTE_PROCESS_ENTER | wxTE_WORDWRAP);
  m_chatInput->SetName(_("Message to the client"));
  m_chatInput->SetHelpText(_("Write your reply. Enter sends, Shift+Enter starts a new line."));
  m_send = new wxButton(page, wxID_ANY, _("&Send"));
  m_send->SetName(_("Send message"));

  m_chatInput->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    const int k = e.GetKeyCode();
    if ((k == WXK_RETURN || k == WXK_NUMPAD_ENTER) && !e.ShiftDown() && !e.ControlDown() &&
        !e.AltDown()) {
      SendChat();
      return;
    }
    e.Skip();
  });
  m_send->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendChat(); });

  auto* label = new wxStaticText(page, wxID_ANY, _("&Your message:"));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(m_chatInput, 1, wxEXPAND | wxRIGHT, 8);
  row->Add(m_send, 0, wxALIGN_BOTTOM);

  // Shown during a practice session: who the simulated client is.
  m_briefBar = new wxPanel(page);
  m_briefBar->SetBackgroundColour(wxColour(0xe8, 0xf1, 0xfb));
  m_briefTitle = new wxStaticText(m_briefBar, wxID_ANY, wxString());
  m_briefTitle->SetFont(m_briefTitle->GetFont().Bold());
  m_briefTitle->SetForegroundColour(wxColour(0x1f, 0x23, 0x28));
  m_briefText = new wxStaticText(m_briefBar, wxID_ANY, wxString());
  m_briefText->SetForegroundColour(wxColour(0x1f, 0x23, 0x28));
  auto* briefSizer = new wxBoxSizer(wxVERTICAL);
  briefSizer->Add(m_briefTitle, 0, wxLEFT | wxRIGHT | wxTOP, 10);
  briefSizer->Add(m_briefText, 0, wxEXPAND | wxALL, 10);
  m_briefBar->SetSizer(briefSizer);
  m_briefBar->Hide();
  m_briefBar->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    const int width = m_briefBar->GetClientSize().x - 20;
    if (width > 50 && !m_brief.empty()) {
      const wxString wrapped = coach::wx::WrapText(m_brief, width, *m_briefText);
      if (wrapped != m_briefText->GetLabel()) {
        m_briefText->SetLabel(wrapped);
        CallAfter([this] { m_briefBar->GetParent()->Layout(); });
      }
    }
  });

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_briefBar, 0, wxEXPAND);
  sizer->Add(m_chatView, 1, wxEXPAND);
  auto* composer = new wxBoxSizer(wxVERTICAL);
  composer->Add(label, 0, wxBOTTOM, 4);
  composer->Add(row, 0, wxEXPAND);
  composer->Add(Hint(page, _("Enter sends; Shift+Enter starts a new line.")), 0, wxTOP, 4);
  sizer->Add(composer, 0, wxEXPAND | wxALL, 10);
  page->SetSizer(sizer);
  // The label precedes the text box so that its mnemonic focuses the box.
  label->MoveBeforeInTabOrder(m_chatInput);
  return page;
}

wxWindow* MainFrame::BuildEmailPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  m_emailView = new TranscriptView(page, &m_messages);

  auto* subjectLabel = new wxStaticText(page, wxID_ANY, _("S&ubject:"));
  m_emailSubject = new wxTextCtrl(page, wxID_ANY);
  m_emailSubject->SetName(_("E-mail subject"));
  auto* bodyLabel = new wxStaticText(page, wxID_ANY, _("&Your e-mail:"));
  m_emailBody = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 170),
                               wxTE_MULTILINE | wxTE_WORDWRAP);
  m_emailBody->SetName(_("E-mail to the client"));
  m_emailBody->SetHelpText(_("Write your e-mail. Ctrl+Enter sends."));
  m_sendEmail = new wxButton(page, wxID_ANY, _("Send e-&mail"));
  m_emailBody->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    const int k = e.GetKeyCode();
    if ((k == WXK_RETURN || k == WXK_NUMPAD_ENTER) && e.ControlDown()) {
      SendEmail();
      return;
    }
    e.Skip();
  });
  m_sendEmail->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendEmail(); });

  auto* subject = new wxBoxSizer(wxHORIZONTAL);
  subject->Add(subjectLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  subject->Add(m_emailSubject, 1, wxEXPAND);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(Hint(page, _("Ctrl+Enter sends.")), 1, wxALIGN_CENTER_VERTICAL);
  buttons->Add(m_sendEmail, 0);

  auto* composer = new wxBoxSizer(wxVERTICAL);
  composer->Add(subject, 0, wxEXPAND | wxBOTTOM, 8);
  composer->Add(bodyLabel, 0, wxBOTTOM, 4);
  composer->Add(m_emailBody, 0, wxEXPAND | wxBOTTOM, 8);
  composer->Add(buttons, 0, wxEXPAND);

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_emailView, 1, wxEXPAND);
  sizer->Add(composer, 0, wxEXPAND | wxALL, 10);
  page->SetSizer(sizer);
  return page;
}

// --- conversation ---------------------------------------------------------------------------

void MainFrame::AddMessage(const ChatMessage& message) {
  ChatMessage m = message;
  if (m.id.empty()) m.id = std::to_string(m_messages.size() + 1).insert(0, 1, 'm');
  m_messages.push_back(m);
  m_panel->AddMessage(m.role, wxString::FromUTF8(m.text), wxString::FromUTF8(m.time), m.channel);
  MessagesChanged();
}

void MainFrame::LoadMessages(const std::vector<ChatMessage>& messages) {
  StopScript();
#ifdef COACH_DEMO_HAVE_PRACTICE
  StopPractice();
#endif
  m_messages.clear();
  m_panel->Reset();
  for (const ChatMessage& m : messages) {
    m_messages.push_back(m);
    m_panel->AddMessage(m.role, wxString::FromUTF8(m.text), wxString::FromUTF8(m.time),
                        m.channel);
  }
  MessagesChanged();
}

void MainFrame::MessagesChanged() {
  m_chatView->MessagesChanged();
  m_emailView->MessagesChanged();
}

void MainFrame::NewConversation() {
  LoadMessages({});
  m_chatInput->Clear();
  m_emailSubject->Clear();
  m_emailBody->Clear();
  m_sourceName.clear();
  UpdateTitle();
  SetInfo(_("New conversation."));
}

bool MainFrame::OpenConversation(const wxString& path, wxString* error) {
  Conversation conv;
  std::string err;
  if (!LoadConversation(path.utf8_string(), conv, err)) {
    if (error) *error = wxString::FromUTF8(err);
    SetInfo(wxString::FromUTF8(err));
    return false;
  }
  LoadMessages(conv.messages);
  m_sourceName = wxFileName(path).GetFullName();
  ShowPage(conv.channel == COACH_CHANNEL_EMAIL ? 1 : 0);
  UpdateTitle();
  SetInfo(wxString::Format(wxPLURAL("Opened %s: %zu message.", "Opened %s: %zu messages.",
                                    conv.messages.size()),
                           m_sourceName, conv.messages.size()));
  return true;
}

void MainFrame::SendChat() { Send(m_chatInput, COACH_CHANNEL_CHAT); }
void MainFrame::SendEmail() { Send(m_emailBody, COACH_CHANNEL_EMAIL); }

void MainFrame::Send(wxTextCtrl* composer, coach_channel channel) {
  wxString text = composer->GetValue();
  text.Trim(true).Trim(false);
  if (text.empty()) return;
#ifdef COACH_DEMO_HAVE_PRACTICE
  if (m_practice) {
    PracticeTurn(text);
    return;
  }
#endif
  const bool email = channel == COACH_CHANNEL_EMAIL;
  // Chat lines show the time of day; e-mails carry a full date.
  const wxString time = email ? wxDateTime::Now().FormatISOCombined() : Now();
  AddMessage({"", COACH_ROLE_COUNSELLOR, channel, text.utf8_string(), time.utf8_string()});
  composer->Clear();
  if (email) SetInfo(_("E-mail sent."));
  else composer->SetFocus();
  ScheduleClientReply();
}

void MainFrame::AddClientMessage(const wxString& text, const wxString& time) {
  const coach_channel channel =
      m_notebook->GetSelection() == 1 ? COACH_CHANNEL_EMAIL : COACH_CHANNEL_CHAT;
  AddMessage({"", COACH_ROLE_CLIENT, channel, text.utf8_string(),
              (time.empty() ? Now() : time).utf8_string()});
}

void MainFrame::ShowPage(int page) {
  if (m_notebook->GetSelection() != page) m_notebook->SetSelection(page);
  OnPageChanged();
}

void MainFrame::OnPageChanged() {
  const bool email = m_notebook->GetSelection() == 1;
  m_panel->FollowTextCtrl(email ? m_emailBody : m_chatInput);
  m_panel->SetChannel(email ? COACH_CHANNEL_EMAIL : COACH_CHANNEL_CHAT);
}

// --- scripted client ------------------------------------------------------------------------

bool MainFrame::StartScript(const wxString& path, wxString* error) {
  auto script = std::make_shared<ClientScript>();
  std::string err;
  if (!LoadScript(path.utf8_string(), *script, err)) {
    if (error) *error = wxString::FromUTF8(err);
    SetInfo(wxString::FromUTF8(err));
    return false;
  }
  LoadMessages({});
  m_chatInput->Clear();
  m_emailBody->Clear();
  ShowPage(script->channel == COACH_CHANNEL_EMAIL ? 1 : 0);
  m_script = script;
  m_nextTurn = 0;
  m_sourceName = wxFileName(path).GetFullName();
  for (ChatMessage m : script->opening) {
    if (m.time.empty()) m.time = Now().utf8_string();
    AddMessage(m);
  }
  UpdateTitle();
  SetInfo(script->title.empty()
              ? wxString::Format(_("Playing %s."), m_sourceName)
              : wxString::Format(_("Playing \"%s\"."), wxString::FromUTF8(script->title)));
  if (!script->locale.empty() && script->locale != m_options.locale)
    SetInfo(wxString::Format(_("This script is in \"%s\"; switch the language for best results."),
                             wxString::FromUTF8(script->locale)));
  SetScriptStatus(wxString::Format(_("Client: %zu of %zu replies left"), script->turns.size(),
                                   script->turns.size()));
  if (script->opening.empty()) SetScriptStatus(_("The client waits for your first message."));
  return true;
}

void MainFrame::StopScript() {
  m_replyTimer.Stop();
  if (m_script) SetScriptStatus(_("Script stopped."));
  m_script.reset();
  m_nextTurn = 0;
}

void MainFrame::ScheduleClientReply() {
  if (!m_script || m_nextTurn >= m_script->turns.size() || m_replyTimer.IsRunning()) return;
  SetScriptStatus(_("The client is typing..."));
  m_replyTimer.StartOnce(std::max(1, m_script->turns[m_nextTurn].delay_ms));
}

void MainFrame::OnReplyTimer(wxTimerEvent&) {
  if (!m_script || m_nextTurn >= m_script->turns.size()) return;
  AddClientMessage(wxString::FromUTF8(m_script->turns[m_nextTurn].text));
  ++m_nextTurn;
  const std::size_t left = m_script->turns.size() - m_nextTurn;
  if (left == 0)
    SetScriptStatus(_("Script finished: the client has said everything."));
  else
    SetScriptStatus(wxString::Format(_("Client: %zu of %zu replies left"), left,
                                     m_script->turns.size()));
}

// --- typing, screenshots, language ------------------------------------------------------------

void MainFrame::TypeText(const wxString& text, std::function<void()> done, int interval_ms) {
  wxTextCtrl* target = m_notebook->GetSelection() == 1 ? m_emailBody : m_chatInput;
  target->SetFocus();
  target->SetInsertionPointEnd();
  m_typeText = text;
  m_typePos = 0;
  m_typeDone = std::move(done);
  m_typeTimer.Start(std::max(1, interval_ms));
}

void MainFrame::OnTypeTimer(wxTimerEvent&) {
  wxTextCtrl* target = m_notebook->GetSelection() == 1 ? m_emailBody : m_chatInput;
  if (m_typePos >= m_typeText.length()) {
    m_typeTimer.Stop();
    if (auto done = std::move(m_typeDone)) done();
    return;
  }
  // One character per tick, through the control as keyboard input would arrive.
  target->WriteText(wxString(m_typeText[m_typePos]));
  ++m_typePos;
}

bool MainFrame::IsBusy() const {
#ifdef COACH_DEMO_HAVE_PRACTICE
  if (m_practiceTimer.IsRunning()) return true;
#endif
  return IsTyping() || m_replyTimer.IsRunning() || !m_panel->IsIdle();
}

bool MainFrame::SaveScreenshot(const wxString& path, wxString* error) {
  if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
  Raise();
  Refresh();
  Update();
  // The whole frame: the client area, the menu bar and the status bar, each blitted from its
  // window's client DC into one bitmap. If this backend cannot read windows back, the same
  // rectangle is taken from the screen.
  const wxPoint frameOrigin = GetScreenPosition();
  const wxRect client(ClientToScreen(wxPoint(0, 0)) - frameOrigin, GetClientSize());
  wxRect all = client;
  std::vector<wxWindow*> parts = {this};
  for (wxWindow* w : {static_cast<wxWindow*>(GetMenuBar()), static_cast<wxWindow*>(GetStatusBar())})
    if (w && w->IsShown()) {
      parts.push_back(w);
      all.Union(wxRect(w->ClientToScreen(wxPoint(0, 0)) - frameOrigin, w->GetClientSize()));
    }
  all.Intersect(wxRect(wxPoint(0, 0), GetSize()));
  wxImage image;
  {
    wxBitmap bmp(all.width, all.height, 24);
    wxMemoryDC mem(bmp);
    mem.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE)));
    mem.Clear();
    bool ok = true;
    for (wxWindow* w : parts) {
      wxClientDC dc(w);
      const wxPoint at = w->ClientToScreen(wxPoint(0, 0)) - frameOrigin - all.GetPosition();
      const wxSize sz = w->GetClientSize();
      ok = mem.Blit(at.x, at.y, sz.x, sz.y, &dc, 0, 0) && ok;
    }
    mem.SelectObject(wxNullBitmap);
    if (ok) image = bmp.ConvertToImage();
  }
  if (IsBlank(image.GetSubImage(wxRect(client.GetPosition() - all.GetPosition(), client.GetSize())))) {
    wxBitmap bmp(all.width, all.height, 24);
    wxScreenDC screen;
    wxMemoryDC mem(bmp);
    if (mem.Blit(0, 0, all.width, all.height, &screen, frameOrigin.x + all.x, frameOrigin.y + all.y)) {
      mem.SelectObject(wxNullBitmap);
      image = bmp.ConvertToImage();
    }
  }
  if (!image.IsOk() || IsBlank(image)) {
    if (error) *error = _("the window could not be captured");
    return false;
  }
  wxFileName::Mkdir(wxFileName(path).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  if (!image.SaveFile(path, wxBITMAP_TYPE_PNG)) {
    if (error) *error = wxString::Format(_("cannot write %s"), path);
    return false;
  }
  return true;
}

DemoSnapshot MainFrame::Snapshot() const {
  DemoSnapshot s;
  s.messages = m_messages;
  s.chat_draft = m_chatInput->GetValue();
  s.email_subject = m_emailSubject->GetValue();
  s.email_body = m_emailBody->GetValue();
  s.script = m_script;
  s.next_turn = m_nextTurn;
  s.source_name = m_sourceName;
  s.page = m_notebook->GetSelection();
  return s;
}

void MainFrame::Restore(const DemoSnapshot& s) {
  for (const ChatMessage& m : s.messages) {
    m_messages.push_back(m);
    m_panel->AddMessage(m.role, wxString::FromUTF8(m.text), wxString::FromUTF8(m.time),
                        m.channel);
  }
  MessagesChanged();
  m_emailSubject->ChangeValue(s.email_subject);
  m_emailBody->ChangeValue(s.email_body);
  m_chatInput->ChangeValue(s.chat_draft);
  m_script = s.script;
  m_nextTurn = s.next_turn;
  m_sourceName = s.source_name;
  ShowPage(s.page);
  m_panel->SetDraft(s.page == 1 ? s.email_body : s.chat_draft);
  m_panel->FollowTextCtrl(s.page == 1 ? m_emailBody : m_chatInput);
  if (m_script)
    SetScriptStatus(wxString::Format(_("Client: %zu of %zu replies left"),
                                     m_script->turns.size() - m_nextTurn, m_script->turns.size()));
}

void MainFrame::SwitchLanguage(const std::string& locale) {
  if (locale == m_options.locale) return;
  coach::wx::InitUiTranslations(wxString::FromUTF8(locale));
  DemoOptions options = m_options;
  options.locale = locale;
  const DemoSnapshot snapshot = Snapshot();
  auto* next = new MainFrame(options);
  next->SetSize(GetRect());
  next->Show();
  next->Restore(snapshot);  // once shown, so that every view has its real size
  wxTheApp->SetTopWindow(next);
  Destroy();
}

// --- menu commands --------------------------------------------------------------------------

void MainFrame::OnOpen() {
  wxFileDialog dlg(this, _("Open conversation"), wxString::FromUTF8(COACH_DEMO_SAMPLES_DIR),
                   wxString(),
                   _("Conversations (*.json;*.txt)|*.json;*.txt|All files (*)|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() != wxID_OK) return;
  wxString error;
  if (!OpenConversation(dlg.GetPath(), &error))
    wxMessageBox(error, _("Cannot open the conversation"), wxOK | wxICON_ERROR, this);
}

void MainFrame::OnPlayScript() {
  wxFileDialog dlg(this, _("Play scripted client"), wxString::FromUTF8(COACH_DEMO_SAMPLES_DIR),
                   wxString(), _("Client scripts (*.json)|*.json|All files (*)|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() != wxID_OK) return;
  wxString error;
  if (!StartScript(dlg.GetPath(), &error))
    wxMessageBox(error, _("Cannot play the script"), wxOK | wxICON_ERROR, this);
}

void MainFrame::OnAddClientMessage() {
  wxTextEntryDialog dlg(this, _("Message from the client:"), _("Add client message"), wxString(),
                        wxOK | wxCANCEL | wxCENTRE | wxTE_MULTILINE);
  if (dlg.ShowModal() != wxID_OK) return;
  wxString text = dlg.GetValue();
  text.Trim(true).Trim(false);
  if (!text.empty()) AddClientMessage(text);
}

void MainFrame::OnAbout() {
  wxMessageBox(wxString::Format(_("counsel-coach demo host\nlibcoach %s\n\nThe coach panel "
                                  "suggests the practices of the study while you write: verify "
                                  "your interpretation, set concrete goals, ask for feedback, "
                                  "involve the client's network and consider online help."),
                                wxString::FromUTF8(coach_version())),
               _("About counsel-coach"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::UpdateTitle() {
  wxString title = _("counsel-coach demo");
  if (!m_sourceName.empty()) title += wxString::FromUTF8(" \xE2\x80\x94 ") + m_sourceName;
  SetTitle(title);
}

void MainFrame::ShowBrief(const wxString& title, const wxString& brief) {
  if (!m_briefBar) return;
  m_brief = brief;
  m_briefTitle->SetLabel(title);
  const int width = std::max(200, m_briefBar->GetParent()->GetClientSize().x - 20);
  m_briefText->SetLabel(coach::wx::WrapText(brief, width, *m_briefText));
  m_briefText->Show(!brief.empty());
  m_briefBar->Show(!title.empty());
  m_briefBar->GetParent()->Layout();
}

void MainFrame::SetInfo(const wxString& text) {
  if (GetStatusBar()) SetStatusText(text, 0);
}

void MainFrame::SetScriptStatus(const wxString& text) {
  if (GetStatusBar()) SetStatusText(text, 1);
}

// --- command-line automation ----------------------------------------------------------------

namespace {

// Steps through --open, --script, --type and --screenshot, polling the frame between steps.
class Automation : public wxEvtHandler {
 public:
  Automation(MainFrame* frame, const DemoOptions& options)
      : m_frame(frame), m_options(options), m_timer(this) {
    Bind(wxEVT_TIMER, &Automation::OnTick, this);
    m_started = m_stepStart = wxGetUTCTimeMillis();
    m_timer.Start(40);
  }

 private:
  enum class Step { wait_engine, load, type, typing, settle, capture, release, done };

  void Fail(const wxString& what) {
    fprintf(stderr, "coach-demo: %s\n", static_cast<const char*>(what.utf8_str()));
    DemoExitCode() = 1;
  }

  long Elapsed() const { return (wxGetUTCTimeMillis() - m_stepStart).ToLong(); }
  void Go(Step s) {
    m_step = s;
    m_stepStart = wxGetUTCTimeMillis();
  }

  void OnTick(wxTimerEvent&) {
    MainFrame* f = m_frame.get();
    if (!f) {  // the frame went away (closed or rebuilt in another language)
      Finish();
      return;
    }
    const long total = (wxGetUTCTimeMillis() - m_started).ToLong();
    if (m_options.exit_after_ms >= 0 && total >= m_options.exit_after_ms) {
      f->Close(true);
      Finish();
      return;
    }
    switch (m_step) {
      case Step::wait_engine: {
        const auto& st = f->GetCoachPanel()->GetState();
        if (st.ready || !st.error.empty() || Elapsed() > 30000) {
          if (!st.error.empty()) Fail("the coach is unavailable: " + wxString::FromUTF8(st.error));
          Go(Step::load);
        }
        break;
      }
      case Step::load: {
        wxString error;
        if (!m_options.open_path.empty() && !f->OpenConversation(m_options.open_path, &error))
          Fail(error);
        if (!m_options.script_path.empty() && !f->StartScript(m_options.script_path, &error))
          Fail(error);
        if (!m_options.practice_path.empty()) {
#ifdef COACH_DEMO_HAVE_PRACTICE
          if (!f->StartPractice(m_options.practice_path, &error)) Fail(error);
#else
          Fail("--practice: this build has no practice library");
#endif
        }
        Go(Step::type);
        break;
      }
      case Step::type:
        if (!m_options.type_text.empty()) {
          f->TypeText(m_options.type_text);
          Go(Step::typing);
        } else {
          Go(Step::settle);
        }
        break;
      case Step::typing:
        if (!f->IsTyping()) Go(Step::settle);
        break;
      case Step::settle:
        // Wait for the coach to show the analysis of what was typed, then let it paint.
        if (f->GetCoachPanel()->IsIdle() || Elapsed() > 30000) {
          if (m_idleSince == 0) m_idleSince = wxGetUTCTimeMillis();
          if ((wxGetUTCTimeMillis() - m_idleSince).ToLong() >= 400) Go(Step::capture);
        } else {
          m_idleSince = 0;
        }
        break;
      case Step::capture:
        if (!m_options.screenshot_path.empty()) {
          wxString error;
          if (f->SaveScreenshot(m_options.screenshot_path, &error))
            printf("coach-demo: screenshot saved to %s\n",
                   static_cast<const char*>(m_options.screenshot_path.utf8_str()));
          else
            Fail(error);
          fflush(stdout);
        }
        Go(Step::release);
        break;
      case Step::release: {
        // For tests that also grab the whole screen: say we are ready, wait to be released.
        wxString ready, release;
        const bool handshake = wxGetEnv("COACH_GUI_READY_FILE", &ready) &&
                               wxGetEnv("COACH_GUI_RELEASE_FILE", &release);
        if (handshake && !m_signalled) {
          wxFFile(ready, "w").Write("ready\n");
          m_signalled = true;
        }
        if (handshake && !wxFileExists(release) && Elapsed() < 15000) break;
        if (!m_options.screenshot_path.empty() && m_options.exit_after_ms < 0) {
          f->Close(true);
          Finish();
          return;
        }
        Go(Step::done);
        break;
      }
      case Step::done:
        if (m_options.exit_after_ms < 0) Finish();
        break;
    }
  }

  void Finish() {
    m_timer.Stop();
    wxTheApp->CallAfter([this] { delete this; });
  }

  wxWeakRef<MainFrame> m_frame;
  DemoOptions m_options;
  wxTimer m_timer;
  Step m_step = Step::wait_engine;
  wxLongLong m_started;
  wxLongLong m_stepStart = 0;
  wxLongLong m_idleSince = 0;
  bool m_signalled = false;
};

}  // namespace

void RunAutomation(MainFrame* frame, const DemoOptions& options) {
  new Automation(frame, options);  // deletes itself when done
}

}  // namespace coach::demo
