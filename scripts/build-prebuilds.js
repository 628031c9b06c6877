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

const fs = require("node:fs")
const path = require("node:path")
const {copyNotices} = require("./copy-notices.js")

const root = path.resolve(__dirname, "..")

// npm's bundled node-gyp and the headers of the running Node (official builds ship them in
// <prefix>/include/node), used when npm has not already said where they are.
function useBundledNodeGyp() {
  const prefix = path.resolve(path.dirname(process.execPath), "..")
  if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, "include", "node", "node_api.h"))) {
    process.env.npm_config_nodedir = prefix
  }
  if (process.env.PREBUILD_NODE_GYP || process.env.npm_config_node_gyp) {
    process.env.PREBUILD_NODE_GYP ??= process.env.npm_config_node_gyp
    return
  }
  const candidates = [
    path.join(prefix, "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
    path.join(path.dirname(process.execPath), "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
  ]
  const found = candidates.find(file => fs.existsSync(file))
  if (found) process.env.PREBUILD_NODE_GYP = found
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
