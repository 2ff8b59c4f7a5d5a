// POST /cases/{case}/evidence (an upload), and the jobs of a case: POST /cases/{case}/jobs
// starts an ingest, detect or resolve in the background; GET .../jobs/{id} reads it,
// .../events follows it as Server-Sent Events, DELETE cancels it. A job writes the same
// ledger entries as the command it stands for, with the user who started it as actor.
#include <algorithm>
#include <filesystem>

#include "app/add_evidence.hpp"
#include "app/case_detectors.hpp"
#include "app/ingest_evidence.hpp"
#include "app/resolve_case.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "server/api.hpp"
#include "server/jobs.hpp"
#include "store/case_policy.hpp"
#include "store/evidence_store.hpp"
#include "store/ingests.hpp"

namespace corridor::server {

namespace fs = std::filesystem;

namespace {

JobBoard& board(const Ctx& ctx) {
  if (!ctx.site.jobs) throw Error("jobs", "this server runs no jobs", 4);
  return *ctx.site.jobs;
}

std::vector<std::string> strings(const nlohmann::json& body, const char* name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > 10000) throw Error("", std::string("\"") + name + "\" must be a list of strings", 2);
  for (const auto& v : *it) {
    if (!v.is_string()) throw Error("", std::string("\"") + name + "\" must be a list of strings", 2);
    out.push_back(v.get<std::string>());
  }
  return out;
}

// Items never ingested, not withdrawn, not extracted from another: what `ingest --all` reads.
std::vector<std::string> pending_items(store::CaseFolder& c) {
  store::EvidenceStore evidence(c.db());
  std::vector<std::string> out;
  for (const auto& e : evidence.list())
    if (!e.parent_sha256 && !evidence.withdrawal(e.id) && !store::already_ingested(c.db(), e.id)) out.push_back(e.sha256);
  return out;
}

JobBoard::Work ingest_work(fs::path dir, std::vector<std::string> items, std::string actor, std::string why) {
  return [=](const auto& step) {
    auto c = store::CaseFolder::open(dir);
    const auto shas = items.empty() ? pending_items(*c) : items;
    step("ingesting");
    app::IngestOptions o;
    o.actor = actor;
    o.why = why;
    const auto report = app::ingest_evidence(*c, shas, o);
    auto files = nlohmann::ordered_json::array();
    for (const auto& f : report.files)
      files.push_back({{"sha256", f.sha256}, {"name", f.name}, {"format", f.format}, {"statements", f.statements},
                       {"skipped", f.skipped}, {"error", f.error ? nlohmann::ordered_json(*f.error) : nullptr}});
    return nlohmann::ordered_json{{"files", files}, {"entities_before", report.entities_before},
                                  {"entities_after", report.entities_after}};
  };
}

JobBoard::Work detect_work(fs::path dir, std::vector<std::string> names, std::string actor, std::string why) {
  return [=](const auto& step) {
    auto c = store::CaseFolder::open(dir);
    const auto stopped = store::PolicyStore(c->db()).read().stopped_detectors;
    std::vector<std::string> todo = names;
    if (todo.empty())
      for (const auto& d : app::case_detectors())
        if (!stopped.count(d.name)) todo.push_back(d.name);
    auto runs = nlohmann::ordered_json::array();
    for (const auto& name : todo) {
      step(name);  // cancelling stops between detectors
      for (const auto& r : app::run_detectors(*c, {name}, actor, why, {}))
        runs.push_back({{"detector", r.detector}, {"found", r.found}, {"stored", r.stored}, {"seconds", r.seconds}});
    }
    return nlohmann::ordered_json{{"runs", runs}};
  };
}

JobBoard::Work resolve_work(fs::path dir, std::string actor, std::string why) {
  return [=](const auto& step) {
    auto c = store::CaseFolder::open(dir);
    step("resolving");
    const auto r = app::resolve_case(*c, {}, actor, why);
    return nlohmann::ordered_json{{"persons", r.persons}, {"merged", r.merged}, {"proposals", r.indicators},
                                  {"statements", r.statements}};
  };
}

}  // namespace

