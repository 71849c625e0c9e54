// counsel-coach: header-only C++17 wrapper over the C API of coach.h.
//
// Hosts written in C++ (the wx panel, the demo host) use this instead of the engine's C++ API so
// that they depend only on the stable ABI of libcoach: nothing here crosses the library boundary
// except coach.h's C functions. Handles are move-only and free themselves; every failure throws
// coach::c::Error carrying the coach_status and the library's error text.
//
// Thread safety is that of coach.h: one Engine may be shared by Sessions on many threads; one
// Session must be used from one thread at a time.
#ifndef COACH_HPP
#define COACH_HPP

#include "coach.h"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace coach::c {

// A failed call: status() is the coach_status, what() the library's error text.
class Error : public std::runtime_error {
 public:
  Error(coach_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  coach_status status() const noexcept { return status_; }

 private:
  coach_status status_;
};

namespace detail {

struct EngineDeleter {
  void operator()(coach_engine* engine) const noexcept { coach_engine_free(engine); }
};
struct SessionDeleter {
  void operator()(coach_session* session) const noexcept { coach_session_free(session); }
};
struct StringDeleter {
  void operator()(char* text) const noexcept { coach_string_free(text); }
};

// Takes ownership of a library string and copies it into a std::string.
inline std::string take_string(char* text) {
  std::unique_ptr<char, StringDeleter> owned(text);
  return owned ? std::string(owned.get()) : std::string();
}

}  // namespace detail

// The library version, "MAJOR.MINOR.PATCH".
inline std::string version() { return coach_version(); }

// Options for an Engine; empty strings mean the default.
struct EngineOptions {
  std::string locale;       // "nl" (default) or "en"
  std::string rules_dir;    // folder with nl/, en/, nudges/
  std::string locales_dir;  // folder with nl/, en/ lexicons and catalogues
  std::string dict_dir;     // folder with Hunspell .aff/.dic files
};

// Rules, lexicon and dictionary of one locale. Share one Engine between many Sessions.
class Engine {
 public:
  // Loads the default engine; throws Error if it cannot.
  Engine() : Engine(EngineOptions{}) {}

  explicit Engine(const EngineOptions& options) {
    coach_engine_options raw{};
    raw.struct_size = sizeof raw;
    auto field = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
    raw.locale = field(options.locale);
    raw.rules_dir = field(options.rules_dir);
    raw.locales_dir = field(options.locales_dir);
    raw.dict_dir = field(options.dict_dir);
    handle_.reset(coach_engine_new(&raw));
    if (!handle_) throw Error(last_status(), coach_last_error());
  }

  // Takes ownership of a handle from coach_engine_new (NULL gives an empty Engine).
  static Engine adopt(coach_engine* engine) noexcept { return Engine(engine); }

  // Labels one message given as CONTRACT.md message JSON; returns
  // {"id": ..., "practices": [...], "signals": [...], "matches": [...]}.
  std::string label(const std::string& message_json) const {
    char* out = nullptr;
    check(coach_engine_label(get(), message_json.c_str(), &out));
    return detail::take_string(out);
  }

  coach_engine* get() const noexcept { return handle_.get(); }
  coach_engine* release() noexcept { return handle_.release(); }
  explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

 private:
  explicit Engine(coach_engine* engine) noexcept : handle_(engine) {}

  static coach_status last_status() noexcept { return coach_last_errcode(); }

  void check(coach_status status) const {
    if (status != COACH_OK)
      throw Error(status, handle_ ? coach_engine_errmsg(get()) : coach_last_error());
  }

  std::unique_ptr<coach_engine, detail::EngineDeleter> handle_;
};

// One conversation. It keeps what it needs of its Engine alive, so it may outlive it.
class Session {
 public:
  explicit Session(const Engine& engine, coach_channel channel = COACH_CHANNEL_CHAT)
      : handle_(coach_session_new(engine.get(), channel)) {
    if (!handle_) throw Error(coach_last_errcode(), coach_last_error());
  }

  // Takes ownership of a handle from coach_session_new (NULL gives an empty Session).
  static Session adopt(coach_session* session) noexcept { return Session(session); }

  // Adds a sent message; a counsellor message clears the draft. An empty `time` means none.
  void add_message(coach_role role, const std::string& text, const std::string& time = {}) {
    check(coach_session_add_message(get(), role, text.c_str(),
                                    time.empty() ? nullptr : time.c_str()));
  }
  // Adds a sent message given as CONTRACT.md message JSON.
  void add_message_json(const std::string& message_json) {
    check(coach_session_add_message_json(get(), message_json.c_str()));
  }
  // Replaces the whole draft.
  void set_draft(std::string_view text) {
    check(coach_session_set_draft(get(), text.data() != nullptr ? text.data() : "", text.size()));
  }
  // Replaces bytes [start_byte, old_end_byte) of the draft with `text`.
  void edit_draft(std::size_t start_byte, std::size_t old_end_byte, std::string_view text) {
    coach_edit edit{start_byte, old_end_byte, text.data(), text.size()};
    check(coach_session_edit_draft(get(), &edit));
  }
  // {"nudges": [...], "checklist": {...}, "phase": ..., "phases": [...], "topics": [...]}
  std::string report() {
    char* out = nullptr;
    check(coach_session_report(get(), &out));
    return detail::take_string(out);
  }
  void dismiss(const std::string& nudge_id) {
    check(coach_session_dismiss(get(), nudge_id.c_str()));
  }
  void snooze(const std::string& nudge_id, int turns) {
    check(coach_session_snooze(get(), nudge_id.c_str(), turns));
  }
  void reset() { check(coach_session_reset(get())); }

  coach_session* get() const noexcept { return handle_.get(); }
  coach_session* release() noexcept { return handle_.release(); }
  explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

 private:
  explicit Session(coach_session* session) noexcept : handle_(session) {}

  void check(coach_status status) const {
    if (status != COACH_OK)
      throw Error(status, handle_ ? coach_session_errmsg(get()) : coach_last_error());
  }

  std::unique_ptr<coach_session, detail::SessionDeleter> handle_;
};

}  // namespace coach::c

#endif  // COACH_HPP
