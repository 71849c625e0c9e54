#include <coach/wx/coach_panel.hpp>
#include <coach/wx/text_wrap.hpp>

#include "analysis_worker.hpp"
#include "nudge_card.hpp"
#include "theme.hpp"

#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/time.h>

#include <algorithm>

namespace coach::wx {

wxDEFINE_EVENT(EVT_COACH_UPDATED, wxCommandEvent);

namespace {

constexpr int kSide = 14;      // horizontal margin of the panel's content
constexpr int kCardMargin = 10;  // horizontal margin of the cards in the list
constexpr int kCheckIcon = 16;
const char* const kCrisisId = "crisis";
const char* const kPractices[] = {"verify_interpretation", "set_goal", "ask_feedback",
                                  "mobilise_network", "online_referral"};

bool IsCrisis(const NudgeView& n) { return n.id == kCrisisId; }

wxString PhaseLabel(const std::string& phase) {
  if (phase == "intake" || phase == "contact") return _("intake");
  if (phase == "problem_analysis" || phase == "analysis" || phase == "explore")
    return _("problem analysis");
  if (phase == "strategy") return _("strategy");
  if (phase == "goal_formulation" || phase == "goal" || phase == "goals")
    return _("goal formulation");
  if (phase == "evaluation") return _("evaluation");
  if (phase == "closing") return _("closing");
  if (phase == "referral_online") return _("online referral");
  if (phase.rfind("referral", 0) == 0) return _("referral");
  wxString s = wxString::FromUTF8(phase);
  s.Replace("_", " ");
  return s;
}

// A 1 px separator in the theme's border colour; never a stop for the keyboard.
class Separator : public wxWindow {
 public:
  explicit Separator(wxWindow* parent)
      : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 1), wxBORDER_NONE) {
    SetMinSize(wxSize(-1, 1));
  }
  bool AcceptsFocus() const override { return false; }
  bool AcceptsFocusFromKeyboard() const override { return false; }
};

wxWindow* Rule(wxWindow* parent) { return new Separator(parent); }

bool Contains(const wxWindow* outer, const wxWindow* w) {
  for (; w; w = w->GetParent())
    if (w == outer) return true;
  return false;
}

}  // namespace

wxString PracticeLabel(const std::string& practice) {
  if (practice == "verify_interpretation") return _("Verify your interpretation");
  if (practice == "set_goal") return _("Concrete goal or next step");
  if (practice == "ask_feedback") return _("Ask for feedback");
  if (practice == "mobilise_network") return _("Involve the client's network");
  if (practice == "online_referral") return _("Consider an online referral");
  wxString s = wxString::FromUTF8(practice);
  s.Replace("_", " ");
  return s;
}

CoachPanel::CoachPanel(wxWindow* parent, wxWindowID id, const PanelOptions& options)
    : wxPanel(parent, id, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxBORDER_NONE),
      m_options(options),
      m_debounce(this) {
  if (m_options.debounce_ms < 0) m_options.debounce_ms = 0;
  if (m_options.max_delay_ms < m_options.debounce_ms) m_options.max_delay_ms = m_options.debounce_ms;
  if (m_options.snooze_turns < 1) m_options.snooze_turns = 1;
  SetName(_("Counselling coach"));
  SetHelpText(_("Suggestions from the counselling coach while you write."));
  BuildUi();
  ApplyColours();
  Bind(wxEVT_TIMER, &CoachPanel::OnDebounce, this, m_debounce.GetId());
  Bind(wxEVT_SIZE, &CoachPanel::OnSize, this);
  Bind(wxEVT_SYS_COLOUR_CHANGED, &CoachPanel::OnSysColourChanged, this);
  StartWorker();
  UpdateChecklist();
  UpdateStatus();
}

CoachPanel::~CoachPanel() {
  m_debounce.Stop();
  if (m_followed) {
    m_followed->Unbind(wxEVT_TEXT, &CoachPanel::OnFollowedText, this);
    m_followed->Unbind(wxEVT_DESTROY, &CoachPanel::OnFollowedDestroy, this);
    m_followed = nullptr;
  }
  m_worker.reset();  // joins the thread; results still queued are dropped with this handler
}

// --- construction ---------------------------------------------------------------------------

