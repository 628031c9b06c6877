# Builds the vendored libzmq (deps/libzmq) as a static, position-independent library with
# every transport and security mechanism this platform can have, and collects the static
# archives the addon must link. Sets:
#   ZMQ_NATIVE_LIBZMQ_TARGET     the ExternalProject target to depend on
#   ZMQ_NATIVE_LIBZMQ_INCLUDE    libzmq's public headers
#   ZMQ_NATIVE_LIBZMQ_LIBRARIES  libzmq.a followed by its static dependencies and system libraries
#   ZMQ_NATIVE_LIBZMQ_NORM       ON when NORM is linked in (the addon calls it too)
#   ZMQ_NATIVE_LIBZMQ_PGM_INCLUDE  OpenPGM's headers when it is linked in (the addon calls it too)
# and writes the same facts to <prefix>/zmq-native-link.json (ZMQ_NATIVE_LIBZMQ_LINK_FILE, cached)
# for the node-gyp path and the license notices.

include(ExternalProject)
find_package(PkgConfig QUIET)

set(ZMQ_NATIVE_LIBZMQ_SOURCE "${CMAKE_CURRENT_LIST_DIR}/../deps/libzmq")
get_filename_component(ZMQ_NATIVE_LIBZMQ_SOURCE "${ZMQ_NATIVE_LIBZMQ_SOURCE}" ABSOLUTE)

find_program(NODE_EXECUTABLE NAMES node nodejs REQUIRED)
execute_process(
  COMMAND "${NODE_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/../scripts/fetch-libzmq.js"
  RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "zmq-native: the libzmq source is missing (see the fetch-libzmq messages above)")
endif()

# A static dependency is used only when its archive exists: a shared one would make the
# addon depend on a library the user's machine may not have.
function(zmq_native_find_archive out)
  set(found "")
  foreach(name IN LISTS ARGN)
    find_library(archive_${name}
      NAMES "${CMAKE_STATIC_LIBRARY_PREFIX}${name}${CMAKE_STATIC_LIBRARY_SUFFIX}")
    if(NOT archive_${name})
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
    list(APPEND found "${archive_${name}}")
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

set(dependency_archives "")
set(libzmq_options "")
set(disabled_capabilities "")

zmq_native_find_archive(sodium_archives sodium)
if(sodium_archives)
  list(APPEND libzmq_options -DWITH_LIBSODIUM=ON -DWITH_LIBSODIUM_STATIC=ON)
  list(APPEND dependency_archives ${sodium_archives})
else()
  message(WARNING "zmq-native: no static libsodium found; CURVE uses libzmq's built-in tweetnacl instead (capability.curve stays true)")
  list(APPEND libzmq_options -DWITH_LIBSODIUM=OFF)
endif()

set(pgm_package "")
if(PKG_CONFIG_FOUND AND NOT WIN32)
  foreach(candidate openpgm-5.3 openpgm-5.2)
    pkg_check_modules(pgm_probe_${candidate} QUIET ${candidate})
    if(pgm_probe_${candidate}_FOUND)
      set(pgm_package ${candidate})
      break()
    endif()
  endforeach()
endif()
zmq_native_find_archive(pgm_archives pgm)
if(pgm_package AND pgm_archives)
  list(APPEND libzmq_options -DWITH_OPENPGM=ON -DOPENPGM_PKGCONFIG_NAME=${pgm_package})
  set(ZMQ_NATIVE_LIBZMQ_PGM_INCLUDE "${pgm_probe_${pgm_package}_INCLUDE_DIRS}")
  list(APPEND dependency_archives ${pgm_archives})
else()
  message(WARNING "zmq-native: OpenPGM (static libpgm and its pkg-config file) not found; the pgm:// and epgm:// transports are off (capability.pgm = false). On Debian: apt-get install libpgm-dev")
  list(APPEND disabled_capabilities pgm)
endif()

find_package(norm QUIET)
zmq_native_find_archive(norm_archives norm protokit)
if(norm_FOUND AND norm_archives)
  list(APPEND libzmq_options -DWITH_NORM=ON)
  # The addon calls NORM itself too (native/transport-trial.cc).
  set(ZMQ_NATIVE_LIBZMQ_NORM ON)
  list(APPEND dependency_archives ${norm_archives})
else()
  message(WARNING "zmq-native: NORM (static libnorm and libprotokit) not found; the norm:// transport is off (capability.norm = false). On Debian: apt-get install libnorm-dev")
  list(APPEND disabled_capabilities norm)
endif()

