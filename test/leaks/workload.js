// The workload scripts/check-leaks runs under valgrind: opens and closes many sockets, moves
// small and large (zero-copy) frames both ways over inproc and tcp, uses the draft sockets'
// poller path, leaves some sockets to the garbage collector and some operations pending at
// close, then collects garbage and exits normally (so environment teardown runs too).
// Needs --expose-gc. Plain JS on dist/, so valgrind runs node without a TypeScript loader.
"use strict"
const {Worker} = require("node:worker_threads")
const zmq = require("../../dist")
const draft = require("../../dist/draft")

const rounds = Number(process.env.LEAK_ROUNDS ?? 40)
const small = Buffer.from("small frame")
const large = Buffer.alloc(64 * 1024, 0x5a) // above the zero-copy threshold

async function pairRound(i) {
  const a = new zmq.Pair({linger: 0})
  const b = new zmq.Pair({linger: 0})
  if (i % 2 === 0) {
    await a.bind(`inproc://leak-${i}`)
    b.connect(`inproc://leak-${i}`)
  } else {
    await a.bind("tcp://127.0.0.1:*")
    b.connect(a.lastEndpoint)
  }
  await a.send([small, large, "text", null])
  const [s, l] = await b.receive()
  if (!s.equals(small) || !l.equals(large)) throw new Error("corrupt frames")
  await b.send([l, s]) // a received zero-copy Buffer sent back out
  await a.receive()
  await a.sendMany([[small], [large], ["x"]])
  await b.receiveMany(3)
  // A receive pending when the socket closes.
  const pending = b.receive().catch(() => undefined)
  a.close()
  b.close()
  await pending
}

async function draftRound(i) {
  const server = new draft.Server({linger: 0})
  const client = new draft.Client({linger: 0})
  await server.bind(`inproc://leak-draft-${i}`)
  client.connect(`inproc://leak-draft-${i}`)
  await client.send(large)
  const [, {routingId}] = await server.receive()
  await server.send(small, {routingId})
  await client.receive()
  await server.send(small, {routingId: routingId + 1000}).catch(() => undefined) // EHOSTUNREACH
  const dish = new draft.Dish({linger: 0})
  dish.join("g", "h")
  dish.leave("h")
  dish.close()
  server.close()
  client.close()
}

function abandoned(i) {
  // Never closed: the garbage collector closes them.
  const push = new zmq.Push({linger: 0})
  push.connect(`tcp://127.0.0.1:${1 + (i % 1000)}`)
  new zmq.Pull({linger: 0})
}

// A worker environment torn down while libzmq may still hold its zero-copy buffers: they
// report back after the environment's release queue has stopped.
async function workerRound() {
  // A lost message fails loudly (EAGAIN) instead of hanging the check.
  const pull = new zmq.Pull({linger: 0, receiveTimeout: 60000})
  await pull.bind("tcp://127.0.0.1:*")
  const source = `
    const zmq = require(${JSON.stringify(require.resolve("../../dist"))})
    const push = new zmq.Push({linger: 1000})
    push.connect(${JSON.stringify(pull.lastEndpoint)})
    // close() before exiting: the push lingers in the shared context, which outlives the worker
    // (teardown would close it without lingering and drop what libzmq has not written yet).
    Promise.all([0, 1, 2, 3].map(() => push.send(Buffer.alloc(256 * 1024, 1)))).then(() => {
      push.close()
      process.exit(0)
    })
  `
  await new Promise((resolve, reject) => {
    const worker = new Worker(source, {eval: true})
    worker.on("error", reject)
    worker.on("exit", resolve)
  })
  await pull.receive()
  pull.close()
}

async function main() {
  await workerRound()
  for (let i = 0; i < rounds; i++) {
    await pairRound(i)
    await draftRound(i)
    abandoned(i)
  }
  const context = new zmq.Context()
  const inContext = new zmq.Dealer({context, linger: 0})
  inContext.connect("tcp://127.0.0.1:9")
  inContext.close()
  await context.close({timeout: 1000})
  for (let i = 0; i < 4; i++) {
    global.gc()
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  process.stdout.write(`workload done: ${rounds} rounds\n`)
}

main().catch(error => {
  process.stderr.write(`workload failed: ${error.stack}\n`)
  process.exit(1)
})
