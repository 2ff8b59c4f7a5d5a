// Money-transfer-operator records (Western Union / MoneyGram style agent ledgers, hawala
// books typed into a sheet) as CSV with --map naming the columns:
//   sender_name, sender_phone, receiver_name, receiver_phone, send_location,
//   payout_location, amount, currency, control_number (MTCN), time, operator
// Sender and receiver become UserAccounts of the operator keyed by phone number (E.164,
// national numbers read with --region) or, without one, by name within this file.
#include "core/error.hpp"
#include "ingest/column_map.hpp"
#include "ingest/emit.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

class MtoCsvReader final : public Reader {
 public:
  std::string_view name() const override { return "mto-csv"; }

  int confidence(const Source& src) const override {
    return map_fits(src, {"control_number", "sender_name", "sender_phone", "receiver_name", "receiver_phone"}) ? 90 : 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    const std::string file = display_name(src);
    CsvReader csv(src.path, file, sniff_delimiter(src.head));
    CsvRecord rec;
    if (!csv.next(rec)) return;
    const MappedColumns cols(src.options, rec.fields,
                             {"sender_name", "sender_phone", "receiver_name", "receiver_phone", "send_location",
                              "payout_location", "amount", "currency", "control_number", "time", "operator"},
                             file);
    std::uint64_t count = 0;
    while (csv.next(rec)) {
      emit_row(out, cols, rec, where(file, "line", rec.line));
      sink.progress(rec.offset + rec.length, ++count);
    }
  }

 private:
  static std::string party(Emitter& out, const std::string& platform, const std::string& name, const std::string& phone,
                           const Locator& loc, const std::string& when) {
    const std::string e164 = phone_e164(phone, out.src().options.region);
    if (e164.empty() && name.empty()) return {};
    const std::string id = e164.empty() ? keys::record("UserAccount", out.src().sha256, platform + ":name:" + name)
                                        : keys::account(platform, e164);
    if (!out.first_time(id + '\x1f' + name)) return id;
    out.entity(id, "UserAccount", name.empty() ? e164 : name);
    out.fact(id, "UserAccount", "platform", platform, loc, when);
    if (!e164.empty()) {
      out.fact(id, "UserAccount", "userId", e164, loc, when, phone);
      const std::string pid = keys::phone(e164);
      out.entity(pid, "Phone", e164);
      out.fact(pid, "Phone", "number", e164, loc, when, phone);
    }
    out.fact(id, "UserAccount", "displayName", name, loc, when);
    if (!name.empty()) {
      const std::string person = keys::record("Person", out.src().sha256, id);
      out.entity(person, "Person", name);
      out.assess(person, "Person", "name", name, loc, when, 0.5);
      out.assess(id, "UserAccount", "owner", person, loc, when, 0.5);
    }
    return id;
  }

  static void emit_row(Emitter& out, const MappedColumns& c, const CsvRecord& rec, const std::string& at) {
    std::string when;
    if (const std::string t = c.get(rec, "time"); !t.empty()) {
      when = table_time(t, out.src().options);
      if (when.empty()) throw Error(at, "malformed time " + quoted_value(t));
    }
    const std::string raw_amount = c.get(rec, "amount");
    const std::string amount = decimal_amount(raw_amount);
    if (!raw_amount.empty() && amount.empty()) throw Error(at, "malformed amount " + quoted_value(raw_amount));
    std::string platform = lower_ascii(c.get(rec, "operator"));
    if (platform.empty()) platform = "mto";
    const std::string record = "row:" + std::to_string(rec.row);
    const Locator loc = at_record(record, rec.offset, rec.length);
    const std::string id = keys::record("Payment", out.src().sha256, record);
    const std::string currency = currency_code(c.get(rec, "currency"));
    out.entity(id, "Payment", amount + " " + currency);
    out.fact(id, "Payment", "payer", party(out, platform, c.get(rec, "sender_name"), c.get(rec, "sender_phone"), loc, when), loc, when);
    out.fact(id, "Payment", "beneficiary",
             party(out, platform, c.get(rec, "receiver_name"), c.get(rec, "receiver_phone"), loc, when), loc, when);
    out.fact(id, "Payment", "amount", amount, loc, when, raw_amount);
    out.fact(id, "Payment", "currency", currency, loc, when, c.get(rec, "currency"));
    out.fact(id, "Payment", "date", when, loc, when, c.get(rec, "time"));
    out.fact(id, "Payment", "controlNumber", c.get(rec, "control_number"), loc, when);
    out.fact(id, "Payment", "sendLocation", c.get(rec, "send_location"), loc, when);
    out.fact(id, "Payment", "payoutLocation", c.get(rec, "payout_location"), loc, when);
  }
};

}  // namespace

const Reader& mto_csv_reader() {
  static const MtoCsvReader r;
  return r;
}

}  // namespace corridor::ingest
