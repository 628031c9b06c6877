// Turns libzmq failures into JS errors with code (errno name), errno and, for endpoints, address.
#pragma once

#include <napi.h>

#include <string>

namespace zmqn {

// The errno name libzmq's error number stands for: "EAGAIN", "EFSM", "ETERM", ...
const char* ErrnoName(int error);

// An Error for libzmq's error number, with code, errno and, when given, address; its message
// is zeromq v6's for the errors v6 names (ENOENT "No such endpoint", ...), libzmq's otherwise.
Napi::Error ZmqError(Napi::Env env, int error, const std::string& address = "");

// An Error for a libuv failure (a negative libuv error code), as Node makes them: code (the
// error's name), errno (the code) and syscall (the failed call).
Napi::Error UvError(Napi::Env env, int status, const char* syscall);

// Raises `error` as the JS exception unless one is pending already: the first failure stands
// (throwing over a pending exception aborts the process), and while the environment shuts down,
// when JS can no longer run, nothing is raised. Every throw of the addon goes through here;
// callers return at once afterwards.
void Throw(const Napi::Error& error);

// Throws ZmqError(zmq_errno()); callers return at once afterwards.
void ThrowLastError(Napi::Env env, const std::string& address = "");

}  // namespace zmqn
