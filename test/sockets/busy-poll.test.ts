// The opt-in busyPoll: a receive that finds nothing spins (the event loop blocked) for up to
// that many µs before it waits. Against pyzmq peers in their own process. Whether the receive
// spun shows in its promise: settled when receive() returns (its reaction runs before a
// microtask queued after the call), or still waiting on the event loop (it runs after).
import * as zmq from "../../lib"
import {closeAfterEach, run, transcript, type Run} from "../helpers"
import {python} from "../interop/peer"

const track = closeAfterEach()

// Echoes each request; "soon" after 100 ms, "slow" after 300 ms; "quit" ends it.
const echo = [
  "import sys, time, zmq",
  "s = zmq.Context.instance().socket(zmq.REP)",
  "s.connect(sys.argv[1])",
  "while True:",
  "    m = s.recv()",
  "    if m == b'soon': time.sleep(0.1)",
  "    if m == b'slow': time.sleep(0.3)",
  "    s.send(m)",
  "    if m == b'quit': break",
].join("\n")

async function withEcho(busyPoll: number, body: (req: zmq.Request) => Promise<void>): Promise<void> {
  const req = track(new zmq.Request({busyPoll, receiveTimeout: 10000}))
  await req.bind("tcp://127.0.0.1:*")
  const peer: Promise<Run> = run(python, ["-c", echo, req.lastEndpoint!], {timeout: 30000})
  await req.send("warm-up")
  expect(await req.receive()).toEqual([Buffer.from("warm-up")])
  await body(req)
  await req.send("quit")
  await req.receive()
  const result = await peer
  expect({status: result.status, transcript: transcript(result)}).toMatchObject({status: 0})
}

// Whether `promise` had settled when it was made (see the top), and its value.
async function settledAtOnce<T>(promise: Promise<T>): Promise<{value: T; atOnce: boolean}> {
  let first: string | undefined
  const reaction = promise.then(value => {
    first ??= "reaction"
    return value
  })
  queueMicrotask(() => (first ??= "microtask"))
  const value = await reaction
  return {value, atOnce: first === "reaction"}
}

async function roundTrip(req: zmq.Request, request: string): Promise<{reply: string; atOnce: boolean}> {
  await req.send(request)
  const {value, atOnce} = await settledAtOnce(req.receive())
  return {reply: value[0].toString(), atOnce}
}

// The reply comes 100 ms late, so a receive that did not spin could not have it at once (an echo
// at once can beat the call's own bookkeeping: see below).
it("a receive spins until the reply comes within the window: it returns it settled", async () => {
  await withEcho(1_000_000, async req => {
    expect(await roundTrip(req, "soon")).toEqual({reply: "soon", atOnce: true})
  })
})

// A reply that is already there completes a receive at once, busyPoll or not, and an echo at
// once can be (CI saw it): the thread was switched out between send and receive for longer
// than the round trip. 100 ms makes that case a stall of 100 ms.
it("without busyPoll a receive that finds nothing waits on the event loop", async () => {
  await withEcho(0, async req => {
    expect(await roundTrip(req, "soon")).toEqual({reply: "soon", atOnce: false})
  })
})

it("the window is bounded: a reply later than it is still received, through the event loop", async () => {
  await withEcho(1000, async req => {
    const started = performance.now()
    expect(await roundTrip(req, "slow")).toEqual({reply: "slow", atOnce: false})
    // The peer waits 300 ms before it answers.
    expect(performance.now() - started).toBeGreaterThanOrEqual(250)
  })
})

it("spins in receiveInto too, and without busyPoll its receive waits on the event loop", async () => {
  // The reply comes 100 ms late: within the window, and far later than the call takes.
  for (const [busyPoll, atOnce] of [
    [1_000_000, true],
    [0, false],
  ] as const) {
    await withEcho(busyPoll, async req => {
      const buffer = Buffer.alloc(16)
      await req.send("soon")
      expect(await settledAtOnce(req.receiveInto(buffer))).toEqual({value: 4, atOnce})
      expect(buffer.subarray(0, 4).toString()).toBe("soon")
    })
  }
})

it("spins in `for await` too", async () => {
  const pull = track(new zmq.Pull({busyPoll: 1_000_000}))
  await pull.bind("tcp://127.0.0.1:*")
  const pusher = [
    "import sys, time, zmq",
    "s = zmq.Context.instance().socket(zmq.PUSH)",
    "s.connect(sys.argv[1])",
    "s.send(b'hello')",
    "time.sleep(0.05)",
    "s.send(b'late')",
    "s.close(linger=5000)",
  ].join("\n")
  const peer = run(python, ["-c", pusher, pull.lastEndpoint!], {timeout: 30000})
  const messages = pull[Symbol.asyncIterator]()
  const hello = await messages.next()
  expect(hello.value?.[0].toString()).toBe("hello")
  // The next message comes 50 ms later, from the peer's own process.
  const {value: late, atOnce} = await settledAtOnce(messages.next())
  expect({message: late.value?.[0].toString(), atOnce}).toEqual({message: "late", atOnce: true})
  expect((await peer).status).toBe(0)
})

it("refuses a busyPoll that is not a whole number of µs from 0 to 1,000,000", () => {
  expect(() => new zmq.Dealer({busyPoll: -1})).toThrow(
    new RangeError(
      'The "options.busyPoll" argument must be an integer from 0 to 1000000 (microseconds); received number -1',
    ),
  )
  expect(() => new zmq.Dealer({busyPoll: 1.5})).toThrow(RangeError)
  expect(() => new zmq.Dealer({busyPoll: 1_000_001})).toThrow(RangeError)
  expect(() => new zmq.Dealer({busyPoll: "10" as unknown as number})).toThrow(
    /The "options.busyPoll" argument must be a number of microseconds; received/,
  )
})
