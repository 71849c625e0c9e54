// The engine's public C++ API: an Engine holds one locale's rules, lexicon and dictionary and is
// shared read-only by many Sessions (one per conversation). The C API in coach.h forwards here.
#pragma once

#include <coach/types.hpp>

#include <memory>
#include <string>
#include <vector>

namespace coach {

struct EngineOptions {
  std::string locale = "nl";  // "nl" or "en"
  std::string rules_dir;      // folder with nl/, en/, nudges/; empty: the default rules
  std::string locales_dir;    // folder with nl/, en/ lexicons and catalogues; empty: default
  std::string dict_dir;       // folder with Hunspell .aff/.dic files; empty: system folder
  bool load_dictionary = true;
};

// Where the default data lives (source tree for an in-place build, install folder otherwise,
// or $COACH_DATA_DIR).
std::string default_data_dir();
const char* version();

class EngineImpl;
class RuleSet;

class Engine {
 public:
  // Throws coach::Error naming the file, line and column of the first problem.
  static std::shared_ptr<const Engine> create(const EngineOptions& options);
  ~Engine();

  const std::string& locale() const;

  // What one message does. Throws Error(invalid_utf8) on broken UTF-8.
  Labels label(const Message& message) const;

  // Words of `text` the locale's dictionary does not know (cached per word; cheap enough to
  // run after a pause in typing, not meant for every keystroke).
  std::vector<SpellingIssue> spelling(std::string_view text) const;
  // Hunspell's suggestions for one word: slow (milliseconds to a tenth of a second), so never
  // on the keystroke path; call it when the counsellor asks.
  std::vector<std::string> suggestions(const std::string& word) const;

  const EngineImpl& impl() const { return *impl_; }

  explicit Engine(std::unique_ptr<EngineImpl> impl);

 private:
  std::unique_ptr<EngineImpl> impl_;
};

class SessionImpl;

// One conversation. Not thread-safe: use one session from one thread at a time. Many sessions
// may share one engine across threads.
class Session {
 public:
  Session(std::shared_ptr<const Engine> engine, Channel channel);
  ~Session();
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  // Adds a sent message; a counsellor message clears the draft.
  void add_message(const Message& message);
  void set_draft(std::string_view text);
  // Replaces bytes [begin, old_end) of the draft with `text` (UTF-8 byte offsets); only the
  // touched sentences are analysed again.
  void edit_draft(std::size_t begin, std::size_t old_end, std::string_view text);
  const std::string& draft() const;

  Report report() const;
  // Hide a nudge for the rest of the conversation (a crisis nudge stays, marked acknowledged).
  // Throws Error(invalid_argument) for an unknown nudge id.
  void dismiss(std::string_view nudge_id);
  // Hide a nudge for `turns` counsellor messages. A crisis nudge cannot be snoozed.
  void snooze(std::string_view nudge_id, int turns);
  void reset();

  Channel channel() const;
  std::size_t message_count() const;
  // Labels of sent message `index` (in order of add_message) and of the draft.
  const Labels& message_labels(std::size_t index) const;
  Labels draft_labels() const;
  // Words of the draft the dictionary does not know (see Engine::spelling).
  std::vector<SpellingIssue> draft_spelling() const;

 private:
  std::unique_ptr<SessionImpl> impl_;
};

}  // namespace coach
