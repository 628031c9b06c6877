// The custom check: its decision is honoured (with User-Id and metadata), a slow one holds up no
// other handshake, and one that throws, rejects or answers nonsense denies with status 500 and
// is reported exactly once, never with the password.
import * as zmq from "../../lib"
import {runChild} from "../events/helpers"
import {bindEndpoint, connected, curveServer, decision, refused, secureFixture} from "./helpers"

const {setup, track} = secureFixture()

const serverKeys = zmq.curveKeyPair()
const alice = zmq.curveKeyPair()
const bob = zmq.curveKeyPair()

function server(context: zmq.Context): zmq.Dealer {
  return curveServer(track, context, serverKeys)
}

function curveClient(keys: {publicKey: string; secretKey: string}): zmq.Dealer {
  return track(
    new zmq.Dealer({
      linger: 0,
      curveServerKey: serverKeys.publicKey,
      curvePublicKey: keys.publicKey,
      curveSecretKey: keys.secretKey,
    }),
  )
}

function plainClient(username: string, password: string): zmq.Dealer {
  return track(new zmq.Dealer({linger: 0, plainUsername: username, plainPassword: password}))
}

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe("check", () => {
  it("decides; its User-Id and metadata reach the server's messages", async () => {
    const requests: zmq.AuthRequest[] = []
    const {context, decisions} = setup({
      curve: "any",
      check: request => {
        requests.push(request)
        if (request.publicKey !== alice.publicKey) return false
        return {
          allow: true,
          userId: "alice@example.org",
          metadata: {Role: "admin", Blob: Buffer.from([0x41, 0x42])},
        }
      },
    })
    const dealer = server(context)
    await dealer.bind(bindEndpoint("tcp"))
    const client = curveClient(alice)
    await connected(client, dealer.lastEndpoint!)
    await client.send("hello")
    const {frames, metadata} = await dealer.receive({metadata: ["Role", "Blob", "Missing"], timeout: 5000})
    expect(frames.map(String)).toEqual(["hello"])
    expect(metadata).toEqual({
      "User-Id": "alice@example.org",
      "Peer-Address": "127.0.0.1",
      "Socket-Type": "DEALER",
      Role: "admin",
      Blob: "AB",
    })
    expect(await refused(curveClient(bob), dealer.lastEndpoint!)).toBe(400)
    expect(
      requests.map(request => [request.mechanism, request.domain, request.address, request.publicKey]),
    ).toEqual([
      ["CURVE", "", "127.0.0.1", alice.publicKey],
      ["CURVE", "", "127.0.0.1", bob.publicKey],
    ])
    expect(decisions.map(event => [event.type, event.reason, event.userId])).toEqual([
      ["allowed", "allowed by check", "alice@example.org"],
      ["denied", "denied by check", undefined],
    ])
  })

  it("runs after the static settings, which must allow too", async () => {
    let calls = 0
    const {auth, context} = setup({
      plain: {alice: "wonderland"},
      check: () => {
        calls++
        return {allow: true, reason: "office hours"}
      },
    })
    const dealer = track(new zmq.Dealer({context, linger: 0, plainServer: true}))
    await dealer.bind(bindEndpoint("ipc"))
    expect(await refused(plainClient("alice", "wrong"), dealer.lastEndpoint!)).toBe(400)
    expect(calls).toBe(0)
    const allowed = decision(auth, "allowed")
    await connected(plainClient("alice", "wonderland"), dealer.lastEndpoint!)
    expect(await allowed).toMatchObject({reason: "office hours", userId: "alice", username: "alice"})
    expect(calls).toBe(1)
  })

  it("a slow (200 ms) asynchronous check holds up no other handshake", async () => {
    let slowDone = false
    let slowAsked!: () => void
    const asked = new Promise<void>(resolve => (slowAsked = resolve))
    const {context} = setup({
      curve: "any",
      check: async request => {
        if (request.publicKey === alice.publicKey) {
          slowAsked()
          await delay(200)
          slowDone = true
        }
        return true
      },
    })
    const dealer = server(context)
    await dealer.bind(bindEndpoint("tcp"))
    const slow = curveClient(alice)
    const slowHandshake = slow.events.waitFor("handshake", {timeout: 10000})
    slow.connect(dealer.lastEndpoint!)
    await slow.send("slow")
    await asked
    // Bob comes second and is through (handshake, message delivered) while Alice's check waits.
    const fast = curveClient(bob)
    await connected(fast, dealer.lastEndpoint!)
    await fast.send("fast")
    const first = await dealer.receive({metadata: true, timeout: 5000})
    expect(first.frames.map(String)).toEqual(["fast"])
    expect(slowDone).toBe(false)
    await slowHandshake
    expect(slowDone).toBe(true)
    const second = await dealer.receive({metadata: true, timeout: 5000})
    expect(second.frames.map(String)).toEqual(["slow"])
    expect(second.metadata["User-Id"]).toBe(alice.publicKey)
  })

  it.each<[string, (request: zmq.AuthRequest) => zmq.AuthDecision | Promise<zmq.AuthDecision>, RegExp]>([
    [
      "throws",
      () => {
        throw new Error("directory unreachable")
      },
      /directory unreachable/,
    ],
    ["rejects", () => Promise.reject(new Error("timed out")), /timed out/],
    ["answers nonsense", () => "yes" as never, /must answer a boolean/],
    [
      "sets a reserved metadata name",
      () => ({allow: true, metadata: {"User-Id": "root"}}),
      /"User-Id" must be not a name libzmq sets/,
    ],
  ])("that %s denies with status 500, reported once as an error", async (_name, check, message) => {
    const {context, decisions, errors} = setup({
      check: request => (request.username === "mallory" ? check(request) : true),
    })
    const dealer = track(new zmq.Dealer({context, linger: 0, plainServer: true}))
    const serverRefusal = dealer.events.waitFor("handshake:error:auth", {timeout: 10000})
    await dealer.bind(bindEndpoint("tcp"))
    const mallory = plainClient("mallory", "s3cret-password")
    expect(await refused(mallory, dealer.lastEndpoint!)).toBe(500)
    expect((await serverRefusal).error.status).toBe(500)
    mallory.close()
    // A later handshake is the barrier: anything reported about Mallory has been by then.
    await connected(plainClient("alice", "x"), dealer.lastEndpoint!)
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(message)
    expect(errors[0].message).toMatch(/check failed for a PLAIN client from "127.0.0.1"/)
    expect(errors[0].message).not.toContain("s3cret-password")
    const denied = decisions.filter(event => event.type === "denied")
    expect(denied).toHaveLength(1)
    expect(denied[0]).toMatchObject({reason: "check failed", status: 500, username: "mallory"})
    expect(JSON.stringify(decisions)).not.toContain("s3cret-password")
  })

  it("without an error listener, a failing check becomes one process warning", async () => {
    // In a child process: jest's sandbox has a process object of its own.
    const result = await runChild(`
      const context = new zmq.Context()
      const auth = new zmq.Authenticator({context, check: () => { throw new Error("no listener here") }})
      const warnings = []
      process.on("warning", warning => warnings.push(warning.name + ": " + warning.message))
      const dealer = new zmq.Dealer({context, linger: 0, plainServer: true})
      dealer.bind("tcp://127.0.0.1:*").then(async () => {
        const client = new zmq.Dealer({linger: 0, plainUsername: "eve", plainPassword: "pw"})
        const refused = client.events.waitFor("handshake:error:auth")
        client.connect(dealer.lastEndpoint)
        console.log("status", (await refused).error.status)
        setImmediate(() => {
          console.log(JSON.stringify(warnings))
          process.exit(0)
        })
      })
    `)
    expect(result.stdout.trim().split("\n")).toEqual([
      "status 500",
      JSON.stringify([
        'AuthenticatorWarning: Authenticator check failed for a PLAIN client from "127.0.0.1": no listener here',
      ]),
    ])
  })

  it("sees a copy of the request: changing it changes nothing", async () => {
    const {context, decisions} = setup({
      check: request => {
        request.username = "root"
        return true
      },
    })
    const dealer = track(new zmq.Dealer({context, linger: 0, plainServer: true, receiveMetadata: true}))
    await dealer.bind(bindEndpoint("tcp"))
    const client = plainClient("guest", "pw")
    await connected(client, dealer.lastEndpoint!)
    await client.send("x")
    expect((await dealer.receive({metadata: true, timeout: 5000})).metadata["User-Id"]).toBe("guest")
    expect(decisions[0].username).toBe("guest")
  })
})
