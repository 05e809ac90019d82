# SPDX-License-Identifier: MIT
# The optional metrics component paygw::prometheus (libpaygw_prometheus): the Observer hook's
# adapter for prometheus-cpp (Debian prometheus-cpp-dev); docs/observability.md, ADR 0040. The
# core library never links it. Installed as its own component (cmake/install.cmake) and Debian
# package libpaygw-prometheus-dev (cmake/package.cmake).
#
# PAYGW_WITH_PROMETHEUS: ON (required), OFF, or AUTO (built when prometheus-cpp is found).
set(PAYGW_WITH_PROMETHEUS AUTO CACHE STRING "Build paygw::prometheus: ON, OFF or AUTO")
set_property(CACHE PAYGW_WITH_PROMETHEUS PROPERTY STRINGS ON OFF AUTO)

if(NOT PAYGW_WITH_PROMETHEUS STREQUAL "OFF")
  if(PAYGW_WITH_PROMETHEUS STREQUAL "AUTO")
    find_package(prometheus-cpp CONFIG QUIET COMPONENTS core)
  else()
    find_package(prometheus-cpp CONFIG REQUIRED COMPONENTS core)
  endif()
  if(prometheus-cpp_FOUND AND TARGET prometheus-cpp::core)
    # Built like a store component (cmake/stores.cmake): own library, paygw's exports only.
    paygw_add_store(paygw_prometheus prometheus prometheus-cpp::core src/metrics/prometheus.cpp)
    # Its header names prometheus::Registry: users link prometheus-cpp::core themselves too.
    target_link_libraries(paygw_prometheus INTERFACE prometheus-cpp::core)
    set(PAYGW_HAVE_PROMETHEUS ON)
    message(STATUS "paygw: building paygw::prometheus")
  else()
    message(STATUS "paygw: prometheus-cpp not found (Debian: prometheus-cpp-dev); not building paygw::prometheus")
  endif()
endif()
