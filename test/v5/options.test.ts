// setsockopt/getsockopt by ZMQ_* id and by short name, and the short option properties: the
// values libzmq holds, in v5's conventions (numbers for flags, text or null), compared with
// zeromq@6's v5-compat where it works.
import {ours, theirs, shape, socketsClosedAfterEach, type V5} from "./helpers"

const make = socketsClosedAfterEach()
const makeTheirs = socketsClosedAfterEach(theirs)

describe("setsockopt and getsockopt", () => {
  // [option, value set, value read back]
  const cases: [string, number, unknown, unknown][] = [
    ["ZMQ_LINGER", ours.ZMQ_LINGER, 25, 25],
    ["ZMQ_SNDHWM", ours.ZMQ_SNDHWM, 5, 5],
    ["ZMQ_RCVHWM", ours.ZMQ_RCVHWM, 7, 7],
    ["ZMQ_IDENTITY", ours.ZMQ_IDENTITY, "worker-1", "worker-1"],
    ["ZMQ_IDENTITY (Buffer)", ours.ZMQ_IDENTITY, Buffer.from("bytes"), "bytes"],
    ["ZMQ_AFFINITY", ours.ZMQ_AFFINITY, 3, 3],
    ["ZMQ_MAXMSGSIZE", ours.ZMQ_MAXMSGSIZE, 2 ** 40, 2 ** 40],
    ["ZMQ_RCVTIMEO", ours.ZMQ_RCVTIMEO, 15, 15],
    ["ZMQ_IPV6 (a flag, read as a number)", ours.ZMQ_IPV6, 1, 1],
    ["ZMQ_IPV6 (set from a boolean)", ours.ZMQ_IPV6, true, 1],
    ["ZMQ_TCP_KEEPALIVE", ours.ZMQ_TCP_KEEPALIVE, 1, 1],
    ["ZMQ_RECONNECT_IVL", ours.ZMQ_RECONNECT_IVL, 50, 50],
    ["ZMQ_HEARTBEAT_IVL", ours.ZMQ_HEARTBEAT_IVL, 100, 100],
    ["ZMQ_ZAP_DOMAIN", ours.ZMQ_ZAP_DOMAIN, "global", "global"],
  ]

  it.each(cases)(
    "%s reads back what was set, as zeromq's v5-compat reads it",
    (_name, id, value, expected) => {
      const socket = make("dealer")
      expect(socket.setsockopt(id, value)).toBe(socket)
      expect(socket.getsockopt(id)).toEqual(expected)
      const reference = makeTheirs("dealer")
      reference.setsockopt(id, value)
      expect(socket.getsockopt(id)).toEqual(reference.getsockopt(id))
    },
  )

  it("reads the defaults zeromq's v5-compat reads", () => {
    const socket = make("dealer")
    const reference = makeTheirs("dealer")
    for (const id of [
      ours.ZMQ_LINGER,
      ours.ZMQ_SNDHWM,
      ours.ZMQ_TYPE,
      ours.ZMQ_AFFINITY,
      ours.ZMQ_MAXMSGSIZE,
      ours.ZMQ_IPV6,
      ours.ZMQ_MECHANISM,
      ours.ZMQ_IDENTITY,
      ours.ZMQ_LAST_ENDPOINT,
      ours.ZMQ_ZAP_DOMAIN,
      ours.ZMQ_EVENTS,
    ]) {
      expect([id, socket.getsockopt(id)]).toEqual([id, reference.getsockopt(id)])
    }
  })

  it("takes short names and ZMQ_* names as well as ids", () => {
    const socket = make("pull")
    socket.setsockopt("linger", 33)
    expect(socket.getsockopt("linger")).toBe(33)
    expect(socket.getsockopt(ours.ZMQ_LINGER)).toBe(33)
    socket.setsockopt("ZMQ_RCVHWM" as never, 9)
    expect(socket.getsockopt("ZMQ_RCVHWM" as never)).toBe(9)
  })

  it("passes options of other socket types through to libzmq, as v5 did (libzmq decides)", () => {
    // ZMQ_SNDHWM on a PULL and ZMQ_IDENTITY on a PUSH are accepted by libzmq.
    const pull = make("pull")
    pull.setsockopt(ours.ZMQ_SNDHWM, 11)
    expect(pull.getsockopt(ours.ZMQ_SNDHWM)).toBe(11)
    const push = make("push", {identity: "pusher"})
    expect(push.identity).toBe("pusher")
    // ZMQ_ROUTER_MANDATORY is a ROUTER's: libzmq says EINVAL elsewhere.
    expect(() => push.setsockopt(ours.ZMQ_ROUTER_MANDATORY, 1)).toThrow(
      expect.objectContaining({code: "EINVAL", message: "Invalid argument"}),
    )
  })

  const refusals: [
    string,
    (zmq: V5, socket: (type: "dealer" | "sub") => ReturnType<V5["socket"]>) => unknown,
  ][] = [
    ["an unknown id", (zmq, socket) => socket("dealer").getsockopt(9999)],
    ["an unknown id, set", (zmq, socket) => socket("dealer").setsockopt(9999, 1)],
    ["an unknown name", (zmq, socket) => socket("dealer").getsockopt("bogus" as never)],
    ["text for a number", (zmq, socket) => socket("dealer").setsockopt(zmq.ZMQ_LINGER, "5")],
    ["a boolean for a number", (zmq, socket) => socket("dealer").setsockopt(zmq.ZMQ_LINGER, true)],
    ["a value libzmq refuses", (zmq, socket) => socket("dealer").setsockopt(zmq.ZMQ_LINGER, -5)],
    ["ZMQ_FD", (zmq, socket) => socket("dealer").getsockopt(zmq.ZMQ_FD)],
    ["ZMQ_RCVMORE", (zmq, socket) => socket("dealer").getsockopt(zmq.ZMQ_RCVMORE)],
    ["subscribe on a non-subscriber", (zmq, socket) => socket("dealer").subscribe("a")],
    ["a number as a filter", (zmq, socket) => socket("sub").subscribe(5 as never)],
  ]

  it.each(refusals)("refuses %s with zeromq's v5-compat error", (_name, attempt) => {
    const outcome = (zmq: V5) => {
      const socket = zmq.socket("dealer")
      const sub = zmq.socket("sub")
      try {
        return {returned: attempt(zmq, type => (type === "sub" ? sub : socket)) === undefined}
      } catch (error) {
        return shape(error)
      } finally {
        socket.close()
        sub.close()
      }
    }
    const mine = outcome(ours)
    expect(mine).toHaveProperty("message")
    expect(mine).toEqual(outcome(theirs))
  })

  it("ZMQ_SUBSCRIBE and ZMQ_ROUTER_HANDOVER work through setsockopt (both broken in zeromq's v5-compat)", async () => {
    const router = make("router")
    expect(router.setsockopt(ours.ZMQ_ROUTER_HANDOVER, 1)).toBe(router)
    const pub = make("pub")
    const sub = make("sub")
    pub.bindSync("inproc://v5-setsockopt-subscribe")
    sub.connect("inproc://v5-setsockopt-subscribe")
    sub.setsockopt(ours.ZMQ_SUBSCRIBE, "yes")
    const got = new Promise<string>(resolve =>
      sub.once("message", (frame: Buffer) => resolve(frame.toString())),
    )
    const timer = setInterval(() => {
      pub.send("no: filtered")
      pub.send("yes: through")
    }, 5)
    try {
      expect(await got).toBe("yes: through")
    } finally {
      clearInterval(timer)
    }
  })

  it("monitor() with v5's arguments emits no warning (zeromq's v5-compat warns)", () => {
    const warnings: unknown[] = []
    const listener = (warning: unknown) => warnings.push(warning)
    process.on("warning", listener)
    try {
      make("pull").monitor(10, 0)
    } finally {
      process.off("warning", listener)
    }
    expect(warnings).toEqual([])
  })

  it("refuses an out-of-range integer with a RangeError naming the option", () => {
    expect(() => make("dealer").setsockopt(ours.ZMQ_LINGER, 2 ** 40)).toThrow(
      new RangeError(
        "The value of option 17 (linger) must be an integer between -2147483648 and 2147483647; received 1099511627776",
      ),
    )
  })

  it("reads CURVE keys as Z85 text (zeromq's v5-compat fails with EINVAL)", () => {
    const socket = make("dealer")
    const {public: publicKey, secret} = ours.curveKeypair()
    socket.curve_publickey = publicKey
    socket.curve_secretkey = secret
    expect([socket.curve_publickey, socket.curve_secretkey]).toEqual([publicKey, secret])
  })
})

