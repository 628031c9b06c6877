#!/usr/bin/env node
// Puts the license notices next to a built addon: THIRD_PARTY_NOTICES.md, libzmq's own license
// file(s) from deps/libzmq (COPYING and COPYING.LESSER up to 4.3.4, LICENSE from 4.3.5), renamed
// libzmq-<name>.txt, and the notices of the system libraries that build linked in (its
// zmq-native-link.json, scripts/lib/link-files.js). A binary that links a library statically
// ships its license with it.
//
// Usage: node scripts/copy-notices.js [folder...]   (default build/Release, with build/'s link)
// With ZMQ_SHARED=1 / --zmq-shared the addon links the system libzmq (not shipped by us), so
// only THIRD_PARTY_NOTICES.md is copied.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {wantsShared} = require("./build-libzmq.js")
const {buildLinkFile} = require("./lib/link-files.js")

const root = path.resolve(__dirname, "..")
const libzmqSource = path.join(root, "deps", "libzmq")
const libzmqLicenseNames = ["LICENSE", "COPYING", "COPYING.LESSER"]

function log(message) {
  process.stderr.write(`copy-notices: ${message}\n`)
}

function libzmqLicenses() {
  const found = libzmqLicenseNames
    .map(name => path.join(libzmqSource, name))
    .filter(file => fs.existsSync(file))
  if (!found.length) {
    throw new Error(`no libzmq license file (${libzmqLicenseNames.join(", ")}) in ${libzmqSource}`)
  }
  return found
}

// For each system library the build linked (`licensed` in its zmq-native-link.json: the archives
// as installed, as the link may use a modified copy of one), <archive>-copyright.txt: the
// copyright file of the Debian or Ubuntu package that holds it; and the LGPL-2.1 text for
// OpenPGM. Elsewhere THIRD_PARTY_NOTICES.md carries the notices.
function systemLibraryNotices(linkFile) {
  if (!fs.existsSync(linkFile)) throw new Error(`no ${linkFile}: build libzmq first`)
  const notices = []
  const link = JSON.parse(fs.readFileSync(linkFile, "utf8"))
  for (const archive of link.licensed) {
    const real = fs.realpathSync(archive)
    const owner = spawnSync("dpkg", ["-S", real], {encoding: "utf8"})
    if (owner.error || owner.status !== 0) continue
    const pkg = owner.stdout.split(":")[0].trim()
    const copyright = path.join("/usr/share/doc", pkg, "copyright")
    const stem = path.basename(archive).replace(/\.[^.]+$/, "")
    if (fs.existsSync(copyright)) notices.push([copyright, `${stem}-copyright.txt`])
    if (stem === "libpgm" && fs.existsSync("/usr/share/common-licenses/LGPL-2.1")) {
      notices.push(["/usr/share/common-licenses/LGPL-2.1", "openpgm-LGPL-2.1.txt"])
    }
  }
  return notices
}

/** Copies the notices of the build whose link is `linkFile` into each of `folders`. */
function copyNotices(folders, linkFile) {
  const files = [[path.join(root, "THIRD_PARTY_NOTICES.md"), "THIRD_PARTY_NOTICES.md"]]
  if (!wantsShared()) {
    for (const file of libzmqLicenses()) files.push([file, `libzmq-${path.basename(file)}.txt`])
    files.push(...systemLibraryNotices(linkFile))
  }
  for (const folder of folders) {
    fs.mkdirSync(folder, {recursive: true})
    for (const [file, name] of files) fs.copyFileSync(file, path.join(folder, name))
    log(`${files.length} notice file(s) in ${path.relative(root, folder) || "."}`)
  }
}

module.exports = {copyNotices}

if (require.main === module) {
  try {
    const given = process.argv.slice(2).map(folder => path.resolve(folder))
    copyNotices(given.length ? given : [path.join(root, "build", "Release")], buildLinkFile())
  } catch (error) {
    log(error.message)
    process.exit(1)
  }
}
