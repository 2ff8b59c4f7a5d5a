#include "app/demo_report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/pseudonyms.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "core/unicode.hpp"
#include "store/evidence_store.hpp"
#include "store/indicator_store.hpp"

namespace corridor::app {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  for (char ch : s) {
    switch (ch) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break;
      default: o += ch;
    }
  }
  return o;
}

std::string num(double v, int digits = 1) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

const char* kStyle = R"css(
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1d2733;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#c9d2dc}main{padding:8px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;margin:18px 0;padding:14px 18px}
h2{font-size:17px;margin:0 0 10px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #e6e9ee;padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f0f2f5}.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde2e8;border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:20px}.muted{color:#66717e}.ok{color:#1b7f3b}.bad{color:#b3261e}
code{font-size:12px;word-break:break-all}
)css";

void summary(std::ostream& h, const DemoResult& r) {
  const auto& o = r.overview;
  h << "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  auto card = [&](const std::string& label, std::int64_t v) {
    h << "<div class=\"card\"><b>" << v << "</b>" << esc(label) << "</div>";
  };
  card("evidence items", o.evidence_items);
  card("statements", o.statements);
  std::int64_t entities = 0;
  for (const auto& [k, v] : o.entities_by_schema) entities += v;
  card("entities", entities);
  card("persons merged", static_cast<std::int64_t>(r.resolve.merged));
  card("AIS positions", o.ais_positions);
  card("vessel events", static_cast<std::int64_t>(r.vessel_events.size()));
  card("possible offers", static_cast<std::int64_t>(r.offers.size()));
  card("audit entries", o.audit_entries);
  h << "</div><p>Integrity: <span class=\"" << (r.verified ? "ok\">all evidence re-hashed, audit ledger and signed "
                                                               "checkpoints verified"
                                                             : "bad\">verification found problems")
    << "</span>.</p><table><tr><th>entity schema</th><th class=\"num\">count</th></tr>";
  for (const auto& [k, v] : o.entities_by_schema) h << "<tr><td>" << esc(k) << "</td><td class=\"num\">" << v << "</td></tr>";
  h << "</table><h2 style=\"margin-top:14px\">Stages</h2><table><tr><th>stage</th><th class=\"num\">seconds</th><th>result</th></tr>";
  for (const auto& s : r.stages)
    h << "<tr><td>" << esc(s.stage) << "</td><td class=\"num\">" << num(s.seconds, 2) << "</td><td>" << esc(s.detail)
      << "</td></tr>";
  h << "<tr><th>total</th><th class=\"num\">" << num(r.total_seconds, 2) << "</th><th></th></tr></table></section>\n";
}

void key_identifiers(std::ostream& h, const DemoResult& r, const Pseudonyms& shown) {
  h << "<section id=\"key-players\"><h2>Key identifiers</h2><p class=\"muted\">Phones, accounts, wallets and bank "
       "accounts ranked by how many messages, posts, payments and documents link to them. Who uses an identifier "
       "is for the investigator to establish.</p><table><tr><th>#</th><th>kind</th><th>identifier</th>"
       "<th class=\"num\">records</th><th class=\"num\">evidence items</th><th>why it ranks / where it is</th></tr>";
  int i = 0;
  for (const auto& li : r.overview.top_identifiers) {
    std::string where;
    for (const auto& l : li.sample_locators) where += (where.empty() ? "" : "; ") + l;
    h << "<tr><td>" << ++i << "</td><td>" << esc(li.entity.schema) << "</td><td><code>" << esc(shown.value(li.entity.id, "", li.value))
      << "</code></td><td class=\"num\">" << li.records << "</td><td class=\"num\">" << li.evidence_items
      << "</td><td>linked from " << li.records << " records in " << li.evidence_items << " evidence items; e.g. "
      << esc(where) << "</td></tr>";
  }
  h << "</table></section>\n";
}

