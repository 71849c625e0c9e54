// A JSON file with positions: nlohmann/json does not keep line and column of values, and every
// error in a trainer's file must name its place ("file:line:column"). This parses the text
// once with nlohmann and once with a tiny scanner that records where each value starts. Public
// so the tools built on the engine (anonymiser word lists) name places the same way.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace coach {

struct SourcePosition {
  int line = 1;
  int column = 1;
};

class JsonSource {
 public:
  // Throws coach::Error(rules or io) "file:line:column: error: ..." when unreadable or invalid.
  static JsonSource from_file(const std::string& path, const char* family);
  static JsonSource from_text(std::string text, std::string name, const char* family);

  const nlohmann::json& root() const { return root_; }
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  // Position of the value at a JSON pointer ("/rules/3/id"); falls back to the nearest parent.
  SourcePosition position(const std::string& pointer) const;
  // "file:line:column" of that value.
  std::string where(const std::string& pointer) const;

 private:
  std::string name_;
  std::string text_;
  nlohmann::json root_;
  std::unordered_map<std::string, std::size_t> offsets_;  // pointer -> byte offset of value
  std::vector<std::size_t> line_starts_;                   // byte offset of each line, for positions
};

// "file:line:column" for a byte offset of a text.
SourcePosition position_of(const std::string& text, std::size_t offset);

}  // namespace coach
