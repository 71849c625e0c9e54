#include "nudge_card.hpp"

#include <coach/wx/text_wrap.hpp>

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

namespace coach::wx {

namespace {
constexpr int kStripe = 4;   // severity stripe on the left edge
constexpr int kPad = 12;     // inner padding
constexpr int kIcon = 20;
constexpr int kGap = 8;      // icon to text
}  // namespace

NudgeCard::NudgeCard(wxWindow* parent, const NudgeView& nudge, Action on_dismiss,
                     Action on_snooze)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxBORDER_NONE),
      m_nudge(nudge),
      m_severity(theme::ParseSeverity(nudge.severity)),
      m_onDismiss(std::move(on_dismiss)),
      m_onSnooze(std::move(on_snooze)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);

  m_icon = new wxStaticBitmap(this, wxID_ANY, theme::SeverityIcon(m_severity, kIcon));
  m_tag = new wxStaticText(this, wxID_ANY, wxString());
  m_tag->SetFont(theme::Scaled(GetFont(), 0.85, true));
  m_title = new wxStaticText(this, wxID_ANY, wxString());
  m_title->SetFont(theme::Scaled(GetFont(), 1.05, true));
  m_message = new wxStaticText(this, wxID_ANY, wxString());
  m_why = new wxStaticText(this, wxID_ANY, wxString());
  m_why->SetFont(theme::Scaled(GetFont(), 0.95));
  m_why->Hide();

  m_whyButton = new wxButton(this, wxID_ANY, _("&Why?"), wxDefaultPosition, wxDefaultSize,
                             wxBU_EXACTFIT);
  m_snooze = new wxButton(this, wxID_ANY, _("S&nooze"), wxDefaultPosition, wxDefaultSize,
                          wxBU_EXACTFIT);
  m_dismiss = new wxButton(this, wxID_ANY, _("&Dismiss"), wxDefaultPosition, wxDefaultSize,
                           wxBU_EXACTFIT);

  auto* head = new wxBoxSizer(wxHORIZONTAL);
  head->Add(m_icon, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, kGap);
  head->Add(m_tag, 1, wxALIGN_CENTER_VERTICAL);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(m_whyButton, 0, wxALIGN_CENTER_VERTICAL);
  buttons->AddStretchSpacer();
  buttons->Add(m_snooze, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  buttons->Add(m_dismiss, 0, wxALIGN_CENTER_VERTICAL);

  auto* body = new wxBoxSizer(wxVERTICAL);
  body->Add(head, 0, wxEXPAND | wxBOTTOM, 6);
  body->Add(m_title, 0, wxEXPAND | wxBOTTOM, 4);
  body->Add(m_message, 0, wxEXPAND);
  body->Add(m_why, 0, wxEXPAND | wxTOP, 8);
  body->Add(buttons, 0, wxEXPAND | wxTOP, 10);

  auto* outer = new wxBoxSizer(wxHORIZONTAL);
  outer->AddSpacer(kStripe + kPad);
  outer->Add(body, 1, wxTOP | wxBOTTOM, kPad);
  outer->AddSpacer(kPad);
  SetSizer(outer);

  m_whyButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    ShowWhy(!m_whyShown);
    // Let the panel re-layout the scrolled list around the taller or shorter card.
    wxWindow* w = GetParent();
    if (w) {
      w->FitInside();
      w->Layout();
    }
  });
  m_snooze->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (m_onSnooze) m_onSnooze(m_nudge.id);
  });
  m_dismiss->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (m_onDismiss) m_onDismiss(m_nudge.id);
  });
  Bind(wxEVT_PAINT, &NudgeCard::OnPaint, this);

  ApplyColours();
  Relabel();
}

wxWindow* NudgeCard::FirstFocusable() const { return m_whyButton; }