Response upload_evidence(Ctx& ctx) {
  if (!ctx.req.upload) return error_response(400, "send the file as the request body");
  if (auto refused = unjustified(ctx, store::operation::kCollect)) return *refused;
  std::string name = ctx.req.header("x-file-name");
  if (name.empty()) name = ctx.req.param("name");
  name = fs::path(name).filename().string();  // a name, never a path
  if (name.empty() || name == "." || name == ".." || name.size() > 255)
    return error_response(400, "give the file's name (X-File-Name header or ?name=)");
  app::AddRequest req;
  req.actor = ctx.actor();
  req.why = ctx.why();
  req.acquisition.acquired_by = ctx.req.param("acquired_by");
  req.acquisition.acquired_at = ctx.req.param("acquired_at");
  req.acquisition.method = ctx.req.param("method");
  req.acquisition.legal_basis = ctx.req.param("legal_basis");
  const auto& up = *ctx.req.upload;
  const auto added = app::add_received(*ctx.c, {up.temp, up.sha256, up.size, name}, req);
  return ok({{"id", added.evidence.id},
             {"sha256", added.evidence.sha256},
             {"size", added.evidence.size},
             {"name", added.evidence.original_name},
             {"new_in_case", added.new_in_case}},
            201);
}

Response start_job(Ctx& ctx) {
  const auto body = json_body(ctx);
  const std::string kind = text_field(body, "kind");
  const fs::path dir = ctx.site.dir / ctx.case_name;
  JobBoard::Work work;
  if (kind == "ingest") {
    if (auto refused = unjustified(ctx, store::operation::kCollect)) return *refused;
    work = ingest_work(dir, strings(body, "items"), ctx.actor(), ctx.why());
  } else if (kind == "detect") {
    if (auto refused = unjustified(ctx, store::operation::kCombine)) return *refused;
    const auto names = strings(body, "detectors");
    for (const auto& n : names) {
      const auto& all = app::case_detectors();
      if (std::none_of(all.begin(), all.end(), [&](const auto& d) { return n == d.name; }))
        return error_response(400, "no detector named " + n);
    }
    work = detect_work(dir, names, ctx.actor(), ctx.why());
  } else if (kind == "resolve") {
    if (auto refused = unjustified(ctx, store::operation::kCombine)) return *refused;
    work = resolve_work(dir, ctx.actor(), ctx.why());
  } else {
    return error_response(400, "kind is ingest, detect or resolve");
  }
  const auto id = board(ctx).start(ctx.case_name, kind, ctx.actor(), std::move(work));
  Response r = ok({{"id", id}, {"state", "queued"}}, 202);
  r.headers.emplace_back("Location", "/api/v1/cases/" + ctx.case_name + "/jobs/" + std::to_string(id));
  return r;
}

Response get_job(Ctx& ctx) {
  const auto job = board(ctx).get(number_param(ctx, 1, "job"), ctx.case_name);
  if (!job) return error_response(404, "no such job");
  return ok(job->json());
}

Response cancel_job(Ctx& ctx) {
  const auto id = number_param(ctx, 1, "job");
  if (!board(ctx).cancel(id, ctx.case_name)) return error_response(404, "no such job");
  return ok(board(ctx).get(id, ctx.case_name)->json());
}

Response job_events(Ctx& ctx) {
  const auto id = number_param(ctx, 1, "job");
  JobBoard& jobs = board(ctx);
  if (!jobs.get(id, ctx.case_name)) return error_response(404, "no such job");
  struct Follow {
    std::uint64_t seen = 0;
    bool ended = false;
  };
  auto follow = std::make_shared<Follow>();
  Response r;
  r.content_type = "text/event-stream";
  r.stream = [&jobs, id, name = ctx.case_name, follow](std::string& chunk) {
    if (follow->ended) return false;
    const auto v = jobs.wait(id, name, follow->seen, 15000);
    if (!v) return false;
    if (v->version == follow->seen && !v->finished()) {
      chunk = ": still running\n\n";  // keeps proxies from closing an idle stream
      return true;
    }
    follow->seen = v->version;
    follow->ended = v->finished();
    chunk = std::string("event: ") + (follow->ended ? "end" : "progress") + "\ndata: " +
            v->json().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
    return true;
  };
  return r;
}

}  // namespace corridor::server