void key_players(std::ostream& h, const DemoResult& r, const Pseudonyms& shown) {
  h << "<section id=\"network-analysis\"><h2>Key players (network analysis)</h2><p class=\"muted\">"
    << r.network.nodes << " entities and " << r.network.edges
    << " links around what the detectors flagged; ranked by PageRank, betweenness, brokerage between "
       "communities, core membership and how many evidence items speak of each. "
       "Reasons are measures of position in the network, not findings about a person.</p><table><tr><th>#</th>"
       "<th>kind</th><th>entity</th><th class=\"num\">score</th><th class=\"num\">degree</th><th>reasons</th></tr>";
  for (const auto& k : r.network.rows) {
    std::string reasons;
    for (const auto& why : k.player.reasons) reasons += (reasons.empty() ? "" : "; ") + shown.scrub(why);
    h << "<tr><td>" << k.rank << "</td><td>" << esc(k.schema) << "</td><td><code>"
      << esc(k.label.empty() ? k.id : shown.label(k.id, k.label))
      << "</code></td><td class=\"num\">" << num(k.player.score, 3) << "</td><td class=\"num\">" << k.player.degree
      << "</td><td>" << esc(reasons) << "</td></tr>";
  }
  h << "</table></section>\n";
}

// Identifiers on a circle; a line joins two identifiers that appear in the same record.
void network_picture(std::ostream& h, store::CaseFolder& c, const DemoResult& r, const Pseudonyms& shown) {
  const auto& top = r.overview.top_identifiers;
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < top.size(); ++i) index[top[i].entity.id] = static_cast<int>(i);
  std::map<std::int64_t, std::vector<int>> by_record;
  store::Stmt s(c.db(), "SELECT entity, value FROM statements WHERE property IN ('mentions','sender','author','payer','beneficiary')");
  while (s.step()) {
    auto it = index.find(s.text(1));
    if (it != index.end()) by_record[s.int64(0)].push_back(it->second);
  }
  std::map<std::pair<int, int>, int> edges;
  for (auto& [rec, ids] : by_record) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::size_t a = 0; a < ids.size(); ++a)
      for (std::size_t b = a + 1; b < ids.size(); ++b) ++edges[{ids[a], ids[b]}];
  }
  const double W = 760, H = 560, cx = W / 2, cy = H / 2, R = 220;
  auto pos = [&](int i) {
    const double a = 2 * M_PI * i / std::max<std::size_t>(1, top.size());
    return std::pair<double, double>{cx + R * std::cos(a), cy + R * std::sin(a)};
  };
  h << "<section id=\"network\"><h2>Network picture</h2><p class=\"muted\">" << top.size() << " identifiers, "
    << edges.size() << " links (shared messages, posts or documents; thicker = more).</p>"
    << "<svg viewBox=\"0 0 " << W << " " << H << "\" width=\"100%\" role=\"img\" aria-label=\"network\">";
  for (const auto& [e, n] : edges) {
    auto [x1, y1] = pos(e.first);
    auto [x2, y2] = pos(e.second);
    h << "<line x1=\"" << num(x1) << "\" y1=\"" << num(y1) << "\" x2=\"" << num(x2) << "\" y2=\"" << num(y2)
      << "\" stroke=\"#7a8aa0\" stroke-opacity=\"0.55\" stroke-width=\"" << num(std::min(6.0, 0.6 + std::log2(1.0 + n)))
      << "\"/>";
  }
  const std::map<std::string, std::string> colour{{"Phone", "#2f6db5"}, {"UserAccount", "#7b3fb0"},
                                                  {"CryptoWallet", "#c77800"}, {"BankAccount", "#1b7f3b"},
                                                  {"Email", "#b3261e"}, {"Passport", "#555"}};
  for (std::size_t i = 0; i < top.size(); ++i) {
    auto [x, y] = pos(static_cast<int>(i));
    const double rad = 4 + 1.2 * std::log2(1.0 + static_cast<double>(top[i].records));
    auto col = colour.count(top[i].entity.schema) ? colour.at(top[i].entity.schema) : "#444";
    h << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << num(rad) << "\" fill=\"" << col
      << "\"><title>" << esc(top[i].entity.schema + " " + shown.value(top[i].entity.id, "", top[i].value))
      << "</title></circle><text x=\"" << num(x + (x > cx ? 10 : -10))
      << "\" y=\"" << num(y + 4) << "\" font-size=\"10\" text-anchor=\"" << (x > cx ? "start" : "end") << "\">"
      << esc(std::string(unicode::utf8_prefix(shown.value(top[i].entity.id, "", top[i].value), 24))) << "</text>";
  }
  h << "</svg></section>\n";
}

