#include "extract/phone_util.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace corridor::extract {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string e164(std::string_view digits, bool international, const std::string& region) {
  // E.164 allows at most 15 digits; national forms carry a trunk prefix or two more.
  if (digits.size() < 6 || digits.size() > 17) return {};
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber n;
  const std::string text = international ? "+" + std::string(digits) : std::string(digits);
  if (util.Parse(text, international ? "ZZ" : region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  if (!util.IsValidNumber(n)) return {};
  std::string out;
  util.Format(n, PhoneNumberUtil::E164, &out);
  return out;
}

std::string region_of(const std::string& number) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber n;
  if (util.Parse(number, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::string r;
  util.GetRegionCodeForNumber(n, &r);
  return r;
}

}  // namespace corridor::extract
