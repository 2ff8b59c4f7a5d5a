#include "app/evidence_json.hpp"

#include "core/escape.hpp"

namespace corridor::app {

nlohmann::ordered_json evidence_json(const Evidence& e, const std::vector<CustodyEvent>& custody,
                                     const std::optional<CustodyEvent>& withdrawn) {
  nlohmann::ordered_json j{{"id", e.id},
                           {"sha256", e.sha256},
                           {"size", e.size},
                           {"media_type", escape_name(e.media_type)},
                           {"name", escape_name(e.original_name)},
                           {"added_at", e.added_at},
                           {"parent_sha256", e.parent_sha256 ? nlohmann::json(*e.parent_sha256) : nlohmann::json()},
                           {"acquisition",
                            {{"acquired_by", escape_name(e.acquisition.acquired_by)},
                             {"acquired_at", escape_name(e.acquisition.acquired_at)},
                             {"method", escape_name(e.acquisition.method)},
                             {"legal_basis", escape_name(e.acquisition.legal_basis)},
                             {"tool", escape_name(e.acquisition.tool)}}},
                           {"withdrawn", withdrawn ? nlohmann::ordered_json{{"at", escape_name(withdrawn->at)},
                                                                           {"actor", escape_name(withdrawn->actor)},
                                                                           {"legal_basis", escape_name(withdrawn->legal_basis)}}
                                                   : nlohmann::ordered_json()}};
  auto& cj = j["custody"] = nlohmann::ordered_json::array();
  for (const auto& ev : custody)
    cj.push_back({{"action", to_string(ev.action)}, {"actor", escape_name(ev.actor)}, {"at", escape_name(ev.at)},
                  {"method", escape_name(ev.method)}, {"tool", escape_name(ev.tool)},
                  {"legal_basis", escape_name(ev.legal_basis)}, {"note", escape_name(ev.note)}});
  return j;
}

}  // namespace corridor::app
