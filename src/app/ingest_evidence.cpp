#include "app/ingest_evidence.hpp"

#include <fstream>

#include "app/actor.hpp"
#include "app/ais_case.hpp"
#include "app/case_sink.hpp"
#include "app/resolve_case.hpp"
#include "core/error.hpp"
#include "core/media_type.hpp"
#include "core/progress.hpp"
#include "core/time.hpp"
#include "extract/scanner.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/unpack_budget.hpp"
#include "model/entity_keys.hpp"
#include "store/search_index.hpp"
#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"
#include "store/ingests.hpp"
#include "store/ledger_batch.hpp"
#include "store/private_files.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

namespace fs = std::filesystem;

const extract::Scanner& shared_scanner() {
  static const extract::Scanner scanner;
  return scanner;
}

std::map<std::string, int> IngestReport::per_format() const {
  std::map<std::string, int> out;
  for (const auto& f : files)
    if (!f.error && !f.skipped) ++out[f.format];
  return out;
}

int IngestReport::errors() const {
  int n = 0;
  for (const auto& f : files) n += f.error.has_value();
  return n;
}

namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

std::string read_head(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // UTF-16 text is sniffed as the UTF-8 the readers will see (ByteStream decodes it).
  return ingest::head_as_utf8(head);
}

// Removes a temporary folder and its contents when the ingest of one file ends.
struct TempFolder {
  fs::path path;
  // 0700: it holds members extracted from evidence.
  explicit TempFolder(fs::path p) : path(std::move(p)) { store::make_private_dirs(path); }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string ais_note(const AisIngestResult& r) {
  std::string note = std::to_string(r.positions) + " positions, " + std::to_string(r.identities) + " identity reports, " +
                     std::to_string(r.vessels) + " vessels";
  std::string rejects;
  for (std::size_t i = 1; i < ais::kRejectCount; ++i)
    if (r.stats.rejects.n[i])
      rejects += (rejects.empty() ? "" : ", ") + std::string(ais::reject_name(static_cast<ais::Reject>(i))) + " " +
                 std::to_string(r.stats.rejects.n[i]);
  if (!rejects.empty()) note += "; rejected: " + rejects;
  return note;
}

std::map<std::string, std::uint64_t> ais_rejects(const AisIngestResult& r) {
  std::map<std::string, std::uint64_t> out;
  for (std::size_t i = 1; i < ais::kRejectCount; ++i)
    if (r.stats.rejects.n[i]) out[std::string(ais::reject_name(static_cast<ais::Reject>(i)))] = r.stats.rejects.n[i];
  return out;
}

IngestedFile file_line(const Evidence& e, std::string format) {
  IngestedFile f;
  f.sha256 = e.sha256;
  f.name = e.original_name;
  f.format = std::move(format);
  return f;
}

IngestedFile skipped_line(const Evidence& e) {
  IngestedFile f = file_line(e, "");
  f.skipped = true;
  return f;
}

class FileIngest {
 public:
  FileIngest(store::CaseFolder& c, const IngestOptions& opt, store::StatementWriter& writer,
             std::vector<IngestedFile>& out, std::vector<store::StoredItem>& new_vault_items, Progress& progress)
      : c_(c), opt_(opt), writer_(writer), out_(out), new_vault_items_(new_vault_items), progress_(progress) {
    scan_opt_.region = opt.region;
    scan_opt_.threads = 1;
  }

