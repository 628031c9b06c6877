// A cross-built libzmq must have the features a native build for its platform has: libzmq's CMake
// skips its run-time probes when cross-compiling, and what they would have found is stated by
// cmake/vendored-libzmq.cmake instead. Compared here through the platform.hpp each build wrote.
import * as fs from "node:fs"
import * as path from "node:path"
import {root} from "../helpers"

const deps = path.join(root, "deps")

/** The toolchain a libzmq build folder was configured with ("" for a native build). */
function toolchainOf(folder: string): string {
  const cache = fs.readFileSync(path.join(deps, folder, "libzmq-build", "CMakeCache.txt"), "utf8")
  const file = /^CMAKE_TOOLCHAIN_FILE:\w+=(.*)$/m.exec(cache)?.[1]
  return file ? path.basename(file, ".cmake") : ""
}

/**
 * The #define lines of the platform.hpp in the libzmq build folder whose name matches `pattern`
 * and whose toolchain is `toolchain` ("" for a native build).
 */
function features(pattern: RegExp, toolchain: string): string[] {
  const files = fs
    .readdirSync(deps)
    .filter(
      name => pattern.test(name) && fs.existsSync(path.join(deps, name, "libzmq-build", "platform.hpp")),
    )
    .filter(name => toolchainOf(name) === toolchain)
    .map(name => path.join(deps, name, "libzmq-build", "platform.hpp"))
  if (files.length === 0) {
    throw new Error(
      `no libzmq build matching ${pattern} (toolchain '${toolchain}') in deps/: run \`npm run build:prebuilds -- --all\` (npm test does)`,
    )
  }
  // Every build of one kind has the same features; the newest stands for them.
  const newest = files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]
  return fs
    .readFileSync(newest, "utf8")
    .split("\n")
    .filter(line => line.startsWith("#define "))
    .map(line => line.trim())
    .sort()
}

const bullseyeX64 = () => features(/^build-linux-x64-bullseye$/, "")
const bullseyeArm64 = () => features(/^build-linux-arm64-bullseye$/, "linux-arm64")
const host = () => features(/^cmake-Linux-x86_64-/, "")
const musl = (target: string) => features(/^cmake-Linux-(x86_64|aarch64)-/, target)
const darwin = (target: string) => features(/^cmake-Darwin-(x86_64|arm64)-/, target)

