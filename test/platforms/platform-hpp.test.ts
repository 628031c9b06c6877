// A cross-built libzmq must have the features a native build for its platform has: libzmq's CMake
// skips its run-time probes when cross-compiling, and what they would have found is stated by
// cmake/vendored-libzmq.cmake instead. Compared here through the platform.hpp each build wrote.
import * as fs from "node:fs"
import * as path from "node:path"
import {root} from "../helpers"

const deps = path.join(root, "deps")

/** The #define lines of the platform.hpp in the one libzmq build folder matching `pattern`. */
function features(pattern: RegExp): string[] {
  const folders = fs.readdirSync(deps).filter(name => pattern.test(name))
  const files = folders
    .map(name => path.join(deps, name, "libzmq-build", "platform.hpp"))
    .filter(file => fs.existsSync(file))
  if (files.length === 0) {
    throw new Error(
      `no libzmq build matching ${pattern} in deps/: run \`npm run build:prebuilds -- --all\` (npm test does)`,
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

describe("libzmq's platform.hpp", () => {
  it("linux-arm64 (cross-compiled) has the features of linux-x64 (compiled natively, same system)", () => {
    expect(features(/^build-linux-arm64-bullseye$/)).toEqual(features(/^build-linux-x64-bullseye$/))
  })

  it("the linux-x64 prebuild's libzmq (Debian 11) has the features of this machine's build", () => {
    expect(features(/^build-linux-x64-bullseye$/)).toEqual(features(/^cmake-Linux-x86_64-/))
  })

  it("the Linux builds have TIPC, the keepalive options, CLOEXEC and NORM (PGM is a compile definition: capability.pgm)", () => {
    expect(features(/^build-linux-arm64-bullseye$/)).toEqual(
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

  // No native Windows build runs here. MSVC builds skip the same probes (libzmq's CMake runs them
  // only for non-MSVC native builds), so these are what an MSVC build of 4.3.4 with our options
  // reports, less libsodium (Debian has no MinGW libsodium: CURVE uses libzmq's tweetnacl).
  it("win32-x64 (mingw-w64) has the Windows feature set: wepoll, ipc (AF_UNIX), ws, CURVE, drafts", () => {
    expect(features(/^cmake-Windows-AMD64-/)).toEqual(
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
