// Sockets closed just before process.exit() linger like at a natural exit: the messages they
// hold reach a peer that binds only once the process is already exiting (the v5-compat case:
// test/v5/regressions.test.ts). (process.exit() runs
// no environment cleanup hooks; the package tears down from the "exit" event.)
import {Pull} from "../../lib"
import {closeAfterEach, freeTcpPort} from "../helpers"
import {exiting} from "./exiting"

const track = closeAfterEach()

describe("process.exit() after close()", () => {
  it("delivers every message of a closed v6 socket", async () => {
    const endpoint = `tcp://127.0.0.1:${await freeTcpPort()}`
    const {exited} = await exiting(endpoint, "")
    const pull = track(new Pull({receiveTimeout: 10_000}))
    await pull.bind(endpoint)
    const received: string[] = []
    for (let i = 0; i < 100; i++) received.push(String((await pull.receive())[0]))
    expect(received).toEqual([...Array(100).keys()].map(i => `message ${i}`))
    expect(await exited).toBe(0)
  })
})
