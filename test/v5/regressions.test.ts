// Where zeromq@6's v5-compat breaks zeromq v5's semantics, and v5-era programs with it, we follow
// v5. One regression test each, with real peers (other processes where the program's own
// process lifetime is the point):
// 1. send() hands the message to libzmq at once when libzmq can take it: a publisher's
//    synchronous `while (true) send()` loop delivers while it runs, in flat memory; and
//    `send(); …; close(); process.exit()` delivers every message.
// 2. A REQ client with requests queued, answered fast, does not stall after a few replies.
// 3. Peers that connect over inproc while an asynchronous bind() is completing are served, and
//    so are those that connect after it (zeromq's never delivers to such a SUB).
// 4. resume() delivers what pause() held (zeromq's delivers none of it, one message at close).
import {spawn, type ChildProcessWithoutNullStreams} from "node:child_process"
import * as path from "node:path"
import * as readline from "node:readline"
import {checkBuilt} from "../packaging/built"
import {python} from "../interop/peer"
import {exiting} from "../lifecycle/exiting"
import {freeTcpPort} from "../helpers"
import {every, messages, ours as zmq, socketsClosedAfterEach} from "./helpers"

const fixtures = path.join(__dirname, "fixtures")
const make = socketsClosedAfterEach()

beforeAll(checkBuilt)

const children: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL")
})

/** Starts a fixture; `line()` resolves with each line it prints, in order. */
function start(
  command: string,
  args: string[],
): {child: ChildProcessWithoutNullStreams; line(): Promise<string>} {
  const child = spawn(command, args, {stdio: ["pipe", "pipe", "pipe"]})
  children.push(child)
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  let stderr = ""
  child.stderr.on("data", chunk => (stderr += chunk))
  readline.createInterface({input: child.stdout}).on("line", text => {
    const waiter = waiting.shift()
    if (waiter) waiter(text)
    else lines.push(text)
  })
  const line = () =>
    new Promise<string>((resolve, reject) => {
      const ready = lines.shift()
      if (ready !== undefined) return resolve(ready)
      waiting.push(resolve)
      child.once("exit", code => reject(new Error(`${args[0]} exited (${code}) first:\n${stderr}`)))
    })
  return {child, line}
}

async function endpointOf(fixture: ReturnType<typeof start>): Promise<string> {
  const line = await fixture.line()
  expect(line).toMatch(/^endpoint /)
  return line.slice("endpoint ".length)
}

describe("1. send() hands the message to libzmq at once", () => {
  it("a publisher's synchronous send loop delivers while it runs, and its heap stays flat", async () => {
    const publisher = start(process.execPath, [path.join(fixtures, "publish-loop.js"), "1.5"])
    const sub = make("sub")
    sub.connect(await endpointOf(publisher))
    sub.subscribe("tick")
    let received = 0
    let firstAt = 0
    sub.on("message", () => {
      if (received++ === 0) firstAt = Date.now()
    })
    const report = JSON.parse(await publisher.line()) as {sent: number; loopEnded: number; heapGrowth: number}
    expect(report.sent).toBeGreaterThan(10_000)
    // zeromq@6's v5-compat queues every message in JS until the loop yields (it never does):
    // nothing arrives meanwhile, and memory grows with every send.
    expect(received).toBeGreaterThan(0)
    expect(firstAt).toBeLessThan(report.loopEnded)
    expect(report.heapGrowth).toBeLessThan(64 * 2 ** 20)
  })

  it("send() × 100, close(), process.exit(): all 100 arrive, at a peer that binds only then", async () => {
    const endpoint = `tcp://127.0.0.1:${await freeTcpPort()}`
    const {exited} = await exiting(endpoint, "/v5-compat")
    const pull = make("pull")
    const all = messages(pull, 100)
    pull.bindSync(endpoint)
    expect((await all).map(([text]) => text)).toEqual([...Array(100).keys()].map(i => `message ${i}`))
    expect(await exited).toBe(0)
  })
})

