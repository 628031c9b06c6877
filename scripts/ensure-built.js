#!/usr/bin/env node
// Builds what `npm test` needs and is missing, through both build paths so they cannot drift:
// the prebuilds (on Linux x64 every target this machine can build: node-gyp → binding.gyp in a
// Debian 11 chroot for glibc Linux, CMakeLists.txt with mingw-w64 for Windows and with zig for
// musl and macOS), the development addon in
// build/ (cmake-js → CMakeLists.txt; libzmq is built once per path and reused), and the
// compiled TypeScript in dist/. Quick when up to date.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")

const {local} = require("./lib/prebuild-targets.js")
const {builtFromCurrentInputs} = require("./lib/prebuild-inputs.js")
const {buildLinkFile} = require("./lib/link-files.js")
const {copyNotices} = require("./copy-notices.js")

const root = path.resolve(__dirname, "..")

function run(command, args) {
  process.stderr.write(`ensure-built: ${command} ${args.join(" ")}\n`)
  const result = spawnSync(command, args, {cwd: root, stdio: "inherit", shell: process.platform === "win32"})
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// Built by cmake-js, not only there: after `npm install` build/ may hold node-gyp's addon, and
// the benchmark's C tools build in cmake-js's tree (cmake/perf-tools.cmake).
function addonBuilt() {
  const release = path.join(root, "build", "Release")
  return (
    fs.existsSync(path.join(root, "build", "CMakeCache.txt")) &&
    fs.existsSync(release) &&
    fs.readdirSync(release).some(name => name.endsWith(".node"))
  )
}

// The prebuilds this machine makes (scripts/lib/prebuild-targets.js) that are missing or were
// built from other inputs than the files as they are now (scripts/lib/prebuild-inputs.js): the
// tests run or read each.
function stalePrebuilds() {
  if (process.platform !== "linux" || process.arch !== "x64") {
    const dir = path.join(root, "prebuilds", `${process.platform}-${process.arch}`)
    const fresh = fs.existsSync(dir) && fs.readdirSync(dir).some(name => name.endsWith(".node"))
    return fresh ? [] : ["--native"]
  }
  const stale = local.filter(entry => {
    const file = path.join(root, "prebuilds", entry.tuple, entry.file)
    return !fs.existsSync(file) || !builtFromCurrentInputs(entry)
  })
  return stale.length ? ["--target", stale.map(entry => entry.target).join(",")] : []
}

// First, because node-gyp (run by prebuildify) empties build/. --addon-only (bench/run.js):
// just build/ and dist/, which is what node-gyp-build loads first; the seven prebuild lanes
// take minutes to remake after a change to native/.
const prebuilds = process.argv.includes("--addon-only") ? [] : stalePrebuilds()
if (prebuilds.length) run(process.execPath, [path.join(root, "scripts", "build-prebuilds.js"), ...prebuilds])

// cmake-js rebuilds incrementally (libzmq is not rebuilt when only native/ changed).
if (!addonBuilt() || process.env.ZMQ_NATIVE_REBUILD !== "0") {
  run(process.execPath, [require.resolve("cmake-js/bin/cmake-js"), "build", "--out", "build"])
  copyNotices([path.join(root, "build", "Release")], buildLinkFile())
}
run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"])