void map_and_timeline(std::ostream& h, const DemoResult& r) {
  const auto& ev = r.vessel_events;
  h << "<section id=\"map\"><h2>Map of vessel events</h2>";
  if (ev.empty()) {
    h << "<p>No events.</p></section>\n";
    return;
  }
  double la0 = 90, la1 = -90, lo0 = 180, lo1 = -180;
  for (const auto& e : ev)
    if (e.lat != 0 || e.lon != 0) {
      la0 = std::min(la0, e.lat), la1 = std::max(la1, e.lat), lo0 = std::min(lo0, e.lon), lo1 = std::max(lo1, e.lon);
    }
  la0 -= 0.5, la1 += 0.5, lo0 -= 0.5, lo1 += 0.5;
  const double W = 760, H = 420;
  auto x = [&](double lon) { return (lon - lo0) / (lo1 - lo0) * W; };
  auto y = [&](double lat) { return (la1 - lat) / (la1 - la0) * H; };
  h << "<svg viewBox=\"0 0 " << W << " " << H << "\" width=\"100%\" style=\"background:#e8f1f8\" role=\"img\" "
       "aria-label=\"map\">";
  const std::map<std::string, std::string> colour{{"gap", "#b3261e"},       {"encounter", "#c77800"},
                                                  {"loitering", "#7b3fb0"}, {"departure", "#1b7f3b"},
                                                  {"arrival", "#2f6db5"}};
  auto polyline = [&](const std::vector<LatLon>& line, const char* style) {
    h << "<polyline fill=\"none\" " << style << " points=\"";
    for (const auto& p : line) h << num(x(p.lon)) << "," << num(y(p.lat)) << " ";
    h << "\"/>";
  };
  for (const auto& line : r.coast.lines) polyline(line, "stroke=\"#8a7a5c\" stroke-width=\"1.5\"");
  for (const auto& z : r.zones)
    for (const auto& ring : z.outer) polyline(ring, "stroke=\"#1b7f3b\" stroke-dasharray=\"3 2\"");
  int n = 0;
  std::map<std::pair<long, long>, int> stacked;  // events at one spot get their labels one under another
  for (const auto& e : ev) {
    if (e.lat == 0 && e.lon == 0) continue;
    const int below = stacked[{std::lround(x(e.lon) / 8), std::lround(y(e.lat) / 8)}]++;
    auto col = colour.count(e.kind) ? colour.at(e.kind) : "#444";
    h << "<circle cx=\"" << num(x(e.lon)) << "\" cy=\"" << num(y(e.lat)) << "\" r=\"7\" fill=\"" << col
      << "\" fill-opacity=\"0.8\"><title>" << esc(e.kind + ": " + e.reason) << "</title></circle><text x=\""
      << num(x(e.lon) + 9) << "\" y=\"" << num(y(e.lat) + 4 + 13 * below) << "\" font-size=\"11\">" << ++n << " " << esc(e.kind)
      << "</text>";
  }
  h << "<text x=\"6\" y=\"" << H - 6 << "\" font-size=\"10\" fill=\"#555\">lat " << num(la0) << "…" << num(la1)
    << ", lon " << num(lo0) << "…" << num(lo1) << " (equirectangular)</text></svg></section>\n";

  std::int64_t t0 = ev.front().start, t1 = ev.front().end;
  for (const auto& e : ev) t0 = std::min(t0, e.start), t1 = std::max(t1, e.end);
  if (t1 <= t0) t1 = t0 + 1;
  const double TW = 760, row = 18;
  h << "<section id=\"timeline\"><h2>Timeline</h2><p class=\"muted\">" << esc(format_utc(t0).substr(0, 16)) << " to "
    << esc(format_utc(t1).substr(0, 16)) << " UTC</p><svg viewBox=\"0 0 " << TW + 200 << " " << row * ev.size() + 10
    << "\" width=\"100%\" role=\"img\" aria-label=\"timeline\">";
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const auto& e = ev[i];
    const double a = 200 + static_cast<double>(e.start - t0) / static_cast<double>(t1 - t0) * (TW - 10);
    const double b = 200 + static_cast<double>(e.end - t0) / static_cast<double>(t1 - t0) * (TW - 10);
    auto col = colour.count(e.kind) ? colour.at(e.kind) : "#444";
    h << "<text x=\"4\" y=\"" << num(row * i + 13) << "\" font-size=\"11\">" << i + 1 << " " << esc(e.kind) << "</text><rect x=\""
      << num(a) << "\" y=\"" << num(row * i + 3) << "\" width=\"" << num(std::max(3.0, b - a)) << "\" height=\"12\" fill=\""
      << col << "\"/>";
  }
  h << "</svg></section>\n";
}

