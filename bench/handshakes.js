#!/usr/bin/env node
// Handshakes per second through one Authenticator: many clients (in a few child processes)
// connect to one server at once; one in ten presents credentials the policy does not know.
// The clock runs from "go" until every client got its decision and every allowed one's first
// message arrived.
//   node bench/handshakes.js [--clients=500] [--mechanism=curve|plain|both] [--rounds=3] [--json]
// --json prints one line per round. Exits non-zero if any client is left without a decision.
"use strict"

const {spawn} = require("node:child_process")
const path = require("node:path")
const readline = require("node:readline")

const ours = process.env.ZMQN_BENCH_DIST || path.join(__dirname, "..", "dist")
const zmq = require(path.resolve(ours))

const args = process.argv.slice(2)
const option = (name, fallback) =>
  (args.find(a => a.startsWith(`--${name}=`)) || "").split("=")[1] || fallback
// A process per this many clients: each needs two descriptors per client (its connection and
// its socket's mailbox), and 1024 is a common limit.
const perProcess = 125
const deniedEvery = 10

// ---- one client process: `handshakes.js --role=clients <mechanism> <endpoint> <server key> <first> <count>` ----

async function clients([mechanism, endpoint, serverKey, firstArg, countArg]) {
  const first = Number(firstArg)
  const count = Number(countArg)
  const context = new zmq.Context({maxSockets: count + 16})
  const sockets = []
  for (let i = first; i < first + count; i++) {
    const denied = i % deniedEvery === 0
    const options = {context, linger: 0}
    if (mechanism === "curve") {
      // Allowed clients derive their key pair from their number (the server knows the public ones).
      const keys = denied ? zmq.curveKeyPair() : clientKeys(i)
      Object.assign(options, {
        curveServerKey: serverKey,
        curvePublicKey: keys.publicKey,
        curveSecretKey: keys.secretKey,
      })
    } else {
      Object.assign(options, {plainUsername: `user${i}`, plainPassword: denied ? "wrong" : `password${i}`})
    }
    sockets.push(new zmq.Dealer(options))
  }
  process.stdout.write("ready\n")
  await new Promise(resolve => process.stdin.once("data", resolve))
  for (const socket of sockets) socket.connect(endpoint)
  // Queued before the handshake: an allowed client's message arrives once it is through.
  for (const socket of sockets) await socket.send("hello")
  await new Promise(resolve => process.stdin.once("end", resolve).resume())
  for (const socket of sockets) socket.close()
  await context.close()
}

// Deterministic key pairs, so the server can know the allowed public keys without files: a
// secret key is any 32 bytes.
function clientKeys(i) {
  const secret = Buffer.alloc(32)
  secret.writeUInt32BE(i, 0)
  secret.write("zmq-native handshake bench", 4)
  return {secretKey: zmq.z85Encode(secret), publicKey: zmq.curvePublic(zmq.z85Encode(secret))}
}

// ---- the server and driver ----

function startClients(mechanism, endpoint, serverKey, first, count) {
  const child = spawn(
    process.execPath,
    [__filename, "--role=clients", mechanism, endpoint, serverKey, first, count],
    {
      stdio: ["pipe", "pipe", "inherit"],
      env: process.env,
    },
  )
  const ready = new Promise((resolve, reject) => {
    readline.createInterface({input: child.stdout}).once("line", resolve)
    child.once("exit", code => reject(new Error(`client process exited (${code}) before it was ready`)))
  })
  return {child, ready}
}

async function round(mechanism, total) {
  const context = new zmq.Context()
  const serverKeys = zmq.curveKeyPair()
  const allowed = []
  for (let i = 0; i < total; i++) if (i % deniedEvery !== 0) allowed.push(i)
  const policy =
    mechanism === "curve"
      ? {curve: {keys: allowed.map(i => clientKeys(i).publicKey)}}
      : {plain: Object.fromEntries(allowed.map(i => [`user${i}`, `password${i}`]))}
  const auth = new zmq.Authenticator({context, ...policy})
  const serverOptions =
    mechanism === "curve" ? {curveServer: true, curveSecretKey: serverKeys.secretKey} : {plainServer: true}
  const server = new zmq.Router({context, linger: 0, backlog: total, ...serverOptions})
  await server.bind("tcp://127.0.0.1:*")

  // Who got a decision (PLAIN clients that were refused try again: counted once).
  const decided = {allowed: new Set(), denied: new Set()}
  const who = event => event.username ?? event.publicKey
  let received = 0
  const expectedDenied = total - allowed.length
  let finish
  const finished = new Promise(resolve => (finish = resolve))
  const check = () => {
    if (
      decided.allowed.size === allowed.length &&
      decided.denied.size === expectedDenied &&
      received === allowed.length
    )
      finish()
  }
  auth.on("allowed", event => (decided.allowed.add(who(event)), check()))
  auth.on("denied", event => (decided.denied.add(who(event)), check()))

  const processes = []
  for (let first = 0; first < total; first += perProcess) {
    processes.push(
      startClients(
        mechanism,
        server.lastEndpoint,
        serverKeys.publicKey,
        first,
        Math.min(perProcess, total - first),
      ),
    )
  }
  await Promise.all(processes.map(p => p.ready))
  const receiving = (async () => {
    for await (const frames of server) {
      if (frames[1].toString() === "hello") received++
      check()
      if (received === allowed.length) break
    }
  })()
  const start = process.hrtime.bigint()
  for (const {child} of processes) child.stdin.write("go\n")
  // Bounded: a client left without a decision fails the run instead of hanging it.
  const limit = setTimeout(() => finish("timeout"), 120_000)
  const outcome = await finished
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  clearTimeout(limit)
  for (const {child} of processes) child.stdin.end()
  await Promise.all(processes.map(({child}) => new Promise(resolve => child.once("exit", resolve))))
  server.close()
  await receiving
  auth.close()
  await context.close()
  return {
    mechanism,
    clients: total,
    allowed: decided.allowed.size,
    denied: decided.denied.size,
    received,
    complete: outcome !== "timeout",
    seconds,
    handshakesPerSecond: total / seconds,
  }
}

async function main() {
  if (args[0] === "--role=clients") return clients(args.slice(1))
  const total = Number(option("clients", "500"))
  const rounds = Number(option("rounds", "3"))
  const which = option("mechanism", "both")
  const json = args.includes("--json")
  const mechanisms = which === "both" ? ["curve", "plain"] : [which]
  let ok = true
  for (const mechanism of mechanisms) {
    const rates = []
    for (let r = 0; r < rounds; r++) {
      const result = await round(mechanism, total)
      ok &&= result.complete && result.allowed + result.denied === total && result.received === result.allowed
      rates.push(result.handshakesPerSecond)
      if (json) process.stdout.write(JSON.stringify(result) + "\n")
      else {
        console.log(
          `${mechanism.toUpperCase()} ${total} clients: ${result.allowed} allowed, ${result.denied} denied, ` +
            `${result.received} first messages in ${result.seconds.toFixed(3)} s = ${Math.round(result.handshakesPerSecond)} handshakes/s`,
        )
      }
    }
    rates.sort((a, b) => a - b)
    if (!json)
      console.log(`${mechanism.toUpperCase()} median: ${Math.round(rates[rates.length >> 1])} handshakes/s`)
  }
  if (!ok) {
    console.error("handshakes: some client got no decision")
    process.exitCode = 1
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
