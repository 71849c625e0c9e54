// Small pieces for self-contained HTML reports: escaping, number formatting, the shared style
// (screen and print) and inline SVG. No scripts, no external resources.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace coach::report::html {

// Escapes & < > " ' for text and attribute values.
std::string escape(std::string_view text);

// "40%" from 0.4; "–" for nullopt.
std::string percent(std::optional<double> share);
// A number with `decimals` digits after the point; "–" for nullopt.
std::string number(std::optional<double> value, int decimals = 0);
// "45 s", "3.5 min", "2.1 h", "3.0 days" ("dagen" in nl); "–" for nullopt.
std::string duration(std::optional<double> seconds, std::string_view locale);

// A whole page: <!DOCTYPE html>, UTF-8, the report style, `body` as is.
std::string page(std::string_view lang, std::string_view title, std::string_view body);

// An <svg> opening tag with a view box, scaled to the width of its container, and a title.
std::string svg_open(double width, double height, std::string_view title);

// SVG <text>, escaped. anchor: start, middle, end.
std::string svg_text(double x, double y, std::string_view text, std::string_view css_class = "",
                     std::string_view anchor = "start");

}  // namespace coach::report::html
