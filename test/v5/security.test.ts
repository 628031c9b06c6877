// PLAIN and CURVE set up through setsockopt, and a ZAP handler written as v5 programs wrote
// one: a router bound at inproc://zeromq.zap.01 answering libzmq's ZAP requests (RFC 27).
import {messages, nextMessage, ours as zmq, socketsClosedAfterEach, type V5Socket} from "./helpers"

// The ZAP endpoint is freed when its socket is gone, which closing only starts: the next test
// binds it again, so it is unbound first (this hook runs before the one closing the sockets).
const zapEndpoint = "inproc://zeromq.zap.01"
const handlers: V5Socket[] = []
afterEach(() => {
  for (const handler of handlers.splice(0)) handler.unbindSync(zapEndpoint)
})
// Every socket here lingers 0: a client refused at the handshake keeps its message, and with
// the default linger libzmq's termination waits for it at exit (zeromq's v5-compat does not
// exit either), so the test worker was force-exited at the end of the run.
const closedAfterEach = socketsClosedAfterEach()
const make = (type: Parameters<typeof closedAfterEach>[0], options?: object): V5Socket =>
  closedAfterEach(type, {linger: 0, ...options})

interface ZapRequest {
  domain: string
  mechanism: string
  credentials: Buffer[]
}

/** A ZAP handler that records each request and answers with `decide(request)` (a status code). */
function zapHandler(decide: (request: ZapRequest) => "200" | "400"): ZapRequest[] {
  const seen: ZapRequest[] = []
  const handler = make("router")
  handler.bindSync(zapEndpoint)
  handlers.push(handler)
  handler.on("message", (peer: Buffer, empty: Buffer, version: Buffer, id: Buffer, ...rest: Buffer[]) => {
    const [domain, , , mechanism, ...credentials] = rest
    const request = {domain: domain.toString(), mechanism: mechanism.toString(), credentials}
    seen.push(request)
    const status = decide(request)
    handler.send([peer, empty, version, id, status, status === "200" ? "OK" : "denied", "user", ""])
  })
  return seen
}

function server(options: object): V5Socket {
  const pull = make("pull", options)
  pull.bindSync("tcp://127.0.0.1:*")
  return pull
}

describe("PLAIN", () => {
  it("a client with the right password gets through; the handler sees its credentials", async () => {
    const requests = zapHandler(({credentials}) => (credentials[1].toString() === "secret" ? "200" : "400"))
    const pull = make("pull")
    pull.setsockopt(zmq.ZMQ_PLAIN_SERVER, 1)
    pull.setsockopt(zmq.ZMQ_ZAP_DOMAIN, "test")
    pull.bindSync("tcp://127.0.0.1:*")
    expect(pull.mechanism).toBe(1)
    const push = make("push")
    push.setsockopt(zmq.ZMQ_PLAIN_USERNAME, "admin")
    push.setsockopt(zmq.ZMQ_PLAIN_PASSWORD, "secret")
    push.connect(pull.last_endpoint!)
    const received = nextMessage(pull)
    push.send("authenticated")
    expect(await received).toEqual(["authenticated"])
    expect(requests).toEqual([
      {domain: "test", mechanism: "PLAIN", credentials: [Buffer.from("admin"), Buffer.from("secret")]},
    ])
  })

  it("a client the handler refuses delivers nothing; one it accepts afterwards does", async () => {
    const requests = zapHandler(({credentials}) => (credentials[1].toString() === "secret" ? "200" : "400"))
    const pull = server({plain_server: 1, zap_domain: "test"})
    const refused = make("push", {plain_username: "admin", plain_password: "wrong"})
    refused.monitor()
    const dropped = new Promise(resolve => refused.once("disconnect", resolve))
    refused.connect(pull.last_endpoint!)
    refused.send("must not arrive")
    // The server answered the handshake with an error: the client's connection is closed.
    await dropped
    expect(requests.map(({credentials}) => credentials[1].toString())).toContain("wrong")
    const accepted = make("push", {plain_username: "admin", plain_password: "secret"})
    accepted.connect(pull.last_endpoint!)
    const received = messages(pull, 1)
    accepted.send("accepted")
    expect(await received).toEqual([["accepted"]])
  })
})

describe("CURVE", () => {
  it("encrypts between keys set by setsockopt; the handler sees the client's public key", async () => {
    const serverKeys = zmq.curveKeypair()
    const clientKeys = zmq.curveKeypair()
    const requests = zapHandler(() => "200")
    const pull = make("pull")
    pull.setsockopt(zmq.ZMQ_CURVE_SERVER, 1)
    pull.setsockopt(zmq.ZMQ_CURVE_SECRETKEY, serverKeys.secret)
    pull.bindSync("tcp://127.0.0.1:*")
    expect(pull.getsockopt(zmq.ZMQ_MECHANISM)).toBe(2)
    const push = make("push")
    push.setsockopt(zmq.ZMQ_CURVE_SERVERKEY, serverKeys.public)
    push.setsockopt(zmq.ZMQ_CURVE_PUBLICKEY, clientKeys.public)
    push.setsockopt(zmq.ZMQ_CURVE_SECRETKEY, clientKeys.secret)
    push.connect(pull.last_endpoint!)
    const received = nextMessage(pull)
    push.send("encrypted")
    expect(await received).toEqual(["encrypted"])
    expect(requests).toHaveLength(1)
    expect(requests[0].mechanism).toBe("CURVE")
    // The client's public key, as 32 bytes: the same key as its Z85 text.
    expect(requests[0].credentials[0]).toHaveLength(32)
    push.curve_publickey = requests[0].credentials[0]
    expect(push.curve_publickey).toBe(clientKeys.public)
  })

  it("a client with the wrong server key never gets through", async () => {
    const serverKeys = zmq.curveKeypair()
    const impostor = zmq.curveKeypair()
    const clientKeys = zmq.curveKeypair()
    const pull = server({curve_server: 1, curve_secretkey: serverKeys.secret})
    const wrong = make("push", {
      curve_serverkey: impostor.public,
      curve_publickey: clientKeys.public,
      curve_secretkey: clientKeys.secret,
    })
    wrong.monitor()
    const dropped = new Promise(resolve => wrong.once("disconnect", resolve))
    wrong.connect(pull.last_endpoint!)
    wrong.send("must not arrive")
    await dropped
    const right = make("push", {
      curve_serverkey: serverKeys.public,
      curve_publickey: clientKeys.public,
      curve_secretkey: clientKeys.secret,
    })
    right.connect(pull.last_endpoint!)
    const received = messages(pull, 1)
    right.send("right key")
    expect(await received).toEqual([["right key"]])
  })
})
