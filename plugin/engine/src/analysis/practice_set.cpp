#include "analysis/practice_set.hpp"

#include <algorithm>

namespace coach::analysis {

int practice_bit(std::string_view id) {
  const auto& all = rules::known_practices();
  const auto it = std::find(all.begin(), all.end(), id);
  return it == all.end() ? -1 : static_cast<int>(it - all.begin());
}

PracticeMask mask_of(const std::vector<std::string>& practices) {
  PracticeMask m = 0;
  for (const auto& p : practices)
    if (const int bit = practice_bit(p); bit >= 0) m |= PracticeMask(1) << bit;
  return m;
}

std::vector<std::string> practices_in(PracticeMask mask) {
  std::vector<std::string> out;
  for_each_bit(mask, [&](int bit) { out.push_back(rules::known_practices()[static_cast<std::size_t>(bit)]); });
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace coach::analysis
