// The rule lab: a trainer's window to edit the coach's rule files with syntax highlighting,
// see validation problems at line and column while typing, run the rules' own examples, try a
// transcript with the edited rules and save (write to a temporary file, then rename) so that the
// running coach panel reloads the rules without a restart.
//
// Unlike the embeddable panel, the lab is a trainer tool and uses the engine's C++ API
// (coach/rule_tools.hpp, coach/transcript.hpp). Checks, example runs and transcripts run on a
// worker thread of the lab; the editor never waits for them.
#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class wxButton;
class wxListBox;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxStyledTextCtrl;
class wxTextCtrl;

namespace coach::demo {

struct RuleLabOptions {
  std::string locale = "nl";  // the demo's locale: nudge files and transcripts use it
  std::string rules_dir;      // folder with nl/, en/, nudges/; empty: the engine's default rules
  std::function<void()> on_saved;  // after a successful save (the demo reloads its coach panel)
  int check_delay_ms = 300;        // quiet time after typing before the buffer is validated
};

// One validation problem of the buffer.
struct RuleProblem {
  int line = 0;    // 1-based; 0 when the problem has no place
  int column = 0;  // 1-based
  std::string rule;     // rule id, may be empty (for example broken JSON)
  std::string message;
  std::string Display() const;  // "12:5: NL_X: message"
};

// A message of the "Try a transcript" pane, as the lab shows it.
struct TryRow {
  std::string role;  // "client" or "counsellor"
  std::string time;
  std::string text;
  std::vector<std::string> practices;
  std::vector<std::string> nudges;  // "title (id)" of the nudges shown while it was typed
};

class RuleLabFrame : public wxFrame {
 public:
  RuleLabFrame(wxWindow* parent, const RuleLabOptions& options);
  ~RuleLabFrame() override;

  // The folder the lab edits (options.rules_dir or the default rules).
  const std::string& GetRulesDir() const { return m_rulesDir; }
  // Rule files relative to the folder ("nl/advice.json", "nudges/crisis.json").
  const std::vector<std::string>& GetFiles() const { return m_files; }
  // Opens one of GetFiles() in the editor (discarding unsaved changes). False if unknown.
  bool OpenFile(const std::string& relative);
  const std::string& GetCurrentFile() const { return m_current; }
  bool IsModified() const;

  // Validates the buffer now (as the debounce timer does).
  void CheckNow();
  // Nothing queued or running on the lab's worker, and no check pending.
  bool IsIdle() const;
  const std::vector<RuleProblem>& GetProblems() const { return m_problems; }
  // Moves the caret to problem `index` (as clicking it in the list does).
  void GoToProblem(std::size_t index);

  // Writes the buffer beside the file, then renames it over the file, and calls on_saved.
  // Refuses while the buffer has problems; `error` then names the rules and why.
  bool Save(wxString* error = nullptr);

  // Runs every rule's examples with the buffer applied (asynchronously).
  void RunExamples();
  const std::vector<std::string>& GetExampleFailures() const { return m_exampleFailures; }
  int GetExamplesRun() const { return m_examplesRun; }

  // Runs `text` (JSON or the study's chat format) through an engine with the buffer applied.
  void TryTranscript(const wxString& text);
  const std::vector<TryRow>& GetTryRows() const { return m_tryRows; }
  // Incremented each time a result (check, examples, transcript) was shown.
  unsigned GetResultCount() const { return m_results; }

  wxStyledTextCtrl* GetEditor() const { return m_editor; }
  wxListCtrl* GetProblemList() const { return m_problemList; }
  bool SaveScreenshot(const wxString& path, wxString* error = nullptr);

 private:
  void BuildUi();
  void SetupEditor();
  void LoadFileList();
  void OnFileSelected();
  void OnEditorModified();
  void OnUpdateUi();
  void OnProblemActivated(long index);
  void OnSaveButton();
  void OnLoadTranscript();
  void OnClose(wxCloseEvent& event);
  void ShowProblems(std::vector<RuleProblem> problems, unsigned generation);
  void ShowExamples(std::vector<std::string> failures, int examples, int rules, std::string error);
  void ShowTry(std::vector<TryRow> rows, std::vector<std::string> problems, std::string error);
  void UpdateStatus();
  std::string FileLocale(const std::string& relative) const;
  // A copy of the rule folder with the buffer in place of the current file (worker thread).
  std::string MakeTempRuleSet(const std::string& buffer, const std::string& relative,
                              std::string& error);

  void Post(std::function<void()> job);  // runs on the worker thread
  void WorkerLoop();

  RuleLabOptions m_options;
  std::string m_rulesDir;
  std::string m_scratch;  // the lab's temporary folder
  std::vector<std::string> m_files;
  std::string m_current;
  std::vector<RuleProblem> m_problems;
  std::vector<std::string> m_exampleFailures;
  int m_examplesRun = -1;
  std::vector<TryRow> m_tryRows;
  unsigned m_generation = 0;  // buffer version the last check was started for
  unsigned m_checked = 0;     // buffer version whose problems are shown
  unsigned m_results = 0;
  bool m_loading = false;     // the editor is being filled by OpenFile
  wxTimer m_checkTimer;

  // worker
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::function<void()>> m_jobs;
  int m_running = 0;
  bool m_stop = false;
  std::thread m_thread;

  // widgets
  wxListBox* m_fileList = nullptr;
  wxStaticText* m_fileLabel = nullptr;
  wxStaticText* m_status = nullptr;
  wxStyledTextCtrl* m_editor = nullptr;
  wxButton* m_save = nullptr;
  wxButton* m_runExamples = nullptr;
  wxNotebook* m_tabs = nullptr;
  wxListCtrl* m_problemList = nullptr;
  wxListCtrl* m_exampleList = nullptr;
  wxTextCtrl* m_tryInput = nullptr;
  wxListCtrl* m_tryList = nullptr;
  wxStaticText* m_tryStatus = nullptr;
  wxStaticText* m_exampleStatus = nullptr;
};

}  // namespace coach::demo
