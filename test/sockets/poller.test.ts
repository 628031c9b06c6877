// Poller over real sockets: which of several sockets is ready, for reading and for writing;
// level-triggered readiness; timeouts, AbortSignals and bad arguments; the async iterator; a
// wait that spends no CPU and leaves the event loop free while it waits.
import * as zmq from "../../lib"
import {closeAfterEach} from "../helpers"
import {link, transports} from "./helpers"
import {engine} from "../../lib/core/handles"

const track = closeAfterEach()

async function pulls(transport: (typeof transports)[number], count: number): Promise<[zmq.Pull, zmq.Push][]> {
  const pairs: [zmq.Pull, zmq.Push][] = []
  for (let i = 0; i < count; i++) {
    const [pull, push] = track.all(new zmq.Pull(), new zmq.Push())
    await link(transport, pull, push)
    pairs.push([pull, push])
  }
  return pairs
}

/** The poller's listeners on the socket (white box: a finished wait must leave none behind). */
const listeners = (socket: zmq.Socket) =>
  (socket[engine] as unknown as {readinessListeners: Set<unknown>}).readinessListeners.size

describe.each(transports)("over %s", transport => {
  it("resolves with the one socket of three that became readable", async () => {
    const pairs = await pulls(transport, 3)
    const poller = new zmq.Poller()
    for (const [pull] of pairs) poller.add(pull)
    const waiting = poller.wait({timeout: 10_000})
    await pairs[1][1].send("for the second")
    const ready = await waiting
    expect(ready).toEqual([{socket: pairs[1][0], readable: true, writable: false}])
    expect(await pairs[1][0].receive()).toEqual([Buffer.from("for the second")])
    for (const [pull] of pairs) expect(listeners(pull)).toBe(0)
  })

  it("resolves at once with every socket ready now, and not again once they are read", async () => {
    const pairs = await pulls(transport, 2)
    await pairs[0][1].send("a")
    await pairs[1][1].send("b")
    const poller = new zmq.Poller().add(pairs[0][0]).add(pairs[1][0])
    // Delivery over tcp/ipc takes a moment: the first wait may see one socket, then the other.
    const seen = new Set<zmq.Socket>()
    while (seen.size < 2) {
      for (const {socket} of await poller.wait({timeout: 10_000})) {
        seen.add(socket)
        await (socket as zmq.Pull).receive()
      }
    }
    expect(await poller.wait({timeout: 30})).toEqual([])
  })
})

it("reports a socket writable again once its peer makes room", async () => {
  const [push, pull] = track.all(
    new zmq.Push({sendHighWaterMark: 1}),
    new zmq.Pull({receiveHighWaterMark: 1}),
  )
  await link("inproc", pull, push)
  const poller = new zmq.Poller().add(push, "writable")
  expect(poller.poll()).toEqual([{socket: push, readable: false, writable: true}])
  let sent = 0
  while (push.writable) await push.send(String(sent++))
  expect(await poller.wait({timeout: 30})).toEqual([])
  const waiting = poller.wait({timeout: 10_000})
  await pull.receive()
  expect(await waiting).toEqual([{socket: push, readable: false, writable: true}])
})

it('"both" reports each direction, only what the socket was added for', async () => {
  const [a, b] = track.all(new zmq.Pair(), new zmq.Pair())
  await link("inproc", a, b)
  await b.send("x")
  const poller = new zmq.Poller().add(a, "both")
  const [item] = await poller.wait({timeout: 10_000})
  expect(item).toEqual({socket: a, readable: true, writable: true})
  poller.add(a, "writable")
  expect(poller.poll()).toEqual([{socket: a, readable: false, writable: true}])
})

it("sees messages the socket has already read ahead from libzmq", async () => {
  const [pull, push] = (await pulls("inproc", 1))[0]
  await push.send("1")
  await push.send("2")
  await pull.receive({timeout: 10_000})
  expect(await new zmq.Poller().add(pull).wait({timeout: 0})).toEqual([
    {socket: pull, readable: true, writable: false},
  ])
})

