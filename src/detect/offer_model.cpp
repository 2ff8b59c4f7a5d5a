#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "core/error.hpp"
#include "detect/offer_detector.hpp"

namespace corridor::detect {

OfferModel OfferModel::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open offer model");
  OfferModel m;
  bool have_version = false;
  bool have_bias = false;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.front() == '#') {
      m.comments.push_back(line.substr(line.find_first_not_of("# ") == std::string::npos ? line.size()
                                                                                         : line.find_first_not_of("# ")));
      continue;
    }
    const std::string where = path + ":" + std::to_string(n);
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || line.find('\t', tab + 1) != std::string::npos)
      throw Error(where, "expected feature<TAB>weight");
    const std::string name = line.substr(0, tab);
    const std::string num = line.substr(tab + 1);
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(num.c_str(), &end);
    if (num.empty() || end != num.c_str() + num.size() || errno == ERANGE || !std::isfinite(v))
      throw Error(where, "weight '" + num + "' is not a finite number");
    if (name == "version") {
      if (v != 1) throw Error(where, "unsupported model version " + num + " (this build reads 1)");
      have_version = true;
    } else if (name == "bias") {
      m.bias = v;
      have_bias = true;
    } else if (!m.weights.emplace(name, v).second) {
      throw Error(where, "feature '" + name + "' given twice");
    }
    if (!have_version && name != "version") throw Error(where, "the first line must be 'version<TAB>1'");
  }
  if (!have_version || !have_bias) throw Error(path, "no version or bias line: not an offer model");
  return m;
}

void OfferModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::trunc);
  if (!out) throw Error(path, "cannot write offer model");
  for (const auto& c : comments) out << "# " << c << '\n';
  out << "version\t1\n";
  out << std::setprecision(6) << "bias\t" << bias << '\n';
  for (const auto& [name, w] : weights) out << name << '\t' << w << '\n';
  if (!out.flush()) throw Error(path, "write failed");
}

}  // namespace corridor::detect
