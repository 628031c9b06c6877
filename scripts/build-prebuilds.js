#!/usr/bin/env node
// Builds the prebuilt addons the package ships into prebuilds/<platform>-<arch>/, stripped, for
// Node-API (one binary for every Node version), each with its license notices beside it.
//
//   npm run build:prebuilds                        this machine's own platform
//   npm run build:prebuilds -- --target win32-x64  one or more (comma-separated) targets
//   npm run build:prebuilds -- --all               every target in scripts/lib/prebuild-targets.js
//   npm run build:prebuilds -- --native [--arch arm64]
//                                                  node-gyp on this machine, as it is
//
// From Linux x64 every target is built here: the Linux ones inside a Debian bullseye chroot
// (scripts/in-bullseye) so that they load on glibc 2.28 systems, the Windows one with mingw-w64
// (scripts/lib/cmake-prebuild.js). `--native` is the node-gyp path itself (prebuildify runs
// `node-gyp rebuild` after scripts/build-libzmq.js): what runs inside the chroot, and what the
// GitHub workflow's macOS and Windows runners use for their own platform. Linux binaries carry
// prebuildify's libc tag (zmq-native.glibc.node / .musl.node) so node-gyp-build picks the right one.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawn, spawnSync} = require("node:child_process")
const {copyNotices} = require("./copy-notices.js")
const {linkFileFor} = require("./build-libzmq.js")
const {prepareNodeGyp} = require("./lib/node-gyp-env.js")
const {select} = require("./lib/prebuild-targets.js")
const {recordInputs} = require("./lib/prebuild-inputs.js")

const root = path.resolve(__dirname, "..")

function log(message) {
  process.stderr.write(`build-prebuilds: ${message}\n`)
}

function option(name) {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

// Cross-compiling Linux builds name their compilers; prebuildify strips with the matching strip.
const crossCompilers = {
  arm64: {
    CC: "aarch64-linux-gnu-gcc",
    CXX: "aarch64-linux-gnu-g++",
    PREBUILD_STRIP_BIN: "aarch64-linux-gnu-strip",
  },
}

function buildNative(arch) {
  const nodeGyp = process.env.PREBUILD_NODE_GYP || prepareNodeGyp()
  if (nodeGyp) process.env.PREBUILD_NODE_GYP = nodeGyp
  if (arch !== process.arch) {
    process.env.PREBUILD_ARCH = arch
    if (process.platform === "linux") Object.assign(process.env, crossCompilers[arch])
  }
  // Read after the environment is set: prebuildify takes PREBUILD_NODE_GYP when loaded.
  const prebuildify = require("prebuildify")
  prebuildify(
    {
      cwd: root,
      napi: true,
      strip: true,
      arch,
      tagLibc: process.platform === "linux",
      preinstall: `"${process.execPath}" scripts/build-libzmq.js`,
    },
    error => {
      if (error) {
        log(error.message || String(error))
        process.exit(1)
      }
      copyNotices([path.join(root, "prebuilds", `${process.platform}-${arch}`)], linkFileFor(arch))
    },
  )
}

function run(command, args, env = process.env) {
  log(`${command} ${args.join(" ")}`)
  const result = spawnSync(command, args, {cwd: root, stdio: "inherit", env})
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status ?? result.signal}`)
}

function buildTarget(entry) {
  const started = Date.now()
  if (entry.builder === "bullseye") {
    run(
      path.join(root, "scripts", "in-bullseye"),
      ["node", "scripts/build-prebuilds.js", "--native", "--arch", entry.arch],
      {
        ...process.env,
        ZMQ_NATIVE_BUILD_TAG: entry.builder,
      },
    )
  } else if (entry.builder === "cmake") {
    require("./lib/cmake-prebuild.js").buildWithCMake(entry)
  } else {
    throw new Error(`${entry.target}: no builder '${entry.builder}' on this machine`)
  }
  recordInputs(entry)
  log(`${entry.target}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

function defaultTargets() {
  if (process.platform === "linux" && process.arch === "x64") return "linux-x64"
  return undefined
}

function main() {
  if (process.argv.includes("--native")) {
    buildNative(option("--arch") || process.arch)
    return
  }
  const list = process.argv.includes("--all") ? "all" : option("--target") || defaultTargets()
  if (!list) {
    buildNative(process.arch)
    return
  }
  // Every build reads the same libzmq source: fetch it once, here, where the network is.
  run(process.execPath, [path.join(root, "scripts", "fetch-libzmq.js")])
  let selected
  try {
    selected = select(list)
  } catch (error) {
    log(error.message)
    process.exit(1)
  }
  // The chroot's builds, the mingw build and the zig builds share nothing: they run side by
  // side, which fills the serial stretches (configure probes, linking) of one with the others'
  // compiling.
  const laneOf = entry => entry.lane || entry.builder
  const lanes = [...new Set(selected.map(laneOf))].map(lane =>
    selected.filter(entry => laneOf(entry) === lane),
  )
  if (lanes.length > 1) {
    Promise.all(lanes.map(lane => buildLane(lane.map(entry => entry.target).join(",")))).then(statuses => {
      if (statuses.some(status => status !== 0)) process.exit(1)
    })
    return
  }
  try {
    for (const entry of selected) buildTarget(entry)
  } catch (error) {
    log(error.message)
    process.exit(1)
  }
}

function buildLane(list) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [__filename, "--target", list], {cwd: root, stdio: "inherit"})
    child.on("close", status => resolve(status))
  })
}

main()
