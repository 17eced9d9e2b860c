# How gojit's libraries reach LLVM, abseil and ANTLR: shared or static, per executable.
#
# Tests and tools link the shared libraries (libLLVM-19.so, libabsl_*.so,
# libantlr4-runtime.so): quick links, one copy on disk. The `gojit` binary, whose
# start-up every `gojit run` pays, links the static archives Debian ships beside them,
# with lld, non-PIE, unused sections dropped (gojit_static_link below). Loading
# libLLVM-19.so alone applies ~340,000 relocations (~40 ms on this machine) and the
# ~50 abseil libraries cost another ~10 ms of mapping and symbol lookup: hello world
# from the program cache went from 0.08 s to 0.03 s.
#
# The choice is made per linking executable, not per library: every dependency on
# LLVM, abseil or ANTLR goes through a generator expression on the executable's
# property GOJIT_STATIC_LINK ($<TARGET_PROPERTY:...> in a link interface reads the
# target being linked). gojit_library and gojit_link_deps write those expressions.
# Without lld (ld.bfd takes minutes for the LLVM link) everything stays shared.

find_program(GOJIT_LLD ld.lld)
set(gojit_static_on "$<BOOL:$<TARGET_PROPERTY:GOJIT_STATIC_LINK>>")

# LLVM: the component libraries of the JIT, the host target and the pass pipeline.
llvm_map_components_to_libnames(GOJIT_LLVM_STATIC_LIBS orcjit native passes)
add_library(gojit_llvm INTERFACE)
target_include_directories(gojit_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(gojit_llvm INTERFACE ${LLVM_DEFINITIONS})
target_link_libraries(gojit_llvm INTERFACE
  "$<${gojit_static_on}:${GOJIT_LLVM_STATIC_LIBS}>"
  "$<$<NOT:${gojit_static_on}>:${LLVM_LIBRARY_DIR}/libLLVM-19.so>")

# ANTLR: the package exports both.
add_library(gojit_antlr INTERFACE)
target_include_directories(gojit_antlr SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(gojit_antlr INTERFACE "$<IF:${gojit_static_on},antlr4_static,antlr4_shared>")

# abseil: the package exports shared targets only; each absl::NAME gets a static twin
# gojit_absl_static_NAME over libabsl_NAME.a, its dependencies mapped the same way.
get_property(_gojit_imported DIRECTORY PROPERTY IMPORTED_TARGETS)
foreach(_t IN LISTS _gojit_imported)
  if(NOT _t MATCHES "^absl::(.+)$")
    continue()
  endif()
  set(_twin gojit_absl_static_${CMAKE_MATCH_1})
  get_target_property(_type ${_t} TYPE)
  get_target_property(_deps ${_t} INTERFACE_LINK_LIBRARIES)
  if(_type STREQUAL "INTERFACE_LIBRARY")
    add_library(${_twin} INTERFACE IMPORTED)
  else()
    get_target_property(_so ${_t} LOCATION)
    string(REGEX REPLACE "\\.so[.0-9]*$" ".a" _archive "${_so}")
    if(NOT EXISTS "${_archive}")
      message(FATAL_ERROR "gojit: ${_t} has no static archive ${_archive}")
    endif()
    add_library(${_twin} STATIC IMPORTED)
    set_target_properties(${_twin} PROPERTIES IMPORTED_LOCATION "${_archive}")
  endif()
  if(_deps)
    string(REGEX REPLACE "absl::([A-Za-z0-9_]+)" "gojit_absl_static_\\1" _deps "${_deps}")
    set_target_properties(${_twin} PROPERTIES INTERFACE_LINK_LIBRARIES "${_deps}")
  endif()
endforeach()

# gojit_link_deps(OUT DEPS...): DEPS with each absl:: target replaced by the choice
# between it and its static twin.
function(gojit_link_deps out)
  set(_result)
  foreach(_d IN LISTS ARGN)
    if(_d MATCHES "^absl::(.+)$")
      list(APPEND _result "$<IF:${gojit_static_on},gojit_absl_static_${CMAKE_MATCH_1},${_d}>")
    else()
      list(APPEND _result "${_d}")
    endif()
  endforeach()
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

# gojit_static_link(TARGET): TARGET (an executable) links LLVM, abseil and ANTLR
# statically, as described above. The archives are not PIC-only, so neither is TARGET.
function(gojit_static_link target)
  if(NOT GOJIT_LLD)
    message(STATUS "gojit: ld.lld not found; ${target} links the shared libraries")
    return()
  endif()
  set_target_properties(${target} PROPERTIES GOJIT_STATIC_LINK ON POSITION_INDEPENDENT_CODE OFF)
  target_link_options(${target} PRIVATE -fuse-ld=lld -no-pie -Wl,--gc-sections -Wl,--as-needed)
endfunction()
