#pragma once
// Content sniffing through libmagic: a media type from the bytes, never from the name.
#include <string>
#include <string_view>

namespace corridor {

// "application/zip", "text/plain"...; "application/octet-stream" when libmagic cannot say.
std::string media_type_of_file(const std::string& path);
std::string media_type_of_bytes(std::string_view bytes);

}  // namespace corridor
