# SPDX-License-Identifier: MIT
# The optional payment-store components: paygw::sqlite (libpaygw_sqlite) and paygw::postgres
# (libpaygw_postgres). Each is its own library and CMake component
# (find_package(paygw CONFIG COMPONENTS sqlite postgres)); the core library never links them.
#
# PAYGW_WITH_SQLITE / PAYGW_WITH_POSTGRES: ON (required), OFF, or AUTO (built when the
# dependency is found: Debian libsqlite3-dev / libpq-dev).
set(PAYGW_WITH_SQLITE AUTO CACHE STRING "Build paygw::sqlite: ON, OFF or AUTO")
set(PAYGW_WITH_POSTGRES AUTO CACHE STRING "Build paygw::postgres: ON, OFF or AUTO")
set_property(CACHE PAYGW_WITH_SQLITE PROPERTY STRINGS ON OFF AUTO)
set_property(CACHE PAYGW_WITH_POSTGRES PROPERTY STRINGS ON OFF AUTO)

# paygw_add_store(<name> <export-name> <dependency target> <sources...>)
function(paygw_add_store name export_name dependency)
  add_library(${name} ${ARGN})
  add_library(paygw::${export_name} ALIAS ${name})
  target_compile_features(${name} PUBLIC cxx_std_17)
  set_target_properties(${name} PROPERTIES
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR}
    EXPORT_NAME ${export_name})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${name} PUBLIC paygw PRIVATE ${dependency})
  # Shared: export paygw's API only, like libpaygw (cmake/paygw.map; tests/symbols).
  if(BUILD_SHARED_LIBS AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${name} PRIVATE "LINKER:--version-script=${PROJECT_SOURCE_DIR}/cmake/paygw.map")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/paygw.map")
  endif()
  # The warning flags, without a link dependency on paygw_warnings (which is not exported).
  target_compile_options(${name} PRIVATE $<TARGET_PROPERTY:paygw_warnings,INTERFACE_COMPILE_OPTIONS>)
endfunction()

set(PAYGW_STORE_COMPONENTS "")

if(NOT PAYGW_WITH_SQLITE STREQUAL "OFF")
  if(PAYGW_WITH_SQLITE STREQUAL "AUTO")
    find_package(SQLite3 3.24)
  else()
    find_package(SQLite3 3.24 REQUIRED)  # ON CONFLICT DO NOTHING needs 3.24
  endif()
  if(SQLite3_FOUND)
    paygw_add_store(paygw_sqlite sqlite SQLite::SQLite3 src/store/sqlite.cpp src/store/sqlite_db.cpp
                    src/store/sqlite_schema.cpp)
    list(APPEND PAYGW_STORE_COMPONENTS sqlite)
  else()
    message(STATUS "paygw: SQLite 3.24+ not found (Debian: libsqlite3-dev); not building paygw::sqlite")
  endif()
endif()

if(NOT PAYGW_WITH_POSTGRES STREQUAL "OFF")
  if(PAYGW_WITH_POSTGRES STREQUAL "AUTO")
    find_package(PostgreSQL)
  else()
    find_package(PostgreSQL REQUIRED)
  endif()
  if(PostgreSQL_FOUND)
    paygw_add_store(paygw_postgres postgres PostgreSQL::PostgreSQL src/store/postgres.cpp src/store/postgres_db.cpp
                    src/store/postgres_schema.cpp)
    list(APPEND PAYGW_STORE_COMPONENTS postgres)
  else()
    message(STATUS "paygw: libpq not found (Debian: libpq-dev); not building paygw::postgres")
  endif()
endif()

message(STATUS "paygw store components: ${PAYGW_STORE_COMPONENTS}")
