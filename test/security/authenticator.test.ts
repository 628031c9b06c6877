// The Authenticator over real tcp and ipc connections, for each mechanism: an authorised client
// exchanges messages and its User-Id reaches the server; an unauthorised one gets zero messages
// through in either direction (counted) and both sides see handshake:error:auth 400.
import * as zmq from "../../lib"
import {runChild} from "../events/helpers"
import {
  bindEndpoint,
  connected,
  peerAddress,
  receiveTexts,
  refused,
  secureFixture,
  secureTransports,
} from "./helpers"

const {setup, track} = secureFixture()
type DealerOptions = NonNullable<ConstructorParameters<typeof zmq.Dealer>[0]>

const serverKeys = zmq.curveKeyPair()
const goodKeys = zmq.curveKeyPair()
const badKeys = zmq.curveKeyPair()

function curveClient(keys: {publicKey: string; secretKey: string}, serverKey = serverKeys.publicKey) {
  return {curveServerKey: serverKey, curvePublicKey: keys.publicKey, curveSecretKey: keys.secretKey}
}

interface MechanismCase {
  mechanism: zmq.Mechanism
  policy: zmq.AuthPolicy
  server: DealerOptions
  good: DealerOptions
  bad: DealerOptions
  userId: string
  /** Runs between the authorised client's handshake and the unauthorised one's. */
  beforeBad?: (auth: zmq.Authenticator) => void
}

const mechanisms: MechanismCase[] = [
  {
    // NULL clients differ in nothing: the domain's policy changes between the two.
    mechanism: "NULL",
    policy: {null: true},
    server: {},
    good: {},
    bad: {},
    userId: "",
    beforeBad: auth => auth.configure({domains: {test: {null: false}}}),
  },
  {
    mechanism: "PLAIN",
    policy: {plain: {alice: "wonderland"}},
    server: {plainServer: true},
    good: {plainUsername: "alice", plainPassword: "wonderland"},
    bad: {plainUsername: "alice", plainPassword: "looking-glass"},
    userId: "alice",
  },
  {
    mechanism: "CURVE",
    policy: {curve: {keys: [goodKeys.publicKey]}},
    server: {curveServer: true, curveSecretKey: serverKeys.secretKey},
    good: curveClient(goodKeys),
    bad: curveClient(badKeys),
    userId: goodKeys.publicKey,
  },
]

function server(context: zmq.Context, options: DealerOptions): zmq.Dealer {
  return track(new zmq.Dealer({context, zapDomain: "test", receiveMetadata: true, linger: 0, ...options}))
}

function client(options: DealerOptions): zmq.Dealer {
  return track(new zmq.Dealer({linger: 0, ...options}))
}

