// monitor() over real connections: v5's event names, in libzmq's order, with v5's arguments
// (value, endpoint, error) — the same as zeromq@6's v5-compat gives for the same scenario.
import {once} from "node:events"
import {bindAddress, ours, theirs, type V5, type V5Socket} from "./helpers"
import {monitorEventNames} from "../../lib/v5/monitor"
import {freeTcpPort} from "../helpers"

type Recorded = [name: string, value: unknown, address: unknown, error: unknown]

// Where a test socket listens: a tcp port the kernel picked, an ipc path of this run.
const endpointPattern = /tcp:\/\/127\.0\.0\.1:\d+|127\.0\.0\.1:\d+|ipc:\/\/\S+/

/** Records every monitor event of `socket`, its endpoint written as "<endpoint>". */
function record(socket: V5Socket): Recorded[] {
  const events: Recorded[] = []
  for (const name of monitorEventNames) {
    socket.on(name, (value: unknown, address: unknown, error: unknown, ...more: unknown[]) => {
      expect(more).toEqual([])
      events.push([
        name,
        // Reconnect intervals carry libzmq's random jitter: their type is what compares.
        name === "connect_retry" ? typeof value : value,
        typeof address === "string" ? address.replace(endpointPattern, "<endpoint>") : address,
        // zeromq's errors come from another realm than jest's: no instanceof.
        typeof error === "object" && error !== null
          ? {
              name: (error as Error).name,
              message: (error as Error).message,
              code: (error as any).code,
              errno: (error as any).errno,
            }
          : error,
      ])
    })
  }
  return events
}

/** Resolves once `socket` emitted `name` (the listener is in place before anything happens). */
function when(socket: V5Socket, name: string): Promise<unknown[]> {
  return once(socket, name)
}

// A REP server and a REQ client: bind, connect, one request, the client leaves, the server
// closes. Returns each side's events.
async function lifecycle(
  zmq: V5,
  transport: "tcp" | "ipc",
): Promise<{server: Recorded[]; client: Recorded[]}> {
  const rep = zmq.socket("rep")
  const req = zmq.socket("req")
  const server = record(rep)
  const client = record(req)
  rep.monitor()
  req.monitor()
  const listening = when(rep, "listen")
  await new Promise<void>((resolve, reject) =>
    rep.bind(bindAddress(transport), error => (error ? reject(error) : resolve())),
  )
  await listening
  const accepted = when(rep, "accept")
  const connected = when(req, "connect")
  req.connect(rep.last_endpoint!)
  await Promise.all([accepted, connected])
  rep.on("message", () => rep.send("world"))
  const reply = once(req, "message")
  req.send("hello")
  await reply
  const disconnected = when(rep, "disconnect")
  req.close()
  await disconnected
  const closed = when(rep, "close")
  rep.close()
  await closed
  return {server, client}
}

describe.each(["tcp", "ipc"] as const)("over %s", transport => {
  it("emits listen, accept, connect, disconnect and close for a real connection", async () => {
    const {server, client} = await lifecycle(ours, transport)
    expect(server).toEqual([
      ["listen", undefined, "<endpoint>", undefined],
      ["accept", undefined, "<endpoint>", undefined],
      ["disconnect", undefined, "<endpoint>", undefined],
      ["close", undefined, "<endpoint>", undefined],
    ])
    expect(client.map(([name]) => name)).toEqual(
      transport === "tcp" ? ["connect_delay", "connect"] : expect.arrayContaining(["connect"]),
    )
  })

  it("gives the same events, order and arguments as zeromq's v5-compat", async () => {
    const mine = await lifecycle(ours, transport)
    const reference = await lifecycle(theirs, transport)
    expect(mine).toEqual(reference)
  })
})

describe("failures", () => {
  const made: V5Socket[] = []
  afterEach(() => {
    for (const socket of made.splice(0)) socket.close()
  })

  // A connect to a port nobody listens on: libzmq retries, and says so.
  async function retries(zmq: V5): Promise<Recorded[]> {
    const endpoint = `tcp://127.0.0.1:${await freeTcpPort()}`
    const push = zmq.socket("push")
    made.push(push)
    const events = record(push)
    push.monitor()
    const retried = when(push, "connect_retry")
    push.connect(endpoint)
    await retried
    return events.slice(0, 3)
  }

  it("connect_retry carries the reconnect interval, after connect_delay and close", async () => {
    const mine = await retries(ours)
    expect(mine).toEqual([
      ["connect_delay", undefined, "<endpoint>", undefined],
      ["close", undefined, "<endpoint>", undefined],
      ["connect_retry", "number", "<endpoint>", undefined],
    ])
    expect(mine).toEqual(await retries(theirs))
  })

  // A bind to a port in use: the callback gets the error, and the monitor reports bind_error.
  async function bindError(zmq: V5): Promise<{callback: unknown; events: Recorded[]}> {
    const holder = zmq.socket("pull")
    made.push(holder)
    holder.bindSync("tcp://127.0.0.1:*")
    const endpoint = holder.last_endpoint!
    const pull = zmq.socket("pull")
    made.push(pull)
    const events = record(pull)
    pull.monitor()
    const failed = when(pull, "bind_error")
    const error = await new Promise<unknown>(resolve => pull.bind(endpoint, resolve))
    await failed
    const {message, code, errno, address} = error as any
    return {callback: {message, code, errno, address: address.replace(endpointPattern, "<endpoint>")}, events}
  }

  it("a failed bind gives its callback EADDRINUSE and emits bind_error with the errno", async () => {
    const mine = await bindError(ours)
    expect(mine.callback).toEqual({
      message: "Address already in use",
      code: "EADDRINUSE",
      errno: 98,
      address: "<endpoint>",
    })
    expect(mine.events).toContainEqual([
      "bind_error",
      98,
      "<endpoint>",
      {name: "Error", message: "Address already in use", code: "EADDRINUSE", errno: 98},
    ])
    expect(mine).toEqual(await bindError(theirs))
  })

  it("unmonitor() stops the events; monitor() starts them again", async () => {
    const pull = ours.socket("pull")
    made.push(pull)
    const events = record(pull)
    pull.monitor()
    const first = when(pull, "listen")
    pull.bindSync("tcp://127.0.0.1:*")
    await first
    pull.unmonitor()
    // Bound while not monitored: no event; the next listen is the second bind's.
    pull.bindSync("tcp://127.0.0.1:*")
    pull.monitor(10, 0)
    // The unbind's close comes from libzmq's I/O thread, the bind's listen from this one: either
    // may come first.
    const closed = when(pull, "close")
    const second = when(pull, "listen")
    pull.unbindSync(pull.last_endpoint!)
    pull.bindSync("tcp://127.0.0.1:*")
    await Promise.all([closed, second])
    expect(events.map(([name]) => name).sort()).toEqual(["close", "listen", "listen"])
    expect(events[0][0]).toBe("listen")
  })
})
