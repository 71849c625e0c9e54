// The C API: a thin forwarder onto coach::Engine and coach::Session. Every entry point stops
// every exception here and turns it into a coach_status plus an error text on the handle.
#include "coach.h"

#include "boundary.hpp"

#include <coach/engine.hpp>
#include <coach/json.hpp>
#include <coach/transcript.hpp>
#include <coach/types.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace {

using nlohmann::json;

constexpr const char* kNoError = "not an error";

// The last error of one handle (or of one thread, for failed creation and null handles).
struct ErrorState {
  coach_status code = COACH_OK;
  std::string text = kNoError;

  // Never throws: if the text cannot be stored, the status still says what happened.
  void set(coach_status c, std::string_view first, std::string_view second = {}) noexcept {
    code = c;
    try {
      text.assign(first);
      text.append(second);
    } catch (...) {
      text.clear();
    }
  }
  void clear() noexcept { set(COACH_OK, kNoError); }
  const char* c_str() const noexcept {
    if (code == COACH_ERROR_NO_MEMORY && text.empty()) return "out of memory";
    return text.c_str();
  }
};

thread_local ErrorState t_last_error;

// A failure with its status, thrown inside the boundary functions and caught by guard().
struct Failure {
  coach_status status;
  std::string text;
};

[[noreturn]] void fail(coach_status status, std::string text) {
  throw Failure{status, std::move(text)};
}

coach_status status_of(coach::Error::Code code) {
  switch (code) {
    case coach::Error::Code::invalid_argument: return COACH_ERROR_INVALID_ARGUMENT;
    case coach::Error::Code::invalid_utf8: return COACH_ERROR_INVALID_UTF8;
    case coach::Error::Code::io: return COACH_ERROR_IO;
    case coach::Error::Code::rules: return COACH_ERROR_RULES;
    case coach::Error::Code::locale: return COACH_ERROR_LOCALE;
    case coach::Error::Code::dictionary: return COACH_ERROR_DICTIONARY;
    case coach::Error::Code::internal: return COACH_ERROR_INTERNAL;
  }
  return COACH_ERROR_INTERNAL;
}

// Runs `body`, storing the outcome in `state` (which must stay valid). Never throws.
template <class Body>
coach_status guard(ErrorState& state, Body&& body) noexcept {
  try {
    body();
    state.clear();
    return COACH_OK;
  } catch (const Failure& f) {
    state.set(f.status, f.text);
  } catch (const coach::Error& e) {
    state.set(status_of(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    state.set(COACH_ERROR_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    state.set(COACH_ERROR_INTERNAL, "internal error: ", e.what());
  } catch (...) {
    state.set(COACH_ERROR_INTERNAL, "internal error: unknown exception");
  }
  return state.code;
}

// A misuse that has no handle to report on: the text goes to the thread's last error.
coach_status null_handle(const char* what) noexcept {
  t_last_error.set(COACH_ERROR_INVALID_ARGUMENT, what);
  return COACH_ERROR_INVALID_ARGUMENT;
}

void check_utf8(std::string_view text, const char* what) {
  if (auto at = coach::boundary::find_invalid_utf8(text))
    fail(COACH_ERROR_INVALID_UTF8,
         std::string("invalid utf-8 in ") + what + " at byte " + std::to_string(*at));
}

// Copies a C string argument, rejecting NULL and invalid UTF-8.
std::string_view need_text(const char* text, const char* what) {
  if (text == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, std::string("null ") + what);
  std::string_view view(text);
  check_utf8(view, what);
  return view;
}

char* copy_out(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size() + 1);
  return out;
}

json parse_json(std::string_view text, const char* what) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann counts bytes read (1-based); report the 0-based offset like the UTF-8 errors.
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    fail(COACH_ERROR_INVALID_ARGUMENT,
         std::string(what) + " is not valid json (at byte " + std::to_string(at) + ")");
  }
}

