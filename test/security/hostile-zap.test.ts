// Hostile traffic sent straight to the handler's endpoint (anything in the process can connect to
// inproc://zeromq.zap.01): every malformed request is denied — answered with status 400 where it
// can be answered — and the authenticator goes on deciding real handshakes.
import * as zmq from "../../lib"
import {bindEndpoint, connected, refused, secureFixture} from "./helpers"

const {setup, track} = secureFixture()
const zap = "inproc://zeromq.zap.01"
const key32 = Buffer.alloc(32, 1)

const b = (text: string) => Buffer.from(text)
const request = (...frames: (string | Buffer)[]) =>
  frames.map(frame => (typeof frame === "string" ? b(frame) : frame))

const malformed: [string, Buffer[], string][] = [
  ["no frames after the delimiter", [], "not ZAP version 1.0"],
  ["a wrong version", request("2.0", "1", "", "127.0.0.1", "", "NULL"), "not ZAP version 1.0"],
  ["too few frames", request("1.0", "1", "domain"), "too few frames"],
  ["an unknown mechanism", request("1.0", "1", "", "127.0.0.1", "", "KERBEROS"), "unknown mechanism"],
  [
    "PLAIN without a password",
    request("1.0", "1", "", "127.0.0.1", "", "PLAIN", "alice"),
    "wrong number of PLAIN credentials",
  ],
  [
    "NULL with credentials",
    request("1.0", "1", "", "127.0.0.1", "", "NULL", "extra"),
    "wrong number of NULL credentials",
  ],
  [
    "a 31-byte CURVE key",
    request("1.0", "1", "", "127.0.0.1", "", "CURVE", Buffer.alloc(31)),
    "a CURVE key that is not 32 bytes",
  ],
  [
    "two CURVE keys",
    request("1.0", "1", "", "127.0.0.1", "", "CURVE", key32, key32),
    "wrong number of CURVE credentials",
  ],
]

describe("hostile ZAP traffic", () => {
  it.each(malformed)(
    "a request with %s is answered 400 and reported as denied",
    async (_name, frames, problem) => {
      const {context, decisions} = setup({null: true, curve: "any", plain: {alice: "x"}})
      const attacker = track(new zmq.Request({context, linger: 0}))
      attacker.connect(zap)
      // A REQ socket adds the empty delimiter itself; send it at least one frame.
      await attacker.send(frames.length > 0 ? frames : [Buffer.alloc(0)])
      const reply = (await attacker.receive({timeout: 5000})).map(String)
      expect(reply.slice(0, 1)).toEqual(["1.0"])
      expect(reply[2]).toBe("400")
      expect(reply).toHaveLength(6)
      expect(decisions).toEqual([
        expect.objectContaining({type: "denied", status: 400, reason: `malformed request: ${problem}`}),
      ])
    },
  )

  it("a message without an envelope delimiter is answered too", async () => {
    const {context, decisions} = setup({curve: "any"})
    const attacker = track(new zmq.Dealer({context, linger: 0}))
    attacker.connect(zap)
    await attacker.send(["1.0", "1", "domain", "127.0.0.1", "id", "NULL"])
    expect((await attacker.receive({timeout: 5000})).map(String)).toEqual([
      "",
      "1.0",
      "",
      "400",
      "Denied",
      "",
      "",
    ])
    expect(decisions[0].reason).toBe("malformed request: no envelope delimiter")
  })

  it("a well-formed forged request is decided like any other, and cannot make libzmq let anyone in", async () => {
    const {context, decisions} = setup({plain: {alice: "wonderland"}})
    const attacker = track(new zmq.Request({context, linger: 0}))
    attacker.connect(zap)
    const ask = async (...frames: string[]) => {
      await attacker.send(request(...frames))
      return (await attacker.receive({timeout: 5000})).map(String).join(" ")
    }
    expect(await ask("1.0", "7", "", "10.0.0.1", "", "PLAIN", "alice", "guess")).toBe("1.0 7 400 Denied  ")
    expect(await ask("1.0", "8", "", "10.0.0.1", "", "PLAIN", "alice", "wonderland")).toBe(
      "1.0 8 200 OK alice ",
    )
    expect(decisions.map(event => event.reason)).toEqual(["wrong password", "known user"])
  })

  it("a flood of garbage (huge frames, binary, thousands of messages) crashes nothing; real handshakes still get their decision", async () => {
    const {auth, context, decisions} = setup({plain: {alice: "wonderland"}})
    const attackers = [
      track(new zmq.Dealer({context, linger: 0})),
      track(new zmq.Request({context, linger: 0})),
    ]
    for (const attacker of attackers) attacker.connect(zap)
    const [dealer, req] = attackers as [zmq.Dealer, zmq.Request]
    // Binary junk, and a well-formed PLAIN request whose fields are invalid UTF-8.
    const garbage: (string | Buffer)[][] = [
      [Buffer.from([0, 1, 2, 255]), "", Buffer.from([0xc3, 0x28]), "\u0000"],
      [
        "",
        "1.0",
        "1",
        Buffer.from([0xff, 0xfe]),
        Buffer.from([0xc3, 0x28]),
        "",
        "PLAIN",
        Buffer.from([0xff]),
        Buffer.alloc(0),
      ],
    ]
    const flood = [
      [Buffer.alloc(4 * 1024 * 1024, 0xff)],
      ...Array.from({length: 2000}, (_, i) => garbage[i % 2]),
    ]
    // The flood, the REQ's request and a refused handshake: all denied in the end.
    const allDecided = new Promise<void>(resolve => {
      let denied = 0
      auth.on("denied", () => {
        if (++denied === flood.length + 2) resolve()
      })
    })
    await dealer.sendMany(flood)
    await req.send(["1.0"])

    const server = track(new zmq.Dealer({context, linger: 0, plainServer: true}))
    await server.bind(bindEndpoint("tcp"))
    await connected(
      track(new zmq.Dealer({linger: 0, plainUsername: "alice", plainPassword: "wonderland"})),
      server.lastEndpoint!,
    )
    expect(
      await refused(
        track(new zmq.Dealer({linger: 0, plainUsername: "alice", plainPassword: "x"})),
        server.lastEndpoint!,
      ),
    ).toBe(400)
    expect((await req.receive({timeout: 5000}))[2].toString()).toBe("400")
    // Every message of the flood gets its decision (the Router drops replies beyond the
    // attacker's high-water mark when it does not read them: its problem).
    await allDecided
    expect((await dealer.receive({timeout: 5000}))[0].length).toBe(0)
    expect(decisions.filter(event => event.type === "allowed")).toHaveLength(1)
    // The flood, the REQ's request and the refused handshake.
    expect(decisions.filter(event => event.type === "denied")).toHaveLength(flood.length + 2)
    expect(decisions.filter(event => event.reason.startsWith("malformed request"))).toHaveLength(1000 + 1 + 1)
  })
})
