// The FtM mapping on a small case, property by property: accounts, phones, payments,
// messages, posts and the links between them become what FollowTheMoney has for them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/ids.hpp"
#include "exchange/ftm.hpp"
#include "exchange/ftm_entity.hpp"
#include "model/entity_keys.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using nlohmann::json;

namespace {

const std::string kPayments(64, 'a'), kChat(64, 'b');

Evidence evidence(store::CaseFolder& c, const std::string& sha, const std::string& name) {
  Evidence e;
  e.sha256 = sha;
  e.media_type = "text/plain";
  e.original_name = name;
  e.added_at = "2026-03-02T00:00:00.000Z";
  e.acquisition.acquired_at = "2026-03-01T09:30:00Z";
  store::EvidenceStore(c.db()).insert_or_get(e);
  return e;
}

struct Small {
  test::TempDir dir;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(dir / "case", "t", "tester");
  std::string doc_payments = keys::record("Document", kPayments, "file");
  std::string doc_chat = keys::record("Document", kChat, "file");
  std::string phone_a = keys::phone("+218912345678"), phone_b = keys::phone("+393331234567");
  std::string acc_a = keys::account("mto", "+218912345678"), acc_b = keys::account("mto", "+393331234567");
  std::string person = "person-abu", bank = keys::bank_account("011:8000"), pay1 = "payment-1", pay2 = "payment-2";
  std::string msg1 = "message-1", msg2 = "message-2", post = "post-1", passport = keys::passport("EGY", "P02012722");

  Small() {
    evidence(*c, kPayments, "payments.csv");
    evidence(*c, kChat, "chat.txt");
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    const auto fact = [&](const std::string& id, const std::string& schema, const std::string& p, const std::string& v,
                          const std::string& sha, const std::string& record) {
      Statement s;
      s.entity_id = id;
      s.schema = schema;
      s.property = p;
      s.value = v;
      s.prov = {sha, Locator{std::nullopt, std::nullopt, record}, "test@1", "2026-02-01T08:00:00.000Z"};
      w.insert(s);
    };
    w.ensure_entity(doc_payments, "Document", "payments.csv");
    fact(doc_payments, "Document", "fileName", "payments.csv", kPayments, "file");
    w.ensure_entity(doc_chat, "Document", "chat.txt");
    fact(doc_chat, "Document", "fileName", "chat.txt", kChat, "file");
    w.ensure_entity(acc_a, "UserAccount", "Abu Samir");
    fact(acc_a, "UserAccount", "platform", "mto", kPayments, "row:1");
    fact(acc_a, "UserAccount", "userId", "+218912345678", kPayments, "row:1");
    fact(acc_a, "UserAccount", "displayName", "Abu Samir", kPayments, "row:1");
    fact(acc_a, "UserAccount", "owner", person, kPayments, "row:1");
    fact(person, "Person", "name", "Abu Samir", kPayments, "row:1");
    fact(phone_a, "Phone", "number", "+218912345678", kPayments, "row:1");
    fact(acc_b, "UserAccount", "userId", "+393331234567", kPayments, "row:1");
    fact(phone_b, "Phone", "number", "+393331234567", kPayments, "row:1");
    w.ensure_entity(bank, "BankAccount", "011:8000");
    fact(bank, "BankAccount", "accountNumber", "8000", kPayments, "row:2");
    fact(bank, "BankAccount", "bankId", "011", kPayments, "row:2");
    w.ensure_entity(pay1, "Payment", "250.00 EUR");
    fact(pay1, "Payment", "payer", acc_a, kPayments, "row:1");
    fact(pay1, "Payment", "beneficiary", acc_b, kPayments, "row:1");
    fact(pay1, "Payment", "amount", "250.00", kPayments, "row:1");
    fact(pay1, "Payment", "currency", "EUR", kPayments, "row:1");
    fact(pay1, "Payment", "date", "2026-02-01T08:00:00.000Z", kPayments, "row:1");
    fact(pay1, "Payment", "controlNumber", "MTCN1", kPayments, "row:1");
    fact(pay1, "Payment", "paymentFormat", "Cash", kPayments, "row:1");
    w.ensure_entity(pay2, "Payment", "90.00 USD");
    fact(pay2, "Payment", "payer", bank, kPayments, "row:2");
    fact(pay2, "Payment", "amount", "90.00", kPayments, "row:2");
    w.ensure_entity(msg1, "Message", "Trip line:4");
    fact(msg1, "Message", "platform", "whatsapp", kChat, "line:4");
    fact(msg1, "Message", "chat", "Trip", kChat, "line:4");
    fact(msg1, "Message", "sender", acc_a, kChat, "line:4");
    fact(msg1, "Message", "date", "2026-02-01T09:15:00.000Z", kChat, "line:4");
    fact(msg1, "Message", "bodyText", "call +39 333 1234567", kChat, "line:4");
    fact(msg1, "Message", "mentions", phone_b, kChat, "line:4");
    fact(msg1, "Message", "forwardedFrom", "Channel X", kChat, "line:4");
    w.ensure_entity(msg2, "Message", "Trip line:5");
    fact(msg2, "Message", "sender", acc_b, kChat, "line:5");
    fact(msg2, "Message", "attachment", "IMG-1.jpg", kChat, "line:5");
    w.ensure_entity(post, "Post", "facebook post 7");
    fact(post, "Post", "platform", "facebook", kChat, "post:7");
    fact(post, "Post", "author", acc_b, kChat, "post:7");
    fact(post, "Post", "bodyText", "boat to Italy", kChat, "post:7");
    fact(post, "Post", "date", "2026-02-03T10:00:00.000Z", kChat, "post:7");
    fact(post, "Post", "url", "https://example.org/p/7", kChat, "post:7");
    fact(post, "Post", "group", "Travel", kChat, "post:7");
    const std::string zone =
        "P<EGYFATHY<<AHMED<<<<<<<<<<<<<<<<<<<<<<<<<<<P020127229EGY0309150M3207028<<<<<<<<<<<<<<06";
    fact(passport, "Passport", "passportNumber", zone, kChat, "line:9");
    fact(passport, "Passport", "validation",
         "format=td3;doc_type=P;issuer=EGY;surname=FATHY;given=AHMED;number=P02012722;nationality=EGY;"
         "birth=2003-09-15;sex=M;expiry=2032-07-02",
         kChat, "line:9");
    fact(msg1, "Message", "mentions", passport, kChat, "line:4");
    tx.commit();
  }

