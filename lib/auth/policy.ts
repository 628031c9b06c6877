// The authenticator's policies: what a user configures per ZAP domain, checked and compiled
// once (address lists into BlockLists, keys into Z85 sets, certificate folders read), and the
// static part of each decision. Nothing here touches sockets.
import {createHash, timingSafeEqual} from "node:crypto"
import {BlockList, isIP} from "node:net"
import {typeError} from "../errors"
import {loadCertificates} from "./certificates"
import {z85Key, type CurveKey} from "./keys"
import {metadataNameProblem, type AuthRequest, type Mechanism} from "./zap"

/** What `check` answers: allow or deny, or an object that can also set User-Id and metadata. */
export type AuthDecision =
  | boolean
  | {
      /** Whether the client may complete its handshake. */
      allow: boolean
      /** The reply's User-Id (default: the PLAIN username, the CURVE public key in Z85, the GSSAPI principal). */
      userId?: string
      /** ZAP metadata, readable per message with receive({metadata: [...names]}). */
      metadata?: Readonly<Record<string, string | Uint8Array>>
      /** Why, for the "allowed"/"denied" event (never sent to the peer). */
      reason?: string
    }

/** Which CURVE clients a policy lets in. */
export interface CurvePolicy {
  /** Allowed client public keys (Z85 text or 32 bytes). */
  keys?: readonly CurveKey[]
  /** A folder of public certificates (`*.key`); re-read by `reload()`. Their metadata becomes ZAP metadata. */
  certificates?: string
}

/** What one ZAP domain (or the default) accepts. With nothing configured for a mechanism, its clients are denied. */
export interface AuthPolicy {
  /** IP addresses or CIDR ranges (IPv4, IPv6) refused whatever they present; wins over `allow`. */
  deny?: readonly string[]
  /** When given, only these IP addresses or ranges get further (ipc peers have none, so are refused). */
  allow?: readonly string[]
  /**
   * NULL clients allowed (true) or not. libzmq asks the authenticator about NULL only when the
   * server socket sets `zapDomain`.
   */
  null?: boolean
  /** PLAIN: username → password. */
  plain?: Readonly<Record<string, string>> | ReadonlyMap<string, string>
  /** CURVE: the client keys allowed, or "any" for encryption without client authentication. */
  curve?: "any" | CurvePolicy
  /**
   * A custom check, for every request the address lists and the mechanism's own settings (when
   * there are any) let through; its answer is final. May be async; while it runs, other
   * handshakes go on. A throw or rejection denies (status 500) and is reported as an "error".
   */
  check?: (request: AuthRequest) => AuthDecision | PromiseLike<AuthDecision>
}

/** @internal a checked policy, ready for decisions */
export interface CompiledPolicy {
  allow?: BlockList
  deny?: BlockList
  null?: boolean
  /** username → sha256(password) */
  plain?: Map<string, Buffer>
  curve?: "any" | {keys: Map<string, Readonly<Record<string, string>>>; folder?: string; listed: string[]}
  check?: AuthPolicy["check"]
}

/** @internal the static verdict on a request: final unless a check follows */
export type Verdict =
  | {allow: true; reason: string; userId: string; metadata: Readonly<Record<string, string | Uint8Array>>}
  | {allow: false; reason: string}

const policyKeys = new Set(["deny", "allow", "null", "plain", "curve", "check"])

function checkObject(argument: string, value: unknown): asserts value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw typeError(argument, "an object", value)
}

function addressList(argument: string, list: unknown): BlockList | undefined {
  if (list === undefined) return undefined
  if (!Array.isArray(list)) throw typeError(argument, "an array of IP addresses or CIDR ranges", list)
  const blocks = new BlockList()
  list.forEach((entry: unknown, index) => {
    const name = `${argument}[${index}]`
    if (typeof entry !== "string") throw typeError(name, "an IP address or CIDR range", entry)
    const [address, prefix, extra] = entry.split("/")
    const family = isIP(address)
    const bits = family === 4 ? 32 : 128
    if (family === 0 || extra !== undefined)
      throw typeError(name, 'an IP address or CIDR range ("10.0.0.0/8", "fd00::/8")', entry)
    const type = family === 4 ? "ipv4" : "ipv6"
    if (prefix === undefined) return blocks.addAddress(address, type)
    const length = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
    if (!(length <= bits)) throw typeError(name, `a CIDR range with a prefix length of 0 to ${bits}`, entry)
    blocks.addSubnet(address, length, type)
  })
  return blocks
}

function passwordDigest(password: string): Buffer {
  return createHash("sha256").update(password, "utf8").digest()
}

function plainUsers(argument: string, users: unknown): Map<string, Buffer> | undefined {
  if (users === undefined) return undefined
  const entries =
    users instanceof Map ? [...users.entries()] : (checkObject(argument, users), Object.entries(users))
  return new Map(
    entries.map(([username, password]: [unknown, unknown]) => {
      if (typeof username !== "string") throw typeError(`${argument} key`, "a string (a username)", username)
      if (typeof password !== "string") {
        // Not quoting the value: it is meant to be a password.
        throw new TypeError(
          `The "${argument}.${username}" password must be a string; received ${typeof password}`,
        )
      }
      return [username, passwordDigest(password)]
    }),
  )
}

function certificateMetadata(folder: string): [string, Readonly<Record<string, string>>][] {
  return loadCertificates(folder).map(certificate => {
    for (const name of Object.keys(certificate.metadata)) {
      const problem = metadataNameProblem(name)
      if (problem !== undefined) {
        throw new Error(
          `Certificate ${certificate.path}: metadata name "${name}" cannot be ZAP metadata (${problem})`,
        )
      }
    }
    return [certificate.publicKey, certificate.metadata]
  })
}

