# Gives the addon a copy of the static libpgm whose getaddrinfo calls go to
# zmq_native_pgm_getaddrinfo (pgm-numeric-lookups.c: numeric only, no DNS; why is said there),
# plus the small archive that defines it. Included by vendored-libzmq.cmake once pgm is on: in
# dependency_archives, pgm_archive becomes the copy followed by that archive, and the target
# zmq_native_pgm_lookups builds the latter. Needs the toolchain's objcopy; without it the
# original archive is linked (names then go through DNS as in libpgm itself) and a warning
# says so.
if(NOT CMAKE_OBJCOPY)
  message(WARNING "zmq-native: no objcopy found; libpgm keeps looking endpoint words up as host names (DNS) before interface names")
  return()
endif()
set(pgm_numeric_archive "${libzmq_work}/libpgm-numeric-lookups${CMAKE_STATIC_LIBRARY_SUFFIX}")
if(NOT EXISTS "${pgm_numeric_archive}" OR "${pgm_archive}" IS_NEWER_THAN "${pgm_numeric_archive}")
  file(MAKE_DIRECTORY "${libzmq_work}")
  execute_process(
    COMMAND "${CMAKE_OBJCOPY}" --redefine-sym getaddrinfo=zmq_native_pgm_getaddrinfo
      "${pgm_archive}" "${pgm_numeric_archive}"
    RESULT_VARIABLE objcopy_result)
  if(NOT objcopy_result EQUAL 0)
    file(REMOVE "${pgm_numeric_archive}")
    message(FATAL_ERROR "zmq-native: objcopy could not make ${pgm_numeric_archive} from ${pgm_archive}")
  endif()
endif()

add_library(zmq_native_pgm_lookups STATIC "${CMAKE_CURRENT_LIST_DIR}/pgm-numeric-lookups.c")
set_target_properties(zmq_native_pgm_lookups PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  ARCHIVE_OUTPUT_DIRECTORY "${libzmq_work}")
set(pgm_lookups_archive
  "${libzmq_work}/${CMAKE_STATIC_LIBRARY_PREFIX}zmq_native_pgm_lookups${CMAKE_STATIC_LIBRARY_SUFFIX}")

list(FIND dependency_archives "${pgm_archive}" pgm_index)
list(REMOVE_AT dependency_archives ${pgm_index})
list(INSERT dependency_archives ${pgm_index} "${pgm_numeric_archive}" "${pgm_lookups_archive}")
