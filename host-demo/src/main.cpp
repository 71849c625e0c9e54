// coach-demo: a chat and e-mail window with the counsel-coach panel docked beside it.
//
//   coach-demo [--locale nl|en] [--open FILE] [--script FILE] [--type TEXT]
//              [--screenshot PATH] [--exit-after MS] [--rules DIR]
//              [--scenarios DIR] [--practice SCENARIO]
#include "main_frame.hpp"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/filefn.h>
#include <wx/image.h>

#include <cstdio>

namespace {

class DemoApp : public wxApp {
 public:
  bool OnInit() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  // wxEntry returns what OnRun returns (OnExit's value is ignored).
  int OnRun() override {
    const int rc = wxApp::OnRun();
    return rc ? rc : coach::demo::DemoExitCode();
  }

 private:
  coach::demo::DemoOptions m_options;
};

void DemoApp::OnInitCmdLine(wxCmdLineParser& parser) {
  static const wxCmdLineEntryDesc desc[] = {
      {wxCMD_LINE_SWITCH, "h", "help", "show this help", wxCMD_LINE_VAL_NONE,
       wxCMD_LINE_OPTION_HELP},
      {wxCMD_LINE_OPTION, nullptr, "locale", "language of the interface and the coach: nl or en",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "open",
       "open a conversation (JSON messages or the study's chat text)", wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "script", "play a scripted client (JSON)",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "type", "type TEXT into the message box, key by key",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "screenshot",
       "once loaded and analysed, save the window as PNG and exit", wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "exit-after", "quit after MS milliseconds",
       wxCMD_LINE_VAL_NUMBER, 0},
      {wxCMD_LINE_OPTION, nullptr, "rules",
       "rule folder (with nl/, en/, nudges/) for the coach and the rule lab",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "scenarios", "folder of practice scenarios",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "practice",
       "start a practice session with this scenario (file or id)", wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_NONE, nullptr, nullptr, nullptr, wxCMD_LINE_VAL_NONE, 0}};
  parser.SetDesc(desc);
  parser.SetSwitchChars("-");
}

bool DemoApp::OnCmdLineParsed(wxCmdLineParser& parser) {
  wxString value;
  long number = 0;
  if (parser.Found("locale", &value)) {
    if (value != "nl" && value != "en") {
      fprintf(stderr, "coach-demo: --locale must be nl or en\n");
      return false;
    }
    m_options.locale = value.utf8_string();
  }
  parser.Found("open", &m_options.open_path);
  parser.Found("script", &m_options.script_path);
  parser.Found("type", &m_options.type_text);
  parser.Found("screenshot", &m_options.screenshot_path);
  if (parser.Found("rules", &value)) {
    if (!wxDirExists(value)) {
      fprintf(stderr, "coach-demo: --rules: %s is not a folder\n",
              static_cast<const char*>(value.utf8_str()));
      return false;
    }
    m_options.rules_dir = value.utf8_string();
  }
  if (parser.Found("scenarios", &value)) m_options.scenarios_dir = value.utf8_string();
  parser.Found("practice", &m_options.practice_path);
  if (parser.Found("exit-after", &number)) {
    if (number < 0) {
      fprintf(stderr, "coach-demo: --exit-after must be >= 0\n");
      return false;
    }
    m_options.exit_after_ms = number;
  }
  return true;
}

bool DemoApp::OnInit() {
  if (!wxApp::OnInit()) return false;  // parses the command line
  SetAppName("coach-demo");
  wxInitAllImageHandlers();
  coach::wx::InitUiTranslations(wxString::FromUTF8(m_options.locale));
  auto* frame = new coach::demo::MainFrame(m_options);
  frame->Show();
  coach::demo::RunAutomation(frame, m_options);
  return true;
}

}  // namespace

wxIMPLEMENT_APP(DemoApp);
