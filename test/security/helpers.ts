// Shared by the security suites: an Authenticator on a context of its own that records what it
// decides, sockets closed after each test, and waiting for a peer's handshake outcome.
import * as zmq from "../../lib"
import {ipcEndpoint, socketTracker, type SocketTracker} from "../helpers"

export type SecureTransport = "tcp" | "ipc"
export const secureTransports: SecureTransport[] = ["tcp", "ipc"]

export function bindEndpoint(transport: SecureTransport): string {
  return transport === "tcp" ? "tcp://127.0.0.1:*" : ipcEndpoint("security")
}

/** The address libzmq reports for a peer of this process over the transport (ipc: its credentials, on Linux). */
export function peerAddress(transport: SecureTransport): string {
  return transport === "tcp"
    ? "127.0.0.1"
    : `localhost:${process.getuid!()}:${process.getgid!()}:${process.pid}`
}

export interface Secured {
  context: zmq.Context
  auth: zmq.Authenticator
  /** Every decision, in order. */
  decisions: zmq.AuthEvent[]
  errors: Error[]
}

/**
 * A fixture: `setup(options)` makes a context with an Authenticator recording its decisions;
 * sockets given to `track` and the context are closed after each test.
 */
export function secureFixture() {
  const track = socketTracker()
  let current: Secured | undefined
  afterEach(async () => {
    track.closeAll()
    if (current !== undefined) {
      current.auth.close()
      await current.context.close()
      current = undefined
    }
  })
  const setup = (options: Omit<zmq.AuthenticatorOptions, "context"> = {}): Secured => {
    const context = new zmq.Context()
    const auth = new zmq.Authenticator({...options, context})
    const secured: Secured = {context, auth, decisions: [], errors: []}
    auth.on("allowed", event => secured.decisions.push(event))
    auth.on("denied", event => secured.decisions.push(event))
    auth.on("error", error => secured.errors.push(error))
    current = secured
    return secured
  }
  return {setup, track}
}

/** A CURVE server Dealer on `context` with `serverKeys`, reading metadata, tracked by `track`. */
export function curveServer(
  track: SocketTracker,
  context: zmq.Context,
  serverKeys: {secretKey: string},
): zmq.Dealer {
  return track(
    new zmq.Dealer({
      context,
      linger: 0,
      receiveMetadata: true,
      curveServer: true,
      curveSecretKey: serverKeys.secretKey,
    }),
  )
}

/** Connects `client` and resolves once its handshake succeeded (rejects after `timeout` ms). */
export async function connected(client: zmq.Socket, endpoint: string, timeout = 10000): Promise<void> {
  const handshake = client.events.waitFor("handshake", {timeout})
  client.connect(endpoint)
  await handshake
}

/** Connects `client` and resolves with the ZAP status of its first refused handshake. */
export async function refused(client: zmq.Socket, endpoint: string, timeout = 10000): Promise<number> {
  const failure = client.events.waitFor("handshake:error:auth", {timeout})
  client.connect(endpoint)
  return (await failure).error.status
}

/** Receives `count` messages as text (one frame each), failing after `timeout` ms for any. */
export async function receiveTexts(socket: zmq.Dealer, count: number, timeout = 5000): Promise<string[]> {
  const texts: string[] = []
  for (let i = 0; i < count; i++) texts.push(String((await socket.receive({timeout}))[0]))
  return texts
}

/** Resolves with a decision event once the authenticator emits one that `filter` accepts. */
export function decision(
  auth: zmq.Authenticator,
  type: "allowed" | "denied",
  filter: (event: zmq.AuthEvent) => boolean = () => true,
): Promise<zmq.AuthEvent> {
  return new Promise(resolve => {
    const listener = (event: zmq.AuthEvent) => {
      if (!filter(event)) return
      auth.off(type, listener)
      resolve(event)
    }
    auth.on(type, listener)
  })
}
