// Small RAII owners for the C API handles (the panel uses libcoach through coach.h only).
#pragma once

#include <coach.h>

#include <memory>
#include <string>

namespace coach::wx::capi {

struct EngineDeleter {
  void operator()(coach_engine* e) const { coach_engine_free(e); }
};
struct SessionDeleter {
  void operator()(coach_session* s) const { coach_session_free(s); }
};
struct StringDeleter {
  void operator()(char* s) const { coach_string_free(s); }
};

using Engine = std::unique_ptr<coach_engine, EngineDeleter>;
using Session = std::unique_ptr<coach_session, SessionDeleter>;
using String = std::unique_ptr<char, StringDeleter>;

inline std::string session_error(const coach_session* s) {
  const char* m = coach_session_errmsg(s);
  return m ? m : "";
}

}  // namespace coach::wx::capi
