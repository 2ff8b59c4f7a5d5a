#include "core/ids.hpp"

#include <cctype>
#include <span>

#include "core/sha256.hpp"

namespace corridor {

std::string make_entity_id(std::string_view schema, std::string_view key) {
  Sha256 h;
  h.update(std::string_view("corridor\0", 9)).update(schema).update(std::string_view("\0", 1)).update(key);
  Digest d = h.finish();
  std::string id;
  id.reserve(schema.size() + 33);
  for (char c : schema) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  id += '-';
  id += to_hex(std::span<const std::uint8_t>(d.data(), 16));
  return id;
}

}  // namespace corridor
