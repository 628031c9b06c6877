#!/usr/bin/env node
// Runs the examples in examples/<name>/main.ts and examples/v5/<name>/main.ts (the same patterns
// in zeromq v5 style): `node scripts/run-examples.js [name...]` (names such as pair, v5/pair; all
// of them when no name is given), one after the other, each in its own process with a time
// limit. Builds what is missing or stale first: the addon and dist/ (through ensure-built), and
// the examples themselves (tsc → dist-examples/, where `import "zmq-native"` resolves to this
// package's dist/ by its own name). Exits non-zero if any example fails.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")

const root = path.resolve(__dirname, "..")
const examplesDir = path.join(root, "examples")
const outDir = path.join(root, "dist-examples")
const timeoutMs = 30_000
// The seed's order; examples not listed run after these, alphabetically. The v5-style ones
// (examples/v5/<name>, zmq-native/v5-compat) follow in the same order.
const order = ["pair", "req-rep", "pub-sub", "push-pull", "router-dealer", "late-joiner"]
const rank = name => {
  const base = name.replace(/^v5\//, "")
  return (order.includes(base) ? order.indexOf(base) : order.length) + (name === base ? 0 : order.length + 1)
}

function run(command, args, options = {}) {
  return spawnSync(command, args, {cwd: root, stdio: "inherit", ...options})
}

/** Newest modification time among the files under `dir` (0 when absent). */
function newest(dir) {
  if (!fs.existsSync(dir)) return 0
  let time = 0
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const file = path.join(dir, entry.name)
    time = Math.max(time, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs)
  }
  return time
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0
}

function addonPresent() {
  for (const dir of [
    path.join(root, "build", "Release"),
    path.join(root, "prebuilds", `${process.platform}-${process.arch}`),
  ]) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some(name => name.endsWith(".node"))) return true
  }
  return false
}

function build() {
  // The addon exists after `npm install`; dist/ needs tsc when lib/ changed since.
  if (!addonPresent()) {
    if (run(process.execPath, [path.join(root, "scripts", "ensure-built.js")]).status !== 0) process.exit(1)
  } else if (mtime(path.join(root, "dist", "index.js")) < newest(path.join(root, "lib"))) {
    console.error("run-examples: compiling lib/ → dist/")
    if (
      run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"]).status !== 0
    )
      process.exit(1)
  }
  if (newest(outDir) < Math.max(newest(examplesDir), mtime(path.join(root, "dist", "index.d.ts")))) {
    console.error("run-examples: compiling examples/ → dist-examples/")
    fs.rmSync(outDir, {recursive: true, force: true})
    const tsc = [require.resolve("typescript/bin/tsc"), "-p", path.join("examples", "tsconfig.json")]
    if (run(process.execPath, tsc).status !== 0) process.exit(1)
  }
}

// Example folders: examples/<name>/main.ts and examples/v5/<name>/main.ts.
function examplesIn(dir, prefix) {
  return fs
    .readdirSync(dir, {withFileTypes: true})
    .filter(entry => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "main.ts")))
    .map(entry => prefix + entry.name)
}

const available = [...examplesIn(examplesDir, ""), ...examplesIn(path.join(examplesDir, "v5"), "v5/")].sort(
  (a, b) => rank(a) - rank(b) || a.localeCompare(b),
)

const requested = process.argv.slice(2)
const unknown = requested.filter(name => !available.includes(name))
if (unknown.length > 0) {
  console.error(`run-examples: no example named ${unknown.join(", ")}; there are: ${available.join(", ")}`)
  process.exit(2)
}

build()

const failed = []
for (const name of requested.length > 0 ? requested : available) {
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  const result = run(process.execPath, [path.join(outDir, name, "main.js")], {
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status === 0) {
    console.log(`=== ${name}: ok (${seconds} s)`)
  } else {
    const why =
      result.error?.code === "ETIMEDOUT"
        ? `did not finish within ${timeoutMs / 1000} s`
        : `exit ${result.status ?? result.signal}`
    console.log(`=== ${name}: FAILED (${why})`)
    failed.push(name)
  }
}
if (failed.length > 0) {
  console.error(`\nrun-examples: ${failed.length} failed: ${failed.join(", ")}`)
  process.exit(1)
}
