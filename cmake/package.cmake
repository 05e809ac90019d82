# SPDX-License-Identifier: MIT
# Debian packages with CPack (ADR 0024), built by tools/package:
#   libpaygw-dev  the static library, the public headers, the CMake package and paygw.pc
#                 (component "dev"); depends on the -dev packages a static link needs.
#   paygw-tools   the paygw CLI, paygw-sandbox and the CLI's bash completion (component "tools");
#                 its dependencies are the runtime packages dpkg-shlibdeps finds (libcurl4, libssl3, ...).
#   libpaygw-sqlite-dev, libpaygw-postgres-dev  the payment stores (components "sqlite" and
#                 "postgres", when built): library, header, paygw-<store>-targets.cmake.
#   libpaygw-prometheus-dev  the Observer's Prometheus adapter (component "prometheus", when built).
# Configure with -DCMAKE_INSTALL_PREFIX=/usr so that GNUInstallDirs picks Debian's multiarch libdir.
if(BUILD_SHARED_LIBS)
  # A shared libpaygw would need a runtime package of its own (libpaygw0) for the tools to depend on.
  message(STATUS "paygw packages: built from the static library only (BUILD_SHARED_LIBS=ON: no CPack config)")
  return()
endif()

set(CPACK_PACKAGE_NAME paygw)
set(CPACK_PACKAGE_VENDOR "paygw")
set(CPACK_PACKAGE_CONTACT "paygw maintainers <maintainers@paygw.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# CPackDeb puts a summary other than CPack's default above every component's description; with
# the default, each description's first line is its own package's synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)  # executables only: CMake never strips a static library's symbol table
set(CPACK_COMPONENTS_ALL dev tools ${PAYGW_STORE_COMPONENTS})
if(PAYGW_HAVE_PROMETHEUS)
  list(APPEND CPACK_COMPONENTS_ALL prometheus)
endif()

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "")

set(CPACK_COMPONENT_DEV_DISPLAY_NAME "paygw development files")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libpaygw-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE "")  # dpkg --print-architecture
# A static libpaygw.a is linked with libcurl and libcrypto (find_dependency / pkg-config Requires).
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libcurl4-openssl-dev (>= 7.68) | libcurl-dev, libssl-dev (>= 1.1.1)")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "cmake (>= 3.16), pkg-config, paygw-tools")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "C++17 SDK for Vietnamese payment gateways - development files
paygw talks to Tingee (TINGEEBOX devices and payment webhooks), TConnect (POS and
soundbox pushes, QR, virtual accounts, IPN) and prepaid card charging, and builds
and parses VietQR strings. Errors are values that say whether a payment may have
reached the server; money is whole VND; secrets never reach logs.

This package holds the static library, the public headers, the CMake package
(find_package(paygw CONFIG), target paygw::paygw) and the pkg-config file.")

set(CPACK_COMPONENT_TOOLS_DISPLAY_NAME "paygw command-line tools")
set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME paygw-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_TOOLS_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
  "paygw command-line tool and local gateway sandbox
paygw calls Tingee, TConnect and card charging from a shell (--json, --raw, exit
codes per outcome) and builds or parses VietQR strings. paygw-sandbox is a local
simulator of the three gateways that checks signatures and encryption as they do,
for tests and demos without network access. Includes bash completion for paygw.")

# The payment stores: find_package(paygw CONFIG COMPONENTS sqlite) finds paygw::sqlite once its
# package is installed (paygwConfig.cmake looks for paygw-sqlite-targets.cmake).
set(CPACK_DEBIAN_SQLITE_PACKAGE_NAME libpaygw-sqlite-dev)
set(CPACK_DEBIAN_SQLITE_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_SQLITE_PACKAGE_DEPENDS "libpaygw-dev (= ${PROJECT_VERSION}), libsqlite3-dev (>= 3.24)")
set(CPACK_COMPONENT_SQLITE_DESCRIPTION
  "paygw payment store on SQLite - development files
The paygw::sqlite component of paygw: a PaymentStore in one SQLite file (WAL, BEGIN IMMEDIATE,
versioned migrations) for receive::Dispatcher on one machine. Static library, header and CMake
targets (find_package(paygw CONFIG COMPONENTS sqlite)).")
set(CPACK_DEBIAN_POSTGRES_PACKAGE_NAME libpaygw-postgres-dev)
set(CPACK_DEBIAN_POSTGRES_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_POSTGRES_PACKAGE_DEPENDS "libpaygw-dev (= ${PROJECT_VERSION}), libpq-dev")
set(CPACK_COMPONENT_POSTGRES_DESCRIPTION
  "paygw payment store on PostgreSQL - development files
The paygw::postgres component of paygw: a PaymentStore on PostgreSQL (libpq, row locks,
advisory-locked migrations) shared by many receivers. Static library, header and CMake targets
(find_package(paygw CONFIG COMPONENTS postgres)).")
set(CPACK_DEBIAN_PROMETHEUS_PACKAGE_NAME libpaygw-prometheus-dev)
set(CPACK_DEBIAN_PROMETHEUS_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_PROMETHEUS_PACKAGE_DEPENDS "libpaygw-dev (= ${PROJECT_VERSION}), prometheus-cpp-dev")
set(CPACK_COMPONENT_PROMETHEUS_DESCRIPTION
  "paygw metrics for Prometheus - development files
The paygw::prometheus component of paygw: an Observer that counts every provider call, delivery
and alert in prometheus-cpp metric families (OpenTelemetry attribute names as labels). Static
library, header and CMake targets (find_package(paygw CONFIG COMPONENTS prometheus)).")

include(CPack)
