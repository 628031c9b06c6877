// Every pattern with the v5 API over tcp, ipc and inproc, between real libzmq sockets: what is
// sent is what the "message" listener gets, frame by frame.
import {
  every,
  ours as zmq,
  link,
  messages,
  nextMessage,
  socketsClosedAfterEach,
  transports,
  type Transport,
} from "./helpers"

const make = socketsClosedAfterEach()

describe.each(transports)("over %s", (transport: Transport) => {
  it("REQ/REP: requests and replies alternate, several requests queued at once", async () => {
    const rep = make("rep")
    const req = make("req")
    link(transport, rep, req)
    rep.on("message", (request: Buffer) => rep.send(`re: ${request}`))
    const replies = messages(req, 3)
    // v5 let a client queue requests: each goes once the previous reply came back.
    for (const request of ["one", "two", "three"]) req.send(request)
    expect(await replies).toEqual([["re: one"], ["re: two"], ["re: three"]])
  })

  it("PUB/SUB: a subscriber gets only its topics, and stops at unsubscribe()", async () => {
    const pub = make("pub")
    const sub = make("sub")
    link(transport, pub, sub)
    sub.subscribe("weather")
    sub.subscribe(Buffer.from("news"))
    // The subscriptions reach the publisher asynchronously: publish until one is through.
    const first = nextMessage(sub)
    const stopTicker = every(5, () => pub.send("weather sync"))
    expect(await first).toEqual(["weather sync"])
    stopTicker()
    // Copies sent before the interval stopped may still arrive: drain them with a marker.
    sub.subscribe("marker")
    const marked = new Promise<void>(resolve => {
      const listener = (frame: Buffer) => {
        if (frame.toString() !== "marker") return
        sub.off("message", listener)
        resolve()
      }
      sub.on("message", listener)
    })
    const stopMarkers = every(5, () => pub.send("marker"))
    await marked
    stopMarkers()
    sub.unsubscribe("marker")
    sub.unsubscribe("weather")
    const received: string[] = []
    sub.on("message", (frame: Buffer) => received.push(frame.toString()))
    // Unsubscribing is asynchronous too; the news after it must be the last message.
    const done = new Promise<void>(resolve => {
      sub.on("message", (frame: Buffer) => frame.toString() === "news end" && resolve())
    })
    const stopLater = every(5, () => {
      pub.send("sports: ignored")
      pub.send("news end")
    })
    await done
    stopLater()
    expect(received.filter(text => !text.startsWith("news") && text !== "marker")).toEqual([])
  })

  it("PUSH/PULL: every message of a burst arrives, in order", async () => {
    const pull = make("pull")
    const push = make("push")
    link(transport, pull, push)
    const all = messages(pull, 2000)
    for (let i = 0; i < 2000; i++) push.send(String(i))
    const received = await all
    expect(received.map(([text]) => Number(text))).toEqual([...Array(2000).keys()])
  })

  it("ROUTER/DEALER: the router sees the dealer's identity and replies to it", async () => {
    const router = make("router")
    const dealer = make("dealer", {identity: "dealer-7"})
    link(transport, router, dealer)
    const identities: string[] = []
    router.on("message", (identity: Buffer, ...rest: Buffer[]) => {
      identities.push(identity.toString())
      router.send([identity, "ack", ...rest])
    })
    dealer.send(["job", "42"])
    expect(await nextMessage(dealer)).toEqual(["ack", "job", "42"])
    expect(identities).toEqual(["dealer-7"])
  })

  it("XPUB/XSUB: the publisher sees subscriptions, the subscriber gets what matches", async () => {
    const xpub = make("xpub")
    const xsub = make("xsub")
    link(transport, xpub, xsub)
    const subscription = nextMessage(xpub)
    xsub.send(Buffer.from("\x01topic"))
    expect(await subscription).toEqual(["\x01topic"])
    const delivered = nextMessage(xsub)
    xpub.send("other: dropped")
    xpub.send("topic: kept")
    expect(await delivered).toEqual(["topic: kept"])
  })

  it("PAIR: both directions", async () => {
    const a = make("pair")
    const b = make("pair")
    link(transport, a, b)
    const atB = nextMessage(b)
    a.send("to b")
    expect(await atB).toEqual(["to b"])
    const atA = nextMessage(a)
    b.send("to a")
    expect(await atA).toEqual(["to a"])
  })

  it("multipart: ZMQ_SNDMORE frames and arrays make one message", async () => {
    const pull = make("pull")
    const push = make("push")
    link(transport, pull, push)
    const received = messages(pull, 3)
    // Every frame's callback is called once the message is sent (v5; zeromq's v5-compat calls
    // only the last one's).
    const called: string[] = []
    push.send("a", zmq.ZMQ_SNDMORE, () => called.push("a"))
    push.send(Buffer.from("b"), zmq.ZMQ_SNDMORE, () => called.push("b"))
    push.send("c", 0, () => called.push("c"))
    push.send(["d", Buffer.from("e"), 7])
    // An array sent with ZMQ_SNDMORE continues into the next send.
    push.send(["f", "g"], zmq.ZMQ_SNDMORE)
    push.send("h")
    expect(await received).toEqual([
      ["a", "b", "c"],
      ["d", "e", "7"],
      ["f", "g", "h"],
    ])
    expect(called).toEqual(["a", "b", "c"])
  })

  it("pause() holds messages back and resume() delivers them, in order", async () => {
    const pull = make("pull")
    const push = make("push")
    link(transport, pull, push)
    const first = nextMessage(pull)
    push.send("before")
    expect(await first).toEqual(["before"])
    pull.pause()
    const seen: string[] = []
    pull.on("message", (frame: Buffer) => seen.push(frame.toString()))
    const sent = new Promise<void>(resolve => {
      for (let i = 0; i < 9; i++) push.send(`held ${i}`)
      push.send("held 9", 0, () => resolve())
    })
    await sent
    // Once they are readable, a socket that was not paused would emit them within a turn of the
    // event loop; give it several.
    let events = 0
    for (let turn = 0; turn < 1e5 && ((events = pull._ioevents) & zmq.ZMQ_POLLIN) === 0; turn++) {
      await new Promise(resolve => setImmediate(resolve))
    }
    expect(events & zmq.ZMQ_POLLIN).toBe(zmq.ZMQ_POLLIN)
    for (let turn = 0; turn < 10; turn++) await new Promise(resolve => setImmediate(resolve))
    expect(seen).toEqual([])
    const all = messages(pull, 10)
    pull.resume()
    expect((await all).map(([text]) => text)).toEqual([...Array(10).keys()].map(i => `held ${i}`))
  })
})
