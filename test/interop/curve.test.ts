// CURVE-encrypted REQ/REP between us and pyzmq, each side taking the server role in turn, with
// either side binding; and a client without the server's key gets nothing through.
import * as path from "node:path"
import * as zmq from "../../lib"
import {bindEndpoint, hex, Peer, peersDir, python} from "./peer"
import {
  closeAll,
  replyFrames,
  requestFrames,
  runScenario,
  type Open,
  type Scenario,
  type StartPeer,
} from "./scenarios"

const server = zmq.curveKeyPair()
const client = zmq.curveKeyPair()

const startPython: StartPeer = (type, mode, endpoint, options) =>
  Peer.start(python, [path.join(peersDir, "peer.py"), type, mode, endpoint, ...options])

function encrypted(socket: zmq.Request | zmq.Reply): zmq.Request | zmq.Reply {
  expect(socket.securityMechanism).toBe("curve")
  return socket
}

const cases: Scenario[] = [
  {
    name: "REQ (theirs, client) → REP (ours, server)",
    ours: () => encrypted(new zmq.Reply({linger: 0, curveServer: true, curveSecretKey: server.secretKey})),
    theirs: "REQ",
    theirOptions: ["--curve-client", server.publicKey, client.publicKey, client.secretKey],
    run: async (ours, peer) => {
      await peer.send(requestFrames)
      expect((await ours.receive!({timeout: 5000})).map(hex)).toEqual(requestFrames.map(hex))
      await ours.send!(replyFrames)
      expect((await peer.receive())?.map(hex)).toEqual(replyFrames.map(hex))
    },
  },
  {
    name: "REQ (ours, client) → REP (theirs, server)",
    ours: () =>
      encrypted(
        new zmq.Request({
          linger: 0,
          curveServerKey: server.publicKey,
          curvePublicKey: client.publicKey,
          curveSecretKey: client.secretKey,
        }),
      ),
    theirs: "REP",
    theirOptions: ["--curve-server", server.secretKey],
    run: async (ours, peer) => {
      await ours.send!(requestFrames)
      expect((await peer.receive())?.map(hex)).toEqual(requestFrames.map(hex))
      await peer.send(replyFrames)
      expect((await ours.receive!({timeout: 5000})).map(hex)).toEqual(replyFrames.map(hex))
    },
  },
]

const open: Open = new Set()
afterEach(() => closeAll(open))

describe.each(["ours", "theirs"] as const)("CURVE REQ/REP with pyzmq over tcp, %s binding", binder => {
  it.each(cases.map(scenario => [scenario.name, scenario] as const))("%s", async (_name, scenario) => {
    await runScenario(scenario, "tcp", binder, startPython, open)
  })
})

describe("CURVE server", () => {
  it("receives nothing from a pyzmq client that has the wrong server key", async () => {
    const reply = new zmq.Reply({linger: 0, curveServer: true, curveSecretKey: server.secretKey})
    open.add(reply)
    await reply.bind(bindEndpoint("tcp"))
    const impostor = zmq.curveKeyPair()
    const peer = await startPython("REQ", "connect", reply.lastEndpoint!, [
      "--curve-client",
      impostor.publicKey,
      client.publicKey,
      client.secretKey,
    ])
    open.add(peer)
    await peer.send(requestFrames)
    await expect(reply.receive({timeout: 500})).rejects.toMatchObject({code: "EAGAIN"})
  })
})
