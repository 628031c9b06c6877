// The Authenticator: a ZAP handler (ZeroMQ RFC 27) for one context. A Router of ours bound to
// inproc://zeromq.zap.01 receives libzmq's requests on the JS thread and answers each as soon
// as its decision is made, so a slow check holds up no other handshake.
import {Buffer} from "node:buffer"
import {context as defaultContext, type Context} from "../context"
import {errnoError, typeError} from "../errors"
import {callListeners} from "../listeners"
import {Router} from "../sockets"
import {
  addressProblem,
  compilePolicy,
  defaultUserId,
  mechanismVerdict,
  reloadPolicy,
  type AuthDecision,
  type AuthPolicy,
  type CompiledPolicy,
  type Verdict,
} from "./policy"
import {
  encodeMetadata,
  metadataNameProblem,
  parseRequest,
  replyFrames,
  zapEndpoint,
  type AuthRequest,
  type Mechanism,
  type ZapStatus,
} from "./zap"

/** The Authenticator's policies (as AuthPolicy) and where it applies them. */
export interface AuthenticatorOptions extends AuthPolicy {
  /** The context whose handshakes it decides; default: the shared default context. */
  context?: Context
  /** Policies of particular ZAP domains (a server socket's `zapDomain`); other domains get the top-level one. */
  domains?: Readonly<Record<string, AuthPolicy>>
}

/** One decision, for logs. Never holds a password or a secret key. */
export interface AuthEvent {
  /** Whether the handshake was allowed or denied. */
  type: "allowed" | "denied"
  /** The server socket's `zapDomain`. */
  domain: string
  /** The client's address, e.g. "127.0.0.1" (ZAP's, without a port). */
  address: string
  /** "NULL", "PLAIN", "CURVE", "GSSAPI"; "" for a request too malformed to say. */
  mechanism: Mechanism | ""
  /** Why: "known key", "address denied", "unknown user", "check failed", "malformed request: …", … */
  reason: string
  /** The ZAP status answered: 200 allowed, 400 denied, 500 the check failed. */
  status: ZapStatus
  /** Allowed: the User-Id the server's messages carry. */
  userId?: string
  /** PLAIN. */
  username?: string
  /** CURVE: the client's public key (Z85). */
  publicKey?: string
}

type Listeners = {
  allowed: (event: AuthEvent) => void
  denied: (event: AuthEvent) => void
  /** A check that threw or gave an invalid answer, or the handler's socket failing. */
  error: (error: Error) => void
}

interface Policies {
  fallback: CompiledPolicy
  domains: Map<string, CompiledPolicy>
}

function compileAll(options: unknown, others: readonly string[]): Policies {
  if (options === null || typeof options !== "object") throw typeError("options", "an object", options)
  const fallback = compilePolicy("options", options, [...others, "domains"])
  const domains = new Map<string, CompiledPolicy>()
  const given = (options as {domains?: unknown}).domains
  if (given !== undefined) {
    if (given === null || typeof given !== "object") throw typeError("options.domains", "an object", given)
    for (const [domain, policy] of Object.entries(given)) {
      domains.set(domain, compilePolicy(`options.domains.${domain}`, policy))
    }
  }
  return {fallback, domains}
}

// A check's answer as a verdict; throws on an answer that is neither a boolean nor a valid object.
function checked(decision: AuthDecision, request: AuthRequest, verdict: Verdict | undefined): Verdict {
  if (typeof decision === "boolean") decision = {allow: decision}
  if (decision === null || typeof decision !== "object" || typeof decision.allow !== "boolean") {
    throw new TypeError("The check must answer a boolean or {allow: boolean, userId?, metadata?, reason?}")
  }
  const {allow, userId, metadata = {}, reason} = decision
  if (reason !== undefined && typeof reason !== "string")
    throw new TypeError("The check's reason must be a string")
  if (!allow) return {allow, reason: reason ?? "denied by check"}
  if (userId !== undefined && typeof userId !== "string")
    throw new TypeError("The check's userId must be a string")
  if (metadata === null || typeof metadata !== "object")
    throw new TypeError("The check's metadata must be an object")
  for (const [name, value] of Object.entries(metadata)) {
    const problem = metadataNameProblem(name)
    if (problem !== undefined) throw new TypeError(`The check's metadata name "${name}" must be ${problem}`)
    if (typeof value !== "string" && !(value instanceof Uint8Array)) {
      throw new TypeError(`The check's metadata "${name}" must be a string or bytes`)
    }
  }
  return {
    allow,
    reason: reason ?? "allowed by check",
    userId: userId ?? defaultUserId(request),
    // A certificate's metadata, with the check's on top.
    metadata: verdict?.allow ? {...verdict.metadata, ...metadata} : metadata,
  }
}