  // Reads one evidence item (and, recursively, its nested files) into the store.
  void run(const Evidence& e, int depth) {
    const std::size_t slot = out_.size();
    out_.push_back(file_line(e, "bytes"));
    TempFolder temp(c_.dir() / "vault" / "tmp" / ("ingest-" + std::to_string(::getpid()) + "-" + e.sha256.substr(0, 16)));
    const fs::path path = c_.vault().path_of(e.sha256);
    const std::string head = read_head(path);
    ingest::Source src;
    src.sha256 = e.sha256;
    src.path = path;
    src.original_name = e.original_name;
    src.media_type = e.media_type;
    src.head = head;
    src.size = e.size;
    src.temp_dir = temp.path;
    src.options = opt_.read;
    if (src.options.region.empty()) src.options.region = opt_.region;
    // One unpacking budget for the whole tree of the top-level item.
    if (depth == 0) budget_.emplace(opt_.read.archive, e.original_name, e.size);
    src.depth = depth;
    src.budget = &*budget_;
    const bool ais_log = looks_like_ais(head);
    const ingest::Reader* reader = ais_log ? nullptr : ingest::pick_reader(src);

    const std::string document = keys::record("Document", e.sha256, "file");
    CaseSink sink(writer_, &shared_scanner, scan_opt_, document);
    // The bar counts the bytes of top-level items; the records of nested files count too.
    const std::uint64_t bytes_before = progress_.done(), items_before = progress_.items();
    sink.on_progress = [&](std::uint64_t bytes, std::uint64_t items) {
      progress_.set(depth == 0 ? bytes_before + bytes : progress_.done(), items_before + items);
    };
    sink.entity(document, "Document", e.original_name);
    sink.statement(file_statement(e, document, "fileName", e.original_name));
    sink.statement(file_statement(e, document, "mimeType", e.media_type));
    if (ais_log) {
      out_[slot].format = "ais";
      sink.settle();  // the document entity first, as before the AIS rows
      const AisIngestResult r = ingest_ais(c_, writer_, e);
      out_[slot].note = ais_note(r);
      out_[slot].rejects = ais_rejects(r);
      out_[slot].statements = r.statements;
    } else if (reader) {
      out_[slot].format = std::string(reader->name());
      try {
        reader->read(src, sink);
      } catch (const Error& err) {
        // Name the evidence item as the user knows it, then let the caller roll back.
        const std::string what = err.what();
        if (what.rfind(e.original_name + ":", 0) == 0) throw;
        throw Error(e.original_name, what);
      }
    } else {
      sink.scan_file(path.string(), e.sha256);
    }
    sink.flush();
    out_[slot].statements += sink.statements();
    out_[slot].units = sink.units();
    out_[slot].mentions = sink.mentions();
    out_[slot].children = sink.children().size();
    out_[slot].left_out = sink.left_out();
    record(e, out_[slot]);
    for (const auto& child : sink.children()) {
      const int max_depth = opt_.read.archive.max_depth;  // attachments too, not only archives
      if (depth >= max_depth)
        throw Error(e.original_name, "nested deeper than " + std::to_string(max_depth) + " archives");
      const Evidence inner = add_child(e, child);
      if (store::already_ingested(c_.db(), inner.id)) {  // the same bytes twice in one archive
        out_.push_back(skipped_line(inner));
        continue;
      }
      run(inner, depth + 1);
    }
  }

 private:
  Statement file_statement(const Evidence& e, const std::string& doc, const char* prop, const std::string& value) {
    Statement s;
    s.entity_id = doc;
    s.schema = "Document";
    s.property = prop;
    s.value = value;
    s.prov = {e.sha256, Locator{std::nullopt, std::nullopt, "file"}, "evidence@1", e.added_at};
    return s;
  }

  Evidence add_child(const Evidence& parent, const PendingChild& child) {
    auto item = c_.vault().store_file(child.temp_file);
    if (item.newly_stored) new_vault_items_.push_back(item);
    store::EvidenceStore evidence(c_.db());
    Evidence e;
    e.sha256 = item.sha256;
    e.size = item.size;
    e.media_type = media_type_of_file(item.path.string());
    e.original_name = child.name;
    e.added_at = utc_now();
    e.parent_sha256 = parent.sha256;
    e.acquisition = parent.acquisition;
    evidence.insert_or_get(e);
    evidence.add_custody({0, e.sha256, CustodyAction::ExtractedFrom, opt_.actor, utc_now(), "extracted from " + parent.original_name,
                          tool_name(), parent.acquisition.legal_basis, "parent " + parent.sha256});
    return e;
  }

  void record(const Evidence& e, const IngestedFile& f) {
    store::Stmt s(c_.db(),
                  "INSERT INTO ingests(evidence_id, reader, at, actor, statements, units, mentions) VALUES(?,?,?,?,?,?,?)");
    s.bind(1, e.id).bind(2, f.format).bind(3, utc_now()).bind(4, opt_.actor);
    s.bind(5, static_cast<std::int64_t>(f.statements)).bind(6, static_cast<std::int64_t>(f.units));
    s.bind(7, static_cast<std::int64_t>(f.mentions)).run();
  }

