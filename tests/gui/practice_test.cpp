// GUI test of Trainer > Practice session (run under Xvfb by run_gui_test.sh).
//
//   coach_practice_gui_test --scenario FILE --screenshot PNG [--report-dir DIR]
//
// Plays a scripted scenario through the demo's chat window: the trainee's messages are typed
// into the chat box key by key and sent with the Send path; the simulated client's replies
// arrive after its typing delay; the coach panel follows as in a live chat. At the end the
// session report is written (the chat transcript and, with the report library, the HTML).
#include "main_frame.hpp"
#include "step_runner.hpp"

#include <coach/practice/session.hpp>
#include <coach/wx/coach_panel.hpp>

#include <wx/app.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using coach::demo::MainFrame;

const char* const kTurns[] = {
    "Als ik het goed begrijp lopen de rekeningen je boven het hoofd en weet je niet waar je moet "
    "beginnen. Klopt dat?",
    "Fijn dat je het vertelde. Bedankt voor het gesprek, succes en fijne avond!"};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class PracticeTest : public coach::test::StepTestApp {
 public:
  bool OnInit() override;

 private:
  std::size_t Clients() const {
    std::size_t n = 0;
    for (const auto& m : m_frame->GetMessages()) n += m.role == COACH_ROLE_CLIENT ? 1 : 0;
    return n;
  }
  void TypeAndSend(const char* text) {
    m_frame->TypeText(wxString::FromUTF8(text), [this] { m_frame->SendChat(); }, 4);
  }

  MainFrame* m_frame = nullptr;
  wxString m_scenario, m_screenshot;
  std::size_t m_clientsBefore = 0;
};

bool PracticeTest::OnInit() {
  for (int i = 1; i + 1 < argc; i += 2) {
    const wxString key = argv[i], value = argv[i + 1];
    if (key == "--scenario") m_scenario = value;
    else if (key == "--screenshot") m_screenshot = value;
  }
  if (m_scenario.empty() || m_screenshot.empty()) {
    fprintf(stderr, "usage: coach_practice_gui_test --scenario FILE --screenshot PNG\n");
    return false;
  }
  std::string tmpl = (fs::temp_directory_path() / "coach-practice-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return false;
  m_scratch = tmpl;

  wxInitAllImageHandlers();
  coach::wx::InitUiTranslations("nl");
  coach::demo::DemoOptions options;
  options.locale = "nl";
  options.ask_to_save_report = false;
  options.client_typing_ms = 250;
  m_frame = new MainFrame(options);
  m_frame->Show();
  m_steps = new coach::test::StepRunner([this] {
    if (m_frame) m_frame->Destroy();
  });
  auto& s = *m_steps;
  auto* panel = m_frame->GetCoachPanel();

  s.WaitFor("the coach engine loads", [panel] {
    return panel->GetState().ready || !panel->GetState().error.empty();
  });
  s.Then("start the practice session", [this, &s] {
    wxString error;
    s.Check(m_frame->StartPractice(m_scenario, &error), "the scenario starts",
            error.utf8_string());
    s.Check(m_frame->IsPracticeActive(), "a practice session is active");
    s.Check(m_frame->GetMessages().size() == 1 &&
                m_frame->GetMessages()[0].role == COACH_ROLE_CLIENT,
            "the client's opening is in the chat",
            std::to_string(m_frame->GetMessages().size()));
    m_clientsBefore = Clients();
    TypeAndSend("Wat vervelend. Kun je daar wat meer over vertellen?");
  });
  s.WaitFor("the trainee's message is sent", [this] { return !m_frame->IsTyping(); });
  s.Then("the client is typing", [this, &s] {
    s.Check(Clients() == m_clientsBefore, "the client's reply waits for its typing delay");
  });
  s.WaitSteady("the client's replies arrive",
               [this] { return !m_frame->IsBusy() && Clients() >= m_clientsBefore + 2; });
  s.Then("turn 2: verify the interpretation", [this, &s] {
    s.Check(Clients() == m_clientsBefore + 2, "a reply of two client messages arrived",
            std::to_string(Clients() - m_clientsBefore));
    m_clientsBefore = Clients();
    TypeAndSend(kTurns[0]);
  });
  s.WaitSteady("the client confirms",
               [this] { return !m_frame->IsBusy() && Clients() > m_clientsBefore; });
  s.Then("the client branched on the check", [this, &s, panel] {
    const auto& msgs = m_frame->GetMessages();
    s.Check(msgs.back().text.find("klopt precies") != std::string::npos,
            "the client confirms the paraphrase (the scenario branched)", msgs.back().text);
    s.Check(panel->IsPracticeDone("verify_interpretation"),
            "the coach's checklist shows the interpretation verified");
    s.Check(m_frame->GetPractice()->state() == "understood", "the scenario is in 'understood'",
            m_frame->GetPractice()->state());
    m_frame->GetChatInput()->SetValue(
        wxString::FromUTF8("Mijn advies is om naar de schuldhulpverlening te gaan."));
  });
  s.WaitSteady("the coach follows the draft", [this] { return !m_frame->IsBusy(); }, 400);
  s.Then("screenshot mid-session", [this, &s] {
    wxString error;
    s.Check(m_frame->SaveScreenshot(m_screenshot, &error),
            "practice screenshot saved to " + m_screenshot.utf8_string(), error.utf8_string());
    m_frame->GetChatInput()->Clear();
    m_clientsBefore = Clients();
    TypeAndSend(kTurns[1]);
  });
  s.WaitSteady("the session ends", [this] { return m_frame->IsPracticeFinished() && !m_frame->IsBusy(); });
  s.Then("the end and the report", [this, &s] {
    const auto& msgs = m_frame->GetMessages();
    s.Check(msgs.back().role == COACH_ROLE_CLIENT && msgs.back().text == "Dankjewel, doei!",
            "the client says goodbye", msgs.back().text);
    s.Check(m_frame->GetPractice()->summary().ending == "good", "the ending is good",
            m_frame->GetPractice()->summary().ending);
    s.Check(msgs.size() == m_frame->GetPractice()->messages().size(),
            "the chat shows every message of the practice session");
    const fs::path base = m_scratch / "report";
    wxString error;
    s.Check(m_frame->SavePracticeReport(wxString::FromUTF8(base.string()), &error),
            "the session report is saved", error.utf8_string());
    const std::string chat = ReadFile(base.string() + ".txt");
    s.Check(chat.find("Hulpvrager (") != std::string::npos &&
                chat.find("Dankjewel, doei!") != std::string::npos,
            "the transcript is in the study's chat format");
#ifdef COACH_DEMO_HAVE_REPORT
    const std::string html = ReadFile(base.string() + ".html");
    s.Check(html.find("<html") != std::string::npos && html.find("<svg") != std::string::npos,
            "the HTML session report has charts", std::to_string(html.size()) + " bytes");
#endif
  });
  s.Start();
  return true;
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(PracticeTest);

int main(int argc, char** argv) { return wxEntry(argc, argv); }
