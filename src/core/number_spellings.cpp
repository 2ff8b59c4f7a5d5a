#include "core/number_spellings.hpp"

#include <algorithm>
#include <cctype>

namespace corridor {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

std::string without_leading_zeros(std::string digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string::npos ? std::string() : digits.substr(first);
}

constexpr std::size_t kShortestNational = 8;

}  // namespace

std::vector<NumberRun> number_runs(std::string_view text, std::size_t min_digits) {
  std::vector<NumberRun> out;
  std::size_t i = 0;
  while (i < text.size()) {
    // A run starts at '+' or a digit not preceded by a letter or digit (inside a word or a
    // longer token such as a hash, digits are not a phone number).
    const bool starts = (is_digit(text[i]) || text[i] == '+') &&
                        (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1]))));
    if (!starts) {
      ++i;
      continue;
    }
    NumberRun run;
    run.offset = i;
    std::size_t end = i, j = i, separators = 0;
    if (text[j] == '+') ++j;
    for (; j < text.size() && (is_digit(text[j]) || is_separator(text[j])); ++j) {
      if (!is_digit(text[j])) {
        if (++separators > 3) break;  // "7400 - 123456" is one number, a longer gap is not
        continue;
      }
      separators = 0;
      run.digits.push_back(text[j]);
      end = j + 1;
    }
    const bool glued = end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]));
    if (run.digits.size() >= min_digits && !glued) {
      // "(0044) 7400 ..." takes its opening parenthesis; "(07400 123456)" leaves both.
      const auto span = text.substr(i, end - i);
      if (i > 0 && text[i - 1] == '(' && span.find(')') != std::string_view::npos) run.offset = i - 1;
      run.length = end - run.offset;
      out.push_back(std::move(run));
    }
    i = std::max(end, i + 1);
  }
  return out;
}

std::string number_key(std::string_view value) {
  std::string digits;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (is_digit(c)) digits.push_back(c);
    else if (!(is_separator(c) || (c == '+' && i == 0))) return {};
  }
  digits = without_leading_zeros(std::move(digits));
  return digits.size() >= kShortestNational ? digits : std::string();
}

bool spells(const std::string& key, const NumberRun& run) {
  if (key.empty()) return false;
  const std::string mine = without_leading_zeros(run.digits);
  if (mine.size() < kShortestNational || mine.size() > key.size()) return false;
  return key.compare(key.size() - mine.size(), mine.size(), mine) == 0;
}

}  // namespace corridor