it("waits without spending CPU or holding the event loop, and resolves [] on timeout", async () => {
  const [pull] = (await pulls("tcp", 1))[0]
  const poller = new zmq.Poller().add(pull)
  let ticks = 0
  const interval = setInterval(() => ticks++, 10)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const ready = await poller.wait({timeout: 300})
  const elapsed = performance.now() - started
  const used = process.cpuUsage(cpu)
  clearInterval(interval)
  expect(ready).toEqual([])
  expect(elapsed).toBeGreaterThanOrEqual(295)
  // A busy loop would use the whole 300 ms and starve the interval.
  expect((used.user + used.system) / 1000).toBeLessThan(100)
  expect(ticks).toBeGreaterThan(5)
  expect(listeners(pull)).toBe(0)
})

it("rejects with an AbortError when its signal aborts, also when aborted before", async () => {
  const [pull] = (await pulls("inproc", 1))[0]
  const poller = new zmq.Poller().add(pull)
  const controller = new AbortController()
  const waiting = poller.wait({signal: controller.signal})
  controller.abort()
  await expect(waiting).rejects.toMatchObject({name: "AbortError"})
  expect(listeners(pull)).toBe(0)
  await expect(poller.wait({signal: AbortSignal.abort()})).rejects.toMatchObject({name: "AbortError"})
})

it("a socket closed while waited on leaves the poller; with none left the wait resolves []", async () => {
  const [[first], [second, secondPush]] = await pulls("inproc", 2)
  const poller = new zmq.Poller().add(first).add(second)
  const waiting = poller.wait()
  first.close()
  await secondPush.send("still here")
  expect(await waiting).toEqual([{socket: second, readable: true, writable: false}])
  expect(poller.size).toBe(1)
  await second.receive()
  const last = poller.wait()
  second.close()
  expect(await last).toEqual([])
  expect(poller.size).toBe(0)
  expect(await new zmq.Poller().wait()).toEqual([])
})

it("as an async iterator: one step per readiness, ending when its sockets are closed", async () => {
  const [[jobs, jobsPush], [control, controlPush]] = await pulls("inproc", 2)
  const poller = new zmq.Poller().add(jobs).add(control)
  const seen: string[] = []
  let jobsDone: () => void = () => undefined
  const bothJobs = new Promise<void>(resolve => (jobsDone = resolve))
  const loop = (async () => {
    for await (const ready of poller) {
      for (const {socket} of ready) {
        const [frame] = await (socket as zmq.Pull).receive()
        seen.push(`${socket === control ? "control" : "job"} ${frame}`)
        if (seen.length === 2) jobsDone()
        if (frame.toString() === "stop") {
          jobs.close()
          control.close()
        }
      }
    }
  })()
  await jobsPush.send("1")
  await jobsPush.send("2")
  await bothJobs
  await controlPush.send("stop")
  await loop
  expect(seen).toEqual(["job 1", "job 2", "control stop"])
})

it("events({signal}) ends when the signal aborts", async () => {
  const [pull] = (await pulls("inproc", 1))[0]
  const controller = new AbortController()
  const steps: unknown[] = []
  const loop = (async () => {
    for await (const ready of new zmq.Poller().add(pull).events({signal: controller.signal}))
      steps.push(ready)
  })()
  setTimeout(() => controller.abort(), 20)
  await loop
  expect(steps).toEqual([])
})

describe("bad arguments", () => {
  it("add() names what is wrong", () => {
    const poller = new zmq.Poller()
    const pull = track(new zmq.Pull())
    expect(() => poller.add({} as zmq.Socket)).toThrow(
      new TypeError('The "socket" argument must be a Socket; received an instance of Object'),
    )
    expect(() => poller.add(pull, "sideways" as zmq.PollInterest)).toThrow(/The "interest" argument must be/)
    pull.close()
    expect(() => poller.add(pull)).toThrow(expect.objectContaining({code: "EBADF"}))
  })

  it("wait() rejects a bad timeout or signal", async () => {
    const poller = new zmq.Poller()
    await expect(poller.wait({timeout: -2})).rejects.toBeInstanceOf(RangeError)
    await expect(poller.wait({timeout: 1.5})).rejects.toBeInstanceOf(RangeError)
    await expect(poller.wait({timeout: "1" as unknown as number})).rejects.toThrow(
      new TypeError(
        'The "options.timeout" argument must be an integer >= -1 (milliseconds); received string 1',
      ),
    )
    await expect(poller.wait({signal: {} as AbortSignal})).rejects.toBeInstanceOf(TypeError)
    await expect(poller.wait(null as unknown as zmq.PollOptions)).rejects.toBeInstanceOf(TypeError)
  })
})
