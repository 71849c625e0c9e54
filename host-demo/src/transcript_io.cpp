#include "transcript_io.hpp"

#include <coach/transcript.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>

namespace coach::demo {

namespace {

using nlohmann::json;

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ParseRole(const std::string& text, coach_role& role) {
  const std::string r = Lower(text);
  if (r == "counsellor" || r == "counselor") {
    role = COACH_ROLE_COUNSELLOR;
    return true;
  }
  if (r == "client") {
    role = COACH_ROLE_CLIENT;
    return true;
  }
  return false;
}

bool ParseChannel(const json& j, coach_channel& channel) {
  if (!j.is_string()) return false;
  const std::string c = j.get<std::string>();
  if (c == "chat") channel = COACH_CHANNEL_CHAT;
  else if (c == "email" || c == "e-mail") channel = COACH_CHANNEL_EMAIL;
  else return false;
  return true;
}

bool ParseMessage(const json& j, std::size_t index, ChatMessage& m, std::string& error,
                  coach_channel default_channel) {
  const std::string where = "message " + std::to_string(index + 1) + ": ";
  if (!j.is_object()) {
    error = where + "not an object";
    return false;
  }
  auto role = j.find("role");
  if (role == j.end() || !role->is_string() || !ParseRole(role->get<std::string>(), m.role)) {
    error = where + "\"role\" must be \"counsellor\" or \"client\"";
    return false;
  }
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    error = where + "\"text\" is missing";
    return false;
  }
  m.text = text->get<std::string>();
  m.channel = default_channel;
  if (auto c = j.find("channel"); c != j.end() && !ParseChannel(*c, m.channel)) {
    error = where + "\"channel\" must be \"chat\" or \"email\"";
    return false;
  }
  if (auto t = j.find("time"); t != j.end() && t->is_string()) m.time = t->get<std::string>();
  if (auto id = j.find("id"); id != j.end() && id->is_string()) m.id = id->get<std::string>();
  if (m.id.empty()) m.id = "m" + std::to_string(index + 1);
  return true;
}

bool ParseJson(const std::string& content, json& out, std::string& error) {
  try {
    out = json::parse(content);
    return true;
  } catch (const json::parse_error& e) {
    error = std::string("not valid JSON: ") + e.what();
    return false;
  }
}

coach_channel MainChannel(const std::vector<ChatMessage>& messages) {
  std::size_t email = 0;
  for (const auto& m : messages) email += m.channel == COACH_CHANNEL_EMAIL ? 1 : 0;
  return email * 2 > messages.size() ? COACH_CHANNEL_EMAIL : COACH_CHANNEL_CHAT;
}

}  // namespace

bool ParseConversationJson(const std::string& content, Conversation& out, std::string& error) {
  json j;
  if (!ParseJson(content, j, error)) return false;
  coach_channel channel = COACH_CHANNEL_CHAT;
  const json* list = &j;
  if (j.is_object()) {
    if (auto c = j.find("channel"); c != j.end() && !ParseChannel(*c, channel)) {
      error = "\"channel\" must be \"chat\" or \"email\"";
      return false;
    }
    auto m = j.find("messages");
    if (m == j.end()) {
      error = "expected an array of messages or an object with \"messages\"";
      return false;
    }
    list = &*m;
  }
  if (!list->is_array()) {
    error = "expected an array of messages";
    return false;
  }
  Conversation conv;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ChatMessage m;
    if (!ParseMessage((*list)[i], i, m, error, channel)) return false;
    conv.messages.push_back(std::move(m));
  }
  conv.channel = MainChannel(conv.messages);
  out = std::move(conv);
  return true;
}

bool ParseStudyChat(const std::string& content, Conversation& out, std::string& error) {
  // The engine reads the study's chat format; the demo only takes the result over.
  std::vector<coach::TranscriptProblem> problems;
  const std::vector<coach::Message> messages = coach::parse_transcript(content, problems);
  if (!problems.empty()) {
    error = "line " + std::to_string(problems.front().line) + ": " + problems.front().message;
    return false;
  }
  if (messages.empty()) {
    error = "no messages found";
    return false;
  }
  Conversation conv;
  for (const coach::Message& m : messages)
    conv.messages.push_back({m.id, m.role == coach::Role::client ? COACH_ROLE_CLIENT : COACH_ROLE_COUNSELLOR,
                             COACH_CHANNEL_CHAT, m.text, m.time});
  conv.channel = COACH_CHANNEL_CHAT;
  out = std::move(conv);
  return true;
}

