#!/usr/bin/env node
// Builds the vendored libzmq for the node-gyp path: configures this repository's CMakeLists.txt
// once with ZMQ_NATIVE_LIBZMQ_ONLY=ON into deps/build-<platform>-<arch>/ (node-gyp wipes build/,
// so the libzmq build lives outside it), then runs the build, which is a quick no-op when
// nothing changed. binding.gyp reads the result through scripts/lib/libzmq-link.js.
//
// With ZMQ_SHARED=1 (or `npm install --zmq-shared`) the system libzmq is used and nothing is built.
//
"use strict"

const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const {spawnSync} = require("node:child_process")

const root = path.resolve(__dirname, "..")
// prebuildify sets PREBUILD_ARCH for the node-gyp build it runs (cross-arch builds on macOS).
const arch = process.env.PREBUILD_ARCH || process.arch
// ZMQ_NATIVE_BUILD_TAG keeps builds made in another environment apart (scripts/in-bullseye).
/** libzmq's build folder for the node-gyp path building for `cpu` (process.arch's names). */
const buildDirFor = (cpu, tag = process.env.ZMQ_NATIVE_BUILD_TAG) =>
  path.join(root, "deps", `build-${process.platform}-${cpu}${tag ? `-${tag}` : ""}`)
const buildDir = buildDirFor(arch)
// Linux builds for another architecture take their compilers from a toolchain file.
const crossToolchain =
  process.platform === "linux" && arch !== process.arch
    ? path.join(root, "cmake", "toolchains", `linux-${arch}.cmake`)
    : undefined
/** What the build for `cpu` (and `tag`) linked (cmake/vendored-libzmq.cmake writes it). */
const linkFileFor = (cpu, tag) => path.join(buildDirFor(cpu, tag), "libzmq-install", "zmq-native-link.json")
const linkFile = linkFileFor(arch)

function log(message) {
  process.stderr.write(`build-libzmq: ${message}\n`)
}

function fail(message) {
  log(message)
  process.exit(1)
}

function wantsShared() {
  const flag = value => /^(1|true|yes|on)$/i.test(String(value ?? "").trim())
  return flag(process.env.ZMQ_SHARED) || flag(process.env.npm_config_zmq_shared)
}

// Runs a program and reports whether it could be started at all (ENOENT means "not installed").
function runs(command, args) {
  const result = spawnSync(command, args, {stdio: "ignore", shell: false})
  return !result.error && result.status === 0
}

function installHint(what) {
  switch (process.platform) {
    case "linux":
      if (fs.existsSync("/etc/alpine-release")) return `apk add ${what === "cmake" ? "cmake" : "build-base"}`
      if (fs.existsSync("/etc/debian_version")) {
        return `apt-get install ${what === "cmake" ? "cmake" : "build-essential"}`
      }
      return what === "cmake" ? "install CMake (3.16 or newer)" : "install g++ (or clang++) and make"
    case "darwin":
      return what === "cmake" ? "brew install cmake" : "xcode-select --install"
    case "win32":
      return what === "cmake"
        ? "install CMake (it ships with Visual Studio's 'C++ CMake tools' component)"
        : "install Visual Studio (Build Tools) with the 'Desktop development with C++' workload"
    default:
      return what === "cmake" ? "install CMake (3.16 or newer)" : "install a C++17 compiler"
  }
}

function checkToolchain() {
  const missing = []
  if (!runs("cmake", ["--version"])) missing.push(`cmake (${installHint("cmake")})`)
  // On Windows CMake locates Visual Studio itself; elsewhere a compiler must be on PATH.
  if (process.platform !== "win32") {
    const candidates = [process.env.CXX, "c++", "g++", "clang++"].filter(Boolean)
    if (!candidates.some(cxx => runs(cxx, ["--version"]))) {
      missing.push(`a C++ compiler (${installHint("compiler")})`)
    }
  }
  // binding.gyp compiles against node-addon-api's headers.
  try {
    require.resolve("node-addon-api", {paths: [root]})
  } catch {
    missing.push("the node-addon-api headers (npm install node-addon-api)")
  }
  if (missing.length) {
    fail(
      [
        `cannot build libzmq from source: missing ${missing.join(" and ")}.`,
        "zmq-native must compile itself here (install.js said why above), and cannot.",
        `(platform ${process.platform}-${process.arch}, Node ${process.version})`,
      ].join("\n  "),
    )
  }
}

// The cache remembers the source folder; a moved checkout needs a fresh configure.
function cacheMatches() {
  const cache = path.join(buildDir, "CMakeCache.txt")
  if (!fs.existsSync(cache)) return false
  const home = fs.readFileSync(cache, "utf8").match(/^CMAKE_HOME_DIRECTORY:INTERNAL=(.*)$/m)
  return Boolean(home) && path.resolve(home[1]) === root
}

function cmake(args) {
  log(`cmake ${args.join(" ")}`)
  const result = spawnSync("cmake", args, {cwd: root, stdio: ["ignore", process.stderr, "inherit"]})
  if (result.error) fail(`could not run cmake: ${result.error.message}`)
  return result.status === 0
}

function configure() {
  fs.rmSync(buildDir, {recursive: true, force: true})
  fs.mkdirSync(buildDir, {recursive: true})
  const args = ["-S", root, "-B", buildDir, "-DZMQ_NATIVE_LIBZMQ_ONLY=ON", "-DCMAKE_BUILD_TYPE=Release"]
  if (process.platform !== "win32" && runs("ninja", ["--version"])) args.push("-G", "Ninja")
  if (crossToolchain) {
    if (!fs.existsSync(crossToolchain)) fail(`no toolchain file for linux-${arch} (${crossToolchain})`)
    args.push(`-DCMAKE_TOOLCHAIN_FILE=${crossToolchain}`)
  }
  if (process.platform === "darwin")
    args.push(`-DCMAKE_OSX_ARCHITECTURES=${arch === "x64" ? "x86_64" : arch}`)
  if (!cmake(args)) {
    fs.rmSync(path.join(buildDir, "CMakeCache.txt"), {force: true})
    fail("configuring libzmq failed (see CMake's messages above)")
  }
}

function warnDisabled() {
  const link = JSON.parse(fs.readFileSync(linkFile, "utf8"))
  if (link.disabled.length) {
    log(
      `built without: ${link.disabled.join(", ")} (their static libraries were not found; ` +
        "see CMake's warnings above for what to install). Everything else works.",
    )
  }
}

function main() {
  if (wantsShared()) {
    log("ZMQ_SHARED / --zmq-shared: using the system libzmq (pkg-config libzmq); nothing to build")
    return
  }
  checkToolchain()
  if (!cacheMatches()) configure()
  const jobs = String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length))
  if (!cmake(["--build", buildDir, "--config", "Release", "--parallel", jobs])) {
    fail("building libzmq failed (see the compiler's messages above)")
  }
  if (!fs.existsSync(linkFile)) fail(`the build did not produce ${path.relative(root, linkFile)}`)
  warnDisabled()
}

module.exports = {buildDir, linkFile, linkFileFor, wantsShared}

if (require.main === module) main()
