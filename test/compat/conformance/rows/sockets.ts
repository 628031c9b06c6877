// What each standard socket type adds or refuses: subscriptions, Router and Stream routing ids,
// XPublisher/XSubscriber subscription messages, Router mandatory, and the methods a type lacks.
import type {Row} from "../table"

async function connected(zmq: any, t: any, server: string, client: string, transport = "inproc") {
  const a = t.track(new zmq[server]())
  const b = t.track(new zmq[client]())
  await a.bind(t.endpoint(transport))
  b.connect(a.lastEndpoint)
  return [a, b]
}

// Publisher→Subscriber delivery starts once the subscription has arrived: send until one gets
// through (each attempt is a real message), then what follows is deterministic.
async function synced(publisher: any, subscriber: any, topic: string | Buffer): Promise<void> {
  for (;;) {
    await publisher.send([topic, "sync"])
    await new Promise(resolve => setTimeout(resolve, 5))
    if (subscriber.readable) {
      while (subscriber.readable) await subscriber.receive()
      return
    }
  }
}

const subscriptionArguments: [string, unknown[]][] = [
  ["no prefix", []],
  ["a string", ["a"]],
  ["several strings", ["a", "b", "c"]],
  ["a Buffer", [Buffer.from([0xff, 0])]],
  ["an empty string", [""]],
  ["a number", [5]],
  ["null", [null]],
  ["an object", [{}]],
]

const absent: [string, string][] = [
  ["Pull", "send"],
  ["Push", "receive"],
  ["Publisher", "receive"],
  ["Subscriber", "send"],
  ["Pair", "join"],
]

