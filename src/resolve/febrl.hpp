#pragma once
// The Febrl synthetic person files (given name, surname, address, birth date, social
// security number), the public benchmark of record linkage, and the measures on them.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "resolve/person_record.hpp"

namespace corridor::resolve {

// Reads a Febrl CSV ("rec_id, given_name, surname, ..."); the social security number
// becomes a document number. Throws corridor::Error when the file cannot be read.
std::vector<PersonRecord> read_febrl(const std::string& path, int source);

using IdPair = std::pair<std::string, std::string>;  // ordered: first < second
std::set<IdPair> read_true_pairs(const std::string& path);

struct Accuracy {
  std::size_t true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};
Accuracy accuracy(const std::set<IdPair>& predicted, const std::set<IdPair>& truth);
IdPair ordered(std::string a, std::string b);

}  // namespace corridor::resolve
