#include "core/ids.hpp"

#include <cctype>
#include <span>

#include "core/sha256.hpp"

namespace corridor {

std::string make_entity_id(std::string_view schema, std::string_view key) {
  const Digest d = sha256_of({std::string_view("corridor\0", 9), schema, std::string_view("\0", 1), key});
  std::string id;
  id.reserve(schema.size() + 33);
  for (char c : schema) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  id += '-';
  id += to_hex(std::span<const std::uint8_t>(d.data(), 16));
  return id;
}

}  // namespace corridor
