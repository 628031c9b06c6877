// A jest reporter that turns a hang into a fast failure that names it. testTimeout cannot end a
// test whose process is blocked (native code, a synchronous loop), nor a worker or jest itself
// kept alive after the run. The watchdog's clock runs on a thread of its own in jest's main
// process, so it fires even when that process's JS thread is the blocked one (--runInBand, a
// single test file). Options:
//   fileSeconds: longest a test file may run
//   exitSeconds: longest jest may stay alive once the run is complete (open handles)
// On either it prints what hung, kills jest's child processes and exits with code 1 (or is
// killed by SIGKILL when its JS thread is blocked).
"use strict"

const path = require("node:path")
const {Worker} = require("node:worker_threads")

// Runs on the watchdog thread.
const clock = `
const fs = require("node:fs")
const {parentPort} = require("node:worker_threads")
const timers = new Map()

// Process ids of every descendant of pid, from /proc (Linux).
function descendants(pid) {
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\\d+$/.test(entry)) continue
    try {
      // The parent id follows the command name, which is in parentheses and may hold spaces.
      const stat = fs.readFileSync("/proc/" + entry + "/stat", "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // It ended while being read.
    }
  }
  const found = []
  const pending = [pid]
  while (pending.length > 0) {
    for (const child of children.get(pending.pop()) || []) {
      found.push(child)
      pending.push(child)
    }
  }
  return found
}

function fail(message) {
  fs.writeSync(2, "\\nwatchdog: " + message + "\\n")
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, "SIGKILL")
    } catch {
      // Gone already.
    }
  }
  // Exit code 1 through the JS thread; if that thread is blocked, it never answers.
  parentPort.postMessage("exit")
  setTimeout(() => process.kill(process.pid, "SIGKILL"), 2000)
}

parentPort.on("message", ({event, key, ms, message}) => {
  if (event === "start") timers.set(key, setTimeout(() => fail(message), ms))
  else if (event === "end") {
    clearTimeout(timers.get(key))
    timers.delete(key)
  }
})
`

class Watchdog {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir
    this.fileMs = (options.fileSeconds ?? 300) * 1000
    this.exitMs = (options.exitSeconds ?? 60) * 1000
    this.thread = new Worker(clock, {eval: true})
    this.thread.on("message", () => process.exit(1))
    // Never what keeps jest alive.
    this.thread.unref()
  }

  onTestFileStart(test) {
    const file = path.relative(this.rootDir, test.path)
    const message = `${file} has run for ${this.fileMs / 1000} s: a test that blocks its process or never settles (testTimeout could not end it)`
    this.thread.postMessage({event: "start", key: test.path, ms: this.fileMs, message})
  }

  onTestFileResult(test) {
    this.thread.postMessage({event: "end", key: test.path})
  }

  onRunComplete() {
    const message = `jest is still running ${this.exitMs / 1000} s after the run completed: open handles (sockets, timers, child processes) keep it alive; find them with \`npx jest --detectOpenHandles <file>\``
    this.thread.postMessage({event: "start", key: "exit", ms: this.exitMs, message})
  }
}

module.exports = Watchdog
