// Proxies with real traffic: ROUTER/DEALER, PUSH/PULL and XPUB/XSUB brokers, pause and resume,
// capture, termination, sockets closed under a running proxy, and thread and teardown hygiene.
import * as fs from "node:fs"
import {
  Context,
  Dealer,
  Proxy,
  Pull,
  Push,
  Reply,
  Request,
  Router,
  Subscriber,
  XPublisher,
  XSubscriber,
} from "../../lib"
import * as path from "node:path"
import {Client, Server} from "../../lib/draft"
import {runChild} from "../events/helpers"
import {closeAfterEach, root} from "../helpers"

const track = closeAfterEach()

const any = "tcp://127.0.0.1:*"
// Proxy threads (native/proxy.cc names them): the runtime starts and ends threads of its own
// at any time (one more appeared under load), so counting every thread is not a proxy count.
const threads = () =>
  fs
    .readdirSync("/proc/self/task")
    .filter(task => fs.readFileSync(`/proc/self/task/${task}/comm`, "utf8").trim() === "zmq-native/prx")
    .length

/** A PUSH → [PULL | proxy | PUSH] → PULL pipeline, every socket bound or connected. */
async function pipeline(capture?: Push) {
  const frontEnd = track(new Pull())
  const backEnd = track(new Push())
  await frontEnd.bind(any)
  await backEnd.bind(any)
  const producer = track(new Push())
  const consumer = track(new Pull())
  producer.connect(frontEnd.lastEndpoint!)
  consumer.connect(backEnd.lastEndpoint!)
  const proxy = new Proxy(frontEnd, backEnd, capture)
  return {frontEnd, backEnd, producer, consumer, proxy}
}

const text = (messages: Buffer[][]) => messages.map(frames => frames.map(String))

describe("Proxy forwarding", () => {
  it("ROUTER/DEALER: requests reach the worker and replies come back to each client", async () => {
    const frontEnd = track(new Router())
    const backEnd = track(new Dealer())
    await frontEnd.bind(any)
    await backEnd.bind(any)
    const worker = track(new Reply())
    worker.connect(backEnd.lastEndpoint!)
    const clients = [track(new Request()), track(new Request())]
    for (const client of clients) client.connect(frontEnd.lastEndpoint!)
    const proxy = new Proxy(frontEnd, backEnd)
    expect(proxy.frontEnd).toBe(frontEnd)
    expect(proxy.backEnd).toBe(backEnd)
    const running = proxy.run()
    expect(proxy.running).toBe(true)

    const serving = (async () => {
      for (let i = 0; i < 4; i++) {
        const [request] = await worker.receive()
        await worker.send(`re: ${request}`)
      }
    })()
    for (const [index, client] of clients.entries()) {
      for (let round = 0; round < 2; round++) {
        await client.send(`client ${index} round ${round}`)
        await expect(client.receive()).resolves.toEqual([Buffer.from(`re: client ${index} round ${round}`)])
      }
    }
    await serving
    proxy.terminate()
    await expect(running).resolves.toBeUndefined()
    expect(proxy.running).toBe(false)
  })

  it("PUSH/PULL: pause holds messages, resume delivers all of them in order", async () => {
    // pause() returns at once; the proxy's thread takes the command after the burst it may be
    // forwarding (libzmq reads up to 1000 ready messages per turn). It copies the command to its
    // capture socket when it takes it: from then on messages wait.
    const capture = track(new Push())
    await capture.bind(any)
    const tap = track(new Pull())
    tap.connect(capture.lastEndpoint!)
    const {producer, consumer, proxy} = await pipeline(capture)
    const running = proxy.run()
    await producer.send("before")
    await expect(consumer.receive()).resolves.toEqual([Buffer.from("before")])
    await expect(tap.receive()).resolves.toEqual([Buffer.from("before")])

    proxy.pause()
    await expect(tap.receive()).resolves.toEqual([Buffer.from("PAUSE")])
    const held = Array.from({length: 20}, (_, i) => `held ${i}`)
    for (const message of held) await producer.send(message)
    await expect(consumer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})

    proxy.resume()
    const received: string[] = []
    while (received.length < held.length) received.push(String((await consumer.receive())[0]))
    expect(received).toEqual(held)
    proxy.terminate()
    await running
  })

  it("XPUB/XSUB: subscriptions travel up, publications down; the XPublisher sees the subscription", async () => {
    const frontEnd = track(new XSubscriber())
    const backEnd = track(new XPublisher())
    await frontEnd.bind(any)
    await backEnd.bind(any)
    const publisher = track(new XPublisher())
    publisher.connect(frontEnd.lastEndpoint!)
    const subscriberEndpoint = backEnd.lastEndpoint!
    const proxy = new Proxy(frontEnd, backEnd)
    const running = proxy.run()

    const subscriber = track(new Subscriber())
    subscriber.subscribe("news")
    subscriber.connect(subscriberEndpoint)
    // The reliable way to know a subscriber is there: its subscription reaches the publisher.
    await expect(publisher.receive()).resolves.toEqual([Buffer.from("\x01news")])
    await publisher.send(["weather", "rain"])
    await publisher.send(["news", "proxy works"])
    await expect(subscriber.receive()).resolves.toEqual([Buffer.from("news"), Buffer.from("proxy works")])
    proxy.terminate()
    await running
  })

  it("a capture socket receives a copy of every forwarded message", async () => {
    const capture = track(new Push())
    await capture.bind(any)
    const tap = track(new Pull())
    tap.connect(capture.lastEndpoint!)
    const {producer, consumer, proxy} = await pipeline(capture)
    expect(proxy.capture).toBe(capture)
    const running = proxy.run()
    await producer.send(["one", "frame two"])
    await producer.send("three")
    expect(text([await consumer.receive(), await consumer.receive()])).toEqual([
      ["one", "frame two"],
      ["three"],
    ])
    expect(text([await tap.receive(), await tap.receive()])).toEqual([["one", "frame two"], ["three"]])
    proxy.terminate()
    await running
  })

  it("stops at terminate() and can run again", async () => {
    const {producer, consumer, proxy} = await pipeline()
    let running = proxy.run()
    proxy.terminate()
    await running
    await producer.send("queued while stopped")
    await expect(consumer.receive({timeout: 100})).rejects.toMatchObject({code: "EAGAIN"})
    running = proxy.run()
    await expect(consumer.receive()).resolves.toEqual([Buffer.from("queued while stopped")])
    proxy.terminate()
    await running
  })
})

