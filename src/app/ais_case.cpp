#include "app/ais_case.hpp"

#include <fstream>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/time.hpp"
#include "model/entity_keys.hpp"

namespace corridor::app {

namespace {

bool is_ais_line(std::string_view line) {
  if (!line.empty() && line.front() == '\\') {  // NMEA 4.0 tag block first
    const auto end = line.find('\\', 1);
    if (end == std::string_view::npos) return false;
    line.remove_prefix(end + 1);
  }
  return line.size() > 7 && line[0] == '!' && (line.substr(3, 3) == "VDM" || line.substr(3, 3) == "VDO");
}

// Binds the columns of one row in order and, when the ledger batch hashes this table as
// it is written, encodes them as verify will read them back (store/row_commitments.hpp).
class RowBinder {
 public:
  RowBinder(store::Stmt& s, store::RowStream* hashed) : s_(s), hashed_(hashed) {}
  RowBinder& integer(std::int64_t v) {
    s_.bind(++i_, v);
    if (hashed_) e_.integer(v);
    return *this;
  }
  RowBinder& real(double v) {
    s_.bind(++i_, v);
    if (hashed_) e_.real(v);
    return *this;
  }
  RowBinder& text(std::string_view v) {
    s_.bind(++i_, v);
    if (hashed_) e_.text(v);
    return *this;
  }
  template <class T>
  RowBinder& opt(const std::optional<T>& v) {
    if (!v) {
      s_.bind_null(++i_);
      if (hashed_) e_.null();
      return *this;
    }
    if constexpr (std::is_floating_point_v<T>) return real(static_cast<double>(*v));
    else return integer(static_cast<std::int64_t>(*v));
  }
  RowBinder& locator(const ais::Locator& l) {
    return integer(static_cast<std::int64_t>(l.line))
        .integer(static_cast<std::int64_t>(l.last_line))
        .integer(static_cast<std::int64_t>(l.byte_offset))
        .integer(static_cast<std::int64_t>(l.byte_length));
  }
  // Inserts the row and starts the next.
  void run(store::Db& db) {
    s_.run();
    if (hashed_) hashed_->add(db.last_insert_rowid(), e_.hash());
    e_.clear();
    i_ = 0;
  }

 private:
  store::Stmt& s_;
  store::RowStream* hashed_;
  store::RowEncoding e_;
  int i_ = 0;
};

ais::Locator read_locator(const store::Stmt& s, int i) {
  return {static_cast<std::uint64_t>(s.int64(i)), static_cast<std::uint64_t>(s.int64(i + 1)),
          static_cast<std::uint64_t>(s.int64(i + 2)), static_cast<std::uint64_t>(s.int64(i + 3))};
}

template <class T>
std::optional<T> opt_col(const store::Stmt& s, int i) {
  if (s.is_null(i)) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) return static_cast<T>(s.real(i));
  else return static_cast<T>(s.int64(i));
}

// Vessel statements, one per distinct (mmsi, property, value): a vessel repeats its name
// every few minutes, but only a change is news.
class VesselStatements {
 public:
  VesselStatements(store::StatementWriter& w, const Evidence& e) : writer_(w), e_(e) {}

  void add(std::uint32_t mmsi, const char* property, const std::string& value, const ais::Locator& loc,
           std::optional<std::int64_t> t) {
    if (value.empty() || !seen_.emplace(mmsi, property, value).second) return;
    const std::string mmsi_text = std::to_string(mmsi);
    const std::string id = keys::vessel(mmsi_text);
    if (vessels_.insert(mmsi).second) writer_.ensure_entity(id, "Vessel", "MMSI " + mmsi_text);
    Statement s;
    s.entity_id = id;
    s.schema = "Vessel";
    s.property = property;
    s.value = value;
    s.prov = {e_.sha256, Locator{loc.byte_offset, loc.byte_length, "line:" + std::to_string(loc.line)}, "ais@1",
              t ? format_utc(*t) : ""};
    writer_.insert(s);
    ++statements_;
  }
  std::uint64_t statements() const { return statements_; }
  std::uint64_t vessels() const { return vessels_.size(); }

 private:
  store::StatementWriter& writer_;
  const Evidence& e_;
  std::set<std::tuple<std::uint32_t, std::string, std::string>> seen_;
  std::set<std::uint32_t> vessels_;
  std::uint64_t statements_ = 0;
};

}  // namespace

bool looks_like_ais(std::string_view head) {
  int lines = 0, ais = 0;
  std::size_t pos = 0;
  while (pos < head.size() && lines < 20) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) break;  // the last, possibly cut, line is not judged
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    ++lines;
    ais += is_ais_line(line);
  }
  return lines > 0 && ais * 2 > lines;
}

