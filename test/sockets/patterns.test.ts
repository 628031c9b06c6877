// Every standard socket type in its pattern, over tcp, ipc and inproc.
import * as zmq from "../../lib"
import {closeAfterEach} from "../helpers"
import {bindAddress, link, text, transports, type Transport} from "./helpers"

describe.each(transports)("patterns over %s", (transport: Transport) => {
  const use = closeAfterEach()

  it("Pair: both directions, multipart", async () => {
    const a = use(new zmq.Pair())
    const b = use(new zmq.Pair())
    await link(transport, a, b)
    await b.send(["one", "two", "three"])
    expect(text(await a.receive())).toEqual(["one", "two", "three"])
    await a.send("back")
    expect(text(await b.receive())).toEqual(["back"])
  })

  it("Request/Reply: strict alternation", async () => {
    const reply = use(new zmq.Reply())
    const request = use(new zmq.Request())
    await link(transport, reply, request)
    for (let i = 0; i < 3; i++) {
      await request.send(`ping ${i}`)
      expect(text(await reply.receive())).toEqual([`ping ${i}`])
      await reply.send([`pong ${i}`, "more"])
      expect(text(await request.receive())).toEqual([`pong ${i}`, "more"])
    }
  })

  it("Push/Pull: in order", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link(transport, pull, push)
    const sent = Array.from({length: 100}, (_, i) => `m${i}`)
    await Promise.all(sent.map(m => push.send(m)))
    const received: string[] = []
    while (received.length < sent.length) received.push((await pull.receive())[0].toString())
    expect(received).toEqual(sent)
  })

  it("Publisher/Subscriber: prefix filters and unsubscribe", async () => {
    const pub = use(new zmq.Publisher())
    const sub = use(new zmq.Subscriber())
    await link(transport, pub, sub)
    sub.subscribe("a", Buffer.from("b"))
    await syncSubscription(pub, sub, "sync1")
    await pub.send(["apple", "1"])
    await pub.send(["banana", "2"])
    await pub.send(["cherry", "3"])
    await pub.send(["avocado", "4"])
    expect(text(await sub.receive())).toEqual(["apple", "1"])
    expect(text(await sub.receive())).toEqual(["banana", "2"])
    expect(text(await sub.receive())).toEqual(["avocado", "4"])

    // Subscriptions travel in order: once sync2 arrives, "a" is gone at the publisher too.
    sub.unsubscribe("a")
    await syncSubscription(pub, sub, "sync2")
    await pub.send("apricot")
    await pub.send("blueberry")
    expect(text(await sub.receive())).toEqual(["blueberry"])
  })

  it("Dealer/Router: routing ids, replies reach the right peer", async () => {
    const router = use(new zmq.Router())
    const d1 = use(new zmq.Dealer({routingId: "d1"}))
    const d2 = use(new zmq.Dealer({routingId: "d2"}))
    const endpoint = await link(transport, router, d1)
    d2.connect(endpoint)
    await d1.send("from 1")
    await d2.send("from 2")
    const got = [text(await router.receive()), text(await router.receive())].sort()
    expect(got).toEqual([
      ["d1", "from 1"],
      ["d2", "from 2"],
    ])
    await router.send(["d2", "to 2"])
    await router.send(["d1", "to 1"])
    expect(text(await d1.receive())).toEqual(["to 1"])
    expect(text(await d2.receive())).toEqual(["to 2"])
  })

  it.each([
    ["string", "server", "client"],
    ["Buffer", Buffer.from([0xff, 0x00, 0x80]), Buffer.from([0xfe, 0x01])],
  ])("Router connect(address, {routingId}) with a %s id", async (_kind, serverId, clientId) => {
    const server = use(new zmq.Router({mandatory: true}))
    const client = use(new zmq.Router({mandatory: true, probeRouter: true}))
    ;(client as {routingId: unknown}).routingId = clientId
    await server.bind(bindAddress(transport))
    client.connect(server.lastEndpoint!, {routingId: serverId})
    // The probe (an empty message) arrives once the handshake is done on the client side.
    const [probeId, probe] = await server.receive()
    expect(probe).toHaveLength(0)
    await client.send([serverId, "hello"])
    const [fromId, hello] = await server.receive()
    expect(fromId).toEqual(Buffer.from(clientId))
    expect(probeId).toEqual(Buffer.from(clientId))
    expect(hello.toString()).toBe("hello")
    await server.send([fromId, "world"])
    const [replyId, world] = await client.receive()
    expect(replyId).toEqual(Buffer.from(serverId))
    expect(world.toString()).toBe("world")
  })

  it("XPublisher/XSubscriber: subscription messages both ways", async () => {
    const xpub = use(new zmq.XPublisher())
    const xsub = use(new zmq.XSubscriber())
    await link(transport, xpub, xsub)
    await xsub.send(Buffer.from("\x01topic"))
    expect(text(await xpub.receive())).toEqual(["\x01topic"])
    await xpub.send(["other", "no"])
    await xpub.send(["topic", "yes"])
    expect(text(await xsub.receive())).toEqual(["topic", "yes"])
    await xsub.send(Buffer.from("\x00topic"))
    expect(text(await xpub.receive())).toEqual(["\x00topic"])
  })

  it.each([
    [null, ["\x01t", "\x01u"]],
    ["allSubs", ["\x01t", "\x01t", "\x01u"]],
  ] as [zmq.XPublisherVerbosity, string[]][])("XPublisher verbosity %s", async (verbosity, expected) => {
    const xpub = use(new zmq.XPublisher({verbosity}))
    const s1 = use(new zmq.Subscriber())
    const s2 = use(new zmq.Subscriber())
    const endpoint = await link(transport, xpub, s1)
    s2.connect(endpoint)
    s1.subscribe("t")
    expect(text(await xpub.receive())).toEqual(["\x01t"])
    s2.subscribe("t")
    s2.subscribe("u")
    const got = ["\x01t"]
    while (got.length < expected.length) got.push(...text(await xpub.receive()))
    expect(got).toEqual(expected)
  })
})

/**
 * Publishes `topic` until the subscriber sees it: the standard way to know a subscription has
 * reached the publisher (PUB drops messages nobody has subscribed to yet).
 */
async function syncSubscription(pub: zmq.Publisher, sub: zmq.Subscriber, topic: string): Promise<void> {
  sub.subscribe(topic)
  let first: string[] | undefined
  const received = sub.receive().then(frames => (first = text(frames)))
  // Numbered copies until one arrives: the publisher drops those sent before it knew the
  // subscription, and delivers every one sent after, in order.
  let sent = 0
  while (first === undefined) {
    await pub.send([topic, String(sent++)])
    await Promise.race([received, new Promise(resolve => setTimeout(resolve, 5))])
  }
  expect(first[0]).toBe(topic)
  // Take the later copies too: on a loaded machine several are in flight, and one left behind
  // (queued, or already read ahead by the socket) would be received by the test.
  for (let copy = Number(first[1]) + 1; copy < sent; copy++) {
    expect(text(await sub.receive())).toEqual([topic, String(copy)])
  }
  sub.unsubscribe(topic)
}