  // A graph holding one inferred link between two entities of the case, and one to an id
  // the case does not have.
  graph::Graph inferred() const {
    graph::GraphBuilder b;
    graph::EdgeInput e;
    e.source = phone_b;
    e.target = bank;
    e.type = graph::EdgeType::AppearsWith;
    e.at = *parse_iso8601("2026-02-01T08:00:00Z");
    e.statements = {7, 9};
    b.add_edge(e);
    e.target = "=cmd,x";
    b.add_edge(e);
    e.type = graph::EdgeType::Paid;  // stated by a Payment, which is written as itself
    e.target = bank;
    b.add_edge(e);
    e.type = graph::EdgeType::AppearsWith;  // the same pair the other way: the same link
    e.source = bank;
    e.target = phone_b;
    e.at = *parse_iso8601("2026-02-04T08:00:00Z");
    e.statements = {12};
    b.add_edge(e);
    return b.build();
  }

  std::map<std::string, json> exported() {
    std::ostringstream out;
    exchange::write_ftm_lines(out, c->db(), inferred());
    std::map<std::string, json> by_id;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) {
      json e = json::parse(line);
      by_id[e["id"].get<std::string>()] = e;
    }
    return by_id;
  }
};

json values(std::initializer_list<std::string> v) { return json(std::vector<std::string>(v)); }

}  // namespace

TEST(FtmExport, AccountsPhonesAndPersons) {
  Small s;
  auto x = s.exported();
  const json& a = x.at(s.acc_a);
  EXPECT_EQ(a["schema"], "UserAccount");
  EXPECT_EQ(a["properties"]["username"], values({"+218912345678"}));
  EXPECT_EQ(a["properties"]["number"], values({"+218912345678"}));
  EXPECT_EQ(a["properties"]["service"], values({"mto"}));
  EXPECT_EQ(a["properties"]["name"], values({"Abu Samir"}));
  EXPECT_EQ(a["properties"]["owner"], values({s.person}));
  EXPECT_EQ(a["properties"]["proof"], values({s.doc_payments}));
  EXPECT_EQ(a["properties"]["retrievedAt"], values({"2026-03-01T09:30:00"}));
  // An account that pays and has no stated owner: the user of its phone number owns it.
  EXPECT_EQ(x.at(s.acc_b)["properties"]["owner"], values({s.phone_b}));
  const json& phone = x.at(s.phone_b);
  EXPECT_EQ(phone["schema"], "LegalEntity");
  EXPECT_EQ(phone["properties"]["phone"], values({"+393331234567"}));
  EXPECT_EQ(phone["properties"]["name"], values({"+393331234567"}));
  EXPECT_EQ(phone["properties"]["summary"], values({"user of phone number +393331234567"}));
  EXPECT_EQ(x.at(s.person)["schema"], "Person");
  EXPECT_EQ(x.at(s.doc_payments)["schema"], "Document");
  EXPECT_FALSE(x.at(s.doc_payments)["properties"].contains("proof"));  // not its own proof
  for (const auto& [id, e] : x) EXPECT_NE(e["schema"], "Phone") << id;
}

