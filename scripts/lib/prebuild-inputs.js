// What a prebuild is built from, as one hash: the native sources, the build files, and the files
// of its own builder and toolchain. build-prebuilds.js writes it beside the build
// (deps/prebuild-inputs/<target>) once the binary is made; ensure-built.js rebuilds a prebuild
// only when the hash differs. Contents, not modification times: a checkout or rebase that leaves a
// file as it was rebuilds nothing (each lane is minutes: the Windows one a quarter of an hour).
"use strict"

const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const root = path.resolve(__dirname, "..", "..")
const stamps = path.join(root, "deps", "prebuild-inputs")

function filesIn(dir) {
  const full = path.join(root, dir)
  return fs
    .readdirSync(full)
    .map(name => path.join(dir, name))
    .filter(file => fs.statSync(path.join(root, file)).isFile())
}

// Every file below `dir`, its subfolders' too (native/util/).
function filesUnder(dir) {
  return fs
    .readdirSync(path.join(root, dir), {recursive: true})
    .map(name => path.join(dir, name))
    .filter(file => fs.statSync(path.join(root, file)).isFile())
}

/** The repository files `entry` (a row of prebuild-targets.js) is built from, sorted. */
function inputFiles(entry) {
  const files = [
    ...filesUnder("native"),
    ...filesIn("cmake"),
    ...filesIn(path.join("cmake", "mingw-shims", "c")),
    ...filesIn(path.join("cmake", "mingw-shims", "cxx", "sys")),
    "binding.gyp",
    "CMakeLists.txt",
    "scripts/build-libzmq.js",
    "scripts/lib/tools.js",
  ]
  if (entry.builder === "bullseye") files.push("scripts/in-bullseye", "cmake/toolchains/linux-arm64.cmake")
  if (entry.toolchain)
    files.push(`cmake/toolchains/${entry.toolchain}.cmake`, "scripts/lib/cmake-prebuild.js")
  if (entry.lane === "zig") files.push("cmake/toolchains/zig.cmake")
  return [...new Set(files)].filter(file => fs.existsSync(path.join(root, file))).sort()
}

function inputsHash(entry) {
  const hash = crypto.createHash("sha256")
  for (const file of inputFiles(entry)) {
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0")
  }
  return hash.digest("hex")
}

const stampFile = entry => path.join(stamps, entry.target)

/** Records that `entry`'s binary was built from the files as they are now. */
function recordInputs(entry) {
  fs.mkdirSync(stamps, {recursive: true})
  fs.writeFileSync(stampFile(entry), `${inputsHash(entry)}\n`)
}

/** Whether `entry`'s binary was built from the files as they are now. */
function builtFromCurrentInputs(entry) {
  const file = stampFile(entry)
  return fs.existsSync(file) && fs.readFileSync(file, "utf8").trim() === inputsHash(entry)
}

module.exports = {inputFiles, recordInputs, builtFromCurrentInputs}
