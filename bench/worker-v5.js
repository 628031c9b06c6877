#!/usr/bin/env node
// One v5-compat benchmark role in one process, driven by bench/run.js, written as a
// zeromq v5 program would be (callbacks and "message" events):
//   node bench/worker-v5.js <impl> <role> <endpoint> <size> <count> <frames>
// impl: ours-v5 (zmq-native/v5-compat) or zeromq-v5 (zeromq@6's zeromq/v5-compat).
// role: thr-recv, thr-send, lat-rep, lat-req. Receivers (and lat-rep) print "ready" once
// bound; the measuring side prints one JSON line. Senders stay open until stdin closes.
"use strict"

const path = require("node:path")
const {workerArguments, ours, message, report} = require("./common")

const {impl, role, endpoint, size, count, frames} = workerArguments()
const zmq = impl === "zeromq-v5" ? require("zeromq/v5-compat") : require(path.resolve(ours, "v5-compat"))
// Messages sent per turn of the event loop: the next burst starts from the last one's callback.
const burst = 1000

function released(then) {
  process.stdin.on("end", then).on("close", then).resume()
}

function finish(sockets) {
  for (const socket of sockets) {
    socket.linger = 0
    socket.close()
  }
  process.exit(0)
}

function bound(socket, then) {
  socket.bind(endpoint, error => {
    if (error) throw error
    process.stdout.write("ready\n")
    then()
  })
}

switch (role) {
  case "thr-recv": {
    const pull = zmq.socket("pull")
    let received = 0
    let start = 0n
    pull.on("message", (...parts) => {
      if (received === 0) start = process.hrtime.bigint()
      if (parts.length !== frames) throw new Error(`expected ${frames} frames, got ${parts.length}`)
      if (++received < count) return
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      const rate = (received - 1) / seconds
      report({count: received, seconds, rate, mbps: (rate * size * frames * 8) / 1e6})
      finish([pull])
    })
    bound(pull, () => {})
    break
  }
  case "thr-send": {
    const push = zmq.socket("push")
    push.connect(endpoint)
    const msg = message(size, frames)
    let sent = 0
    const next = () => {
      const last = Math.min(count, sent + burst)
      while (sent < last - 1) {
        push.send(msg)
        sent++
      }
      sent++
      push.send(msg, 0, sent < count ? () => setImmediate(next) : undefined)
    }
    next()
    released(() => finish([push]))
    break
  }
  case "lat-rep": {
    const rep = zmq.socket("rep")
    rep.on("message", msg => rep.send(msg))
    bound(rep, () => {})
    released(() => finish([rep]))
    break
  }
  case "lat-req": {
    const req = zmq.socket("req")
    req.connect(endpoint)
    const msg = Buffer.alloc(size, 0x61)
    let done = 0
    const start = process.hrtime.bigint()
    req.on("message", () => {
      if (++done < count) return void req.send(msg)
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      report({count, seconds, latencyUs: (seconds * 1e6) / count / 2})
      finish([req])
    })
    req.send(msg)
    break
  }
  default:
    throw new Error(`unknown role ${role}`)
}
