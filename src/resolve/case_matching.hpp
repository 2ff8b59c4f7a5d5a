#pragma once
// Matching persons as a case holds them: beside names, dates, documents and phones, the
// accounts a person holds (a handle, an account entity, an IBAN), and names of one word
// (the aliases of chat exports: "Jigna", "Dokali") that the two-part name rules miss.
#include <vector>

#include "resolve/blocking.hpp"
#include "resolve/comparisons.hpp"

namespace corridor::resolve {

// Any shared value: "shared", "none shared"; -1 when a side has none.
Comparison shared_value_comparison(std::string name, ListField field);

// person_comparisons() and "account".
std::vector<Comparison> case_person_comparisons();
// person_blocking_rules(), each account, and the skeleton of a one-word name.
std::vector<BlockingRule> case_person_blocking_rules();

}  // namespace corridor::resolve
