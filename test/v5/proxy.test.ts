// proxy(frontend, backend, capture?) for the pairs zeromq v5 took — router/dealer, pull/push,
// xpub/xsub — with real clients and workers on both sides, with and without a capture socket.
// Whole messages go through (every frame), and capture gets a copy of each, both directions.
import {bindAddress, messages, nextMessage, ours as zmq, socketsClosedAfterEach, transports} from "./helpers"

const make = socketsClosedAfterEach()

function bound(type: Parameters<typeof make>[0], transport: (typeof transports)[number]) {
  const socket = make(type)
  socket.bindSync(bindAddress(transport))
  return socket
}

describe.each(transports)("over %s", transport => {
  describe.each([false, true])("with capture: %s", withCapture => {
    // A capture socket and what its reader gets (a PULL behind a PUSH capture).
    function capture() {
      if (!withCapture) return {socket: undefined, copies: undefined}
      const socket = bound("push", transport)
      const reader = make("pull")
      reader.connect(socket.last_endpoint!)
      return {socket, copies: reader}
    }

    it("router/dealer: REQ clients reach REP workers through it, multipart included", async () => {
      const frontend = bound("router", transport)
      const backend = bound("dealer", transport)
      const {socket: captureSocket, copies} = capture()
      const captured = copies && messages(copies, 2)
      zmq.proxy(frontend, backend, captureSocket)
      const worker = make("rep")
      worker.connect(backend.last_endpoint!)
      worker.on("message", (...frames: Buffer[]) => worker.send(["done:", ...frames]))
      const client = make("req")
      client.connect(frontend.last_endpoint!)
      const reply = nextMessage(client)
      client.send(["job", "part 2", "part 3"])
      expect(await reply).toEqual(["done:", "job", "part 2", "part 3"])
      if (captured) {
        // The request as the router got it ([identity, "", ...]), then the reply likewise.
        const [request, response] = await captured
        expect(request.slice(1)).toEqual(["", "job", "part 2", "part 3"])
        expect(response.slice(1)).toEqual(["", "done:", "job", "part 2", "part 3"])
      }
    })

    it("pull/push: a producer's messages reach the workers behind it", async () => {
      const frontend = bound("pull", transport)
      const backend = bound("push", transport)
      const {socket: captureSocket, copies} = capture()
      const captured = copies && messages(copies, 3)
      zmq.proxy(frontend, backend, captureSocket)
      const worker = make("pull")
      worker.connect(backend.last_endpoint!)
      const work = messages(worker, 3)
      const producer = make("push")
      producer.connect(frontend.last_endpoint!)
      for (const item of ["1", "2", "3"]) producer.send(["item", item])
      const expected = [
        ["item", "1"],
        ["item", "2"],
        ["item", "3"],
      ]
      expect(await work).toEqual(expected)
      if (captured) expect(await captured).toEqual(expected)
    })

    it("xpub/xsub: subscriptions go upstream, matching publications downstream", async () => {
      const frontend = bound("xpub", transport)
      const backend = bound("xsub", transport)
      const {socket: captureSocket, copies} = capture()
      zmq.proxy(frontend, backend, captureSocket)
      const publisher = make("xpub")
      publisher.connect(backend.last_endpoint!)
      const subscriber = make("sub")
      subscriber.connect(frontend.last_endpoint!)
      // The publisher is an xpub too: it sees the subscription arrive through the proxy.
      const subscribed = nextMessage(publisher)
      const capturedSubscription = copies && nextMessage(copies)
      subscriber.subscribe("news")
      expect(await subscribed).toEqual(["\x01news"])
      if (capturedSubscription) expect(await capturedSubscription).toEqual(["\x01news"])
      const delivered = nextMessage(subscriber)
      const capturedNews = copies && nextMessage(copies)
      publisher.send("sports: not subscribed")
      publisher.send(["news", "today"])
      expect(await delivered).toEqual(["news", "today"])
      // The publisher filtered: only the news came through, and capture saw just that.
      if (capturedNews) expect(await capturedNews).toEqual(["news", "today"])
    })
  })
})

describe("proxy() refuses", () => {
  it.each([
    ["pull", "pull"],
    ["dealer", "router"],
    ["pub", "sub"],
  ] as const)("%s/%s with zeromq's v5-compat error", (front, back) => {
    expect(() => zmq.proxy(make(front), make(back))).toThrow(
      new Error("This socket type order is not supported in compatibility mode"),
    )
  })

  it("what is not a socket, naming the argument", () => {
    expect(() => zmq.proxy({} as never, make("dealer"))).toThrow(TypeError)
    expect(() => zmq.proxy(make("router"), make("dealer"), "capture" as never)).toThrow(/"capture"/)
  })

  it("accepts v5's old names for router and dealer (xrep/xreq)", async () => {
    const frontend = bound("xrep", "inproc")
    const backend = bound("xreq", "inproc")
    zmq.proxy(frontend, backend)
    const worker = make("rep")
    worker.connect(backend.last_endpoint!)
    worker.on("message", () => worker.send("ok"))
    const client = make("req")
    client.connect(frontend.last_endpoint!)
    const reply = nextMessage(client)
    client.send("?")
    expect(await reply).toEqual(["ok"])
  })
})
