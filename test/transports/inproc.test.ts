// inproc: within one thread, across worker threads through the shared default context, and
// connecting before the bind.
import * as path from "node:path"
import {once} from "node:events"
import {Worker} from "node:worker_threads"
import {Context, Pair, Pull, Push} from "../../lib"
import {closeAfterEach, inprocEndpoint} from "../helpers"
import {deliversWhenConnectedFirst, fixtures} from "./fixtures/harness"

const track = closeAfterEach()

const endpoint = () => inprocEndpoint("transports")

describe("inproc", () => {
  it("carries messages both ways within one thread", async () => {
    const address = endpoint()
    const bound = track(new Pair())
    await bound.bind(address)
    expect(bound.lastEndpoint).toBe(address)
    const connected = track(new Pair())
    connected.connect(address)
    await connected.send(["two", "frames"])
    await expect(bound.receive()).resolves.toEqual([Buffer.from("two"), Buffer.from("frames")])
    await bound.send("back")
    await expect(connected.receive()).resolves.toEqual([Buffer.from("back")])
  })

  it("connects before the bind and delivers once it exists", async () => {
    await deliversWhenConnectedFirst(endpoint(), track)
  })

  it("stays inside its context: another context does not see the name", async () => {
    const address = endpoint()
    const bound = track(new Pull())
    await bound.bind(address)
    const other = new Context()
    const push = new Push({context: other, linger: 0})
    push.connect(address)
    await push.send("elsewhere")
    await expect(bound.receive({timeout: 100})).rejects.toMatchObject({code: "EAGAIN"})
    push.close()
    await other.close()
  })

  it("reaches a worker thread through the shared default context", async () => {
    const address = endpoint()
    const bound = track(new Pair({receiveTimeout: 10000}))
    await bound.bind(address)
    const worker = new Worker(path.join(fixtures, "inproc-worker.js"), {workerData: {endpoint: address}})
    const exited = once(worker, "exit")
    const reported = once(worker, "message")
    await bound.send("hello from the main thread")
    await expect(bound.receive()).resolves.toEqual([Buffer.from("echo: hello from the main thread")])
    await expect(reported).resolves.toEqual(["done"])
    await expect(exited).resolves.toEqual([0])
  })

  it("reaches a worker thread that connected before the main thread bound", async () => {
    const address = endpoint()
    const worker = new Worker(path.join(fixtures, "inproc-worker.js"), {workerData: {endpoint: address}})
    const exited = once(worker, "exit")
    const reported = once(worker, "message")
    await once(worker, "online")
    const bound = track(new Pair({receiveTimeout: 10000}))
    await bound.bind(address)
    await bound.send("late bind")
    await expect(bound.receive()).resolves.toEqual([Buffer.from("echo: late bind")])
    await expect(reported).resolves.toEqual(["done"])
    await expect(exited).resolves.toEqual([0])
  })
})
