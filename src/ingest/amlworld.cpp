// Bank transfers in the IBM AMLworld schema (Altman et al., "Realistic Synthetic Financial
// Transactions for Anti-Money Laundering Models", 2023):
//   Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,
//   Amount Paid,Payment Currency,Payment Format[,Is Laundering]
// Timestamps are "YYYY/MM/DD HH:MM" without a zone; currencies are names ("US Dollar").
// One Payment per row between two BankAccounts keyed by bank and account number.
#include "core/error.hpp"
#include "ingest/csv.hpp"
#include "ingest/emit.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

constexpr std::string_view kHeader =
    "timestamp,from bank,account,to bank,account,amount received,receiving currency,amount paid,payment currency,payment format";

class AmlWorldReader final : public Reader {
 public:
  std::string_view name() const override { return "amlworld"; }

  int confidence(const Source& src) const override {
    std::string_view h = src.head;
    if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    std::string line = lower_ascii(trim(h.substr(0, h.find('\n'))));
    std::string compact;
    for (std::size_t i = 0; i < line.size(); ++i)
      if (!(line[i] == ' ' && (i == 0 || line[i - 1] == ',' || (i + 1 < line.size() && line[i + 1] == ','))))
        compact += line[i];
    return compact == kHeader || compact == std::string(kHeader) + ",is laundering" ? 95 : 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    const std::string file = display_name(src);
    CsvReader csv(src.path, file);
    CsvRecord rec;
    if (!csv.next(rec)) return;
    const bool labelled = rec.fields.size() == 11;
    std::uint64_t count = 0;
    while (csv.next(rec)) {
      const std::string at = where(file, "line", rec.line);
      if (rec.fields.size() != (labelled ? 11u : 10u))
        throw Error(at, "expected " + std::to_string(labelled ? 11 : 10) + " fields, found " + std::to_string(rec.fields.size()));
      emit_row(out, rec, labelled, at);
      sink.progress(rec.offset + rec.length, ++count);
    }
  }

 private:
  static std::string bank_account(Emitter& out, const std::string& bank, const std::string& number, const Locator& loc,
                                  const std::string& when) {
    const std::string key = bank + ":" + number;
    const std::string id = keys::bank_account(key);
    if (out.first_time(id)) {
      out.entity(id, "BankAccount", key);
      out.fact(id, "BankAccount", "bankId", bank, loc, when);
      out.fact(id, "BankAccount", "accountNumber", number, loc, when);
    }
    return id;
  }

  static void emit_row(Emitter& out, const CsvRecord& rec, bool labelled, const std::string& at) {
    const auto f = [&](std::size_t i) { return std::string(trim(rec.fields[i])); };
    const std::string when = table_time(f(0), out.src().options);
    if (when.empty()) throw Error(at, "malformed timestamp " + quoted_value(f(0)));
    const std::string paid = decimal_amount(f(7)), received = decimal_amount(f(5));
    if (paid.empty() || received.empty()) throw Error(at, "malformed amount " + quoted_value(paid.empty() ? f(7) : f(5)));
    const std::string paid_cur = currency_code(f(8)), received_cur = currency_code(f(6));
    const std::string record = "row:" + std::to_string(rec.row);
    const Locator loc = at_record(record, rec.offset, rec.length);
    const std::string id = keys::record("Payment", out.src().sha256, record);
    out.entity(id, "Payment", paid + " " + paid_cur);
    out.fact(id, "Payment", "payer", bank_account(out, f(1), f(2), loc, when), loc, when);
    out.fact(id, "Payment", "beneficiary", bank_account(out, f(3), f(4), loc, when), loc, when);
    out.fact(id, "Payment", "amount", paid, loc, when, f(7));
    out.fact(id, "Payment", "currency", paid_cur, loc, when, f(8));
    // Cross-currency rows: what arrived differs from what left.
    if (received != paid || received_cur != paid_cur) {
      out.fact(id, "Payment", "amountReceived", received, loc, when, f(5));
      out.fact(id, "Payment", "currencyReceived", received_cur, loc, when, f(6));
    }
    out.fact(id, "Payment", "date", when, loc, when, f(0));
    out.fact(id, "Payment", "paymentFormat", f(9), loc, when);
    if (labelled) out.fact(id, "Payment", "isLaundering", f(10) == "1" ? "true" : "false", loc, when, f(10));
  }
};

}  // namespace

const Reader& amlworld_reader() {
  static const AmlWorldReader r;
  return r;
}

}  // namespace corridor::ingest
