// Send and receive as operations: queued in call order, per-call timeout and AbortSignal,
// backpressure at the high-water mark, batches, readiness, iteration and disposal.
import * as zmq from "../../lib"
import {closeAfterEach, inprocEndpoint} from "../helpers"
import {link, text} from "./helpers"

describe("send and receive operations", () => {
  const use = closeAfterEach()

  async function pipe(options: {push?: zmq.Options<"Push">; pull?: zmq.Options<"Pull">} = {}) {
    const pull = use(new zmq.Pull(options.pull))
    const push = use(new zmq.Push(options.push))
    await link("tcp", pull, push)
    return {push, pull}
  }

  it("concurrent receives are served in call order (no EBUSY)", async () => {
    const {push, pull} = await pipe()
    const receives = Array.from({length: 20}, () => pull.receive())
    for (let i = 0; i < 20; i++) await push.send(String(i))
    const got = (await Promise.all(receives)).map(frames => frames[0].toString())
    expect(got).toEqual(Array.from({length: 20}, (_, i) => String(i)))
  })

  it("concurrent sends go out in call order", async () => {
    const {push, pull} = await pipe()
    const sends = Array.from({length: 500}, (_, i) => push.send(["n", String(i)]))
    await Promise.all(sends)
    for (let i = 0; i < 500; i++) expect(text(await pull.receive())).toEqual(["n", String(i)])
  })

  it("a per-call timeout rejects with EAGAIN and overrides receiveTimeout", async () => {
    const {pull, push} = await pipe({pull: {receiveTimeout: 60000}, push: {sendTimeout: 60000}})
    await expect(pull.receive({timeout: 10})).rejects.toMatchObject({code: "EAGAIN"})
    const lonely = use(new zmq.Push())
    await expect(lonely.send("x", {timeout: 10})).rejects.toMatchObject({code: "EAGAIN"})
    // The socket still works afterwards.
    await push.send("after")
    expect(text(await pull.receive())).toEqual(["after"])
  })

  it("the error of a queued operation carries the stack of the code that awaited it", async () => {
    const {pull} = await pipe()
    const lonely = use(new zmq.Push())
    async function receiveTooLong() {
      await pull.receive({timeout: 10})
    }
    async function sendTooLong() {
      await lonely.send("x", {timeout: 10})
    }
    async function waitTooLong() {
      await pull.events.waitFor("accept", {timeout: 10})
    }
    // Settled from a timer, yet the stack names the caller, not the timer.
    await expect(receiveTooLong()).rejects.toMatchObject({
      code: "EAGAIN",
      stack: expect.stringContaining("receiveTooLong"),
    })
    await expect(sendTooLong()).rejects.toMatchObject({
      code: "EAGAIN",
      stack: expect.stringContaining("sendTooLong"),
    })
    await expect(waitTooLong()).rejects.toMatchObject({
      code: "EAGAIN",
      stack: expect.stringContaining("waitTooLong"),
    })
    const error = await receiveTooLong().catch(caught => caught)
    expect(error.stack).toMatch(/^Error: Operation was not possible or timed out\n/)
    expect(error.stack).not.toMatch(/listOnTimeout|processTimers/)
  })

  it("a timeout out of range is a RangeError naming it, one of the wrong type a TypeError", async () => {
    const {pull, push} = await pipe()
    const named = expect.objectContaining({message: expect.stringContaining('"options.timeout"')})
    for (const timeout of [1.5, -2, NaN]) {
      await expect(pull.receive({timeout})).rejects.toThrow(RangeError)
      await expect(pull.receive({timeout})).rejects.toEqual(named)
      await expect(push.send("x", {timeout})).rejects.toThrow(RangeError)
    }
    await expect(pull.receive({timeout: "10" as never})).rejects.toThrow(TypeError)
    await expect(pull.receive({timeout: "10" as never})).rejects.toEqual(named)
  })

  it("an already-aborted signal rejects at once and consumes nothing", async () => {
    const {push, pull} = await pipe()
    await push.send("kept")
    const controller = new AbortController()
    controller.abort()
    await expect(pull.receive({signal: controller.signal})).rejects.toMatchObject({name: "AbortError"})
    await expect(push.send("never", {signal: controller.signal})).rejects.toMatchObject({name: "AbortError"})
    await push.send("next")
    expect(text(await pull.receive())).toEqual(["kept"])
    expect(text(await pull.receive())).toEqual(["next"])
  })

  it("aborting a pending receive neither loses nor reorders other messages", async () => {
    const {push, pull} = await pipe()
    const controller = new AbortController()
    const first = pull.receive()
    const aborted = pull.receive({signal: controller.signal})
    const third = pull.receive()
    controller.abort(new Error("stop"))
    await expect(aborted).rejects.toThrow("stop")
    await push.send("a")
    await push.send("b")
    await push.send("c")
    expect(text(await first)).toEqual(["a"])
    expect(text(await third)).toEqual(["b"])
    expect(text(await pull.receive())).toEqual(["c"])
  })

  it("aborting a pending send drops only that message", async () => {
    const push = use(new zmq.Push())
    const controller = new AbortController()
    const sends = [push.send("1"), push.send("2", {signal: controller.signal}), push.send("3")]
    controller.abort()
    await expect(sends[1]).rejects.toMatchObject({name: "AbortError"})
    const pull = use(new zmq.Pull())
    await link("tcp", pull, push)
    await Promise.all([sends[0], sends[2]])
    expect(text(await pull.receive())).toEqual(["1"])
    expect(text(await pull.receive())).toEqual(["3"])
  })

  it("a send blocked by the high-water mark waits and resolves once drained; nothing is dropped", async () => {
    const {push, pull} = await pipe({push: {sendHighWaterMark: 1}, pull: {receiveHighWaterMark: 1}})
    const total = 5000
    const payload = Buffer.alloc(1024, 1)
    let settled = 0
    const sends = Array.from({length: total}, (_, i) => push.send([String(i), payload]).then(() => settled++))
    // With both queues tiny, most sends must still be waiting.
    await new Promise(resolve => setImmediate(resolve))
    expect(settled).toBeLessThan(total)
    for (let i = 0; i < total; i++) {
      const [index] = await pull.receive()
      expect(index.toString()).toBe(String(i))
    }
    await Promise.all(sends)
    expect(settled).toBe(total)
  })

  it("a send that blocks while ZMQ_EVENTS says writable times out, and is sent once there is room", async () => {
    // A mandatory Router reports POLLOUT while any peer has room; a send to a full peer still
    // blocks. This spun in a synchronous loop, the timeout never fired and the process hung.
    const endpoint = inprocEndpoint("mandatory")
    const router = use(new zmq.Router({mandatory: true, sendHighWaterMark: 1}))
    await router.bind(endpoint)
    const full = use(new zmq.Dealer({routingId: "full", receiveHighWaterMark: 1}))
    const idle = use(new zmq.Dealer({routingId: "idle", receiveHighWaterMark: 1}))
    full.connect(endpoint)
    idle.connect(endpoint)
    await full.send("hello")
    await idle.send("hello")
    await router.receive()
    await router.receive()
    let sent = 0
    let blocked: unknown
    while (blocked === undefined) {
      await router.send(["full", String(sent)], {timeout: 200}).then(
        () => sent++,
        error => (blocked = error),
      )
    }
    expect(blocked).toMatchObject({code: "EAGAIN"})
    // Still served once the peer reads: the wait goes on after the spurious readiness.
    const later = router.send(["full", "later"])
    for (let i = 0; i < sent; i++) expect(text(await full.receive())).toEqual([String(i)])
    await later
    expect(text(await full.receive())).toEqual(["later"])
  })

  it("sendMany sends each message once across chunks, slow-path frames and backpressure", async () => {
    const {push, pull} = await pipe({push: {sendHighWaterMark: 100}, pull: {receiveHighWaterMark: 100}})
    // Numbers take the slow path (sent as text) between Buffers; 3000 spans several native chunks.
    const messages = Array.from({length: 3000}, (_, i) => (i % 11 === 0 ? i : Buffer.from(String(i))))
    const received: string[] = []
    const receiving = (async () => {
      while (received.length < messages.length)
        received.push(...(await pull.receiveMany()).map(m => m[0].toString()))
    })()
    await push.sendMany(messages)
    await receiving
    expect(received).toEqual(messages.map(String))
  })

  it("sendMany and receiveMany move batches in order", async () => {
    const {push, pull} = await pipe()
    const messages = Array.from({length: 300}, (_, i) => (i % 2 ? String(i) : [String(i), "two"]))
    await push.sendMany(messages)
    const received: Buffer[][] = []
    while (received.length < messages.length) {
      const batch = await pull.receiveMany(64)
      expect(batch.length).toBeGreaterThan(0)
      expect(batch.length).toBeLessThanOrEqual(64)
      received.push(...batch)
    }
    expect(received.map(text)).toEqual(messages.map(m => (Array.isArray(m) ? m : [m])))
    const namedMax = expect.objectContaining({message: expect.stringContaining('"max"')})
    for (const max of [0, -1, 1.5]) {
      await expect(pull.receiveMany(max)).rejects.toThrow(RangeError)
      await expect(pull.receiveMany(max)).rejects.toEqual(namedMax)
    }
    await expect(pull.receiveMany("8" as never)).rejects.toThrow(TypeError)
    await expect(pull.receiveMany("8" as never)).rejects.toEqual(namedMax)
    await expect(push.sendMany("x" as never)).rejects.toThrow(/"messages"/)
  })

  it("readable and writable tell whether an operation would complete now", async () => {
    const {push, pull} = await pipe()
    expect(pull.readable).toBe(false)
    expect(push.writable).toBe(true)
    await push.send("x")
    await pull.receive({timeout: 5000}).then(frames => expect(text(frames)).toEqual(["x"]))
    const lonely = use(new zmq.Push())
    expect(lonely.writable).toBe(false)
    push.close()
    expect(push.writable).toBe(false)
    pull.close()
    expect(pull.readable).toBe(false)
  })

  it("readable turns true when a message is waiting", async () => {
    const {push, pull} = await pipe()
    await push.send("x")
    const iterate = pull[Symbol.asyncIterator]()
    expect(text((await iterate.next()).value as Buffer[])).toEqual(["x"])
    await push.send("y")
    // readable has no event of its own: poll it, bounded.
    const deadline = Date.now() + 5000
    while (!pull.readable && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 1))
    expect(pull.readable).toBe(true)
    expect(text(await pull.receive())).toEqual(["y"])
  })

  it("for await ends when the socket closes", async () => {
    const {push, pull} = await pipe()
    for (let i = 0; i < 3; i++) await push.send(String(i))
    const seen: string[] = []
    for await (const [frame] of pull) {
      seen.push(frame.toString())
      if (seen.length === 3) setImmediate(() => pull.close())
    }
    expect(seen).toEqual(["0", "1", "2"])
    expect(pull.closed).toBe(true)
  })

  it("Symbol.asyncDispose closes the socket", async () => {
    const pull = new zmq.Pull()
    await pull[Symbol.asyncDispose]()
    expect(pull.closed).toBe(true)
  })

  it("a receive's libzmq error settles that receive, not the pending send (EFSM)", async () => {
    const request = use(new zmq.Request({immediate: true}))
    const sending = request.send("x", {timeout: 500})
    const receiving = request.receive({timeout: 500})
    await expect(receiving).rejects.toMatchObject({code: "EFSM"})
    await expect(sending).rejects.toMatchObject({code: "EAGAIN"})
    // Nothing stalled: with a peer the socket does a full round trip.
    const reply = use(new zmq.Reply())
    await link("tcp", reply, request)
    const answered = request.send("ping").then(() => request.receive())
    await reply.send(`re: ${(await reply.receive())[0]}`)
    expect(text(await answered)).toEqual(["re: ping"])
  })

  it("a send's libzmq error settles that send; the pending receive still gets its reply", async () => {
    const reply = use(new zmq.Reply())
    const request = use(new zmq.Request())
    await link("tcp", reply, request)
    const first = request.send("a")
    const second = request.send("b")
    const answer = request.receive()
    await expect(first).resolves.toBeUndefined()
    await expect(second).rejects.toMatchObject({code: "EFSM"})
    await reply.send(`re: ${(await reply.receive())[0]}`)
    expect(text(await answer)).toEqual(["re: a"])
  })

  it("close() is idempotent; pending operations reject with EAGAIN, later ones throw EBADF (as zeromq v6's)", async () => {
    const pull = new zmq.Pull()
    const pending = pull.receive()
    pull.close()
    pull.close()
    await expect(pending).rejects.toMatchObject({code: "EAGAIN"})
    const closed = {code: "EBADF", message: "Socket is closed"}
    expect(() => pull.receive()).toThrow(expect.objectContaining(closed))
    expect(() => pull.receive({timeout: 10})).toThrow(expect.objectContaining(closed))
    expect(() => pull.receiveMany()).toThrow(expect.objectContaining(closed))
    const push = new zmq.Push()
    push.close()
    expect(() => push.send("x")).toThrow(expect.objectContaining(closed))
    expect(() => push.send("x", {timeout: 10})).toThrow(expect.objectContaining(closed))
    expect(() => push.sendMany(["x"])).toThrow(expect.objectContaining(closed))
    expect(() => pull.connect("tcp://127.0.0.1:1")).toThrow(expect.objectContaining({code: "EBADF"}))
  })

  it("while a bind runs (on the thread pool) the socket is its, as in v6: EBUSY, options wait, then served", async () => {
    const peer = use(new zmq.Push())
    const pull = use(new zmq.Pull())
    const waiting = pull.receive({timeout: 5000})
    const bound = pull.bind("tcp://127.0.0.1:*")
    const blocked = {code: "EBUSY", errno: 16, message: "Socket is blocked by a bind or unbind operation"}
    expect(() => pull.bind("tcp://127.0.0.1:*")).toThrow(expect.objectContaining(blocked))
    expect(() => pull.disconnect("tcp://127.0.0.1:1")).toThrow(expect.objectContaining(blocked))
    await expect(pull.receive()).rejects.toMatchObject(blocked)
    // Options and readiness wait for the running call instead.
    pull.receiveHighWaterMark = 10
    expect([pull.receiveHighWaterMark, pull.readable]).toEqual([10, false])
    await bound
    // The receive that waited from before the bind is served once it settled.
    peer.connect(pull.lastEndpoint!)
    await peer.send("after the bind")
    expect(text(await waiting)).toEqual(["after the bind"])
  })
})
