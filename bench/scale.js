// Cost as the work grows, for bench/run.js: one Router serving many Dealers, one Publisher
// feeding many Subscribers over 10,000 topic prefixes, and many idle sockets in one process.
// The implementation under test (bench/scale-worker.js, bench/pyzmq_scale.py) is the one
// Router or Publisher; the many peers are C (bench/c/peers.c), the same for every row. One
// run per cell: these are curves, not ratios at the noise floor.
"use strict"

const path = require("node:path")

const impls = ["zeromq", "pyzmq", "ours"]
const prefixes = 10000

function scenarios(quick) {
  const list = []
  for (const peers of quick ? [100] : [10, 100, 1000, 5000]) list.push({kind: "router", peers})
  for (const peers of quick ? [10] : [1, 10, 100, 1000]) list.push({kind: "pubsub", peers})
  list.push({kind: "idle", peers: 1000})
  return list
}

function label(s) {
  if (s.kind === "router") return `Router, ${s.peers} Dealers`
  if (s.kind === "pubsub") return `Publisher, ${s.peers} Subscribers, ${prefixes} prefixes`
  return `${s.peers} idle Dealers, one process`
}

function lastJSON(proc) {
  const lines = proc.stdout.trim().split("\n")
  return JSON.parse(lines[lines.length - 1])
}

function firstJSON(proc) {
  return JSON.parse(proc.stdout.trim().split("\n")[0])
}

/**
 * Measures one cell. tools: {start, waitFor, endpointFor, worker(impl, argv), peers(argv),
 * seconds, idleSeconds, timeout} from bench/run.js.
 */
async function measure(impl, s, tools) {
  const endpoint = await tools.endpointFor("tcp")
  const deadline = (proc, what) =>
    Promise.race([
      proc.exited,
      new Promise((resolve, reject) =>
        setTimeout(() => reject(new Error(`${what} timed out`)), tools.timeout).unref(),
      ),
    ])
  if (s.kind === "idle") {
    const proc = tools.worker(impl, ["idle", endpoint, s.peers, tools.idleSeconds])
    try {
      const code = await deadline(proc, "idle")
      if (code !== 0) throw new Error(`exit ${code}: ${proc.stderr.trim().split("\n").pop()}`)
      const result = lastJSON(proc)
      return {rss: result.rss, idleCpuMs: result.idleCpuMs, seconds: result.seconds}
    } finally {
      proc.kill()
    }
  }
  const role = s.kind === "router" ? "router" : "publisher"
  const server = tools.worker(impl, s.kind === "router" ? [role, endpoint] : [role, endpoint, prefixes])
  try {
    if (!(await tools.waitFor(server, /ready/))) {
      throw new Error(`${role} did not start: ${server.stderr.trim().split("\n").pop()}`)
    }
    const ready = firstJSON(server)
    const argv =
      s.kind === "router"
        ? ["dealers", endpoint, s.peers, tools.seconds]
        : ["subscribers", endpoint, s.peers, prefixes, tools.seconds]
    const client = tools.peers(argv)
    try {
      const code = await deadline(client, "peers")
      if (code !== 0) throw new Error(`peers exit ${code}: ${client.stderr.trim().split("\n").pop()}`)
    } finally {
      client.kill()
    }
    const counted = lastJSON(client)
    server.child.stdin.end()
    await deadline(server, role)
    const end = lastJSON(server)
    return {rate: counted.rate, rssPerPeer: (end.rss - ready.rss) / s.peers, rss: end.rss, cpu: end.cpu}
  } finally {
    server.kill()
  }
}

function format(s, v) {
  if (v === undefined) return "—"
  if (v.error) return "error"
  const mib = bytes => `${(bytes / 2 ** 20).toFixed(1)} MiB`
  if (s.kind === "idle") return `${mib(v.rss)}, ${v.idleCpuMs.toFixed(0)} ms CPU in ${v.seconds} s`
  const rate = v.rate >= 1e6 ? `${(v.rate / 1e6).toFixed(2)} M/s` : `${(v.rate / 1e3).toFixed(0)} k/s`
  if (s.kind === "pubsub") return rate
  return `${rate}, ${(v.rssPerPeer / 1024).toFixed(1)} KiB/peer`
}

function table(results, names) {
  const lines = [
    `| scale scenario | ${impls.map(impl => names[impl]).join(" | ")} | ours vs zeromq | ours vs pyzmq |`,
    `|---|${impls.map(() => "---|").join("")}---|---|`,
  ]
  for (const {scenario: s, values} of results) {
    const better = reference => {
      const a = values.ours
      const b = values[reference]
      if (!a || !b || a.error || b.error || s.kind === "idle") return ""
      return `${(a.rate / b.rate).toFixed(2)}×`
    }
    const cells = impls.map(impl => format(s, values[impl]))
    lines.push(`| ${label(s)} | ${cells.join(" | ")} | ${better("zeromq")} | ${better("pyzmq")} |`)
  }
  return lines.join("\n")
}

async function runScale(quick, tools, wanted, log) {
  const results = []
  for (const s of scenarios(quick)) {
    if (!wanted(label(s))) continue
    const values = {}
    const began = Date.now()
    for (const impl of impls) {
      if (!wanted(label(s), impl)) continue
      try {
        values[impl] = await measure(impl, s, tools)
      } catch (error) {
        values[impl] = {error: error.message}
        log(`bench: ${label(s)} ${impl}: ${error.message}`)
      }
    }
    results.push({scenario: s, label: label(s), values})
    const took = ((Date.now() - began) / 1000).toFixed(1)
    log(
      `bench: ${label(s)}: ${impls.map(impl => `${impl} ${format(s, values[impl])}`).join("; ")} (${took} s)`,
    )
  }
  return results
}

module.exports = {runScale, table, workerPath: path.join(__dirname, "scale-worker.js")}
