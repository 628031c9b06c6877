#!/usr/bin/env node
// Release gate: checks that prebuilds/ holds a binary for every platform we publish, each with its
// license notices beside it (scripts/copy-notices.js), and exits non-zero listing what is missing.
// File names follow prebuildify: <name>.node, and on Linux <name>.glibc.node / <name>.musl.node.
//
// Usage: node scripts/check-prebuilds.js [prebuilds-folder]
"use strict"

const fs = require("node:fs")
const path = require("node:path")

const root = path.resolve(__dirname, "..")
const name = require(path.join(root, "package.json")).name

const expected = [
  ["linux-x64", `${name}.glibc.node`],
  ["linux-x64", `${name}.musl.node`],
  ["linux-arm64", `${name}.glibc.node`],
  ["linux-arm64", `${name}.musl.node`],
  ["darwin-x64", `${name}.node`],
  ["darwin-arm64", `${name}.node`],
  ["win32-x64", `${name}.node`],
  ["win32-arm64", `${name}.node`],
]

function main() {
  const folder = path.resolve(process.argv[2] || path.join(root, "prebuilds"))
  const missing = []
  for (const [tuple, file] of expected) {
    if (!fs.existsSync(path.join(folder, tuple, file))) missing.push(`${tuple}/${file}`)
  }
  for (const tuple of new Set(expected.map(([tuple]) => tuple))) {
    const dir = path.join(folder, tuple)
    if (!fs.existsSync(dir)) continue
    const files = fs.readdirSync(dir)
    if (!files.includes("THIRD_PARTY_NOTICES.md")) missing.push(`${tuple}/THIRD_PARTY_NOTICES.md`)
    if (!files.some(file => file.startsWith("libzmq-"))) missing.push(`${tuple}/libzmq-<license>.txt`)
  }
  if (missing.length) {
    process.stderr.write(
      `check-prebuilds: ${missing.length} file(s) missing from ${folder}:\n` +
        missing.map(entry => `  - ${entry}\n`).join(""),
    )
    process.exit(1)
  }
  process.stderr.write(`check-prebuilds: all ${expected.length} prebuilds present in ${folder}\n`)
}

main()
