// The module surface of zmq-native/v5-compat against zeromq@6's v5-compat: the same names,
// constants, option names, socket types and errors for misuse.
import {ours, theirs, socketsClosedAfterEach, shape} from "./helpers"
import * as core from "../../lib"

const make = socketsClosedAfterEach()

describe("module", () => {
  it("exports every name zeromq's v5-compat exports", () => {
    expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(theirs)))
  })

  it("has every ZMQ_* and STATE_* constant of zeromq's v5-compat, with the same value", () => {
    const constants = (zmq: object) =>
      Object.fromEntries(Object.entries(zmq).filter(([name]) => /^(ZMQ_|STATE_)/.test(name)))
    const theirConstants = constants(theirs)
    expect(Object.keys(theirConstants).length).toBeGreaterThan(70)
    expect(constants(ours)).toMatchObject(theirConstants)
    // The one addition: ZMQ_DONTWAIT, libzmq's flag for a send that must not wait.
    expect(Object.keys(constants(ours)).filter(name => !(name in theirConstants))).toEqual(["ZMQ_DONTWAIT"])
  })

  it("has zeromq v5's short option names with the same ids", () => {
    expect(ours.options).toEqual(theirs.options)
  })

  it("reports libzmq's version", () => {
    expect(ours.version).toBe(core.version)
    expect(ours.version).toMatch(/^4\.\d+\.\d+$/)
  })

  it("makes CURVE key pairs named public and secret, Z85-encoded", () => {
    const pair = ours.curveKeypair()
    expect(Object.keys(pair).sort()).toEqual(Object.keys(theirs.curveKeypair()).sort())
    expect(pair.public).toMatch(/^[\x21-\x7e]{40}$/)
    expect(pair.secret).toMatch(/^[\x21-\x7e]{40}$/)
    expect(ours.curveKeypair().public).not.toBe(pair.public)
  })

  it("reads and sets the default context's I/O threads and socket limit", () => {
    expect(ours.Context.getMaxThreads()).toBe(core.context.ioThreads)
    const sockets = ours.Context.getMaxSockets()
    expect(sockets).toBe(theirs.Context.getMaxSockets())
    ours.Context.setMaxSockets(sockets + 1)
    expect(core.context.maxSockets).toBe(sockets + 1)
    ours.Context.setMaxSockets(sockets)
    ours.Context.setMaxThreads(ours.Context.getMaxThreads())
  })
})

describe("socket types", () => {
  const names = ["pair", "pub", "sub", "req", "rep", "dealer", "xreq", "router", "xrep"] as const
  const more = ["pull", "push", "xpub", "xsub", "stream"] as const

  it.each([...names, ...more])("%s makes a socket of that libzmq type, an EventEmitter", name => {
    const socket = make(name)
    expect(socket).toBeInstanceOf(ours.Socket)
    expect(socket).toBeInstanceOf(require("node:events").EventEmitter)
    expect(socket.type).toBe(name)
    expect(socket.getsockopt(ours.ZMQ_TYPE)).toBe(ours.types[name])
    expect(ours.createSocket).toBe(ours.socket)
  })

  it("takes ZMQ_* type numbers too (zeromq v5 did)", () => {
    const socket = make(ours.ZMQ_ROUTER as never)
    expect(socket.type).toBe("router")
    expect(socket.getsockopt(ours.ZMQ_TYPE)).toBe(ours.ZMQ_ROUTER)
  })

  it.each([["foo"], [42], [undefined]])("refuses %p with zeromq's error", type => {
    const attempt = (zmq: typeof ours) => {
      try {
        zmq.socket(type as never)
        return "made"
      } catch (error) {
        return shape(error)
      }
    }
    expect(attempt(ours)).toEqual(attempt(theirs))
    expect(attempt(ours)).toMatchObject({error: "Error", message: `Invalid socket type: ${String(type)}`})
  })

  it("assigns createSocket's options to the socket, options and plain properties alike", () => {
    const socket = make("dealer", {identity: "worker-1", linger: 7, tag: "mine"})
    expect([socket.identity, socket.linger, socket.tag]).toEqual(["worker-1", 7, "mine"])
    expect(socket.getsockopt(ours.ZMQ_IDENTITY)).toBe("worker-1")
  })

  it("read() throws zeromq's v5-compat error", () => {
    const socket = make("pull")
    expect(() => socket.read()).toThrow(
      new Error("read() has been removed from compatibility mode; use on('message', ...) instead."),
    )
  })
})