void CoachPanel::BuildUi() {
  auto* top = new wxBoxSizer(wxVERTICAL);

  m_banner = new CrisisBanner(this, [this] { CallAfter([this] { AcknowledgeCrisis(); }); });
  top->Add(m_banner, 0, wxEXPAND);

  // Header: name of the tool, live status, phase of the conversation.
  m_title = new wxStaticText(this, wxID_ANY, _("Counselling coach"));
  m_title->SetFont(theme::Scaled(GetFont(), 1.3, true));
  m_status = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxALIGN_RIGHT | wxST_NO_AUTORESIZE);
  m_status->SetFont(theme::Scaled(GetFont(), 0.9));
  m_status->SetMinSize(wxSize(GetTextExtent("Analysing...").x + 16, -1));
  auto* head = new wxBoxSizer(wxHORIZONTAL);
  head->Add(m_title, 1, wxALIGN_CENTER_VERTICAL);
  head->Add(m_status, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 8);
  top->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kSide);
  m_phase = new wxStaticText(this, wxID_ANY, wxString());
  m_phase->SetFont(theme::Scaled(GetFont(), 0.9));
  top->Add(m_phase, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kSide);
  top->AddSpacer(12);
  m_rules.push_back(Rule(this));
  top->Add(m_rules.back(), 0, wxEXPAND);

  // Suggestions: the nudges as cards in a scrolled list.
  m_suggestHeading = new wxStaticText(this, wxID_ANY, _("Suggestions").Upper());
  m_suggestHeading->SetFont(theme::Scaled(GetFont(), 0.85, true));
  m_suggestCount = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxALIGN_RIGHT);
  m_suggestCount->SetFont(theme::Scaled(GetFont(), 0.85, true));
  auto* sh = new wxBoxSizer(wxHORIZONTAL);
  sh->Add(m_suggestHeading, 1, wxALIGN_CENTER_VERTICAL);
  sh->Add(m_suggestCount, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(sh, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kSide);

  m_scroll = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxVSCROLL | wxTAB_TRAVERSAL | wxBORDER_NONE);
  m_scroll->SetScrollRate(0, 12);
  m_scroll->SetName(_("Coach suggestions"));
  m_cardSizer = new wxBoxSizer(wxVERTICAL);
  auto* scrollSizer = new wxBoxSizer(wxVERTICAL);
  m_empty = new wxStaticText(m_scroll, wxID_ANY, wxString());
  scrollSizer->Add(m_empty, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kSide);
  scrollSizer->Add(m_cardSizer, 0, wxEXPAND | wxTOP, 8);
  m_scroll->SetSizer(scrollSizer);
  top->Add(m_scroll, 1, wxEXPAND);

  // Checklist of the five practices the study found missing.
  m_rules.push_back(Rule(this));
  top->Add(m_rules.back(), 0, wxEXPAND);
  m_checkHeading = new wxStaticText(this, wxID_ANY, _("Conversation checklist").Upper());
  m_checkHeading->SetFont(theme::Scaled(GetFont(), 0.85, true));
  m_checkCount = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxALIGN_RIGHT);
  m_checkCount->SetFont(theme::Scaled(GetFont(), 0.85, true));
  auto* ch = new wxBoxSizer(wxHORIZONTAL);
  ch->Add(m_checkHeading, 1, wxALIGN_CENTER_VERTICAL);
  ch->Add(m_checkCount, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(ch, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kSide);
  auto* rows = new wxBoxSizer(wxVERTICAL);
  for (const char* p : kPractices) {
    ChecklistRow row;
    row.practice = p;
    row.icon = new wxStaticBitmap(this, wxID_ANY, theme::CheckIcon(false, kCheckIcon));
    row.label = new wxStaticText(this, wxID_ANY, PracticeLabel(p));
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    line->Add(row.icon, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    line->Add(row.label, 1, wxALIGN_CENTER_VERTICAL);
    rows->Add(line, 0, wxEXPAND | wxTOP, 7);
    m_checkRows.push_back(row);
  }
  top->Add(rows, 0, wxEXPAND | wxLEFT | wxRIGHT, kSide);

  m_footer = new wxStaticText(this, wxID_ANY, _("Analysed on this computer; nothing is sent."));
  m_footer->SetFont(theme::Scaled(GetFont(), 0.85));
  top->Add(m_footer, 0, wxEXPAND | wxALL, kSide);

  SetSizer(top);
  SetMinSize(wxSize(280, 360));
}

void CoachPanel::ApplyColours() {
  const wxColour bg = theme::PanelBackground();
  const wxColour muted = theme::MutedText();
  SetBackgroundColour(bg);
  m_scroll->SetBackgroundColour(bg);
  for (wxStaticText* t : {m_title, m_checkCount})
    t->SetForegroundColour(theme::Text());
  for (wxStaticText* t : {m_status, m_phase, m_suggestHeading, m_suggestCount, m_checkHeading,
                          m_empty, m_footer})
    t->SetForegroundColour(muted);
  for (auto& row : m_checkRows) row.label->SetForegroundColour(theme::Text());
  for (wxWindow* r : m_rules) r->SetBackgroundColour(theme::Border());
  for (NudgeCard* c : m_cards) c->ApplyColours();
  m_banner->ApplyColours();
  UpdateChecklist(true);
  Refresh();
}

void CoachPanel::StartWorker() {
  m_worker = std::make_unique<AnalysisWorker>([this](AnalysisResult r) {
    // Worker thread: hand the result to the GUI thread; never touch widgets here.
    CallAfter([this, r = std::move(r)]() { ApplyResult(r); });
  });
  EngineConfig config{m_options.locale, m_options.rules_dir, m_options.locales_dir,
                      m_options.dict_dir, m_options.channel};
  m_submitted = m_worker->Configure(config, {}, {}, {});
}

// --- input ----------------------------------------------------------------------------------

void CoachPanel::FollowTextCtrl(wxTextCtrl* ctrl) {
  if (ctrl == m_followed) return;
  if (m_followed) {
    m_followed->Unbind(wxEVT_TEXT, &CoachPanel::OnFollowedText, this);
    m_followed->Unbind(wxEVT_DESTROY, &CoachPanel::OnFollowedDestroy, this);
  }
  m_followed = ctrl;
  if (!ctrl) return;
  ctrl->Bind(wxEVT_TEXT, &CoachPanel::OnFollowedText, this);
  ctrl->Bind(wxEVT_DESTROY, &CoachPanel::OnFollowedDestroy, this);
  m_readFromCtrl = true;
  ScheduleDraft();
}

void CoachPanel::OnFollowedText(wxCommandEvent& event) {
  event.Skip();
  m_readFromCtrl = true;
  ScheduleDraft();
}

void CoachPanel::OnFollowedDestroy(wxWindowDestroyEvent& event) {
  event.Skip();
  if (event.GetEventObject() == m_followed) m_followed = nullptr;
}

void CoachPanel::SetDraft(const wxString& text) {
  m_pendingDraft = text;
  m_readFromCtrl = false;
  ScheduleDraft();
}

void CoachPanel::ScheduleDraft() {
  const wxLongLong now = wxGetUTCTimeMillis();
  if (!m_draftPending) {
    m_draftPending = true;
    m_firstPendingAt = now;
  }
  const long waited = (now - m_firstPendingAt).ToLong();
  if (waited >= m_options.max_delay_ms) {
    FlushDraft();  // typing without pause: still refresh a few times a second
    return;
  }
  m_debounce.StartOnce(std::min<long>(m_options.debounce_ms, m_options.max_delay_ms - waited));
  UpdateStatus();
}

void CoachPanel::OnDebounce(wxTimerEvent&) { FlushDraft(); }

void CoachPanel::FlushDraft() {
  m_debounce.Stop();
  if (!m_draftPending) return;
  m_draftPending = false;
  const wxString text = (m_readFromCtrl && m_followed) ? m_followed->GetValue() : m_pendingDraft;
  std::string utf8 = text.utf8_string();
  if (utf8 != m_lastDraft) {
    m_lastDraft = utf8;
    m_submitted = m_worker->SetDraft(std::move(utf8));
  }
  UpdateStatus();
}

void CoachPanel::AddMessage(coach_role role, const wxString& text, const wxString& time) {
  AddMessage(role, text, time, m_options.channel);
}

void CoachPanel::AddMessage(coach_role role, const wxString& text, const wxString& time,
                            coach_channel channel) {
  FlushDraft();  // keep the order: the draft typed so far, then the message
  MessageRecord m{role, text.utf8_string(), time.utf8_string(), channel};
  m_messages.push_back({m.role, m.text, m.time, m.channel});
  if (role == COACH_ROLE_COUNSELLOR) m_lastDraft.clear();
  m_submitted = m_worker->AddMessage(std::move(m));
  UpdateStatus();
}

void CoachPanel::Reset() {
  m_debounce.Stop();
  m_draftPending = false;
  m_messages.clear();
  m_dismissed.clear();
  m_hidden.clear();
  m_lastDraft.clear();
  m_submitted = m_worker->Reset();
  if (m_followed && !m_followed->IsEmpty()) {
    m_readFromCtrl = true;
    ScheduleDraft();
  }
  UpdateStatus();
}

void CoachPanel::SetChannel(coach_channel channel) {
  if (channel == m_options.channel) return;
  FlushDraft();
  m_options.channel = channel;
  std::vector<MessageRecord> replay;
  for (const SentMessage& m : m_messages) replay.push_back({m.role, m.text, m.time, m.channel});
  EngineConfig config{m_options.locale, m_options.rules_dir, m_options.locales_dir,
                      m_options.dict_dir, m_options.channel};
  m_submitted = m_worker->Configure(config, std::move(replay), m_lastDraft, m_dismissed);
  UpdateStatus();
}

void CoachPanel::ReloadEngine() {
  FlushDraft();
  std::vector<MessageRecord> replay;
  for (const SentMessage& m : m_messages) replay.push_back({m.role, m.text, m.time, m.channel});
  EngineConfig config{m_options.locale, m_options.rules_dir, m_options.locales_dir,
                      m_options.dict_dir, m_options.channel};
  config.reload = true;
  // Snoozes and hidden cards belong to the old engine's nudges; dismissals are replayed.
  m_hidden.clear();
  m_submitted = m_worker->Configure(config, std::move(replay), m_lastDraft, m_dismissed);
  UpdateStatus();
}

// --- actions --------------------------------------------------------------------------------

bool CoachPanel::DismissNudge(const std::string& id) {
  if (id == kCrisisId) {
    AcknowledgeCrisis();
    return true;
  }
  auto it = std::find_if(m_cards.begin(), m_cards.end(),
                         [&](NudgeCard* c) { return c->Id() == id; });
  if (it == m_cards.end()) return false;
  m_dismissed.push_back(id);
  m_submitted = m_worker->Dismiss(id);
  m_hidden[id] = m_submitted;
  RemoveCardNow(id);
  return true;
}

bool CoachPanel::SnoozeNudge(const std::string& id, int turns) {
  if (id == kCrisisId) return false;  // a crisis cannot be snoozed
  auto it = std::find_if(m_cards.begin(), m_cards.end(),
                         [&](NudgeCard* c) { return c->Id() == id; });
  if (it == m_cards.end()) return false;
  m_submitted = m_worker->Snooze(id, turns > 0 ? turns : m_options.snooze_turns);
  m_hidden[id] = m_submitted;
  RemoveCardNow(id);
  return true;
}

void CoachPanel::AcknowledgeCrisis() {
  if (!m_banner->IsShown()) return;
  m_submitted = m_worker->Dismiss(kCrisisId);
  m_ackSeq = m_submitted;
  NudgeView n = m_banner->Nudge();
  n.acknowledged = true;
  m_banner->Show(n);
  for (NudgeView& v : m_state.nudges)
    if (IsCrisis(v)) v.acknowledged = true;
  Layout();
  UpdateStatus();
}

void CoachPanel::OnCardDismiss(const std::string& id) {
  // Deferred: the card that sent the click must not be destroyed inside its own handler.
  CallAfter([this, id] { DismissNudge(id); });
}

void CoachPanel::OnCardSnooze(const std::string& id) {
  CallAfter([this, id] { SnoozeNudge(id); });
}

void CoachPanel::RemoveCardNow(const std::string& id) {
  std::vector<NudgeView> keep;
  for (const NudgeView& n : m_state.nudges)
    if (n.id != id) keep.push_back(n);
  m_state.nudges = std::move(keep);
  std::vector<NudgeView> cards;
  for (const NudgeView& n : m_state.nudges)
    if (!IsCrisis(n)) cards.push_back(n);
  UpdateCards(cards);
  UpdateStatus();
}

// --- results --------------------------------------------------------------------------------

void CoachPanel::ApplyResult(const AnalysisResult& result) {
  m_applied = result.seq;
  ++m_updates;
  m_state = result.state;
  m_lastWarning = result.warning;

  // Nudges hidden by a click stay hidden until a result includes the click.
  for (auto it = m_hidden.begin(); it != m_hidden.end();) {
    if (result.seq >= it->second)
      it = m_hidden.erase(it);
    else
      ++it;
  }
  std::vector<NudgeView> shown;
  for (NudgeView& n : m_state.nudges) {
    if (m_hidden.count(n.id)) continue;
    if (IsCrisis(n) && m_ackSeq > result.seq) n.acknowledged = true;
    shown.push_back(n);
  }
  // The crisis nudge always comes first.
  std::stable_partition(shown.begin(), shown.end(), IsCrisis);
  m_state.nudges = shown;

  const NudgeView* crisis = nullptr;
  std::vector<NudgeView> cards;
  for (const NudgeView& n : shown) {
    if (IsCrisis(n))
      crisis = &n;
    else
      cards.push_back(n);
  }
  const bool bannerWas = m_banner->IsShown();
  if (crisis) {
    m_banner->SetBannerWidth(GetClientSize().x);
    m_banner->Show(*crisis);
  } else if (bannerWas) {
    m_banner->Hide();
  }
  UpdateCards(cards);
  UpdateChecklist();
  UpdateStatus();
  if (bannerWas != m_banner->IsShown() || crisis) Layout();

  wxCommandEvent event(EVT_COACH_UPDATED, GetId());
  event.SetEventObject(this);
  ProcessWindowEvent(event);
}

void CoachPanel::UpdateCards(const std::vector<NudgeView>& nudges) {
  std::vector<NudgeCard*> next;
  bool structural = nudges.size() != m_cards.size();
  bool resized = false;
  for (std::size_t i = 0; i < nudges.size(); ++i) {
    const NudgeView& n = nudges[i];
    auto it = std::find_if(m_cards.begin(), m_cards.end(),
                           [&](NudgeCard* c) { return c->Id() == n.id; });
    if (it != m_cards.end()) {
      resized = (*it)->Update(n) || resized;
      if (it - m_cards.begin() != static_cast<std::ptrdiff_t>(i)) structural = true;
      next.push_back(*it);
    } else {
      auto* card = new NudgeCard(
          m_scroll, n, [this](const std::string& id) { OnCardDismiss(id); },
          [this](const std::string& id) { OnCardSnooze(id); });
      if (m_wrapWidth > 0) card->SetCardWidth(m_wrapWidth - 2 * kCardMargin);
      next.push_back(card);
      structural = true;
    }
  }

  // Cards that went away; keep the keyboard focus inside the list if it was on one of them.
  wxWindow* focus = FindFocus();
  std::size_t focusIndex = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < m_cards.size(); ++i) {
    NudgeCard* c = m_cards[i];
    if (std::find(next.begin(), next.end(), c) != next.end()) continue;
    if (Contains(c, focus)) focusIndex = i;
    c->Destroy();
    structural = true;
  }
  if (!structural) {
    if (resized) {  // texts changed, and with them the cards' heights
      m_scroll->FitInside();
      m_scroll->Layout();
    }
    return;
  }
  m_cardSizer->Clear(false);
  for (NudgeCard* c : next) m_cardSizer->Add(c, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, kCardMargin);
  for (std::size_t i = 1; i < next.size(); ++i) next[i]->MoveAfterInTabOrder(next[i - 1]);
  m_cards = std::move(next);
  if (focusIndex != static_cast<std::size_t>(-1)) {
    if (!m_cards.empty())
      m_cards[std::min(focusIndex, m_cards.size() - 1)]->FirstFocusable()->SetFocus();
    else
      m_scroll->SetFocus();
  }
  m_scroll->FitInside();
  m_scroll->Layout();
  Layout();
}

