#pragma once
// What every feature type provides: its patterns (Vectorscan syntax, matched with
// leftmost start) and one handler that validates a candidate and normalises it into
// zero or more mentions. One feature per file; all registered in feature_table.cpp.
#include <string>
#include <string_view>
#include <vector>

#include "extract/scanner.hpp"

namespace corridor::extract {

class RegionGuess;

// A candidate span handed to a feature's handler.
struct Candidate {
  std::string_view buf;  // the whole scanned buffer, so handlers can look around
  std::size_t from = 0, to = 0;
  unsigned pattern = 0;  // index into the feature's own pattern list
  std::string_view text() const { return buf.substr(from, to - from); }
};

struct HandlerContext {
  const ScanOptions& opt;
  RegionGuess& regions;
  std::vector<Mention>& out;

  // Appends a mention for bytes [from, to) of the buffer.
  void emit(const Candidate& c, std::size_t from, std::size_t to, std::string type,
            std::string value, double confidence = 1.0, std::string detail = {}) const;
};

struct Feature {
  std::string name;                   // for diagnostics; usually the main type
  std::vector<std::string> types;     // the mention types it can emit
  std::vector<std::string> patterns;  // one Vectorscan expression each
  void (*handle)(const Candidate&, const HandlerContext&) = nullptr;
  // Patterns too large for Vectorscan's start-of-match tracking are compiled for their
  // end only; this then finds where the candidate ending at `to` begins.
  std::size_t (*find_start)(std::string_view buf, std::size_t to, unsigned pattern) = nullptr;
};

const std::vector<Feature>& feature_table();

// One function per feature file.
Feature phone_feature();
Feature email_feature();
Feature url_feature();
Feature domain_feature();
Feature messaging_feature();
Feature handle_feature();
Feature iban_feature();
Feature card_feature();
Feature bic_feature();
Feature btc_feature();
Feature eth_feature();
Feature tron_feature();
Feature mrz_feature();
Feature money_feature();
Feature date_feature();
Feature vessel_feature();
Feature ip_feature();
Feature coord_feature();

}  // namespace corridor::extract
