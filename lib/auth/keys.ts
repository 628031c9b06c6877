// CURVE keys and Z85 text (ZeroMQ RFC 32) through libzmq's own functions; every argument is
// checked here, so the native side only ever sees well-formed input.
import {Buffer} from "node:buffer"
import {binding} from "../native"
import {typeError} from "../errors"

/** A CURVE key: 40 characters of Z85 text, or its 32 bytes. */
export type CurveKey = string | Uint8Array

// RFC 32's alphabet, as one character class.
const z85Text = /^[0-9a-zA-Z.\-:+=^!/*?&<>()[\]{}@%$#]*$/

// A RangeError that describes what was received without quoting it: the text may be a secret key.
function invalid(argument: string, expected: string, received: string): RangeError {
  return new RangeError(`The "${argument}" argument must be ${expected}; received ${received}`)
}

function checkZ85(argument: string, text: unknown): asserts text is string {
  if (typeof text !== "string") throw typeError(argument, "a string of Z85 text", text)
  if (text.length % 5 !== 0) {
    throw invalid(argument, "Z85 text whose length is a multiple of 5", `${text.length} characters`)
  }
  if (!z85Text.test(text))
    throw invalid(argument, "Z85 text (RFC 32's 85 characters only)", "other characters")
}

function bytesOf(argument: string, bytes: unknown): Buffer {
  if (!(bytes instanceof Uint8Array)) throw typeError(argument, "a Buffer or Uint8Array", bytes)
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * Encodes bytes (a multiple of 4 of them) as Z85 text, 5 characters per 4 bytes.
 *
 * @throws TypeError when `bytes` is not a Buffer or Uint8Array, RangeError when its length is
 * not a multiple of 4.
 */
export function z85Encode(bytes: Uint8Array): string {
  const buffer = bytesOf("bytes", bytes)
  if (buffer.length % 4 !== 0) {
    throw invalid("bytes", "a length that is a multiple of 4", `${buffer.length} bytes`)
  }
  return buffer.length === 0 ? "" : binding.z85Encode(buffer)
}

/**
 * Decodes Z85 text (a multiple of 5 characters) into its bytes.
 *
 * @throws TypeError when `text` is not a string, RangeError when it is not valid Z85 (length,
 * alphabet, or a group above 2^32 - 1).
 */
export function z85Decode(text: string): Buffer {
  checkZ85("text", text)
  if (text.length === 0) return Buffer.alloc(0)
  const bytes = binding.z85Decode(text)
  // Right length and alphabet, yet refused: a group stands for more than 2^32 - 1.
  if (bytes === null) throw invalid("text", "valid Z85 text", "a group above 2^32 - 1")
  return bytes
}

/** @internal a key given as Z85 text or 32 bytes, as Z85 text; errors name `argument` */
export function z85Key(argument: string, key: unknown): string {
  if (typeof key === "string") {
    if (key.length !== 40)
      throw invalid(argument, "a CURVE key: 40 Z85 characters", `${key.length} characters`)
    checkZ85(argument, key)
    if (binding.z85Decode(key) === null)
      throw invalid(argument, "a CURVE key in valid Z85", "a group above 2^32 - 1")
    return key
  }
  if (!(key instanceof Uint8Array))
    throw typeError(argument, "a CURVE key (40 Z85 characters or 32 bytes)", key)
  if (key.length !== 32) throw invalid(argument, "a CURVE key of 32 bytes", `${key.length} bytes`)
  return binding.z85Encode(bytesOf(argument, key))
}

/** A CURVE key pair, Z85-encoded. */
export interface CurveKeyPair {
  /** The public key: 40 Z85 characters, for the peers (curveServerKey on a client). */
  publicKey: string
  /** The secret key: 40 Z85 characters, kept by its owner (curveSecretKey). */
  secretKey: string
}

/**
 * A new CURVE key pair, Z85-encoded (40 characters each).
 *
 * @example
 * ```ts
 * import {Dealer, Router, curveKeyPair} from "zmq-native"
 * const server = curveKeyPair()
 * const router = new Router({curveServer: true, curveSecretKey: server.secretKey})
 * const client = curveKeyPair()
 * const dealer = new Dealer({
 *   curveServerKey: server.publicKey,
 *   curvePublicKey: client.publicKey,
 *   curveSecretKey: client.secretKey,
 * })
 * ```
 * @throws Error with code `ENOTSUP` when this build has no CURVE (see `capability.curve`).
 */
export function curveKeyPair(): CurveKeyPair {
  return binding.curveKeyPair()
}

/**
 * The public key of a CURVE secret key, in the secret key's form (Z85 text or 32 bytes).
 *
 * @throws TypeError when `secretKey` is neither a string nor bytes, RangeError when it is not
 * a CURVE key (40 Z85 characters or 32 bytes).
 */
export function curvePublic(secretKey: string): string
export function curvePublic(secretKey: Uint8Array): Buffer
export function curvePublic(secretKey: CurveKey): string | Buffer
export function curvePublic(secretKey: CurveKey): string | Buffer {
  const publicKey = binding.curvePublic(z85Key("secretKey", secretKey))
  return typeof secretKey === "string" ? publicKey : z85Decode(publicKey)
}
