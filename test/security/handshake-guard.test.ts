// zapEnforceDomain without a zapDomain: libzmq aborts the process at a PLAIN server's first
// handshake and lets every CURVE client in unasked. Both are refused at bind and connect, where
// libzmq copies the options its connections use.
import * as zmq from "../../lib"
import {runChild} from "../events/helpers"
import {closeAfterEach} from "../helpers"
import {bindEndpoint, connected} from "./helpers"

const track = closeAfterEach()
const keys = zmq.curveKeyPair()

function clientKeys() {
  const pair = zmq.curveKeyPair()
  return {curveServerKey: keys.publicKey, curvePublicKey: pair.publicKey, curveSecretKey: pair.secretKey}
}

describe.each([
  [
    "PLAIN",
    {plainServer: true},
    () => ({plainUsername: "a", plainPassword: "b"}),
    /PLAIN server with zapEnforceDomain needs a zapDomain: without one, libzmq aborts the process/,
  ],
  [
    "CURVE",
    {curveServer: true, curveSecretKey: keys.secretKey},
    clientKeys,
    /CURVE server with zapEnforceDomain needs a zapDomain: without one, libzmq lets every client in/,
  ],
] as const)("a %s server with zapEnforceDomain", (_mechanism, options, clientOptions, message) => {
  it("and no zapDomain is refused at bind and connect with EINVAL naming the address", async () => {
    const server = track(new zmq.Dealer({linger: 0, zapEnforceDomain: true, ...options}))
    const address = bindEndpoint("tcp")
    await expect(server.bind(address)).rejects.toMatchObject({
      code: "EINVAL",
      address,
      message: expect.stringMatching(message),
    })
    expect(() => server.connect("tcp://127.0.0.1:5999")).toThrow(message)
  })

  it("and a zapDomain binds, and refuses clients while no authenticator is installed", async () => {
    const server = track(new zmq.Dealer({linger: 0, zapEnforceDomain: true, zapDomain: "app", ...options}))
    const failure = server.events.waitFor("handshake:error:other", {timeout: 10000})
    await server.bind(bindEndpoint("tcp"))
    const client = track(new zmq.Dealer({linger: 0, ...clientOptions()}))
    client.connect(server.lastEndpoint!)
    expect((await failure).error.code).toBe("EFAULT")
  })
})

it("setting zapEnforceDomain after bind affects no connection made through that bind: nothing aborts", async () => {
  const result = await runChild(`
    ;(async () => {
      const server = new zmq.Dealer({linger: 0, plainServer: true})
      await server.bind("tcp://127.0.0.1:*")
      server.zapEnforceDomain = true
      const failure = server.events.waitFor("handshake:error:other")
      const client = new zmq.Dealer({linger: 0, plainUsername: "a", plainPassword: "b"})
      client.connect(server.lastEndpoint)
      console.log((await failure).error.code)
      client.close()
      server.close()
    })()
  `)
  expect({status: result.status, signal: result.signal, stdout: result.stdout.trim()}).toEqual({
    status: 0,
    signal: null,
    stdout: "EFAULT",
  })
})

it("a server with the authenticator and both options lets its clients in", async () => {
  const context = new zmq.Context()
  const auth = new zmq.Authenticator({context, plain: {a: "b"}})
  try {
    const server = track(
      new zmq.Dealer({context, linger: 0, plainServer: true, zapEnforceDomain: true, zapDomain: "app"}),
    )
    await server.bind(bindEndpoint("ipc"))
    await connected(
      track(new zmq.Dealer({linger: 0, plainUsername: "a", plainPassword: "b"})),
      server.lastEndpoint!,
    )
  } finally {
    auth.close()
    track.closeAll()
    await context.close()
  }
})
