#include <coach/wx/coach_panel.hpp>

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/utils.h>

namespace coach::wx {

bool InitUiTranslations(const wxString& language) {
  wxString dir;
  if (wxGetEnv("COACH_UI_LOCALE_DIR", &dir) && !dir.empty())
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);
  // A relocatable install: <prefix>/bin/host and <prefix>/share/locale.
  wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
  exe.RemoveLastDir();
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + "/share/locale");
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(COACH_UI_BUILD_LOCALE_DIR));
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(COACH_UI_INSTALL_LOCALE_DIR));

  auto* translations = new wxTranslations;
  translations->SetLanguage(language);
  wxTranslations::Set(translations);  // takes ownership, frees the previous one
  translations->AddStdCatalog();      // wx's own strings (stock buttons), when installed
  return translations->AddCatalog(COACH_UI_DOMAIN, wxLANGUAGE_ENGLISH_US) &&
         (language.StartsWith("en") || translations->IsLoaded(COACH_UI_DOMAIN));
}

}  // namespace coach::wx
