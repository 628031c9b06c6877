// Turns libzmq failures into JS errors with code (errno name), errno and, for endpoints, address.
#include "errors.h"

#include <uv.h>
#include <zmq.h>

#include <cerrno>

namespace zmqn {

const char* ErrnoName(int error) {
  // libzmq's own numbers, and the POSIX ones it redefines on platforms that lack them.
  switch (error) {
    case EFSM: return "EFSM";
    case ENOCOMPATPROTO: return "ENOCOMPATPROTO";
    case ETERM: return "ETERM";
    case EMTHREAD: return "EMTHREAD";
    default: break;
  }
#ifdef _WIN32
  switch (error) {
    case ENOTSUP: return "ENOTSUP";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case ENOBUFS: return "ENOBUFS";
    case ENETDOWN: return "ENETDOWN";
    case EADDRINUSE: return "EADDRINUSE";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EINPROGRESS: return "EINPROGRESS";
    case ENOTSOCK: return "ENOTSOCK";
    case EMSGSIZE: return "EMSGSIZE";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ENETUNREACH: return "ENETUNREACH";
    case ECONNABORTED: return "ECONNABORTED";
    case ECONNRESET: return "ECONNRESET";
    case ENOTCONN: return "ENOTCONN";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EHOSTUNREACH: return "EHOSTUNREACH";
    case ENETRESET: return "ENETRESET";
    default: break;
  }
#endif
  // libuv knows the platform's errno names; it takes them negated.
  const char* name = uv_err_name(-error);
  if (name != nullptr && name[0] == 'E') return name;
  return "EUNKNOWN";
}

// zeromq v6's words for the errors its users meet most (code matching on them keeps working);
// every other error has libzmq's own text.
static const char* Message(int error) {
  switch (error) {
    case ETERM: return "Context is closed";
    case EAGAIN: return "Operation was not possible or timed out";
    case EMFILE: return "Too many open file descriptors";
    case ENOENT: return "No such endpoint";
    case EBUSY: return "Socket is busy";
    case EBADF: return "Socket is closed";
    default: return zmq_strerror(error);
  }
}

Napi::Error ZmqError(Napi::Env env, int error, const std::string& address) {
  auto result = Napi::Error::New(env, Message(error));
  auto object = result.Value();
  object.Set("code", ErrnoName(error));
  object.Set("errno", Napi::Number::New(env, error));
  if (!address.empty()) object.Set("address", address);
  return result;
}

Napi::Error UvError(Napi::Env env, int status, const char* syscall) {
  auto result = Napi::Error::New(env, std::string(syscall) + " failed: " + uv_strerror(status));
  auto object = result.Value();
  object.Set("code", uv_err_name(status));
  object.Set("errno", Napi::Number::New(env, status));
  object.Set("syscall", syscall);
  return result;
}

void Throw(const Napi::Error& error) {
  if (error.IsEmpty()) return;  // making it failed: that failure is pending instead
  napi_env env = error.Env();
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) != napi_ok || pending) return;
  // napi_throw fails only when JS cannot run any more (environment teardown): nobody to tell.
  napi_throw(env, error.Value());
}

void ThrowLastError(Napi::Env env, const std::string& address) {
  Throw(ZmqError(env, zmq_errno(), address));
}

}  // namespace zmqn
