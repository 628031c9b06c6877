#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=<text>] [-- --impls=<a,b>]`: PUSH/PULL throughput and REQ/REP latency of
// zmq-native (standard and batch API), zeromq@6, Debian's pyzmq (bench/pyzmq_worker.py) and
// libzmq's own C perf programs, side by side in one run; and zmq-native/v5-compat against
// zeromq@6's v5-compat (bench/worker-v5.js) in a table of their own. Each figure is the median of several
// runs, each sized (from a calibration run) to last long enough to be stable; every run has a
// timeout. Prints a markdown table, writes bench-results/<time>.json and the throughput chart
// (docs/bench.svg on a full run).
"use strict"

const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")
const {spawn, spawnSync} = require("node:child_process")
const {chart, sizeLabel, names} = require("./chart")
const {merge, percentile, total} = require("./histogram")
const scale = require("./scale")

const root = path.resolve(__dirname, "..")
const args = process.argv.slice(2)
const quick = args.includes("--quick")
const only = (args.find(a => a.startsWith("--only=")) || "").slice(7)
// --impls=ours-v5,zeromq-v5: run only these implementations.
const chosen = (args.find(a => a.startsWith("--impls=")) || "").slice(8).split(",").filter(Boolean)
const settings = quick
  ? {
      runs: 3,
      calibrationCounts: true,
      seconds: 0.25,
      timeout: 15000,
      memory: [250000, 1000000],
      roundTrips: 2000,
    }
  : {runs: 5, seconds: 0.6, timeout: 30000, memory: [1000000, 10000000], roundTrips: 20000}

const KiB = 1024
const sizes = [1, 64, KiB, 64 * KiB, KiB * KiB]
const impls = ["c", "zeromq", "ours", "ours-batch", "pyzmq", "ours-busy", "ours-into"]
// The v5 API's rows: PUSH/PULL tcp 1 B and 64 B, and REQ/REP, over tcp between two processes.
const v5Impls = ["zeromq-v5", "ours-v5"]
// Debian's python3-zmq (scripts/install-system-deps): the system Python, not one on PATH.
const python = process.env.ZMQN_BENCH_PYTHON || "/usr/bin/python3"
let pyzmq = {missing: "not checked"}

// ---- scenarios ----

// --quick: one cell per question the full run answers (small-message and bandwidth throughput
// over tcp, inproc, multipart, latency over tcp and inproc), without the opt-in busyPoll and
// v5-compat rows (--impls= runs those alone): each cell costs a calibration and the runs, each
// a process start (two for two-process cells), ~1 s per run here under load.
function quickScenarios() {
  return [
    {kind: "thr", transport: "tcp", procs: 2, size: 64, frames: 1},
    {kind: "thr", transport: "tcp", procs: 2, size: 64 * KiB, frames: 1},
    {kind: "thr", transport: "inproc", procs: 1, size: 64, frames: 1},
    {kind: "thr", transport: "tcp", procs: 2, size: 64, frames: 3},
    {kind: "lat", transport: "tcp", procs: 2, size: 1, frames: 1},
    {kind: "lat", transport: "inproc", procs: 1, size: 1, frames: 1},
  ].filter(s => !only || label(s).includes(only))
}

function scenarios() {
  if (quick) return quickScenarios()
  const list = []
  const transports = ["tcp", "ipc"]
  for (const transport of transports) {
    for (const size of sizes) list.push({kind: "thr", transport, procs: 2, size, frames: 1})
  }
  for (const size of sizes) list.push({kind: "thr", transport: "inproc", procs: 1, size, frames: 1})
  list.push({kind: "thr", transport: "tcp", procs: 1, size: 64, frames: 1})
  list.push({kind: "thr", transport: "tcp", procs: 2, size: 64, frames: 3})
  list.push({kind: "thr", transport: "inproc", procs: 1, size: 64, frames: 3})
  for (const transport of transports) list.push({kind: "lat", transport, procs: 2, size: 1, frames: 1})
  list.push({kind: "lat", transport: "tcp", procs: 1, size: 1, frames: 1})
  list.push({kind: "lat", transport: "inproc", procs: 1, size: 1, frames: 1})
  return list.filter(s => !only || label(s).includes(only))
}