describe.each(secureTransports)("over %s", transport => {
  describe.each(mechanisms.map(c => [c.mechanism, c] as const))("%s", (mechanism, c) => {
    it("lets the authorised client exchange messages, and its User-Id reaches the server", async () => {
      const {context, decisions} = setup({domains: {test: c.policy}})
      const dealer = server(context, c.server)
      await dealer.bind(bindEndpoint(transport))
      const good = client(c.good)
      await connected(good, dealer.lastEndpoint!)

      await good.sendMany(["1", "2", "3"])
      for (const expected of ["1", "2", "3"]) {
        const {frames, metadata} = await dealer.receive({metadata: true, timeout: 5000})
        expect(frames.map(String)).toEqual([expected])
        expect(metadata).toMatchObject({
          "User-Id": c.userId,
          "Socket-Type": "DEALER",
          "Peer-Address": peerAddress(transport),
        })
      }
      await dealer.sendMany(["a", "b", "c"])
      expect(await receiveTexts(good, 3)).toEqual(["a", "b", "c"])
      expect(decisions).toEqual([
        expect.objectContaining({
          type: "allowed",
          mechanism,
          domain: "test",
          address: peerAddress(transport),
          userId: c.userId,
          status: 200,
        }),
      ])
    })

    it("gets an unauthorised client zero messages through in either direction; both sides see status 400", async () => {
      const {auth, context, decisions} = setup({domains: {test: c.policy}})
      const dealer = server(context, c.server)
      const serverRefusal = dealer.events.waitFor("handshake:error:auth", {timeout: 10000})
      await dealer.bind(bindEndpoint(transport))
      const good = client(c.good)
      await connected(good, dealer.lastEndpoint!)
      c.beforeBad?.(auth)

      // Messages queued on the connection before its handshake: the ZAP request cannot be answered
      // before this turn of the event loop ends, so all ten are in the pipe first.
      const bad = client(c.bad)
      const badRefusal = bad.events.waitFor("handshake:error:auth", {timeout: 10000})
      bad.connect(dealer.lastEndpoint!)
      await bad.sendMany(Array.from({length: 10}, (_, i) => `bad ${i}`))
      expect((await badRefusal).error.status).toBe(400)
      expect((await serverRefusal).error.status).toBe(400)

      for (let i = 0; i < 10; i++) await good.send(`good ${i}`)
      expect(await receiveTexts(dealer, 10)).toEqual(Array.from({length: 10}, (_, i) => `good ${i}`))
      await expect(dealer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})

      // Round-robin goes to every connected peer: all 20 reach the authorised one.
      for (let i = 0; i < 20; i++) await dealer.send(`out ${i}`)
      expect(await receiveTexts(good, 20)).toEqual(Array.from({length: 20}, (_, i) => `out ${i}`))
      await expect(bad.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})

      const denied = decisions.filter(event => event.type === "denied")
      // libzmq may try the refused connection again (PLAIN does): refused each time.
      expect(denied.length).toBeGreaterThanOrEqual(1)
      expect(denied[0]).toMatchObject({
        mechanism,
        domain: "test",
        address: peerAddress(transport),
        status: 400,
      })
      expect(denied[0].userId).toBeUndefined()
    })
  })

  it("CURVE: a client with the wrong server key never completes a handshake, and is never asked about", async () => {
    const {context, decisions} = setup({curve: "any"})
    const dealer = server(context, {curveServer: true, curveSecretKey: serverKeys.secretKey})
    const protocolError = dealer.events.waitFor("handshake:error:protocol", {timeout: 10000})
    await dealer.bind(bindEndpoint(transport))
    const impostor = client(curveClient(goodKeys, zmq.curveKeyPair().publicKey))
    const events = impostor.events
    impostor.connect(dealer.lastEndpoint!)
    await impostor.send("hello")
    expect((await protocolError).error.code).toBe("ERR_ZMTP_CRYPTOGRAPHIC")
    await expect(dealer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})
    await expect(events.waitFor("handshake", {timeout: 1})).rejects.toMatchObject({code: "EAGAIN"})
    expect(decisions).toEqual([])
  })

  it("denies a mechanism the policy does not configure", async () => {
    const {context, decisions} = setup({plain: {alice: "wonderland"}})
    const dealer = server(context, {curveServer: true, curveSecretKey: serverKeys.secretKey})
    await dealer.bind(bindEndpoint(transport))
    expect(await refused(client(curveClient(goodKeys)), dealer.lastEndpoint!)).toBe(400)
    expect(decisions[0]).toMatchObject({
      type: "denied",
      reason: "CURVE not configured",
      publicKey: goodKeys.publicKey,
    })
  })

  it('CURVE "any": encryption for every client key, each with its key as User-Id', async () => {
    const {context} = setup({curve: "any"})
    const dealer = server(context, {curveServer: true, curveSecretKey: serverKeys.secretKey})
    await dealer.bind(bindEndpoint(transport))
    for (const keys of [goodKeys, badKeys]) {
      const peer = client(curveClient(keys))
      await connected(peer, dealer.lastEndpoint!)
      await peer.send("hi")
      const {metadata} = await dealer.receive({metadata: true, timeout: 5000})
      expect(metadata["User-Id"]).toBe(keys.publicKey)
    }
  })
})

