#pragma once
// Parses a document with libexpat, a real XML 1.0 parser: an export must load in any tool.
#include <expat.h>

#include <string>
#include <string_view>

namespace corridor::test {

// "" when `xml` is well-formed, else expat's message and the line it stopped at.
inline std::string xml_error(std::string_view xml) {
  XML_Parser p = XML_ParserCreate(nullptr);
  std::string error;
  if (XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE) != XML_STATUS_OK)
    error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
            std::to_string(XML_GetCurrentLineNumber(p));
  XML_ParserFree(p);
  return error;
}

}  // namespace corridor::test
