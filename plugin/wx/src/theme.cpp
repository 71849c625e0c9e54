#include "theme.hpp"

#include <wx/artprov.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <functional>
#include <memory>

namespace coach::wx::theme {

Severity ParseSeverity(const std::string& s) {
  if (s == "urgent") return Severity::urgent;
  if (s == "warn" || s == "warning") return Severity::warn;
  if (s == "suggest") return Severity::suggest;
  return Severity::info;
}

bool IsDark() { return wxSystemSettings::GetAppearance().IsDark(); }

wxColour Mix(const wxColour& a, const wxColour& b, double t) {
  auto m = [t](int x, int y) { return static_cast<unsigned char>(x + (y - x) * t + 0.5); };
  return wxColour(m(a.Red(), b.Red()), m(a.Green(), b.Green()), m(a.Blue(), b.Blue()));
}

wxColour PanelBackground() { return wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE); }
wxColour CardBackground() {
  wxColour w = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
  // Cards must stand out from the panel even when both system colours are the same.
  if (w == PanelBackground()) return Mix(w, Text(), IsDark() ? 0.06 : 0.03);
  return w;
}
wxColour Text() { return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT); }
wxColour MutedText() { return Mix(Text(), PanelBackground(), 0.38); }
wxColour Border() { return Mix(PanelBackground(), Text(), IsDark() ? 0.22 : 0.16); }

wxColour Accent(Severity s) {
  const bool dark = IsDark();
  switch (s) {
    case Severity::urgent:
      return dark ? wxColour(0xEF, 0x53, 0x50) : wxColour(0xC6, 0x28, 0x28);
    case Severity::warn:
      return dark ? wxColour(0xFF, 0xA7, 0x26) : wxColour(0xD9, 0x6C, 0x00);
    case Severity::suggest:
      return dark ? wxColour(0x64, 0xB5, 0xF6) : wxColour(0x15, 0x65, 0xC0);
    case Severity::info:
      break;
  }
  return dark ? wxColour(0x90, 0xA4, 0xAE) : wxColour(0x54, 0x6E, 0x7A);
}

wxColour Done() { return IsDark() ? wxColour(0x66, 0xBB, 0x6A) : wxColour(0x2E, 0x7D, 0x32); }

wxString SeverityLabel(Severity s) {
  switch (s) {
    case Severity::urgent:
      return _("Urgent");
    case Severity::warn:
      return _("Warning");
    case Severity::suggest:
      return _("Suggestion");
    case Severity::info:
      break;
  }
  return _("Tip");
}

namespace {

wxBitmap Canvas(int size, const std::function<void(wxGraphicsContext&)>& draw) {
  wxBitmap bmp(size, size, 32);
  bmp.UseAlpha();
  {
    wxMemoryDC dc(bmp);
    dc.SetBackground(*wxTRANSPARENT_BRUSH);
    dc.Clear();
  }
  wxImage img = bmp.ConvertToImage();
  if (!img.HasAlpha()) img.InitAlpha();
  std::fill(img.GetAlpha(), img.GetAlpha() + size * size, 0);
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(img));
  if (gc) {
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    draw(*gc);
  }
  gc.reset();  // flushes the drawing into img
  return wxBitmap(img);
}

