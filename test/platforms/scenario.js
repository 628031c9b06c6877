// Runs inside a foreign Node (Windows Node under Wine, arm64 Node under qemu, Node on Debian 11)
// against one prebuild, through the public API in dist/: loads it, then runs each round trip
// named on the command line and prints one JSON report. A failing round trip is reported with
// its error (and the others still run), so the test shows which one broke.
//
//   node scenario.js <repo> tcp reqrep curve inproc worker ipc
"use strict"

// node-gyp-build must take the prebuild, not the development build/ of this machine.
process.env.PREBUILDS_ONLY = "1"
const path = require("node:path")
const {Worker} = require("node:worker_threads")

const [repo, ...checks] = process.argv.slice(2)
const zmq = require(path.join(repo, "dist"))

async function pushPull(endpoint, configure = () => {}) {
  const push = new zmq.Push({linger: 0})
  const pull = new zmq.Pull({linger: 0, receiveTimeout: 20000})
  try {
    configure(push, pull)
    await pull.bind(endpoint)
    push.connect(pull.lastEndpoint)
    await push.send(["round", "trip"])
    const frames = await pull.receive()
    return frames.map(frame => frame.toString()).join(" ")
  } finally {
    push.close()
    pull.close()
  }
}

async function reqRep() {
  const rep = new zmq.Reply({linger: 0, receiveTimeout: 20000})
  const req = new zmq.Request({linger: 0, receiveTimeout: 20000})
  try {
    await rep.bind("tcp://127.0.0.1:*")
    req.connect(rep.lastEndpoint)
    await req.send("ping")
    const [question] = await rep.receive()
    await rep.send(`${question}/pong`)
    const [answer] = await req.receive()
    return answer.toString()
  } finally {
    req.close()
    rep.close()
  }
}

function curve() {
  const server = zmq.curveKeyPair()
  const client = zmq.curveKeyPair()
  return pushPull("tcp://127.0.0.1:*", (push, pull) => {
    pull.curveServer = true
    pull.curveSecretKey = server.secretKey
    push.curveServerKey = server.publicKey
    push.curvePublicKey = client.publicKey
    push.curveSecretKey = client.secretKey
  })
}

function worker() {
  const code = `
    process.env.PREBUILDS_ONLY = "1"
    const {parentPort, workerData} = require("node:worker_threads")
    const zmq = require(workerData.dist)
    ;(async () => {
      const push = new zmq.Push({linger: 0})
      const pull = new zmq.Pull({linger: 0, receiveTimeout: 20000})
      await pull.bind("inproc://in-a-worker")
      push.connect("inproc://in-a-worker")
      await push.send("from a worker")
      const [message] = await pull.receive()
      push.close()
      pull.close()
      parentPort.postMessage(message.toString())
    })().catch(error => parentPort.postMessage({error: String(error)}))
  `
  return new Promise((resolve, reject) => {
    const thread = new Worker(code, {eval: true, workerData: {dist: path.join(repo, "dist")}})
    thread.once("message", message =>
      typeof message === "string" ? resolve(message) : reject(message.error),
    )
    thread.once("error", reject)
  })
}

const scenarios = {
  tcp: () => pushPull("tcp://127.0.0.1:*"),
  reqrep: reqRep,
  curve,
  inproc: () => pushPull(`inproc://scenario-${process.pid}`),
  ipc: () => pushPull(`ipc://${path.join(require("node:os").tmpdir(), `zmqn-scenario-${process.pid}.sock`)}`),
  worker,
}

async function main() {
  const report = {
    loaded: path.relative(repo, require("node-gyp-build").path(repo)),
    platform: process.platform,
    arch: process.arch,
    version: zmq.version,
    capability: zmq.capability,
  }
  for (const name of checks) {
    const scenario = scenarios[name]
    if (!scenario) throw new Error(`unknown scenario ${name}`)
    try {
      report[name] = await scenario()
    } catch (error) {
      report[name] = {error: String((error && error.message) || error)}
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${(error && error.stack) || error}\n`)
    process.exit(1)
  },
)
