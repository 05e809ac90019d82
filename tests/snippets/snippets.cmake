# SPDX-License-Identifier: MIT
# Every C++ block of README.md and docs/**/*.md becomes a program (extract.awk) that is compiled
# with the project's warnings, so a snippet that drifts from the API breaks the build, and a test
# (doc_snippets, run.sh) runs them: fragments with no network, whole programs against paygw-sandbox.
file(GLOB_RECURSE paygw_doc_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/*.md")
list(PREPEND paygw_doc_files "${PROJECT_SOURCE_DIR}/README.md")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${paygw_doc_files}
                                                              "${CMAKE_CURRENT_LIST_DIR}/extract.awk")
set(paygw_snippet_dir "${CMAKE_CURRENT_BINARY_DIR}/snippets")
file(REMOVE_RECURSE "${paygw_snippet_dir}")
file(MAKE_DIRECTORY "${paygw_snippet_dir}")
execute_process(
  COMMAND awk -v "out=${paygw_snippet_dir}" -v "root=${PROJECT_SOURCE_DIR}" -f "${CMAKE_CURRENT_LIST_DIR}/extract.awk"
          ${paygw_doc_files}
  OUTPUT_VARIABLE paygw_snippet_manifest ERROR_VARIABLE paygw_snippet_errors RESULT_VARIABLE paygw_snippet_rc)
if(NOT paygw_snippet_rc EQUAL 0)
  message(FATAL_ERROR "tests/snippets/extract.awk failed:\n${paygw_snippet_errors}")
endif()
string(REPLACE "\n" ";" paygw_snippet_manifest "${paygw_snippet_manifest}")
set(paygw_snippet_runs)
foreach(line IN LISTS paygw_snippet_manifest)
  if(line STREQUAL "")
    continue()
  endif()
  string(REPLACE " " ";" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 kind)
  list(GET fields 2 where)
  # A snippet that includes a store's header links that store (and needs it built).
  file(READ "${paygw_snippet_dir}/${name}.cpp" text)
  set(libs paygw::paygw)
  set(missing "")
  foreach(store IN ITEMS sqlite postgres)
    if(text MATCHES "paygw/store/${store}\\.hpp")
      if(TARGET paygw::${store})
        list(APPEND libs paygw::${store})
      else()
        set(missing "needs paygw::${store}, which this tree does not build (PAYGW_WITH_${store})")
      endif()
    endif()
  endforeach()
  if(missing)
    message(WARNING "doc snippet ${where} ${missing}: not compiled; the doc_snippets test reports it")
    list(APPEND paygw_snippet_runs "missing:${where} ${missing}")
    continue()
  endif()
  add_executable(snippet_${name} "${paygw_snippet_dir}/${name}.cpp")
  target_include_directories(snippet_${name} BEFORE PRIVATE "${CMAKE_CURRENT_LIST_DIR}")  # its support.hpp, not tests/support's
  target_link_libraries(snippet_${name} PRIVATE ${libs} paygw_warnings)
  # A fragment may show a value being obtained and not use it further.
  target_compile_options(snippet_${name} PRIVATE $<$<CXX_COMPILER_ID:GNU,Clang>:-Wno-unused-variable>)
  list(APPEND paygw_snippet_runs "${kind}:$<TARGET_FILE:snippet_${name}>:${where}")
endforeach()
if(paygw_snippet_runs AND TARGET paygw-sandbox)
  add_test(NAME doc_snippets
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/run.sh" "${PROJECT_SOURCE_DIR}" $<TARGET_FILE:paygw-sandbox> ${paygw_snippet_runs})
  set_tests_properties(doc_snippets PROPERTIES LABELS integration TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
