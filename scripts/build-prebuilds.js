#!/usr/bin/env node
// Builds this platform's prebuilt addon into prebuilds/<platform>-<arch>/ through the node-gyp
// path (prebuildify runs `node-gyp rebuild` after scripts/build-libzmq.js), stripped, for
// Node-API (one binary for every Node version), and puts the license notices next to it.
// Linux binaries carry prebuildify's libc tag (zmq-native.glibc.node / zmq-native.musl.node) so
// node-gyp-build picks the right one on glibc and musl systems; other platforms have one libc.
//
// Under `npm run` npm puts its bundled node-gyp on PATH; run directly (scripts/ensure-built.js)
// the same node-gyp is found next to this Node's npm, with this Node's own headers.
// PREBUILD_ARCH=<arch> cross-builds where the toolchain allows it (macOS x64 <-> arm64).
"use strict"

const path = require("node:path")
const {copyNotices} = require("./copy-notices.js")
const {prepareNodeGyp} = require("./node-gyp-env.js")

const root = path.resolve(__dirname, "..")

// prebuildify runs node-gyp from PREBUILD_NODE_GYP; see scripts/node-gyp-env.js.
function useBundledNodeGyp() {
  const nodeGyp = process.env.PREBUILD_NODE_GYP || prepareNodeGyp()
  if (nodeGyp) process.env.PREBUILD_NODE_GYP = nodeGyp
}

useBundledNodeGyp()
// Read after the environment is set: prebuildify takes PREBUILD_NODE_GYP when loaded.
const prebuildify = require("prebuildify")

prebuildify(
  {
    cwd: root,
    napi: true,
    strip: true,
    tagLibc: process.platform === "linux",
    preinstall: `"${process.execPath}" scripts/build-libzmq.js`,
  },
  error => {
    if (error) {
      process.stderr.write(`build-prebuilds: ${error.message || error}\n`)
      process.exit(1)
    }
    const arch = process.env.PREBUILD_ARCH || process.arch
    copyNotices([path.join(root, "prebuilds", `${process.platform}-${arch}`)])
  },
)
