// Money detectors on a case (issue 7, part 2): every Payment entity of the case (AMLworld
// rows, money-transfer-operator ledgers, the demo's payments) becomes a payment between
// the accounts its payer and beneficiary statements name; the patterns of
// detect/money_patterns.hpp run on them; each finding becomes an indicator
// "money.<pattern>" about the accounts, each reason citing the statements (payer,
// beneficiary, amount, currency, date) of the payments it was seen in, and for price
// matches the statements of the posts or messages that advertised the price.
// The "isLaundering" statements of labelled files are never read.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "app/case_detectors.hpp"
#include "core/time.hpp"
#include "detect/money_patterns.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

namespace money = detect::money;

// Statements of one payment, in the order read.
struct PaymentRow {
  std::string payer, beneficiary, currency, currency_received;
  double amount = 0, received = 0;
  std::int64_t t = 0;
  bool has_date = false, has_amount = false;
  std::vector<std::int64_t> statements;
};

constexpr std::size_t kMaxPaymentsCited = 200;  // per reason
constexpr std::size_t kMaxSubjects = 100;

std::unordered_map<std::string, std::string> account_captions(store::Db& db) {
  std::unordered_map<std::string, std::string> out;
  store::Stmt q(db, "SELECT id, caption FROM entities WHERE schema IN ('BankAccount', 'UserAccount', 'CryptoWallet')");
  while (q.step()) out.emplace(q.text(0), q.text(1));
  return out;
}

// Adds one payment to the graph when it has what the patterns need.
void add_payment(money::PaymentGraph& g, PaymentRow& row, const std::unordered_map<std::string, std::string>& captions,
                 std::vector<std::vector<std::int64_t>>& cited) {
  if (row.payer.empty() || row.beneficiary.empty() || !row.has_date || !row.has_amount || row.amount <= 0) return;
  const auto label = [&](const std::string& id) {
    const auto it = captions.find(id);
    return it == captions.end() ? std::string_view(id) : std::string_view(it->second);
  };
  money::Payment p;
  p.t = row.t;
  p.payer = g.account(row.payer, label(row.payer));
  p.beneficiary = g.account(row.beneficiary, label(row.beneficiary));
  p.amount = row.amount;
  p.currency = g.currency(row.currency);
  if (row.received > 0) {
    p.received = row.received;
    p.received_currency = g.currency(row.currency_received.empty() ? row.currency : row.currency_received);
  }
  p.source = cited.size();
  cited.push_back(std::move(row.statements));
  g.add(p);
}

// "3000 EUR" -> amount and currency.
bool parse_price(const std::string& v, double& amount, std::string& currency) {
  const auto sp = v.find(' ');
  if (sp == std::string::npos) return false;
  char* end = nullptr;
  amount = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + sp || amount <= 0) return false;
  currency = v.substr(sp + 1);
  return !currency.empty();
}

