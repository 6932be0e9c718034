# cpp-httplib 0.18.7, header-only, from Debian 13's source package (scripts/setup.sh puts it in third_party/).
# Why not Debian 12's libcpp-httplib-dev (0.11.4): it reads any number of header lines, applies no payload limit
# to chunked bodies, and keeps the connection loop private, so a proxy cannot bound what a hostile client makes
# it buffer or wait for (docs/building.md). Header-only, the limits below are ours to set at compile time.
set(PATHWISE_HTTPLIB_DIR "${PATHWISE_THIRD_PARTY_DIR}/cpp-httplib" CACHE PATH "cpp-httplib 0.18.7 sources")
if(NOT EXISTS "${PATHWISE_HTTPLIB_DIR}/httplib.h")
  message(FATAL_ERROR "cpp-httplib not found in ${PATHWISE_HTTPLIB_DIR}: run scripts/setup.sh "
                      "(it runs `apt-get source cpp-httplib/trixie`).")
endif()
find_package(PkgConfig REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(BROTLI REQUIRED IMPORTED_TARGET libbrotlienc libbrotlidec)

add_library(pathwise_httplib INTERFACE)
add_library(pathwise::httplib ALIAS pathwise_httplib)
# SYSTEM: the library's own warnings are not ours to fix (-Werror applies to our code only).
target_include_directories(pathwise_httplib SYSTEM INTERFACE "${PATHWISE_HTTPLIB_DIR}")
target_compile_definitions(pathwise_httplib INTERFACE
  CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT CPPHTTPLIB_USE_POLL
  # A burst of streams (an agent opening dozens at once) overflows the library's default backlog of 5.
  CPPHTTPLIB_LISTEN_BACKLOG=4096
  # At most this many header lines per request (431 beyond); each at most 8 KiB (the library's default).
  CPPHTTPLIB_HEADER_MAX_COUNT=128)
target_link_libraries(pathwise_httplib INTERFACE OpenSSL::SSL OpenSSL::Crypto ZLIB::ZLIB PkgConfig::BROTLI
                                                 Threads::Threads)
