// The draft socket types zeromq v6 has (zeromq/draft): Server/Client routing ids, Radio/Dish
// groups (binary ones byte for byte), Scatter/Gather, Datagram, and their bad inputs.
import type {Row} from "../table"

async function connected(zmq: any, t: any, server: string, client: string) {
  const a = t.track(new zmq.draft[server]())
  const b = t.track(new zmq.draft[client]())
  const address = t.endpoint("inproc")
  await a.bind(address)
  b.connect(address)
  return [a, b]
}

// Radio→Dish delivery starts once the join has arrived (as for subscriptions).
async function joined(radio: any, dish: any, group: string | Buffer): Promise<void> {
  for (;;) {
    await radio.send("sync", {group})
    await new Promise(resolve => setTimeout(resolve, 5))
    if (dish.readable) {
      while (dish.readable) await dish.receive()
      return
    }
  }
}

const groups: [string, () => string | Buffer][] = [
  ["a string group", () => "news"],
  ["a non-ASCII string group", () => "grüße"],
  ["a binary Buffer group", () => Buffer.from([0xff, 0xfe, 0x80])],
  ["a 255-byte group", () => "g".repeat(255)],
]

export const draftRows: Row[] = [
  {
    name: "Server/Client: a round trip with the routing id",
    run: async (zmq, t) => {
      const [server, client] = await connected(zmq, t, "Server", "Client")
      await client.send("hi")
      const [body, {routingId}] = await server.receive()
      await server.send("back", {routingId})
      return [body, typeof routingId, await client.receive()]
    },
  },
  {
    name: "Server.send: no options",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Server()).send("x")),
  },
  {
    name: "Server.send: routingId not a number",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Server()).send("x", {routingId: "x"})),
  },
  {
    name: "Server.send: an unknown routingId",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Server()).send("x", {routingId: 12345})),
  },
  {
    name: "Client.send: a multipart message",
    run: (zmq, t) => t.within(t.track(new zmq.draft.Client()).send(["a", "b"]), 300),
    differs: {
      because: "v6-hangs",
      ours: {returns: {rejects: {class: "TypeError", message: expect.stringContaining("multipart")}}},
    },
  },
  {
    name: "Client.send: one frame in an array",
    run: async (zmq, t) => {
      const [server, client] = await connected(zmq, t, "Server", "Client")
      await client.send(["one"])
      const [body] = await server.receive()
      return body
    },
  },
  ...groups.map(([what, group]): Row => ({
    name: `Radio/Dish: ${what} arrives byte for byte`,
    run: async (zmq, t) => {
      const [radio, dish] = await connected(zmq, t, "Radio", "Dish")
      dish.join(group())
      await joined(radio, dish, group())
      await radio.send("payload", {group: group()})
      return dish.receive()
    },
  })),
  {
    name: "Dish.join: a group over 255 bytes",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Dish()).join("g".repeat(256))),
  },
  {
    name: "Dish.join: a number",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Dish()).join(5)),
  },
  {
    name: "Dish.join: several groups",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Dish()).join("a", "b", Buffer.from("c"))),
  },
  {
    name: "Dish.join: no group",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Dish()).join()),
  },
  {
    name: "Dish.leave: a group not joined",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Dish()).leave("never")),
  },
  {
    name: "Dish.leave: a group joined",
    run: (zmq, t) => {
      const dish = t.track(new zmq.draft.Dish())
      dish.join("g")
      return t.settle(() => dish.leave("g"))
    },
  },
  {
    name: "Dish.join: on a closed socket",
    run: (zmq, t) => {
      const dish = t.track(new zmq.draft.Dish())
      dish.close()
      return t.settle(() => dish.join("g"))
    },
  },
  {
    name: "Radio.send: no options",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Radio()).send("x")),
  },
  {
    name: "Radio.send: group of the wrong type",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Radio()).send("x", {group: 5})),
  },
  {
    name: "Radio.send: a group over 255 bytes",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Radio()).send("x", {group: "g".repeat(256)})),
  },
  {
    name: "Radio.send: no peer drops the message",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Radio()).send("x", {group: "g"})),
  },
  {
    name: "Scatter/Gather: a message",
    run: async (zmq, t) => {
      const [gather, scatter] = await connected(zmq, t, "Gather", "Scatter")
      await scatter.send("work")
      return gather.receive()
    },
  },
  {
    name: "Datagram: bind to udp",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.draft.Datagram())
      return t.settle(() => socket.bind(t.endpoint("udp")))
    },
  },
  {
    name: "Datagram: bind to tcp",
    run: (zmq, t) => t.settle(() => t.track(new zmq.draft.Datagram()).bind("tcp://127.0.0.1:*")),
  },
  {
    name: "draft sockets are thread-safe",
    run: (zmq, t) =>
      ["Server", "Client", "Radio", "Dish", "Gather", "Scatter", "Datagram"].map(
        type => t.track(new zmq.draft[type]()).threadSafe,
      ),
  },
]
