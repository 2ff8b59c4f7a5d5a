// Documents detector on a case: every MRZ the case holds — the passportNumber statements
// of Passport/Identification entities, and the mrz_invalidMentioned statements of zones
// whose check digits fail — read again (detect::read_mrz), placed in time, and run through
// the six document checks. The data files are data/documents/number_formats.tsv and
// specimens.tsv; the lost-and-stolen list is `--stolen-documents FILE` and is read first,
// so a malformed list stops the run before anything is written.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "app/case_detectors.hpp"
#include "app/data_dir.hpp"
#include "detect/document_checks.hpp"
#include "model/entity_keys.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

namespace fs = std::filesystem;

struct EvidenceItem {
  std::string name, acquired_at, added_at;
  std::int64_t parent = 0;
};

// "YYYY-MM-DD" of an ISO 8601 text, "" when it does not start with a date.
std::string date_part(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return "";
  return iso.substr(0, 10);
}

// The MRZ number as the extractor keys the Passport entity: fillers as spaces, trimmed.
std::string key_number(const std::string& number) {
  std::string out;
  for (char c : number) out.push_back(c == '<' ? ' ' : c);
  const auto b = out.find_first_not_of(' ');
  return b == std::string::npos ? "" : out.substr(b, out.find_last_not_of(' ') - b + 1);
}

struct Raw {
  std::int64_t statement = 0, evidence = 0;
  std::string value, entity, record, observed_at;
  std::optional<std::int64_t> offset, length;
  bool invalid = false;  // an mrz_invalidMentioned statement: `entity` is where it was found
};

class SightingReader {
 public:
  explicit SightingReader(store::Db& db) : db_(db) {}

  std::vector<detect::DocumentSighting> read() {
    load_evidence();
    std::vector<Raw> raws;
    load_mrz_statements(raws);
    std::vector<detect::DocumentSighting> out;
    if (raws.empty()) return out;
    const auto containers = load_containers();
    const auto holders = load_holders();
    const auto person_numbers = load_person_numbers();
    for (const Raw& r : raws) {
      auto doc = detect::read_mrz(r.value);
      if (!doc) continue;  // a bare number, not a zone
      detect::DocumentSighting s;
      s.doc = std::move(*doc);
      s.statement = r.statement;
      if (r.invalid) {
        s.found_in = r.entity;
        const std::string id = keys::passport(s.doc.issuer, key_number(s.doc.number));
        if (entity_exists(id)) s.document_entity = id;
      } else {
        s.document_entity = r.entity;
        const auto c = containers.find({r.entity, r.evidence, r.offset.value_or(-1), r.length.value_or(-1)});
        if (c != containers.end()) s.found_in = c->second;
      }
      auto add_holder = [&](const std::string& h) {
        if (std::find(s.holders.begin(), s.holders.end(), h) == s.holders.end()) s.holders.push_back(h);
      };
      if (!s.document_entity.empty())
        if (auto h = holders.find(s.document_entity); h != holders.end())
          for (const auto& p : h->second) add_holder(p);
      const auto [first, last] = person_numbers.equal_range(detect::normalise_document_number(s.doc.number));
      for (auto it = first; it != last; ++it) add_holder(it->second);
      place_in_time(r, s);
      out.push_back(std::move(s));
    }
    return out;
  }

 private:
  void load_evidence() {
    store::Stmt q(db_, "SELECT id, original_name, acquired_at, added_at, COALESCE(parent_id, 0) FROM evidence");
    while (q.step()) evidence_[q.int64(0)] = EvidenceItem{q.text(1), q.text(2), q.text(3), q.int64(4)};
  }