// Amounts mentioned in posts and messages, at least 300 USD worth: what a crossing, a
// document or a passage costs, not the small change of chats. A text that the offers
// detector flagged (and nobody dismissed) marks its prices as offers.
std::vector<money::Price> advertised_prices(store::Db& db) {
  std::unordered_set<std::string> offers;
  {
    store::Stmt q(db,
                  "SELECT s.entity FROM indicator_subjects s JOIN indicators i ON i.id = s.indicator "
                  "WHERE i.detector = 'offers' AND i.review != 'dismissed'");
    while (q.step()) offers.insert(q.text(0));
  }
  std::vector<money::Price> out;
  store::Stmt q(db,
                "SELECT s.id, n.id, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                "WHERE n.schema IN ('Post', 'Message') AND s.property = 'amountMentioned' ORDER BY s.id");
  while (q.step()) {
    money::Price p;
    if (!parse_price(q.text(2), p.amount, p.currency)) continue;
    const double rate = money::usd_rate(p.currency);
    if (rate <= 0 || p.amount * rate < 300) continue;
    p.source = static_cast<std::uint64_t>(q.int64(0));
    p.offer = offers.count(q.text(1)) > 0;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::int64_t> statements_of(const money::PaymentGraph& g, const std::vector<money::PaymentId>& payments,
                                        const std::vector<std::vector<std::int64_t>>& cited) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < payments.size() && i < kMaxPaymentsCited; ++i) {
    const auto& s = cited[g[payments[i]].source];
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

}  // namespace

std::vector<Indicator> detect_money_in_case(store::CaseFolder& c, const DetectSettings& settings) {
  const auto captions = account_captions(c.db());
  money::PaymentGraph g;
  std::vector<std::vector<std::int64_t>> cited;  // statement ids of each payment, by Payment::source
  {
    store::Stmt q(c.db(),
                  "SELECT s.entity, s.id, s.property, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                  "WHERE n.schema = 'Payment' AND s.property IN "
                  "('payer', 'beneficiary', 'amount', 'currency', 'amountReceived', 'currencyReceived', 'date') "
                  "ORDER BY s.entity, s.id");
    std::int64_t current = -1;
    PaymentRow row;
    while (q.step()) {
      const std::int64_t entity = q.int64(0);
      if (entity != current) {
        add_payment(g, row, captions, cited);
        row = PaymentRow{};
        current = entity;
      }
      const std::string property = q.text(2), value = q.text(3);
      row.statements.push_back(q.int64(1));
      if (property == "payer") {
        row.payer = value;
      } else if (property == "beneficiary") {
        row.beneficiary = value;
      } else if (property == "amount") {
        row.amount = std::strtod(value.c_str(), nullptr);
        row.has_amount = !value.empty();
      } else if (property == "currency") {
        row.currency = value;
      } else if (property == "amountReceived") {
        row.received = std::strtod(value.c_str(), nullptr);
        row.statements.pop_back();  // the paid side is cited; this one is read for comparisons only
      } else if (property == "currencyReceived") {
        row.currency_received = value;
        row.statements.pop_back();
      } else if (property == "date") {
        if (const auto ms = parse_iso8601(value)) {
          row.t = *ms / 1000;
          row.has_date = true;
        }
      }
    }
    add_payment(g, row, captions, cited);
  }
  if (g.size() == 0) return {};
  g.finish();

  money::MoneySettings ms;
  ms.price_match.prices = advertised_prices(c.db());
  std::vector<Indicator> out;
  for (const auto& pattern : money::patterns()) {
    for (auto& f : pattern.run(g, ms)) {
      if (f.score < settings.min_score) continue;
      Indicator ind;
      ind.detector = std::string("money.") + pattern.kind;
      ind.title = f.title;
      ind.score = f.score;
      std::unordered_set<std::string> subjects;
      for (std::size_t i = 0; i < f.accounts.size() && ind.subjects.size() < kMaxSubjects; ++i)
        if (subjects.insert(g.key(f.accounts[i])).second) ind.subjects.push_back(g.key(f.accounts[i]));
      for (const auto& r : f.reasons) {
        Reason reason{r.text, r.weight, statements_of(g, r.payments, cited)};
        if (r.payments.size() > kMaxPaymentsCited)
          reason.text += " (the first " + std::to_string(kMaxPaymentsCited) + " of " + std::to_string(r.payments.size()) +
                         " payments cited)";
        for (std::uint64_t s : r.sources) reason.statement_ids.push_back(static_cast<std::int64_t>(s));
        std::sort(reason.statement_ids.begin(), reason.statement_ids.end());
        reason.statement_ids.erase(std::unique(reason.statement_ids.begin(), reason.statement_ids.end()),
                                   reason.statement_ids.end());
        ind.reasons.push_back(std::move(reason));
      }
      out.push_back(std::move(ind));
    }
  }
  return out;
}

}  // namespace corridor::app
