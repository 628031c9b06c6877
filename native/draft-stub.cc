// Stands in for draft.cc when libzmq was built without the draft API (ZMQ_NATIVE_NO_DRAFT,
// scripts/lib/libzmq-link.js): the draft-only methods exist but fail with ENOTSUP, and thread-safe
// sockets cannot be made (see draft.h).
#ifdef ZMQ_NATIVE_NO_DRAFT

#include <cerrno>

#include "draft.h"
#include "errors.h"
#include "socket.h"

namespace zmqn {

static Napi::Value Unavailable(Napi::Env env) {
  Throw(AddonError(env, Failure::NoDraftApi));
  return Napi::Value();
}

bool ThreadSafePoller::Open(Napi::Env env, void* /*socket*/, uv_os_sock_t& /*fd*/) {
  Unavailable(env);
  return false;
}

void ThreadSafePoller::Consume() {}

void ThreadSafePoller::Close() {}

Napi::Value Socket::ConnectPeer(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Unavailable(info.Env());
}

Napi::Value Socket::Join(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Unavailable(info.Env());
}

Napi::Value Socket::Leave(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Unavailable(info.Env());
}

Napi::Value Socket::SendRouted(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Unavailable(info.Env());
}

Napi::Value Socket::ReceiveRouted(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Unavailable(info.Env());
}

}  // namespace zmqn

#endif  // ZMQ_NATIVE_NO_DRAFT