describe("address rules (tcp)", () => {
  const curveServer = {curveServer: true, curveSecretKey: serverKeys.secretKey}

  it("deny beats a valid key", async () => {
    const {context, decisions} = setup({deny: ["127.0.0.1"], curve: {keys: [goodKeys.publicKey]}})
    const dealer = server(context, curveServer)
    await dealer.bind("tcp://127.0.0.1:*")
    const good = client(curveClient(goodKeys))
    const refusal = good.events.waitFor("handshake:error:auth", {timeout: 10000})
    good.connect(dealer.lastEndpoint!)
    // Queued before the handshake (which the authenticator cannot answer before this turn ends).
    await good.send("let me in")
    expect((await refusal).error.status).toBe(400)
    await expect(dealer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})
    expect(decisions[0]).toMatchObject({type: "denied", reason: "address denied", address: "127.0.0.1"})
  })

  it("deny beats allow: within an allowed range, the denied address is refused and the others let in", async () => {
    const {context, decisions} = setup({
      allow: ["127.0.0.0/8"],
      deny: ["127.0.0.2/32"],
      plain: {alice: "wonderland"},
    })
    const dealer = server(context, {plainServer: true})
    await dealer.bind("tcp://127.0.0.1:*")
    const port = /:(\d+)$/.exec(dealer.lastEndpoint!)![1]
    const credentials = {plainUsername: "alice", plainPassword: "wonderland"}
    expect(await refused(client(credentials), `tcp://127.0.0.2:0;127.0.0.1:${port}`)).toBe(400)
    await connected(client(credentials), `tcp://127.0.0.3:0;127.0.0.1:${port}`)
    expect(decisions.slice(0, 2)).toEqual([
      expect.objectContaining({type: "denied", reason: "address denied", address: "127.0.0.2"}),
      expect.objectContaining({type: "allowed", address: "127.0.0.3"}),
    ])
  })

  it("an allow list refuses every address outside it, ipc peers included", async () => {
    const {context, decisions} = setup({allow: ["10.0.0.0/8", "fd00::/8"], curve: "any"})
    const overTcp = server(context, curveServer)
    await overTcp.bind("tcp://127.0.0.1:*")
    expect(await refused(client(curveClient(goodKeys)), overTcp.lastEndpoint!)).toBe(400)
    const overIpc = server(context, curveServer)
    await overIpc.bind(bindEndpoint("ipc"))
    expect(await refused(client(curveClient(goodKeys)), overIpc.lastEndpoint!)).toBe(400)
    expect(decisions.map(event => event.reason)).toEqual(["address not allowed", "address not allowed"])
  })

  it("IPv6: ranges and addresses match ::1", async () => {
    const {auth, context, decisions} = setup({deny: ["::1/128"], curve: "any"})
    const dealer = server(context, {...curveServer, ipv6: true})
    await dealer.bind("tcp://[::1]:*")
    expect(await refused(client({...curveClient(goodKeys), ipv6: true}), dealer.lastEndpoint!)).toBe(400)
    auth.configure({allow: ["::1"], curve: "any"})
    await connected(client({...curveClient(goodKeys), ipv6: true}), dealer.lastEndpoint!)
    expect(decisions.slice(0, 2).map(event => [event.type, event.address])).toEqual([
      ["denied", "::1"],
      ["allowed", "::1"],
    ])
  })
})

describe("domains", () => {
  it("a server's zapDomain picks its policy; other domains get the top-level one", async () => {
    const {context, decisions} = setup({
      plain: {everyone: "pw"},
      domains: {admin: {plain: {root: "toor"}}},
    })
    const admin = server(context, {plainServer: true, zapDomain: "admin"})
    const open = server(context, {plainServer: true, zapDomain: "open"})
    await admin.bind(bindEndpoint("tcp"))
    await open.bind(bindEndpoint("tcp"))
    await connected(client({plainUsername: "root", plainPassword: "toor"}), admin.lastEndpoint!)
    expect(await refused(client({plainUsername: "everyone", plainPassword: "pw"}), admin.lastEndpoint!)).toBe(
      400,
    )
    await connected(client({plainUsername: "everyone", plainPassword: "pw"}), open.lastEndpoint!)
    expect(await refused(client({plainUsername: "root", plainPassword: "toor"}), open.lastEndpoint!)).toBe(
      400,
    )
    expect(
      decisions.slice(0, 4).map(event => [event.type, event.domain, event.username, event.reason]),
    ).toEqual([
      ["allowed", "admin", "root", "known user"],
      ["denied", "admin", "everyone", "unknown user"],
      ["allowed", "open", "everyone", "known user"],
      ["denied", "open", "root", "unknown user"],
    ])
  })

  it("NULL is decided only for servers with a zapDomain: without one libzmq never asks", async () => {
    const {context, decisions} = setup({null: false})
    const unchecked = track(new zmq.Dealer({context, linger: 0}))
    await unchecked.bind(bindEndpoint("tcp"))
    await connected(client({}), unchecked.lastEndpoint!)
    expect(decisions).toEqual([])
    const checked = server(context, {})
    await checked.bind(bindEndpoint("tcp"))
    expect(await refused(client({}), checked.lastEndpoint!)).toBe(400)
    expect(decisions[0]).toMatchObject({type: "denied", mechanism: "NULL", reason: "NULL not allowed"})
  })
})