TEST(FtmExport, PaymentsHaveTheirPartiesAndAccounts) {
  Small s;
  auto x = s.exported();
  const json& p = x.at(s.pay1)["properties"];
  EXPECT_EQ(x.at(s.pay1)["schema"], "Payment");
  EXPECT_EQ(p["payer"], values({s.person}));
  EXPECT_EQ(p["beneficiary"], values({s.phone_b}));
  EXPECT_FALSE(p.contains("payerAccount"));  // FtM's payer account is a bank account
  EXPECT_EQ(p["amount"], values({"250.00"}));
  EXPECT_EQ(p["currency"], values({"EUR"}));
  EXPECT_EQ(p["date"], values({"2026-02-01T08:00:00"}));
  EXPECT_EQ(p["transactionNumber"], values({"MTCN1"}));
  EXPECT_EQ(p["recordId"], values({"row:1"}));
  EXPECT_EQ(p["description"], values({"evidence: payments.csv (SHA-256 " + kPayments + ")", "paymentFormat: Cash"}));
  EXPECT_FALSE(p.contains("name"));
  // A bank account's holder is not in the evidence: a stand-in, named by the account.
  const json& q = x.at(s.pay2)["properties"];
  const std::string holder = make_entity_id("LegalEntity", "holder|" + s.bank);
  const std::string beneficiary = make_entity_id("LegalEntity", "beneficiary|" + s.pay2);
  EXPECT_EQ(q["payer"], values({holder}));
  EXPECT_EQ(q["payerAccount"], values({s.bank}));
  EXPECT_EQ(q["beneficiary"], values({beneficiary}));
  EXPECT_EQ(x.at(holder)["schema"], "LegalEntity");
  EXPECT_EQ(x.at(holder)["properties"]["name"], values({"011:8000"}));
  EXPECT_EQ(x.at(holder)["properties"]["summary"],
            values({"holder of BankAccount 011:8000, not named in the evidence"}));
  EXPECT_EQ(x.at(holder)["properties"]["proof"], values({s.doc_payments}));
  EXPECT_EQ(x.at(beneficiary)["properties"]["name"], values({"90.00 USD"}));
  EXPECT_EQ(x.at(s.bank)["properties"]["bankName"], values({"011"}));
  EXPECT_EQ(x.at(s.bank)["properties"]["accountNumber"], values({"8000"}));
}

TEST(FtmExport, MessagesAndPostsNameSenderAndAccount) {
  Small s;
  auto x = s.exported();
  const json& m = x.at(s.msg1)["properties"];
  EXPECT_EQ(x.at(s.msg1)["schema"], "Message");
  EXPECT_EQ(m["sender"], values({s.person}));
  EXPECT_EQ(m["senderAccount"], values({s.acc_a}));
  EXPECT_EQ(m["bodyText"], values({"call +39 333 1234567"}));
  EXPECT_EQ(m["threadTopic"], values({"Trip"}));
  EXPECT_EQ(m["publisher"], values({"whatsapp"}));
  EXPECT_EQ(m["date"], values({"2026-02-01T09:15:00"}));
  EXPECT_EQ(m["phoneMentioned"], values({"+393331234567"}));
  EXPECT_EQ(m["description"], values({"forwardedFrom: Channel X", "mentions: Passport P02012722"}));
  EXPECT_EQ(m["proof"], values({s.doc_chat}));
  const std::string mention = make_entity_id("UnknownLink", s.msg1 + "|" + s.phone_b + "|mentions");
  const json& l = x.at(mention)["properties"];
  EXPECT_EQ(x.at(mention)["schema"], "UnknownLink");
  EXPECT_EQ(l["subject"], values({s.msg1}));
  EXPECT_EQ(l["object"], values({s.phone_b}));
  EXPECT_EQ(l["role"], values({"mentions"}));
  EXPECT_EQ(l["recordId"], values({"line:4"}));
  // A photo sent alone: its text is what it carried, the photo a document inside it.
  EXPECT_EQ(x.at(s.msg2)["properties"]["bodyText"], values({"IMG-1.jpg"}));
  const std::string photo = make_entity_id("Document", s.msg2 + "|attachment|IMG-1.jpg");
  EXPECT_EQ(x.at(photo)["schema"], "Document");
  EXPECT_EQ(x.at(photo)["properties"]["fileName"], values({"IMG-1.jpg"}));
  EXPECT_EQ(x.at(photo)["properties"]["parent"], values({s.msg2}));
  // A post is a message to its audience.
  const json& p = x.at(s.post)["properties"];
  EXPECT_EQ(x.at(s.post)["schema"], "Message");
  EXPECT_EQ(p["sender"], values({s.phone_b}));
  EXPECT_EQ(p["senderAccount"], values({s.acc_b}));
  EXPECT_EQ(p["publishedAt"], values({"2026-02-03T10:00:00"}));
  EXPECT_EQ(p["sourceUrl"], values({"https://example.org/p/7"}));
  EXPECT_EQ(p["threadTopic"], values({"Travel"}));
  EXPECT_EQ(p["publisher"], values({"facebook"}));
}

