// Errors as zeromq v5 delivered them: to the callback when there is one, as an "error" event
// otherwise; thrown at once for misuse and for a closed socket. Where zeromq@6's v5-compat
// behaves the same, the scenario runs against both and the outcomes must match.
import * as path from "node:path"
import {run} from "../helpers"
import {checkBuilt} from "../packaging/built"
import {ours, theirs, shape, type V5, type V5Socket} from "./helpers"

beforeAll(checkBuilt)

const open: V5Socket[] = []
afterEach(() => {
  for (const socket of open.splice(0)) socket.close()
})

function make(zmq: V5, type: Parameters<V5["socket"]>[0]): V5Socket {
  const socket = zmq.socket(type)
  open.push(socket)
  return socket
}

/** What a callback-style call delivers: its callback's arguments, or an "error" event's. */
function delivered(
  socket: V5Socket,
  start: (callback?: (...args: unknown[]) => void) => void,
  withCallback: boolean,
) {
  return new Promise<unknown>(resolve => {
    if (withCallback) return start((...args) => resolve({callback: args.map(shape)}))
    socket.once("error", error => resolve({errorEvent: shape(error)}))
    start()
  })
}

/** An address in use: bound by a socket of `zmq`. */
function taken(zmq: V5): string {
  const holder = make(zmq, "pull")
  holder.bindSync("tcp://127.0.0.1:*")
  return holder.last_endpoint!
}

describe.each([true, false])("with a callback: %s", withCallback => {
  const scenarios: [string, (zmq: V5) => Promise<unknown>][] = [
    [
      "bind to an address in use",
      zmq => {
        const address = taken(zmq)
        const socket = make(zmq, "pull")
        return delivered(socket, cb => socket.bind(address, cb), withCallback)
      },
    ],
    [
      "unbind of an address not bound",
      zmq => {
        const socket = make(zmq, "pull")
        socket.bindSync("tcp://127.0.0.1:*")
        return delivered(socket, cb => socket.unbind("tcp://127.0.0.1:1", cb), withCallback)
      },
    ],
  ]

  it.each(scenarios)(
    "%s: the error goes where zeromq's v5-compat sends it, with libzmq's code",
    async (_name, scenario) => {
      const mine = (await scenario(ours)) as any
      const reference = (await scenario(theirs)) as any
      const error = (outcome: any) => (withCallback ? outcome.callback[0] : outcome.errorEvent)
      expect(Object.keys(mine)).toEqual(Object.keys(reference))
      expect({code: error(mine).code, errno: error(mine).errno}).toEqual({
        code: error(reference).code,
        errno: error(reference).errno,
      })
    },
  )
})

describe("bind", () => {
  it("succeeds with the 'bind' event (the address as given), then the callback with no argument", async () => {
    const run = (zmq: V5) =>
      new Promise<unknown[]>(resolve => {
        const socket = make(zmq, "pull")
        const seen: unknown[] = []
        socket.on("bind", (...args) => seen.push(["bind", ...args]))
        socket.bind("tcp://127.0.0.1:*", (...args) => {
          seen.push(["callback", ...args])
          resolve(seen)
        })
      })
    const mine = await run(ours)
    expect(mine).toEqual([["bind", "tcp://127.0.0.1:*"], ["callback"]])
    expect(mine).toEqual(await run(theirs))
  })

  it("says EADDRINUSE, with errno and the address, for a port in use", async () => {
    const address = taken(ours)
    const socket = make(ours, "pull")
    const error = await new Promise<unknown>(resolve => socket.bind(address, resolve))
    expect(error).toMatchObject({message: "Address already in use", code: "EADDRINUSE", errno: 98, address})
    expect(() => socket.bindSync(address)).toThrow(expect.objectContaining({code: "EADDRINUSE", address}))
  })

  it("several binds at once all succeed (zeromq's v5-compat throws EBUSY for the second)", async () => {
    const socket = make(ours, "pull")
    const done = (address: string) => new Promise(resolve => socket.bind(address, resolve))
    const results = await Promise.all([done("tcp://127.0.0.1:*"), done("inproc://v5-second-bind")])
    expect(results).toEqual([undefined, undefined])
  })

  it("unbindSync and disconnect of an endpoint never used throw ENOENT, as v5 did", () => {
    const socket = make(ours, "pull")
    expect(() => socket.unbindSync("tcp://127.0.0.1:1")).toThrow(expect.objectContaining({code: "ENOENT"}))
    expect(() => socket.disconnect("tcp://127.0.0.1:1")).toThrow(expect.objectContaining({code: "ENOENT"}))
  })

  it("throws at once for an address that is not a string", () => {
    const socket = make(ours, "pull")
    expect(() => socket.bind(5 as never)).toThrow(TypeError)
    expect(() => socket.bindSync(5 as never)).toThrow(TypeError)
  })
})

