#include "app/pseudonyms.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/number_spellings.hpp"
#include "app/record_access.hpp"
#include "app/restrict_entity.hpp"
#include "model/types.hpp"
#include "store/audit_ledger.hpp"
#include "store/subject_categories.hpp"

namespace corridor::app {

namespace {

constexpr std::string_view kWithheld = "[protected]";
constexpr std::string_view kRestricted = "[restricted]";

void insert_by_length(std::vector<std::string>& v, std::string value) {
  const auto at = std::lower_bound(v.begin(), v.end(), value,
                                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  v.insert(at, std::move(value));
}

// Replaces every value of `by_length` in `text` (longest first) by what `replacement` gives.
template <class Replacement>
void replace_values(std::string& out, const std::vector<std::string>& by_length, std::size_t shortest, Replacement&& replacement) {
  for (const auto& v : by_length) {
    if (v.size() < shortest && out != v) continue;
    const std::string with = replacement(v);
    for (std::size_t at = out.find(v); at != std::string::npos; at = out.find(v, at + with.size())) out.replace(at, v.size(), with);
  }
}
// Values shorter than this are not searched for inside free text (a two-letter name part
// would replace letters everywhere); they are still replaced where they stand alone.
constexpr std::size_t kShortestScrubbed = 3;

std::string base32(const Digest& d, std::size_t letters) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  std::uint64_t bits = 0;
  int have = 0;
  std::size_t i = 0;
  while (out.size() < letters) {
    if (have < 5) {
      bits = (bits << 8) | d[i++];
      have += 8;
    }
    out.push_back(kAlphabet[(bits >> (have - 5)) & 31]);
    have -= 5;
  }
  return out;
}

bool is_person_schema(std::string_view schema) {
  return schema == "Person" || schema == "LegalEntity" || schema == "Organization" || schema == "Company";
}

}  // namespace

bool is_identifying_property(std::string_view property) {
  // Not nationality or places: hiding every "Syria" of the case would hide the route too.
  static constexpr std::string_view kNames[] = {"name",       "firstName",  "lastName",  "middleName",
                                                "fatherName", "motherName", "alias",     "weakAlias",
                                                "previousName", "birthDate", "idNumber", "passportNumber"};
  return std::find(std::begin(kNames), std::end(kNames), property) != std::end(kNames) || is_identifier_property(property);
}

Pseudonyms::Pseudonyms(std::optional<std::array<std::uint8_t, 32>> secret) : secret_(secret) {}

Pseudonyms Pseudonyms::of_case(store::CaseFolder& c, bool reveal) {
  std::optional<std::array<std::uint8_t, 32>> secret;
  try {
    secret = c.keys().derive("pseudonyms");
  } catch (const Error&) {
    // A copy without the signing key: protected values are withheld, not pseudonymised.
  }
  Pseudonyms p(secret);
  p.revealed_ = reveal;
  // The category in force for each cluster: the latest categorisation of any member.
  std::map<std::string, std::string> category_of_cluster;
  {
    store::Stmt q(c.db(), "SELECT e.canonical_id, s.category FROM subject_categories s JOIN entities e ON e.id = s.entity "
                          "ORDER BY s.id");
    while (q.step()) category_of_cluster[q.text(0)] = q.text(1);
  }
  store::Stmt members(c.db(), "SELECT id FROM entities WHERE canonical_id = ?");
  store::Stmt values(c.db(), "SELECT s.property, s.value, s.ident, s.original_value FROM statements s "
                             "JOIN entities e ON e.rid = s.entity WHERE e.canonical_id = ?");
  store::Stmt caption(c.db(), "SELECT caption FROM entities WHERE canonical_id = ? AND caption != ''");
  // A cluster's members, then every value that identifies it (its captions, its identifying
  // statements as normalised and as written in the evidence); returns its identifier values.
  auto read_cluster = [&](const std::string& cluster, auto&& member, auto&& value) {
    std::vector<std::string> identifiers;
    members.bind(1, cluster);
    while (members.step()) member(members.text(0));
    members.reset();
    caption.bind(1, cluster);
    while (caption.step()) value(caption.text(0));
    caption.reset();
    values.bind(1, cluster);
    while (values.step()) {
      if (!is_identifying_property(values.text(0))) continue;
      value(values.text(1));
      value(values.text(3));  // as written in the evidence ("+44 7400 123456")
      if (values.int64(2) == 1) identifiers.push_back(values.text(1));
    }
    values.reset();
    return identifiers;
  };
  std::vector<std::string> identifiers;
  for (const auto& [cluster_id, category] : category_of_cluster) {
    if (!store::is_protected_category(category)) continue;
    const std::string& cluster = cluster_id;
    const auto held = read_cluster(
        cluster, [&](std::string id) { p.protect(std::move(id), cluster); },
        [&](std::string v) { p.protect_value(std::move(v)); });
    identifiers.insert(identifiers.end(), held.begin(), held.end());
  }
  // Restricted clusters: every member, and what identifies them, withheld.
  for (const auto& cluster : restricted_clusters(c.db()))
    read_cluster(
        cluster, [&](std::string id) { p.restrict(std::move(id)); }, [&](std::string v) { p.restrict_value(std::move(v)); });
  // The phones, accounts and documents that carry one of their identifiers.
  store::Stmt holders(c.db(), "SELECT DISTINCT e.id, e.schema, e.canonical_id FROM statements s "
                              "JOIN entities e ON e.rid = s.entity WHERE s.ident = 1 AND s.value = ?");
  for (const auto& v : identifiers) {
    holders.bind(1, v);
    while (holders.step())
      if (!is_person_schema(holders.text(1))) p.protect(holders.text(0), holders.text(2));
    holders.reset();
  }
  return p;
}

void Pseudonyms::protect(std::string entity_id, std::string cluster) {
  entities_.emplace(std::move(entity_id), std::move(cluster));
}

void Pseudonyms::protect_value(std::string value) {
  if (value.empty() || !values_.insert(value).second) return;
  if (auto key = number_key(value); !key.empty() && std::find(numbers_.begin(), numbers_.end(), key) == numbers_.end())
    numbers_.push_back(std::move(key));
  insert_by_length(by_length_, std::move(value));
}

void Pseudonyms::restrict(std::string entity_id) { restricted_.insert(std::move(entity_id)); }

void Pseudonyms::restrict_value(std::string value) {
  if (value.empty() || !withheld_.insert(value).second) return;
  if (auto key = number_key(value); !key.empty()) withheld_numbers_.push_back(std::move(key));
  insert_by_length(withheld_by_length_, std::move(value));
}

bool Pseudonyms::hides_anything() const {
  return !restricted_.empty() || !withheld_.empty() || (!revealed_ && (!entities_.empty() || !values_.empty()));
}

bool Pseudonyms::protects(std::string_view entity_id) const {
  return !revealed_ && entities_.contains(std::string(entity_id));
}

std::vector<std::string> Pseudonyms::protected_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, cluster] : entities_) out.push_back(id);
  return out;
}

