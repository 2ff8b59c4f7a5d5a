// POST /cases/{case}/exports {format, recipient, reveal}: the case network for another
// tool, as `corridor export` writes it, answered as a download. An export is a disclosure:
// the recipient and the justification are in the ledger before a byte leaves; with
// "reveal" the protected people appear by name and the reveal is logged as well.
#include <stdlib.h>

#include <cctype>
#include <fstream>
#include <iterator>

#include "app/network_analysis.hpp"
#include "app/record_access.hpp"
#include "core/error.hpp"
#include "exchange/zip_writer.hpp"
#include "graph/case_graph.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

namespace {

// A private folder inside the case for the files an export writes; gone afterwards.
class ExportFolder {
 public:
  explicit ExportFolder(const std::filesystem::path& case_dir) {
    std::string name = (case_dir / "export-XXXXXX").string();
    if (!mkdtemp(name.data())) throw Error("export", "cannot make a temporary folder in the case");
    path_ = name;
  }
  ~ExportFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ExportFolder(const ExportFolder&) = delete;
  ExportFolder& operator=(const ExportFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string file_bytes(const std::filesystem::path& f) {
  std::ifstream in(f, std::ios::binary);
  if (!in) throw Error("export", "cannot read the exported file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Download {
  const char* extension;
  const char* media_type;
};
Download download_of(app::ExportFormat f) {
  switch (f) {
    case app::ExportFormat::GraphMl: return {"graphml", "application/graphml+xml"};
    case app::ExportFormat::Gexf: return {"gexf", "application/gexf+xml"};
    case app::ExportFormat::Ftm: return {"ftm.json", "application/x-ndjson"};
    case app::ExportFormat::Csv: return {"csv.zip", "application/zip"};
  }
  return {"bin", "application/octet-stream"};
}

// The case's name as a file name: letters, digits, '.', '-', '_' only (a header value).
std::string file_name_part(const std::string& name) {
  std::string out;
  for (const char c : name) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  return out;
}

}  // namespace

Response export_network(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kExport)) return *refused;
  const auto body = json_body(ctx);
  const std::string format = text_field(body, "format"), recipient = text_field(body, "recipient");
  const auto chosen = app::export_format_from(format);
  if (!chosen) return error_response(400, "format is graphml, gexf, ftm or csv");
  if (blank(recipient) || recipient.size() > 200)
    return error_response(400, "name the recipient of the disclosure (agency, court, person), at most 200 bytes");
  if (body.contains("reveal") && !body["reveal"].is_boolean()) return error_response(400, "reveal is true or false");
  const bool reveal = body.value("reveal", false);
  if (reveal && ctx.why().empty())
    return error_response(428, "say why (X-Corridor-Why): revealing protected people is logged with its reason");
  const auto shown = reveal ? app::reveal_logged(*ctx.c, ctx.actor(), "export to " + recipient, ctx.why())
                            : app::Pseudonyms::of_case(*ctx.c);
  auto g = graph::load_case_graph(ctx.c->db());
  shown.relabel(g);
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kDisclosure,
                     "network export " + format + " (" + std::to_string(g.node_count()) + " entities, " +
                         std::to_string(g.edge_count()) + " links) to " + recipient + " as a download",
                     ctx.why());
  const ExportFolder folder(ctx.c->dir());
  const Download d = download_of(*chosen);
  const auto out = folder.path() / (std::string("network.") + d.extension);
  const auto files = app::export_graph(ctx.c->db(), g, *chosen, *chosen == app::ExportFormat::Csv ? folder.path() / "csv" : out, &shown);
  if (*chosen == app::ExportFormat::Csv) {
    std::vector<exchange::ZipEntry> entries;
    for (const auto& f : files) entries.push_back({f.filename().string(), file_bytes(f), ctx.site.now()});
    exchange::write_zip(out, entries);
  }
  Response r;
  r.content_type = d.media_type;
  r.body = file_bytes(out);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + file_name_part(ctx.case_name) + "-network." + d.extension + "\"");
  return r;
}

}  // namespace corridor::server