// The value a caller passed for an enum parameter. C callers may pass any int; in C++ merely
// loading an enum object outside its declared range is undefined, so read its bytes instead.
// (C enums are int-sized; a C caller's negative values read back as negative.)
template <class Enum>
int enum_value(const Enum& value) noexcept {
  int raw;
  static_assert(sizeof raw == sizeof value, "coach.h enums are int-sized");
  std::memcpy(&raw, &value, sizeof raw);
  return raw;
}

std::string version_string() {
  return std::to_string(COACH_VERSION_MAJOR) + "." + std::to_string(COACH_VERSION_MINOR) + "." +
         std::to_string(COACH_VERSION_PATCH);
}

// Reads `field` of a caller's options struct only if the caller's struct is large enough to
// hold it (older callers pass a smaller struct_size).
#define COACH_OPTION(options, size, field)                                                    \
  ((size) >= offsetof(coach_engine_options, field) + sizeof((options)->field) ? (options)->field \
                                                                              : nullptr)

}  // namespace

struct coach_engine {
  std::shared_ptr<const coach::Engine> engine;

  // An engine may be used from many threads at once, so each thread gets its own error
  // state: coach_engine_errmsg reports the last call this thread made on this engine.
  mutable std::mutex mutex;
  mutable std::map<std::thread::id, ErrorState> errors;

  ErrorState& error_state() const {
    std::lock_guard<std::mutex> lock(mutex);
    return errors[std::this_thread::get_id()];  // map nodes are stable: the reference stays valid
  }
};

struct coach_session {
  coach::Session session;
  ErrorState error;

  coach_session(std::shared_ptr<const coach::Engine> engine, coach::Channel channel)
      : session(std::move(engine), channel) {}
};

// The shared start of engine calls that return JSON: clear the out-parameter, refuse a null
// handle, then run `body` under the engine's per-thread error state.
template <typename Body>
coach_status with_engine(coach_engine* engine, char** out_json, Body body) {
  if (out_json != nullptr) *out_json = nullptr;
  if (engine == nullptr) return null_handle("null engine handle");
  ErrorState* state = nullptr;
  try {
    state = &engine->error_state();
  } catch (...) {
    t_last_error.set(COACH_ERROR_NO_MEMORY, "out of memory");
    return COACH_ERROR_NO_MEMORY;
  }
  return guard(*state, [&] {
    if (out_json == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, "null out_json");
    body();
  });
}

