// Where each build's zmq-native-link.json is: what cmake/vendored-libzmq.cmake linked into that
// build's addon. A binary's license notices come from its own build's file (copy-notices.js), and
// test/platforms/notices.test.ts checks them against it.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {linkFileFor} = require("../build-libzmq.js")

const root = path.resolve(__dirname, "..", "..")

/** A CMakeLists.txt build tree's (cmake-js's build/, a cross build's deps/build-<target>/). */
function cmakeLinkFile(buildTree) {
  const cache = path.join(buildTree, "CMakeCache.txt")
  const text = fs.existsSync(cache) ? fs.readFileSync(cache, "utf8") : ""
  const found = /^ZMQ_NATIVE_LIBZMQ_LINK_FILE:INTERNAL=(.*)$/m.exec(text)
  if (!found) throw new Error(`${cache} names no ZMQ_NATIVE_LIBZMQ_LINK_FILE (not configured yet?)`)
  return found[1]
}

/** The build of `entry` (a row of scripts/lib/prebuild-targets.js). */
function prebuildLinkFile(entry) {
  if (entry.builder === "cmake") return cmakeLinkFile(path.join(root, "deps", `build-${entry.target}`))
  // The node-gyp path inside the chroot, tagged with the builder's name (build-prebuilds.js).
  return linkFileFor(entry.arch, entry.builder)
}

/** build/'s: cmake-js's (npm test), or the node-gyp path's (npm install from source). */
function buildLinkFile() {
  const tree = path.join(root, "build")
  return fs.existsSync(path.join(tree, "CMakeCache.txt")) ? cmakeLinkFile(tree) : linkFileFor(process.arch)
}

module.exports = {cmakeLinkFile, prebuildLinkFile, buildLinkFile}
