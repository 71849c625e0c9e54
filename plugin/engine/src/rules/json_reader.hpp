// Typed, position-aware reading of a rule or locale file: every problem becomes a Diagnostic
// naming file, line, column and rule, and reading goes on so a trainer sees all problems at once.
#pragma once

#include "rules/rule_set.hpp"
#include <coach/json_source.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace coach::rules {

class JsonReader {
 public:
  JsonReader(const JsonSource& source, std::vector<Diagnostic>& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  void set_rule(std::string rule_id) { rule_id_ = std::move(rule_id); }
  void error(const std::string& pointer, const std::string& message, std::size_t extra_columns = 0);
  int error_count() const { return errors_; }

  // Reports keys of the object at `pointer` that are not in `allowed`.
  void check_keys(const nlohmann::json& object, const std::string& pointer,
                  std::initializer_list<const char*> allowed);

  std::optional<std::string> string(const nlohmann::json& object, const std::string& pointer,
                                    const char* key, bool required);
  std::optional<std::vector<std::string>> string_list(const nlohmann::json& object, const std::string& pointer,
                                                      const char* key, bool required, bool non_empty = true);
  std::optional<int> integer(const nlohmann::json& object, const std::string& pointer, const char* key,
                             int min, int max);
  // A string that must be one of `allowed`.
  std::optional<std::string> one_of(const nlohmann::json& object, const std::string& pointer, const char* key,
                                    std::initializer_list<const char*> allowed, bool required);
  // A list of practice ids; unknown ids are errors.
  std::optional<std::vector<std::string>> practices(const nlohmann::json& object, const std::string& pointer,
                                                    const char* key);

  const JsonSource& source() const { return source_; }

 private:
  const JsonSource& source_;
  std::vector<Diagnostic>& diagnostics_;
  std::string rule_id_;
  int errors_ = 0;
};

}  // namespace coach::rules
