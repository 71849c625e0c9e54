// TAP output for the GUI-side tests: every check prints "ok N - ..." or "not ok N - ...", and
// the plan "1..N" comes at the end. One counter per test program.
#pragma once

#include <cstdio>
#include <string>

namespace coach::test {

class Tap {
 public:
  bool Check(bool ok, const std::string& what, const std::string& detail = {}) {
    ++m_checks;
    if (!ok) m_failed = true;
    std::printf("%s %d - %s%s%s\n", ok ? "ok" : "not ok", m_checks, what.c_str(), detail.empty() ? "" : "  # ",
                detail.c_str());
    std::fflush(stdout);
    return ok;
  }
  // Prints the plan; returns the program's exit status.
  int Finish() const {
    std::printf("1..%d\n", m_checks);
    std::fflush(stdout);
    return m_failed ? 1 : 0;
  }
  bool Failed() const { return m_failed; }

 private:
  int m_checks = 0;
  bool m_failed = false;
};

}  // namespace coach::test
