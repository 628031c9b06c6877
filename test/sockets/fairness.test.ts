// Event-loop fairness (lib/core/fairness.ts): a socket whose operations keep completing at once
// gives the loop a turn after a bounded burst of them, counted per socket, and
// its promises still resolve in the order their operations completed.
import * as zmq from "../../lib"
import {closeAfterEach} from "../helpers"
import {link, text} from "./helpers"

describe("event-loop fairness", () => {
  const use = closeAfterEach()

  async function pair(): Promise<[zmq.Pair, zmq.Pair]> {
    const options = {sendHighWaterMark: 0, receiveHighWaterMark: 0}
    const a = use(new zmq.Pair(options))
    const b = use(new zmq.Pair(options))
    await link("inproc", a, b)
    return [a, b]
  }

  // Counts the loop's turns from now on: a macrotask (setImmediate) runs only when it turns.
  function turns(): {readonly count: number; stop(): void} {
    let count = 0
    let immediate: NodeJS.Immediate | undefined
    const tick = () => {
      count++
      immediate = setImmediate(tick)
    }
    immediate = setImmediate(tick)
    return {
      get count() {
        return count
      },
      stop: () => clearImmediate(immediate),
    }
  }

  it("a socket gives the loop a turn within 512 immediate completions", async () => {
    const [a] = await pair()
    const loop = turns()
    for (let i = 0; i < 2000; i++) await a.send("x")
    loop.stop()
    expect(loop.count).toBeGreaterThanOrEqual(3)
  })

  it("each socket counts its own burst: two sockets taking turns stay within their bounds", async () => {
    const [a, b] = await pair()
    const [c, d] = await pair()
    // Both bursts begin at a loop turn.
    await new Promise(resolve => setImmediate(resolve))
    const loop = turns()
    for (let i = 0; i < 400; i++) {
      await a.send("x")
      await c.send("y")
    }
    const during = loop.count
    // Past one socket's bound, the loop turns.
    for (let i = 0; i < 200; i++) await a.send("x")
    loop.stop()
    expect([during, loop.count >= 1]).toEqual([0, true])
    // Nothing sent was lost on the way.
    expect(text(await b.receive())).toEqual(["x"])
    expect(text(await d.receive())).toEqual(["y"])
  })

  it("promises resolve in completion order across a turn, queued operations' too", async () => {
    const [a, b] = await pair()
    for (let i = 0; i < 700; i++) await a.send(String(i))
    const order: number[] = []
    // 700 receive at once (the last ones after a turn), 100 wait in the queue for messages sent
    // while the earlier promises still wait for that turn.
    const receives = Array.from({length: 800}, (_, i) =>
      b.receive().then(message => {
        order.push(i)
        return text(message)[0]
      }),
    )
    const sends = Array.from({length: 100}, (_, i) => a.send(String(700 + i)))
    const messages = await Promise.all(receives)
    await Promise.all(sends)
    expect(messages).toEqual(Array.from({length: 800}, (_, i) => String(i)))
    expect(order).toEqual(Array.from({length: 800}, (_, i) => i))
  })

  it("failures count too and keep their order", async () => {
    // libzmq refuses each at once: no peer has that routing id.
    const router = use(new zmq.Router({mandatory: true}))
    const order: number[] = []
    const sends = Array.from({length: 600}, (_, i) =>
      router.send(["nobody", "x"]).then(
        () => order.push(-i),
        (error: {code?: string}) => {
          order.push(i)
          return error.code
        },
      ),
    )
    const codes = await Promise.all(sends)
    expect(new Set(codes)).toEqual(new Set(["EHOSTUNREACH"]))
    expect(order).toEqual(Array.from({length: 600}, (_, i) => i))
  })
})
