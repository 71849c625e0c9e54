// Reading transcripts and writing reports: every problem names its file (and line).
#pragma once

#include <coach/types.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coach::report {

// How messages name a path: "<stdin>" for "-".
std::string display_name(const std::string& path);

// The whole of file `path` ("-" reads stdin). On failure returns false and sets `error` to
// "PATH: cannot open file" (or "is a folder").
bool read_input(const std::string& path, std::string& text, std::string& error);

struct LoadedTranscript {
  std::string name;  // display_name(path)
  std::vector<Message> messages;
  std::vector<std::string> errors;  // "PATH:LINE: error: ..." or "PATH: cannot open file"
};

// Reads and parses a transcript (JSON array of messages or the study's chat format).
LoadedTranscript load_transcript(const std::string& path, Channel channel);

// Writes `content` to a temporary file beside `path`, then renames it over `path`: a reader never
// sees half a report. "-" writes stdout. Returns "" or the error ("PATH: cannot write: ...").
std::string write_output(const std::string& path, std::string_view content);

}  // namespace coach::report
