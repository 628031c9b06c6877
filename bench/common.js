// What every benchmark worker shares: its command line, the message it sends, and the JSON
// line the measuring side prints (with the process's peak RSS and CPU seconds).
"use strict"

const path = require("node:path")

/** <impl> <role> <endpoint> <size> <count> <frames>, as bench/run.js passes them. */
function workerArguments() {
  const [impl, role, endpoint, size, count, frames] = process.argv.slice(2)
  return {impl, role, endpoint, size: Number(size), count: Number(count), frames: Number(frames || 1)}
}

/** This library's build: dist/, or ZMQN_BENCH_DIST (another build, for before/after runs). */
const ours = process.env.ZMQN_BENCH_DIST || path.join(__dirname, "..", "dist")

/** One message: a frame of `size` bytes, or `frames` such frames. */
function message(size, frames) {
  const frame = Buffer.alloc(size, 0x61)
  return frames === 1 ? frame : Array.from({length: frames}, () => Buffer.from(frame))
}

function report(result) {
  const usage = process.resourceUsage()
  result.maxRSS = usage.maxRSS * 1024
  // CPU seconds of this process (user + system), start-up included.
  result.cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6
  process.stdout.write(JSON.stringify(result) + "\n")
}

module.exports = {workerArguments, ours, message, report}