export const socketRows: Row[] = [
  ...(["subscribe", "unsubscribe"] as const).flatMap(method =>
    subscriptionArguments.map(([what, args]): Row => ({
      name: `Subscriber.${method}: ${what}`,
      run: (zmq, t) => t.settle(() => t.track(new zmq.Subscriber())[method](...args)),
    })),
  ),
  {
    name: "Subscriber.subscribe on a closed socket",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Subscriber())
      socket.close()
      return t.settle(() => socket.subscribe("x"))
    },
  },
  {
    name: "Publisher/Subscriber: only subscribed topics arrive",
    run: async (zmq, t) => {
      const [publisher, subscriber] = await connected(zmq, t, "Publisher", "Subscriber")
      subscriber.subscribe("apple")
      await synced(publisher, subscriber, "apple")
      await publisher.send(["banana", "no"])
      await publisher.send(["apple", "yes"])
      return subscriber.receive()
    },
  },
  {
    name: "Publisher/Subscriber: a binary prefix",
    run: async (zmq, t) => {
      const [publisher, subscriber] = await connected(zmq, t, "Publisher", "Subscriber")
      subscriber.subscribe(Buffer.from([0xff]))
      await synced(publisher, subscriber, Buffer.from([0xff]))
      await publisher.send([Buffer.from([0xfe]), "no"])
      await publisher.send([Buffer.from([0xff, 1]), "yes"])
      return subscriber.receive()
    },
  },
  {
    name: "XPublisher receives subscription messages",
    run: async (zmq, t) => {
      const [xpub, sub] = await connected(zmq, t, "XPublisher", "Subscriber")
      sub.subscribe("topic")
      return xpub.receive()
    },
  },
  {
    name: "XSubscriber subscribes by sending",
    run: async (zmq, t) => {
      const [xpub, xsub] = await connected(zmq, t, "XPublisher", "XSubscriber")
      await xsub.send(Buffer.from([1, 0x61]))
      return xpub.receive()
    },
  },
  {
    name: "XPublisher.verbosity allSubs passes duplicate subscriptions",
    run: async (zmq, t) => {
      const xpub = t.track(new zmq.XPublisher())
      xpub.verbosity = "allSubs"
      const address = t.endpoint("inproc")
      await xpub.bind(address)
      const one = t.track(new zmq.Subscriber())
      const two = t.track(new zmq.Subscriber())
      one.connect(address)
      two.connect(address)
      one.subscribe("t")
      two.subscribe("t")
      return [await xpub.receive(), await xpub.receive()]
    },
  },
  {
    name: "Router: the first frame names the peer",
    run: async (zmq, t) => {
      const [router, dealer] = await connected(zmq, t, "Router", "Dealer")
      await dealer.send("hi")
      const [id, body] = await router.receive()
      await router.send([id, "back"])
      return [id.length, body, await dealer.receive()]
    },
  },
  {
    name: "Router.connect with a routingId",
    run: async (zmq, t) => {
      const dealer = t.track(new zmq.Router())
      const address = t.endpoint("inproc")
      await dealer.bind(address)
      const router = t.track(new zmq.Router())
      router.connect(address, {routingId: "peer-1"})
      await router.send(["peer-1", "x"])
      const [, body] = await dealer.receive()
      return body
    },
  },
  {
    name: "Router.connect: routingId of the wrong type",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Router()).connect("inproc://x", {routingId: 5})),
  },
  {
    name: "Router.connect: options not an object",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Router()).connect("inproc://x", 5)),
  },
  {
    name: "Router.connect: empty routingId",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Router()).connect("inproc://x", {routingId: ""})),
  },
  {
    name: "Router mandatory: send to an unknown peer",
    run: async (zmq, t) => {
      const router = t.track(new zmq.Router({mandatory: true}))
      await router.bind(t.endpoint("inproc"))
      return t.within(router.send(["nobody", "x"]), 300)
    },
    differs: {
      because: "v6-hangs",
      ours: {
        returns: {rejects: {class: "Error", code: "EHOSTUNREACH", errno: 113, message: "Host unreachable"}},
      },
    },
  },
  {
    name: "Router: send to an unknown peer is dropped",
    run: async (zmq, t) => {
      const router = t.track(new zmq.Router())
      await router.bind(t.endpoint("inproc"))
      return t.settle(() => router.send(["nobody", "x"]))
    },
  },
  {
    name: "Router.mandatory: reading it",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Router()).mandatory),
  },
  {
    name: "Stream: raw TCP, [routing id, data]",
    run: async (zmq, t) => {
      const stream = t.track(new zmq.Stream())
      await stream.bind("tcp://127.0.0.1:*")
      const net = require("node:net")
      const port = Number(stream.lastEndpoint.split(":").pop())
      const client = net.connect(port, "127.0.0.1")
      try {
        const [id, opened] = await stream.receive()
        client.write("ping")
        const [id2, data] = await stream.receive()
        return [opened.length, id.equals(id2), data]
      } finally {
        client.destroy()
      }
    },
  },
  {
    name: "Stream.connect: routingId",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Stream()).connect("tcp://127.0.0.1:1", {routingId: "s"})),
  },
  {
    name: "Stream.notify in the constructor",
    run: (zmq, t) => typeof t.track(new zmq.Stream({notify: false})),
  },
  {
    name: "Pull/Push over tcp",
    run: async (zmq, t) => {
      const [pull, push] = await connected(zmq, t, "Pull", "Push", "tcp")
      await push.send(["a", "b"])
      return pull.receive()
    },
  },
  {
    name: "Dealer/Dealer over ipc",
    run: async (zmq, t) => {
      const [a, b] = await connected(zmq, t, "Dealer", "Dealer", "ipc")
      await b.send("x")
      return a.receive()
    },
  },
  ...absent.map(([type, method]): Row => ({
    name: `${type} has no usable ${method}()`,
    run: (zmq, t) => {
      const socket = t.track(new zmq[type]())
      return typeof socket[method] === "function" ? t.settle(() => socket[method]("x")) : "absent"
    },
    differs: {because: "absent-methods", ours: {returns: "absent"}},
  })),
  {
    name: "Push has no async iterator",
    run: (zmq, t) => typeof t.track(new zmq.Push())[Symbol.asyncIterator],
    differs: {because: "absent-methods", ours: {returns: "undefined"}},
  },
]
