#include "app/resolve_case.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "app/case_persons.hpp"
#include "core/time.hpp"
#include "resolve/case_matching.hpp"
#include "resolve/clusters.hpp"
#include "store/ledger_batch.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
#include "store/entity_merges.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

namespace {

// A reason cites at most this many statements of each person.
constexpr std::size_t kCitedPerPerson = 6;

// The statements' field that feeds each comparison.
std::string field_of(const std::string& comparison) {
  if (comparison == "given name" || comparison == "family name") return "name";
  return comparison;
}

// The folded values found to be hubs: never cited as evidence of identity.
struct HubValues {
  std::unordered_set<std::string> folded;
  bool contains(const std::string& v) const { return folded.contains(compared_value(v)); }
};

std::vector<std::int64_t> cited(const CasePerson& p, const CasePerson& other, const std::string& field, bool shared,
                                const HubValues& hubs) {
  std::unordered_set<std::string> theirs;
  for (const auto& s : other.sources)
    if (s.field == field) theirs.insert(compared_value(s.value));
  std::vector<std::int64_t> out;
  for (const auto& s : p.sources) {
    if (s.field != field || out.size() >= kCitedPerPerson || hubs.contains(s.value)) continue;
    if (shared && !theirs.contains(compared_value(s.value))) continue;
    out.push_back(s.statement);
  }
  return out;
}

Indicator same_person_indicator(const PersonLink& link, const CasePerson& a, const CasePerson& b,
                                const HubValues& hubs) {
  Indicator ind;
  ind.detector = kSamePersonDetector;
  ind.title = "same person: " + a.name + " = " + b.name;
  ind.subjects = {link.a, link.b};
  ind.score = link.probability;
  for (const auto& r : link.reasons) {
    const std::string field = field_of(r.comparison);
    // On agreement over a list (phones, documents, accounts) cite the shared values only.
    const bool shared = field != "name" && (r.level == "exact" || r.level == "shared");
    Reason reason{r.comparison + ": " + r.level, r.weight, cited(a, b, field, shared, hubs)};
    const auto more = cited(b, a, field, shared, hubs);
    reason.statement_ids.insert(reason.statement_ids.end(), more.begin(), more.end());
    ind.reasons.push_back(std::move(reason));
  }
  std::stable_sort(ind.reasons.begin(), ind.reasons.end(),
                   [](const Reason& x, const Reason& y) { return x.weight > y.weight; });
  return ind;
}

PersonLink link_of(const resolve::Match& m, const std::vector<CasePerson>& persons) {
  return {persons[m.a].record.id, persons[m.b].record.id, m.probability, m.weight, m.reasons, m.explain()};
}

// Pairs a person kept apart: by unmerging, or by dismissing a same_person indicator.
std::set<store::EntityPair> decided_apart(store::Db& db) {
  auto apart = store::EntityMerges(db).kept_apart_pairs();
  store::IndicatorFilter f;
  f.detector = kSamePersonDetector;
  f.review = ReviewState::Dismissed;
  for (const auto& ind : store::IndicatorStore(db).list(f))
    if (ind.subjects.size() == 2) apart.insert(store::entity_pair(ind.subjects[0], ind.subjects[1]));
  return apart;
}

// Pairs a person confirmed as one person (a reviewed same_person indicator).
std::set<store::EntityPair> decided_same(store::Db& db) {
  std::set<store::EntityPair> same;
  store::IndicatorFilter f;
  f.detector = kSamePersonDetector;
  f.review = ReviewState::Confirmed;
  for (const auto& ind : store::IndicatorStore(db).list(f))
    if (ind.subjects.size() == 2) same.insert(store::entity_pair(ind.subjects[0], ind.subjects[1]));
  return same;
}

std::vector<PersonCluster> clusters_of(const std::vector<CasePerson>& persons, const resolve::Clustering& clustering,
                                       const std::vector<resolve::Match>& matches) {
  std::map<std::string, PersonCluster> by_canonical;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    auto& c = by_canonical[clustering.canonical[i]];
    c.canonical = clustering.canonical[i];
    c.members.push_back(persons[i].record.id);
    c.names.push_back(persons[i].name);
  }
  for (const std::size_t k : clustering.applied)
    by_canonical[clustering.canonical[matches[k].a]].links.push_back(link_of(matches[k], persons));
  std::vector<PersonCluster> out;
  for (auto& [id, c] : by_canonical)
    if (c.members.size() > 1) out.push_back(std::move(c));
  return out;
}

Statement same_as(const CasePerson& p, const std::string& canonical, const PersonLink& strongest,
                  const std::string& at) {
  Statement s;
  s.entity_id = p.record.id;
  s.schema = "Person";
  s.property = "sameAs";
  s.value = canonical;
  const std::string& other = strongest.a == p.record.id ? strongest.b : strongest.a;
  s.original_value = strongest.explain + " [matched " + other + "]";
  // The assessment rests on the person's name statement: its evidence item carries it.
  s.prov.evidence_sha256 = p.sources.front().evidence_sha256;
  for (const auto& src : p.sources)
    if (src.field == "name") {
      s.prov.evidence_sha256 = src.evidence_sha256;
      break;
    }
  s.prov.locator.record = "resolve";
  s.prov.extractor = kResolveExtractor;
  s.prov.observed_at = at;
  s.kind = StatementKind::Assessment;
  s.confidence = strongest.probability;
  return s;
}

