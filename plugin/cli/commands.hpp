// The `coach` command line: one function per sub-command, each in its own cmd_*.cpp file.
#pragma once

#include <string>
#include <vector>

namespace coach::cli {

using Args = std::vector<std::string>;

int run_label(const Args& args);
int run_nudge(const Args& args);
int run_rules(const Args& args);       // rules check | rules test
int run_transcript(const Args& args);  // per-message practices and nudges of a transcript
int run_serve(const Args& args);       // JSON-RPC 2.0 over stdio (cmd_serve.cpp)
int run_analyse(const Args& args);     // corpus analysis (cmd_analyse.cpp)
int run_anonymise(const Args& args);   // anonymiser (cmd_anonymise.cpp)
int run_report(const Args& args);      // session report (cmd_report.cpp)
int run_practice(const Args& args);    // practice conversation with a simulated client (cmd_practice.cpp)

}  // namespace coach::cli
