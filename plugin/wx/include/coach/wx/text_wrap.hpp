// Word wrapping for labels and custom-drawn text: wx's own wrapping treats '&' as a mnemonic and
// cannot be measured without a window, so the panel and the demo host wrap text themselves.
#pragma once

#include <wx/string.h>

#include <functional>

class wxDC;
class wxWindow;

namespace coach::wx {

// Breaks `text` into lines no wider than `width` pixels as measured by `measure`; existing line
// breaks are kept, and a word longer than a line is split.
wxString WrapText(const wxString& text, int width, const std::function<int(const wxString&)>& measure);
wxString WrapText(const wxString& text, int width, const wxDC& dc);
wxString WrapText(const wxString& text, int width, const wxWindow& window);

}  // namespace coach::wx
