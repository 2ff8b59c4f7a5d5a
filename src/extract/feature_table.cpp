// The one table of feature types. Adding an identifier = one file + one line here.
#include "extract/feature.hpp"

namespace corridor::extract {

const std::vector<Feature>& feature_table() {
  static const std::vector<Feature> table = {
      phone_feature(), email_feature(), url_feature(),  domain_feature(), messaging_feature(),
      handle_feature(), iban_feature(), btc_feature(),  eth_feature(),    tron_feature(),
      mrz_feature(),    card_feature(),  bic_feature(),  money_feature(),  date_feature(),
      vessel_feature(), ip_feature(),    coord_feature(),
  };
  return table;
}

}  // namespace corridor::extract
