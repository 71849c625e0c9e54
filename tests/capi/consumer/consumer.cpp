// A minimal C++17 host of an installed libcoach through the header-only wrapper coach.hpp.
#include <coach.hpp>

#include <iostream>

int main() {
  try {
    coach::c::Engine engine;
    coach::c::Session session(engine, COACH_CHANNEL_EMAIL);
    session.add_message(COACH_ROLE_CLIENT, "Ik voel me al maanden erg alleen.");
    session.set_draft("Wat vervelend dat je je zo alleen voelt.");
    session.edit_draft(0, 0, "Hoi, ");
    const std::string report = session.report();
    if (report.find("\"checklist\"") == std::string::npos) return 1;
    std::cout << "consumer (C++, libcoach " << coach::c::version() << "): " << report << "\n";
    return 0;
  } catch (const coach::c::Error& e) {
    std::cerr << "consumer: " << e.what() << " (" << coach_status_string(e.status()) << ")\n";
    return 1;
  }
}
