# SPDX-License-Identifier: MIT
# paygw::httplib (ADR 0037): the receive::Dispatcher mounted on a cpp-httplib server. A header-only
# component (adapters/httplib/include/paygw/httplib.hpp), compiled with the application's own
# cpp-httplib; installed with the library, found with find_package(paygw CONFIG COMPONENTS httplib).
#
# PAYGW_WITH_HTTPLIB: ON (cpp-httplib required: Debian libcpp-httplib-dev), OFF, or AUTO (built and
# tested when it is found; the header is installed either way unless OFF).
set(PAYGW_WITH_HTTPLIB AUTO CACHE STRING "Build paygw::httplib (the Dispatcher on cpp-httplib): ON, OFF or AUTO")
set_property(CACHE PAYGW_WITH_HTTPLIB PROPERTY STRINGS ON OFF AUTO)

if(NOT PAYGW_WITH_HTTPLIB STREQUAL "OFF")
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(PAYGW_CPP_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
  endif()
  if(PAYGW_WITH_HTTPLIB STREQUAL "ON" AND NOT PAYGW_CPP_HTTPLIB_FOUND)
    message(FATAL_ERROR "PAYGW_WITH_HTTPLIB=ON: cpp-httplib not found (Debian: libcpp-httplib-dev)")
  endif()
  add_library(paygw_httplib INTERFACE)
  add_library(paygw::httplib ALIAS paygw_httplib)
  set_target_properties(paygw_httplib PROPERTIES EXPORT_NAME httplib)
  target_include_directories(paygw_httplib INTERFACE
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/adapters/httplib/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  # cpp-httplib itself: in this tree from pkg-config; an installed paygw::httplib gets it from
  # paygwConfig.cmake (httplib::httplib when the application has it, else pkg-config cpp-httplib).
  target_link_libraries(paygw_httplib INTERFACE paygw $<BUILD_INTERFACE:$<TARGET_NAME_IF_EXISTS:PkgConfig::PAYGW_CPP_HTTPLIB>>)
  set(PAYGW_HAVE_HTTPLIB_ADAPTER ON)
  if(PAYGW_CPP_HTTPLIB_FOUND)
    message(STATUS "paygw::httplib: cpp-httplib ${PAYGW_CPP_HTTPLIB_VERSION}")
  else()
    message(STATUS "paygw::httplib: cpp-httplib not found; the header is installed, nothing built with it")
  endif()
endif()
