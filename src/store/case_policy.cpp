#include "store/case_policy.hpp"

#include <cstdlib>

namespace corridor::store {

namespace {

std::set<std::string> split_list(const std::string& s) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    const std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.insert(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

bool is_operation_kind(std::string_view kind) {
  for (auto k : {operation::kCollect, operation::kConsult, operation::kPerson, operation::kExport, operation::kCombine,
                 operation::kAlter, operation::kErase})
    if (k == kind) return true;
  return false;
}

const std::set<std::string>& default_require_why() {
  static const std::set<std::string> kinds{std::string(operation::kExport), std::string(operation::kPerson)};
  return kinds;
}

CasePolicy PolicyStore::read() {
  CasePolicy p;
  p.require_why = default_require_why();
  Stmt q(db_, "SELECT name, value FROM policy ORDER BY id");
  while (q.step()) {
    const std::string name = q.text(0), value = q.text(1);
    if (name == "require_why") p.require_why = split_list(value);
    else if (name == "review_by") p.review_by = value;
    else if (name == "auto_merge_above") p.auto_merge_above = value.empty() ? std::nullopt : std::optional(std::strtod(value.c_str(), nullptr));
    else if (name.rfind("detector:", 0) == 0) {
      const std::string detector = name.substr(9);
      if (value == "stopped") p.stopped_detectors.insert(detector);
      else p.stopped_detectors.erase(detector);
    }
  }
  return p;
}

void PolicyStore::set(std::string_view name, std::string_view value, const std::string& actor, const std::string& at) {
  Stmt q(db_, "INSERT INTO policy(name, value, actor, at) VALUES(?,?,?,?)");
  q.bind(1, name).bind(2, value).bind(3, actor).bind(4, at).run();
}

}  // namespace corridor::store