function label(s) {
  const what = s.kind === "thr" ? "PUSH/PULL" : "REQ/REP"
  const frames = s.frames > 1 ? ` ×${s.frames} frames` : ""
  return `${what} ${s.transport} ${s.procs === 1 ? "1 proc" : "2 procs"} ${sizeLabel(s.size)}${frames}`
}

// Which implementations can run a scenario: the C programs have no multipart and no
// one-process tcp/ipc mode; latency has no batch form.
function supports(impl, s) {
  if (chosen.length > 0 && !chosen.includes(impl)) return false
  const optIn = impl === "ours-busy" || impl === "ours-into" || v5Impls.includes(impl)
  if (quick && chosen.length === 0 && optIn) return false
  if (v5Impls.includes(impl)) {
    return s.transport === "tcp" && s.procs === 2 && s.frames === 1 && (s.kind === "lat" || s.size <= 64)
  }
  if (impl === "c") return s.frames === 1 && (s.transport === "inproc") === (s.procs === 1)
  if (impl === "ours-batch") return s.kind === "thr"
  // The opt-in busy-poll spins on the thread that would answer: only with a peer elsewhere.
  if (impl === "ours-busy") return s.kind === "lat" && s.procs === 2
  // receiveInto is for large frames, copied into one reused buffer.
  if (impl === "ours-into") return s.kind === "thr" && s.frames === 1 && s.size >= 64 * KiB
  if (impl === "pyzmq") return !pyzmq.missing
  return true
}

// ---- running one measurement ----

let serial = 0

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function endpointFor(transport) {
  serial++
  if (transport === "tcp") return `tcp://127.0.0.1:${await freePort()}`
  if (transport === "ipc") return `ipc://${path.join(os.tmpdir(), `zmqn-bench-${process.pid}-${serial}`)}`
  return `inproc://bench-${serial}`
}