  store::CaseFolder& c_;
  const IngestOptions& opt_;
  store::StatementWriter& writer_;
  std::vector<IngestedFile>& out_;
  std::vector<store::StoredItem>& new_vault_items_;
  Progress& progress_;
  extract::ScanOptions scan_opt_;
  std::optional<ingest::UnpackBudget> budget_;
};

std::string audit_object(const Evidence& e, const IngestReport& report, std::size_t first,
                         const store::ReplacedIngest& replaced) {
  std::uint64_t statements = 0;
  for (std::size_t i = first; i < report.files.size(); ++i) statements += report.files[i].statements;
  std::string object = "ingest " + e.sha256 + " (" + e.original_name + ") as " + report.files[first].format + ": " +
                       std::to_string(statements) + " statements";
  if (replaced.ingests) object += ", replacing the " + std::to_string(replaced.statements) + " of the earlier ingest";
  return object;
}

// One item, in one transaction. The already-ingested check that counts is the one inside
// it: a concurrent ingest of the same item has then committed (this one skips) or not begun.
void ingest_item(store::CaseFolder& c, const Evidence& e, const IngestOptions& opt, IngestReport& report,
                 Progress& progress) {
  const std::size_t first = report.files.size();
  std::vector<store::StoredItem> new_vault_items;
  try {
    const store::BulkWriteJournal journal(c.db());  // these two outlive the transaction
    const store::ReplacingIngest replacing(c.db(), opt.reingest);
    store::Transaction tx(c.db());
    if (!opt.reingest && store::already_ingested(c.db(), e.id)) {
      report.files.push_back(skipped_line(e));
      return;
    }
    store::LedgerBatch batch(c.db());
    const store::ReplacedIngest replaced =
        opt.reingest ? store::replace_previous_ingest(c.db(), e.id, kResolveExtractor) : store::ReplacedIngest{};
    // The earlier read's rows are replaced as a whole: its ranges retire under this entry.
    for (const auto& span : replaced.spans) batch.supersede(span.table, span.first, span.last);
    store::StatementWriter writer(c.db());
    writer.hash_into(batch);
    FileIngest(c, opt, writer, report.files, new_vault_items, progress).run(e, 0);
    store::AuditLedger ledger(c.db());
    std::string why = e.acquisition.legal_basis.empty() ? "" : "legal basis: " + e.acquisition.legal_basis;
    if (!opt.why.empty()) why += (why.empty() ? "" : "; ") + opt.why;
    batch.commit(ledger,
                 store::EntryContent{opt.actor, store::audit_action::kCollection,
                                     audit_object(e, report, first, replaced), why, "", ""},
                 c.keys());
    tx.commit();
    if (opt.reingest) store::discard_search_index(c.dir());  // the earlier read's words went with it
  } catch (const Error& err) {
    // Rolled back: drop what this file added to the report, keep one line with the error.
    report.files.resize(first + 1);
    report.files[first].sha256 = e.sha256;
    report.files[first].name = e.original_name;
    report.files[first].error = err.what();
    report.files[first].statements = report.files[first].units = report.files[first].mentions = 0;
    for (const auto& item : new_vault_items) c.vault().discard(item);
  } catch (...) {  // cancelled (core/progress.hpp), or out of memory: rolled back, and passed on
    for (const auto& item : new_vault_items) c.vault().discard(item);
    throw;
  }
}

}  // namespace

IngestReport ingest_evidence(store::CaseFolder& c, const std::vector<std::string>& sha256s, const IngestOptions& opt) {
  c.require_id_key();
  IngestReport report;
  store::StatementStore counts(c.db());
  report.entities_before = counts.count_entities();
  store::EvidenceStore evidence(c.db());
  std::uint64_t total = 0;
  std::vector<Evidence> items;
  for (const auto& sha : sha256s) {
    auto e = evidence.by_sha256(sha);
    if (!e) throw Error(sha, "no such evidence item in the case");
    if (auto w = evidence.withdrawal(e->id))
      throw Error(sha, "evidence " + std::to_string(e->id) + " was withdrawn from the case on " + w->at + " (" +
                           w->legal_basis + "): it is not read again", 2);
    total += e->size;
    items.push_back(*e);
  }
  Progress progress("ingesting", total, opt.progress, "B", "records");
  for (const auto& e : items) {
    const std::uint64_t done_before = progress.done();
    // A first look outside the transaction spares a skipped item the journal switch.
    if (opt.reingest || !store::already_ingested(c.db(), e.id))
      ingest_item(c, e, opt, report, progress);
    else
      report.files.push_back(skipped_line(e));
    progress.set(done_before + e.size);
  }
  progress.finish();
  report.entities_after = counts.count_entities();
  return report;
}

}  // namespace corridor::app