AisIngestResult ingest_ais(store::CaseFolder& c, store::StatementWriter& writer, const Evidence& e) {
  const auto path = c.vault().path_of(e.sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot read");
  store::Stmt pos_sql(c.db(),
                  "INSERT INTO ais_positions(evidence, mmsi, msg_type, t, lat, lon, sog, cog, heading, status, line, "
                  "last_line, loc_offset, loc_length) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  store::Stmt ident_sql(c.db(),
                    "INSERT INTO ais_identities(evidence, mmsi, msg_type, part, t, shipname, callsign, destination, imo, "
                    "mothership_mmsi, shiptype, to_bow, to_stern, to_port, to_starboard, draught, line, last_line, "
                    "loc_offset, loc_length) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  RowBinder pos(pos_sql, writer.stream("ais_positions")), ident(ident_sql, writer.stream("ais_identities"));
  AisIngestResult r;
  VesselStatements vessels(writer, e);
  r.stats = ais::decode_nmea_stream(
      in, {},
      [&](const ais::PositionReport& p) {
        pos.integer(e.id).integer(p.mmsi).integer(p.msg_type).opt(p.unix_millis).real(p.lat).real(p.lon);
        pos.opt(p.sog).opt(p.cog).opt(p.heading).opt(p.status).locator(p.locator).run(c.db());
        ++r.positions;
        vessels.add(p.mmsi, "mmsi", std::to_string(p.mmsi), p.locator, p.unix_millis);
      },
      [&](const ais::VesselIdentity& v) {
        ident.integer(e.id).integer(v.mmsi).integer(v.msg_type).integer(v.part).opt(v.unix_millis);
        ident.text(v.shipname).text(v.callsign).text(v.destination).opt(v.imo).opt(v.mothership_mmsi).opt(v.shiptype);
        ident.opt(v.to_bow).opt(v.to_stern).opt(v.to_port).opt(v.to_starboard).opt(v.draught).locator(v.locator);
        ident.run(c.db());
        ++r.identities;
        vessels.add(v.mmsi, "mmsi", std::to_string(v.mmsi), v.locator, v.unix_millis);
        vessels.add(v.mmsi, "name", v.shipname, v.locator, v.unix_millis);
        vessels.add(v.mmsi, "callSign", v.callsign, v.locator, v.unix_millis);
        if (v.imo && *v.imo) vessels.add(v.mmsi, "imoNumber", std::to_string(*v.imo), v.locator, v.unix_millis);
        if (v.shiptype) vessels.add(v.mmsi, "type", std::to_string(*v.shiptype), v.locator, v.unix_millis);
      });
  if (in.bad()) throw Error(path.string(), "read failed");
  r.statements = vessels.statements();
  r.vessels = vessels.vessels();
  return r;
}

ais::DecodedStream load_ais(store::CaseFolder& c) {
  ais::DecodedStream out;
  {  // millions of positions: one allocation, not a doubling copy after each
    store::Stmt top(c.db(), "SELECT coalesce(max(id), 0) FROM ais_positions");
    top.step();
    out.positions.reserve(static_cast<std::size_t>(top.int64(0)));
  }
  store::Stmt p(c.db(),
                "SELECT mmsi, msg_type, t, lat, lon, sog, cog, heading, status, line, last_line, loc_offset, loc_length "
                "FROM ais_positions ORDER BY id");
  while (p.step()) {
    ais::PositionReport r;
    r.mmsi = static_cast<std::uint32_t>(p.int64(0));
    r.msg_type = static_cast<int>(p.int64(1));
    r.unix_millis = opt_col<std::int64_t>(p, 2);
    r.lat = p.real(3);
    r.lon = p.real(4);
    r.sog = opt_col<double>(p, 5);
    r.cog = opt_col<double>(p, 6);
    r.heading = opt_col<int>(p, 7);
    r.status = opt_col<int>(p, 8);
    r.locator = read_locator(p, 9);
    out.positions.push_back(r);
  }
  store::Stmt i(c.db(),
                "SELECT mmsi, msg_type, part, t, shipname, callsign, destination, imo, mothership_mmsi, shiptype, "
                "to_bow, to_stern, to_port, to_starboard, draught, line, last_line, loc_offset, loc_length "
                "FROM ais_identities ORDER BY id");
  while (i.step()) {
    ais::VesselIdentity v;
    v.mmsi = static_cast<std::uint32_t>(i.int64(0));
    v.msg_type = static_cast<int>(i.int64(1));
    v.part = static_cast<int>(i.int64(2));
    v.unix_millis = opt_col<std::int64_t>(i, 3);
    v.shipname = i.text(4);
    v.callsign = i.text(5);
    v.destination = i.text(6);
    v.imo = opt_col<std::uint32_t>(i, 7);
    v.mothership_mmsi = opt_col<std::uint32_t>(i, 8);
    v.shiptype = opt_col<int>(i, 9);
    v.to_bow = opt_col<int>(i, 10);
    v.to_stern = opt_col<int>(i, 11);
    v.to_port = opt_col<int>(i, 12);
    v.to_starboard = opt_col<int>(i, 13);
    v.draught = opt_col<double>(i, 14);
    v.locator = read_locator(i, 15);
    out.identities.push_back(v);
  }
  return out;
}

}  // namespace corridor::app
