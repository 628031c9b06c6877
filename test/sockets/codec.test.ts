// The JSON and string helpers over real sockets: round trips on every transport, the bytes on
// the wire (pyzmq's send_json/recv_json and send_string/recv_string read and write the same),
// zeromq v6 sockets as well as ours, and every way they refuse.
import * as zmq from "../../lib"
import {Radio, Dish} from "../../lib/draft"
import {closeAfterEach, run} from "../helpers"
import {link, transports} from "./helpers"
import {python} from "../interop/peer"
import {awaitDelivery, receiveAfterProbes} from "../draft/helpers"

const track = closeAfterEach()

describe.each(transports)("over %s", transport => {
  it("sendJson / receiveJson carry a value, receiveString / sendString text", async () => {
    const [server, client] = track.all(new zmq.Pair(), new zmq.Pair())
    await link(transport, server, client)
    const value = {num: 7, list: [1, "two", null, true], nested: {text: "grüße, 世界"}}
    await zmq.sendJson(client, value)
    expect(await zmq.receiveJson(server)).toEqual(value)
    await zmq.sendString(server, "ünïcödé ✓")
    expect(await zmq.receiveString(client)).toBe("ünïcödé ✓")
  })
})

it("puts exactly JSON.stringify's UTF-8 on the wire, in one frame", async () => {
  const [push, pull] = track.all(new zmq.Push(), new zmq.Pull())
  await link("inproc", pull, push)
  await zmq.sendJson(push, {a: "é", b: [1]})
  await zmq.sendString(push, "é")
  expect(await pull.receive()).toEqual([Buffer.from('{"a":"é","b":[1]}', "utf8")])
  expect(await pull.receive()).toEqual([Buffer.from([0xc3, 0xa9])])
})

it("talks to pyzmq's send_json / recv_json and send_string / recv_string", async () => {
  const pair = track(new zmq.Pair())
  await pair.bind("tcp://127.0.0.1:*")
  const script = [
    "import sys, zmq",
    "s = zmq.Context.instance().socket(zmq.PAIR)",
    "s.setsockopt(zmq.RCVTIMEO, 10000)",
    "s.setsockopt(zmq.LINGER, 10000)",
    "s.connect(sys.argv[1])",
    "work = s.recv_json()",
    "s.send_json({'consumer': 1, 'num': work['num'] * 2, 'echo': work['text']})",
    "s.send_string(s.recv_string() + ' ✓')",
    "s.close()",
  ].join("\n")
  const peer = run(python, ["-c", script, pair.lastEndpoint!], {timeout: 30_000, killSignal: "SIGKILL"})
  await zmq.sendJson(pair, {num: 21, text: "grüße"})
  expect(await zmq.receiveJson(pair, {timeout: 20_000})).toEqual({consumer: 1, num: 42, echo: "grüße"})
  await zmq.sendString(pair, "世界")
  expect(await zmq.receiveString(pair, {timeout: 20_000})).toBe("世界 ✓")
  const result = await peer
  expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
}, 60_000)

it("works with zeromq v6 sockets too (structural types)", async () => {
  const theirs = require("zeromq")
  const push = new theirs.Push()
  const pull = track(new zmq.Pull())
  try {
    await pull.bind("tcp://127.0.0.1:*")
    push.connect(pull.lastEndpoint!)
    await zmq.sendJson(push, [1, 2, 3])
    expect(await zmq.receiveJson<number[]>(pull)).toEqual([1, 2, 3])
  } finally {
    push.close()
  }
})

it("keeps the socket's options: a draft Radio's group", async () => {
  const [radio, dish] = track.all(new Radio(), new Dish())
  await dish.bind("inproc://codec-radio")
  dish.join("weather")
  radio.connect("inproc://codec-radio")
  await awaitDelivery(radio, dish, "weather")
  await zmq.sendJson(radio, {sky: "clear"}, {group: "weather"})
  const [frame, info] = await receiveAfterProbes(dish)
  expect([JSON.parse(frame.toString()), info.group.toString()]).toEqual([{sky: "clear"}, "weather"])
})

describe("refusals", () => {
  let push: zmq.Push
  let pull: zmq.Pull

  beforeEach(async () => {
    ;[push, pull] = track.all(new zmq.Push(), new zmq.Pull())
    await link("inproc", pull, push)
  })

  it("a multipart message is a TypeError, and it is consumed", async () => {
    await push.send(["a", "b"])
    await push.send("after")
    await expect(zmq.receiveJson(pull)).rejects.toThrow(
      new TypeError(
        "receiveJson takes messages of one frame; received 2 frames (use receive() for multipart messages)",
      ),
    )
    expect(await zmq.receiveString(pull)).toBe("after")
  })

  it("a frame that is not JSON is JSON.parse's SyntaxError", async () => {
    await push.send("{not json")
    await expect(zmq.receiveJson(pull)).rejects.toBeInstanceOf(SyntaxError)
  })

  it("a value JSON cannot write is a TypeError, and nothing is sent", async () => {
    const cycle: {self?: unknown} = {}
    cycle.self = cycle
    await expect(zmq.sendJson(push, undefined)).rejects.toThrow(
      new TypeError('The "value" argument cannot be written as JSON; received undefined'),
    )
    await expect(zmq.sendJson(push, () => 1)).rejects.toBeInstanceOf(TypeError)
    await expect(zmq.sendJson(push, 10n)).rejects.toBeInstanceOf(TypeError)
    await expect(zmq.sendJson(push, cycle)).rejects.toBeInstanceOf(TypeError)
    await expect(zmq.sendString(push, 5 as unknown as string)).rejects.toThrow(
      new TypeError('The "text" argument must be a string; received number'),
    )
    await expect(pull.receive({timeout: 50})).rejects.toMatchObject({code: "EAGAIN"})
  })

  it("a timeout and an abort reach the receive", async () => {
    await expect(zmq.receiveJson(pull, {timeout: 20})).rejects.toMatchObject({code: "EAGAIN"})
    const controller = new AbortController()
    const waiting = zmq.receiveString(pull, {signal: controller.signal})
    controller.abort()
    await expect(waiting).rejects.toMatchObject({name: "AbortError"})
  })
})