wxBitmap Badge(Severity s, int size) {
  const wxColour fill = Accent(s);
  return Canvas(size, [&](wxGraphicsContext& gc) {
    const double d = size - 1.0;
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(fill));
    if (s == Severity::warn) {  // triangle
      wxGraphicsPath p = gc.CreatePath();
      p.MoveToPoint(size / 2.0, 1.0);
      p.AddLineToPoint(d, d - 1.0);
      p.AddLineToPoint(1.0, d - 1.0);
      p.CloseSubpath();
      gc.FillPath(p);
    } else {
      gc.DrawEllipse(0.5, 0.5, d, d);
    }
    // glyph: "!" for warnings, a light bulb for suggestions, "i" for tips
    const double cx = size / 2.0, w = std::max(2.0, size / 8.0);
    gc.SetBrush(*wxWHITE_BRUSH);
    if (s == Severity::warn || s == Severity::urgent) {
      const double top = s == Severity::warn ? size * 0.36 : size * 0.24;
      gc.DrawRoundedRectangle(cx - w / 2, top, w, size * 0.34, w / 2);
      gc.DrawEllipse(cx - w * 0.6, size * 0.72, w * 1.2, w * 1.2);
    } else if (s == Severity::suggest) {
      const double r = size * 0.2;
      gc.DrawEllipse(cx - r, size * 0.2, 2 * r, 2 * r);
      gc.DrawRectangle(cx - r * 0.55, size * 0.2 + 1.6 * r, r * 1.1, size * 0.14);
      gc.DrawRoundedRectangle(cx - r * 0.45, size * 0.2 + 1.6 * r + size * 0.16, r * 0.9,
                              size * 0.08, 1.0);
    } else {
      gc.DrawEllipse(cx - w * 0.6, size * 0.2, w * 1.2, w * 1.2);
      gc.DrawRoundedRectangle(cx - w / 2, size * 0.42, w, size * 0.38, w / 2);
    }
  });
}

}  // namespace

// The severity icons come from wxArtProvider under the ids "coach-severity-<level>". The panel
// registers a provider (lowest priority) that draws them in the accent colours; a host that
// wants its own icons pushes a provider answering these ids.
class SeverityArtProvider : public wxArtProvider {
 protected:
  wxBitmap CreateBitmap(const wxArtID& id, const wxArtClient&, const wxSize& size) override {
    static const char prefix[] = "coach-severity-";
    if (!id.StartsWith(prefix)) return wxNullBitmap;
    const int px = size.IsFullySpecified() ? size.x : 20;
    return Badge(ParseSeverity(id.Mid(sizeof prefix - 1).utf8_string()), px);
  }
};

wxArtID SeverityArtId(Severity s) {
  switch (s) {
    case Severity::urgent: return "coach-severity-urgent";
    case Severity::warn: return "coach-severity-warn";
    case Severity::suggest: return "coach-severity-suggest";
    case Severity::info: break;
  }
  return "coach-severity-info";
}

wxBitmap SeverityIcon(Severity s, int size) {
  static bool registered = false;
  if (!registered) {
    wxArtProvider::PushBack(new SeverityArtProvider);
    registered = true;
  }
  wxBitmap bmp = wxArtProvider::GetBitmap(SeverityArtId(s), wxART_OTHER, wxSize(size, size));
  return bmp.IsOk() ? bmp : Badge(s, size);
}

wxBitmap CheckIcon(bool done, int size) {
  const wxColour ok = Done(), off = Border();
  return Canvas(size, [&](wxGraphicsContext& gc) {
    const double d = size - 2.0;
    if (done) {
      gc.SetPen(*wxTRANSPARENT_PEN);
      gc.SetBrush(wxBrush(ok));
      gc.DrawEllipse(1, 1, d, d);
      wxGraphicsPath p = gc.CreatePath();
      p.MoveToPoint(size * 0.28, size * 0.52);
      p.AddLineToPoint(size * 0.44, size * 0.67);
      p.AddLineToPoint(size * 0.73, size * 0.35);
      gc.SetPen(wxPen(*wxWHITE, std::max(2, size / 8)));
      gc.StrokePath(p);
    } else {
      gc.SetPen(wxPen(Mix(off, Text(), 0.25), std::max(1, size / 10)));
      gc.SetBrush(*wxTRANSPARENT_BRUSH);
      gc.DrawEllipse(1.5, 1.5, d - 1, d - 1);
    }
  });
}

wxFont Scaled(const wxFont& base, double factor, bool bold) {
  wxFont f = base;
  f.SetFractionalPointSize(base.GetFractionalPointSize() * factor);
  if (bold) f.MakeBold();
  return f;
}

}  // namespace coach::wx::theme