describe("Proxy misuse", () => {
  it("pause, resume and terminate throw EBADF when not running", async () => {
    const {proxy} = await pipeline()
    expect(() => proxy.pause()).toThrow(expect.objectContaining({code: "EBADF"}))
    expect(() => proxy.resume()).toThrow(expect.objectContaining({code: "EBADF"}))
    expect(() => proxy.terminate()).toThrow(expect.objectContaining({code: "EBADF"}))
  })

  it("a running proxy's sockets are busy for JS but their options can be read; run() twice or a second proxy throws EBUSY", async () => {
    const {frontEnd, backEnd, proxy} = await pipeline()
    const running = proxy.run()
    await expect(backEnd.send("direct")).rejects.toMatchObject({code: "EBUSY"})
    await expect(frontEnd.receive()).rejects.toMatchObject({code: "EBUSY"})
    // Reading options is allowed (as in zeromq v6): only this thread writes them.
    expect(frontEnd.lastEndpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    expect(typeof frontEnd.linger).toBe("number")
    expect(() => (frontEnd.linger = 5)).toThrow(expect.objectContaining({code: "EBUSY"}))
    expect(() => frontEnd.events).toThrow(expect.objectContaining({code: "EBUSY"}))
    expect(() => proxy.run()).toThrow(expect.objectContaining({code: "EBUSY"}))
    const another = track(new Push())
    await another.bind(any)
    expect(() => new Proxy(frontEnd, another).run()).toThrow(expect.objectContaining({code: "EBUSY"}))
    proxy.terminate()
    await running
    // Free again once the proxy ended.
    expect(typeof frontEnd.linger).toBe("number")
    await expect(backEnd.send("direct")).resolves.toBeUndefined()
  })

  it("refuses what is not a Socket, and throws EINVAL from run() for ends neither bound nor connected (closed ones too), in zeromq v6's words", async () => {
    const pull = track(new Pull())
    expect(() => new Proxy(pull, {} as Push)).toThrow(
      expect.objectContaining({code: "EINVAL", message: expect.stringMatching(/^Invalid argument: backEnd/)}),
    )
    expect(() => new Proxy(null as unknown as Pull, pull)).toThrow(
      new TypeError("Front-end must be a socket object (got null)"),
    )
    expect(() => new Proxy(pull, 5 as unknown as Push)).toThrow(/^Back-end must be a socket object/)
    const push = track(new Push())
    // libzmq's proxy would wait for ever on them.
    expect(() => new Proxy(pull, push).run()).toThrow(
      expect.objectContaining({code: "EINVAL", message: "Front-end socket must be bound or connected"}),
    )
    await pull.bind(any)
    expect(() => new Proxy(pull, push).run()).toThrow(
      expect.objectContaining({code: "EINVAL", message: "Back-end socket must be bound or connected"}),
    )
    push.connect(pull.lastEndpoint!)
    const closed = new Push()
    closed.close()
    expect(() => new Proxy(pull, closed).run()).toThrow(
      expect.objectContaining({code: "EINVAL", message: "Back-end socket must be bound or connected"}),
    )
  })

  it("refuses a socket whose bind is still running (its thread has it) with EBUSY, then runs", async () => {
    const frontEnd = track(new Pull())
    const backEnd = track(new Push())
    await frontEnd.bind(any)
    const bound = backEnd.bind(any)
    const proxy = new Proxy(frontEnd, backEnd)
    expect(() => proxy.run()).toThrow(
      expect.objectContaining({code: "EBUSY", message: "Socket is blocked by a bind or unbind operation"}),
    )
    await bound
    const done = proxy.run()
    proxy.terminate()
    await expect(done).resolves.toBeUndefined()
  })

  it("refuses thread-safe draft sockets with ENOTSUP", async () => {
    const server = track(new Server())
    const client = track(new Client())
    await server.bind(any)
    client.connect(server.lastEndpoint!)
    expect(() => new Proxy(server, client).run()).toThrow(expect.objectContaining({code: "ENOTSUP"}))
    expect(server.closed).toBe(false)
  })

  it("closing a socket under a running proxy stops it: run() rejects with EBADF, the other socket still works", async () => {
    const {frontEnd, backEnd, producer, consumer, proxy} = await pipeline()
    const outcome = expect(proxy.run()).rejects.toMatchObject({code: "EBADF"})
    await producer.send("through")
    await expect(consumer.receive()).resolves.toEqual([Buffer.from("through")])
    frontEnd.close()
    await outcome
    expect(frontEnd.closed).toBe(true)
    expect(proxy.running).toBe(false)
    await backEnd.send("after")
    await expect(consumer.receive()).resolves.toEqual([Buffer.from("after")])
  })

  it("closing the context under a running proxy rejects run() and does not hang", async () => {
    const context = new Context()
    const frontEnd = new Pull({context})
    const backEnd = new Push({context})
    await frontEnd.bind(any)
    await backEnd.bind(any)
    const proxy = new Proxy(frontEnd, backEnd)
    const outcome = expect(proxy.run()).rejects.toMatchObject({code: "EBADF"})
    await context.close({timeout: 0})
    await outcome
    expect(frontEnd.closed && backEnd.closed).toBe(true)
  })
})

describe("Proxy threads and teardown", () => {
  it("50 proxies started and terminated leave no thread behind", async () => {
    const {proxy} = await pipeline()
    const before = threads()
    for (let i = 0; i < 50; i++) {
      const running = proxy.run()
      expect(threads()).toBe(before + 1)
      proxy.terminate()
      await running
    }
    expect(threads()).toBe(before)
    const {frontEnd, backEnd} = proxy
    const proxies = Array.from({length: 50}, (_, i) => {
      const pull = track(new Pull())
      const push = track(new Push())
      pull.bindSync(`inproc://proxy-threads-${i}-front`)
      push.bindSync(`inproc://proxy-threads-${i}-back`)
      return new Proxy(pull, push)
    })
    const runs = proxies.map(p => p.run())
    expect(threads()).toBe(before + 50)
    for (const p of proxies) p.terminate()
    await Promise.all(runs)
    expect(threads()).toBe(before)
    expect(frontEnd.closed || backEnd.closed).toBe(false)
  })

  it("a process exits with a proxy running: the proxy is stopped, nothing hangs", async () => {
    const result = await runChild(`
      const frontEnd = new zmq.Pull(), backEnd = new zmq.Push()
      frontEnd.bindSync("tcp://127.0.0.1:0")
      backEnd.bindSync("tcp://127.0.0.1:0")
      const proxy = new zmq.Proxy(frontEnd, backEnd)
      proxy.run().then(() => console.log("resolved"), e => console.log("rejected", e.code))
      setTimeout(() => { console.log("exiting"); process.exit(0) }, 100)
    `)
    expect(result).toMatchObject({status: 0, signal: null, stdout: "exiting\n", stderr: ""})
  })

  it("a running proxy keeps the process alive until terminated", async () => {
    const result = await runChild(`
      const proxy = new zmq.Proxy(new zmq.Pull(), new zmq.Push())
      proxy.frontEnd.bindSync("inproc://front")
      proxy.backEnd.bindSync("inproc://back")
      proxy.run().then(() => { console.log("ended"); proxy.frontEnd.close(); proxy.backEnd.close() })
      setTimeout(() => proxy.terminate(), 200)
    `)
    expect(result).toMatchObject({status: 0, signal: null, stdout: "ended\n", stderr: ""})
    expect(result.seconds).toBeGreaterThanOrEqual(0.2)
  })

  it("a worker thread terminated with a proxy running: no hang, no crash", async () => {
    const result = await runChild(`
      const {Worker} = require("node:worker_threads")
      const source = "const zmq = require(" + ${JSON.stringify(JSON.stringify(path.join(root, "dist")))} + ");" +
        "const {parentPort} = require('node:worker_threads');" +
        "const p = new zmq.Proxy(new zmq.Pull(), new zmq.Push());" +
        "p.frontEnd.bindSync('inproc://front'); p.backEnd.bindSync('inproc://back');" +
        "p.run().catch(e => console.log('rejected', e.message));" +
        "parentPort.postMessage(p.running ? 'running' : 'not running')"
      const worker = new Worker(source, {eval: true})
      worker.once("message", async state => {
        await worker.terminate()
        console.log(state, "then terminated")
      })
    `)
    expect(result).toMatchObject({status: 0, signal: null, stdout: "running then terminated\n", stderr: ""})
  })
})

describe("Proxy sends that cannot complete", () => {
  // A PUSH/PULL proxy whose PUSH capture has no peer, with one message sent through it: libzmq's
  // proxy blocks in the capture send (it copies control commands there too). Each case runs in a
  // child with a time limit, so a hang fails the test instead of the suite.
  const blocked = `
    async function blocked(captureOptions) {
      const frontEnd = new zmq.Pull(), backEnd = new zmq.Push(), capture = new zmq.Push(captureOptions)
      await frontEnd.bind("tcp://127.0.0.1:*")
      await backEnd.bind("tcp://127.0.0.1:*")
      const producer = new zmq.Push(), consumer = new zmq.Pull()
      producer.connect(frontEnd.lastEndpoint)
      consumer.connect(backEnd.lastEndpoint)
      const proxy = new zmq.Proxy(frontEnd, backEnd, capture)
      const running = proxy.run()
      await producer.send("through")
      const closeAll = () => { for (const s of [frontEnd, backEnd, capture, producer, consumer]) s.close() }
      return {proxy, running, frontEnd, backEnd, capture, closeAll}
    }
    const settled = p => p.then(() => "resolved", e => "rejected " + e.code)
  `

  it("terminate(): run() rejects with EAGAIN once the capture send times out", async () => {
    const result = await runChild(
      `${blocked}
      blocked().then(async ({proxy, running, closeAll}) => {
        proxy.terminate()
        console.log(await settled(running))
        closeAll()
        console.log("closed")
      })
    `,
      15000,
    )
    expect(result).toMatchObject({status: 0, signal: null, stdout: "rejected EAGAIN\nclosed\n", stderr: ""})
  })

  it("close() of a proxied socket returns and run() rejects with EBADF", async () => {
    const result = await runChild(
      `${blocked}
      blocked().then(async ({running, frontEnd, closeAll}) => {
        frontEnd.close()
        console.log(await settled(running))
        closeAll()
      })
    `,
      15000,
    )
    expect(result).toMatchObject({status: 0, signal: null, stdout: "rejected EBADF\n", stderr: ""})
  })

  it("pause() returns at once while the proxy's thread is blocked in a send; run() rejects with EAGAIN", async () => {
    // proxy.running turns false only on the JS thread, after the thread ended: still true right
    // after pause() unless pause() waited for the thread.
    const result = await runChild(
      `${blocked}
      blocked().then(async ({proxy, running, closeAll}) => {
        proxy.pause()
        console.log("paused, running:", proxy.running)
        console.log(await settled(running))
        closeAll()
      })
    `,
      15000,
    )
    expect(result).toMatchObject({
      status: 0,
      signal: null,
      stdout: "paused, running: true\nrejected EAGAIN\n",
      stderr: "",
    })
  })

  it("the process exits while the proxy is blocked in a send", async () => {
    const result = await runChild(
      `${blocked}
      blocked().then(() => { console.log("exiting"); process.exit(0) })
    `,
      15000,
    )
    expect(result).toMatchObject({status: 0, signal: null, stdout: "exiting\n", stderr: ""})
  })

  it("a sendTimeout set by the program is kept; -1 comes back after the run", async () => {
    const result = await runChild(
      `${blocked}
      blocked({sendTimeout: 200}).then(async ({proxy, running, backEnd, capture, closeAll}) => {
        proxy.terminate()
        console.log(await settled(running))
        console.log(capture.sendTimeout, backEnd.sendTimeout)
        closeAll()
      })
    `,
      15000,
    )
    expect(result).toMatchObject({status: 0, signal: null, stdout: "rejected EAGAIN\n200 -1\n", stderr: ""})
  })
})
