// The counsel-coach panel for wxWidgets hosts.
//
// A wxPanel a chat or mail tool docks beside its compose box. It follows a wxTextCtrl (or gets
// the draft through SetDraft), analyses the conversation on a worker thread through the public
// C API (coach.h) and shows the coach's nudges, the five-practice checklist and, when a client
// signals risk, a crisis banner. Typing is never blocked: drafts are debounced and every call
// into libcoach happens on the worker thread, which owns the engine and the session.
//
// All methods must be called on the GUI thread.
#pragma once

#include <coach.h>

#include <wx/bitmap.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

class wxBoxSizer;
class wxButton;
class wxScrolledWindow;
class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;

namespace coach::wx {

class AnalysisWorker;
class CrisisBanner;
class NudgeCard;
struct AnalysisResult;

// Sent to the panel (and propagated to its parents) each time a new analysis is shown.
wxDECLARE_EVENT(EVT_COACH_UPDATED, wxCommandEvent);

struct PanelOptions {
  std::string locale = "nl";  // locale of the engine: language of nudge texts and cue phrases
  std::string rules_dir;      // empty: libcoach's defaults
  std::string locales_dir;
  std::string dict_dir;
  coach_channel channel = COACH_CHANNEL_CHAT;
  int debounce_ms = 120;   // quiet time after a keystroke before the draft is analysed
  int max_delay_ms = 450;  // while typing without pause, analyse at least this often
  int snooze_turns = 3;    // counsellor messages a snoozed nudge stays hidden
};

// One nudge as the panel shows it (CONTRACT.md fields).
struct NudgeView {
  std::string id;
  std::string severity;  // info, suggest, warn, urgent
  std::string title;
  std::string message;
  std::string why;
  bool acknowledged = false;
};

// What the panel currently shows. Useful to hosts and tests.
struct PanelState {
  bool ready = false;                   // the engine is loaded
  std::string error;                    // why the coach is unavailable, if it is
  std::vector<NudgeView> nudges;        // most important first, the crisis nudge included
  std::vector<std::pair<std::string, bool>> checklist;  // the five practices, in study order
  std::string phase;                    // current phase of the conversation (engine id)
};

class CoachPanel : public wxPanel {
 public:
  CoachPanel(wxWindow* parent, wxWindowID id = wxID_ANY, const PanelOptions& options = {});
  ~CoachPanel() override;

  // --- input ---------------------------------------------------------------------------------
  // Follows the text of `ctrl` (its wxEVT_TEXT events) as the draft. nullptr stops following.
  void FollowTextCtrl(wxTextCtrl* ctrl);
  wxTextCtrl* GetFollowedTextCtrl() const { return m_followed; }
  // Sets the draft directly (debounced like typing).
  void SetDraft(const wxString& text);
  // A message was sent (on the panel's channel, or the one given). `time` is "19:18" or ISO
  // 8601 and may be empty. A counsellor message clears the draft in the coach.
  void AddMessage(coach_role role, const wxString& text, const wxString& time = wxString());
  void AddMessage(coach_role role, const wxString& text, const wxString& time,
                  coach_channel channel);
  // Forgets the conversation, the draft, dismissals and snoozes.
  void Reset();
  // Switches the session to chat or e-mail; the conversation so far is kept.
  void SetChannel(coach_channel channel);
  coach_channel GetChannel() const { return m_options.channel; }
  // Sends a pending (debounced) draft now.
  void FlushDraft();
  // Loads the engine again with the same options (for example after a trainer saved changed
  // rules in the rule folder) and replays the conversation so far, the draft and dismissals.
  // The worker thread builds the new engine; typing is not blocked. Snoozes are forgotten.
  void ReloadEngine();
  const PanelOptions& GetOptions() const { return m_options; }

  // --- actions the buttons perform -------------------------------------------------------------
  bool DismissNudge(const std::string& id);
  bool SnoozeNudge(const std::string& id, int turns = 0);  // 0: the panel's default
  void AcknowledgeCrisis();

