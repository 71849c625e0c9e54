// Reading conversations and client scripts for the demo host.
//
// A conversation is a JSON array of CONTRACT.md messages (or an object with "messages" and an
// optional "channel"), or the study's plain-text chat format:
//
//     Online hulpverlener (19:18): Als ik het goed heb begrepen ben je met verschillende
//     dingen bezig. Klopt dat?
//     Hulpvrager (19:19): ja best veel eigenlijk
//
// where lines that do not start with a speaker continue the message before them.
#pragma once

#include <coach.h>

#include <string>
#include <vector>

namespace coach::demo {

struct ChatMessage {
  std::string id;
  coach_role role = COACH_ROLE_CLIENT;
  coach_channel channel = COACH_CHANNEL_CHAT;
  std::string text;
  std::string time;  // "19:18", ISO 8601 or empty
};

struct Conversation {
  std::vector<ChatMessage> messages;
  coach_channel channel = COACH_CHANNEL_CHAT;  // the channel most messages use
};

// A scripted client: `opening` messages appear when the script starts; after that each
// counsellor message is answered by the next turn, after `delay_ms`.
struct ScriptTurn {
  std::string text;
  int delay_ms = 1500;
};
struct ClientScript {
  std::string title;
  std::string locale;  // "nl" or "en"; empty: any
  coach_channel channel = COACH_CHANNEL_CHAT;
  std::vector<ChatMessage> opening;
  std::vector<ScriptTurn> turns;
};

// Each parser returns false and sets `error` ("line 3: ...") when the input cannot be read.
bool ParseConversation(const std::string& content, Conversation& out, std::string& error);
bool ParseConversationJson(const std::string& content, Conversation& out, std::string& error);
bool ParseStudyChat(const std::string& content, Conversation& out, std::string& error);
bool ParseScript(const std::string& content, ClientScript& out, std::string& error);

bool ReadFile(const std::string& path, std::string& content, std::string& error);
bool LoadConversation(const std::string& path, Conversation& out, std::string& error);
bool LoadScript(const std::string& path, ClientScript& out, std::string& error);

// "19:18" for "19:18", "2015-03-02T19:18:00" and "2015-03-02 19:18"; the input otherwise.
std::string DisplayTime(const std::string& time);
// "2015-03-05 21:30" for ISO 8601 times with a date; DisplayTime otherwise.
std::string DisplayDateTime(const std::string& time);

}  // namespace coach::demo
