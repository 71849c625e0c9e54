#include <coach/transcript.hpp>

#include <coach/json_source.hpp>
#include <coach/utf8.hpp>

#include "text/fold.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

namespace coach {

Message message_from_json(const nlohmann::json& v, Channel default_channel) {
  auto bad = [](const std::string& what) { throw Error(Error::Code::invalid_argument, what); };
  if (!v.is_object()) bad("a message must be a JSON object");
  Message m;
  m.channel = default_channel;
  if (const auto it = v.find("id"); it != v.end()) {
    if (it->is_string()) m.id = it->get<std::string>();
    else if (it->is_number_integer()) m.id = std::to_string(it->get<long long>());
    else bad("'id' must be a string or a number");
  }
  const auto role = v.find("role");
  if (role == v.end()) bad("missing 'role' (counsellor or client)");
  if (!role->is_string()) bad("'role' must be a string");
  const auto parsed_role = parse_role(role->get<std::string>());
  if (!parsed_role) bad("unknown role \"" + role->get<std::string>() + "\" (expected counsellor or client)");
  m.role = *parsed_role;
  if (const auto it = v.find("channel"); it != v.end() && !it->is_null()) {
    if (!it->is_string() || !parse_channel(it->get<std::string>()))
      bad("'channel' must be \"chat\" or \"email\"");
    m.channel = *parse_channel(it->get<std::string>());
  }
  const auto text = v.find("text");
  if (text == v.end()) bad("missing 'text'");
  if (!text->is_string()) bad("'text' must be a string");
  m.text = text->get<std::string>();
  if (m.text.size() > kMaxMessageBytes)
    bad("text is " + std::to_string(m.text.size()) + " bytes; the limit is " + std::to_string(kMaxMessageBytes));
  if (const auto at = utf8::first_invalid(m.text))
    throw Error(Error::Code::invalid_utf8, "invalid UTF-8 in 'text' at byte " + std::to_string(*at));
  if (const auto it = v.find("time"); it != v.end() && !it->is_null()) {
    if (!it->is_string()) bad("'time' must be a string such as \"19:18\"");
    m.time = it->get<std::string>();
  }
  return m;
}

namespace {

// "Online hulpverlener (19:18): text", "Hulpvrager (19:19): text", "Counsellor (10:02): text".
const std::regex& chat_line() {
  static const std::regex re(std::string(R"(^\s*()") + kSpeakerLabels + R"()\s*(?:\(([^)]*)\))?\s*:\s?(.*)$)",
                             std::regex::icase | std::regex::optimize);
  return re;
}

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// "9.05" -> "9:05": chat exports write clock times both ways.
std::string clock_time(std::string time) {
  static const std::regex dotted(R"(\d{1,2}\.\d{2}(\.\d{2})?)");
  if (std::regex_match(time, dotted)) std::replace(time.begin(), time.end(), '.', ':');
  return time;
}

}  // namespace

std::vector<Message> parse_transcript(std::string_view text, std::vector<TranscriptProblem>& problems, Channel channel) {
  std::vector<Message> out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  if (const auto bad = utf8::first_invalid(text)) {
    const SourcePosition p = position_of(std::string(text), *bad);
    problems.push_back({p.line, "invalid UTF-8 at column " + std::to_string(p.column)});
    return out;
  }
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    problems.push_back({1, "empty transcript"});
    return out;
  }
  if (text[first] == '[') {
    nlohmann::json array;
    try {
      array = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      const SourcePosition p = position_of(std::string(text), e.byte > 0 ? e.byte - 1 : 0);
      problems.push_back({p.line, "invalid JSON at column " + std::to_string(p.column)});
      return out;
    }
    const std::string whole(text);
    for (std::size_t i = 0; i < array.size(); ++i) {
      try {
        out.push_back(message_from_json(array[i], channel));
        if (out.back().id.empty()) out.back().id = "m" + std::to_string(i + 1);
      } catch (const Error& e) {
        problems.push_back({0, "message " + std::to_string(i + 1) + ": " + e.what()});
      }
    }
    return out;
  }
  int line_no = 0;
  std::size_t pos = 0;
  bool paragraph_break = false;  // a blank line inside a message is kept as a paragraph break
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string line(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, chat_line())) {
      Message msg;
      const std::string who = text::ascii_lower(m[1].str());
      msg.role = (who == "hulpvrager" || who == "client") ? Role::client : Role::counsellor;
      msg.time = clock_time(trimmed(m[2].str()));
      msg.text = trimmed(m[3].str());
      msg.channel = channel;
      msg.id = "m" + std::to_string(out.size() + 1);
      out.push_back(std::move(msg));
      paragraph_break = false;
    } else if (trimmed(line).empty()) {
      paragraph_break = !out.empty() && !out.back().text.empty();
    } else if (!out.empty()) {
      std::string& previous = out.back().text;
      previous += (previous.empty() ? "" : paragraph_break ? "\n\n" : " ") + trimmed(line);
      paragraph_break = false;
    } else {
      problems.push_back({line_no, "expected a speaker such as \"Hulpvrager (19:19):\" before the first text"});
    }
  }
  return out;
}

}  // namespace coach