// `clustering` over `matches` holds the merges that take effect (confirmed by a person, or
// allowed by the case policy); `proposed` over `all` every merge proposed, each an indicator.
void write(store::CaseFolder& c, const std::vector<CasePerson>& persons, const resolve::Clustering& clustering,
           const std::vector<resolve::Match>& matches, const resolve::Clustering& proposed,
           const std::vector<resolve::Match>& all, const HubValues& hubs, ResolveReport& report,
           const std::string& actor, const std::string& justification) {
  const std::string at = utc_now();
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  store::EntityMerges merges(c.db());
  store::StatementWriter writer(c.db());
  // The strongest accepted match of each person explains its merge.
  std::vector<const resolve::Match*> strongest(persons.size(), nullptr);
  for (const std::size_t k : clustering.applied)
    for (const std::size_t i : {matches[k].a, matches[k].b})
      if (!strongest[i] || matches[k].weight > strongest[i]->weight) strongest[i] = &matches[k];
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const std::string& id = persons[i].record.id;
    const std::string& target = clustering.canonical[i];
    if (persons[i].canonical_id == target) continue;
    merges.set_canonical(id, target);
    if (target == id) continue;
    writer.insert(same_as(persons[i], target, link_of(*strongest[i], persons), at));
    ++report.statements;
  }
  std::vector<Indicator> fresh;
  for (const std::size_t k : proposed.applied)
    fresh.push_back(same_person_indicator(link_of(all[k], persons), persons[all[k].a], persons[all[k].b], hubs));
  report.indicators = store::IndicatorStore(c.db()).replace_open("resolve", fresh, at);
  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kCombination,
                                   "resolve persons: " + std::to_string(report.clusters.size()) + " clusters, " +
                                       std::to_string(report.merged) + " merged, " + std::to_string(report.restored) +
                                       " restored, " + std::to_string(report.proposed) + " merges proposed, " +
                                       std::to_string(report.hubs.size()) + " hub identifiers",
                                   justification, "", ""},
               c.keys());
  tx.commit();
  report.written = true;
}

}  // namespace

// Fields that speak for identity beside the names, when they agree (exactly or nearly: a
// "different" document number speaks for nobody, whatever weight the model gave it);
// nationality is shared by whole communities and does not count.
bool corroborated(const resolve::Match& m) {
  static const std::set<std::string> fields = {"birth date", "document number", "phone", "account"};
  return std::any_of(m.reasons.begin(), m.reasons.end(), [](const resolve::FieldReason& r) {
    return r.weight > 0 && r.level != "different" && fields.contains(r.comparison);
  });
}

ResolveReport resolve_case(store::CaseFolder& c, const ResolveSettings& settings, const std::string& actor,
                           const std::string& justification) {
  c.require_id_key();
  const std::vector<CasePerson> persons = load_case_persons(c.db());
  std::vector<resolve::PersonRecord> records;
  records.reserve(persons.size());
  for (const auto& p : persons) records.push_back(p.record);
  resolve::LinkOptions options;
  options.threshold = settings.threshold;
  options.hubs = settings.hubs;
  options.prior_over_all_pairs = true;
  auto link = resolve::link_records(records, resolve::case_person_comparisons(), resolve::case_person_blocking_rules(),
                                    options);
  const std::size_t above = link.matches.size();
  if (settings.corroboration) std::erase_if(link.matches, [](const resolve::Match& m) { return !corroborated(m); });
  const auto apart = decided_apart(c.db());
  const auto proposed = resolve::cluster_apart(records, link.matches, apart);
  // No automated decision about a person: a proposed merge takes effect when a person
  // confirmed it, or when the case policy allows merges at or above a probability.
  const auto policy = store::PolicyStore(c.db()).read();
  const auto same = decided_same(c.db());
  std::vector<resolve::Match> approved;
  for (const std::size_t k : proposed.applied) {
    const auto& m = link.matches[k];
    const bool confirmed = same.contains(store::entity_pair(records[m.a].id, records[m.b].id));
    if (confirmed || (policy.auto_merge_above && m.probability >= *policy.auto_merge_above)) approved.push_back(m);
  }
  const auto clustering = resolve::cluster_apart(records, approved, apart);

  ResolveReport report;
  report.persons = persons.size();
  report.candidate_pairs = link.candidate_pairs;
  report.names_only = above - link.matches.size();
  report.skipped_blocks = std::move(link.skipped_blocks);
  // Hubs are found on folded values; show them as the statements wrote them.
  std::map<std::string, std::string> stated;
  for (const auto& p : persons)
    for (const auto& s : p.sources) stated.emplace(compared_value(s.value), s.value);
  HubValues hubs;
  for (auto h : link.hubs) {
    hubs.folded.insert(h.value);
    if (auto it = stated.find(h.value); it != stated.end()) h.value = it->second;
    report.hubs.push_back(std::move(h));
  }
  report.clusters = clusters_of(persons, proposed, link.matches);
  report.proposed = proposed.applied.size() - clustering.applied.size();
  report.auto_merge_above = policy.auto_merge_above;
  for (const std::size_t k : proposed.refused) report.kept_apart.push_back(link_of(link.matches[k], persons));
  for (std::size_t i = 0; i < persons.size(); ++i) {
    if (persons[i].canonical_id == clustering.canonical[i]) continue;
    ++(clustering.canonical[i] == persons[i].record.id ? report.restored : report.merged);
  }
  if (!settings.dry_run)
    write(c, persons, clustering, approved, proposed, link.matches, hubs, report, actor, justification);
  return report;
}

}  // namespace corridor::app
