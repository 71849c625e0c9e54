#include "transcript_view.hpp"

#include <coach/wx/text_wrap.hpp>

#include <wx/dcclient.h>
#include <wx/intl.h>
#include <wx/arrstr.h>
#include <wx/settings.h>

#include <algorithm>

namespace coach::demo {

namespace {
constexpr int kPadX = 12;      // inside a bubble
constexpr int kPadY = 8;
constexpr int kMargin = 14;    // between bubble and view edge
constexpr int kHeaderGap = 3;  // header to bubble
constexpr int kItemGap = 14;   // between messages

wxColour Mix(const wxColour& a, const wxColour& b, double t) {
  auto m = [t](int x, int y) { return static_cast<unsigned char>(x + (y - x) * t + 0.5); };
  return wxColour(m(a.Red(), b.Red()), m(a.Green(), b.Green()), m(a.Blue(), b.Blue()));
}
wxColour Base() { return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW); }
wxColour Ink() { return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT); }
wxFont HeaderFont(const wxFont& f) {
  wxFont h = f;
  h.SetFractionalPointSize(f.GetFractionalPointSize() * 0.85);
  return h;
}
}  // namespace

wxString RoleLabel(coach_role role) {
  return role == COACH_ROLE_COUNSELLOR ? _("Counsellor") : _("Client");
}

TranscriptView::TranscriptView(wxWindow* parent, const std::vector<ChatMessage>* messages)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      m_messages(messages) {
  SetBackgroundColour(Base());
  SetName(_("Conversation transcript"));
  SetHelpText(_("Messages of this conversation, oldest first."));
  m_emptyHint = _("No messages yet. Write to the client below, open a conversation (Ctrl+O) "
                  "or play a scripted client (Ctrl+P).");
  Bind(wxEVT_SIZE, &TranscriptView::OnSize, this);
  Bind(wxEVT_PAINT, &TranscriptView::OnPaint, this);
  MessagesChanged();
}

void TranscriptView::MessagesChanged() {
  SetItemCount(m_messages->size());
  RefreshAll();
  ScrollToNewest();
}

void TranscriptView::ScrollToNewest() {
  // The first row from which the newest messages fill the view.
  const int height = GetClientSize().y;
  size_t first = m_messages->size();
  int used = 0;
  while (first > 0) {
    used += OnMeasureItem(first - 1);
    if (used > height && first < m_messages->size()) break;
    --first;
  }
  if (first < m_messages->size()) ScrollToRow(first);
}

void TranscriptView::OnSize(wxSizeEvent& event) {
  event.Skip();
  const wxSize size = GetClientSize();
  if (size != m_lastSize) {
    m_lastSize = size;
    RefreshAll();  // bubble heights depend on the width
    CallAfter([this] { ScrollToNewest(); });
  }
}

void TranscriptView::OnPaint(wxPaintEvent& event) {
  if (!m_messages->empty()) {
    event.Skip();  // wxVListBox draws the rows
    return;
  }
  // An empty conversation says how to start one.
  wxPaintDC dc(this);
  dc.SetBackground(wxBrush(Base()));
  dc.Clear();
  dc.SetFont(GetFont());
  dc.SetTextForeground(Mix(Ink(), Base(), 0.45));
  const wxRect r = GetClientRect().Deflate(2 * kMargin);
  const wxString hint = coach::wx::WrapText(m_emptyHint, r.width, dc);
  dc.DrawLabel(hint, r, wxALIGN_CENTER);
}

TranscriptView::Layout TranscriptView::Compute(size_t n, int width, wxDC& dc) const {
  const ChatMessage& m = (*m_messages)[n];
  Layout l;
  l.right = m.role == COACH_ROLE_COUNSELLOR;
  const bool email = m.channel == COACH_CHANNEL_EMAIL;
  wxString header = RoleLabel(m.role);
  if (email) header += wxString::FromUTF8(" \xC2\xB7 ") + _("e-mail");
  const std::string time = email ? DisplayDateTime(m.time) : DisplayTime(m.time);
  if (!time.empty()) header += wxString::FromUTF8(" \xC2\xB7 ") + wxString::FromUTF8(time);
  l.header = header;

  const int maxBubble = email ? width - 2 * kMargin : std::max(160, width * 72 / 100);
  dc.SetFont(GetFont());
  l.body = coach::wx::WrapText(wxString::FromUTF8(m.text), maxBubble - 2 * kPadX, dc);
  // width of the widest line, height of the lines drawn one by one
  int tw = 0;
  const int lh = dc.GetCharHeight();
  const wxArrayString lines = wxSplit(l.body, '\n', '\0');
  for (const wxString& line : lines) tw = std::max(tw, dc.GetTextExtent(line).x);
  const int th = lh * std::max<int>(1, int(lines.size()));
  dc.SetFont(HeaderFont(GetFont()));
  const int hh = dc.GetCharHeight();
  const int bw = email ? maxBubble : std::min(maxBubble, tw + 2 * kPadX);
  const int x = l.right ? width - kMargin - bw : kMargin;
  l.bubble = wxRect(x, kItemGap / 2 + hh + kHeaderGap, bw, th + 2 * kPadY);
  return l;
}

wxCoord TranscriptView::OnMeasureItem(size_t n) const {
  wxClientDC dc(const_cast<TranscriptView*>(this));
  const Layout l = Compute(n, GetClientSize().x, dc);
  return l.bubble.GetBottom() + 1 + kItemGap / 2;
}

void TranscriptView::OnDrawBackground(wxDC& dc, const wxRect& rect, size_t n) const {
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(Base()));
  dc.DrawRectangle(rect);
  if (IsSelected(n) && HasFocus()) {  // keyboard position: a faint band
    dc.SetBrush(wxBrush(Mix(Base(), wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT), 0.08)));
    dc.DrawRectangle(rect);
  }
}

void TranscriptView::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
  const Layout l = Compute(n, rect.width, dc);
  const ChatMessage& m = (*m_messages)[n];
  const wxColour ink = Ink();
  const wxColour accent = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
  const bool dark = wxSystemSettings::GetAppearance().IsDark();

  // header: speaker and time
  dc.SetFont(HeaderFont(GetFont()));
  dc.SetTextForeground(Mix(ink, Base(), 0.4));
  const wxSize hs = dc.GetTextExtent(l.header);
  const int hx = l.right ? rect.x + l.bubble.GetRight() - hs.x : rect.x + l.bubble.x;
  dc.DrawText(l.header, hx, rect.y + kItemGap / 2);

  // bubble
  wxRect b = l.bubble;
  b.Offset(rect.GetPosition());
  wxColour fill;
  if (m.channel == COACH_CHANNEL_EMAIL)
    fill = Mix(Base(), ink, dark ? 0.08 : 0.035);
  else if (l.right)
    fill = Mix(Base(), accent, dark ? 0.35 : 0.14);
  else
    fill = Mix(Base(), ink, dark ? 0.12 : 0.06);
  dc.SetPen(wxPen(Mix(fill, ink, 0.08)));
  dc.SetBrush(wxBrush(fill));
  dc.DrawRoundedRectangle(b, 8);

  dc.SetFont(GetFont());
  dc.SetTextForeground(ink);
  const int lh = dc.GetCharHeight();
  int y = b.y + kPadY;
  for (const wxString& line : wxSplit(l.body, '\n', '\0')) {
    dc.DrawText(line, b.x + kPadX, y);
    y += lh;
  }
}

}  // namespace coach::demo
