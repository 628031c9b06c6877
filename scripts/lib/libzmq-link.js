#!/usr/bin/env node
// Tells binding.gyp how to compile and link against libzmq, one fact per call:
//   node scripts/lib/libzmq-link.js shared      "true" when the system libzmq is asked for, else "false"
//   node scripts/lib/libzmq-link.js include     include directories
//   node scripts/lib/libzmq-link.js defines     preprocessor definitions
//   node scripts/lib/libzmq-link.js libraries   archives / libraries to link
// The vendored libzmq's facts come from the zmq-native-link.json that cmake/vendored-libzmq.cmake
// writes (built first by scripts/build-libzmq.js when it is missing); the system libzmq's from
// pkg-config. Output goes to stdout quoted for gyp's `<!@(...)` (which splits like a POSIX shell);
// everything else goes to stderr.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {linkFile, wantsShared} = require("../build-libzmq.js")

function fail(message) {
  process.stderr.write(`libzmq-link: ${message}\n`)
  process.exit(1)
}

// Single quotes survive shlex (no escapes inside them), even Windows backslashes and spaces.
function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`
}

function vendored() {
  if (!fs.existsSync(linkFile)) {
    const build = spawnSync(process.execPath, [path.join(__dirname, "..", "build-libzmq.js")], {
      stdio: ["ignore", process.stderr, process.stderr],
    })
    if (build.status !== 0) fail("the vendored libzmq could not be built (see above)")
  }
  const link = JSON.parse(fs.readFileSync(linkFile, "utf8"))
  const system = link.system.map(name => (process.platform === "win32" ? `${name}.lib` : `-l${name}`))
  return {
    include: [link.include, ...(link.pgmInclude ? [link.pgmInclude] : [])],
    // ZMQ_NATIVE_NORM, ZMQ_NATIVE_PGM: NORM, OpenPGM are linked in, and native/transport-trial.cc
    // calls them too.
    defines: [
      "ZMQ_STATIC",
      "ZMQ_BUILD_DRAFT_API",
      ...(link.disabled.includes("norm") ? [] : ["ZMQ_NATIVE_NORM"]),
      ...(link.pgmInclude ? ["ZMQ_NATIVE_PGM"] : []),
    ],
    libraries: [...link.archives, ...system],
  }
}

function pkgConfig(args) {
  const result = spawnSync("pkg-config", [...args, "libzmq"], {encoding: "utf8"})
  if (result.error) {
    fail(
      "ZMQ_SHARED / --zmq-shared needs pkg-config to find the system libzmq, and pkg-config is not installed",
    )
  }
  if (result.status !== 0) {
    fail(
      "ZMQ_SHARED / --zmq-shared: pkg-config does not know libzmq. Install its development " +
        "package (Debian/Ubuntu: libzmq3-dev, Alpine: zeromq-dev, Homebrew: zeromq) or set PKG_CONFIG_PATH",
    )
  }
  return result.stdout.trim().split(/\s+/).filter(Boolean)
}

// A libzmq built with drafts advertises -DZMQ_BUILD_DRAFT_API in its pkg-config Cflags; without
// them the draft functions (zmq_join, zmq_msg_set_group, ...) do not exist, and native/ must
// leave them out (ZMQ_NATIVE_NO_DRAFT).
function system() {
  const cflags = pkgConfig(["--cflags"])
  const include = []
  const defines = []
  for (let i = 0; i < cflags.length; i++) {
    const flag = cflags[i]
    if (flag === "-isystem" || flag === "-I") include.push(cflags[++i])
    else if (flag.startsWith("-I")) include.push(flag.slice(2))
    else if (flag.startsWith("-D")) defines.push(flag.slice(2))
  }
  if (!defines.some(define => define.startsWith("ZMQ_BUILD_DRAFT_API"))) defines.push("ZMQ_NATIVE_NO_DRAFT")
  return {include, defines, libraries: pkgConfig(["--libs"])}
}

function main() {
  const what = process.argv[2]
  const shared = wantsShared()
  if (what === "shared") {
    process.stdout.write(shared ? "true\n" : "false\n")
    return
  }
  if (!["include", "defines", "libraries"].includes(what)) {
    fail(`unknown request '${what}'; expected one of shared, include, defines, libraries`)
  }
  const facts = shared ? system() : vendored()
  process.stdout.write(`${facts[what].map(quote).join(" ")}\n`)
}

main()
