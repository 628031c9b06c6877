#!/usr/bin/env node
// `npm install`: nothing to do when a prebuilt addon for this platform loads. Otherwise build
// from source through node-gyp (binding.gyp), after building the vendored libzmq — or, with
// ZMQ_SHARED=1 / --zmq-shared, against the system libzmq. `--build-from-source` forces a build.
"use strict"

const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {prepareNodeGyp} = require("./lib/node-gyp-env.js")

const root = path.resolve(__dirname, "..")

function log(message) {
  process.stderr.write(`zmq-native: ${message}\n`)
}

function run(args) {
  const result = spawnSync(process.execPath, args, {cwd: root, stdio: "inherit"})
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function wantsSourceBuild() {
  const flag = process.env.npm_config_build_from_source
  return (
    process.argv.includes("--build-from-source") ||
    flag === "true" ||
    flag === "zmq-native" ||
    process.env.ZMQ_SHARED === "1" ||
    process.env.npm_config_zmq_shared === "true"
  )
}

// Loading in a child process: a binary that cannot load must not take this process down.
// Returns undefined when the prebuild loads, else why not (node-gyp-build's or the loader's words).
function prebuiltFailure() {
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const gyp = require("node-gyp-build"); let file
       try { file = gyp.path(process.argv[1]) } catch { console.error("no prebuilt binary for ${process.platform}-${process.arch}"); process.exit(1) }
       try { require(file) } catch (error) { console.error("the prebuilt binary " + file + " does not load here: " + error.message); process.exit(1) }`,
      root,
    ],
    {cwd: root, encoding: "utf8"},
  )
  return probe.status === 0 ? undefined : probe.stderr.trim().split("\n")[0] || `exit ${probe.status}`
}

const failure = wantsSourceBuild() ? "a source build was asked for" : prebuiltFailure()
if (!failure) process.exit(0)

const nodeGyp = prepareNodeGyp()
if (!nodeGyp) {
  log(
    `${failure}, and node-gyp was not found to build one. Install npm's node-gyp and a C++ ` +
      "toolchain (CMake 3.16+, a C++17 compiler, Python), then run `npm rebuild zmq-native`",
  )
  process.exit(1)
}
log(`${failure}: building from source (libzmq, then the addon)`)
run([path.join(root, "scripts", "build-libzmq.js")])
run([nodeGyp, "rebuild"])
run([path.join(root, "scripts", "copy-notices.js"), "build/Release"])
