// Runs the round trips of scenario.js in this Node against one prebuild and fails unless that
// prebuild is the one loaded and every round trip delivered: how the GitHub workflow runs each
// prebuild on its own platform (macOS, Windows, Alpine, Linux on arm64).
//
//   node test/platforms/check-here.js <tuple>/<file> tcp reqrep curve inproc ipc worker
"use strict"

const path = require("node:path")
const {spawnSync} = require("node:child_process")

/** What each round trip of scenario.js delivers when it works. */
const expected = {
  tcp: "round trip",
  reqrep: "ping/pong",
  curve: "round trip",
  inproc: "round trip",
  ipc: "round trip",
  worker: "from a worker",
}

function main() {
  const [binary, ...checks] = process.argv.slice(2)
  const repo = path.resolve(__dirname, "..", "..")
  const result = spawnSync(process.execPath, [path.join(__dirname, "scenario.js"), repo, ...checks], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 300_000,
  })
  const line = (result.stdout || "").trim().split("\n").pop() || ""
  process.stdout.write(`${line}\n`)
  if (result.status !== 0 || !line.startsWith("{")) {
    process.stderr.write(`check-here: the scenario failed (${result.status ?? result.signal})\n`)
    process.exit(1)
  }
  const report = JSON.parse(line)
  const problems = []
  const loaded = report.loaded.replace(/\\/g, "/")
  if (loaded !== `prebuilds/${binary}`) problems.push(`loaded ${loaded}, not prebuilds/${binary}`)
  for (const check of checks) {
    if (report[check] !== expected[check]) problems.push(`${check}: ${JSON.stringify(report[check])}`)
  }
  if (problems.length) {
    process.stderr.write(`check-here: ${problems.join("; ")}\n`)
    process.exit(1)
  }
  process.stderr.write(`check-here: ${binary} passed ${checks.join(", ")}\n`)
}

if (require.main === module) main()

module.exports = {expected}
