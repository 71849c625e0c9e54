// What `coach analyse` and `coach report` write. Texts for people are Dutch for locale "nl" and
// English otherwise. HTML pages are self-contained (inline style and SVG, no scripts, nothing
// fetched) and printable; every text from a transcript is HTML-escaped.
#pragma once

#include <coach/report/coding.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coach::report {

// Corpus analysis (coach analyse).
// The study's table as plain text for a terminal.
std::string corpus_text(const Aggregate& aggregate, std::string_view locale);
// One row per conversation, with a header row (RFC 4180 quoting).
std::string corpus_csv(const std::vector<ConversationCoding>& conversations);
// {"aggregate": {...}, "conversations": [...]}: everything, never message text.
nlohmann::json corpus_json(const std::vector<ConversationCoding>& conversations, const Aggregate& aggregate,
                           std::string_view locale);
std::string corpus_html(const std::vector<ConversationCoding>& conversations, const Aggregate& aggregate,
                        std::string_view locale);

// Session report (coach report): one conversation compared with the study's baselines.
// `messages` are the messages `coding` was made from; their text appears in the report.
nlohmann::json session_json(const ConversationCoding& coding, const std::vector<Message>& messages,
                            std::string_view locale);
std::string session_html(const ConversationCoding& coding, const std::vector<Message>& messages,
                         std::string_view locale);

}  // namespace coach::report
