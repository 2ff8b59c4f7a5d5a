#include "resolve/febrl.hpp"

#include <fstream>

#include "core/error.hpp"

namespace corridor::resolve {

namespace {
std::vector<std::string> split_csv_line(const std::string& line) {
  // Febrl files have no quoting; fields are separated by ", " or ",".
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  for (auto& f : out) {
    const auto b = f.find_first_not_of(' ');
    const auto e = f.find_last_not_of(' ');
    f = b == std::string::npos ? std::string() : f.substr(b, e - b + 1);
  }
  return out;
}
}  // namespace

std::vector<PersonRecord> read_febrl(const std::string& path, int source) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open Febrl file");
  std::string line;
  std::getline(in, line);  // header
  std::vector<PersonRecord> out;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split_csv_line(line);
    if (f.size() < 11) throw Error(path, "expected 11 fields in: " + line);
    PersonRecord r;
    r.id = f[0];
    r.source = source;
    r.given_name = f[1];
    r.family_name = f[2];
    r.street_number = f[3];
    r.street = f[4];
    r.locality = f[6];  // suburb; address_2 (a building name) is too noisy to help
    r.postcode = f[7];
    r.region = f[8];
    r.birth_date = f[9];
    if (!f[10].empty()) r.documents.push_back(f[10]);
    out.push_back(std::move(r));
  }
  return out;
}

IdPair ordered(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

std::set<IdPair> read_true_pairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open true pairs");
  std::string line;
  std::getline(in, line);
  std::set<IdPair> out;
  while (std::getline(in, line)) {
    const auto f = split_csv_line(line);
    if (f.size() >= 2 && !f[0].empty()) out.insert(ordered(f[0], f[1]));
  }
  return out;
}

double Accuracy::precision() const {
  const auto d = true_positives + false_positives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0;
}
double Accuracy::recall() const {
  const auto d = true_positives + false_negatives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0;
}
double Accuracy::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

Accuracy accuracy(const std::set<IdPair>& predicted, const std::set<IdPair>& truth) {
  Accuracy a;
  for (const auto& p : predicted) (truth.contains(p) ? a.true_positives : a.false_positives)++;
  a.false_negatives = truth.size() - a.true_positives;
  return a;
}

}  // namespace corridor::resolve
