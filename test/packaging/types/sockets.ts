// The main entry as a user's TypeScript sees it. Type-checked only (never run); each
// line marked @ts-expect-error is a type error the declarations must keep reporting.
import {
  Context,
  Dealer,
  Observer,
  Publisher,
  Pull,
  Push,
  Router,
  Socket,
  Subscriber,
  XPublisher,
  capability,
  context,
  curveKeyPair,
  version,
  type Event,
  type Message,
  type MessageLike,
} from "zmq-native"

export async function standardSockets(): Promise<void> {
  const ownContext = new Context({ioThreads: 2, maxSockets: 64, blocky: false})
  const threads: number = ownContext.ioThreads
  ownContext.maxSockets = 128
  // @ts-expect-error a context option is a number
  ownContext.ioThreads = "2"
  // @ts-expect-error maxSocketsLimit is read-only
  ownContext.maxSocketsLimit = 1
  // @ts-expect-error not a context option
  new Context({ioThread: 2})
  // @ts-expect-error maxSocketsLimit is read-only, not a constructor option
  new Context({maxSocketsLimit: 1})
  await ownContext.close({timeout: 100})
  const shared: Context = context

  const push = new Push({sendHighWaterMark: 10, linger: 0, context: shared, immediate: true})
  const pull = new Pull({receiveTimeout: 1000, conflate: false})
  // @ts-expect-error a PULL socket has no send high-water mark
  new Pull({sendHighWaterMark: 10})
  // @ts-expect-error an option's value has its type
  new Push({linger: "0"})
  // @ts-expect-error not an option
  new Push({lingerMs: 0})
  // @ts-expect-error a read-only option cannot be set by the constructor either
  new Push({lastEndpoint: "tcp://127.0.0.1:5555"})
  // @ts-expect-error a PULL socket cannot send
  pull.send("x")
  // @ts-expect-error a PUSH socket cannot receive
  push.receive()

  const endpoint: string | null = push.lastEndpoint
  const type: number = push.type
  const mechanism: null | "plain" | "curve" | "gssapi" = push.securityMechanism
  push.sendHighWaterMark = 100
  push.curveServer = true
  // @ts-expect-error lastEndpoint is read-only
  push.lastEndpoint = "tcp://127.0.0.1:5555"
  // @ts-expect-error type is read-only
  push.type = 8
  // @ts-expect-error a boolean option takes a boolean
  push.immediate = 1

  await push.bind("tcp://127.0.0.1:*")
  pull.connect(push.lastEndpoint!)
  const frames: MessageLike[] = ["text", Buffer.from("bytes"), new Uint8Array(2), 42, null]
  await push.send(frames)
  await push.send("one frame", {timeout: 100, signal: AbortSignal.timeout(1000)})
  await push.sendMany([["a", "b"], "c"])
  // @ts-expect-error an object is not a frame
  await push.send({})

  const received: Message[] = await pull.receive({timeout: 100})
  const bytes: Buffer = received[0]
  const batch: Message[][] = await pull.receiveMany(10)
  for await (const message of pull) {
    const first: Buffer = message[0]
    // @ts-expect-error a received frame is a Buffer, not a string
    const text: string = message[0]
  }

  const events: Observer = push.events
  const event: Event = await events.receive()
  if (event.type === "bind") {
    const address: string = event.address
  }
  const handshake = await pull.events.waitFor("handshake", {timeout: 1000, filter: e => e.address !== ""})
  const address: string = handshake.address
  // @ts-expect-error not an event type
  await push.events.waitFor("handshaking")
  events.on("connect:retry", e => {
    const interval: number = e.interval
  })
  for await (const each of push.events) {
    const kind: Event["type"] = each.type
  }

  const publisher = new Publisher()
  const subscriber = new Subscriber()
  subscriber.subscribe("topic", Buffer.from("other"))
  // @ts-expect-error subscribe takes prefixes, not numbers
  subscriber.subscribe(1)
  const router = new Router({mandatory: true})
  router.connect("tcp://127.0.0.1:5555", {routingId: "peer"})
  // @ts-expect-error mandatory is write-only in libzmq, but still a boolean
  router.mandatory = "yes"
  const dealer = new Dealer({routingId: "me"})
  const xpub = new XPublisher({verbosity: "allSubs"})
  // @ts-expect-error not a verbosity
  xpub.verbosity = "all"

  const sockets: Socket[] = [push, pull, publisher, subscriber, router, dealer, xpub]
  for (const socket of sockets) socket.close()
  const closed: boolean = push.closed

  const libzmq: string = version
  const draft: boolean = capability.draft
  // @ts-expect-error capabilities are read-only
  capability.curve = false
  const {publicKey, secretKey}: {publicKey: string; secretKey: string} = curveKeyPair()
}