std::string Pseudonyms::pseudonym(std::string_view kind, std::string_view text) const {
  if (!secret_) return std::string(kWithheld);
  std::string message(kind);
  message.push_back('\0');
  message.append(text);
  return "ps-" + base32(hmac_sha256(*secret_, message), 10);
}

std::string Pseudonyms::of_entity(std::string_view entity_id) const {
  const auto it = entities_.find(std::string(entity_id));
  return pseudonym("entity", it == entities_.end() ? entity_id : std::string_view(it->second));
}

std::string Pseudonyms::of_value(std::string_view value) const {
  const std::string key = number_key(value);
  return key.empty() ? pseudonym("value", value) : pseudonym("number", key);
}

std::string Pseudonyms::label(std::string_view entity_id, std::string_view text) const {
  if (restricts(entity_id)) return std::string(kRestricted);
  if (protects(entity_id)) return of_entity(entity_id);
  return scrub(text);
}

std::string Pseudonyms::value(std::string_view entity_id, std::string_view property, std::string_view v) const {
  if (restricts(entity_id) || withheld_.contains(std::string(v))) return std::string(kRestricted);
  if (!revealed_ && (values_.contains(std::string(v)) || (protects(entity_id) && is_identifying_property(property))))
    return of_value(v);
  return scrub(v);
}

std::string Pseudonyms::scrub(std::string_view text) const {
  std::string out(text);
  replace_values(out, withheld_by_length_, kShortestScrubbed, [](const std::string&) { return std::string(kRestricted); });
  if (!revealed_) replace_values(out, by_length_, kShortestScrubbed, [this](const std::string& v) { return of_value(v); });
  replace_numbers(out);
  return out;
}

void Pseudonyms::replace_numbers(std::string& text) const {
  if (withheld_numbers_.empty() && (revealed_ || numbers_.empty())) return;
  const auto runs = number_runs(text);
  for (auto run = runs.rbegin(); run != runs.rend(); ++run) {  // from the end: offsets stay valid
    const auto is = [&](const std::string& key) { return spells(key, *run); };
    std::string with;
    if (std::any_of(withheld_numbers_.begin(), withheld_numbers_.end(), is)) with = kRestricted;
    else if (auto key = std::find_if(numbers_.begin(), numbers_.end(), is); !revealed_ && key != numbers_.end())
      with = pseudonym("number", *key);
    if (!with.empty()) text.replace(run->offset, run->length, with);
  }
}

namespace {
// An entity id ("phone-" and 32 hex digits) or a digest: a reference, never a person's value.
bool is_reference(std::string_view v) {
  const auto dash = v.find('-');
  const std::string_view tail = dash == std::string_view::npos ? v : v.substr(dash + 1);
  return tail.size() >= 32 && tail.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}
}  // namespace

void Pseudonyms::rewrite(std::string_view entity_id, std::map<std::string, std::vector<std::string>>& properties) const {
  if (!hides_anything()) return;
  for (auto& [property, values] : properties)
    for (auto& v : values)
      if (!is_reference(v)) v = value(entity_id, property, v);
}

void Pseudonyms::relabel(graph::Graph& g) const {
  if (!hides_anything()) return;
  for (graph::NodeIndex i = 0; i < g.node_count(); ++i) {
    const auto& n = g.node(i);
    std::string shown = label(n.id, n.caption);
    if (shown != n.caption) g.set_caption(i, std::move(shown));
  }
}

Pseudonyms reveal_logged(store::CaseFolder& c, const std::string& actor, std::string_view output,
                         const std::string& justification) {
  auto p = Pseudonyms::of_case(c, true);
  std::string object = "revealed protected subjects in " + std::string(output) + ":";
  auto ids = p.protected_ids();
  std::sort(ids.begin(), ids.end());
  for (const auto& id : ids) object += " " + id;
  if (ids.empty()) object += " none";
  record_access(c, actor, store::audit_action::kConsultation, object, justification);
  return p;
}

}  // namespace corridor::app