describe("short option properties", () => {
  it("get and set the options they name", () => {
    const socket = make("dealer")
    socket.linger = 12
    socket.identity = "me"
    socket.rcvbuf = 65536
    socket.sndbuf = 65536
    socket.reconnect_ivl = 20
    socket.backlog = 10
    socket.heartbeat_ivl = 1000
    socket.heartbeat_ttl = 3000
    socket.heartbeat_timeout = 2000
    socket.connect_timeout = 500
    socket.zap_domain = "dom"
    socket.rate = 200
    socket.recovery_ivl = 5000
    socket.affinity = 1
    expect({
      linger: socket.getsockopt(ours.ZMQ_LINGER),
      identity: socket.getsockopt(ours.ZMQ_IDENTITY),
      rcvbuf: socket.rcvbuf,
      sndbuf: socket.sndbuf,
      reconnect_ivl: socket.reconnect_ivl,
      backlog: socket.backlog,
      heartbeat: [socket.heartbeat_ivl, socket.heartbeat_ttl, socket.heartbeat_timeout],
      connect_timeout: socket.connect_timeout,
      zap_domain: socket.zap_domain,
      rate: socket.rate,
      recovery_ivl: socket.recovery_ivl,
      affinity: socket.affinity,
    }).toEqual({
      linger: 12,
      identity: "me",
      rcvbuf: 65536,
      sndbuf: 65536,
      reconnect_ivl: 20,
      backlog: 10,
      heartbeat: [1000, 3000, 2000],
      connect_timeout: 500,
      zap_domain: "dom",
      rate: 200,
      recovery_ivl: 5000,
      affinity: 1,
    })
  })

  it("last_endpoint reads the bound endpoint with its port", () => {
    const socket = make("pull")
    expect(socket.last_endpoint).toBeNull()
    socket.bindSync("tcp://127.0.0.1:*")
    expect(socket.last_endpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
  })

  it("_subscribe and _unsubscribe set a subscriber's filters (broken in zeromq's v5-compat)", () => {
    const sub = make("sub")
    sub._subscribe = "topic"
    sub._unsubscribe = "topic"
    expect(() => (make("pub")._subscribe = "x")).toThrow("Subscriber socket required")
  })
})
