#include "rules/json_reader.hpp"

namespace coach::rules {

std::string Diagnostic::to_string() const {
  if (file.empty()) return message;  // already a complete "file:line:column: error: ..." text
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += warning ? ": warning: " : ": error: ";
  if (!rule_id.empty()) out += "rule " + rule_id + ": ";
  return out + message;
}

void JsonReader::error(const std::string& pointer, const std::string& message, std::size_t extra_columns) {
  const SourcePosition p = source_.position(pointer);
  diagnostics_.push_back({source_.name(), p.line, p.column + static_cast<int>(extra_columns), rule_id_, message, false});
  ++errors_;
}

void JsonReader::check_keys(const nlohmann::json& object, const std::string& pointer,
                            std::initializer_list<const char*> allowed) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool ok = false;
    for (const char* a : allowed) ok |= it.key() == a;
    if (ok) continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error(pointer + "/" + it.key(), "unknown key '" + it.key() + "' (allowed: " + list + ")");
  }
}

std::optional<std::string> JsonReader::string(const nlohmann::json& object, const std::string& pointer,
                                              const char* key, bool required) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) error(pointer, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!it->is_string()) {
    error(pointer + "/" + key, std::string("'") + key + "' must be a string");
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<std::vector<std::string>> JsonReader::string_list(const nlohmann::json& object,
                                                                const std::string& pointer, const char* key,
                                                                bool required, bool non_empty) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) error(pointer, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  const std::string here = pointer + "/" + key;
  if (!it->is_array()) {
    error(here, std::string("'") + key + "' must be a list of strings");
    return std::nullopt;
  }
  if (non_empty && it->empty()) {
    error(here, std::string("'") + key + "' must not be empty");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) {
      error(here + "/" + std::to_string(i), std::string("'") + key + "' must contain only strings");
      return std::nullopt;
    }
    out.push_back((*it)[i].get<std::string>());
  }
  return out;
}

std::optional<int> JsonReader::integer(const nlohmann::json& object, const std::string& pointer,
                                       const char* key, int min, int max) {
  const auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max) {
    error(pointer + "/" + key, std::string("'") + key + "' must be a whole number from " +
                                   std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(it->get<long long>());
}

std::optional<std::string> JsonReader::one_of(const nlohmann::json& object, const std::string& pointer,
                                              const char* key, std::initializer_list<const char*> allowed,
                                              bool required) {
  auto value = string(object, pointer, key, required);
  if (!value) return std::nullopt;
  for (const char* a : allowed)
    if (*value == a) return value;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  error(pointer + "/" + key, std::string("'") + key + "' must be one of [" + list + "], not '" + *value + "'");
  return std::nullopt;
}

std::optional<std::vector<std::string>> JsonReader::practices(const nlohmann::json& object,
                                                              const std::string& pointer, const char* key) {
  auto list = string_list(object, pointer, key, false);
  if (!list) return std::nullopt;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (!is_known_practice((*list)[i])) {
      error(pointer + "/" + key + "/" + std::to_string(i), "unknown practice '" + (*list)[i] + "'");
      return std::nullopt;
    }
  }
  return list;
}

}  // namespace coach::rules
