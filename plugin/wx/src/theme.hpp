// Colours and icons of the panel. Everything derives from the system theme (wxSystemSettings);
// only the severity accents are the panel's own, in a light and a dark variant.
#pragma once

#include <wx/bitmap.h>
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/string.h>

#include <string>

class wxWindow;

namespace coach::wx::theme {

enum class Severity { info, suggest, warn, urgent };
Severity ParseSeverity(const std::string& s);

bool IsDark();
wxColour PanelBackground();  // the panel itself
wxColour CardBackground();   // a nudge card
wxColour Text();
wxColour MutedText();        // secondary text (status, "why", counts)
wxColour Border();           // card outlines and separators
wxColour Accent(Severity s); // severity colour (stripe, icon, tag)
wxColour Done();             // a checked practice
wxColour Mix(const wxColour& a, const wxColour& b, double t);  // a*(1-t) + b*t

wxString SeverityLabel(Severity s);  // "Suggestion", "Warning", ... (translated)

// Severity icon from wxArtProvider (art id "coach-severity-<level>"); the panel's own provider
// draws accent-coloured badges, and a host may push a provider of its own for these ids.
wxBitmap SeverityIcon(Severity s, int size);
// Checklist marks, drawn so they match the accent colours.
wxBitmap CheckIcon(bool done, int size);

wxFont Scaled(const wxFont& base, double factor, bool bold = false);

}  // namespace coach::wx::theme
