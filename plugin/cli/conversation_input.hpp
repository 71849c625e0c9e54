// Builds a Session from a conversation object {"channel", "messages", "draft"} (CONTRACT.md).
#pragma once

#include <coach/engine.hpp>
#include <nlohmann/json.hpp>

namespace coach::cli {

// Throws coach::Error naming the message index and field when the input is not valid.
Session session_from_json(const std::shared_ptr<const Engine>& engine, const nlohmann::json& conversation);

}  // namespace coach::cli
