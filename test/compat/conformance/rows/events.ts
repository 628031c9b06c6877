// Socket events: the Observer (construction, receive, close, listener mode and its exclusivity
// with receive) and every event v6 reports, with its address and error (class, code, errno,
// message).
import {binding} from "../../../../lib/native"
import type {Row} from "../table"

/** Events read with receive() until one of type `last` (inclusive), as comparable data. */
async function until(observer: any, last: string): Promise<unknown[]> {
  const seen: unknown[] = []
  for (;;) {
    const event = await observer.receive()
    const {type, address, error} = event
    const entry: Record<string, unknown> = {type}
    if (address !== undefined) entry.address = typeof address
    if ("interval" in event) entry.interval = typeof event.interval
    if (error !== undefined) entry.error = error
    seen.push(entry)
    if (type === last) return seen
  }
}

/** The first event of `type`, by receive(). */
async function first(observer: any, type: string): Promise<any> {
  for (;;) {
    const event = await observer.receive()
    if (event.type === type) return event
  }
}

// A PLAIN handshake judged by a ZAP handler that answers every request with `answer(request)`
// (the handler's endpoint name is fixed, so it gets a context of its own); resolves with the
// server's first event of `type`.
async function zapHandshake(
  zmq: any,
  t: any,
  answer: (request: Buffer[]) => unknown[],
  type: string,
): Promise<any> {
  const context = new zmq.Context()
  const handler = t.socket("Router", {context})
  await handler.bind("inproc://zeromq.zap.01")
  void (async () => {
    for await (const request of handler) await handler.send(answer(request))
  })()
  const server = t.socket("Pull", {context, plainServer: true})
  const events = server.events
  await server.bind("tcp://127.0.0.1:*")
  t.socket("Push", {plainUsername: "u", plainPassword: "p"}).connect(server.lastEndpoint)
  return first(events, type)
}

// A ZAP reply: routing id, empty frame, version, request id, then the status and its text.
const refuse =
  (status: string) =>
  ([id, empty, version, requestId]: Buffer[]): unknown[] => [
    id,
    empty,
    version,
    requestId,
    status,
    "no",
    "",
    "",
  ]

