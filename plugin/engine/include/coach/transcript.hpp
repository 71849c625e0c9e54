// Messages and transcripts from JSON (CONTRACT.md) or the study's plain-text chat format.
#pragma once

#include <coach/types.hpp>
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coach {

constexpr std::size_t kMaxMessageBytes = 2 * 1024 * 1024;

// A CONTRACT.md message. Throws Error(invalid_argument / invalid_utf8) naming the field.
Message message_from_json(const nlohmann::json& value, Channel default_channel = Channel::chat);

struct TranscriptProblem {
  int line = 0;  // 1-based line of the transcript text
  std::string message;
};

// The speaker labels of chat lines, as a regex alternation (lower case; match case-insensitively):
// "Online hulpverlener" and "Hulpverlener" (the study's counsellor), "Hulpvrager" (its client),
// and the English "(Online) counsellor"/"counselor" and "Client". Tools that must recognise the same lines
// (the anonymiser keeps them intact) use this list.
inline constexpr const char* kSpeakerLabels = "online hulpverlener|hulpverlener|hulpvrager|online counsellor|online counselor|counsellor|counselor|client";

// A JSON array of messages, or chat lines such as "Hulpvrager (19:19): ja" (continuation lines
// belong to the line before; a blank line between them is kept as a paragraph break; "9.05" is
// read as 9:05; a byte order mark is skipped). Problems are collected; the readable messages are returned.
std::vector<Message> parse_transcript(std::string_view text, std::vector<TranscriptProblem>& problems,
                                      Channel channel = Channel::chat);

}  // namespace coach
