#include <coach/json_source.hpp>

#include <coach/utf8.hpp>

#include <coach/types.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace coach {
namespace {

// Records the byte offset of every value by JSON pointer. Runs only on text nlohmann accepted.
class OffsetScanner {
 public:
  OffsetScanner(const std::string& text, std::unordered_map<std::string, std::size_t>& out)
      : text_(text), out_(out) {}

  void run() { value(""); }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) ++pos_;
  }

  std::string string_token() {
    std::string s;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) { s += text_[pos_ + 1]; pos_ += 2; continue; }
      s += text_[pos_++];
    }
    ++pos_;
    return s;
  }

  static std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }

  void value(const std::string& pointer) {
    skip_space();
    if (pos_ >= text_.size()) return;
    out_[pointer] = pos_;
    const char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '}') { ++pos_; return; }
      while (pos_ < text_.size()) {
        skip_space();
        const std::string key = string_token();
        skip_space();
        ++pos_;  // colon
        value(pointer + "/" + escape_pointer(key));
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
        ++pos_;  // closing brace
        return;
      }
    } else if (c == '[') {
      ++pos_;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ']') { ++pos_; return; }
      for (std::size_t index = 0; pos_ < text_.size(); ++index) {
        value(pointer + "/" + std::to_string(index));
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
        ++pos_;
        return;
      }
    } else if (c == '"') {
      string_token();
    } else {
      while (pos_ < text_.size() && std::string_view(",]} \n\r\t").find(text_[pos_]) == std::string_view::npos) ++pos_;
    }
  }

  const std::string& text_;
  std::unordered_map<std::string, std::size_t>& out_;
  std::size_t pos_ = 0;
};

Error::Code family_code(const char* family) {
  return std::string_view(family) == "locale" ? Error::Code::locale : Error::Code::rules;
}

}  // namespace

SourcePosition position_of(const std::string& text, std::size_t offset) {
  SourcePosition p;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++p.line; p.column = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++p.column;
  }
  return p;
}

JsonSource JsonSource::from_file(const std::string& path, const char* family) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Code::io, path + ": error: cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return from_text(buffer.str(), path, family);
}

JsonSource JsonSource::from_text(std::string text, std::string name, const char* family) {
  JsonSource source;
  source.name_ = std::move(name);
  source.text_ = std::move(text);
  if (const auto bad = utf8::first_invalid(source.text_)) {
    const SourcePosition p = position_of(source.text_, *bad);
    throw Error(family_code(family), source.name_ + ":" + std::to_string(p.line) + ":" +
                                         std::to_string(p.column) + ": error: invalid UTF-8");
  }
  try {
    source.root_ = nlohmann::json::parse(source.text_);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const SourcePosition p = position_of(source.text_, offset);
    std::string what = e.what();
    // Keep nlohmann's explanation, drop its own position prefix.
    const std::size_t colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw Error(family_code(family), source.name_ + ":" + std::to_string(p.line) + ":" +
                                         std::to_string(p.column) + ": error: invalid JSON: " + what);
  }
  OffsetScanner(source.text_, source.offsets_).run();
  source.line_starts_.push_back(0);
  for (std::size_t i = 0; i < source.text_.size(); ++i)
    if (source.text_[i] == '\n') source.line_starts_.push_back(i + 1);
  return source;
}

SourcePosition JsonSource::position(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    const auto it = offsets_.find(p);
    if (it != offsets_.end()) {
      // Every example and rule asks for its place: find the line by binary search, not by
      // scanning the file from the top each time.
      const std::size_t offset = it->second;
      const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
      SourcePosition pos;
      pos.line = static_cast<int>(line - line_starts_.begin()) + 1;
      for (std::size_t i = *line; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++pos.column;
      return pos;
    }
    const std::size_t slash = p.rfind('/');
    if (slash == std::string::npos) return {};
    p = p.substr(0, slash);
  }
}

std::string JsonSource::where(const std::string& pointer) const {
  const SourcePosition p = position(pointer);
  return name_ + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace coach
