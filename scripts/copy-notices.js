#!/usr/bin/env node
// Puts the license notices next to a built addon: THIRD_PARTY_NOTICES.md and libzmq's own
// license file(s) from deps/libzmq (COPYING and COPYING.LESSER up to 4.3.4, LICENSE from 4.3.5),
// renamed libzmq-<name>.txt. A binary that links libzmq statically ships its license with it.
//
// Usage: node scripts/copy-notices.js [folder...]
//   without folders: build/Release and every prebuilds/<platform>-<arch>/ holding a .node file.
// With ZMQ_SHARED=1 / --zmq-shared the addon links the system libzmq (not shipped by us), so
// only THIRD_PARTY_NOTICES.md is copied.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {wantsShared} = require("./build-libzmq.js")

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

// For each system library the vendored build linked (zmq-native-link.json), Debian's and
// Ubuntu's copyright file of the package that holds it, and the LGPL-2.1 text for OpenPGM.
// Elsewhere THIRD_PARTY_NOTICES.md carries the notices.
function systemLibraryNotices() {
  const {linkFile} = require("./build-libzmq.js")
  if (!fs.existsSync(linkFile)) return []
  const notices = []
  for (const archive of JSON.parse(fs.readFileSync(linkFile, "utf8")).archives.slice(1)) {
    const real = fs.realpathSync(archive)
    const owner = spawnSync("dpkg", ["-S", real], {encoding: "utf8"})
    if (owner.error || owner.status !== 0) continue
    const pkg = owner.stdout.split(":")[0].trim()
    const copyright = path.join("/usr/share/doc", pkg, "copyright")
    const stem = path.basename(real).replace(/\.[^.]+$/, "")
    const known = notices.some(([file]) => file === copyright)
    if (fs.existsSync(copyright) && !known) notices.push([copyright, `${stem}-copyright.txt`])
    if (stem === "libpgm" && fs.existsSync("/usr/share/common-licenses/LGPL-2.1")) {
      notices.push(["/usr/share/common-licenses/LGPL-2.1", "openpgm-LGPL-2.1.txt"])
    }
  }
  return notices
}

function defaultFolders() {
  const folders = [path.join(root, "build", "Release")]
  const prebuilds = path.join(root, "prebuilds")
  if (fs.existsSync(prebuilds)) {
    for (const name of fs.readdirSync(prebuilds)) folders.push(path.join(prebuilds, name))
  }
  return folders.filter(
    folder => fs.existsSync(folder) && fs.readdirSync(folder).some(file => file.endsWith(".node")),
  )
}

function copyNotices(folders) {
  const files = [[path.join(root, "THIRD_PARTY_NOTICES.md"), "THIRD_PARTY_NOTICES.md"]]
  if (!wantsShared()) {
    for (const file of libzmqLicenses()) files.push([file, `libzmq-${path.basename(file)}.txt`])
    files.push(...systemLibraryNotices())
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
    copyNotices(given.length ? given : defaultFolders())
  } catch (error) {
    log(error.message)
    process.exit(1)
  }
}
