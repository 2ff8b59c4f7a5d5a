#pragma once
// Indicators in the case: what detectors assessed, with reasons pointing at statements,
// and the reviews people made of them. Re-running a detector replaces its open
// indicators; confirmed and dismissed ones stay as they were reviewed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

struct IndicatorFilter {
  std::string detector;  // "money" matches "money" and "money.fan_in"; empty: all
  std::optional<ReviewState> review;
  std::string subject;  // entity id; empty: any
  double min_score = 0;
  std::int64_t limit = -1;
};

struct IndicatorReview {
  std::int64_t id = 0;
  std::int64_t indicator = 0;
  ReviewState decision = ReviewState::Open;
  std::string actor, reason, at;
  std::string detector;  // of the indicator reviewed
};

class IndicatorStore {
 public:
  explicit IndicatorStore(Db& db) : db_(db) {}

  // The caller holds a Transaction. Deletes the open indicators of `family` (a detector
  // name or the prefix before '.'), then inserts `fresh` except those whose detector and
  // subjects match an indicator already reviewed. Returns how many were inserted.
  // Throws corridor::Error when a reason cites a statement that is not in the case.
  std::size_t replace_open(const std::string& family, const std::vector<Indicator>& fresh,
                           const std::string& created_at);

  // By decreasing score, then id.
  std::vector<Indicator> list(const IndicatorFilter& filter = {});
  std::optional<Indicator> get(std::int64_t id);
  std::int64_t count(const IndicatorFilter& filter = {});

  // Records a decision (Confirmed, Dismissed, or Open to reopen) with its reason; the
  // caller holds a Transaction and writes the audit entry. Throws when `id` is unknown or
  // `reason` is empty.
  IndicatorReview review(std::int64_t id, ReviewState decision, const std::string& actor,
                         const std::string& reason, const std::string& at);
  std::vector<IndicatorReview> reviews(std::int64_t id);

 private:
  std::int64_t insert(const Indicator& ind, const std::string& created_at);
  // The detector of indicator `id`, nullopt when there is none.
  std::optional<std::string> detector_of(std::int64_t id);
  void load_details(Indicator& ind);
  Db& db_;
};

}  // namespace corridor::store