export const eventRows: Row[] = [
  {name: "new Observer(): no socket", run: zmq => new zmq.Observer()},
  {name: "new Observer(5)", run: zmq => new zmq.Observer(5)},
  {
    name: "new Observer({})",
    run: zmq => new zmq.Observer({}),
    // v6's Error "Invalid argument", with a code.
    differs: {
      because: "coded-errors",
      ours: {
        throws: {class: "Error", message: "Invalid argument", code: "EINVAL", errno: binding.errnos.EINVAL},
      },
    },
  },
  {
    name: "new Observer(socket)",
    run: (zmq, t) => {
      const socket = t.socket("Pair")
      const observer = new zmq.Observer(socket)
      const result = [observer.constructor.name, observer.closed, observer === socket.events]
      observer.close()
      return [...result, observer.closed]
    },
  },
  {
    name: "new Observer(closed socket)",
    run: (zmq, t) => {
      const socket = t.socket("Pair")
      socket.close()
      return new zmq.Observer(socket)
    },
  },
  {
    name: "Observer.receive: after close",
    run: (zmq, t) => {
      const observer = t.socket("Pair").events
      observer.close()
      return t.settle(() => observer.receive())
    },
  },
  {
    name: "Observer.close: twice",
    run: (zmq, t) => {
      const observer = t.socket("Pair").events
      observer.close()
      return t.settle(() => observer.close())
    },
  },
  {
    name: "Observer: the socket's close ends it with 'end'",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      const observer = socket.events
      socket.close()
      return [await observer.receive(), observer.closed, await t.settle(() => observer.receive())]
    },
  },
  {
    name: "Observer.receive: a second receive while one waits",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      const observer = socket.events
      // Settled from the start: a rejection while the second waits is an outcome, not unhandled.
      const firstReceive = t.settle(() => observer.receive())
      const second = await t.within(observer.receive(), 100)
      socket.close()
      return [second, await firstReceive]
    },
    differs: {
      because: "queue-not-ebusy",
      ours: {returns: [{pending: true}, {resolves: {type: "end"}}]},
    },
  },
  {
    name: "Observer.on: returns",
    run: (zmq, t) => {
      const observer = t.socket("Pair").events
      const returned = observer.on("bind", () => undefined)
      return [typeof returned.on, typeof returned.off]
    },
    isolated: true,
  },
  {
    name: "Observer.on: then receive",
    run: (zmq, t) => {
      const observer = t.socket("Pair").events
      observer.on("bind", () => undefined)
      return t.settle(() => observer.receive())
    },
    isolated: true,
    // v6's words, with a code.
    differs: {
      because: "coded-errors",
      ours: {
        returns: {
          throws: {
            class: "Error",
            message:
              "Observer is in event emitter mode. After a call to events.on() it is not possible to read events with events.receive().",
            code: "EBUSY",
            errno: binding.errnos.EBUSY,
          },
        },
      },
    },
  },
  {
    name: "Observer.on: an unknown event type",
    run: async (zmq, t) => {
      const outcome: any = await t.settle(() => t.socket("Pair").events.on("nonsense", () => undefined))
      return "returns" in outcome ? typeof outcome.returns : outcome
    },
    isolated: true,
  },
  {
    name: "Observer.on: a listener that is not a function",
    run: (zmq, t) => t.settle(() => t.socket("Pair").events.on("bind", 5)),
    isolated: true,
  },
  {
    name: "Observer.on: while a receive waits",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      const observer = socket.events
      const pending = t.settle(() => observer.receive())
      const on = await t.settle(() => observer.on("bind", () => undefined))
      socket.close()
      return [on, await pending]
    },
    differs: {
      because: "v6-crashes",
      ours: {
        returns: [
          {
            throws: {
              class: "Error",
              code: "EBUSY",
              errno: 16,
              message: "Observer is busy reading; only one receive operation may be in progress at any time",
            },
          },
          {resolves: {type: "end"}},
        ],
      },
    },
  },
  {
    name: "Observer.on: listeners get the events",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      const seen: string[] = []
      const bound = new Promise(resolve => socket.events.on("bind", (event: any) => resolve(event)))
      socket.events.on("bind", () => seen.push("second listener"))
      await socket.bind("tcp://127.0.0.1:*")
      const event: any = await bound
      await new Promise(resolve => setImmediate(resolve))
      return [event.type, event.address === socket.lastEndpoint, seen]
    },
    isolated: true,
  },
  {
    name: "Observer.off: the listener is not called",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      let called = 0
      const listener = () => called++
      socket.events.on("bind", listener)
      socket.events.off("bind", listener)
      const bound = new Promise(resolve => socket.events.on("bind", resolve))
      await socket.bind("tcp://127.0.0.1:*")
      await bound
      return called
    },
    isolated: true,
  },
  {
    name: "Observer: for await ends with the socket",
    run: async (zmq, t) => {
      const socket = t.socket("Pair")
      const types: string[] = []
      const events = socket.events
      await socket.bind("tcp://127.0.0.1:*")
      for await (const event of events) {
        types.push(event.type)
        if (event.type === "bind") socket.close()
      }
      return types
    },
  },
  {
    name: "event: bind",
    run: async (zmq, t) => {
      const socket = t.socket("Pull")
      const events = socket.events
      await socket.bind("tcp://127.0.0.1:*")
      const event = await first(events, "bind")
      return [event, event.address === socket.lastEndpoint]
    },
  },
  {
    name: "event: bind:error (address in use)",
    run: async (zmq, t) => {
      const a = t.socket("Pull")
      await a.bind("tcp://127.0.0.1:*")
      const b = t.socket("Pull")
      const observer = b.events
      await b.bind(a.lastEndpoint).catch(() => undefined)
      return t.within(first(observer, "bind:error"), 300)
    },
  },
  {
    name: "event: accept and connect and handshake",
    run: async (zmq, t) => {
      const pull = t.socket("Pull")
      await pull.bind("tcp://127.0.0.1:*")
      const push = t.socket("Push")
      const server = until(pull.events, "handshake")
      const client = until(push.events, "handshake")
      push.connect(pull.lastEndpoint)
      return [await server, await client]
    },
  },
  {
    name: "event: connect:delay, close and connect:retry",
    run: async (zmq, t) => {
      const push = t.socket("Push", {reconnectInterval: 10})
      push.connect("tcp://127.0.0.1:1")
      return until(push.events, "connect:retry")
    },
  },
  {
    name: "event: disconnect when the peer goes",
    run: async (zmq, t) => {
      const pull = t.socket("Pull")
      const events = pull.events
      await pull.bind("tcp://127.0.0.1:*")
      const push = t.socket("Push")
      push.connect(pull.lastEndpoint)
      await first(events, "handshake")
      push.close()
      const event = await first(events, "disconnect")
      return [event.type, typeof event.address]
    },
  },
  {
    name: "event: close on unbind",
    run: async (zmq, t) => {
      const pull = t.socket("Pull")
      const events = pull.events
      await pull.bind("tcp://127.0.0.1:*")
      await first(events, "bind")
      await pull.unbind(pull.lastEndpoint)
      const event = await first(events, "close")
      return [event.type, typeof event.address]
    },
  },
  ...["300", "400", "500"].map((status): Row => ({
    name: `event: handshake:error:auth (ZAP status ${status})`,
    run: async (zmq, t) => {
      const event = await zapHandshake(zmq, t, refuse(status), "handshake:error:auth")
      return [event.type, typeof event.address, event.error]
    },
  })),
  {
    name: "event: handshake:error:protocol (ZAP reply malformed)",
    run: async (zmq, t) => {
      const event = await zapHandshake(
        zmq,
        t,
        ([id, empty]) => [id, empty, "9.9"],
        "handshake:error:protocol",
      )
      return [event.type, typeof event.address, event.error]
    },
  },
  {
    name: "event: handshake:error:protocol (mechanism mismatch)",
    run: async (zmq, t) => {
      const server = t.socket("Pull", {plainServer: true})
      const events = server.events
      await server.bind("tcp://127.0.0.1:*")
      const client = t.socket("Push")
      client.connect(server.lastEndpoint)
      return (await first(events, "handshake:error:protocol")).error
    },
  },
  {
    name: "event: handshake:error:protocol (garbage greeting)",
    run: async (zmq, t) => {
      const server = t.socket("Pull")
      await server.bind("tcp://127.0.0.1:*")
      const net = require("node:net")
      const port = Number(server.lastEndpoint.split(":").pop())
      const client = net.connect(port, "127.0.0.1")
      client.on("error", () => undefined)
      client.write(
        Buffer.from([0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0, ...Buffer.from("BOGUS"), ...Buffer.alloc(59)]),
      )
      try {
        return await t.within(until(server.events, "handshake:error:protocol"), 1000)
      } finally {
        client.destroy()
      }
    },
  },
  {
    name: "event: end, on close",
    run: async (zmq, t) => {
      const socket = t.socket("Pull")
      const observer = socket.events
      socket.close()
      return until(observer, "end")
    },
  },
]