describe("events and errors", () => {
  it("never carry a password", async () => {
    const {context, decisions} = setup({plain: {alice: "wonderland"}})
    const dealer = server(context, {plainServer: true})
    await dealer.bind(bindEndpoint("tcp"))
    await connected(client({plainUsername: "alice", plainPassword: "wonderland"}), dealer.lastEndpoint!)
    expect(
      await refused(client({plainUsername: "alice", plainPassword: "hunter2"}), dealer.lastEndpoint!),
    ).toBe(400)
    expect(decisions.slice(0, 2).map(event => event.reason)).toEqual(["known user", "wrong password"])
    const logged = JSON.stringify(decisions)
    expect(logged).not.toContain("wonderland")
    expect(logged).not.toContain("hunter2")
  })

  it("listeners are checked and removable", () => {
    const {auth} = setup({curve: "any"})
    expect(() => auth.on("decided" as "allowed", () => {})).toThrow(TypeError)
    expect(() => auth.on("allowed", "no" as never)).toThrow(/"listener" argument must be a function/)
    const listener = () => {}
    expect(auth.on("allowed", listener).off("allowed", listener)).toBe(auth)
  })

  it("a throwing listener is the program's uncaught exception, and the other listeners still run", async () => {
    // In a child process: the uncaught exception is the outcome under test.
    const result = await runChild(`
      const context = new zmq.Context()
      const auth = new zmq.Authenticator({context, curve: "any"})
      const server = zmq.curveKeyPair(), client = zmq.curveKeyPair()
      const seen = []
      auth.on("allowed", () => { throw new Error("listener bug") })
      auth.on("allowed", event => seen.push(event.type))
      process.on("uncaughtException", error => {
        console.log("uncaught", error.message, JSON.stringify(seen))
        process.exit(0)
      })
      const dealer = new zmq.Dealer({context, curveServer: true, curveSecretKey: server.secretKey})
      dealer.bind("tcp://127.0.0.1:*").then(() => {
        const peer = new zmq.Dealer({curveServerKey: server.publicKey, curvePublicKey: client.publicKey, curveSecretKey: client.secretKey})
        peer.connect(dealer.lastEndpoint)
      })
    `)
    expect(result.stdout.trim()).toBe('uncaught listener bug ["allowed"]')
    expect(result.status).toBe(0)
  })
})

describe("installation", () => {
  it("one authenticator per context: a second one fails with EADDRINUSE; after close() another may come", () => {
    const context = new zmq.Context()
    try {
      const first = new zmq.Authenticator({context})
      expect(first.context).toBe(context)
      expect(() => new zmq.Authenticator({context})).toThrow(
        expect.objectContaining({
          code: "EADDRINUSE",
          address: "inproc://zeromq.zap.01",
          message: expect.stringMatching(/already has a ZAP handler/),
        }),
      )
      first.close()
      first.close()
      expect(first.closed).toBe(true)
      const second = new zmq.Authenticator({context})
      second.close()
    } finally {
      void context.close()
    }
  })

  it("works on the shared default context", async () => {
    const auth = new zmq.Authenticator({plain: {alice: "wonderland"}})
    try {
      expect(auth.context).toBe(zmq.context)
      const dealer = track(new zmq.Dealer({plainServer: true, linger: 0}))
      await dealer.bind(bindEndpoint("ipc"))
      await connected(client({plainUsername: "alice", plainPassword: "wonderland"}), dealer.lastEndpoint!)
      expect(await refused(client({plainUsername: "bob", plainPassword: "x"}), dealer.lastEndpoint!)).toBe(
        400,
      )
    } finally {
      auth.close()
    }
  })

  it("closes with its context", async () => {
    const context = new zmq.Context()
    const auth = new zmq.Authenticator({context})
    await context.close()
    expect(auth.closed).toBe(true)
  })

  it.each<[string, unknown, RegExp]>([
    ["an unknown option", {curv: "any"}, /Unknown option "curv" in options/],
    ["an unknown domain option", {domains: {x: {nul: true}}}, /Unknown option "nul" in options.domains.x/],
    [
      "a non-boolean null",
      {domains: {x: {null: "yes"}}},
      /"options.domains.x.null" argument must be a boolean/,
    ],
    [
      "a bad address",
      {deny: ["127.0.0.1", "localhost"]},
      /"options.deny\[1\]" argument must be an IP address or CIDR range/,
    ],
    [
      "a bad prefix",
      {allow: ["10.0.0.0/33"]},
      /"options.allow\[0\]" argument must be a CIDR range with a prefix length of 0 to 32/,
    ],
    ["a non-array list", {allow: "10.0.0.1"}, /"options.allow" argument must be an array/],
    ["a bad key", {curve: {keys: ["short"]}}, /"options.curve.keys\[0\]" argument must be a CURVE key/],
    ["a bad curve value", {curve: "all"}, /"options.curve" argument must be "any" or an object/],
    ["an unknown curve option", {curve: {key: []}}, /Unknown option "key" in options.curve/],
    [
      "a non-string password",
      {plain: {alice: 1234}},
      /"options.plain.alice" password must be a string; received number/,
    ],
    ["a non-function check", {check: true}, /"options.check" argument must be a function/],
    ["a missing certificate folder", {curve: {certificates: "/nonexistent/certs"}}, /ENOENT/],
  ])("refuses %s, naming it", (_name, options, message) => {
    const context = new zmq.Context()
    try {
      expect(() => new zmq.Authenticator({...(options as object), context})).toThrow(message)
    } finally {
      void context.close()
    }
  })
})
