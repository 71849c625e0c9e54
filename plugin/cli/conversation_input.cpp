#include "conversation_input.hpp"

#include <coach/transcript.hpp>

namespace coach::cli {

Session session_from_json(const std::shared_ptr<const Engine>& engine, const nlohmann::json& c) {
  auto bad = [](const std::string& what) { throw Error(Error::Code::invalid_argument, what); };
  if (!c.is_object()) bad("a conversation must be a JSON object with \"messages\" and \"draft\"");
  Channel channel = Channel::chat;
  if (const auto it = c.find("channel"); it != c.end()) {
    if (!it->is_string() || !parse_channel(it->get<std::string>())) bad("'channel' must be \"chat\" or \"email\"");
    channel = *parse_channel(it->get<std::string>());
  }
  Session session(engine, channel);
  if (const auto it = c.find("messages"); it != c.end()) {
    if (!it->is_array()) bad("'messages' must be a list of messages");
    for (std::size_t i = 0; i < it->size(); ++i) {
      try {
        session.add_message(message_from_json((*it)[i], channel));
      } catch (const Error& e) {
        throw Error(e.code(), "messages[" + std::to_string(i) + "]: " + e.what());
      }
    }
  }
  if (const auto it = c.find("draft"); it != c.end() && !it->is_null()) {
    if (!it->is_string()) bad("'draft' must be a string");
    session.set_draft(it->get<std::string>());
  }
  return session;
}

}  // namespace coach::cli
