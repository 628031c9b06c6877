// ROUTER/DEALER: a load-balancing broker. Clients (REQ) connect to the broker's frontend ROUTER;
// workers (DEALER) connect to its backend ROUTER and announce themselves with "READY". The
// broker hands each request to a worker that is idle, and routes the reply back to the client
// by the routing-id frames that ROUTER sockets put in front of every message.
import * as zmq from "zmq-native"
import {setTimeout as delay} from "node:timers/promises"

const clientCount = 3
const requestsPerClient = 3
const workerCount = 2
const totalRequests = clientCount * requestsPerClient

class Broker {
  readonly frontend = new zmq.Router()
  readonly backend = new zmq.Router()
  private readonly idle: Buffer[] = []
  private wakeFrontend: (() => void) | undefined

  async bind(): Promise<void> {
    await this.frontend.bind("tcp://127.0.0.1:*")
    await this.backend.bind("tcp://127.0.0.1:*")
  }

  /** Workers' messages: [worker id, "READY"] or [worker id, client id, reply]. */
  private async serveBackend(): Promise<void> {
    for (let replies = 0; replies < totalRequests;) {
      const [worker, ...rest] = await this.backend.receive()
      this.idle.push(worker)
      this.wakeFrontend?.()
      if (rest.length === 1) {
        console.log(`broker: ${worker.toString()} is ready`)
        continue
      }
      const [client, reply] = rest
      await this.frontend.send([client, "", reply])
      replies++
    }
  }

  /** Clients' requests: [client id, "", request]; taken only while some worker is idle. */
  private async serveFrontend(): Promise<void> {
    for (let requests = 0; requests < totalRequests; requests++) {
      while (this.idle.length === 0) await new Promise<void>(resolve => (this.wakeFrontend = resolve))
      const [client, , request] = await this.frontend.receive()
      const worker = this.idle.shift()!
      console.log(`broker: ${client.toString()} "${request.toString()}" -> ${worker.toString()}`)
      await this.backend.send([worker, client, request])
    }
  }

  run(): Promise<unknown> {
    return Promise.all([this.serveBackend(), this.serveFrontend()])
  }

  close(): void {
    this.frontend.close()
    this.backend.close()
  }
}

async function worker(socket: zmq.Dealer, id: number): Promise<number> {
  let handled = 0
  await socket.send("READY")
  // Ends when the socket is closed at the end of the example.
  for await (const [client, request] of socket) {
    await delay(20 * (id + 1)) // worker-1 is slower: the broker gives it fewer requests
    await socket.send([client, `${request.toString()} done by worker-${id}`])
    handled++
  }
  return handled
}

async function client(socket: zmq.Request, id: number): Promise<void> {
  for (let i = 0; i < requestsPerClient; i++) {
    await socket.send(`request ${i} from client-${id}`)
    const [reply] = await socket.receive()
    console.log(`client-${id}: ${reply.toString()}`)
  }
}

async function main(): Promise<void> {
  const broker = new Broker()
  const workers = Array.from({length: workerCount}, (_, id) => new zmq.Dealer({routingId: `worker-${id}`}))
  const clients = Array.from({length: clientCount}, (_, id) => new zmq.Request({routingId: `client-${id}`}))
  try {
    await broker.bind()
    for (const socket of workers) socket.connect(broker.backend.lastEndpoint!)
    for (const socket of clients) socket.connect(broker.frontend.lastEndpoint!)

    const working = workers.map((socket, id) => worker(socket, id))
    await Promise.all([broker.run(), ...clients.map((socket, id) => client(socket, id))])
    for (const socket of workers) socket.close()
    const handled = await Promise.all(working)
    handled.forEach((count, id) => console.log(`worker-${id} handled ${count} requests`))
  } finally {
    broker.close()
    for (const socket of [...workers, ...clients]) socket.close()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