  void load_mrz_statements(std::vector<Raw>& out) {
    store::Stmt q(db_,
                  "SELECT s.id, s.value, n.id, s.evidence, s.loc_record, s.loc_offset, s.loc_length, s.observed_at, "
                  "s.property = 'mrz_invalidMentioned' FROM statements s JOIN entities n ON n.rid = s.entity "
                  "WHERE (n.schema IN ('Passport', 'Identification') AND s.property IN ('passportNumber', 'idNumber')) "
                  "OR s.property = 'mrz_invalidMentioned' ORDER BY s.id");
    while (q.step()) {
      Raw r;
      r.statement = q.int64(0);
      r.value = q.text(1);
      r.entity = q.text(2);
      r.evidence = q.int64(3);
      r.record = q.text(4);
      if (!q.is_null(5)) r.offset = q.int64(5);
      if (!q.is_null(6)) r.length = q.int64(6);
      r.observed_at = q.text(7);
      r.invalid = q.int64(8) != 0;
      out.push_back(std::move(r));
    }
  }

  // The message, post or file that mentions each document, by the bytes of the mention.
  std::map<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>, std::string> load_containers() {
    std::map<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>, std::string> out;
    store::Stmt q(db_,
                  "SELECT s.value, s.evidence, COALESCE(s.loc_offset, -1), COALESCE(s.loc_length, -1), n.id "
                  "FROM statements s JOIN entities n ON n.rid = s.entity JOIN entities t ON t.id = s.value "
                  "WHERE s.property = 'mentions' AND t.schema IN ('Passport', 'Identification') ORDER BY s.id");
    while (q.step()) out.emplace(std::make_tuple(q.text(0), q.int64(1), q.int64(2), q.int64(3)), q.text(4));
    return out;
  }

