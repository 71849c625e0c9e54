// The study's anonymisation placeholders (STUDY.md): the anonymiser writes them, and text
// measures do not count them as words in capitals.
#pragma once

#include <string_view>

namespace coach::report {

inline constexpr std::string_view kNamePlaceholder = "NAAM";
inline constexpr std::string_view kPlacePlaceholder = "PLAATS";
inline constexpr std::string_view kPhonePlaceholder = "TELEFOON";
inline constexpr std::string_view kEmailPlaceholder = "EMAIL";
inline constexpr std::string_view kPostcodePlaceholder = "POSTCODE";
inline constexpr std::string_view kUrlPlaceholder = "URL";

// True for a placeholder word as transcripts write them (NAAM, PLAATS, E-MAIL's MAIL, MO of
// "[MO INSTELLING 1]", ...).
inline bool is_placeholder_word(std::string_view word) {
  for (std::string_view p : {"NAAM", "PLAATS", "TELEFOON", "EMAIL", "MAIL", "POSTCODE", "URL", "ADRES",
                             "INSTELLING", "DATUM", "LEEFTIJD", "SCHOOL", "WEBSITE", "MO"})
    if (word == p) return true;
  return false;
}

}  // namespace coach::report
