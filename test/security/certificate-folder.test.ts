// CURVE clients allowed by a folder of public certificates: each certificate's metadata reaches
// the server's messages, and reload() picks up a new certificate and a removed one (and keeps
// the keys it had when the folder holds a malformed file).
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as zmq from "../../lib"
import {bindEndpoint, connected, curveServer, refused, secureFixture} from "./helpers"

const {setup, track} = secureFixture()
const serverKeys = zmq.curveKeyPair()

let root: string
let allowed: string
let secrets: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-folder-"))
  allowed = path.join(root, "allowed")
  secrets = path.join(root, "secrets")
  fs.mkdirSync(allowed)
})
afterEach(() => fs.rmSync(root, {recursive: true, force: true}))

// A client's certificate pair in the secrets folder; its public half copied into `allowed` when asked.
function certificate(name: string, metadata: Record<string, string>, allow: boolean): zmq.Certificate {
  const files = zmq.createCertificate(secrets, name, metadata)
  if (allow) fs.copyFileSync(files.publicFile, path.join(allowed, `${name}.key`))
  return zmq.loadCertificate(files.secretFile)
}

function client(certificate: zmq.Certificate): zmq.Dealer {
  return track(
    new zmq.Dealer({
      linger: 0,
      curveServerKey: serverKeys.publicKey,
      curvePublicKey: certificate.publicKey,
      curveSecretKey: certificate.secretKey!,
    }),
  )
}

describe("a certificate folder", () => {
  it("lets in the keys it holds, with their metadata; reload() adds a new one and drops a removed one", async () => {
    const alice = certificate("alice", {role: "admin"}, true)
    const bob = certificate("bob", {role: "reader"}, false)
    const {auth, context, decisions} = setup({curve: {certificates: allowed}})
    const dealer = curveServer(track, context, serverKeys)
    await dealer.bind(bindEndpoint("ipc"))

    const first = client(alice)
    await connected(first, dealer.lastEndpoint!)
    await first.send("from alice")
    const {metadata} = await dealer.receive({metadata: ["role"], timeout: 5000})
    expect(metadata).toMatchObject({"User-Id": alice.publicKey, role: "admin"})
    expect(await refused(client(bob), dealer.lastEndpoint!)).toBe(400)

    fs.copyFileSync(path.join(secrets, "bob.key"), path.join(allowed, "bob.key"))
    expect(await refused(client(bob), dealer.lastEndpoint!)).toBe(400)
    auth.reload()
    const second = client(bob)
    await connected(second, dealer.lastEndpoint!)
    await second.send("from bob")
    expect((await dealer.receive({metadata: ["role"], timeout: 5000})).metadata).toMatchObject({
      "User-Id": bob.publicKey,
      role: "reader",
    })

    fs.rmSync(path.join(allowed, "alice.key"))
    auth.reload()
    expect(await refused(client(alice), dealer.lastEndpoint!)).toBe(400)
    expect(
      decisions.map(event => [event.type, event.publicKey === alice.publicKey ? "alice" : "bob"]),
    ).toEqual([
      ["allowed", "alice"],
      ["denied", "bob"],
      ["denied", "bob"],
      ["allowed", "bob"],
      ["denied", "alice"],
    ])
  })

  it("listed keys and a folder together; a malformed file makes reload() throw and keeps the keys it had", async () => {
    const alice = certificate("alice", {}, true)
    const listed = zmq.curveKeyPair()
    const {auth, context} = setup({curve: {keys: [listed.publicKey], certificates: allowed}})
    const dealer = track(
      new zmq.Dealer({context, linger: 0, curveServer: true, curveSecretKey: serverKeys.secretKey}),
    )
    await dealer.bind(bindEndpoint("tcp"))

    const broken = path.join(allowed, "broken.key")
    fs.writeFileSync(broken, "curve\n    public-key = not-a-key\n")
    expect(() => auth.reload()).toThrow(
      expect.objectContaining({code: "ERR_INVALID_CERTIFICATE", path: broken, line: 2}),
    )
    await connected(client(alice), dealer.lastEndpoint!)
    await connected(client({...listed, path: "", metadata: {}}), dealer.lastEndpoint!)
  })

  it("refuses certificate metadata that cannot be ZAP metadata, naming the file", () => {
    certificate("odd", {"x/y": "slash"}, true)
    const context = new zmq.Context()
    try {
      expect(() => new zmq.Authenticator({context, curve: {certificates: allowed}})).toThrow(
        /odd\.key: metadata name "x\/y" cannot be ZAP metadata/,
      )
    } finally {
      void context.close()
    }
  })
})
