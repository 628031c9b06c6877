# Cross-compiles for 64-bit ARM Linux with musl (Alpine and the like) with zig (see zig.cmake).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(zig_target aarch64-linux-musl)
include("${CMAKE_CURRENT_LIST_DIR}/zig.cmake")
