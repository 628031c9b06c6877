// Radio/Dish: groups carried both ways over tcp, inproc and udp; join/leave honoured; group errors.
import {Radio, Dish, groupMaxLength} from "../../lib/draft"
import {freeUdpPort} from "../helpers"
import {awaitDelivery, bindAny, closeAll, receiveAfterProbes, track, transports} from "./helpers"

afterEach(closeAll)

const text = ([frame, {group}]: [Buffer, {group: Buffer}]) => [frame.toString(), group.toString()]

// Binds the Dish and connects the Radio to it.
async function pair(transport: "tcp" | "inproc" | "udp"): Promise<[Radio, Dish]> {
  const [radio, dish] = track(new Radio(), new Dish())
  if (transport === "udp") {
    const port = await freeUdpPort()
    await dish.bind(`udp://127.0.0.1:${port}`)
    radio.connect(`udp://127.0.0.1:${port}`)
  } else {
    radio.connect(await bindAny(dish, transport))
  }
  return [radio, dish]
}

describe.each([...transports, "udp"] as const)("Radio/Dish over %s", transport => {
  test("a message sent to a joined group arrives with its group", async () => {
    const [radio, dish] = await pair(transport)
    dish.join("weather")
    await awaitDelivery(radio, dish, "weather")

    await radio.send("sunny", {group: "weather"})
    const [frame, {group}] = await receiveAfterProbes(dish)
    expect(frame.toString()).toBe("sunny")
    expect(Buffer.isBuffer(group)).toBe(true)
    expect(group.toString()).toBe("weather")
  })

  test("a left group receives nothing while a joined one still does", async () => {
    const [radio, dish] = await pair(transport)
    dish.join("left", "kept")
    await awaitDelivery(radio, dish, "kept")

    // Both groups deliver while joined (joins reach the Radio in order, so "left" is in effect).
    await radio.send("left 1", {group: "left"})
    await radio.send("kept 1", {group: "kept"})
    expect(text(await receiveAfterProbes(dish))).toEqual(["left 1", "left"])
    expect(text(await receiveAfterProbes(dish))).toEqual(["kept 1", "kept"])

    dish.leave("left")
    // Sent in this order on one connection: had "left 2" been delivered it would come first.
    await radio.send("left 2", {group: "left"})
    await radio.send("kept 2", {group: "kept"})
    expect(text(await receiveAfterProbes(dish))).toEqual(["kept 2", "kept"])
    expect(dish.readable).toBe(false)
  })

  test("groups given as Buffers, and receiveMany, keep each message's group", async () => {
    const [radio, dish] = await pair(transport)
    dish.join(Buffer.from("a"), "b")
    await awaitDelivery(radio, dish, "b")
    await radio.send("1", {group: Buffer.from("a")})
    await radio.send("2", {group: "b"})
    await radio.send("end", {group: "a"})
    const received: string[] = []
    while (received.at(-1) !== "end a") {
      for (const [frame, {group}] of await dish.receiveMany(8)) {
        if (!frame.toString().startsWith("probe ")) received.push(`${frame} ${group}`)
      }
    }
    expect(received).toEqual(["1 a", "2 b", "end a"])
  })
})

describe("group errors", () => {
  const tooLong = "g".repeat(groupMaxLength + 1)

  test("a group name longer than 255 bytes: join and leave refuse it (EINVAL), send cuts it to 255, as libzmq does", async () => {
    const [radio, dish] = track(new Radio(), new Dish())
    const invalid = {code: "EINVAL", errno: 22, message: expect.stringMatching(/^Invalid argument/)}
    expect(() => dish.join(tooLong)).toThrow(expect.objectContaining(invalid))
    expect(() => dish.join("ok", tooLong)).toThrow(
      /^Invalid argument \(groups\[1\]: a group of 256 bytes, at most 255\)/,
    )
    expect(() => dish.leave(tooLong)).toThrow(expect.objectContaining(invalid))
    // Multi-byte characters count as bytes.
    expect(() => dish.join("é".repeat(128))).toThrow(/a group of 256 bytes/)
    // The longest allowed name works, and a longer one sent reaches its first 255 bytes.
    dish.join("g".repeat(groupMaxLength))
    const address = "inproc://group-cut"
    await radio.bind(address)
    dish.connect(address)
    for (;;) {
      await radio.send("cut", {group: tooLong})
      const got = await Promise.race([
        dish.receive(),
        new Promise<undefined>(resolve => setTimeout(() => resolve(undefined), 5)),
      ])
      if (got === undefined) continue
      expect(got[0].toString()).toBe("cut")
      expect(got[1].group.toString()).toBe("g".repeat(groupMaxLength))
      break
    }
  })

  test("the atomic check: a bad name among several joins none of them", async () => {
    const [dish] = track(new Dish())
    expect(() => dish.join("first", tooLong)).toThrow(expect.objectContaining({code: "EINVAL"}))
    expect(() => dish.leave("first")).toThrow(expect.objectContaining({code: "EINVAL"}))
  })

  test("a missing or non-text group is v6's error, thrown by send() itself; leaving a group never joined is EINVAL", () => {
    const [radio, dish] = track(new Radio(), new Dish())
    const send = radio.send.bind(radio) as (message: unknown, options?: unknown) => Promise<void>
    expect(() => send("x")).toThrow(/^Options must be an object \(got undefined/)
    expect(() => send("x", {})).toThrow(
      expect.objectContaining({code: "EINVAL", message: expect.stringMatching(/^Invalid argument/)}),
    )
    expect(() => send("x", {group: 7})).toThrow(
      new TypeError("Value must be a string or buffer (options.group: got number 7)"),
    )
    expect(() => dish.join(7 as never)).toThrow(
      new TypeError("Value must be a string or buffer (groups[0]: got number 7)"),
    )
    expect(() => dish.join("a\0b")).toThrow(/NUL/)
    expect(() => dish.leave("never")).toThrow(expect.objectContaining({code: "EINVAL"}))
  })
})
