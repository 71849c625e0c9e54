#include "options.hpp"

#include <algorithm>
#include <functional>
#include <iostream>

namespace coach::cli {

std::optional<CommonOptions> parse_common(const Args& args, const char* command,
                                          const std::vector<std::string>& extra_flags,
                                          const std::vector<std::string>& extra_valued) {
  CommonOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        std::cerr << "coach " << command << ": " << name << " needs a value\n";
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "-h" || a == "--help") { o.help = true; continue; }
    if (a == "--locale" || a == "--rules" || a == "--locales" || a == "--dict") {
      const auto v = value(a.c_str());
      if (!v) return std::nullopt;
      if (a == "--locale") o.engine.locale = *v;
      else if (a == "--rules") o.engine.rules_dir = *v;
      else if (a == "--locales") o.engine.locales_dir = *v;
      else o.engine.dict_dir = *v;
      continue;
    }
    if (std::find(extra_flags.begin(), extra_flags.end(), a) != extra_flags.end()) { o.positional.push_back(a); continue; }
    if (std::find(extra_valued.begin(), extra_valued.end(), a) != extra_valued.end()) {
      const auto v = value(a.c_str());
      if (!v) return std::nullopt;
      o.positional.push_back(a);
      o.positional.push_back(*v);
      continue;
    }
    if (a.size() > 1 && a[0] == '-') {
      std::cerr << "coach " << command << ": unknown option '" << a << "' (see coach " << command << " --help)\n";
      return std::nullopt;
    }
    o.positional.push_back(a);
  }
  return o;
}

std::shared_ptr<const Engine> make_engine(const EngineOptions& options, const char* command) {
  try {
    return Engine::create(options);
  } catch (const Error& e) {
    std::cerr << "coach " << command << ": " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "coach " << command << ": internal error: " << e.what() << "\n";
  }
  return nullptr;
}

int print_help(const char* text) {
  std::cout << text;
  return 0;
}

void for_each_stdin_line(const std::function<void(const std::string&, int)>& on_line) {
  std::string line;
  int number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    on_line(line, number);
  }
}

}  // namespace coach::cli
