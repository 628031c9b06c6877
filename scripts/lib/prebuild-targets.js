// Every prebuilt binary the package ships: where it goes, how this Linux machine builds it, and
// how the tests here check it. One table, read by build-prebuilds.js, check-prebuilds.js, the
// tests and the README's platform table.
//
// builder:
//   bullseye  node-gyp (prebuildify) inside a Debian bullseye chroot (scripts/in-bullseye), so
//             the binary needs no newer glibc than bullseye's, and no libstdc++ at all
//   cmake     CMakeLists.txt with a cross toolchain (cmake/toolchains/<name>.cmake)
//   native    node-gyp (prebuildify) on the machine itself: the GitHub workflow's macOS and
//             Windows runners, which build their own platform
// tested: how `npm test` runs it here ("built only" targets are inspected, not run)
"use strict"

const name = require("../../package.json").name

// The oldest glibc the Linux prebuilds load on (test/platforms/glibc-floor.test.ts): zeromq@6's
// floor too. Amazon Linux 2 (2.26), Ubuntu 18.04 (2.27), Debian 10 and RHEL 8 (2.28) are above it.
const glibcFloor = "2.25"

const targets = [
  {
    target: "linux-x64",
    tuple: "linux-x64",
    file: `${name}.glibc.node`,
    builder: "bullseye",
    arch: "x64",
    tested: "natively (bookworm) and in a Debian 11 (bullseye) chroot",
  },
  {
    target: "linux-arm64",
    tuple: "linux-arm64",
    file: `${name}.glibc.node`,
    builder: "bullseye",
    arch: "arm64",
    tested: "under qemu-user with Node for arm64",
  },
  {
    target: "win32-x64",
    tuple: "win32-x64",
    file: `${name}.node`,
    builder: "cmake",
    toolchain: "win32-x64",
    tested: "under Wine with Node for Windows",
  },
  // Built and tested by the GitHub workflow on the platform itself (no toolchain for them
  // reaches this machine); here check-prebuilds only inspects them.
  ...[
    ["darwin-x64", `${name}.node`, "macos-13"],
    ["darwin-arm64", `${name}.node`, "macos-14"],
    ["win32-arm64", `${name}.node`, "windows-11-arm"],
    ["linux-x64-musl", `${name}.musl.node`, "Alpine on ubuntu-22.04"],
    ["linux-arm64-musl", `${name}.musl.node`, "Alpine on ubuntu-22.04-arm"],
  ].map(([target, file, runner]) => ({
    target,
    tuple: target.replace(/-musl$/, ""),
    file,
    builder: "native",
    runner,
    tested: `by the GitHub workflow (${runner}); built, not run-tested here`,
  })),
]

/** The targets this machine builds (`--all`). */
const local = targets.filter(entry => entry.builder !== "native")

/** The targets named by a comma-separated list ("all" for every one); throws on an unknown name. */
function select(list) {
  if (list === "all") return local
  return list.split(",").map(wanted => {
    const found = targets.find(entry => entry.target === wanted)
    if (!found) {
      throw new Error(
        `unknown target '${wanted}'; known: ${targets.map(entry => entry.target).join(", ")}, all`,
      )
    }
    return found
  })
}

module.exports = {targets, local, select, glibcFloor}
