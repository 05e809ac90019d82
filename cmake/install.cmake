# SPDX-License-Identifier: MIT
# Install rules: library, headers, CMake package (paygwConfig + version), pkg-config file.
set(PAYGW_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/paygw")

install(TARGETS paygw EXPORT paygwTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# A store component's header is installed with it (below), and left out when it was not built.
install(DIRECTORY include/paygw DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} PATTERN "sqlite.hpp" EXCLUDE
  PATTERN "postgres.hpp" EXCLUDE PATTERN "metrics" EXCLUDE)  # paygw::prometheus: installed below
install(FILES "${PAYGW_GENERATED_INCLUDE}/paygw/export.hpp" "${PAYGW_GENERATED_INCLUDE}/paygw/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/paygw)

install(EXPORT paygwTargets NAMESPACE paygw:: DESTINATION ${PAYGW_CMAKE_DIR})
export(EXPORT paygwTargets NAMESPACE paygw:: FILE "${PROJECT_BINARY_DIR}/paygwTargets.cmake")

# Components: find_package(paygw CONFIG COMPONENTS sqlite postgres) includes
# paygw-<component>-targets.cmake for each (cmake/stores.cmake builds them).
foreach(component IN LISTS PAYGW_STORE_COMPONENTS)
  # Each store is an install component of its own: its own Debian package (cmake/package.cmake).
  set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME ${component})
  install(FILES include/paygw/store/${component}.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/paygw/store)
  install(TARGETS paygw_${component} EXPORT paygw-${component}-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT paygw-${component}-targets NAMESPACE paygw:: DESTINATION ${PAYGW_CMAKE_DIR})
  export(EXPORT paygw-${component}-targets NAMESPACE paygw::
    FILE "${PROJECT_BINARY_DIR}/paygw-${component}-targets.cmake")
endforeach()
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME dev)

# pkg-config for each store (ADR 0037): `pkg-config --cflags --libs paygw-sqlite` (or
# paygw-postgres) gives the store, paygw and their dependencies, static or shared as paygw.pc does.
foreach(component IN LISTS PAYGW_STORE_COMPONENTS)
  if(component STREQUAL "sqlite")
    set(PAYGW_STORE_PC_DEPENDENCY sqlite3)
  else()
    set(PAYGW_STORE_PC_DEPENDENCY libpq)
  endif()
  set(PAYGW_STORE_PC_NAME ${component})
  if(BUILD_SHARED_LIBS)
    set(PAYGW_STORE_PC_REQUIRES "paygw")
    set(PAYGW_STORE_PC_REQUIRES_PRIVATE "${PAYGW_STORE_PC_DEPENDENCY}")
  else()
    set(PAYGW_STORE_PC_REQUIRES "paygw ${PAYGW_STORE_PC_DEPENDENCY}")
    set(PAYGW_STORE_PC_REQUIRES_PRIVATE "")
  endif()
  file(RELATIVE_PATH PAYGW_PC_PREFIX_REL "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
  string(REGEX REPLACE "/$" "" PAYGW_PC_PREFIX_REL "${PAYGW_PC_PREFIX_REL}")
  configure_file(cmake/paygw-store.pc.in "${PROJECT_BINARY_DIR}/paygw-${component}.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/paygw-${component}.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
          COMPONENT ${component})
endforeach()

# paygw::prometheus (cmake/metrics.cmake): its own install component and Debian package, like a
# store; find_package(paygw CONFIG COMPONENTS prometheus) also finds prometheus-cpp (paygwConfig).
if(PAYGW_HAVE_PROMETHEUS)
  set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME prometheus)
  install(FILES include/paygw/metrics/prometheus.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/paygw/metrics)
  install(TARGETS paygw_prometheus EXPORT paygw-prometheus-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT paygw-prometheus-targets NAMESPACE paygw:: DESTINATION ${PAYGW_CMAKE_DIR})
  export(EXPORT paygw-prometheus-targets NAMESPACE paygw::
    FILE "${PROJECT_BINARY_DIR}/paygw-prometheus-targets.cmake")
  set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME dev)
endif()

# paygw::httplib (cmake/httplib.cmake): its header and CMake targets, in the dev package.
if(TARGET paygw_httplib)
  install(FILES adapters/httplib/include/paygw/httplib.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/paygw)
  install(TARGETS paygw_httplib EXPORT paygw-httplib-targets)
  install(EXPORT paygw-httplib-targets NAMESPACE paygw:: DESTINATION ${PAYGW_CMAKE_DIR})
  export(EXPORT paygw-httplib-targets NAMESPACE paygw:: FILE "${PROJECT_BINARY_DIR}/paygw-httplib-targets.cmake")
endif()

# The examples' sources with a CMakeLists.txt that builds them against this installed package:
#   cmake -S <prefix>/share/paygw/examples -B build -DCMAKE_PREFIX_PATH=<prefix>
install(FILES examples/CMakeLists.txt examples/tingee_show_qr.cpp examples/tconnect_push.cpp
              examples/charging_submit.cpp examples/receiver.cpp examples/logging_spdlog.cpp
        DESTINATION ${CMAKE_INSTALL_DATADIR}/paygw/examples)

configure_package_config_file(cmake/paygwConfig.cmake.in "${PROJECT_BINARY_DIR}/paygwConfig.cmake"
  INSTALL_DESTINATION ${PAYGW_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/paygwConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)  # 0.x: a minor release may break the API
install(FILES "${PROJECT_BINARY_DIR}/paygwConfig.cmake" "${PROJECT_BINARY_DIR}/paygwConfigVersion.cmake"
  DESTINATION ${PAYGW_CMAKE_DIR})

# pkg-config (ADR 0024): libpaygw.so records libcurl and libcrypto itself (DT_NEEDED), so a shared
# paygw lists them in Requires.private; a static libpaygw.a records nothing, so every link line needs
# them: public Requires (plain `pkg-config --libs paygw` works; --static would also pull libcurl's own
# static closure, which Debian's libcurl4-openssl-dev does not install).
if(BUILD_SHARED_LIBS)
  set(PAYGW_PC_REQUIRES "")
  set(PAYGW_PC_REQUIRES_PRIVATE "libcurl libcrypto")
  set(PAYGW_PC_LIBS "")
  set(PAYGW_PC_LIBS_PRIVATE "-pthread")
  set(PAYGW_PC_CFLAGS "")
else()
  set(PAYGW_PC_REQUIRES "libcurl libcrypto")
  set(PAYGW_PC_REQUIRES_PRIVATE "")
  set(PAYGW_PC_LIBS " -pthread")
  set(PAYGW_PC_LIBS_PRIVATE "")
  set(PAYGW_PC_CFLAGS " -DPAYGW_STATIC_DEFINE")
endif()
file(RELATIVE_PATH PAYGW_PC_PREFIX_REL "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" PAYGW_PC_PREFIX_REL "${PAYGW_PC_PREFIX_REL}")
configure_file(cmake/paygw.pc.in "${PROJECT_BINARY_DIR}/paygw.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/paygw.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