# libzmq's CMake skips its run-time probes when cross-compiling (an emulator does not help), and
# a Linux libzmq built that way silently loses TIPC, the TCP keepalive options, CLOEXEC and
# more. Every Linux kernel and glibc we build for has them: state them. (A test compares the
# resulting platform.hpp with a native build's.)
# On Linux, libzmq's pthreads condition variable rather than C++11's: it waits with
# pthread_cond_timedwait on CLOCK_MONOTONIC, where libstdc++'s needs pthread_cond_clockwait,
# which only glibc 2.30 and later have (the prebuilds load on older ones).
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  list(APPEND libzmq_options -DZMQ_CV_IMPL=pthreads)
endif()
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
  foreach(feature EVENTFD_CLOEXEC SOCK_CLOEXEC O_CLOEXEC SO_BINDTODEVICE SO_KEEPALIVE SO_PRIORITY
      TCP_KEEPCNT TCP_KEEPIDLE TCP_KEEPINTVL PTHREAD_SETNAME_2 PTHREAD_SET_AFFINITY TIPC GETRANDOM)
    list(APPEND libzmq_options -DZMQ_HAVE_${feature}=1)
  endforeach()
endif()
if(CMAKE_CROSSCOMPILING AND APPLE)
  # What those probes find on macOS 11 and later: the keepalive options (the idle time is
  # TCP_KEEPALIVE there), O_CLOEXEC, and the one-argument pthread_setname_np.
  foreach(feature O_CLOEXEC SO_KEEPALIVE TCP_KEEPCNT TCP_KEEPINTVL TCP_KEEPALIVE PTHREAD_SETNAME_1)
    list(APPEND libzmq_options -DZMQ_HAVE_${feature}=1)
  endforeach()
endif()
if(MINGW)
  # As MSVC builds get by default: the wepoll poller, which ipc:// (AF_UNIX) on Windows needs.
  # The shims let libzmq's MSVC-minded includes compile (see cmake/mingw-shims/README.md).
  set(shims "${CMAKE_CURRENT_LIST_DIR}/mingw-shims")
  list(APPEND libzmq_options -DPOLLER=epoll "-DCMAKE_C_FLAGS=-I${shims}/c" "-DCMAKE_CXX_FLAGS=-I${shims}/cxx")
endif()
if(ZMQ_NATIVE_SANITIZE)
  set(sanitize_flags "-fsanitize=${ZMQ_NATIVE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all")
  list(APPEND libzmq_options "-DCMAKE_C_FLAGS=${sanitize_flags}" "-DCMAKE_CXX_FLAGS=${sanitize_flags}")
endif()
if(CMAKE_TOOLCHAIN_FILE)
  get_filename_component(toolchain "${CMAKE_TOOLCHAIN_FILE}" ABSOLUTE)
  list(APPEND libzmq_options "-DCMAKE_TOOLCHAIN_FILE=${toolchain}")
endif()

# libzmq's build lives in the (ignored) deps/ folder, keyed by the build tree it serves, not
# in the build tree itself: node-gyp empties build/ whenever it runs, and a rebuild of the
# addon must never rebuild libzmq.
if(ZMQ_NATIVE_LIBZMQ_ONLY)
  set(libzmq_work "${CMAKE_BINARY_DIR}")
else()
  string(MD5 build_tree_key "${CMAKE_BINARY_DIR}")
  string(SUBSTRING "${build_tree_key}" 0 8 build_tree_key)
  set(libzmq_work "${ZMQ_NATIVE_LIBZMQ_SOURCE}/../cmake-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}-${build_tree_key}")
  get_filename_component(libzmq_work "${libzmq_work}" ABSOLUTE)
endif()
set(ZMQ_NATIVE_LIBZMQ_PREFIX "${libzmq_work}/libzmq-install")
# The system's archives as installed (before pgm-numeric-lookups.cmake puts its copy of libpgm in
# the list): their packages' license notices travel with the addon (scripts/copy-notices.js).
set(licensed_archives ${dependency_archives})
if(NOT "pgm" IN_LIST disabled_capabilities)
  set(pgm_archive "${pgm_archives}")
  include("${CMAKE_CURRENT_LIST_DIR}/pgm-numeric-lookups.cmake")
endif()
set(libzmq_archive
  "${ZMQ_NATIVE_LIBZMQ_PREFIX}/lib/${CMAKE_STATIC_LIBRARY_PREFIX}zmq${CMAKE_STATIC_LIBRARY_SUFFIX}")
set(libzmq_byproducts "${libzmq_archive}")

if(MSVC)
  # The static C runtime (/MT), as node-gyp's Release builds use, for libzmq and the addon
  # alike: mixing runtimes does not link, and /MT needs no Visual C++ redistributable.
  set(CMAKE_MSVC_RUNTIME_LIBRARY MultiThreaded)
  list(APPEND libzmq_options -DCMAKE_POLICY_DEFAULT_CMP0091=NEW -DCMAKE_MSVC_RUNTIME_LIBRARY=MultiThreaded)
  # libzmq names its MSVC archive libzmq[-<toolset>]-mt-s-<version>.lib: a step below copies
  # it to the plain name the rest of the build uses.
  set(libzmq_byproducts "")
