// ZAP (ZeroMQ RFC 27) messages as a handler on a Router sees them: requests parsed and checked
// frame by frame, replies built, and ZAP metadata in its ZMTP property encoding.
import {Buffer} from "node:buffer"
import {z85Encode} from "./keys"

/** The endpoint every libzmq context asks for its ZAP handler. */
export const zapEndpoint = "inproc://zeromq.zap.01"

/** A ZAP request's security mechanism. */
export type Mechanism = "NULL" | "PLAIN" | "CURVE" | "GSSAPI"

/** What a connecting peer presented, as the authenticator's policies and `check` see it. */
export interface AuthRequest {
  /** The server socket's `zapDomain` ("" when unset). */
  domain: string
  /**
   * The peer's address: an IP address for tcp and ws; for ipc on Linux ":uid:gid:pid" of the
   * connecting process.
   */
  address: string
  /** The mechanism the client uses. */
  mechanism: Mechanism
  /** The server socket's own routing id (the request's identity frame). */
  routingId: Buffer
  /** PLAIN. */
  username?: string
  /** PLAIN: the password, for `check` only; never in events or errors. */
  password?: string
  /** CURVE: the client's long-term public key, Z85. */
  publicKey?: string
  /** GSSAPI. */
  principal?: string
}

/** A request that parsed, and the envelope its reply goes back through. */
export interface ParsedRequest {
  envelope: Buffer[]
  requestId: Buffer
  request: AuthRequest
}

/** A request that did not: what is wrong, and what is needed to answer it anyway. */
export interface MalformedRequest {
  envelope: Buffer[]
  requestId: Buffer
  problem: string
}

const version = "1.0"
const credentialCounts = new Map<string, number>([
  ["NULL", 0],
  ["PLAIN", 2],
  ["CURVE", 1],
  ["GSSAPI", 1],
])

/** Splits a message a Router received into envelope and ZAP request, checking every frame. */
export function parseRequest(frames: Buffer[]): ParsedRequest | MalformedRequest {
  // The envelope: the routing frames up to and including the empty delimiter.
  const delimiter = frames.findIndex(frame => frame.length === 0)
  if (delimiter < 1) {
    return {
      envelope: [frames[0], Buffer.alloc(0)],
      requestId: Buffer.alloc(0),
      problem: "no envelope delimiter",
    }
  }
  const envelope = frames.slice(0, delimiter + 1)
  const [
    versionFrame,
    requestId = Buffer.alloc(0),
    domain,
    address,
    routingId,
    mechanismFrame,
    ...credentials
  ] = frames.slice(delimiter + 1)
  const malformed = (problem: string): MalformedRequest => ({envelope, requestId, problem})
  if (versionFrame === undefined || versionFrame.toString("latin1") !== version)
    return malformed("not ZAP version 1.0")
  if (mechanismFrame === undefined) return malformed("too few frames")
  const mechanism = mechanismFrame.toString("latin1") as Mechanism
  const count = credentialCounts.get(mechanism)
  if (count === undefined) return malformed("unknown mechanism")
  if (credentials.length !== count) return malformed(`wrong number of ${mechanism} credentials`)
  const request: AuthRequest = {
    domain: domain.toString("utf8"),
    address: address.toString("utf8"),
    mechanism,
    routingId,
  }
  switch (mechanism) {
    case "PLAIN":
      request.username = credentials[0].toString("utf8")
      request.password = credentials[1].toString("utf8")
      break
    case "CURVE":
      if (credentials[0].length !== 32) return malformed("a CURVE key that is not 32 bytes")
      request.publicKey = z85Encode(credentials[0])
      break
    case "GSSAPI":
      request.principal = credentials[0].toString("utf8")
      break
  }
  return {envelope, requestId, request}
}

/** ZAP status codes: 200 allowed, 300 temporary failure, 400 denied, 500 internal error. */
export type ZapStatus = 200 | 300 | 400 | 500

/** A reply: [envelope..., "1.0", request id, status, status text, user id, metadata]. */
export function replyFrames(
  envelope: Buffer[],
  requestId: Buffer,
  status: ZapStatus,
  text: string,
  userId = "",
  metadata: Buffer = Buffer.alloc(0),
): Buffer[] {
  return [
    ...envelope,
    Buffer.from(version),
    requestId,
    Buffer.from(String(status)),
    Buffer.from(text),
    Buffer.from(userId),
    metadata,
  ]
}

// ZMTP property names (RFC 23): 1 to 255 of these characters.
const propertyName = /^[A-Za-z0-9\-_.+]{1,255}$/
// Names libzmq fills in itself or treats specially: metadata may not claim them.
const reserved = new Set(["user-id", "socket-type", "identity", "routing-id", "peer-address", "resource"])

/** @internal why `name` cannot be a ZAP metadata property; undefined when it can */
export function metadataNameProblem(name: string): string | undefined {
  if (!propertyName.test(name)) return "1 to 255 letters, digits or -_.+"
  if (reserved.has(name.toLowerCase())) return "not a name libzmq sets itself"
  return undefined
}

/** ZAP metadata in ZMTP's property encoding: per property a 1-byte name length, the name, a 4-byte value length, the value. */
export function encodeMetadata(metadata: Readonly<Record<string, string | Uint8Array>>): Buffer {
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(metadata)) {
    const bytes =
      typeof value === "string"
        ? Buffer.from(value)
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    const head = Buffer.alloc(1 + name.length + 4)
    head[0] = name.length
    head.write(name, 1, "latin1")
    head.writeUInt32BE(bytes.length, 1 + name.length)
    parts.push(head, bytes)
  }
  return Buffer.concat(parts)
}