extern "C" {

const char* coach_version(void) {
  static const std::string version = version_string();
  return version.c_str();
}

const char* coach_last_error(void) { return t_last_error.c_str(); }

coach_status coach_last_errcode(void) { return t_last_error.code; }

const char* coach_status_string(coach_status status) {
  switch (enum_value(status)) {
    case COACH_OK: return "ok";
    case COACH_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case COACH_ERROR_INVALID_UTF8: return "invalid utf-8";
    case COACH_ERROR_IO: return "i/o error";
    case COACH_ERROR_RULES: return "invalid rules";
    case COACH_ERROR_LOCALE: return "unknown locale";
    case COACH_ERROR_DICTIONARY: return "dictionary missing";
    case COACH_ERROR_INTERNAL: return "internal error";
    case COACH_ERROR_NO_MEMORY: return "out of memory";
  }
  return "unknown status";
}

void coach_string_free(char* text) { std::free(text); }

/* --- engine ------------------------------------------------------------------------------- */

coach_engine* coach_engine_new(const coach_engine_options* options) {
  coach_engine* result = nullptr;
  guard(t_last_error, [&] {
    coach::EngineOptions opts;
    if (options != nullptr) {
      const std::size_t size = options->struct_size;
      if (size < sizeof(size_t))
        fail(COACH_ERROR_INVALID_ARGUMENT,
             "options.struct_size must be sizeof(coach_engine_options)");
      if (size > sizeof(coach_engine_options)) {
        // A newer caller: fine as long as it leaves the fields this library lacks zeroed.
        const auto* bytes = reinterpret_cast<const unsigned char*>(options);
        for (std::size_t i = sizeof(coach_engine_options); i < size; ++i)
          if (bytes[i] != 0)
            fail(COACH_ERROR_INVALID_ARGUMENT,
                 "options set fields that libcoach " + version_string() + " does not know");
      }
      if (const char* v = COACH_OPTION(options, size, locale))
        opts.locale = need_text(v, "options.locale");
      if (const char* v = COACH_OPTION(options, size, rules_dir))
        opts.rules_dir = need_text(v, "options.rules_dir");
      if (const char* v = COACH_OPTION(options, size, locales_dir))
        opts.locales_dir = need_text(v, "options.locales_dir");
      if (const char* v = COACH_OPTION(options, size, dict_dir))
        opts.dict_dir = need_text(v, "options.dict_dir");
    }
    auto handle = std::make_unique<coach_engine>();
    handle->engine = coach::Engine::create(opts);
    if (!handle->engine) fail(COACH_ERROR_INTERNAL, "engine creation returned nothing");
    result = handle.release();
  });
  return result;
}

void coach_engine_free(coach_engine* engine) { delete engine; }

const char* coach_engine_errmsg(const coach_engine* engine) {
  if (engine == nullptr) return "null engine handle";
  try {
    return engine->error_state().c_str();
  } catch (...) {
    return "out of memory";
  }
}

coach_status coach_engine_errcode(const coach_engine* engine) {
  if (engine == nullptr) return COACH_ERROR_INVALID_ARGUMENT;
  try {
    return engine->error_state().code;
  } catch (...) {
    return COACH_ERROR_NO_MEMORY;
  }
}

coach_status coach_engine_suggest(coach_engine* engine, const char* word, char** out_json) {
  return with_engine(engine, out_json, [&] {
    const std::string_view text = need_text(word, "word");
    *out_json = copy_out(coach::boundary::dump(json(engine->engine->suggestions(std::string(text)))));
  });
}

coach_status coach_engine_label(coach_engine* engine, const char* message_json, char** out_json) {
  return with_engine(engine, out_json, [&] {
    const std::string_view text = need_text(message_json, "message json");
    const json value = parse_json(text, "message");
    const coach::Message message = coach::message_from_json(value);
    json out = coach::to_json(engine->engine->label(message), message.id, true);
    out["id"] = value.contains("id") ? value["id"] : json(nullptr);  // as given, like `coach label`
    *out_json = copy_out(coach::boundary::dump(out));
  });
}

/* --- session ------------------------------------------------------------------------------ */

coach_session* coach_session_new(coach_engine* engine, coach_channel channel) {
  if (engine == nullptr) {
    null_handle("null engine handle");
    return nullptr;
  }
  coach_session* result = nullptr;
  guard(t_last_error, [&] {
    coach::Channel ch{};
    const int raw = enum_value(channel);
    switch (raw) {
      case COACH_CHANNEL_CHAT: ch = coach::Channel::chat; break;
      case COACH_CHANNEL_EMAIL: ch = coach::Channel::email; break;
      default:
        fail(COACH_ERROR_INVALID_ARGUMENT,
             "unknown channel " + std::to_string(raw));
    }
    result = new coach_session(engine->engine, ch);
  });
  return result;
}

void coach_session_free(coach_session* session) { delete session; }

const char* coach_session_errmsg(const coach_session* session) {
  if (session == nullptr) return "null session handle";
  return session->error.c_str();
}

coach_status coach_session_errcode(const coach_session* session) {
  if (session == nullptr) return COACH_ERROR_INVALID_ARGUMENT;
  return session->error.code;
}

coach_status coach_session_add_message(coach_session* session, coach_role role,
                                       const char* text, const char* time) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    coach::Message message;
    const int raw = enum_value(role);
    switch (raw) {
      case COACH_ROLE_COUNSELLOR: message.role = coach::Role::counsellor; break;
      case COACH_ROLE_CLIENT: message.role = coach::Role::client; break;
      default:
        fail(COACH_ERROR_INVALID_ARGUMENT, "unknown role " + std::to_string(raw));
    }
    message.channel = session->session.channel();
    message.text = need_text(text, "text");
    if (time != nullptr) message.time = need_text(time, "time");
    session->session.add_message(message);
  });
}

