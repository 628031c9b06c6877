# Shared by the zig toolchains (linux-x64-musl.cmake, linux-arm64-musl.cmake, darwin-x64.cmake,
# darwin-arm64.cmake), each of which sets CMAKE_SYSTEM_NAME, CMAKE_SYSTEM_PROCESSOR and
# zig_target first. zig's clang compiles and links for the target against the C library zig
# bundles (musl, or macOS's libc stubs) and its own libc++, linked in statically; nothing of this
# machine's is found. The compilers are scripts (`zig cc -target <target> "$@"` and so on) in
# deps/tools/zig-wrappers/<target>/, written when the first configure is given ZMQ_NATIVE_ZIG
# (zig's path: scripts/lib/cmake-prebuild.js fetches it): the nested configures (libzmq's,
# try_compile's) read this file again and find them. zig keeps the C library and libc++ it builds
# for a target (minutes each, once) in its own cache, ~/.cache/zig: every clone on the machine
# shares them.
get_filename_component(zig_tools "${CMAKE_CURRENT_LIST_DIR}/../../deps/tools" ABSOLUTE)
set(zig_wrappers "${zig_tools}/zig-wrappers/${zig_target}")
if(ZMQ_NATIVE_ZIG)
  foreach(tool "cc;cc -target ${zig_target}" "c++;c++ -target ${zig_target}" "ar;ar" "ranlib;ranlib")
    list(GET tool 0 name)
    list(GET tool 1 command)
    file(CONFIGURE OUTPUT "${zig_wrappers}/${name}" @ONLY CONTENT "#!/bin/sh
exec \"${ZMQ_NATIVE_ZIG}\" ${command} \"$@\"
")
    file(CHMOD "${zig_wrappers}/${name}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
      GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()
elseif(NOT EXISTS "${zig_wrappers}/cc")
  message(FATAL_ERROR "zmq-native: configure with -DZMQ_NATIVE_ZIG=<path of zig> (`npm run build:prebuilds -- --target <name>` fetches zig and does)")
endif()
set(CMAKE_C_COMPILER "${zig_wrappers}/cc")
set(CMAKE_CXX_COMPILER "${zig_wrappers}/c++")
set(CMAKE_AR "${zig_wrappers}/ar" CACHE FILEPATH "zig ar")
set(CMAKE_RANLIB "${zig_wrappers}/ranlib" CACHE FILEPATH "zig ranlib")
set(CMAKE_FIND_ROOT_PATH "${zig_wrappers}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(ENV{PKG_CONFIG_LIBDIR} "${zig_wrappers}")
# libc++ 16 (zig's) requires an allocator's rebind to give the allocator itself back. Without
# libsodium, libzmq 4.3.4's secure_allocator_t inherits std::allocator's rebind (to
# std::allocator), which C++20 removed: compiled as C++20, rebinding falls back to
# secure_allocator_t itself. (The addon's own CMakeLists.txt sets C++17.)
set(CMAKE_CXX_STANDARD 20)
if(CMAKE_SYSTEM_NAME STREQUAL "Darwin")
  # CMake asks for it on Apple platforms to rewrite install names when installing, which these
  # builds never do (the addon is copied out of the build folder).
  set(CMAKE_INSTALL_NAME_TOOL true)
endif()
