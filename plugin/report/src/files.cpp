#include <coach/report/files.hpp>

#include <coach/transcript.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace coach::report {

std::string display_name(const std::string& path) {
  if (path == "-") return "<stdin>";
  return path;
}

bool read_input(const std::string& path, std::string& text, std::string& error) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    text = buffer.str();
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = path + ": is a folder, not a file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open file";
    return false;
  }
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

LoadedTranscript load_transcript(const std::string& path, Channel channel) {
  LoadedTranscript t;
  t.name = display_name(path);
  std::string text, error;
  if (!read_input(path, text, error)) {
    t.errors.push_back(error);
    return t;
  }
  std::vector<TranscriptProblem> problems;
  t.messages = parse_transcript(text, problems, channel);
  for (const auto& p : problems) {
    std::string error = t.name;
    if (p.line > 0) {
      error += ':';
      error += std::to_string(p.line);
    }
    t.errors.push_back(error + ": error: " + p.message);
  }
  return t;
}

std::string write_output(const std::string& path, std::string_view content) {
  if (path == "-") {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    return std::cout ? "" : "<stdout>: cannot write";
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::string temp_name = ".";
  temp_name += target.filename().string() + ".tmp" + std::to_string(::getpid());
  const fs::path temp = target.parent_path() / temp_name;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": cannot write: " + std::strerror(errno);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return path + ": cannot write: disk full or file system error";
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return path + ": cannot write: " + ec.message();
  }
  return "";
}

}  // namespace coach::report
