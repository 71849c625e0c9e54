// po2mo: compiles a gettext .po catalogue to a .mo file, for builds without msgfmt.
//
//   coach_po2mo INPUT.po OUTPUT.mo
//
// Handles what the project's catalogues use: msgctxt, msgid, msgid_plural, msgstr[n], multi-line
// strings and C escapes. Fuzzy and untranslated entries are left out, as msgfmt does.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Entry {
  std::string ctxt, id, plural;
  std::vector<std::string> str;
  bool fuzzy = false;
  bool has_ctxt = false;
};

bool Unquote(const std::string& s, std::string& out) {
  const auto b = s.find('"');
  const auto e = s.rfind('"');
  if (b == std::string::npos || e == b) return false;
  for (std::size_t i = b + 1; i < e; ++i) {
    char c = s[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= e) return false;
    switch (s[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      default: return false;
    }
  }
  return true;
}

void Put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);  // little endian
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: coach_po2mo INPUT.po OUTPUT.mo\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "coach_po2mo: cannot open " << argv[1] << "\n";
    return 1;
  }
  std::vector<Entry> entries;
  Entry cur;
  std::string* target = nullptr;
  bool started = false;
  auto flush = [&] {
    if (started) entries.push_back(cur);
    cur = Entry{};
    started = false;
    target = nullptr;
  };
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    line = line.substr(first);
    auto fail = [&] {
      std::cerr << argv[1] << ":" << number << ": error: cannot read this line\n";
      return 1;
    };
    if (line.rfind("#,", 0) == 0) {
      if (started && target != nullptr && !cur.str.empty()) flush();
      if (line.find("fuzzy") != std::string::npos) cur.fuzzy = true;
      continue;
    }
    if (line[0] == '#') continue;
    auto starts = [&](const char* key) { return line.rfind(key, 0) == 0; };
    if (starts("msgctxt")) {
      if (!cur.str.empty()) flush();
      started = true;
      cur.has_ctxt = true;
      target = &cur.ctxt;
    } else if (starts("msgid_plural")) {
      target = &cur.plural;
    } else if (starts("msgid")) {
      if (!cur.str.empty()) flush();
      started = true;
      target = &cur.id;
    } else if (starts("msgstr[")) {
      cur.str.emplace_back();
      target = &cur.str.back();
    } else if (starts("msgstr")) {
      cur.str.emplace_back();
      target = &cur.str.back();
    } else if (line[0] != '"') {
      return fail();
    }
    if (!target || !Unquote(line, *target)) return fail();
  }
  flush();

  // Key (context EOT id [NUL plural]) -> translation (forms joined by NUL).
  std::map<std::string, std::string> table;
  for (const Entry& e : entries) {
    const bool header = e.id.empty() && !e.has_ctxt;
    if (e.fuzzy && !header) continue;
    if (std::all_of(e.str.begin(), e.str.end(), [](const std::string& s) { return s.empty(); }))
      continue;
    std::string key = e.has_ctxt ? e.ctxt + '\x04' + e.id : e.id;
    if (!e.plural.empty()) key += std::string(1, '\0') + e.plural;
    std::string value;
    for (std::size_t i = 0; i < e.str.size(); ++i) {
      if (i) value += '\0';
      value += e.str[i];
    }
    table[key] = value;
  }

  // The .mo layout: header, table of originals, table of translations, then the strings.
  const std::uint32_t n = static_cast<std::uint32_t>(table.size());
  const std::uint32_t orig_off = 28, trans_off = orig_off + 8 * n, data_off = trans_off + 8 * n;
  std::string head, origs, trans, data;
  Put32(head, 0x950412de);
  Put32(head, 0);
  Put32(head, n);
  Put32(head, orig_off);
  Put32(head, trans_off);
  Put32(head, 0);  // no hash table
  Put32(head, data_off);
  for (const auto& kv : table) {
    Put32(origs, static_cast<std::uint32_t>(kv.first.size()));
    Put32(origs, data_off + static_cast<std::uint32_t>(data.size()));
    data += kv.first;
    data += '\0';
  }
  for (const auto& kv : table) {
    Put32(trans, static_cast<std::uint32_t>(kv.second.size()));
    Put32(trans, data_off + static_cast<std::uint32_t>(data.size()));
    data += kv.second;
    data += '\0';
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << head << origs << trans << data;
  if (!out) {
    std::cerr << "coach_po2mo: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