  // --- state -----------------------------------------------------------------------------------
  // Ids of the nudges visible in the panel, in display order (the crisis banner first).
  std::vector<std::string> VisibleNudgeIds() const;
  // Whether the checklist shows `practice` as done.
  bool IsPracticeDone(const std::string& practice) const;
  bool IsCrisisBannerShown() const;
  // True when no draft or command is waiting for analysis and the last result is shown.
  bool IsIdle() const;
  // Number of analysis results shown so far.
  std::uint64_t GetUpdateCount() const { return m_updates; }
  const PanelState& GetState() const { return m_state; }
  // The last command libcoach refused (for example an unknown nudge id), or empty.
  const std::string& GetLastWarning() const { return m_lastWarning; }

 private:
  struct ChecklistRow {
    std::string practice;
    wxStaticBitmap* icon = nullptr;
    wxStaticText* label = nullptr;
    int shown = -1;  // what the row shows: -1 nothing yet, 0 open, 1 done
  };

  void BuildUi();
  void ApplyColours();
  void StartWorker();
  void OnFollowedText(wxCommandEvent& event);
  void OnFollowedDestroy(wxWindowDestroyEvent& event);
  void OnDebounce(wxTimerEvent& event);
  void OnSize(wxSizeEvent& event);
  void OnSysColourChanged(wxSysColourChangedEvent& event);
  void ScheduleDraft();
  void ApplyResult(const AnalysisResult& result);
  void UpdateCards(const std::vector<NudgeView>& nudges);
  void UpdateChecklist(bool force = false);
  void UpdateStatus();
  void RewrapTexts();
  void OnCardDismiss(const std::string& id);
  void OnCardSnooze(const std::string& id);
  void RemoveCardNow(const std::string& id);

  PanelOptions m_options;
  std::unique_ptr<AnalysisWorker> m_worker;
  PanelState m_state;
  std::string m_lastWarning;
  std::uint64_t m_updates = 0;
  std::uint64_t m_submitted = 0;  // sequence number of the last command sent to the worker
  std::uint64_t m_applied = 0;    // sequence number of the last result shown

  // what the worker needs to rebuild the session (channel switch)
  struct SentMessage {
    coach_role role;
    std::string text;
    std::string time;
    coach_channel channel;
  };
  std::vector<SentMessage> m_messages;
  std::vector<std::string> m_dismissed;
  std::map<std::string, std::uint64_t> m_hidden;  // hidden by a click, until seq is analysed
  std::uint64_t m_ackSeq = 0;                      // crisis acknowledged at this seq
  std::string m_lastDraft;

  wxTextCtrl* m_followed = nullptr;
  wxString m_pendingDraft;
  bool m_readFromCtrl = false;  // the pending draft is the followed control's text
  bool m_draftPending = false;
  wxLongLong m_firstPendingAt = 0;
  wxTimer m_debounce;

  // widgets
  CrisisBanner* m_banner = nullptr;
  wxStaticText* m_title = nullptr;
  wxStaticText* m_status = nullptr;
  wxStaticText* m_phase = nullptr;
  wxStaticText* m_suggestHeading = nullptr;
  wxStaticText* m_suggestCount = nullptr;
  wxScrolledWindow* m_scroll = nullptr;
  wxBoxSizer* m_cardSizer = nullptr;
  wxStaticText* m_empty = nullptr;
  wxString m_emptyText;
  std::vector<NudgeCard*> m_cards;
  wxStaticText* m_checkHeading = nullptr;
  wxStaticText* m_checkCount = nullptr;
  std::vector<ChecklistRow> m_checkRows;
  wxBitmap m_checkIcons[2];  // open, done
  wxStaticText* m_footer = nullptr;
  std::vector<wxWindow*> m_rules;  // thin separator lines
  int m_wrapWidth = -1;
};

// Installs wx translations for the panel's (and a host's) UI strings in `language` ("nl" or
// "en"), looking for counsel-coach-ui.mo in $COACH_UI_LOCALE_DIR, the build folder, next to the
// executable (../share/locale) and the installed locale folder. Returns false when no catalogue
// was found (strings then stay English).
bool InitUiTranslations(const wxString& language);

// Display name of a checklist practice in the current UI language.
wxString PracticeLabel(const std::string& practice);

}  // namespace coach::wx
