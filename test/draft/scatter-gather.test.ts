// Scatter/Gather: thread-safe pipeline, round-robin out and fair-queued in, one frame each.
import {Scatter, Gather} from "../../lib/draft"
import {bindAny, closeAll, track, transports} from "./helpers"

afterEach(closeAll)

describe.each(transports)("Scatter/Gather over %s", transport => {
  test("every message arrives, in order, at the one gatherer", async () => {
    const [scatter, gather] = track(new Scatter(), new Gather())
    scatter.connect(await bindAny(gather, transport))
    const messages = Array.from({length: 100}, (_, i) => `m${i}`)
    await scatter.sendMany(messages)
    const received: string[] = []
    while (received.length < messages.length) {
      for (const [frame] of await gather.receiveMany()) received.push(frame.toString())
    }
    expect(received).toEqual(messages)
  })

  test("round-robin across two gatherers", async () => {
    const [scatter, first, second] = track(new Scatter(), new Gather(), new Gather())
    scatter.connect(await bindAny(first, transport))
    scatter.connect(await bindAny(second, transport))
    // Wait until both pipes exist: each gatherer hears something before the count starts.
    const received = {first: 0, second: 0}
    const firstDone = (async () => {
      for (let i = 0; i < 10; i++) {
        await first.receive()
        received.first++
      }
    })()
    const secondDone = (async () => {
      for (let i = 0; i < 10; i++) {
        await second.receive()
        received.second++
      }
    })()
    while (received.first + received.second < 20) {
      await scatter.send("work", {timeout: 1000})
      await new Promise(resolve => setImmediate(resolve))
    }
    await Promise.all([firstDone, secondDone])
    expect(received).toEqual({first: 10, second: 10})
  })

  test("each side has only its direction's methods; conflate is a constructor option", async () => {
    const [scatter, gather] = track(new Scatter({conflate: true}), new Gather({conflate: true}))
    expect(gather.readable).toBe(false)
    expect("send" in gather).toBe(false)
    expect("receive" in scatter).toBe(false)
  })
})
