#include <coach/wx/text_wrap.hpp>

#include "nudge_card.hpp"
#include "theme.hpp"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <memory>

namespace coach::wx {

namespace {
constexpr int kPad = 14;
constexpr int kIcon = 28;

wxColour BannerBackground() {
  return theme::IsDark() ? wxColour(0x9A, 0x1B, 0x1B) : wxColour(0xB7, 0x1C, 0x1C);
}

// A white warning triangle: readable on the red banner in light and dark themes.
wxBitmap BannerIcon() {
  wxImage img(kIcon, kIcon);
  img.InitAlpha();
  std::fill(img.GetAlpha(), img.GetAlpha() + kIcon * kIcon, 0);
  {
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(img));
    if (gc) {
      gc->SetPen(*wxTRANSPARENT_PEN);
      gc->SetBrush(*wxWHITE_BRUSH);
      wxGraphicsPath p = gc->CreatePath();
      p.MoveToPoint(kIcon / 2.0, 1.5);
      p.AddLineToPoint(kIcon - 1.5, kIcon - 3.0);
      p.AddLineToPoint(1.5, kIcon - 3.0);
      p.CloseSubpath();
      gc->FillPath(p);
      gc->SetBrush(wxBrush(BannerBackground()));
      const double cx = kIcon / 2.0, w = 3.2;
      gc->DrawRoundedRectangle(cx - w / 2, kIcon * 0.34, w, kIcon * 0.32, w / 2);
      gc->DrawEllipse(cx - w / 2 - 0.3, kIcon * 0.72, w + 0.6, w + 0.6);
    }
  }
  return wxBitmap(img);
}
}  // namespace

CrisisBanner::CrisisBanner(wxWindow* parent, std::function<void()> on_acknowledge)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxBORDER_NONE),
      m_onAcknowledge(std::move(on_acknowledge)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  m_icon = new wxStaticBitmap(this, wxID_ANY, BannerIcon());
  m_title = new wxStaticText(this, wxID_ANY, wxString());
  m_title->SetFont(theme::Scaled(GetFont(), 1.15, true));
  m_message = new wxStaticText(this, wxID_ANY, wxString());
  m_message->SetFont(theme::Scaled(GetFont(), 1.0, false));
  m_note = new wxStaticText(this, wxID_ANY, wxString());
  m_note->SetFont(theme::Scaled(GetFont(), 0.9, true));
  m_ack = new wxButton(this, wxID_ANY, _("&Acknowledge"));
  m_ack->SetHelpText(_("Confirms you have seen the risk signal. The banner stays visible."));
  m_ack->SetToolTip(_("I have seen this; keep the helpline in view"));

  auto* text = new wxBoxSizer(wxVERTICAL);
  text->Add(m_title, 0, wxEXPAND | wxBOTTOM, 4);
  text->Add(m_message, 0, wxEXPAND);
  text->Add(m_note, 0, wxEXPAND | wxTOP, 6);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(m_icon, 0, wxALIGN_TOP | wxRIGHT, 10);
  row->Add(text, 1, wxEXPAND);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kPad);
  outer->Add(m_ack, 0, wxALIGN_RIGHT | wxRIGHT | wxTOP, kPad - 4);
  outer->AddSpacer(kPad);
  SetSizer(outer);

  m_ack->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (m_onAcknowledge) m_onAcknowledge();
  });
  Bind(wxEVT_PAINT, &CrisisBanner::OnPaint, this);
  ApplyColours();
  wxPanel::Show(false);
}

void CrisisBanner::ApplyColours() {
  const wxColour bg = BannerBackground();
  SetBackgroundColour(bg);
  for (wxStaticText* t : {m_title, m_message, m_note}) {
    t->SetForegroundColour(*wxWHITE);
    t->SetBackgroundColour(bg);
  }
  Refresh();
}

void CrisisBanner::Show(const NudgeView& nudge) {
  const bool changed = nudge.title != m_nudge.title || nudge.message != m_nudge.message ||
                       nudge.acknowledged != m_nudge.acknowledged || !IsShown();
  m_nudge = nudge;
  if (!changed) return;
  wxString title = wxString::FromUTF8(nudge.title);
  if (title.empty()) title = _("Possible crisis");
  SetName(wxString::Format(_("Crisis alert: %s"), title));
  m_title->SetName(title);
  m_message->SetName(wxString::FromUTF8(nudge.message));
  m_noteText = nudge.acknowledged
                   ? _("Acknowledged. This alert stays until the conversation ends.")
                   : _("This alert cannot be snoozed.");
  m_ack->Show(!nudge.acknowledged);
  m_ack->SetName(wxString::Format(_("Acknowledge crisis alert: %s"), title));
  wxPanel::Show(true);
  Rewrap();
}

void CrisisBanner::SetBannerWidth(int width) {
  if (width == m_width || width <= 0) return;
  m_width = width;
  Rewrap();
}

void CrisisBanner::Rewrap() {
  const int w = std::max(120, (m_width > 0 ? m_width : 320) - 2 * kPad - kIcon - 10);
  wxString title = wxString::FromUTF8(m_nudge.title);
  if (title.empty()) title = _("Possible crisis");
  m_title->SetLabelText(WrapText(title, w, *m_title));
  m_message->SetLabelText(WrapText(wxString::FromUTF8(m_nudge.message), w, *m_message));
  m_note->SetLabelText(WrapText(m_noteText, w, *m_note));
  for (wxStaticText* t : {m_title, m_message, m_note}) t->InvalidateBestSize();
  InvalidateBestSize();
  Layout();
}

void CrisisBanner::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(BannerBackground()));
  dc.Clear();
  // a darker edge at the bottom separates the banner from the panel
  dc.SetPen(wxPen(theme::Mix(BannerBackground(), *wxBLACK, 0.3), 2));
  const wxRect r = GetClientRect();
  dc.DrawLine(0, r.height - 1, r.width, r.height - 1);
}

}  // namespace coach::wx