void vessel_events(std::ostream& h, const DemoResult& r, const std::string& ais_name) {
  h << "<section id=\"vessel-events\"><h2>Vessel behaviour</h2><p class=\"muted\">Events on the AIS tracks, "
       "each with the reason and the exact evidence lines behind it.</p><table><tr><th>#</th>"
       "<th>kind</th><th>when (UTC)</th><th>vessels (MMSI)</th><th>reason</th><th>evidence</th></tr>";
  int i = 0;
  for (const auto& e : r.vessel_events) {
    std::string v, where;
    for (auto m : e.vessels) v += (v.empty() ? "" : ", ") + std::to_string(m);
    for (const auto& l : e.evidence)
      where += (where.empty() ? "" : "; ") + ais_name + " line " + std::to_string(l.line) + " (bytes " +
               std::to_string(l.byte_offset) + "+" + std::to_string(l.byte_length) + ")";
    ++i;
    h << "<tr id=\"vessel-event-" << i << "\"><td>" << i << "</td><td>" << esc(e.kind) << (e.zone.empty() ? "" : " " + esc(e.zone))
      << "</td><td>" << esc(format_utc(e.start).substr(0, 16)) << " – " << esc(format_utc(e.end).substr(0, 16))
      << "</td><td>" << esc(v) << "</td><td>" << esc(e.reason) << "</td><td><code>" << esc(where) << "</code></td></tr>";
  }
  h << "</table></section>\n";
}

