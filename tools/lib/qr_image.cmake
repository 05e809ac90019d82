# SPDX-License-Identifier: MIT
# QR images for the tools (tools/lib/qr_image.*), included by tools/cli and tools/sandbox (each
# directory finds the packages again: imported targets are directory-scoped).
# libqrencode (Debian libqrencode-dev) makes the symbols, libpng (libpng-dev) writes PNG; both
# are optional: without them the tools say that images are unavailable.
#   paygw_add_qr_image(<target>)          with whatever of the two was found
#   paygw_add_qr_image(<target> NONE)     without either (the CLI test's "unavailable" build)

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PAYGW_QRENCODE QUIET IMPORTED_TARGET libqrencode)
endif()
find_package(PNG QUIET)
get_property(paygw_qr_image_reported GLOBAL PROPERTY PAYGW_QR_IMAGE_REPORTED)
if(paygw_qr_image_reported)
  # reported once
elseif(PAYGW_QRENCODE_FOUND)
  set_property(GLOBAL PROPERTY PAYGW_QR_IMAGE_REPORTED ON)
  message(STATUS "paygw tools: QR images with libqrencode ${PAYGW_QRENCODE_VERSION}; PNG: ${PNG_FOUND}")
else()
  set_property(GLOBAL PROPERTY PAYGW_QR_IMAGE_REPORTED ON)
  message(STATUS "paygw tools: libqrencode not found (Debian: libqrencode-dev); QR images unavailable")
endif()

function(paygw_add_qr_image target)
  target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/tools/lib/qr_image.cpp")
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/tools/lib")
  if(ARGV1 STREQUAL "NONE")
    return()
  endif()
  if(PAYGW_QRENCODE_FOUND)
    target_compile_definitions(${target} PRIVATE PAYGW_HAVE_QRENCODE)
    target_link_libraries(${target} PRIVATE PkgConfig::PAYGW_QRENCODE)
    if(PNG_FOUND)
      target_compile_definitions(${target} PRIVATE PAYGW_HAVE_PNG)
      target_link_libraries(${target} PRIVATE PNG::PNG)
    endif()
  endif()
endfunction()
