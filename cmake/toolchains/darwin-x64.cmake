# Cross-compiles for macOS 11 and later on Intel with zig (see zig.cmake).
set(CMAKE_SYSTEM_NAME Darwin)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(zig_target x86_64-macos.11.0)
include("${CMAKE_CURRENT_LIST_DIR}/zig.cmake")
