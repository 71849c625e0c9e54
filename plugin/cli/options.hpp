// Options shared by the sub-commands: --locale, --rules, --locales, --dict.
#pragma once

#include "commands.hpp"

#include <coach/engine.hpp>

#include <memory>
#include <functional>
#include <optional>
#include <string>

namespace coach::cli {

struct CommonOptions {
  EngineOptions engine;
  std::vector<std::string> positional;
  bool help = false;
};

// Parses common options; an unknown option is an error printed to stderr (returns nullopt).
// `extra_flags` are command-specific flags without a value, kept in positional as-is.
std::optional<CommonOptions> parse_common(const Args& args, const char* command,
                                          const std::vector<std::string>& extra_flags = {},
                                          const std::vector<std::string>& extra_valued = {});

// Creates the engine or prints the error and returns null (exit status 2 follows).
std::shared_ptr<const Engine> make_engine(const EngineOptions& options, const char* command);

// Prints `text` as the command's help.
int print_help(const char* text);

// Reads lines from stdin (any line ending), calling `on_line(line, number)`.
void for_each_stdin_line(const std::function<void(const std::string&, int)>& on_line);

}  // namespace coach::cli