coach_status coach_session_add_message_json(coach_session* session, const char* message_json) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    const std::string_view text = need_text(message_json, "message json");
    session->session.add_message(
        coach::message_from_json(parse_json(text, "message"), session->session.channel()));
  });
}

coach_status coach_session_set_draft(coach_session* session, const char* text, size_t length) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    if (text == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, "null text");
    const std::string_view draft(text, length);
    check_utf8(draft, "draft");
    session->session.set_draft(draft);
  });
}

coach_status coach_session_edit_draft(coach_session* session, const coach_edit* edit) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    if (edit == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, "null edit");
    if (edit->text == nullptr && edit->text_length != 0)
      fail(COACH_ERROR_INVALID_ARGUMENT, "null edit text with length " +
                                             std::to_string(edit->text_length));
    const std::string& draft = session->session.draft();
    const std::size_t start = edit->start_byte, end = edit->old_end_byte;
    if (start > end)
      fail(COACH_ERROR_INVALID_ARGUMENT, "edit range [" + std::to_string(start) + ", " +
                                             std::to_string(end) + ") is reversed");
    if (end > draft.size())
      fail(COACH_ERROR_INVALID_ARGUMENT, "edit end " + std::to_string(end) +
                                             " is past the end of the draft (" +
                                             std::to_string(draft.size()) + " bytes)");
    if (!coach::boundary::is_char_boundary(draft, start))
      fail(COACH_ERROR_INVALID_ARGUMENT,
           "edit start " + std::to_string(start) + " splits a utf-8 character");
    if (!coach::boundary::is_char_boundary(draft, end))
      fail(COACH_ERROR_INVALID_ARGUMENT,
           "edit end " + std::to_string(end) + " splits a utf-8 character");
    const std::string_view inserted =
        edit->text_length == 0 ? std::string_view() : std::string_view(edit->text, edit->text_length);
    check_utf8(inserted, "edit text");
    session->session.edit_draft(start, end, inserted);
  });
}

coach_status coach_session_spelling(coach_session* session, char** out_json) {
  if (out_json != nullptr) *out_json = nullptr;
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    if (out_json == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, "null out_json");
    json out = json::array();
    for (const coach::SpellingIssue& issue : session->session.draft_spelling())
      out.push_back({{"begin", issue.begin}, {"end", issue.end}, {"word", issue.word}});
    *out_json = copy_out(coach::boundary::dump(out));
  });
}

coach_status coach_session_report(coach_session* session, char** out_json) {
  if (out_json != nullptr) *out_json = nullptr;
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    if (out_json == nullptr) fail(COACH_ERROR_INVALID_ARGUMENT, "null out_json");
    *out_json = copy_out(coach::boundary::dump(coach::to_json(session->session.report())));
  });
}

coach_status coach_session_dismiss(coach_session* session, const char* nudge_id) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    const std::string_view id = need_text(nudge_id, "nudge id");
    if (id.empty()) fail(COACH_ERROR_INVALID_ARGUMENT, "empty nudge id");
    session->session.dismiss(id);
  });
}

coach_status coach_session_snooze(coach_session* session, const char* nudge_id, int turns) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] {
    const std::string_view id = need_text(nudge_id, "nudge id");
    if (id.empty()) fail(COACH_ERROR_INVALID_ARGUMENT, "empty nudge id");
    if (turns < 1)
      fail(COACH_ERROR_INVALID_ARGUMENT,
           "snooze turns must be at least 1, not " + std::to_string(turns));
    session->session.snooze(id, turns);
  });
}

coach_status coach_session_reset(coach_session* session) {
  if (session == nullptr) return null_handle("null session handle");
  return guard(session->error, [&] { session->session.reset(); });
}

}  // extern "C"
