#pragma once
// Entity ids: the same identifier gives the same id in every case of one installation
// (so cases can be combined without a lookup table), and no id can be turned back into
// the phone number or name it was made from without the installation's id key.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace corridor {

// "<schema in lower case>-" + the first 16 bytes (32 hex digits) of
// HMAC-SHA-256(id key, "corridor\0" schema "\0" key). `key` must already be normalised
// (E.164 phone, upper-case IBAN, lower-case e-mail...). A case made before keyed ids
// (store/case_folder: meta entity_ids = "sha256") keeps SHA-256 without a key.
std::string make_entity_id(std::string_view schema, std::string_view key);

// The operator's key folder: $CORRIDOR_KEY_DIR, else $XDG_CONFIG_HOME/corridor/keys, else
// ~/.config/corridor/keys. Case signing keys and the installation's id key live there.
std::filesystem::path operator_key_dir();

using IdKey = std::array<std::uint8_t, 32>;
// The installation's id key: <key folder>/entity-ids.key (64 hex digits, mode 0600),
// made at first use. Throws when it cannot be read or made.
const IdKey& installation_id_key();
// Names the key without revealing it: the first 16 hex digits of SHA-256("corridor id key\0" key).
std::string id_key_fingerprint(const IdKey& key);

// How this process derives ids: with the installation key (the default) or, for a case
// from before keyed ids, unkeyed. Set when a case is opened, before any worker starts.
void use_keyed_entity_ids();
void use_unkeyed_entity_ids();
bool entity_ids_keyed();

}  // namespace corridor
