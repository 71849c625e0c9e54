#include "html.hpp"

#include <cmath>
#include <cstdio>

namespace coach::report::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string percent(std::optional<double> share) {
  if (!share) return "–";
  return std::to_string(std::lround(*share * 100)) + "%";
}

std::string number(std::optional<double> value, int decimals) {
  if (!value) return "–";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
  return buffer;
}

std::string duration(std::optional<double> seconds, std::string_view locale) {
  if (!seconds) return "–";
  const double s = *seconds;
  if (s < 120) return number(s) + " s";
  if (s < 2 * 3600) return number(s / 60, 1) + " min";
  if (s < 2 * 86400) return number(s / 3600, 1) + " h";
  return number(s / 86400, 1) + (locale == "nl" ? " dagen" : " days");
}

namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --counsellor: #2b6cb0; --client: #c05621;
        --done: #2f855a; --missing: #c53030; --study: #718096; --bg: #ffffff; --soft: #f4f6f9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       background: var(--bg); max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
p.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { display: block; width: 100%; height: auto; margin: .5rem 0; }
svg text { font: 11px "DejaVu Sans", Helvetica, Arial, sans-serif; fill: var(--ink); }
svg text.small { font-size: 9px; fill: var(--muted); }
svg .counsellor { fill: var(--counsellor); } svg .client { fill: var(--client); }
svg .done { fill: var(--done); } svg .missing { fill: var(--missing); } svg .study { fill: var(--study); }
svg .track { fill: var(--soft); stroke: var(--line); } svg .grid { stroke: var(--line); stroke-width: 1; }
svg .limit { stroke: var(--missing); stroke-dasharray: 4 3; stroke-width: 1.2; }
svg .reached { fill: var(--done); } svg .unreached { fill: var(--soft); stroke: var(--line); }
svg text.on-dark { fill: #fff; }
ul.compare li { margin: .3rem 0; }
.tag { display: inline-block; font-size: .75rem; padding: 0 .35rem; margin: 0 .2rem .1rem 0; border-radius: .6rem;
       background: var(--soft); border: 1px solid var(--line); }
.tag.five { border-color: var(--done); color: var(--done); }
.ok { color: var(--done); font-weight: 600; } .no { color: var(--missing); font-weight: 600; }
.legend span { margin-right: 1rem; } .swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: middle;
       margin-right: .3rem; border-radius: .15rem; }
.msg { border-left: 4px solid var(--line); padding: .3rem .6rem; margin: .4rem 0; page-break-inside: avoid; }
.msg.counsellor { border-color: var(--counsellor); } .msg.client { border-color: var(--client); background: var(--soft); }
.msg .who { font-size: .8rem; color: var(--muted); } .msg .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.alert { border: 2px solid var(--missing); padding: .5rem .8rem; border-radius: .3rem; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { page-break-after: avoid; } section, svg, table, .msg { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

}  // namespace

std::string page(std::string_view lang, std::string_view title, std::string_view body) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

std::string svg_open(double width, double height, std::string_view title) {
  return "<svg role=\"img\" viewBox=\"0 0 " + number(width) + " " +
         number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) + "\"><title>" +
         escape(title) + "</title>\n";
}

std::string svg_text(double x, double y, std::string_view text, std::string_view css_class, std::string_view anchor) {
  std::string out = "<text x=\"" + number(x, 1) + "\" y=\"" + number(y, 1) + "\"";
  if (!css_class.empty()) out += " class=\"" + std::string(css_class) + "\"";
  if (anchor != "start") out += " text-anchor=\"" + std::string(anchor) + "\"";
  return out + ">" + escape(text) + "</text>";
}

}  // namespace coach::report::html