bool ParseConversation(const std::string& content, Conversation& out, std::string& error) {
  const std::string t = Trim(content.rfind("\xEF\xBB\xBF", 0) == 0 ? content.substr(3) : content);
  if (!t.empty() && (t[0] == '[' || t[0] == '{')) return ParseConversationJson(t, out, error);
  return ParseStudyChat(content, out, error);
}

bool ParseScript(const std::string& content, ClientScript& out, std::string& error) {
  json j;
  if (!ParseJson(content, j, error)) return false;
  ClientScript s;
  const json* turns = &j;
  if (j.is_object()) {
    if (auto t = j.find("title"); t != j.end() && t->is_string()) s.title = *t;
    if (auto l = j.find("locale"); l != j.end() && l->is_string()) s.locale = *l;
    if (auto c = j.find("channel"); c != j.end() && !ParseChannel(*c, s.channel)) {
      error = "\"channel\" must be \"chat\" or \"email\"";
      return false;
    }
    if (auto o = j.find("opening"); o != j.end()) {
      if (!o->is_array()) {
        error = "\"opening\" must be an array of messages";
        return false;
      }
      for (std::size_t i = 0; i < o->size(); ++i) {
        json msg = (*o)[i];
        if (msg.is_string()) msg = json{{"role", "client"}, {"text", msg}};
        if (msg.is_object() && !msg.contains("role")) msg["role"] = "client";
        ChatMessage m;
        if (!ParseMessage(msg, i, m, error, s.channel)) {
          error = "opening " + error;
          return false;
        }
        s.opening.push_back(std::move(m));
      }
    }
    auto t = j.find("turns");
    if (t == j.end()) {
      error = "\"turns\" is missing";
      return false;
    }
    turns = &*t;
  }
  if (!turns->is_array()) {
    error = "\"turns\" must be an array";
    return false;
  }
  for (std::size_t i = 0; i < turns->size(); ++i) {
    const json& t = (*turns)[i];
    ScriptTurn turn;
    if (t.is_string()) {
      turn.text = t.get<std::string>();
    } else if (t.is_object() && t.contains("text") && t["text"].is_string()) {
      turn.text = t["text"].get<std::string>();
      if (auto d = t.find("delay_ms"); d != t.end()) {
        if (!d->is_number_integer() || d->get<long long>() < 0 || d->get<long long>() > 600000) {
          error = "turn " + std::to_string(i + 1) + ": \"delay_ms\" must be 0..600000";
          return false;
        }
        turn.delay_ms = d->get<int>();
      }
    } else {
      error = "turn " + std::to_string(i + 1) + ": expected a string or {\"text\": ...}";
      return false;
    }
    s.turns.push_back(std::move(turn));
  }
  if (s.opening.empty() && s.turns.empty()) {
    error = "the script has no turns";
    return false;
  }
  out = std::move(s);
  return true;
}

bool ReadFile(const std::string& path, std::string& content, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  content = ss.str();
  return true;
}

namespace {
// Reads `path` and parses it with `parse`; errors are prefixed with the file name.
template <typename Parsed, typename Parse>
bool LoadWith(const std::string& path, Parsed& out, std::string& error, Parse parse) {
  std::string content;
  if (!ReadFile(path, content, error)) return false;
  if (!parse(content, out, error)) {
    error = path + ": " + error;
    return false;
  }
  return true;
}
}  // namespace

bool LoadConversation(const std::string& path, Conversation& out, std::string& error) {
  return LoadWith(path, out, error, [](const std::string& c, Conversation& o, std::string& e) { return ParseConversation(c, o, e); });
}

bool LoadScript(const std::string& path, ClientScript& out, std::string& error) {
  return LoadWith(path, out, error, [](const std::string& c, ClientScript& o, std::string& e) { return ParseScript(c, o, e); });
}

std::string DisplayTime(const std::string& time) {
  static const std::regex clock(R"((?:^|[T ])(\d{1,2}):(\d{2}))");
  std::smatch m;
  if (std::regex_search(time, m, clock)) {
    std::string h = m[1].str();
    if (h.size() == 1) h = "0" + h;
    return h + ":" + m[2].str();
  }
  return time;
}

std::string DisplayDateTime(const std::string& time) {
  static const std::regex date(R"(^(\d{4}-\d{2}-\d{2})[T ])");
  std::smatch m;
  if (std::regex_search(time, m, date)) return m[1].str() + " " + DisplayTime(time);
  return DisplayTime(time);
}

}  // namespace coach::demo