describe("a closed socket", () => {
  it.each([
    ["bind", (s: V5Socket) => s.bind("tcp://127.0.0.1:*", () => undefined)],
    ["bindSync", (s: V5Socket) => s.bindSync("tcp://127.0.0.1:*")],
    ["connect", (s: V5Socket) => s.connect("tcp://127.0.0.1:5555")],
    ["unbindSync", (s: V5Socket) => s.unbindSync("tcp://127.0.0.1:5555")],
    ["disconnect", (s: V5Socket) => s.disconnect("tcp://127.0.0.1:5555")],
  ])("%s throws EBADF 'Socket is closed', as zeromq's v5-compat does", (_name, call) => {
    const attempt = (zmq: V5) => {
      const socket = zmq.socket("push")
      socket.close()
      try {
        call(socket)
        return "no error"
      } catch (error) {
        return shape(error)
      }
    }
    expect(attempt(ours)).toEqual({error: "Error", message: "Socket is closed", code: "EBADF", errno: 9})
    expect(attempt(ours)).toEqual(attempt(theirs))
  })

  it("send() gives the callback EBADF, or emits it without one (v5; zeromq's v5-compat drops it)", () => {
    const socket = ours.socket("push")
    socket.close()
    const results: unknown[] = []
    socket.send("late", 0, error => results.push(shape(error)))
    socket.once("error", error => results.push({event: shape(error)}))
    socket.send("later")
    expect(results).toEqual([
      {error: "Error", message: "Socket is closed", code: "EBADF", errno: 9},
      {event: {error: "Error", message: "Socket is closed", code: "EBADF", errno: 9}},
    ])
    expect(socket.close()).toBe(socket)
  })
})

describe("sending", () => {
  it("close() with sends still queued calls their callbacks with EAGAIN and drops the others", async () => {
    // Neither bound nor connected: libzmq has no pipe to queue in, everything waits.
    const push = ours.socket("push")
    const results: unknown[] = []
    push.on("error", error => results.push({event: shape(error)}))
    push.send("first", 0, error => results.push(shape(error)))
    push.send("second")
    push.send("third", 0, error => results.push(shape(error)))
    push.send("partial", ours.ZMQ_SNDMORE, error => results.push(shape(error)))
    push.close()
    // The message waiting in the core settles on the next turn.
    await new Promise(resolve => setImmediate(resolve))
    const unsent = {
      error: "Error",
      message: "Socket was closed before the message was sent",
      code: "EAGAIN",
      errno: 11,
    }
    expect(results).toEqual([unsent, unsent, unsent])
  })

  it("a socket type that cannot send gives libzmq's ENOTSUP", () => {
    const pull = make(ours, "pull")
    let error: unknown
    pull.send("no", 0, e => (error = e))
    expect(error).toMatchObject({code: "ENOTSUP", message: "Operation not supported"})
  })

  it("ZMQ_DONTWAIT fails with EAGAIN instead of queueing when libzmq cannot take the message", () => {
    const push = make(ours, "push")
    const results: unknown[] = []
    push.send("now or never", ours.ZMQ_DONTWAIT, error => results.push(shape(error)))
    expect(results).toEqual([
      {error: "Error", message: "Resource temporarily unavailable", code: "EAGAIN", errno: 11},
    ])
  })

  it("an empty array is a TypeError for the callback", () => {
    const push = make(ours, "push")
    let error: unknown
    push.send([], 0, e => (error = e))
    expect(error).toBeInstanceOf(TypeError)
  })

  it("a ROUTER_MANDATORY router's send to an unknown peer gives EHOSTUNREACH", () => {
    const router = make(ours, "router")
    router.setsockopt(ours.ZMQ_ROUTER_MANDATORY, 1)
    let error: unknown
    router.send(["nobody", "hello"], 0, e => (error = e))
    expect(error).toMatchObject({code: "EHOSTUNREACH"})
  })
})

describe("receiving", () => {
  it("a throwing 'message' listener is an uncaught exception, and later messages still come", async () => {
    const result = await run(process.execPath, [path.join(__dirname, "fixtures", "throwing-listener.js")], {
      timeout: 30_000,
      killSignal: "SIGKILL",
    })
    expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
    expect(JSON.parse(result.stdout)).toEqual({seen: ["boom", "fine"], uncaught: ["listener failed"]})
  })
})

describe("worker threads", () => {
  it("v5 sockets in a worker talk to the main thread over inproc, and terminate() ends it cleanly", async () => {
    const result = await run(process.execPath, [path.join(__dirname, "fixtures", "worker.js")], {
      timeout: 30_000,
      killSignal: "SIGKILL",
    })
    expect({status: result.status, signal: result.signal, stderr: result.stderr}).toEqual({
      status: 0,
      signal: null,
      stderr: "",
    })
    expect(result.stdout.trim().split("\n")).toEqual([
      "main got hello from the worker",
      "worker terminated (1)",
    ])
  })
})
