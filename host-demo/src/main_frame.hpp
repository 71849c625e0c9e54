// The demo host: a chat window and an e-mail composer with the coach panel docked at the right,
// the way a real chat or mail tool would embed it. It uses the panel's public API only.
#pragma once

#include "transcript_io.hpp"

#include <coach/wx/coach_panel.hpp>

#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxNotebook;
class wxPanel;
class wxStaticText;
class wxSplitterWindow;
class wxTextCtrl;

#ifdef COACH_DEMO_HAVE_PRACTICE
namespace coach {
class Engine;
}
namespace coach::practice {
class PracticeSession;
}
#endif

namespace coach::demo {

class RuleLabFrame;

class TranscriptView;

struct DemoOptions {
  std::string locale = "nl";  // UI and coach language
  wxString open_path;         // --open
  wxString script_path;       // --script
  wxString screenshot_path;   // --screenshot
  wxString type_text;         // --type
  long exit_after_ms = -1;    // --exit-after
  std::string rules_dir;      // --rules: the rule folder of the coach and the rule lab
  std::string scenarios_dir;  // --scenarios: practice scenarios (empty: the shipped ones)
  wxString practice_path;     // --practice: start this scenario (file or shipped id)
  // Trainer features ask before writing files; tests turn the questions off.
  bool ask_to_save_report = true;
  int client_typing_ms = -1;  // simulated client's typing delay per reply (-1: by length)
};

// What survives a language switch (the frame is rebuilt in the new language).
struct DemoSnapshot {
  std::vector<ChatMessage> messages;
  wxString chat_draft;
  wxString email_subject;
  wxString email_body;
  std::shared_ptr<ClientScript> script;
  std::size_t next_turn = 0;
  wxString source_name;
  int page = 0;
};

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(const DemoOptions& options, const DemoSnapshot* restore = nullptr);
  ~MainFrame() override;

  // File > Open conversation: JSON messages or the study's chat text. Replaces the conversation.
  bool OpenConversation(const wxString& path, wxString* error = nullptr);
  // File > Play scripted client: starts a new conversation with the script's client.
  bool StartScript(const wxString& path, wxString* error = nullptr);
  void StopScript();
  void NewConversation();

  void SendChat();   // the chat box's text, as the counsellor
  void SendEmail();  // the e-mail composer's text, as the counsellor
  void Send(wxTextCtrl* composer, coach_channel channel);
  void AddClientMessage(const wxString& text, const wxString& time = wxString());
  void SwitchLanguage(const std::string& locale);
  void ShowPage(int page);  // 0: chat, 1: e-mail

  // Types `text` into the active composer one character at a time, through the text control
  // (so the panel follows it as it follows a person typing), then calls `done`.
  void TypeText(const wxString& text, std::function<void()> done = {}, int interval_ms = 12);
  bool IsTyping() const { return m_typeTimer.IsRunning(); }
  // Typing, a scripted reply pending or the coach still analysing.
  bool IsBusy() const;
  // Saves the frame as PNG: a blit of the window into a bitmap (falls back to the screen).
  bool SaveScreenshot(const wxString& path, wxString* error = nullptr);

  // Trainer > Rule lab: opens (or raises) the rule lab on the coach's rule folder. Saving there
  // reloads the rules into this window's coach panel.
  RuleLabFrame* OpenRuleLab();
  RuleLabFrame* GetRuleLab() const;
  // Reloads the coach panel's engine (new rules on disk), keeping the conversation.
  void ReloadRules();

#ifdef COACH_DEMO_HAVE_PRACTICE
  // Trainer > Practice session: a simulated client (plugin/practice) answers the trainee in the
  // chat window, the coach panel beside it as in a live chat.
  bool StartPractice(const wxString& path_or_id, wxString* error = nullptr);
  void StopPractice();
  bool IsPracticeActive() const;
  bool IsPracticeFinished() const;
  const coach::practice::PracticeSession* GetPractice() const { return m_practice.get(); }
  // Writes BASE.txt (the study's chat format) and, with the report library, BASE.html.
  bool SavePracticeReport(const wxString& base_path, wxString* error = nullptr);
#endif

  coach::wx::CoachPanel* GetCoachPanel() const { return m_panel; }
  wxTextCtrl* GetChatInput() const { return m_chatInput; }
  wxTextCtrl* GetEmailBody() const { return m_emailBody; }
  const std::vector<ChatMessage>& GetMessages() const { return m_messages; }
  const DemoOptions& GetOptions() const { return m_options; }

 private:
  void BuildMenu();
  void BuildUi();
  wxWindow* BuildChatPage(wxWindow* parent);
  wxWindow* BuildEmailPage(wxWindow* parent);
  void Restore(const DemoSnapshot& snapshot);
  DemoSnapshot Snapshot() const;
  void AddMessage(const ChatMessage& message);
  void LoadMessages(const std::vector<ChatMessage>& messages);
  void MessagesChanged();
  void OnPageChanged();
  void ScheduleClientReply();
  void OnReplyTimer(wxTimerEvent& event);
  void OnTypeTimer(wxTimerEvent& event);
  void UpdateTitle();
  void SetInfo(const wxString& text);
  void SetScriptStatus(const wxString& text);
  void OnOpen();
  void OnPlayScript();
  void OnAddClientMessage();
  void OnAbout();
  void OnClose(wxCloseEvent& event);
#ifdef COACH_DEMO_HAVE_PRACTICE
  void OnPracticeMenu();
  bool PracticeTurn(const wxString& text);  // SendChat in a practice session
  void OnPracticeTimer(wxTimerEvent& event);
  void PracticeFinished();
  void OfferPracticeReport();

  std::shared_ptr<const coach::Engine> m_practiceEngine;
  std::unique_ptr<coach::practice::PracticeSession> m_practice;
  std::vector<ChatMessage> m_practiceQueue;  // client replies still "being typed"
  wxTimer m_practiceTimer;
  bool m_practiceDone = false;
#endif

  DemoOptions m_options;
  std::vector<ChatMessage> m_messages;
  wxString m_sourceName;

  std::shared_ptr<ClientScript> m_script;
  std::size_t m_nextTurn = 0;
  wxTimer m_replyTimer;

  wxString m_typeText;
  std::size_t m_typePos = 0;
  std::function<void()> m_typeDone;
  wxTimer m_typeTimer;

  wxSplitterWindow* m_splitter = nullptr;
  wxNotebook* m_notebook = nullptr;
  TranscriptView* m_chatView = nullptr;
  TranscriptView* m_emailView = nullptr;
  wxTextCtrl* m_chatInput = nullptr;
  wxButton* m_send = nullptr;
  wxTextCtrl* m_emailSubject = nullptr;
  wxTextCtrl* m_emailBody = nullptr;
  wxButton* m_sendEmail = nullptr;
  coach::wx::CoachPanel* m_panel = nullptr;
  // Practice sessions: who the client is, above the chat.
  wxPanel* m_briefBar = nullptr;
  wxStaticText* m_briefTitle = nullptr;
  wxStaticText* m_briefText = nullptr;
  wxString m_brief;
  void ShowBrief(const wxString& title, const wxString& brief);  // empty title hides it
};

// Runs the command-line steps on `frame`: --open, --script, --type, then (once the coach is up
// to date) --screenshot, and --exit-after. Returns false if a step failed (it was reported).
void RunAutomation(MainFrame* frame, const DemoOptions& options);

// Exit status the demo returns (set when an automated step fails).
int& DemoExitCode();

}  // namespace coach::demo
