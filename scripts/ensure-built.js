#!/usr/bin/env node
// Builds what `npm test` needs and is missing, through both build paths so they cannot drift:
// this platform's prebuild (prebuildify → node-gyp → binding.gyp), the development addon in
// build/ (cmake-js → CMakeLists.txt; libzmq is built once per path and reused), and the
// compiled TypeScript in dist/. Quick when up to date.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")

const root = path.resolve(__dirname, "..")

function run(command, args) {
  process.stderr.write(`ensure-built: ${command} ${args.join(" ")}\n`)
  const result = spawnSync(command, args, {cwd: root, stdio: "inherit", shell: process.platform === "win32"})
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function addonBuilt() {
  const release = path.join(root, "build", "Release")
  return fs.existsSync(release) && fs.readdirSync(release).some(name => name.endsWith(".node"))
}

// Newest modification time of the files a binary is built from.
function sourcesTime() {
  const dir = path.join(root, "native")
  const files = fs.readdirSync(dir).map(name => path.join(dir, name))
  files.push(path.join(root, "binding.gyp"), path.join(root, "CMakeLists.txt"))
  return Math.max(...files.map(file => fs.statSync(file).mtimeMs))
}

// The prebuild is current when it is newer than every native source.
function prebuildCurrent() {
  const dir = path.join(root, "prebuilds", `${process.platform}-${process.arch}`)
  if (!fs.existsSync(dir)) return false
  const binaries = fs.readdirSync(dir).filter(name => name.endsWith(".node"))
  return (
    binaries.length > 0 && binaries.every(name => fs.statSync(path.join(dir, name)).mtimeMs >= sourcesTime())
  )
}

// First, because node-gyp (run by prebuildify) empties build/.
if (!prebuildCurrent()) run(process.execPath, [path.join(root, "scripts", "build-prebuilds.js")])

// cmake-js rebuilds incrementally (libzmq is not rebuilt when only native/ changed).
if (!addonBuilt() || process.env.ZMQ_NATIVE_REBUILD !== "0") {
  run(process.execPath, [require.resolve("cmake-js/bin/cmake-js"), "build", "--out", "build"])
}
run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"])
