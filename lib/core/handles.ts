// The keys under which public objects keep what other lib/ modules need from them. The package
// never exports these symbols and the members they key are @internal, so users see neither.
// Hot paths keep their own fields; these serve the modules around them (options, observer,
// proxy, the generated classes).

/** A Socket's or Context's native handle (a socket's throws EBADF once it is closed). */
export const native: unique symbol = Symbol("zmq-native: native handle")

/** A Socket's send and receive engine (lib/core/engine.ts). */
export const engine: unique symbol = Symbol("zmq-native: engine")

/** A Socket's hook for the proxy running with it: stopped before the socket closes. */
export const proxied: unique symbol = Symbol("zmq-native: proxy")

/** A Socket's close that lingers at most a given time: Context.close() uses it. */
export const closeWithin: unique symbol = Symbol("zmq-native: close within")