/**
 * A ZAP handler (ZeroMQ RFC 27) for one context: decides, by its policies, which clients may
 * complete a handshake with the context's NULL, PLAIN and CURVE servers (docs/security.md).
 *
 * @example
 * ```ts
 * import {Authenticator, Router, curveKeyPair} from "zmq-native"
 * declare const clientPublicKey: string
 * const auth = new Authenticator({curve: {keys: [clientPublicKey]}})
 * auth.on("denied", decision => console.log("refused:", decision))
 * const server = curveKeyPair()
 * const router = new Router({curveServer: true, curveSecretKey: server.secretKey})
 * await router.bind("tcp://127.0.0.1:*")
 * ```
 */
export class Authenticator {
  private readonly router: Router
  private policies: Policies
  private readonly listeners = new Map<keyof Listeners, Set<Listeners[keyof Listeners]>>()

  /**
   * Installs the ZAP handler of `options.context` (the shared default context if none) with the
   * given policies, at once. A context has at most one: a second fails with EADDRINUSE. Like a
   * server, it keeps the process running until close().
   */
  constructor(options: AuthenticatorOptions = {}) {
    this.policies = compileAll(options, ["context"])
    this.router = new Router({context: options.context ?? defaultContext, linger: 0})
    try {
      this.router.bindSync(zapEndpoint)
    } catch (error) {
      this.router.close()
      if ((error as {code?: string}).code !== "EADDRINUSE") throw error
      throw errnoError(
        "EADDRINUSE",
        "This context already has a ZAP handler (another Authenticator?): only one may be installed per context",
        zapEndpoint,
      )
    }
    void this.serve()
  }

  /** The context whose handshakes it decides. */
  get context(): Context {
    return this.router.context
  }

  /** Whether close() was called. */
  get closed(): boolean {
    return this.router.closed
  }

  /**
   * Replaces every policy at once (same shape as the constructor's options, without `context`).
   *
   * @throws TypeError or RangeError naming what is wrong in `options`; the certificate errors
   * of {@link loadCertificates}. The old policies stay.
   */
  configure(options: Omit<AuthenticatorOptions, "context">): void {
    this.policies = compileAll(options, [])
  }

  /**
   * Reads the certificate folders of every policy again.
   *
   * @throws Error with code `ERR_INVALID_CERTIFICATE` on a malformed file, or the file
   * system's error; the keys it had are kept.
   */
  reload(): void {
    const {fallback, domains} = this.policies
    this.policies = {
      fallback: reloadPolicy(fallback),
      domains: new Map([...domains].map(([domain, policy]) => [domain, reloadPolicy(policy)])),
    }
  }

  /**
   * Calls `listener` for each decision ("allowed", "denied") or failure ("error").
   *
   * @throws TypeError for another event type or a listener that is not a function.
   */
  on<T extends keyof Listeners>(type: T, listener: Listeners[T]): this {
    if (type !== "allowed" && type !== "denied" && type !== "error") {
      throw typeError("type", '"allowed", "denied" or "error"', type)
    }
    if (typeof listener !== "function") throw typeError("listener", "a function", listener)
    let set = this.listeners.get(type)
    if (set === undefined) this.listeners.set(type, (set = new Set()))
    set.add(listener)
    return this
  }

  /**
   * Removes a listener added with on().
   *
   * @throws Nothing: a listener that was not added is ignored.
   */
  off<T extends keyof Listeners>(type: T, listener: Listeners[T]): this {
    this.listeners.get(type)?.delete(listener)
    return this
  }

