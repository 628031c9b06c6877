#!/usr/bin/env node
// One benchmark role in one process, driven by bench/run.js:
//   node bench/worker.js <impl> <role> <endpoint> <size> <count> <frames>
// impl: ours (await send / for await), ours-batch (sendMany / receiveMany), ours-busy (ours with
// the busyPoll option), ours-into (ours, receiving with receiveInto into one reused buffer),
// zeromq (zeromq@6).
// role: thr-recv, thr-send, thr-both (both ends here), lat-rep, lat-req, lat-both.
// Receivers (and lat-rep) print "ready" once bound; the measuring side prints one JSON line.
// Senders stay open until stdin closes, so an ipc queue's tail is never lost at exit.
"use strict"

const path = require("node:path")
const common = require("./common")

const {impl, role, endpoint, size, count, frames} = common.workerArguments()
const zmq = impl === "zeromq" ? require("zeromq") : require(path.resolve(common.ours))
const batch = impl === "ours-batch"
const sendChunk = 256
const message = () => common.message(size, frames)
const report = common.report

async function send(push) {
  const msg = message()
  if (batch) {
    const chunk = new Array(sendChunk).fill(msg)
    let left = count
    while (left >= sendChunk) {
      await push.sendMany(chunk)
      left -= sendChunk
    }
    if (left > 0) await push.sendMany(chunk.slice(0, left))
  } else {
    for (let i = 0; i < count; i++) await push.send(msg)
  }
}

// Times from the first message to the last, as libzmq's local_thr does.
async function receive(pull) {
  let received = 0
  let start = 0n
  if (batch) {
    while (received < count) {
      const messages = await pull.receiveMany(1024)
      if (received === 0) start = process.hrtime.bigint()
      received += messages.length
    }
  } else if (impl === "ours-into") {
    const buffer = Buffer.allocUnsafe(size)
    while (received < count) {
      const got = await pull.receiveInto(buffer)
      if (received === 0) start = process.hrtime.bigint()
      if (got !== size) throw new Error(`expected one frame of ${size} bytes, got ${got}`)
      received++
    }
  } else {
    for await (const msg of pull) {
      if (received === 0) start = process.hrtime.bigint()
      if (msg.length !== frames) throw new Error(`expected ${frames} frames, got ${msg.length}`)
      if (++received === count) break
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  // The first message is the clock's start: count the others, as local_thr does.
  const rate = (received - 1) / seconds
  return {count: received, seconds, rate, mbps: (rate * size * frames * 8) / 1e6}
}

async function echo(rep) {
  for (let i = 0; i < count; i++) {
    const [msg] = await rep.receive()
    await rep.send(msg)
  }
}

const {Histogram} = require("./histogram")

// Times each round trip (bench/histogram.js); latencyUs is the mean half round trip.
async function ask(req) {
  const msg = Buffer.alloc(size, 0x61)
  const histogram = new Histogram()
  const start = performance.now()
  let last = start
  for (let i = 0; i < count; i++) {
    await req.send(msg)
    await req.receive()
    const now = performance.now()
    histogram.add((now - last) * 1e6)
    last = now
  }
  const seconds = (last - start) / 1e3
  return {count, seconds, latencyUs: (seconds * 1e6) / count / 2, hist: histogram.toJSON()}
}

// Resolves when the driver closes our stdin (the receiver has counted).
function released() {
  return new Promise(resolve => {
    process.stdin.on("end", resolve).on("close", resolve).resume()
  })
}

async function bound(socket) {
  await socket.bind(endpoint)
  process.stdout.write("ready\n")
}

async function main() {
  const sockets = []
  // ours-busy: the opt-in low-latency mode, a receive spins up to ZMQN_BENCH_BUSY_POLL µs.
  const options =
    impl === "ours-busy" ? {busyPoll: Number(process.env.ZMQN_BENCH_BUSY_POLL || 100)} : undefined
  const open = Type => {
    const socket = new Type(options)
    sockets.push(socket)
    return socket
  }
  try {
    switch (role) {
      case "thr-recv": {
        const pull = open(zmq.Pull)
        await bound(pull)
        report(await receive(pull))
        break
      }
      case "thr-send": {
        const push = open(zmq.Push)
        push.connect(endpoint)
        await send(push)
        await released()
        break
      }
      case "thr-both": {
        const pull = open(zmq.Pull)
        const push = open(zmq.Push)
        await pull.bind(endpoint)
        push.connect(endpoint)
        const [result] = await Promise.all([receive(pull), send(push)])
        report(result)
        break
      }
      case "lat-rep": {
        const rep = open(zmq.Reply)
        await bound(rep)
        await echo(rep)
        await released()
        break
      }
      case "lat-req": {
        const req = open(zmq.Request)
        req.connect(endpoint)
        report(await ask(req))
        break
      }
      case "lat-both": {
        const rep = open(zmq.Reply)
        const req = open(zmq.Request)
        await rep.bind(endpoint)
        req.connect(endpoint)
        const [, result] = await Promise.all([echo(rep), ask(req)])
        report(result)
        break
      }
      default:
        throw new Error(`unknown role ${role}`)
    }
  } finally {
    for (const socket of sockets) {
      socket.linger = 0
      socket.close()
    }
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  },
)
