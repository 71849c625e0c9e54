// Practice and topic sets as bit masks: conversation state is counted per bit, cheaply.
#pragma once

#include "rules/rule_set.hpp"

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace coach::analysis {

using PracticeMask = std::uint32_t;
using TopicMask = std::uint64_t;

// Bit of a known practice id (rules::known_practices order); -1 when unknown.
int practice_bit(std::string_view id);
PracticeMask mask_of(const std::vector<std::string>& practices);
std::vector<std::string> practices_in(PracticeMask mask);

template <typename Mask, typename F>
void for_each_bit(Mask mask, F f) {
  while (mask) {
    const int bit = std::countr_zero(mask);
    f(bit);
    mask &= mask - 1;
  }
}

}  // namespace coach::analysis