TEST(FtmExport, PassportsTakeTheirNumberFromTheZone) {
  Small s;
  auto x = s.exported();
  const json& p = x.at(s.passport)["properties"];
  EXPECT_EQ(x.at(s.passport)["schema"], "Passport");
  EXPECT_EQ(p["number"], values({"P02012722"}));
  EXPECT_EQ(p["passportNumber"], values({"P02012722"}));
  EXPECT_EQ(p["surname"], values({"FATHY"}));
  EXPECT_EQ(p["givenName"], values({"AHMED"}));
  EXPECT_EQ(p["authority"], values({"EGY"}));
  EXPECT_EQ(p["birthDate"], values({"2003-09-15"}));
  EXPECT_EQ(p["endDate"], values({"2032-07-02"}));
  EXPECT_EQ(p["gender"], values({"male"}));
  EXPECT_EQ(p["recordId"], values({"line:9"}));
  EXPECT_FALSE(p.contains("proof"));  // an FtM Identification is an interval, not a thing
  // No holder in the evidence: a stand-in, named by the passport's number.
  const std::string holder = make_entity_id("LegalEntity", "holder|" + s.passport);
  EXPECT_EQ(p["holder"], values({holder}));
  EXPECT_EQ(x.at(holder)["properties"]["name"], values({"P02012722"}));
  // A link cannot end at a passport: the message names it in its description.
  const auto& d = x.at(s.msg1)["properties"]["description"];
  EXPECT_NE(std::find(d.begin(), d.end(), "mentions: Passport P02012722"), d.end()) << d;
}

TEST(FtmExport, InferredLinksAreUnknownLinksBetweenCaseEntities) {
  Small s;
  auto x = s.exported();
  std::vector<json> links;
  for (const auto& [id, e] : x)
    if (e["schema"] == "UnknownLink" && e["properties"]["role"][0] != "mentions") links.push_back(e);
  // Not to an id outside the case, not the payment's "paid"; both directions are one.
  ASSERT_EQ(links.size(), 1u);
  const json& p = links[0]["properties"];
  // The ends in id order: "bankaccount-..." before "phone-...".
  EXPECT_EQ(links[0]["id"], make_entity_id("UnknownLink", s.bank + "|" + s.phone_b + "|appears with"));
  EXPECT_EQ(p["subject"], values({s.bank}));
  EXPECT_EQ(p["object"], values({s.phone_b}));
  EXPECT_EQ(p["role"], values({"appears with"}));
  EXPECT_EQ(p["startDate"], values({"2026-02-01T08:00:00"}));
  EXPECT_EQ(p["endDate"], values({"2026-02-04T08:00:00"}));
  EXPECT_EQ(p["summary"], values({"2 links; statements 7 9 12"}));
}

TEST(FtmExport, DatesAreFtmDates) {
  EXPECT_EQ(exchange::ftm_date("2026-02-01T08:00:00.000Z"), "2026-02-01T08:00:00");
  EXPECT_EQ(exchange::ftm_date("2026-02-01T08:00Z"), "2026-02-01T08:00");
  EXPECT_EQ(exchange::ftm_date("2026-02-01"), "2026-02-01");
  EXPECT_EQ(exchange::ftm_date("2026-2-1"), "2026");
  EXPECT_EQ(exchange::ftm_date("yesterday"), "");
}