void CoachPanel::UpdateChecklist(bool force) {
  if (force || !m_checkIcons[0].IsOk()) {
    m_checkIcons[0] = theme::CheckIcon(false, kCheckIcon);
    m_checkIcons[1] = theme::CheckIcon(true, kCheckIcon);
  }
  int done = 0;
  for (auto& row : m_checkRows) {
    const bool d = IsPracticeDone(row.practice);
    done += d ? 1 : 0;
    if (!force && row.shown == int(d)) continue;  // unchanged: no repaint while typing
    row.shown = d;
    row.icon->SetBitmap(m_checkIcons[d ? 1 : 0]);
    const wxString label = PracticeLabel(row.practice);
    row.label->SetName(wxString::Format(d ? _("%s: done") : _("%s: not yet"), label));
    row.label->SetForegroundColour(
        d ? theme::Text() : theme::Mix(theme::Text(), theme::PanelBackground(), 0.2));
    row.label->Refresh();
  }
  const wxString count = wxString::Format(_("%d of %d"), done, int(m_checkRows.size()));
  if (force || count != m_checkCount->GetLabelText()) {
    m_checkCount->SetLabelText(count);
    m_checkCount->SetForegroundColour(done == int(m_checkRows.size()) ? theme::Done()
                                                                      : theme::MutedText());
    m_checkCount->GetParent()->Layout();
  }
}

