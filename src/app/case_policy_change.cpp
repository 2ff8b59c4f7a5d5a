#include "app/case_policy_change.hpp"

#include <cstdlib>

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace {

constexpr int kUsage = 2;

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = std::atoi(s.substr(5, 2).c_str()), day = std::atoi(s.substr(8, 2).c_str());
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void check(const PolicySetting& s) {
  if (s.name == "require_why") {
    std::size_t start = 0;
    while (start <= s.value.size()) {
      const auto comma = s.value.find(',', start);
      const std::string kind = s.value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!kind.empty() && !store::is_operation_kind(kind))
        throw Error("--require-why", "'" + kind + "' is not a kind of operation (collect, consult, person, export, "
                                                  "combine, alter, erase)",
                    kUsage);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else if (s.name == "review_by") {
    if (!is_date(s.value)) throw Error("--review-by", "'" + s.value + "' is not a date YYYY-MM-DD", kUsage);
  } else if (s.name == "auto_merge_above") {
    if (s.value.empty()) return;
    char* end = nullptr;
    const double p = std::strtod(s.value.c_str(), &end);
    if (!end || *end || p <= 0.0 || p > 1.0)
      throw Error("--auto-merge-above", "'" + s.value + "' is not a probability in (0, 1], or 'off'", kUsage);
  } else {
    throw Error("policy", "unknown setting " + s.name, kUsage);
  }
}

}  // namespace

store::CasePolicy change_case_policy(store::CaseFolder& c, const std::vector<PolicySetting>& settings,
                                     const std::string& actor, const std::string& justification) {
  for (const auto& s : settings) check(s);
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  store::PolicyStore policy(c.db());
  const std::string at = utc_now();
  std::string object = "case policy:";
  for (const auto& s : settings) {
    policy.set(s.name, s.value, actor, at);
    object += " " + s.name + "=" + (s.value.empty() ? "off" : s.value);
  }
  store::AuditLedger ledger(c.db());
  batch.commit(ledger, store::EntryContent{actor, store::audit_action::kAlteration, object, justification, "", ""},
               c.keys());
  tx.commit();
  return policy.read();
}

bool retention_review_due(const store::CasePolicy& p, const std::string& today) {
  return !p.review_by.empty() && today > p.review_by;
}

}  // namespace corridor::app
