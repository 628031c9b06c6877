// Every prebuilt binary the package ships: where it goes, how this Linux machine builds it, and
// how it is tested here and on the platform itself. One table, read by build-prebuilds.js,
// check-prebuilds.js, the tests, the GitHub workflow (its matrix) and the README's platform table.
//
// builder:
//   bullseye  node-gyp (prebuildify) inside a Debian bullseye chroot (scripts/in-bullseye), so
//             the binary needs no newer glibc than bullseye's, and no libstdc++ at all
//   cmake     CMakeLists.txt with a cross toolchain (cmake/toolchains/<name>.cmake): mingw-w64,
//             or zig (cmake/toolchains/zig.cmake) for musl and macOS
//   native    node-gyp (prebuildify) on the platform itself: the GitHub workflow's runner
// lane: builds in one lane run one after the other, lanes side by side (default: the builder)
// tested: how `npm test` runs it here; builtOnly ones are read, not run
//   (test/platforms/built-only.test.ts)
// runsOn: the GitHub runner that runs it on its own platform (.github/workflows/prebuild.yml),
//   inside Alpine's Node image when alpine is set
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
    runsOn: "ubuntu-22.04",
  },
  {
    target: "linux-arm64",
    tuple: "linux-arm64",
    file: `${name}.glibc.node`,
    builder: "bullseye",
    arch: "arm64",
    tested: "under qemu-user with Node for arm64",
    runsOn: "ubuntu-22.04-arm",
  },
  {
    target: "win32-x64",
    tuple: "win32-x64",
    file: `${name}.node`,
    builder: "cmake",
    toolchain: "win32-x64",
    tested: "under Wine with Node for Windows",
    runsOn: "windows-2022",
  },
  // Cross-built with zig; no Node runs them here (none for musl reaches this machine).
  ...[
    ["linux-x64-musl", "ubuntu-22.04"],
    ["linux-arm64-musl", "ubuntu-22.04-arm"],
    ["darwin-x64", "macos-13"],
    ["darwin-arm64", "macos-14"],
  ].map(([target, runsOn]) => ({
    target,
    tuple: target.replace(/-musl$/, ""),
    file: target.endsWith("-musl") ? `${name}.musl.node` : `${name}.node`,
    builder: "cmake",
    toolchain: target,
    lane: "zig",
    builtOnly: true,
    tested: target.endsWith("-musl")
      ? "built, not run-tested: read, and loaded by musl's dynamic loader with a C host for Node"
      : "built, not run-tested: read (format, exports, libraries)",
    runsOn,
    alpine: target.endsWith("-musl"),
  })),
  // No toolchain for it reaches this machine: built and tested on the platform itself by the
  // GitHub workflow; here check-prebuilds only reads it.
  {
    target: "win32-arm64",
    tuple: "win32-arm64",
    file: `${name}.node`,
    builder: "native",
    builtOnly: true,
    tested: "not here: built and run by the GitHub workflow",
    runsOn: "windows-11-arm",
  },
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
