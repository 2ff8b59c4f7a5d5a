# Every dependency is a Debian package (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(simdjson REQUIRED)
pkg_check_modules(igraph REQUIRED IMPORTED_TARGET igraph)  # its CMake file wants -dev packages of its own deps
find_package(exiv2 REQUIRED)
find_package(GTest REQUIRED)
find_package(EXPAT REQUIRED)  # tests and fuzzers parse every XML export with a real parser
find_package(yaml-cpp REQUIRED)  # tests only: FollowTheMoney's schema files are YAML
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(libcrypto REQUIRED IMPORTED_TARGET libcrypto)  # SHA-256 on the CPU's SHA extensions
pkg_check_modules(libssl REQUIRED IMPORTED_TARGET libssl)  # the team server's TLS and certificate
pkg_check_modules(httplib REQUIRED IMPORTED_TARGET cpp-httplib)  # the team server's HTTP
pkg_check_modules(hs REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(icu REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(archive REQUIRED IMPORTED_TARGET libarchive)
pkg_check_modules(magic REQUIRED IMPORTED_TARGET libmagic)

# libphonenumber ships no CMake or pkg-config file on Debian 12.
find_library(PHONENUMBER_LIB phonenumber REQUIRED)
find_path(PHONENUMBER_INCLUDE phonenumbers/phonenumberutil.h REQUIRED)
add_library(phonenumber INTERFACE)
target_link_libraries(phonenumber INTERFACE ${PHONENUMBER_LIB})
target_include_directories(phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE})