endif()

ExternalProject_Add(libzmq_vendored
  SOURCE_DIR "${ZMQ_NATIVE_LIBZMQ_SOURCE}"
  PREFIX "${libzmq_work}/libzmq-ep"
  BINARY_DIR "${libzmq_work}/libzmq-build"
  INSTALL_DIR "${ZMQ_NATIVE_LIBZMQ_PREFIX}"
  CMAKE_ARGS
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_INSTALL_PREFIX=<INSTALL_DIR>
    -DCMAKE_INSTALL_LIBDIR=lib
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON
    -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
    -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DCMAKE_OSX_ARCHITECTURES=${CMAKE_OSX_ARCHITECTURES}
    -DBUILD_SHARED=OFF
    -DBUILD_STATIC=ON
    -DBUILD_TESTS=OFF
    -DWITH_PERF_TOOL=OFF
    -DWITH_DOCS=OFF
    -DWITH_DOC=OFF
    -DENABLE_CPACK=OFF
    -DENABLE_PRECOMPILED=OFF
    -DENABLE_DRAFTS=ON
    -DENABLE_WS=ON
    -DENABLE_CURVE=ON
    # Static GnuTLS and libbsd would drag shared libraries into the addon: wss stays off,
    # and libzmq's own strlcpy is used.
    -DWITH_TLS=OFF
    -DWITH_LIBBSD=OFF
    -DZMQ_OUTPUT_BASENAME=zmq
    ${libzmq_options}
  BUILD_BYPRODUCTS ${libzmq_byproducts}
  UPDATE_COMMAND ""
  USES_TERMINAL_BUILD ON)
if(TARGET zmq_native_pgm_lookups)
  # Whatever links libzmq links this archive too (see pgm-numeric-lookups.cmake).
  add_dependencies(libzmq_vendored zmq_native_pgm_lookups)
endif()

if(MSVC)
  ExternalProject_Add_Step(libzmq_vendored plain_name
    COMMAND "${CMAKE_COMMAND}" "-Dlibrary_dir=<INSTALL_DIR>/lib" "-Dplain=${libzmq_archive}"
      -P "${CMAKE_CURRENT_LIST_DIR}/msvc-libzmq-name.cmake"
    DEPENDEES install
    BYPRODUCTS "${libzmq_archive}")
endif()

set(system_libraries "")
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(system_libraries pthread rt m)
elseif(APPLE)
  set(system_libraries pthread m)
elseif(WIN32)
  set(system_libraries ws2_32 iphlpapi advapi32)
endif()

set(ZMQ_NATIVE_LIBZMQ_TARGET libzmq_vendored)
set(ZMQ_NATIVE_LIBZMQ_INCLUDE "${ZMQ_NATIVE_LIBZMQ_PREFIX}/include")
set(ZMQ_NATIVE_LIBZMQ_LIBRARIES "${libzmq_archive}" ${dependency_archives} ${system_libraries})

# For binding.gyp, which links the same archives (see scripts/lib/libzmq-link.js).
set(link_json "{\n  \"include\": \"${ZMQ_NATIVE_LIBZMQ_INCLUDE}\",\n  \"archives\": [")
set(separator "")
foreach(archive IN ITEMS "${libzmq_archive}" ${dependency_archives})
  string(APPEND link_json "${separator}\n    \"${archive}\"")
  set(separator ",")
endforeach()
string(APPEND link_json "\n  ],\n  \"system\": [")
set(separator "")
foreach(library IN LISTS system_libraries)
  string(APPEND link_json "${separator}\"${library}\"")
  set(separator ", ")
endforeach()
string(APPEND link_json "],\n  \"disabled\": [")
set(separator "")
foreach(capability IN LISTS disabled_capabilities)
  string(APPEND link_json "${separator}\"${capability}\"")
  set(separator ", ")
endforeach()
string(APPEND link_json "],\n  \"pgmInclude\": \"${ZMQ_NATIVE_LIBZMQ_PGM_INCLUDE}\",\n  \"licensed\": [")
set(separator "")
foreach(archive IN LISTS licensed_archives)
  string(APPEND link_json "${separator}\n    \"${archive}\"")
  set(separator ",")
endforeach()
string(APPEND link_json "\n  ]\n}\n")
# Its path stays in the build tree's cache: a build's license notices are those of its own link
# (scripts/lib/link-files.js).
set(ZMQ_NATIVE_LIBZMQ_LINK_FILE "${ZMQ_NATIVE_LIBZMQ_PREFIX}/zmq-native-link.json" CACHE INTERNAL
  "zmq-native-link.json of this build tree")
file(WRITE "${ZMQ_NATIVE_LIBZMQ_LINK_FILE}" "${link_json}")