describe("libzmq's platform.hpp", () => {
  it("linux-arm64 (cross-compiled) has the features of linux-x64 (compiled natively, same system)", () => {
    expect(bullseyeArm64()).toEqual(bullseyeX64())
  })

  it("the linux-x64 prebuild's libzmq (Debian 11) has the features of this machine's build", () => {
    expect(bullseyeX64()).toEqual(host())
  })

  it("the Linux builds have TIPC, the keepalive options, CLOEXEC and NORM (PGM is a compile definition: capability.pgm)", () => {
    expect(bullseyeArm64()).toEqual(
      expect.arrayContaining(
        [
          "TIPC",
          "TCP_KEEPIDLE",
          "TCP_KEEPCNT",
          "TCP_KEEPINTVL",
          "SO_KEEPALIVE",
          "SOCK_CLOEXEC",
          "EVENTFD_CLOEXEC",
          "NORM",
        ].map(name => `#define ZMQ_HAVE_${name}`),
      ),
    )
  })

  // musl's own: strlcpy (glibc 2.36 has none). Not built for musl here: libsodium (CURVE is
  // libzmq's tweetnacl) and NORM.
  it("linux-x64-musl (zig) has the features of this machine's build, less NORM and libsodium, plus musl's strlcpy", () => {
    const notForMusl = ["ZMQ_HAVE_NORM", "ZMQ_USE_LIBSODIUM", "SODIUM_STATIC"].map(name => `#define ${name}`)
    const expected = host()
      .filter(line => !notForMusl.includes(line))
      .concat(["#define ZMQ_HAVE_STRLCPY", "#define ZMQ_USE_TWEETNACL"])
      .sort()
    expect(musl("linux-x64-musl")).toEqual(expected)
  })

  it("linux-arm64-musl (zig) has the features of linux-x64-musl", () => {
    expect(musl("linux-arm64-musl")).toEqual(musl("linux-x64-musl"))
  })

  // No macOS here, native or emulated. What a native build of 4.3.4 with our options finds there,
  // less libsodium (CURVE is tweetnacl): kqueue, ipc, the keepalive options (TCP_KEEPALIVE is the
  // idle time on macOS), O_CLOEXEC and the one-argument pthread_setname_np, the last two groups
  // stated by cmake/vendored-libzmq.cmake (the cross build skips the probes that find them).
  it("darwin-x64 (zig) has the macOS feature set: kqueue, ipc, keepalive, ws, CURVE, drafts", () => {
    expect(darwin("darwin-x64")).toEqual(
      [
        "HAVE_CLOCK_GETTIME",
        "HAVE_FORK",
        "HAVE_IF_NAMETOINDEX",
        "HAVE_STRNLEN",
        "ZMQ_BUILD_DRAFT_API",
        "ZMQ_CACHELINE_SIZE 64",
        "ZMQ_HAVE_CURVE",
        "ZMQ_HAVE_IFADDRS",
        "ZMQ_HAVE_IPC",
        "ZMQ_HAVE_NOEXCEPT",
        "ZMQ_HAVE_O_CLOEXEC",
        "ZMQ_HAVE_PTHREAD_SETNAME_1",
        "ZMQ_HAVE_SO_KEEPALIVE",
        "ZMQ_HAVE_STRLCPY",
        "ZMQ_HAVE_TCP_KEEPALIVE",
        "ZMQ_HAVE_TCP_KEEPCNT",
        "ZMQ_HAVE_TCP_KEEPINTVL",
        "ZMQ_HAVE_UIO",
        "ZMQ_HAVE_WS",
        "ZMQ_IOTHREAD_POLLER_USE_KQUEUE",
        "ZMQ_POLL_BASED_ON_POLL",
        "ZMQ_USE_BUILTIN_SHA1",
        "ZMQ_USE_CV_IMPL_STL11",
        "ZMQ_USE_RADIX_TREE",
        "ZMQ_USE_TWEETNACL",
        "__ZMQ_PLATFORM_HPP_INCLUDED__",
      ]
        .map(name => `#define ${name}`)
        .sort(),
    )
  })

  it("darwin-arm64 (zig) has the features of darwin-x64", () => {
    expect(darwin("darwin-arm64")).toEqual(darwin("darwin-x64"))
  })

  // No native Windows build runs here. MSVC builds skip the same probes (libzmq's CMake runs them
  // only for non-MSVC native builds), so these are what an MSVC build of 4.3.4 with our options
  // reports, less libsodium (Debian has no MinGW libsodium: CURVE uses libzmq's tweetnacl).
  it("win32-x64 (mingw-w64) has the Windows feature set: wepoll, ipc (AF_UNIX), ws, CURVE, drafts", () => {
    expect(features(/^cmake-Windows-AMD64-/, "win32-x64")).toEqual(
      [
        "#define HAVE_IF_NAMETOINDEX",
        "#define HAVE_STRNLEN",
        "#define ZMQ_BUILD_DRAFT_API",
        "#define ZMQ_CACHELINE_SIZE 64",
        "#define ZMQ_HAVE_CURVE",
        "#define ZMQ_HAVE_IPC",
        "#define ZMQ_HAVE_NOEXCEPT",
        "#define ZMQ_HAVE_WINDOWS",
        "#define ZMQ_HAVE_WS",
        "#define ZMQ_IOTHREAD_POLLER_USE_EPOLL",
        "#define ZMQ_POLL_BASED_ON_POLL",
        "#define ZMQ_USE_BUILTIN_SHA1",
        "#define ZMQ_USE_CV_IMPL_STL11",
        "#define ZMQ_USE_RADIX_TREE",
        "#define ZMQ_USE_TWEETNACL",
        "#define __ZMQ_PLATFORM_HPP_INCLUDED__",
      ].sort(),
    )
  })
})
