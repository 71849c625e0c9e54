#include <coach/wx/text_wrap.hpp>

#include <wx/dc.h>
#include <wx/tokenzr.h>
#include <wx/window.h>

namespace coach::wx {

wxString WrapText(const wxString& text, int width,
                  const std::function<int(const wxString&)>& measure) {
  if (width <= 0) return text;
  wxString out;
  wxStringTokenizer paragraphs(text, "\n", wxTOKEN_RET_EMPTY_ALL);
  bool firstParagraph = true;
  while (paragraphs.HasMoreTokens()) {
    const wxString para = paragraphs.GetNextToken();
    if (!firstParagraph) out += '\n';
    firstParagraph = false;
    wxString line;
    wxStringTokenizer words(para, " ", wxTOKEN_STRTOK);
    while (words.HasMoreTokens()) {
      wxString word = words.GetNextToken();
      const wxString candidate = line.empty() ? word : line + ' ' + word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (!line.empty()) {
        out += line + '\n';
        line.clear();
      }
      // A word wider than the line: split it by characters.
      while (measure(word) > width && word.length() > 1) {
        size_t n = 1;
        while (n < word.length() && measure(word.Left(n + 1)) <= width) ++n;
        out += word.Left(n) + '\n';
        word = word.Mid(n);
      }
      line = word;
    }
    out += line;
  }
  return out;
}

wxString WrapText(const wxString& text, int width, const wxDC& dc) {
  return WrapText(text, width, [&dc](const wxString& s) { return dc.GetTextExtent(s).x; });
}

wxString WrapText(const wxString& text, int width, const wxWindow& window) {
  return WrapText(text, width, [&window](const wxString& s) { return window.GetTextExtent(s).x; });
}

}  // namespace coach::wx
