// Authentication and certificates against pyzmq (Debian's python3-zmq): pyzmq's
// ThreadAuthenticator deciding our clients, our Authenticator deciding pyzmq clients — CURVE
// (with certificate folders written by the other library) and PLAIN — and certificate files
// written by one and read by the other. Every wait is bounded well within the test's timeout,
// so a step that sticks fails with its own error (one run in CI hit the 60 s timeout unnamed).
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as zmq from "../../lib"
import {run} from "../helpers"
import {bindEndpoint, Peer, peersDir, python} from "./peer"

const certsScript = path.join(peersDir, "certs.py")
const peerScript = path.join(peersDir, "peer.py")

async function pyzmq(...args: string[]): Promise<string[]> {
  const result = await run(python, [certsScript, ...args], {timeout: 20000, killSignal: "SIGKILL"})
  if (result.status !== 0) throw new Error(`certs.py ${args.join(" ")}: ${result.stderr}`)
  return result.stdout.trim().split("\n")
}

let dir: string
const peers: Peer[] = []
const sockets: zmq.Socket[] = []
const authenticators: zmq.Authenticator[] = []
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-zap-interop-"))
})
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close()
  for (const auth of authenticators.splice(0)) auth.close()
  await Promise.all(peers.splice(0).map(peer => peer.stop()))
  fs.rmSync(dir, {recursive: true, force: true})
})

function track<S extends zmq.Socket>(socket: S): S {
  sockets.push(socket)
  return socket
}

// A refused client's message is offered, not required to go out: a ZAP refusal tears the
// client's connection down with its pipe, and until a reconnect makes another a send finds none
// and waits (seen: sends 50 and 300 ms after a refusal still waiting 2 s later). Either way the
// server must receive nothing from it.
async function offer(client: zmq.Dealer, message: string): Promise<void> {
  try {
    await client.send(message, {timeout: 1000})
  } catch (error) {
    if ((error as zmq.ErrnoError).code !== "EAGAIN") throw error
  }
}

async function startPython(mode: "bind" | "connect", endpoint: string, options: string[]): Promise<Peer> {
  const peer = await Peer.start(python, [peerScript, "DEALER", mode, endpoint, ...options])
  peers.push(peer)
  return peer
}

describe("certificate files", () => {
  it("pyzmq's load ours: public and secret files, and a folder", async () => {
    const a = zmq.createCertificate(dir, "a", {name: "A"})
    const b = zmq.createCertificate(dir, "b")
    const ours = zmq.loadCertificate(a.secretFile)
    expect(await pyzmq("load", a.secretFile)).toEqual([`${ours.publicKey} ${ours.secretKey}`])
    expect(await pyzmq("load", a.publicFile)).toEqual([`${ours.publicKey} -`])
    expect(await pyzmq("load-folder", dir)).toEqual(
      [ours.publicKey, zmq.loadCertificate(b.publicFile).publicKey].sort(),
    )
  })

  it("ours load pyzmq's, metadata included", async () => {
    const [publicFile, secretFile] = await pyzmq(
      "create",
      dir,
      "server",
      "name=Server One",
      "email=ops@example.org",
    )
    expect(publicFile).toBe(path.join(dir, "server.key"))
    await pyzmq("create", dir, "other")
    const [pair] = await pyzmq("load", secretFile)
    const [publicKey, secretKey] = pair.split(" ")
    expect(zmq.loadCertificate(secretFile)).toEqual({
      path: secretFile,
      publicKey,
      secretKey,
      metadata: {name: "Server One", email: "ops@example.org"},
    })
    expect(zmq.loadCertificate(publicFile)).toMatchObject({publicKey, metadata: {}})
    expect(zmq.loadCertificate(publicFile).secretKey).toBeUndefined()
    expect(
      zmq
        .loadCertificates(dir)
        .map(certificate => certificate.publicKey)
        .sort(),
    ).toEqual(await pyzmq("load-folder", dir))
  })

  it("curvePublic agrees with pyzmq's curve_public", async () => {
    const {secretKey} = zmq.curveKeyPair()
    expect(await pyzmq("curve-public", secretKey)).toEqual([zmq.curvePublic(secretKey)])
  })
})