// The allowed keys, each with the metadata its certificate gives (none for listed keys).
function curveKeys(
  folder: string | undefined,
  listed: string[],
): Map<string, Readonly<Record<string, string>>> {
  const keys = new Map<string, Readonly<Record<string, string>>>(listed.map(key => [key, {}]))
  if (folder !== undefined) for (const [key, metadata] of certificateMetadata(folder)) keys.set(key, metadata)
  return keys
}

function curvePolicy(argument: string, curve: unknown): CompiledPolicy["curve"] {
  if (curve === undefined || curve === "any") return curve
  if (typeof curve === "string") throw typeError(argument, '"any" or an object ({keys, certificates})', curve)
  checkObject(argument, curve)
  for (const key of Object.keys(curve)) {
    if (key !== "keys" && key !== "certificates")
      throw new TypeError(`Unknown option "${key}" in ${argument}`)
  }
  const {keys = [], certificates} = curve
  if (!Array.isArray(keys)) throw typeError(`${argument}.keys`, "an array of CURVE public keys", keys)
  const listed = keys.map((key: unknown, index) => z85Key(`${argument}.keys[${index}]`, key))
  if (certificates !== undefined && typeof certificates !== "string") {
    throw typeError(`${argument}.certificates`, "a folder path", certificates)
  }
  return {keys: curveKeys(certificates, listed), folder: certificates, listed}
}

/**
 * @internal checks a policy (errors name `argument`) and reads its certificate folders;
 * `others`: keys of the object that are not the policy's (the authenticator's own options)
 */
export function compilePolicy(
  argument: string,
  policy: unknown,
  others: readonly string[] = [],
): CompiledPolicy {
  checkObject(argument, policy)
  const at = (key: string) => `${argument}.${key}`
  for (const key of Object.keys(policy)) {
    if (!policyKeys.has(key) && !others.includes(key))
      throw new TypeError(`Unknown option "${key}" in ${argument}`)
  }
  const compiled: CompiledPolicy = {
    deny: addressList(at("deny"), policy.deny),
    allow: addressList(at("allow"), policy.allow),
    plain: plainUsers(at("plain"), policy.plain),
    curve: curvePolicy(at("curve"), policy.curve),
  }
  if (policy.null !== undefined) {
    if (typeof policy.null !== "boolean") throw typeError(at("null"), "a boolean", policy.null)
    compiled.null = policy.null
  }
  if (policy.check !== undefined) {
    if (typeof policy.check !== "function") throw typeError(at("check"), "a function", policy.check)
    compiled.check = policy.check as AuthPolicy["check"]
  }
  return compiled
}

/** @internal the same policy with its certificate folders read again (throws, changing nothing, on a bad file) */
export function reloadPolicy(policy: CompiledPolicy): CompiledPolicy {
  const curve = policy.curve
  if (curve === undefined || curve === "any" || curve.folder === undefined) return policy
  return {...policy, curve: {...curve, keys: curveKeys(curve.folder, curve.listed)}}
}

// An address the lists can be checked against: libzmq may add an IPv6 zone ("fe80::1%eth0").
function ipOf(address: string): [string, "ipv4" | "ipv6"] | undefined {
  const bare = address.replace(/%.*$/, "")
  const family = isIP(bare)
  return family === 0 ? undefined : [bare, family === 4 ? "ipv4" : "ipv6"]
}

/** @internal the address lists' verdict: a reason to deny, or undefined */
export function addressProblem(policy: CompiledPolicy, address: string): string | undefined {
  const ip = ipOf(address)
  if (policy.deny !== undefined && ip !== undefined && policy.deny.check(...ip)) return "address denied"
  if (policy.allow !== undefined && (ip === undefined || !policy.allow.check(...ip)))
    return "address not allowed"
  return undefined
}

const none: Readonly<Record<string, string>> = Object.freeze({})

/** @internal the user id a request gets unless a check says otherwise */
export function defaultUserId(request: AuthRequest): string {
  return request.username ?? request.publicKey ?? request.principal ?? ""
}

/** @internal the mechanism settings' verdict; undefined when the policy configures nothing for it */
export function mechanismVerdict(policy: CompiledPolicy, request: AuthRequest): Verdict | undefined {
  const allowed = (reason: string, metadata = none): Verdict => ({
    allow: true,
    reason,
    userId: defaultUserId(request),
    metadata,
  })
  const mechanism: Mechanism = request.mechanism
  switch (mechanism) {
    case "NULL":
      if (policy.null === undefined) return undefined
      return policy.null ? allowed("NULL allowed") : {allow: false, reason: "NULL not allowed"}
    case "PLAIN": {
      if (policy.plain === undefined) return undefined
      const expected = policy.plain.get(request.username!)
      if (expected === undefined) return {allow: false, reason: "unknown user"}
      if (!timingSafeEqual(expected, passwordDigest(request.password!)))
        return {allow: false, reason: "wrong password"}
      return allowed("known user")
    }
    case "CURVE": {
      if (policy.curve === undefined) return undefined
      if (policy.curve === "any") return allowed("any CURVE key allowed")
      const metadata = policy.curve.keys.get(request.publicKey!)
      return metadata === undefined ? {allow: false, reason: "unknown key"} : allowed("known key", metadata)
    }
    case "GSSAPI":
      return undefined
  }
}