// A child process with its output collected; killed (whole group) on timeout.
function start(command, argv) {
  const child = spawn(command, argv, {cwd: root, stdio: ["pipe", "pipe", "pipe"], detached: true})
  const proc = {child, stdout: "", stderr: "", exited: null}
  child.stdout.on("data", d => (proc.stdout += d))
  child.stderr.on("data", d => (proc.stderr += d))
  proc.exited = new Promise(resolve => child.on("close", code => resolve(code)))
  proc.kill = () => {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  return proc
}

function waitFor(proc, pattern) {
  return new Promise(resolve => {
    const check = () => {
      if (pattern.test(proc.stdout)) resolve(true)
      else if (proc.child.exitCode !== null) resolve(false)
      else setTimeout(check, 5)
    }
    check()
  })
}

function perfTool(name) {
  return path.join(root, "build", "perf", name)
}

function worker(impl, role, endpoint, s, count) {
  const argv = [impl, role, endpoint, s.size, count, s.frames]
  if (impl === "pyzmq") return start(python, [path.join(root, "bench", "pyzmq_worker.py"), ...argv])
  if (v5Impls.includes(impl))
    return start(process.execPath, [path.join(root, "bench", "worker-v5.js"), ...argv])
  return start(process.execPath, [path.join(root, "bench", "worker.js"), ...argv])
}

// Returns {rate} for throughput or {latencyUs} for latency, plus maxRSS where known.
async function measure(impl, s, count) {
  const endpoint = await endpointFor(s.transport)
  const procs = []
  let measuring
  if (impl === "c") {
    if (s.procs === 1) {
      measuring =
        s.kind === "thr"
          ? start(perfTool("inproc_thr"), [s.size, count])
          : start(perfTool("latency"), ["both", endpoint, s.size, count])
      procs.push(measuring)
    } else if (s.kind === "thr") {
      measuring = start(perfTool("local_thr"), [endpoint, s.size, count])
      // remote_thr exits right after its last send, and ipc can then lose the queue's tail
      // (a libzmq issue): it sends 2 % + 4 MiB more than local_thr counts, so the count completes.
      const extra = Math.ceil(count * 0.02 + (4 << 20) / s.size)
      procs.push(measuring, start(perfTool("remote_thr"), [endpoint, s.size, count + extra]))
    } else {
      const echo = start(perfTool("latency"), ["rep", endpoint, s.size, count])
      procs.push(echo)
      await waitFor(echo, /ready/)
      measuring = start(perfTool("latency"), ["req", endpoint, s.size, count])
      procs.push(measuring)
    }
  } else if (s.procs === 1) {
    measuring = worker(impl, s.kind === "thr" ? "thr-both" : "lat-both", endpoint, s, count)
    procs.push(measuring)
  } else {
    const server = worker(impl, s.kind === "thr" ? "thr-recv" : "lat-rep", endpoint, s, count)
    procs.push(server)
    await waitFor(server, /ready/)
    const client = worker(impl, s.kind === "thr" ? "thr-send" : "lat-req", endpoint, s, count)
    procs.push(client)
    measuring = s.kind === "thr" ? server : client
  }
  let timer
  const timedOut = new Promise(resolve => (timer = setTimeout(() => resolve("timeout"), settings.timeout)))
  const code = await Promise.race([measuring.exited, timedOut])
  clearTimeout(timer)
  // The measuring side has counted: release the others (they wait for stdin to close).
  for (const proc of procs) proc.child.stdin.end()
  // The C senders have nothing left to do once the count is done (and may linger forever).
  const grace = impl === "c" ? 0 : 5000
  await Promise.race([Promise.all(procs.map(p => p.exited)), new Promise(r => setTimeout(r, grace))])
  for (const proc of procs) proc.kill()
  if (code === "timeout") throw new Error(`timed out after ${settings.timeout} ms`)
  if (code !== 0) {
    const lines = measuring.stderr.trim().split("\n")
    throw new Error(`exit ${code}: ${lines.find(line => /Error|error:/.test(line)) ?? lines.pop()}`)
  }
  return impl === "c" && s.kind === "thr"
    ? parseC(measuring.stdout)
    : JSON.parse(measuring.stdout.trim().split("\n").pop())
}

// local_thr's report (latency comes from bench/c/latency.c, as JSON).
function parseC(text) {
  const match = /mean throughput: (\d+) \[msg\/s\]/.exec(text)
  if (!match) throw new Error(`unexpected output: ${text}`)
  return {rate: Number(match[1])}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// Calibrates the count with one short run, then takes the median of settings.runs runs.
// Latency runs are at least settings.roundTrips long, so that the distribution (all runs'
// round trips together) holds 100 k round trips on a full run.
async function bench(impl, s) {
  const budget = s.kind === "thr" ? Math.max(2000, Math.min(100000, 20e6 / (s.size * s.frames))) : 1000
  const first = await measure(impl, s, Math.round(budget))
  let perSecond = s.kind === "thr" ? first.rate : 1e6 / (2 * first.latencyUs)
  const least = s.kind === "thr" ? 1000 : settings.roundTrips
  const count = Math.round(Math.max(least, Math.min(50e6, perSecond * settings.seconds)))
  // --quick: the calibration run is one of the runs (a shorter one; every run is a start-up).
  const runs = settings.calibrationCounts ? [first] : []
  while (runs.length < settings.runs) runs.push(await measure(impl, s, count))
  const key = s.kind === "thr" ? "rate" : "latencyUs"
  const value = median(runs.map(r => r[key]))
  const maxRSS = Math.max(...runs.map(r => r.maxRSS || 0)) || undefined
  const result = {value, runs: runs.map(r => r[key]), count, maxRSS}
  if (s.kind === "lat") {
    const histogram = merge(runs.map(r => r.hist))
    result.roundTrips = total(histogram)
    result.percentiles = {
      p50: percentile(histogram, 0.5),
      p99: percentile(histogram, 0.99),
      p999: percentile(histogram, 0.999),
    }
    result.histogram = histogram
  }
  return result
}

// ---- reporting ----

function formatValue(s, value) {
  if (value === undefined) return "—"
  if (s.kind === "lat") return `${value.toFixed(1)} µs`
  const mbps = (value * s.size * s.frames) / 1e6
  if (s.size >= 64 * KiB) return `${mbps.toFixed(0)} MB/s`
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} M/s` : `${(value / 1e3).toFixed(0)} k/s`
}

// How many times better than the reference: higher throughput, or lower latency.
function ratio(s, value, reference) {
  if (value === undefined || reference === undefined) return undefined
  return s.kind === "thr" ? value / reference : reference / value
}

function formatRatio(r) {
  return r === undefined ? "" : `${r.toFixed(2)}×`
}

function table(results) {
  const lines = [
    "| scenario | C | zeromq@6 | pyzmq | ours | vs zeromq | vs pyzmq | vs C | ours batch | vs zeromq | vs pyzmq | vs C |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ]
  for (const {scenario: s, values} of results) {
    const c = values.c?.value
    const z = values.zeromq?.value
    const py = values.pyzmq?.value
    const cell = impl => {
      const v = values[impl]?.value
      if (values[impl]?.error) return ["error", "", "", ""]
      return [
        formatValue(s, v),
        formatRatio(ratio(s, v, z)),
        formatRatio(ratio(s, v, py)),
        formatRatio(ratio(s, v, c)),
      ]
    }
    const cError = values.c?.error ? "error" : formatValue(s, c)
    const zError = values.zeromq?.error ? "error" : formatValue(s, z)
    const pyError = pyzmq.missing ? "missing" : values.pyzmq?.error ? "error" : formatValue(s, py)
    lines.push(
      `| ${label(s)} | ${cError} | ${zError} | ${pyError} | ${cell("ours").join(" | ")} | ${cell("ours-batch").join(" | ")} |`,
    )
  }
  return lines.join("\n")
}

// zmq-native/v5-compat against zeromq@6's v5-compat, where both ran.
function v5Table(results) {
  const lines = [
    "| v5-compat scenario | zeromq@6 v5-compat | ours v5-compat | vs zeromq |",
    "|---|---|---|---|",
  ]
  for (const {scenario: s, values} of results) {
    if (!v5Impls.some(impl => values[impl])) continue
    const cell = impl => (values[impl]?.error ? "error" : formatValue(s, values[impl]?.value))
    const r = ratio(s, values["ours-v5"]?.value, values["zeromq-v5"]?.value)
    lines.push(`| ${label(s)} | ${cell("zeromq-v5")} | ${cell("ours-v5")} | ${formatRatio(r)} |`)
  }
  return lines.length > 2 ? lines.join("\n") : ""
}

// The REQ/REP latency distribution: one row per scenario and implementation.
// Large frames received into one reused buffer (receiveInto) against receive(), where both ran.
function intoTable(results) {
  const lines = [
    "| large frames | pyzmq | ours receive() | ours receiveInto() | vs receive() | vs pyzmq | vs C |",
    "|---|---|---|---|---|---|---|",
  ]
  for (const {scenario: s, values} of results) {
    const into = values["ours-into"]
    if (into === undefined) continue
    const show = impl => (values[impl]?.error ? "error" : formatValue(s, values[impl]?.value))
    const vs = impl => formatRatio(ratio(s, into.value, values[impl]?.value))
    lines.push(
      `| ${label(s)} | ${show("pyzmq")} | ${show("ours")} | ${show("ours-into")} | ${vs("ours")} | ${vs("pyzmq")} | ${vs("c")} |`,
    )
  }
  return lines.length > 2 ? lines.join("\n") : ""
}

function latencyTable(results) {
  const lines = [
    "| REQ/REP 1 B, half round trip | implementation | mean | p50 | p99 | p99.9 | round trips | mean vs C |",
    "|---|---|---|---|---|---|---|---|",
  ]
  const us = value => (value === undefined ? "—" : `${value.toFixed(1)} µs`)
  for (const {scenario: s, values} of results) {
    if (s.kind !== "lat") continue
    for (const impl of impls) {
      const v = values[impl]
      if (v === undefined) continue
      if (v.error) {
        lines.push(`| ${label(s)} | ${names[impl]} | error | | | | | |`)
        continue
      }
      const p = v.percentiles ?? {}
      const vsC = formatRatio(ratio(s, v.value, values.c?.value))
      lines.push(
        `| ${label(s)} | ${names[impl]} | ${us(v.value)} | ${us(p.p50)} | ${us(p.p99)} | ${us(p.p999)} | ${v.roundTrips ?? ""} | ${vsC} |`,
      )
    }
  }
  return lines.length > 2 ? lines.join("\n") : ""
}

function chartPanels(results) {
  const groups = [
    {title: "PUSH/PULL tcp, two processes", match: s => s.transport === "tcp" && s.procs === 2},
    {title: "PUSH/PULL inproc, one process", match: s => s.transport === "inproc"},
  ]
  const panels = groups.map(group => {
    const series = {}
    for (const {scenario: s, values} of results) {
      if (s.kind !== "thr" || s.frames !== 1 || !group.match(s)) continue
      for (const impl of impls) {
        const v = values[impl]?.value
        if (v === undefined) continue
        ;(series[impl] ??= []).push([s.size, (v * s.size) / 1e6])
      }
    }
    return {title: group.title, series}
  })
  const latency = results.find(
    r => r.scenario.kind === "lat" && r.scenario.transport === "tcp" && r.scenario.procs === 2,
  )
  if (latency) {
    const series = {}
    for (const impl of impls) {
      const p = latency.values[impl]?.percentiles
      if (p) series[impl] = [p.p50, p.p99, p.p999].map((v, i) => [i, v])
    }
    panels.push({
      title: "REQ/REP tcp, two processes",
      series,
      categories: ["p50", "p99", "p99.9"],
      yLabel: "µs, half round trip (log)",
    })
  }
  return panels
}

function memoryCheck() {
  const [first, total] = settings.memory
  // V8 grows its young generation with the allocation rate (RSS 57 → 79 MiB over 10 M messages
  // while the live heap stays at 3.4 MiB): fix it at its full size so RSS shows only leaks.
  const v8 = ["--expose-gc", "--min-semi-space-size=16", "--max-semi-space-size=16"]
  const result = spawnSync(
    process.execPath,
    [...v8, path.join(root, "bench", "memory.js"), first, total, 16],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 120000,
    },
  )
  if (result.status !== 0) return {error: (result.stderr || String(result.error)).trim().split("\n").pop()}
  return JSON.parse(result.stdout.trim().split("\n").pop())
}

// ---- main ----

function prepare() {
  const steps = [
    [process.execPath, [path.join(root, "scripts", "ensure-built.js"), "--addon-only"]],
    ["cmake", ["--build", path.join(root, "build"), "--target", "zmq_perf_tools"]],
  ]
  for (const [command, argv] of steps) {
    const result = spawnSync(command, argv, {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {...process.env, ZMQ_NATIVE_REBUILD: "0"},
    })
    if (result.status !== 0) {
      process.stderr.write(`bench: ${command} ${argv.join(" ")} failed\n`)
      process.exit(1)
    }
  }
}

// pyzmq is a comparison, not a prerequisite: without it the rest still runs, and the run says
// so at its start and at its end.
function checkPyzmq() {
  const probe = "import zmq; print(zmq.__version__, zmq.zmq_version())"
  const result = spawnSync(python, ["-c", probe], {encoding: "utf8", timeout: 30000})
  if (result.status === 0) {
    const [version, libzmq] = result.stdout.trim().split(" ")
    return {version, libzmq}
  }
  const reason = (result.stderr || String(result.error || "")).trim().split("\n").pop()
  return {
    missing: `${python} cannot import zmq (${reason}); install python3-zmq (scripts/install-system-deps)`,
  }
}

function pyzmqWarning() {
  return `*** PYZMQ MISSING: no pyzmq column in this run. ${pyzmq.missing} ***`
}

async function main() {
  const began = Date.now()
  prepare()
  const phase = (name, since) =>
    process.stderr.write(`bench: ${name} took ${((Date.now() - since) / 1000).toFixed(1)} s\n`)
  phase("build check", began)
  const cellsBegan = Date.now()
  pyzmq = checkPyzmq()
  if (pyzmq.missing) process.stderr.write(`\nbench: ${pyzmqWarning()}\n\n`)
  const results = []
  for (const s of scenarios()) {
    const values = {}
    // Seconds each implementation's cell took (calibration and runs, start-ups included).
    const took = []
    for (const impl of [...impls, ...v5Impls]) {
      if (!supports(impl, s)) continue
      const cellBegan = Date.now()
      try {
        values[impl] = await bench(impl, s)
      } catch (error) {
        values[impl] = {error: error.message}
        process.stderr.write(`bench: ${label(s)} ${names[impl]}: ${error.message}\n`)
      }
      took.push(`${impl} ${((Date.now() - cellBegan) / 1000).toFixed(1)}`)
    }
    results.push({scenario: s, label: label(s), values})
    process.stderr.write(
      `bench: ${table([results[results.length - 1]])
        .split("\n")
        .pop()} (s: ${took.join(", ")})\n`,
    )
    const v5Row = v5Table([results[results.length - 1]])
    if (v5Row) process.stderr.write(`bench: ${v5Row.split("\n").pop()}\n`)
  }
  const scaleTools = {
    start,
    waitFor,
    endpointFor,
    seconds: quick ? 0.7 : 1.5,
    // How long the idle sockets are watched doing nothing (their CPU then should be ~0).
    idleSeconds: quick ? 1 : 3,
    timeout: 60000,
    peers: argv => start(perfTool("peers"), argv),
    worker: (impl, argv) =>
      impl === "pyzmq"
        ? start(python, [path.join(root, "bench", "pyzmq_scale.py"), impl, ...argv])
        : start(process.execPath, [scale.workerPath, impl, ...argv]),
  }
  phase("throughput and latency", cellsBegan)
  const scaleBegan = Date.now()
  const scaleResults = await scale.runScale(
    quick,
    scaleTools,
    // Asked without an implementation: whether the scenario runs at all.
    (name, impl) =>
      (!only || name.includes(only)) &&
      (impl === undefined ||
        ((chosen.length === 0 || chosen.includes(impl)) && !(impl === "pyzmq" && pyzmq.missing))),
    line => process.stderr.write(`${line}\n`),
  )
  phase("scale", scaleBegan)
  const memoryBegan = Date.now()
  const memory = only || chosen.length > 0 ? undefined : memoryCheck()
  if (memory) phase("memory check", memoryBegan)
  const seconds = (Date.now() - began) / 1000
  const report = {
    date: new Date().toISOString(),
    quick,
    node: process.version,
    cpus: os.cpus().length,
    pyzmq,
    settings,
    seconds,
    results,
    scale: scaleResults,
    memory,
  }
  const dir = path.join(root, "bench-results")
  fs.mkdirSync(dir, {recursive: true})
  const stamp = report.date.replace(/[:.]/g, "-")
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(report, null, 2) + "\n")
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(report, null, 2) + "\n")
  const caption = `${quick ? "quick run" : "full run"}, ${report.date.slice(0, 10)}, Node ${process.version}, ${report.cpus} CPUs; medians of ${settings.runs} runs`
  const svgPath =
    quick || only || chosen.length > 0 ? path.join(dir, "bench.svg") : path.join(root, "docs", "bench.svg")
  fs.mkdirSync(path.dirname(svgPath), {recursive: true})
  fs.writeFileSync(svgPath, chart(chartPanels(results), caption))

  const out = [table(results), ""]
  const v5 = v5Table(results)
  if (v5) out.push(v5, "")
  const into = intoTable(results)
  if (into) out.push(into, "")
  const latency = latencyTable(results)
  if (latency) out.push(latency, "")
  if (scaleResults.length > 0) out.push(scale.table(scaleResults, names), "")
  if (pyzmq.missing) out.push(pyzmqWarning())
  else out.push(`pyzmq ${pyzmq.version} (libzmq ${pyzmq.libzmq}), ${python}.`)
  if (memory?.error) out.push(`Memory check failed: ${memory.error}`)
  else if (memory) {
    const mb = bytes => (bytes / 2 ** 20).toFixed(1)
    const verdict = Math.abs(memory.growth) <= 0.1 ? "flat" : "NOT flat"
    out.push(
      `RSS after ${memory.first / 1e6} M messages: ${mb(memory.rssFirst)} MiB; after ${memory.total / 1e6} M: ${mb(memory.rssLast)} MiB ` +
        `(${(memory.growth * 100).toFixed(1)} %, ${verdict}); peak ${mb(memory.maxRSS)} MiB.`,
    )
  }
  const peaks = results.flatMap(r => Object.values(r.values).map(v => v.maxRSS || 0))
  out.push(`Peak RSS of any benchmark process: ${(Math.max(0, ...peaks) / 2 ** 20).toFixed(1)} MiB.`)
  out.push(
    `Took ${seconds.toFixed(0)} s. JSON: bench-results/${stamp}.json; chart: ${path.relative(root, svgPath)}`,
  )
  process.stdout.write(out.join("\n") + "\n")
}

main().catch(error => {
  process.stderr.write(`${error.stack || error}\n`)
  process.exit(1)
})