describe("2. a REQ client answered fast", () => {
  it("gets every reply to 500 requests queued at once from a pyzmq REP peer, in order", async () => {
    const peer = start(python, [path.join(fixtures, "echo-rep.py")])
    const req = make("req")
    req.connect(await endpointOf(peer))
    const replies = messages(req, 500)
    for (let i = 0; i < 500; i++) req.send(`request ${i}`)
    expect((await replies).map(([text]) => text)).toEqual([...Array(500).keys()].map(i => `request ${i}`))
  })

  it.each(["tcp", "inproc"])(
    "keeps asking from its reply listener, 2000 round trips over %s",
    async transport => {
      const rep = make("rep")
      const req = make("req")
      rep.bindSync(transport === "tcp" ? "tcp://127.0.0.1:*" : "inproc://v5-regression-req")
      req.connect(rep.last_endpoint!)
      rep.on("message", (request: Buffer) => rep.send(request))
      const done = new Promise<number>(resolve => {
        let count = 0
        req.on("message", () => {
          if (++count === 2000) resolve(count)
          else req.send("again")
        })
      })
      req.send("first")
      expect(await done).toBe(2000)
    },
  )
})

describe("3. inproc peers connecting while bind() completes", () => {
  it("a REQ that connects and sends before the bind callback gets its reply", async () => {
    const rep = make("rep")
    const req = make("req")
    rep.on("message", (request: Buffer) => rep.send(`re: ${request}`))
    const bound = new Promise<unknown>(resolve => rep.bind("inproc://v5-regression-rep", resolve))
    req.connect("inproc://v5-regression-rep")
    const reply = messages(req, 1)
    req.send("hello")
    expect(await bound).toBeUndefined()
    expect(await reply).toEqual([["re: hello"]])
  })

  it("a PUSH that connects and sends before the bind callback has all its messages pulled", async () => {
    const pull = make("pull")
    const push = make("push")
    const received = messages(pull, 3)
    pull.bind("inproc://v5-regression-pull")
    push.connect("inproc://v5-regression-pull")
    for (const text of ["a", "b", "c"]) push.send(text)
    expect(await received).toEqual([["a"], ["b"], ["c"]])
  })

  it("a SUB that connects after the bind callback gets the PUB's messages", async () => {
    const pub = make("pub")
    const sub = make("sub")
    await new Promise(resolve => pub.bind("inproc://v5-regression-pub", resolve))
    sub.connect("inproc://v5-regression-pub")
    sub.subscribe("news")
    const received = messages(sub, 1)
    // The subscription reaches the publisher asynchronously: publish until it is through.
    const stop = every(5, () => pub.send("news"))
    expect(await received).toEqual([["news"]])
    stop()
  })

  it("a peer that connected before bind() was even called is served too", async () => {
    const pull = make("pull")
    const push = make("push")
    push.connect("inproc://v5-regression-early")
    push.send("early")
    const received = messages(pull, 1)
    pull.bind("inproc://v5-regression-early", error => expect(error).toBeUndefined())
    expect(await received).toEqual([["early"]])
  })
})

describe("4. resume() delivers what pause() held", () => {
  it("every held message, in order, without a new one arriving", async () => {
    const pull = make("pull")
    const push = make("push")
    await new Promise(resolve => pull.bind("tcp://127.0.0.1:*", resolve))
    push.connect(pull.last_endpoint!)
    const first = messages(pull, 1)
    push.send("before")
    await first
    pull.pause()
    for (const text of ["held 1", "held 2", "held 3"]) push.send(text)
    while ((pull._ioevents & zmq.ZMQ_POLLIN) === 0) await new Promise(resolve => setImmediate(resolve))
    const held = messages(pull, 3)
    pull.resume()
    expect(await held).toEqual([["held 1"], ["held 2"], ["held 3"]])
  })
})