bool NudgeCard::Update(const NudgeView& nudge) {
  const bool changed = nudge.title != m_nudge.title || nudge.message != m_nudge.message ||
                       nudge.why != m_nudge.why || nudge.severity != m_nudge.severity;
  m_nudge = nudge;
  if (!changed) return false;
  const theme::Severity s = theme::ParseSeverity(nudge.severity);
  if (s != m_severity) {
    m_severity = s;
    m_icon->SetBitmap(theme::SeverityIcon(s, kIcon));
    ApplyColours();
  }
  Relabel();
  return true;
}

void NudgeCard::ShowWhy(bool show) {
  m_whyShown = show && !m_nudge.why.empty();
  m_why->Show(m_whyShown);
  m_whyButton->SetLabel(m_whyShown ? _("Hide &why") : _("&Why?"));
  Layout();
  InvalidateBestSize();
}

void NudgeCard::ApplyColours() {
  const wxColour bg = theme::CardBackground();
  SetBackgroundColour(bg);
  for (wxStaticText* t : {m_title, m_message}) {
    t->SetForegroundColour(theme::Text());
    t->SetBackgroundColour(bg);
  }
  m_tag->SetForegroundColour(theme::Accent(m_severity));
  m_tag->SetBackgroundColour(bg);
  m_why->SetForegroundColour(theme::Mix(theme::Text(), bg, 0.25));
  m_why->SetBackgroundColour(bg);
  Refresh();
}

void NudgeCard::Relabel() {
  const wxString title = wxString::FromUTF8(m_nudge.title);
  const wxString message = wxString::FromUTF8(m_nudge.message);
  const wxString why = wxString::FromUTF8(m_nudge.why);
  m_tag->SetLabelText(theme::SeverityLabel(m_severity).Upper());
  m_whyButton->Enable(!why.empty());
  if (why.empty()) ShowWhy(false);

  // Screen readers: each control says what it acts on.
  const wxString what = wxString::Format("%s: %s", theme::SeverityLabel(m_severity), title);
  SetName(what);
  m_title->SetName(what);
  m_message->SetName(message);
  m_why->SetName(wxString::Format(_("Why: %s"), why));
  m_whyButton->SetName(wxString::Format(_("Why this suggestion: %s"), title));
  m_whyButton->SetHelpText(_("Shows or hides why the coach suggests this."));
  m_whyButton->SetToolTip(_("Why does the coach suggest this?"));
  m_snooze->SetName(wxString::Format(_("Snooze: %s"), title));
  m_snooze->SetHelpText(_("Hides this suggestion for the next few messages you send."));
  m_snooze->SetToolTip(_("Hide for the next few messages"));
  m_dismiss->SetName(wxString::Format(_("Dismiss: %s"), title));
  m_dismiss->SetHelpText(_("Hides this suggestion for the rest of the conversation."));
  m_dismiss->SetToolTip(_("Hide for the rest of this conversation"));
  SetHelpText(message);

  Rewrap();
}

void NudgeCard::SetCardWidth(int width) {
  if (width == m_width || width <= 0) return;
  m_width = width;
  Rewrap();
}

void NudgeCard::Rewrap() {
  const int text = m_width > 0 ? m_width - kStripe - 2 * kPad : 260;
  const int w = text > 80 ? text : 80;
  m_title->SetLabelText(WrapText(wxString::FromUTF8(m_nudge.title), w, *m_title));
  m_message->SetLabelText(WrapText(wxString::FromUTF8(m_nudge.message), w, *m_message));
  m_why->SetLabelText(WrapText(wxString::FromUTF8(m_nudge.why), w, *m_why));
  for (wxStaticText* t : {m_title, m_message, m_why}) t->InvalidateBestSize();
  InvalidateBestSize();
  if (m_width > 0) SetMinSize(wxSize(m_width, -1));
  Layout();
}

void NudgeCard::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  const wxRect r = GetClientRect();
  const wxColour bg = theme::CardBackground();
  dc.SetPen(wxPen(theme::Border()));
  dc.SetBrush(wxBrush(bg));
  dc.DrawRectangle(r);
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(theme::Accent(m_severity)));
  dc.DrawRectangle(0, 0, kStripe, r.height);
}

}  // namespace coach::wx
