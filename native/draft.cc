// What only libzmq's draft API offers the addon (see draft.h): built when libzmq has it.
// Every function runs on the JS thread.
#ifndef ZMQ_NATIVE_NO_DRAFT

#include "draft.h"

#include <zmq.h>

#include <cstring>
#include <string>

#include "environment.h"
#include "errors.h"
#include "interrupted.h"
#include "message.h"
#include "socket.h"

namespace zmqn {

bool ThreadSafePoller::Open(Napi::Env env, void* socket, uv_os_sock_t& fd) {
  Close();
  poller_ = zmq_poller_new();
  zmq_fd_t pollerFd;
  if (poller_ == nullptr ||
      zmq_poller_add(poller_, socket, nullptr, ZMQ_POLLIN | ZMQ_POLLOUT) != 0 ||
      zmq_poller_fd(poller_, &pollerFd) != 0) {
    ThrowLastError(env);
    return false;
  }
  fd = pollerFd;
  return true;
}

void ThreadSafePoller::Consume() {
  if (poller_ == nullptr) return;
  zmq_poller_event_t event;
  zmq_poller_wait_all(poller_, &event, 1, 0);
}

void ThreadSafePoller::Close() {
  if (poller_ != nullptr) zmq_poller_destroy(&poller_);
  poller_ = nullptr;
}

// join, leave: a group is bytes — a Buffer's, or a string's UTF-8 — that libzmq takes as a
// NUL-terminated string.
static std::string GroupBytes(const Napi::Value& value) {
  if (!value.IsBuffer()) return value.As<Napi::String>().Utf8Value();
  auto bytes = value.As<Napi::Buffer<char>>();
  return std::string(bytes.Data(), bytes.Length());
}

template <int (*Call)(void*, const char*)>
static Napi::Value Group(Napi::Env env, void* socket, const Napi::Value& value) {
  const std::string group = GroupBytes(value);
  if (RetryInterrupted([&] { return Call(socket, group.c_str()); }) != 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  return env.Undefined();
}

// connectPeer(address) → the routing id libzmq gave the new peer (ZMQ_PEER sockets).
Napi::Value Socket::ConnectPeer(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  const std::string endpoint = info[0].As<Napi::String>().Utf8Value();
  uint32_t routingId;
  do {
    routingId = zmq_connect_peer(socket_, endpoint.c_str());
  } while (routingId == 0 && zmq_errno() == EINTR);  // see interrupted.h
  if (routingId == 0) {
    ThrowEndpointError(env, endpoint);
    return Napi::Value();
  }
  return Napi::Number::New(env, routingId);
}

Napi::Value Socket::Join(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Group<zmq_join>(info.Env(), socket_, info[0]);
}

Napi::Value Socket::Leave(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Group<zmq_leave>(info.Env(), socket_, info[0]);
}

// sendRouted(frame, routingId, group): draft single-frame sockets; routingId 0 and an empty
// group mean "not set".
Napi::Value Socket::SendRouted(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  zmq_msg_t msg;
  const FrameStatus status = InitFrame(env, data_->releases, info[0], &msg);
  if (status == FrameStatus::Unsupported) return Napi::Number::New(env, -1);
  if (status == FrameStatus::Failed) {
    Throw(ZmqError(env, ENOMEM));
    return Napi::Value();
  }
  const uint32_t routingId = info[1].As<Napi::Number>().Uint32Value();
  if (routingId != 0 && zmq_msg_set_routing_id(&msg, routingId) != 0) {
    zmq_msg_close(&msg);
    ThrowLastError(env);
    return Napi::Value();
  }
  if (info[2].IsString() || info[2].IsBuffer()) {
    const std::string group = GroupBytes(info[2]);
    if (!group.empty() && zmq_msg_set_group(&msg, group.c_str()) != 0) {
      zmq_msg_close(&msg);
      ThrowLastError(env);
      return Napi::Value();
    }
  }
  if (RetryInterrupted([&] { return zmq_msg_send(&msg, socket_, ZMQ_DONTWAIT); }) < 0) {
    const int error = zmq_errno();
    zmq_msg_close(&msg);
    if (error == EAGAIN) return Napi::Number::New(env, 0);
    Throw(ZmqError(env, error));
    return Napi::Value();
  }
  return Napi::Number::New(env, 1);
}

// receiveRouted() → [frame, routingId, group] or undefined: draft single-frame sockets.
Napi::Value Socket::ReceiveRouted(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  if (RetryInterrupted([&] { return zmq_msg_recv(&msg, socket_, ZMQ_DONTWAIT); }) < 0) {
    const int error = zmq_errno();
    zmq_msg_close(&msg);
    if (error == EAGAIN) return env.Undefined();
    Throw(ZmqError(env, error));
    return Napi::Value();
  }
  const uint32_t routingId = zmq_msg_routing_id(&msg);
  const char* group = zmq_msg_group(&msg);
  auto result = Napi::Array::New(env, 3);
  result.Set(1u, Napi::Number::New(env, routingId));
  // The group's bytes as sent: a group need not be text.
  result.Set(2u, group != nullptr ? Napi::Buffer<char>::Copy(env, group, std::strlen(group))
                                  : env.Undefined());
  result.Set(0u, FrameToBuffer(env, &msg));
  return result;
}

}  // namespace zmqn

#endif  // ZMQ_NATIVE_NO_DRAFT
