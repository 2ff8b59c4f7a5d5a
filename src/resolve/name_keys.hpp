#pragma once
// Keys that let a name written in Arabic, Persian or Latin script be compared with the
// same name written in another: "محمد", "Mohammed" and "Muhammad" are one name.
#include <string>
#include <string_view>

namespace corridor::resolve {

// Any script to lower-case ASCII letters, digits and single spaces (ICU "Any-Latin;
// Latin-ASCII"): "محمد" -> "mhmd", "Müller-Lüdenscheidt" -> "muller ludenscheidt".
std::string latin_fold(std::string_view utf8);

// Consonants only, repeated letters collapsed: "mohammed" -> "mhmd". Arabic script writes
// no short vowels, so its transliteration is already a skeleton; dropping the vowels of
// the Latin spellings meets it there.
std::string consonant_skeleton(std::string_view folded);

// American Soundex on a folded name ("" when it has no letter): "muhammad" -> "M530".
std::string soundex(std::string_view folded);

}  // namespace corridor::resolve
