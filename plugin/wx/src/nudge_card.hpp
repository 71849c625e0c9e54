// One nudge in the panel: a card with a severity stripe and icon, the title and message, the
// "why" text on demand, and Snooze / Dismiss buttons.
#pragma once

#include <coach/wx/coach_panel.hpp>

#include "theme.hpp"

#include <wx/panel.h>

#include <functional>
#include <string>

class wxButton;
class wxStaticBitmap;
class wxStaticText;

namespace coach::wx {

class NudgeCard : public wxPanel {
 public:
  using Action = std::function<void(const std::string& nudge_id)>;

  NudgeCard(wxWindow* parent, const NudgeView& nudge, Action on_dismiss, Action on_snooze);

  const std::string& Id() const { return m_nudge.id; }
  const NudgeView& Nudge() const { return m_nudge; }
  // Returns true if the card's texts changed (its height may have).
  bool Update(const NudgeView& nudge);
  // Width of the card; its texts are wrapped to fit.
  void SetCardWidth(int width);
  void ApplyColours();
  bool IsWhyShown() const { return m_whyShown; }
  void ShowWhy(bool show);
  wxWindow* FirstFocusable() const;

 private:
  void OnPaint(wxPaintEvent& event);
  void Relabel();
  void Rewrap();

  NudgeView m_nudge;
  theme::Severity m_severity = theme::Severity::info;
  Action m_onDismiss;
  Action m_onSnooze;
  bool m_whyShown = false;
  int m_width = -1;

  wxStaticBitmap* m_icon = nullptr;
  wxStaticText* m_tag = nullptr;
  wxStaticText* m_title = nullptr;
  wxStaticText* m_message = nullptr;
  wxStaticText* m_why = nullptr;
  wxButton* m_whyButton = nullptr;
  wxButton* m_snooze = nullptr;
  wxButton* m_dismiss = nullptr;
};

// The crisis banner at the top of the panel: red, cannot be snoozed, acknowledged explicitly.
class CrisisBanner : public wxPanel {
 public:
  CrisisBanner(wxWindow* parent, std::function<void()> on_acknowledge);
  void Show(const NudgeView& nudge);  // shows (or updates) the banner for this nudge
  void SetBannerWidth(int width);
  void ApplyColours();
  const NudgeView& Nudge() const { return m_nudge; }

 private:
  void OnPaint(wxPaintEvent& event);
  void Rewrap();

  NudgeView m_nudge;
  wxString m_noteText;
  std::function<void()> m_onAcknowledge;
  int m_width = -1;
  wxStaticBitmap* m_icon = nullptr;
  wxStaticText* m_title = nullptr;
  wxStaticText* m_message = nullptr;
  wxStaticText* m_note = nullptr;
  wxButton* m_ack = nullptr;
};

}  // namespace coach::wx