void CoachPanel::UpdateStatus() {
  wxString status;
  wxString tip;
  if (!m_state.error.empty()) {
    status = _("Unavailable");
    tip = wxString::FromUTF8(m_state.error);
  } else if (!m_state.ready) {
    status = _("Starting...");
  } else if (!IsIdle()) {
    status = _("Analysing...");
  } else {
    status = _("Up to date");
  }
  if (m_status->GetLabelText() != status) m_status->SetLabelText(status);
  m_status->SetToolTip(tip);

  const wxString phase = m_state.phase.empty()
                             ? wxString()
                             : wxString::Format(_("Phase: %s"), PhaseLabel(m_state.phase));
  if (m_phase->GetLabelText() != phase) {
    m_phase->SetLabelText(phase);
    m_phase->Show(!phase.empty());
    Layout();
  }

  wxString empty;
  if (!m_state.error.empty())
    empty = wxString::Format(_("The coach is unavailable: %s"), wxString::FromUTF8(m_state.error));
  else if (!m_state.ready)
    empty = _("Loading the coach...");
  else if (m_cards.empty())
    empty = _("No suggestions right now. They appear here while you write.");
  if (empty != m_emptyText) {
    m_emptyText = empty;
    m_empty->SetLabelText(WrapText(empty, std::max(120, m_wrapWidth - 2 * kSide), *m_empty));
    m_empty->Show(!empty.empty());
    m_scroll->FitInside();
    m_scroll->Layout();
  }
  const std::size_t n = m_cards.size();
  const wxString count = n ? wxString::Format("%zu", n) : wxString();
  if (count != m_suggestCount->GetLabelText()) {
    m_suggestCount->SetLabelText(count);
    m_suggestCount->GetParent()->Layout();
  }
}

