// Option combinations libzmq 4.3 mishandles at the handshake, refused where libzmq copies a
// socket's options for its connections (bind and connect): with zapEnforceDomain but no
// zapDomain, a PLAIN server aborts the process (an assertion in plain_server_t) on its first
// handshake, and a CURVE server lets every client in without asking the authenticator.
import {errnoError} from "../errors"

interface SecurityOptions {
  readonly plainServer: boolean
  readonly curveServer: boolean
  readonly zapEnforceDomain: boolean
  readonly zapDomain: string | null
}

export function checkHandshakeOptions(socket: object, address: string): void {
  const options = socket as SecurityOptions & {closed: boolean}
  // A closed socket's options cannot be read; bind() or connect() says it is closed.
  if (options.closed || !options.zapEnforceDomain || options.zapDomain) return
  const what = options.plainServer
    ? "aborts the process (an assertion) at the first handshake"
    : options.curveServer
      ? "lets every client in without asking the authenticator"
      : undefined
  if (what === undefined) return
  const mechanism = options.plainServer ? "PLAIN" : "CURVE"
  throw errnoError(
    "EINVAL",
    `A ${mechanism} server with zapEnforceDomain needs a zapDomain: without one, libzmq ${what}`,
    address,
  )
}
