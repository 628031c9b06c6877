// One home for the addon's errors: libzmq failures become JS errors with code (errno name),
// errno and, for endpoints, address; the errno table and the addon's own messages.
#pragma once

#include <napi.h>

#include <optional>
#include <string>

namespace zmqn {

// The errno name libzmq's error number stands for: "EAGAIN", "EFSM", "ETERM", ...; "EUNKNOWN"
// for a number the table lacks.
const char* ErrnoName(int error);

// { name: number } for every errno name of the table: exported as `errnos`, which lib/errors.ts
// uses both ways, so JS never works out an errno itself.
Napi::Object ErrnoTable(Napi::Env env);

// Failures the addon words itself (the message table in errors.cc says code and text).
enum class Failure {
  SocketProxied,
  SocketBlocked,
  NoDraftApi,
  ProxyRunning,
  ProxyNotRunning,
  ProxyFrontEndUnusable,
  ProxyBackEndUnusable,
  ProxySocketClosed,
  ProxyWouldNotStop,
};

// An Error for one of the addon's own failures, with code and errno.
Napi::Error AddonError(Napi::Env env, Failure failure);

// An Error for libzmq's error number, with code, errno and, when given, address; its message
// is zeromq v6's for the errors v6 names (ENOENT "No such endpoint", ...), libzmq's otherwise.
Napi::Error ZmqError(Napi::Env env, int error, const std::string& address = "");

// An Error for a libuv failure (a negative libuv error code), as Node makes them: code (the
// error's name), errno (the code) and syscall (the failed call).
Napi::Error UvError(Napi::Env env, int status, const char* syscall);

// Throws libzmq's last error (or `error`) for an endpoint call, naming the endpoint (even an
// empty one).
void ThrowEndpointError(Napi::Env env, const std::string& endpoint);
void ThrowEndpointError(Napi::Env env, const std::string& endpoint, int error);

// Raises `error` as the JS exception unless one is pending already: the first failure stands
// (throwing over a pending exception aborts the process), and while the environment shuts down,
// when JS can no longer run, nothing is raised. Every throw of the addon goes through here;
// callers return at once afterwards.
void Throw(const Napi::Error& error);

// While a worker terminates, the N-API calls that may run JS fail (making a Buffer or an
// ArrayBuffer, reading a property, coercing), and node-addon-api answers with an empty wrapper
// whose env is null: any method used on it aborts the process, as its error lookup has no env.
// So code JS calls checks IsEmpty() on such results before using them, and reads a boolean
// argument with IsTrue rather than ToBoolean (a coercion).
inline bool IsTrue(const Napi::Value& value) {
  return value.IsBoolean() && value.As<Napi::Boolean>().Value();
}

// A promise and the deferred that settles it (napi_resolve_deferred / napi_reject_deferred).
// Made with NewPromise, never node-addon-api's Promise::Deferred: when napi_create_promise fails,
// as it does while a worker terminates, that leaves both handles unset, and the unset promise,
// returned to JS, crashed the process. Empty here means: return an empty Napi::Value.
struct PendingPromise {
  napi_deferred deferred;
  napi_value promise;
};
inline std::optional<PendingPromise> NewPromise(napi_env env) {
  PendingPromise pending;
  if (napi_create_promise(env, &pending.deferred, &pending.promise) != napi_ok) return {};
  return pending;
}

// Throws ZmqError(zmq_errno()); callers return at once afterwards.
void ThrowLastError(Napi::Env env, const std::string& address = "");

}  // namespace zmqn
