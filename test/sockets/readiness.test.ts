// ZMQ_FD only signals changes, and libzmq does not signal every change: operations that were
// already waiting must still be served when the change came from elsewhere — an inproc bind or
// connect (whose pipes attach on this thread, unsignalled), or a read of ZMQ_EVENTS by
// `readable` / `writable` (which consumes the signal the poll was waiting for).
import {Pair, Poller, Pull, Push} from "../../lib"
import {closeAfterEach, inprocEndpoint} from "../helpers"

const track = closeAfterEach()

function turn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve))
}

describe("operations waiting before an inproc link", () => {
  it("a receive waiting on both PAIR ends before bind and connect gets its message", async () => {
    const [a, b] = track.all(new Pair(), new Pair())
    const atA = a.receive({timeout: 5000})
    const atB = b.receive({timeout: 5000})
    const endpoint = inprocEndpoint("readiness")
    await a.bind(endpoint)
    b.connect(endpoint)
    await a.send("to b")
    expect((await atB).map(String)).toEqual(["to b"])
    await b.send("to a")
    expect((await atA).map(String)).toEqual(["to a"])
  })

  it("a send waiting for a peer goes once an inproc peer connects", async () => {
    const [push, pull] = track.all(new Push(), new Pull())
    const endpoint = inprocEndpoint("readiness")
    const sent = push.send("waited", {timeout: 5000})
    await pull.bind(endpoint)
    push.connect(endpoint)
    await sent
    expect((await pull.receive({timeout: 5000})).map(String)).toEqual(["waited"])
  })

  it("a receive waiting on the binding side gets what a peer that connected first sends", async () => {
    const [push, pull] = track.all(new Push(), new Pull())
    const endpoint = inprocEndpoint("readiness")
    push.connect(endpoint)
    const received = pull.receive({timeout: 5000})
    await pull.bind(endpoint)
    await push.send("connected first")
    expect((await received).map(String)).toEqual(["connected first"])
  })
})

describe("a Poller waiting before an inproc link", () => {
  it("wakes when a message comes over the pipes the bind attached", async () => {
    const [pull, push] = track.all(new Pull(), new Push())
    const endpoint = inprocEndpoint("readiness")
    push.connect(endpoint)
    const poller = new Poller().add(pull, "readable")
    const ready = poller.wait({timeout: 5000})
    await pull.bind(endpoint)
    await push.send("for the poller")
    expect((await ready).map(item => item.socket)).toEqual([pull])
    expect((await pull.receive()).map(String)).toEqual(["for the poller"])
  })
})

describe("readable and writable read while operations wait", () => {
  it("a waiting receive still completes when `readable` saw the message first", async () => {
    // Over inproc the message is in the PULL's pipe once send() returns, before the event loop
    // polls: `readable` is certain to see it before the waiting receive is served (over tcp the
    // poll may serve the receive first, and nothing is left for `readable` to see).
    const [pull, push] = track.all(new Pull(), new Push())
    const endpoint = inprocEndpoint("readiness")
    await pull.bind(endpoint)
    push.connect(endpoint)
    const received = pull.receive({timeout: 5000})
    const sent = push.send("seen by readable")
    expect(pull.readable).toBe(true)
    expect((await received).map(String)).toEqual(["seen by readable"])
    await sent
  })

  it("a waiting send still completes when `writable` saw the room first", async () => {
    const push = track(new Push({sendHighWaterMark: 1}))
    await push.bind("tcp://127.0.0.1:*")
    const pull = track(new Pull({receiveHighWaterMark: 1}))
    // No peer yet: the send waits.
    const sent = push.send("seen by writable", {timeout: 5000})
    pull.connect(push.lastEndpoint!)
    let writable = false
    for (let i = 0; i < 1e5 && !writable; i++) {
      writable = push.writable
      if (!writable) await turn()
    }
    expect(writable).toBe(true)
    await sent
    expect((await pull.receive({timeout: 5000})).map(String)).toEqual(["seen by writable"])
  })
})
