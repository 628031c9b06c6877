// PUSH/PULL pipeline, in the seed's order: start the result collector (sink), start the workers
// (separate processes), then start the producer. The producer's PUSH hands items round-robin to
// the connected workers; each worker pushes its result downstream to the sink, never back.
// At the end the sink publishes KILL on a control socket that each worker polls beside its work.
import * as zmq from "zmq-native"
import {fork, type ChildProcess} from "node:child_process"
import {once} from "node:events"
import * as path from "node:path"
import {setTimeout as delay} from "node:timers/promises"

const workerCount = 2
const items = 10

interface Result {
  consumer: number
  num: number
}

/** Resolves once `count` peers have completed their ZMTP handshake with `socket`. */
async function peersConnected(socket: zmq.Socket, count: number): Promise<void> {
  let connected = 0
  for await (const event of socket.events) {
    if (event.type === "handshake" && ++connected === count) return
  }
  throw new Error(`socket closed with ${connected} of ${count} peers connected`)
}

async function main(): Promise<void> {
  // 1. The result collector.
  const sink = new zmq.Pull()
  await sink.bind("tcp://127.0.0.1:*")
  // 3 (bound now so the workers know where to connect). The producer.
  const producer = new zmq.Push()
  // Its events are read from here on: one "handshake" per worker that connects.
  const workersConnected = peersConnected(producer, workerCount)
  await producer.bind("tcp://127.0.0.1:*")
  // The sink's control socket: KILL tells the workers to stop.
  const control = new zmq.Publisher()
  await control.bind("tcp://127.0.0.1:*")

  // 2. The workers, each its own Node.js process.
  const workers: ChildProcess[] = []
  try {
    for (let id = 0; id < workerCount; id++) {
      const args = [String(id), producer.lastEndpoint!, sink.lastEndpoint!, control.lastEndpoint!]
      workers.push(fork(path.join(__dirname, "worker.js"), args, {stdio: "inherit"}))
    }
    // PUSH hands items only to workers already connected: sent any earlier, they would all go
    // to the first worker. So the producer waits until every worker has connected.
    await workersConnected
    console.log(`producer: ${workerCount} workers connected`)

    console.log(`producer: sending ${items} work items`)
    for (let num = 0; num < items; num++) await zmq.sendJson(producer, {num})

    const done = new Map<number, number[]>()
    for (let received = 0; received < items; received++) {
      const result = await zmq.receiveJson<Result>(sink, {timeout: 10_000})
      console.log(`sink: ${JSON.stringify(result)}`)
      done.set(result.consumer, [...(done.get(result.consumer) ?? []), result.num])
    }
    for (const [consumer, nums] of [...done].sort((a, b) => a[0] - b[0])) {
      console.log(`sink: worker[${consumer}] processed items ${nums.join(", ")}`)
    }

    // 4. Stop the workers. A subscriber gets only what is published after its subscription
    // reached the publisher, so KILL is repeated until both workers have exited.
    const exited = Promise.all(
      workers.map(worker => (worker.exitCode === null ? once(worker, "exit") : null)),
    )
    let stopped = false
    void exited.then(() => (stopped = true))
    while (!stopped) {
      await control.send("KILL")
      await Promise.race([exited, delay(100)])
    }
    console.log("sink: workers stopped")
  } finally {
    // After a failure: disconnecting the IPC channel tells each worker to close its sockets and exit.
    await Promise.all(
      workers.map(async worker => {
        if (worker.exitCode !== null) return
        const exited = once(worker, "exit")
        worker.disconnect()
        await exited
      }),
    )
    sink.close()
    producer.close()
    control.close()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
