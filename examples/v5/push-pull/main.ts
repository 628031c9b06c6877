// PUSH/PULL pipeline in zeromq v5 style, in the seed's order: the result collector (sink), then
// the workers (separate processes), then the producer. The producer's PUSH hands items
// round-robin to the connected workers; each worker pushes its result on to the sink.
import * as zmq from "zmq-native/v5-compat"
import {fork, type ChildProcess} from "node:child_process"
import * as path from "node:path"

const workerCount = 2
const items = 10

// 1. The result collector.
const sink = zmq.socket("pull")
sink.bindSync("tcp://127.0.0.1:*")
// 3 (bound now so the workers know where to connect). The producer, watching its connections.
const producer = zmq.socket("push")
producer.monitor()
producer.bindSync("tcp://127.0.0.1:*")

// 2. The workers, each its own Node.js process.
const workers: ChildProcess[] = []
for (let id = 0; id < workerCount; id++) {
  const args = [String(id), producer.last_endpoint!, sink.last_endpoint!]
  workers.push(fork(path.join(__dirname, "worker.js"), args, {stdio: "inherit"}))
}

// PUSH hands items only to workers already connected: sent any earlier, they would all go to
// the first worker. So the producer waits until every worker has connected.
let connected = 0
producer.on("accept", () => {
  if (++connected < workerCount) return
  producer.unmonitor()
  console.log(`producer: ${workerCount} workers connected`)
  console.log(`producer: sending ${items} work items`)
  for (let num = 0; num < items; num++) producer.send(JSON.stringify({num}))
})

const done = new Map<number, number[]>()
let results = 0
sink.on("message", (frame: Buffer) => {
  console.log(`sink: ${frame}`)
  const {consumer, num} = JSON.parse(frame.toString()) as {consumer: number; num: number}
  done.set(consumer, [...(done.get(consumer) ?? []), num])
  if (++results < items) return
  for (const [id, nums] of [...done].sort((a, b) => a[0] - b[0])) {
    console.log(`sink: worker[${id}] processed items ${nums.join(", ")}`)
  }
  // Disconnecting the IPC channel tells each worker to close its sockets and exit.
  for (const worker of workers) worker.disconnect()
  sink.close()
  producer.close()
})
