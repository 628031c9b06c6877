#!/usr/bin/env node
// The implementation under test in the scale scenarios (bench/scale.js), for this library
// (ours) and zeromq@6 (zeromq); bench/pyzmq_scale.py is pyzmq's.
//   node bench/scale-worker.js <impl> router <endpoint>
//     a Router echoing every request to its Dealer (bench/c/peers.c dealers)
//   node bench/scale-worker.js <impl> publisher <endpoint> <prefixes>
//     a Publisher sending 16-byte messages on topics "t0.".."t<prefixes-1>." in turn
//   node bench/scale-worker.js <impl> idle <endpoint> <sockets> [seconds, 3 by default]
//     <sockets> Dealers connected to a Router of this process, each with a receive waiting
// router and publisher print {"ready", rss} once bound and, when stdin closes, their RSS and
// CPU seconds; idle prints its RSS and the CPU it used while 3 s passed with nothing to do.
"use strict"

const path = require("node:path")

const [impl, role, endpoint, arg, window = "3"] = process.argv.slice(2)
const ours = process.env.ZMQN_BENCH_DIST || path.join(__dirname, "..", "dist")
const zmq = impl === "zeromq" ? require("zeromq") : require(path.resolve(ours))

function usage() {
  const {userCPUTime, systemCPUTime} = process.resourceUsage()
  return {rss: process.memoryUsage.rss(), cpu: (userCPUTime + systemCPUTime) / 1e6}
}

function print(result) {
  process.stdout.write(JSON.stringify(result) + "\n")
}

// Resolves when the driver closes our stdin.
function released() {
  return new Promise(resolve => process.stdin.on("end", resolve).on("close", resolve).resume())
}

async function router() {
  const socket = new zmq.Router()
  await socket.bind(endpoint)
  print({ready: true, ...usage()})
  const done = released().then(() => socket.close())
  try {
    for await (const [id, request] of socket) await socket.send([id, request])
  } catch (error) {
    if (!socket.closed) throw error
  }
  await done
}

async function publisher(prefixes) {
  const socket = new zmq.Publisher()
  await socket.bind(endpoint)
  print({ready: true, ...usage()})
  const messages = Array.from({length: prefixes}, (_, i) => Buffer.from(`t${i}.`.padEnd(16, "x")))
  let stop = false
  const done = released().then(() => (stop = true))
  let sent = 0
  while (!stop) {
    for (let i = 0; i < 1000; i++) await socket.send(messages[sent++ % prefixes])
    // Sends complete at once (a Publisher drops at its high-water mark): let stdin be read.
    await new Promise(resolve => setImmediate(resolve))
  }
  await done
  socket.close()
  return sent
}

async function idle(count) {
  const context = new zmq.Context({maxSockets: count + 16})
  const server = new zmq.Router({context})
  await server.bind(endpoint)
  const sockets = []
  for (let i = 0; i < count; i++) {
    const dealer = new zmq.Dealer({context})
    dealer.connect(endpoint)
    dealer.receive().catch(() => {})
    sockets.push(dealer)
  }
  // Let the connections settle (handshakes), then measure nothing happening.
  await new Promise(resolve => setTimeout(resolve, 1000))
  const seconds = Number(window)
  const before = usage()
  await new Promise(resolve => setTimeout(resolve, seconds * 1000))
  const after = usage()
  print({sockets: count, rss: after.rss, idleCpuMs: (after.cpu - before.cpu) * 1000, seconds})
  for (const socket of sockets) {
    socket.linger = 0
    socket.close()
  }
  server.close()
}

async function main() {
  if (role === "router") await router()
  else if (role === "publisher") print({sent: await publisher(Number(arg)), ...usage()})
  else if (role === "idle") await idle(Number(arg))
  else throw new Error(`unknown role ${role}`)
  if (role === "router") print(usage())
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  },
)