  /**
   * Uninstalls the handler. Idempotent. Afterwards the context has none: PLAIN servers fail
   * every handshake and CURVE servers accept every client again (unless they set `zapDomain`
   * and `zapEnforceDomain`), so close servers first.
   *
   * @throws Nothing.
   */
  close(): void {
    if (this.closed) return
    // Unbinding inproc takes effect at once; a closed socket's endpoint is released later, by
    // libzmq's reaper thread: a new authenticator right after close() could find it taken.
    this.router.unbindSync(zapEndpoint)
    this.router.close()
  }

  /**
   * `using auth = new Authenticator()`: closes it at the end of the scope.
   *
   * @throws Nothing.
   */
  [Symbol.dispose](): void {
    this.close()
  }

  // ---- serving ----

  private async serve(): Promise<void> {
    try {
      for await (const frames of this.router) this.handle(frames)
    } catch (error) {
      this.fail(error as Error)
    }
  }

  private handle(frames: Buffer[]): void {
    const parsed = parseRequest(frames)
    if ("problem" in parsed) {
      const event = {domain: "", address: "", mechanism: "" as const}
      this.answer(parsed.envelope, parsed.requestId, event, {
        allow: false,
        reason: `malformed request: ${parsed.problem}`,
      })
      return
    }
    const {envelope, requestId, request} = parsed
    const {fallback, domains} = this.policies
    const policy = domains.get(request.domain) ?? fallback
    const problem = addressProblem(policy, request.address)
    if (problem !== undefined)
      return this.answer(envelope, requestId, request, {allow: false, reason: problem})
    const verdict = mechanismVerdict(policy, request)
    if (verdict?.allow === false || policy.check === undefined) {
      return this.answer(
        envelope,
        requestId,
        request,
        verdict ?? {allow: false, reason: `${request.mechanism} not configured`},
      )
    }
    const check = policy.check
    // The check gets a copy: what it changes is not what is answered.
    const copy = {...request}
    new Promise<AuthDecision>(resolve => resolve(check(copy))).then(
      decision => {
        let answer: Verdict
        try {
          answer = checked(decision, request, verdict)
        } catch (error) {
          return this.checkFailed(envelope, requestId, request, error)
        }
        this.answer(envelope, requestId, request, answer)
      },
      error => this.checkFailed(envelope, requestId, request, error),
    )
  }

  private checkFailed(envelope: Buffer[], requestId: Buffer, request: AuthRequest, error: unknown): void {
    this.answer(envelope, requestId, request, {allow: false, reason: "check failed"}, 500)
    const failure = new Error(
      `Authenticator check failed for a ${request.mechanism} client from "${request.address}": ${(error as Error)?.message ?? String(error)}`,
      {cause: error},
    )
    this.fail(failure)
  }

  private answer(
    envelope: Buffer[],
    requestId: Buffer,
    request: Pick<AuthRequest, "domain" | "address" | "username" | "publicKey"> & {mechanism: Mechanism | ""},
    verdict: Verdict,
    denyStatus: ZapStatus = 400,
  ): void {
    if (this.closed) return
    const status: ZapStatus = verdict.allow ? 200 : denyStatus
    const reply = verdict.allow
      ? replyFrames(envelope, requestId, 200, "OK", verdict.userId, encodeMetadata(verdict.metadata))
      : replyFrames(envelope, requestId, status, status === 500 ? "Internal error" : "Denied")
    this.router.send(reply).catch(error => {
      if (!this.closed) this.fail(error as Error)
    })
    const event: AuthEvent = {
      type: verdict.allow ? "allowed" : "denied",
      domain: request.domain,
      address: request.address,
      mechanism: request.mechanism,
      reason: verdict.reason,
      status,
    }
    if (verdict.allow) event.userId = verdict.userId
    if (request.username !== undefined) event.username = request.username
    if (request.publicKey !== undefined) event.publicKey = request.publicKey
    this.emit(event.type, event)
  }

  // Reported once: to "error" listeners, or as a process warning when there are none (given as
  // text: emitWarning checks for an Error of its own realm).
  private fail(error: Error): void {
    if (this.listeners.get("error")?.size) this.emit("error", error)
    else process.emitWarning(error.message, "AuthenticatorWarning")
  }

  private emit<T extends keyof Listeners>(type: T, value: Parameters<Listeners[T]>[0]): void {
    const set = this.listeners.get(type)
    if (set !== undefined) callListeners(set as Set<(value: unknown) => void>, value)
  }
}