// The stored indicators, strongest first per detector family, each with its reasons and
// the evidence (file and place) of the statements behind them.
void indicators(std::ostream& h, store::CaseFolder& c, const DemoResult& r, const Pseudonyms& pseudonyms) {
  std::map<std::string, std::pair<std::int64_t, std::string>> items;  // sha256 -> id, name
  for (const auto& e : store::EvidenceStore(c.db()).list()) items[e.sha256] = {e.id, e.original_name};
  // The file as a link to its row in the evidence table, then the place inside it.
  auto place = [&](const StatementSource& src) {
    const auto it = items.find(src.evidence_sha256);
    const std::string where = " " + esc(locator_text(src.locator));
    if (it == items.end()) return "<code>" + esc(src.evidence_sha256.substr(0, 12)) + where + "</code>";
    return "<a href=\"#evidence-" + std::to_string(it->second.first) + "\">" + esc(it->second.second) + "</a><code>" +
           where + "</code>";
  };
  h << "<section id=\"indicators\"><h2>Indicators</h2><p class=\"muted\">Assessments of the detectors, never "
       "findings: each is a lead for a person to confirm or dismiss with a reason "
       "(<code>corridor review CASE ID --confirm|--dismiss --reason …</code>), and every decision is logged.</p>"
       "<table><tr><th>detector</th><th class=\"num\">indicators</th><th class=\"num\">seconds</th></tr>";
  std::size_t total = 0;
  for (const auto& d : r.detectors) {
    total += d.found;
    h << "<tr><td>" << esc(d.detector) << "</td><td class=\"num\">" << d.found << "</td><td class=\"num\">"
      << num(d.seconds, 2) << "</td></tr>";
  }
  h << "<tr><th>all</th><th class=\"num\"><span id=\"indicator-count\">" << total << "</span></th><th></th></tr></table>"
    << "<table><tr><th>#</th><th>detector</th><th class=\"num\">score</th><th>lead</th><th>reasons</th><th>evidence</th></tr>";
  store::IndicatorStore st(c.db());
  for (const auto& d : r.detectors) {
    store::IndicatorFilter f;
    f.detector = d.detector;
    f.limit = 8;
    for (const auto& ind : st.list(f)) {
      std::string why, where;
      std::set<std::int64_t> shown;
      for (std::size_t k = 0; k < ind.reasons.size() && k < 4; ++k) {
        const auto& reason = ind.reasons[k];
        why += (why.empty() ? "" : "; ") + pseudonyms.scrub(reason.text) + " (" + num(reason.weight, 2) + ")";
        for (const auto& src : statement_sources(c.db(), reason.statement_ids)) {
          if (shown.size() >= 2 || !shown.insert(src.id).second) continue;
          where += (where.empty() ? "" : "; ") + place(src);
        }
      }
      h << "<tr id=\"indicator-" << ind.id << "\"><td>" << ind.id << "</td><td>" << esc(ind.detector)
        << "</td><td class=\"num\">" << num(ind.score, 2) << "</td><td dir=\"auto\">" << esc(pseudonyms.scrub(ind.title))
        << "</td><td dir=\"auto\">" << esc(why) << "</td><td>" << where << "</td></tr>";
    }
  }
  h << "</table></section>\n";
}

// Who the indicators select, by protected group, and what each family's indicators rest
// on: the outcome audit a reviewer reads before acting on any of them.
void bias_audit(std::ostream& h, const DemoResult& r) {
  const auto& b = r.bias;
  h << "<section id=\"bias-audit\"><h2>Bias audit</h2><p class=\"muted\">Selection rates of the " << b.persons
    << " persons of the case by nationality, sex and age band (reference date " << esc(b.reference_date)
    << "), per detector family: indicators scoring " << num(b.min_score, 2)
    << " or more select the persons their subjects lead to. Groups under " << b.min_group
    << " persons and unrecorded values are not compared. A four-fifths flag is a question for the reviewer, not a "
       "finding (<code>corridor audit-bias CASE</code> gives every group).</p><table><tr><th>family</th>"
       "<th>attribute</th><th class=\"num\">selected</th><th class=\"num\">groups compared</th>"
       "<th class=\"num\">parity difference</th><th class=\"num\">impact ratio</th><th>flag</th></tr>";
  for (const auto& a : b.audits)
    for (const auto& at : a.attributes) {
      if (at.compared_groups == 0) continue;
      h << "<tr><td>" << esc(a.family) << "</td><td>" << esc(at.attribute) << "</td><td class=\"num\">" << a.selected
        << " of " << a.population << "</td><td class=\"num\">" << at.compared_groups << "</td><td class=\"num\">"
        << (at.parity_difference ? num(*at.parity_difference, 3) : std::string("—")) << "</td><td class=\"num\">"
        << (at.impact_ratio ? num(*at.impact_ratio, 3) : std::string("—")) << "</td><td>"
        << (at.four_fifths_flag ? "below 0.8 (" + esc(at.lowest) + " vs " + esc(at.highest) + ")" : esc(at.note))
        << "</td></tr>";
    }
  h << "</table><p>Four-fifths flags: <span id=\"bias-flags\">" << four_fifths_flags(b) << "</span>. Inputs: ";
  std::string inputs;
  for (const auto& in : b.inputs)
    inputs += (inputs.empty() ? "" : "; ") + in.family + (in.ok() ? " cites no protected property" : " NEEDS REVIEW");
  h << esc(inputs) << ".</p></section>\n";
}

