// The demo's transcript: chat bubbles with the speaker and the time, client on the left and
// counsellor on the right, e-mails as full-width cards.
#pragma once

#include "transcript_io.hpp"

#include <wx/vlbox.h>

#include <vector>

namespace coach::demo {

class TranscriptView : public wxVListBox {
 public:
  TranscriptView(wxWindow* parent, const std::vector<ChatMessage>* messages);
  // Call after the message list changed; scrolls to the newest message.
  void MessagesChanged();

 protected:
  void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
  wxCoord OnMeasureItem(size_t n) const override;
  void OnDrawBackground(wxDC& dc, const wxRect& rect, size_t n) const override;

 private:
  struct Layout {
    wxString header;
    wxString body;  // wrapped
    wxRect bubble;  // relative to the item's rectangle
    bool right = false;
  };
  Layout Compute(size_t n, int width, wxDC& dc) const;
  void OnSize(wxSizeEvent& event);
  void OnPaint(wxPaintEvent& event);
  void ScrollToNewest();

  const std::vector<ChatMessage>* m_messages;
  wxSize m_lastSize;
  wxString m_emptyHint;
};

// Translated name of a role as the transcript shows it.
wxString RoleLabel(coach_role role);

}  // namespace coach::demo