describe("pyzmq's ThreadAuthenticator deciding our clients", () => {
  it("CURVE, allowing the certificates we wrote: our allowed client gets through with its key as User-Id; another does not", async () => {
    const server = zmq.curveKeyPair()
    zmq.createCertificate(dir, "allowed")
    const allowed = zmq.loadCertificate(path.join(dir, "allowed.key_secret"))
    const peer = await startPython("bind", bindEndpoint("tcp"), [
      "--curve-server",
      server.secretKey,
      "--auth-curve",
      dir,
    ])
    const client = (keys: {publicKey: string; secretKey: string}) =>
      track(
        new zmq.Dealer({
          linger: 0,
          curveServerKey: server.publicKey,
          curvePublicKey: keys.publicKey,
          curveSecretKey: keys.secretKey,
        }),
      )

    const stranger = client(zmq.curveKeyPair())
    const refused = stranger.events.waitFor("handshake:error:auth", {timeout: 10000})
    stranger.connect(peer.endpoint)
    await offer(stranger, "from a stranger")
    expect((await refused).error.status).toBe(400)

    const good = client({publicKey: allowed.publicKey, secretKey: allowed.secretKey!})
    good.connect(peer.endpoint)
    await good.send("hello", {timeout: 5000})
    expect(await peer.receiveWithUser()).toEqual({userId: allowed.publicKey, frames: [Buffer.from("hello")]})
    await peer.send([Buffer.from("back")])
    expect((await good.receive({timeout: 5000})).map(String)).toEqual(["back"])
    // Nothing from the stranger, ever.
    expect(await peer.receive(300)).toBeUndefined()
  })

  it("PLAIN: our client with the right password gets through; with a wrong one it does not", async () => {
    const peer = await startPython("bind", bindEndpoint("ipc"), [
      "--plain-server",
      "--auth-plain",
      "alice",
      "wonderland",
    ])
    const wrong = track(new zmq.Dealer({linger: 0, plainUsername: "alice", plainPassword: "guess"}))
    const refused = wrong.events.waitFor("handshake:error:auth", {timeout: 10000})
    wrong.connect(peer.endpoint)
    await offer(wrong, "let me in")
    expect((await refused).error.status).toBe(400)

    const right = track(new zmq.Dealer({linger: 0, plainUsername: "alice", plainPassword: "wonderland"}))
    right.connect(peer.endpoint)
    await right.send("hello", {timeout: 5000})
    expect(await peer.receiveWithUser()).toEqual({userId: "alice", frames: [Buffer.from("hello")]})
    expect(await peer.receive(300)).toBeUndefined()
  })
})

describe("our Authenticator deciding pyzmq clients", () => {
  async function server(
    options: Partial<ConstructorParameters<typeof zmq.Dealer>[0]>,
    transport: "tcp" | "ipc",
  ) {
    const context = new zmq.Context()
    const dealer = new zmq.Dealer({context, linger: 0, receiveMetadata: true, ...options})
    track(dealer)
    const refusals = dealer.events
    await dealer.bind(bindEndpoint(transport))
    return {context, dealer, refusals}
  }

  it("CURVE, allowing the certificates pyzmq wrote: its allowed client gets through, another does not", async () => {
    const [, allowedSecret] = await pyzmq("create", dir, "allowed")
    const [publicKey, secretKey] = (await pyzmq("load", allowedSecret))[0].split(" ")
    const keys = zmq.curveKeyPair()
    const {context, dealer, refusals} = await server(
      {curveServer: true, curveSecretKey: keys.secretKey},
      "tcp",
    )
    const auth = new zmq.Authenticator({context, curve: {certificates: dir}})
    authenticators.push(auth)

    const refused = refusals.waitFor("handshake:error:auth", {timeout: 10000})
    const strangerKeys = zmq.curveKeyPair()
    const stranger = await startPython("connect", dealer.lastEndpoint!, [
      "--curve-client",
      keys.publicKey,
      strangerKeys.publicKey,
      strangerKeys.secretKey,
    ])
    await stranger.offer([Buffer.from("from a stranger")], 1000)
    expect((await refused).error.status).toBe(400)

    const good = await startPython("connect", dealer.lastEndpoint!, [
      "--curve-client",
      keys.publicKey,
      publicKey,
      secretKey,
    ])
    await good.send([Buffer.from("hello")])
    const {frames, metadata} = await dealer.receive({metadata: true, timeout: 5000})
    expect(frames.map(String)).toEqual(["hello"])
    expect(metadata["User-Id"]).toBe(publicKey)
    await dealer.send("back", {timeout: 5000})
    expect(await good.receive()).toEqual([Buffer.from("back")])
    await expect(dealer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})
    expect(await stranger.receive(300)).toBeUndefined()
    await context.close()
  })

  it("PLAIN: its client with the right password gets through; with a wrong one it does not", async () => {
    const {context, dealer, refusals} = await server({plainServer: true}, "ipc")
    const auth = new zmq.Authenticator({context, plain: {alice: "wonderland"}})
    authenticators.push(auth)
    const refused = refusals.waitFor("handshake:error:auth", {timeout: 10000})
    const wrong = await startPython("connect", dealer.lastEndpoint!, ["--plain-client", "alice", "guess"])
    await wrong.offer([Buffer.from("let me in")], 1000)
    expect((await refused).error.status).toBe(400)

    const right = await startPython("connect", dealer.lastEndpoint!, [
      "--plain-client",
      "alice",
      "wonderland",
    ])
    await right.send([Buffer.from("hello")])
    const {frames, metadata} = await dealer.receive({metadata: true, timeout: 5000})
    expect(frames.map(String)).toEqual(["hello"])
    expect(metadata["User-Id"]).toBe("alice")
    await expect(dealer.receive({timeout: 300})).rejects.toMatchObject({code: "EAGAIN"})
    await context.close()
  })
})