void offers(std::ostream& h, const DemoResult& r) {
  h << "<section id=\"offers\"><h2>Possible smuggling offers</h2><p class=\"muted\">" << r.offers.size() << " of "
    << r.posts_scored << " posts score 0.5 or more with the offer detector (lexicons in ten languages and a "
       "logistic regression). Each is a lead for review, with the terms that made its score.</p><table><tr><th>#</th>"
       "<th>post</th><th class=\"num\">score</th><th>text</th><th>reasons</th></tr>";
  for (std::size_t i = 0; i < r.offers.size() && i < 30; ++i) {
    const auto& o = r.offers[i];
    h << "<tr><td>" << i + 1 << "</td><td><code>" << esc(o.post_id) << "</code></td><td class=\"num\">" << num(o.score, 2)
      << "</td><td dir=\"auto\">" << esc(std::string(unicode::utf8_prefix(o.text, 220))) << "</td><td>" << esc(o.reasons) << "</td></tr>";
  }
  h << "</table></section>\n";
}

void evidence(std::ostream& h, store::CaseFolder& c) {
  store::EvidenceStore st(c.db());
  h << "<section id=\"evidence\"><h2>Evidence and custody</h2><table><tr><th>id</th><th>name</th><th>media type</th>"
       "<th class=\"num\">bytes</th><th>sha256</th><th>custody</th></tr>";
  for (const auto& e : st.list()) {
    std::string custody;
    for (const auto& ev : st.custody(e.sha256))
      custody += std::string(custody.empty() ? "" : "; ") + to_string(ev.action) + " " + ev.at.substr(0, 19) + " by " + ev.actor;
    h << "<tr id=\"evidence-" << e.id << "\"><td>" << e.id << "</td><td>" << esc(e.original_name) << (e.parent_sha256 ? " <span class=\"muted\">(in "
      + esc(e.parent_sha256->substr(0, 12)) + "…)</span>" : "") << "</td><td>" << esc(e.media_type) << "</td><td class=\"num\">"
      << e.size << "</td><td><code>" << e.sha256 << "</code></td><td>" << esc(custody) << "</td></tr>";
  }
  h << "</table></section>\n";
}

}  // namespace

void write_demo_report(store::CaseFolder& c, const DemoResult& r, const std::filesystem::path& out) {
  std::ofstream h(out, std::ios::trunc);
  if (!h) throw Error(out.string(), "cannot write the report");
  const auto info = c.info();
  h << "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << esc(info.title)
    << " — Corridor report</title><style>" << kStyle << "</style></head><body><header><h1>" << esc(info.title)
    << "</h1><p>Case " << esc(info.case_id) << " · examiner " << esc(info.examiner) << " · report written "
    << esc(utc_now().substr(0, 19)) << " UTC · all data in this demo is invented</p></header><main>\n";
  // Smuggled migrants and victims under their pseudonyms, as in every output.
  const Pseudonyms shown = Pseudonyms::of_case(c);
  summary(h, r);
  key_identifiers(h, r, shown);
  key_players(h, r, shown);
  network_picture(h, c, r, shown);
  map_and_timeline(h, r);
  vessel_events(h, r, "ais.nmea");
  indicators(h, c, r, shown);
  bias_audit(h, r);
  offers(h, r);
  evidence(h, c);
  h << "</main></body></html>\n";
  if (!h) throw Error(out.string(), "write failed");
}

}  // namespace corridor::app