void CoachPanel::OnSize(wxSizeEvent& event) {
  event.Skip();  // the sizer lays the panel out first
  CallAfter([this] { RewrapTexts(); });
}

void CoachPanel::RewrapTexts() {
  const int w = m_scroll->GetClientSize().x;
  if (w <= 0 || w == m_wrapWidth) return;
  m_wrapWidth = w;
  for (NudgeCard* c : m_cards) c->SetCardWidth(w - 2 * kCardMargin);
  m_banner->SetBannerWidth(GetClientSize().x);
  m_empty->SetLabelText(WrapText(m_emptyText, std::max(120, w - 2 * kSide), *m_empty));
  m_scroll->FitInside();
  m_scroll->Layout();
  Layout();
}

void CoachPanel::OnSysColourChanged(wxSysColourChangedEvent& event) {
  event.Skip();
  ApplyColours();
}

// --- state ----------------------------------------------------------------------------------

std::vector<std::string> CoachPanel::VisibleNudgeIds() const {
  std::vector<std::string> ids;
  if (m_banner->IsShown()) ids.push_back(m_banner->Nudge().id);
  for (const NudgeCard* c : m_cards) ids.push_back(c->Id());
  return ids;
}

bool CoachPanel::IsPracticeDone(const std::string& practice) const {
  for (const auto& [id, done] : m_state.checklist)
    if (id == practice) return done;
  return false;
}

bool CoachPanel::IsCrisisBannerShown() const { return m_banner->IsShown(); }

bool CoachPanel::IsIdle() const {
  return !m_draftPending && m_applied >= m_submitted;
}

}  // namespace coach::wx
