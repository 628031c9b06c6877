#!/usr/bin/env node
// Release gate (prepublishOnly): fails unless prebuilds/ holds every binary the package promises
// (scripts/lib/prebuild-targets.js), each with its license notices beside it, each a Node-API
// addon for its platform (read from its header: format and architecture, and the exported
// napi_register_module_v1), and the one for this machine loading here, in a child process.
// dist/ must be built first: a package without it cannot be required, and its header reading
// (lib/load-error.ts) is used here.
//
// Usage: node scripts/check-prebuilds.js [prebuilds-folder]
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")
const {targets} = require("./lib/prebuild-targets.js")

const root = path.resolve(__dirname, "..")

function problems(folder, entry) {
  const dir = path.join(folder, entry.tuple)
  const file = path.join(dir, entry.file)
  if (!fs.existsSync(file)) return [`${entry.tuple}/${entry.file} is missing (${entry.tested})`]
  const found = []
  const files = fs.readdirSync(dir)
  if (!files.includes("THIRD_PARTY_NOTICES.md"))
    found.push(`${entry.tuple}/THIRD_PARTY_NOTICES.md is missing`)
  if (!files.some(name => name.startsWith("libzmq-")))
    found.push(`${entry.tuple}/libzmq-<license>.txt is missing`)
  const target = binaryTarget(file)
  if (target !== entry.tuple) found.push(`${entry.tuple}/${entry.file} is a ${target ?? "unknown"} binary`)
  if (!fs.readFileSync(file).includes("napi_register_module_v1")) {
    found.push(`${entry.tuple}/${entry.file} exports no napi_register_module_v1`)
  }
  const libc = entry.file.endsWith(".musl.node") ? "musl" : "glibc"
  const here =
    process.platform === "linux"
      ? libc === (process.report.getReport().header.glibcVersionRuntime ? "glibc" : "musl")
      : true
  if (entry.tuple === `${process.platform}-${process.arch}` && here) {
    const script =
      "try { require(process.argv[1]) } catch (error) { console.error(error.message); process.exit(1) }"
    const load = spawnSync(process.execPath, ["-e", script, file], {encoding: "utf8"})
    if (load.status !== 0)
      found.push(`${entry.tuple}/${entry.file} does not load here: ${load.stderr.trim().split("\n")[0]}`)
  }
  return found
}

let binaryTarget

function main() {
  const folder = path.resolve(process.argv[2] || path.join(root, "prebuilds"))
  if (!fs.existsSync(path.join(root, "dist", "index.js"))) {
    process.stderr.write(
      "check-prebuilds: dist/ is not built (npm run build:ts): the package would not load\n",
    )
    process.exit(1)
  }
  // The header reading users' load errors use too (lib/load-error.ts).
  binaryTarget = require(path.join(root, "dist", "load-error.js")).binaryTarget
  const found = targets.flatMap(entry => problems(folder, entry))
  if (found.length) {
    process.stderr.write(
      `check-prebuilds: ${found.length} problem(s) in ${folder}:\n${found.map(line => `  - ${line}\n`).join("")}`,
    )
    process.exit(1)
  }
  process.stderr.write(`check-prebuilds: all ${targets.length} prebuilds present and sound in ${folder}\n`)
}

main()
