#!/usr/bin/env node
// Instructions per message under callgrind: steady on a loaded machine where wall-clock figures
// are not, so hot-path changes are compared with it.
//   node bench/instructions.js <impl> <role> [transport] [size] [frames]
// Runs one bench/worker.js role in one process (lat-both: REQ/REP round trips, thr-both:
// PUSH/PULL) at two message counts and prints (instructions(long) - instructions(short)) /
// (long - short): start-up and warm-up cancel out. Every thread is counted (libzmq's I/O
// thread too). ZMQN_BENCH_DIST picks another build, as for the workers.
"use strict"

const path = require("node:path")
const {spawnSync} = require("node:child_process")

const [impl = "ours", role = "lat-both", transport = "inproc", size = "1", frames = "1"] =
  process.argv.slice(2)
const counts = role.startsWith("lat") ? [2000, 12000] : [20000, 220000]

function instructions(count) {
  const endpoint =
    transport === "tcp"
      ? `tcp://127.0.0.1:${40000 + (process.pid % 20000)}`
      : `${transport}://instructions-${process.pid}`
  const result = spawnSync(
    "valgrind",
    [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      "--smc-check=all-non-file",
      process.execPath,
      path.join(__dirname, "worker.js"),
      impl,
      role,
      endpoint,
      size,
      String(count),
      frames,
    ],
    {encoding: "utf8", timeout: 600000},
  )
  const match = /Collected : (\d+)/.exec(result.stderr ?? "")
  if (result.status !== 0 || !match) {
    throw new Error(
      `callgrind run failed (${result.status}): ${(result.stderr ?? "").trim().split("\n").pop()}`,
    )
  }
  return Number(match[1])
}

const [short, long] = counts.map(instructions)
const perMessage = (long - short) / (counts[1] - counts[0])
const unit = role.startsWith("lat") ? "round trip" : "message"
process.stdout.write(
  `${impl} ${role} ${transport} ${size} B: ${perMessage.toFixed(0)} instructions per ${unit}\n`,
)
