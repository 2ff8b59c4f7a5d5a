#include "extract/scanner.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "extract/engine.hpp"
#include "extract/region.hpp"

namespace corridor::extract {

void HandlerContext::emit(const Candidate& c, std::size_t from, std::size_t to, std::string type,
                          std::string value, double confidence, std::string detail) const {
  Mention m;
  m.type = std::move(type);
  m.value = std::move(value);
  m.raw = std::string(c.buf.substr(from, to - from));
  m.offset = from;
  m.length = to - from;
  m.confidence = confidence;
  m.detail = std::move(detail);
  out.push_back(std::move(m));
}

Scanner::Impl::Impl() {
  std::vector<std::string> exprs;
  std::vector<unsigned> flags, ids;
  const auto& table = feature_table();
  for (unsigned f = 0; f < table.size(); ++f) {
    for (unsigned s = 0; s < table[f].patterns.size(); ++s) {
      ids.push_back(static_cast<unsigned>(refs.size()));
      refs.push_back({f, s});
      exprs.push_back(table[f].patterns[s]);
      flags.push_back(table[f].find_start ? 0u : HS_FLAG_SOM_LEFTMOST);
    }
  }
  std::vector<const char*> ptrs;
  for (const auto& e : exprs) ptrs.push_back(e.c_str());
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(ptrs.data(), flags.data(), ids.data(), static_cast<unsigned>(ptrs.size()),
                       HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
    std::string msg = err && err->message ? err->message : "unknown error";
    if (err && err->expression >= 0) {
      const auto& r = refs[static_cast<std::size_t>(err->expression)];
      msg += " in pattern " + std::to_string(r.sub) + " of " + table[r.feature].name;
    }
    hs_free_compile_error(err);
    throw Error("extract", "cannot compile patterns: " + msg);
  }
  if (hs_alloc_scratch(db, &proto) != HS_SUCCESS) {
    hs_free_database(db);
    throw Error("extract", "cannot allocate Vectorscan scratch space");
  }
}

Scanner::Impl::~Impl() {
  for (auto* s : pool) hs_free_scratch(s);
  hs_free_scratch(proto);
  hs_free_database(db);
}

hs_scratch_t* Scanner::Impl::acquire() const {
  {
    std::lock_guard lk(pool_mu);
    if (!pool.empty()) {
      auto* s = pool.back();
      pool.pop_back();
      return s;
    }
  }
  hs_scratch_t* s = nullptr;
  if (hs_clone_scratch(proto, &s) != HS_SUCCESS) throw Error("extract", "out of memory for scratch");
  return s;
}

void Scanner::Impl::release(hs_scratch_t* s) const {
  std::lock_guard lk(pool_mu);
  pool.push_back(s);
}

bool type_wanted(const ScanOptions& opt, const std::string& type) {
  return opt.types.empty() || std::find(opt.types.begin(), opt.types.end(), type) != opt.types.end();
}

namespace {

struct Hit {
  unsigned id;
  std::size_t from, to;
};

// Collects candidates during the scan. Vectorscan reports every end offset of a pattern;
// with leftmost start, ends that share a start are one candidate growing, so only the
// longest is kept. Batches are handed to the features as they fill, bounding memory.
struct Collector {
  const Scanner::Impl* impl;
  std::string_view buf;
  const HandlerContext* ctx;
  std::vector<Hit> open;  // per pattern id: the candidate still growing
  std::vector<Hit> ready;

  void flush_ready() {
    const auto& table = feature_table();
    for (const auto& h : ready) {
      const auto& r = impl->refs[h.id];
      Candidate c{buf, h.from, h.to, r.sub};
      table[r.feature].handle(c, *ctx);
    }
    ready.clear();
  }
  void add(unsigned id, std::size_t from, std::size_t to) {
    Hit& o = open[id];
    if (o.to != 0 && o.from == from) {
      o.to = std::max(o.to, to);
      return;
    }
    if (o.to != 0) ready.push_back(o);
    o = Hit{id, from, to};
    if (ready.size() >= 4096) flush_ready();
  }
  void finish() {
    for (auto& o : open) {
      if (o.to != 0) ready.push_back(o);
      o.to = 0;
    }
    flush_ready();
  }
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  auto* c = static_cast<Collector*>(ctx);
  const auto& f = feature_table()[c->impl->refs[id].feature];
  if (f.find_start) {
    // Ends a few bytes apart lie in one run (every match is longer than the gap), so the
    // start found for the previous end still holds; this keeps long digit runs linear.
    const Hit& o = c->open[id];
    if (o.to != 0 && to > o.to && to - o.to <= 4 && to - o.from < 400) {
      from = o.from;
    } else {
      from = f.find_start(c->buf, static_cast<std::size_t>(to), c->impl->refs[id].sub);
    }
  }
  if (to > from) c->add(id, static_cast<std::size_t>(from), static_cast<std::size_t>(to));
  return 0;
}

}  // namespace

void Scanner::Impl::scan_block(std::string_view buf, std::size_t own_begin, std::size_t own_end,
                               const ScanOptions& opt, std::vector<Mention>& out) const {
  std::vector<Mention> found;
  RegionGuess regions(buf);
  HandlerContext ctx{opt, regions, found};
  Collector col{this, buf, &ctx, std::vector<Hit>(refs.size(), Hit{0, 0, 0}), {}};
  hs_scratch_t* scratch = acquire();
  const hs_error_t rc =
      hs_scan(db, buf.data(), static_cast<unsigned>(buf.size()), 0, scratch, on_match, &col);
  release(scratch);
  if (rc != HS_SUCCESS) throw Error("extract", "Vectorscan scan failed (" + std::to_string(rc) + ")");
  col.finish();
  resolve_overlaps(found);
  for (auto& m : found) {
    if (m.offset < own_begin || m.offset >= own_end || !type_wanted(opt, m.type)) continue;
    out.push_back(std::move(m));
  }
}

Scanner::Scanner() : impl_(std::make_unique<Impl>()) {}
Scanner::~Scanner() = default;

void Scanner::scan(std::string_view bytes, const ScanOptions& opt, const OnMention& on) const {
  std::vector<Mention> ms;
  for (std::size_t own = 0; own < bytes.size(); own += kChunk) {
    const std::size_t begin = own > kOverlap ? own - kOverlap : 0;
    const std::size_t end = std::min(bytes.size(), own + kChunk + kOverlap);
    ms.clear();
    impl_->scan_block(bytes.substr(begin, end - begin), own - begin,
                      std::min(bytes.size(), own + kChunk) - begin, opt, ms);
    for (auto& m : ms) {
      m.offset += begin;
      on(m);
    }
  }
}

std::vector<std::string> Scanner::types() const {
  std::vector<std::string> out;
  for (const auto& f : feature_table()) {
    for (const auto& t : f.types) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
  }
  return out;
}

}  // namespace corridor::extract