  // Holders the case states: a document's `holder`.
  std::unordered_map<std::string, std::vector<std::string>> load_holders() {
    std::unordered_map<std::string, std::vector<std::string>> out;
    store::Stmt q(db_,
                  "SELECT n.id, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                  "WHERE n.schema IN ('Passport', 'Identification') AND s.property = 'holder' ORDER BY s.id");
    while (q.step()) out[q.text(0)].push_back(q.text(1));
    return out;
  }

  // Persons whose own statements give a document number (a form, a booking, a register).
  std::multimap<std::string, std::string> load_person_numbers() {
    std::multimap<std::string, std::string> out;
    store::Stmt q(db_,
                  "SELECT n.id, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                  "WHERE n.schema = 'Person' AND s.property IN ('passportNumber', 'idNumber') ORDER BY s.id");
    while (q.step()) {
      const std::string value = q.text(1);
      const auto mrz = detect::read_mrz(value);
      const std::string number = detect::normalise_document_number(mrz ? mrz->number : value);
      if (!number.empty()) out.emplace(number, q.text(0));
    }
    return out;
  }

  bool entity_exists(const std::string& id) {
    store::Stmt q(db_, "SELECT 1 FROM entities WHERE id = ?");
    q.bind(1, id);
    return q.step();
  }

  // When the document was seen: see document_expiry.cpp for the order of the bases.
  void place_in_time(const Raw& r, detect::DocumentSighting& s) {
    const EvidenceItem* e = evidence_.count(r.evidence) ? &evidence_[r.evidence] : nullptr;
    const std::string name = e ? e->name : "evidence " + std::to_string(r.evidence);
    if (const std::string d = date_part(r.observed_at); !d.empty()) {
      s.reference_date = d;
      s.reference_basis = "the date of the statement holding the MRZ";
      return;
    }
    if (!r.record.empty()) {
      const std::string d = date_part(record_date(r.evidence, r.record));
      if (!d.empty()) {
        s.reference_date = d;
        s.reference_basis = "the date of " + r.record + " in " + name + ", where the MRZ was found";
        return;
      }
    }
    if (!e) return;
    if (const std::string d = date_part(e->acquired_at); !d.empty()) {
      s.reference_date = d;
      s.reference_basis = "the acquisition date of " + name;
      return;
    }
    const std::int64_t root = root_of(r.evidence);
    if (const std::string d = date_part(latest_record(root)); !d.empty()) {
      s.reference_date = d;
      s.reference_basis = "the date of the latest dated record in " + evidence_[root].name +
                          ", in use until then and seized later (no acquisition date is recorded)";
      return;
    }
    if (const std::string d = date_part(e->added_at); !d.empty()) {
      s.reference_date = d;
      s.reference_basis = "the date " + name + " was added to the case (no acquisition date is recorded)";
      s.reference_is_upper_bound = true;
    }
  }

  // The earliest date the reader gave a statement of this record (a message's date).
  std::string record_date(std::int64_t evidence, const std::string& record) {
    auto it = record_dates_.find(evidence);
    if (it == record_dates_.end()) {
      auto& m = record_dates_[evidence];
      store::Stmt q(db_,
                    "SELECT loc_record, MIN(observed_at) FROM statements WHERE evidence = ? AND loc_record != '' "
                    "AND observed_at != '' AND extractor NOT LIKE 'evidence@%' GROUP BY loc_record");
      q.bind(1, evidence);
      while (q.step()) m.emplace(q.text(0), q.text(1));
      it = record_dates_.find(evidence);
    }
    const auto d = it->second.find(record);
    return d == it->second.end() ? "" : d->second;
  }

  std::int64_t root_of(std::int64_t id) {
    std::set<std::int64_t> visited;
    while (evidence_.count(id) && evidence_[id].parent != 0 && visited.insert(id).second) id = evidence_[id].parent;
    return id;
  }

  // The latest date a reader gave any record of the evidence item or of the files
  // extracted from it, before the item was added to the case.
  std::string latest_record(std::int64_t root) {
    if (auto it = latest_.find(root); it != latest_.end()) return it->second;
    std::vector<std::int64_t> tree;
    for (const auto& entry : evidence_)
      if (root_of(entry.first) == root) tree.push_back(entry.first);
    std::string latest;
    store::Stmt q(db_,
                  "SELECT MAX(observed_at) FROM statements WHERE evidence = ? AND observed_at != '' "
                  "AND observed_at < ? AND extractor NOT LIKE 'evidence@%'");
    for (std::int64_t id : tree) {
      q.bind(1, id).bind(2, evidence_[root].added_at);
      if (q.step() && !q.is_null(0) && q.text(0) > latest) latest = q.text(0);
      q.reset();
    }
    latest_[root] = latest;
    return latest;
  }

  store::Db& db_;
  std::unordered_map<std::int64_t, EvidenceItem> evidence_;
  std::unordered_map<std::int64_t, std::unordered_map<std::string, std::string>> record_dates_;
  std::unordered_map<std::int64_t, std::string> latest_;
};

}  // namespace

std::vector<Indicator> detect_documents_in_case(store::CaseFolder& c, const DetectSettings& settings) {
  // The list first: a malformed row stops the run before anything is read or written.
  std::optional<detect::StolenList> stolen;
  if (!settings.stolen_documents.empty()) stolen = detect::StolenList::load(settings.stolen_documents);
  const fs::path data = fs::path(settings.data_dir.empty() ? find_data_dir() : settings.data_dir) / "documents";
  const auto formats = detect::NumberFormats::load((data / "number_formats.tsv").string());
  const auto specimens = detect::Specimens::load((data / "specimens.tsv").string());

  const auto seen = SightingReader(c.db()).read();
  std::vector<Indicator> out;
  auto append = [&](std::vector<Indicator> found) {
    for (auto& i : found) out.push_back(std::move(i));
  };
  append(detect::check_digit_indicators(seen));
  append(detect::expired_indicators(seen));
  append(detect::number_format_indicators(seen, formats));
  append(detect::shared_number_indicators(seen));
  append(detect::specimen_indicators(seen, specimens));
  if (stolen) append(detect::stolen_indicators(seen, *stolen));
  return out;
}

}  // namespace corridor::app
