#!/usr/bin/env node
// Builds this platform's prebuilt addon into prebuilds/<platform>-<arch>/ through the node-gyp
// path (prebuildify runs `node-gyp rebuild` after scripts/build-libzmq.js), stripped, for
// Node-API (one binary for every Node version), and puts the license notices next to it.
// Linux binaries carry prebuildify's libc tag (zmq-native.glibc.node / zmq-native.musl.node) so
// node-gyp-build picks the right one on glibc and musl systems; other platforms have one libc.
//
// Run it through `npm run prebuild`: npm puts its bundled node-gyp on PATH.
// PREBUILD_ARCH=<arch> cross-builds where the toolchain allows it (macOS x64 <-> arm64).
"use strict"

const path = require("node:path")
const prebuildify = require("prebuildify")
const {copyNotices} = require("./copy-notices.js")

const root = path.resolve(__dirname, "..")

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
