#pragma once
// Invented post fragments in the languages of the routes. Offers are assembled from
// fragments (opener, route, boat, price, payment terms, contact, closer) so five thousand
// posts vary the way real ones do; negatives are whole templates of the texts that share
// an offer's words without being one (warnings, arrests, agencies, jobs, rides, rentals,
// families asking for news). Placeholders: {price} {phone} {handle} {city} {city2}
// {date} {name} {n} {agency} {lyd}.
#include <string_view>
#include <vector>

#include "demo/identifiers.hpp"

namespace corridor::demo {

struct NegativeTemplate {
  std::string_view kind;  // ngo_warning, arrest_news, travel_agency, job_ad, ride_share, boat_rental, asking_news
  std::string_view text;
};

struct LanguagePack {
  std::string_view code;    // ar, fa, ps, ku, ur, tr, fr, en, es
  std::string_view route;   // "LY-IT" central Mediterranean, "TR-IT" Calabria sailing route, "MA-ES"
  std::vector<std::string_view> openers, routes, boats, prices, pay_terms, contacts, closers;
  std::vector<std::string_view> currencies;  // "{n} يورو" forms: {n} is the number
  std::vector<DigitScript> scripts;          // digit scripts people of this language use
  std::vector<NegativeTemplate> negatives;
  std::vector<std::string_view> cities;      // for negatives
  std::vector<std::string_view> groups;      // group or channel names the posts appear in
  std::vector<std::string_view> phone_countries;  // where the numbers in negatives are from
};

const std::vector<LanguagePack>& language_packs();

}  // namespace corridor::demo
