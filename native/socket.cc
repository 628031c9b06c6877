// One libzmq socket: endpoints, options, non-blocking send and receive, and readiness
// notification. Every method runs on the JS thread. Queueing, timeouts and promises live in
// lib/socket.ts.
#include "socket.h"

#include <zmq.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "context.h"
#include "endpoint_work.h"
#include "environment.h"
#include "errors.h"
#include "interrupted.h"
#include "message.h"
#include "transport-trial.h"

namespace zmqn {

// watch(want): what waits on the socket (lib/core/engine.ts).
constexpr int kDeliver = 1;  // a receive the poll callback may complete by itself
constexpr int kNotify = 2;   // anything else: call JS at every wake-up

// The Int32Array shared with lib/ (lib/native.ts NativeSocket.state), by index.
enum StateIndex { kClosed, kReceiveTimeout, kSendTimeout, kStateSize };

const napi_type_tag Socket::kTypeTag = {0x13bfa3eb8147771eULL, 0x5c694520a0aec86aULL};

Napi::Function Socket::Define(Napi::Env env) {
  return DefineClass(env, "Socket",
                     {
                         InstanceMethod<&Socket::Close>("close"),
                         InstanceMethod<&Socket::Bind>("bind"),
                         InstanceMethod<&Socket::Unbind>("unbind"),
                         InstanceMethod<&Socket::BindAsync>("bindAsync"),
                         InstanceMethod<&Socket::UnbindAsync>("unbindAsync"),
                         InstanceMethod<&Socket::Connect>("connect"),
                         InstanceMethod<&Socket::ConnectPeer>("connectPeer"),
                         InstanceMethod<&Socket::Disconnect>("disconnect"),
                         InstanceMethod<&Socket::GetNumber<int>>("getInt32"),
                         InstanceMethod<&Socket::SetNumber<int>>("setInt32"),
                         InstanceMethod<&Socket::GetNumber<int64_t>>("getInt64"),
                         InstanceMethod<&Socket::SetNumber<int64_t>>("setInt64"),
                         InstanceMethod<&Socket::GetNumber<uint64_t>>("getUint64"),
                         InstanceMethod<&Socket::SetNumber<uint64_t>>("setUint64"),
                         InstanceMethod<&Socket::GetBytes>("getBytes"),
                         InstanceMethod<&Socket::SetBytes>("setBytes"),
                         InstanceMethod<&Socket::Join>("join"),
                         InstanceMethod<&Socket::Leave>("leave"),
                         InstanceMethod<&Socket::Events>("events"),
                         InstanceMethod<&Socket::Spin>("spin"),
                         InstanceMethod<&Socket::Send>("send"),
                         InstanceMethod<&Socket::SendMany>("sendMany"),
                         InstanceMethod<&Socket::SendRouted>("sendRouted"),
                         InstanceMethod<&Socket::Receive>("receive"),
                         InstanceMethod<&Socket::ReceiveBatch>("receiveBatch"),
                         InstanceMethod<&Socket::ReceiveInto>("receiveInto"),
                         InstanceMethod<&Socket::ReceiveRouted>("receiveRouted"),
                         InstanceMethod<&Socket::Watch>("watch"),
                         InstanceMethod<&Socket::Unwatch>("unwatch"),
                         InstanceMethod<&Socket::Idle>("idle"),
                         InstanceAccessor<&Socket::Closed>("closed"),
                     });
}

// new Socket(context, type, onReady, large): onReady is called whenever the socket may have
// become readable or writable while watched, with the message it took for a waiting receive
// (watch(kDeliver); zero-copy frames of a slab go into the array `large`), and answers with
// what still waits.
Socket::Socket(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Socket>(info) {
  TagInstance<Socket>(info);
  auto env = info.Env();
  data_ = AddonData::Of(env);
  auto* context = Unwrapped<Context>(env, info[0]);
  const int type = info[1].As<Napi::Number>().Int32Value();
  // Weak: lib/ keeps the function alive as long as the socket object. It is held strongly only
  // while watching, so a socket with pending operations stays alive through it and an idle,
  // unreferenced one can be collected (a strong reference would form an uncollectable cycle).
  onReady_ = Napi::Weak(info[2].As<Napi::Function>());

  if (context == nullptr) {
    Throw(Napi::TypeError::New(env, "The context argument must be a native Context"));
    return;
  }
  if (context->Handle() == nullptr) {
    Throw(ZmqError(env, ETERM));
    return;
  }
  if (!context->Threads().Check(env)) return;
  socket_ = zmq_socket(context->Handle(), type);
  if (socket_ == nullptr) {
    ThrowLastError(env);
    return;
  }

  uv_os_sock_t fd;
  if (!ReadinessDescriptor(env, fd)) {
    threadSafePoller_.Close();
    zmq_close(socket_);
    socket_ = nullptr;
    return;
  }
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  int status = poller_.Init(loop, fd, [this]() {
    // The socket's state is read by the operations that follow.
    threadSafePoller_.Consume();
    if (owner_ != nullptr) return;
    // A bind or unbind runs on the thread pool: the socket is its until it returns (lib/ then
    // serves what waits).
    if (endpointBusy_) return;
    if (!watching_) {
      // Idle (nothing waits): take the change in here, without calling into JS. Reading
      // ZMQ_EVENTS consumes the descriptor's signal, which libuv would otherwise report again.
      int events;
      size_t length = sizeof events;
      zmq_getsockopt(socket_, ZMQ_EVENTS, &events, &length);
      return;
    }
    OnReadable();
  });
  if (status != 0) {
    Throw(UvError(env, status, "uv_poll_init_socket"));
    threadSafePoller_.Close();
    zmq_close(socket_);
    socket_ = nullptr;
    return;
  }
  Track(data_->reaper, Stage::Sockets);
  if (info[3].IsObject()) largeFrames_ = Napi::Persistent(info[3].As<Napi::Object>());
  if (info[4].IsBuffer()) {
    auto scratch = info[4].As<Napi::Buffer<uint8_t>>();
    scratch_ = Napi::Persistent(scratch.As<Napi::Object>());
    scratchData_ = scratch.Data();
    scratchSize_ = scratch.Length();
  }
  auto stateBuffer = Napi::ArrayBuffer::New(env, kStateSize * sizeof(int32_t));
  // Empty when the worker is terminating (its JavaScript stopped): the socket stays tracked for
  // the teardown, and any use of the empty handle would be node-addon-api's fatal error.
  if (stateBuffer.IsEmpty()) return;
  state_ = static_cast<int32_t*>(stateBuffer.Data());
  stateBuffer_ = Napi::Persistent(stateBuffer);
  PublishState();
  info.This().As<Napi::Object>().Set("state",
                                     Napi::Int32Array::New(env, kStateSize, stateBuffer, 0));
  DefineHotMethods(info);
}

template <Napi::Value (Socket::*Method)(const Napi::CallbackInfo&)>
napi_value Socket::Hot(napi_env env, napi_callback_info info) {
  Napi::CallbackInfo callbackInfo(env, info);
  return (static_cast<Socket*>(callbackInfo.Data())->*Method)(callbackInfo);
}

void Socket::DefineHotMethods(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto self = info.This().As<Napi::Object>();
  const std::pair<const char*, napi_callback> methods[] = {
      {"send", &Hot<&Socket::Send>},
      {"receive", &Hot<&Socket::Receive>},
      {"receiveBatch", &Hot<&Socket::ReceiveBatch>},
      {"watch", &Hot<&Socket::Watch>},
  };
  for (const auto& [name, callback] : methods) {
    napi_value fn;
    if (napi_create_function(env, name, NAPI_AUTO_LENGTH, callback, this, &fn) != napi_ok) return;
    // The function keeps its socket alive: `this` (its data) is valid whenever it can be called.
    napi_set_named_property(env, fn, "socket", self);
    napi_property_descriptor property = {name,    nullptr, nullptr,      nullptr,
                                         nullptr, fn,      napi_default, nullptr};
    napi_define_properties(env, self, 1, &property);
  }
}

void Socket::PublishState() {
  if (state_ == nullptr) return;
  state_[kClosed] = socket_ == nullptr ? 1 : 0;
  if (socket_ == nullptr) return;
  size_t length = sizeof(int32_t);
  zmq_getsockopt(socket_, ZMQ_RCVTIMEO, &state_[kReceiveTimeout], &length);
  length = sizeof(int32_t);
  zmq_getsockopt(socket_, ZMQ_SNDTIMEO, &state_[kSendTimeout], &length);
}

void Socket::OnReadable() {
  auto env = Env();
  Napi::HandleScope scope(env);
  napi_value delivered = nullptr;
  if (want_ & kDeliver) {
    Napi::Value value = deliverBatch_ == 1 || largeFrames_.IsEmpty()
                            ? ReceiveOne(env)
                            : ReceiveSlab(env, deliverBatch_, largeFrames_.Value());
    if (value.IsEmpty()) {
      // An error: the receive that waits reports it when it tries for itself.
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
    } else if (!value.IsUndefined()) {
      delivered = value;
    } else if (!(want_ & kNotify)) {
      // Nothing arrived (the failed receive consumed the signal) and only a receive waits.
      return;
    }
  }
  auto onReady = onReady_.Value();
  if (onReady.IsEmpty()) return;
  napi_value argv[1] = {delivered != nullptr ? delivered : env.Undefined()};
  const uint32_t calls = watchCalls_;
  napi_value result = CallFromLoop(env, Value(), onReady, 1, argv);
  // onReady answers with what still waits (watch's `want`); 0: nothing, the poll idles. But
  // the microtasks that ran after it (before CallFromLoop returned) may have called watch() or
  // idle() since: they know better.
  int32_t want;
  if (result == nullptr || napi_get_value_int32(env, result, &want) != napi_ok ||
      socket_ == nullptr || watchCalls_ != calls)
    return;
  want_ = want;
  if (want == 0) Release();
}

Socket::~Socket() {
  // Finalized (the JS object is gone, or the environment is torn down): the shared state's
  // buffer may already be collected, and nobody reads it any more.
  state_ = nullptr;
  Close();
}

bool Socket::ReadinessDescriptor(Napi::Env env, uv_os_sock_t& fd) {
  int threadSafe = 0;
  size_t length = sizeof threadSafe;
  if (zmq_getsockopt(socket_, ZMQ_THREAD_SAFE, &threadSafe, &length) == 0 && threadSafe)
    return threadSafePoller_.Open(env, socket_, fd);
  length = sizeof fd;
  if (zmq_getsockopt(socket_, ZMQ_FD, &fd, &length) == 0) return true;
  ThrowLastError(env);
  return false;
}

void Socket::StopWatching() {
  poller_.Stop();
  Release();
}

// Nothing waits any more: the JS object may be collected and the poll no longer keeps the
// process alive.
void Socket::Release() {
  if (!watching_) return;
  watching_ = false;
  poller_.SetKeepAlive(false);
  onReady_.Unref();
  Unref();
}

void Socket::Close(int linger) {
  if (socket_ == nullptr) return;
  // A bind or unbind still running on the thread pool finishes first.
  auto endpointLock = LockForEndpointWork();
  // The proxy first: its thread uses the socket. It may fail to stop (a JS exception pending).
  if (owner_ != nullptr && !owner_->SocketClosing(this)) return;
  std::vector<SocketUser*> users;
  users.swap(users_);
  for (SocketUser* user : users) user->SocketClosing(this);
  if (linger >= -1) zmq_setsockopt(socket_, ZMQ_LINGER, &linger, sizeof linger);
  StopWatching();
  poller_.Close();
  threadSafePoller_.Close();
  zmq_close(socket_);
  socket_ = nullptr;
  Untrack();
  PublishState();
}

void Socket::Reap(ExitWait wait) {
  if (wait == ExitWait::UntilDelivered) {
    Close();
  } else {
    Close(0);
  }
}

void Socket::RemoveUser(SocketUser* user) {
  users_.erase(std::remove(users_.begin(), users_.end(), user), users_.end());
}

bool Socket::EnsureOpen(Napi::Env env) {
  if (socket_ != nullptr && owner_ == nullptr && !endpointBusy_) return true;
  if (socket_ == nullptr) {
    Throw(ZmqError(env, EBADF));
  } else {
    Throw(AddonError(env, owner_ != nullptr ? Failure::SocketProxied : Failure::SocketBlocked));
  }
  return false;
}

bool Socket::EnsureOptionsOpen(Napi::Env env, std::unique_lock<std::mutex>& endpointLock,
                               int closedError) {
  // Only then: an uncontended lock costs ~100 instructions, and ZMQ_EVENTS is read per
  // operation. endpointBusy_ changes on this (the JS) thread only.
  if (endpointBusy_) endpointLock = LockForEndpointWork();
  if (socket_ != nullptr && owner_ == nullptr) return true;
  Throw(socket_ == nullptr ? ZmqError(env, closedError) : AddonError(env, Failure::SocketProxied));
  return false;
}

// Reading an option while a proxy's thread owns the socket is allowed, as in zeromq v6 (e.g.
// lastEndpoint, to connect to a proxy's end): libzmq's getsockopt then reads fields that only
// setsockopt, bind and unbind write — all refused meanwhile, and all on this thread. Not
// ZMQ_EVENTS, which processes the socket's commands, nor ZMQ_RCVMORE, which the proxy's
// receives write.
bool Socket::EnsureReadable(Napi::Env env, std::unique_lock<std::mutex>& endpointLock, int option) {
  if (socket_ != nullptr && owner_ != nullptr && option != ZMQ_EVENTS && option != ZMQ_RCVMORE)
    return true;
  return EnsureOptionsOpen(env, endpointLock);
}

Napi::Value Socket::Close(const Napi::CallbackInfo& info) {
  Close();
  return info.Env().Undefined();
}

Napi::Value Socket::Closed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), socket_ == nullptr);
}

// bind, unbind, connect, disconnect: one shape, one libzmq call each. `Starts`: the call may
// start a multicast engine, tried first (transport-trial.h).
template <int (*Call)(void*, const char*), bool Starts = false>
static Napi::Value Endpoint(Napi::Env env, void* socket, const Napi::Value& address) {
  const std::string endpoint = address.As<Napi::String>().Utf8Value();
  if (Starts) {
    if (const int error = TryTransport(socket, endpoint)) {
      ThrowEndpointError(env, endpoint, error);
      return Napi::Value();
    }
  }
  if (RetryInterrupted([&] { return Call(socket, endpoint.c_str()); }) != 0) {
    ThrowEndpointError(env, endpoint);
    return Napi::Value();
  }
  return env.Undefined();
}

Napi::Value Socket::Bind(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Endpoint<zmq_bind, true>(info.Env(), socket_, info[0]);
}

Napi::Value Socket::Unbind(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Endpoint<zmq_unbind>(info.Env(), socket_, info[0]);
}

// bindAsync(address), unbindAsync(address) → Promise: the call runs on the thread pool.
Napi::Value Socket::BindAsync(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return StartEndpointWork(info.Env(), this, Value(), zmq_bind, info[0].As<Napi::String>(), true);
}

Napi::Value Socket::UnbindAsync(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return StartEndpointWork(info.Env(), this, Value(), zmq_unbind, info[0].As<Napi::String>(),
                           false);
}

Napi::Value Socket::Connect(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Endpoint<zmq_connect, true>(info.Env(), socket_, info[0]);
}

Napi::Value Socket::Disconnect(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  return Endpoint<zmq_disconnect>(info.Env(), socket_, info[0]);
}

template <typename T>
static bool GetOption(Napi::Env env, void* socket, int option, T& value) {
  size_t length = sizeof value;
  if (RetryInterrupted([&] { return zmq_getsockopt(socket, option, &value, &length); }) == 0)
    return true;
  ThrowLastError(env);
  return false;
}

template <typename T>
static bool SetOption(Napi::Env env, void* socket, int option, const T& value) {
  if (zmq_setsockopt(socket, option, &value, sizeof value) == 0) return true;
  ThrowLastError(env);
  return false;
}

// getInt32/getInt64/getUint64(option) and their setters: one shape for the three value types
// of numeric options.
template <typename T>
Napi::Value Socket::GetNumber(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  const int option = info[0].As<Napi::Number>().Int32Value();
  std::unique_lock<std::mutex> endpointLock;
  if (!EnsureReadable(env, endpointLock, option)) return Napi::Value();
  T value = 0;
  if (!GetOption(env, socket_, option, value)) return Napi::Value();
  return Napi::Number::New(env, static_cast<double>(value));
}

template <typename T>
Napi::Value Socket::SetNumber(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  std::unique_lock<std::mutex> endpointLock;
  if (!EnsureOptionsOpen(env, endpointLock)) return Napi::Value();
  const auto number = info[1].As<Napi::Number>();
  const T value =
      std::is_same_v<T, int> ? number.Int32Value() : static_cast<T>(number.Int64Value());
  const int option = info[0].As<Napi::Number>().Int32Value();
  if (SetOption(env, socket_, option, value) && (option == ZMQ_RCVTIMEO || option == ZMQ_SNDTIMEO))
    PublishState();
  return env.Undefined();
}

// getBytes(option, size?): byte-valued options come back as a Buffer (routing ids, CURVE
// keys) — lib/ decides whether an option is text. `size` asks for exactly that many bytes:
// libzmq picks a CURVE key's encoding by it (41: Z85 text, 32: binary).
Napi::Value Socket::GetBytes(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  const int option = info[0].As<Napi::Number>().Int32Value();
  std::unique_lock<std::mutex> endpointLock;
  if (!EnsureReadable(env, endpointLock, option)) return Napi::Value();
  char value[1024];
  size_t length = sizeof value;
  if (info.Length() > 1 && info[1].IsNumber()) {
    length = std::min<size_t>(info[1].As<Napi::Number>().Uint32Value(), sizeof value);
  }
  if (zmq_getsockopt(socket_, option, value, &length) != 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  return Napi::Buffer<char>::Copy(env, value, length);
}

// setBytes(option, value): value is a string, a Buffer or null (an empty value).
Napi::Value Socket::SetBytes(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  std::unique_lock<std::mutex> endpointLock;
  if (!EnsureOptionsOpen(env, endpointLock)) return Napi::Value();
  const int option = info[0].As<Napi::Number>().Int32Value();
  int result;
  if (info[1].IsString()) {
    const std::string value = info[1].As<Napi::String>().Utf8Value();
    result = zmq_setsockopt(socket_, option, value.data(), value.size());
  } else if (info[1].IsBuffer()) {
    auto value = info[1].As<Napi::Buffer<char>>();
    result = zmq_setsockopt(socket_, option, value.Data(), value.Length());
  } else {
    result = zmq_setsockopt(socket_, option, nullptr, 0);
  }
  if (result != 0) ThrowLastError(env);
  return env.Undefined();
}

// spin(microseconds) → whether a receive would find a message, polling libzmq (ZMQ_EVENTS)
// without blocking for at most that long: the opt-in busyPoll (lib/core/engine.ts). A waiting
// thread that spins pays no wake-up (a scheduler round trip, several µs here) when the message
// comes.
Napi::Value Socket::Spin(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  const uint64_t deadline = uv_hrtime() + 1000 * uint64_t(info[0].As<Napi::Number>().Uint32Value());
  do {
    int events = 0;
    if (!GetOption(env, socket_, ZMQ_EVENTS, events)) return Napi::Value();
    if (events & ZMQ_POLLIN) return Napi::Boolean::New(env, true);
  } while (uv_hrtime() < deadline);
  return Napi::Boolean::New(env, false);
}

// events() → ZMQ_EVENTS: an option, read as options are (readable/writable work during a bind).
Napi::Value Socket::Events(const Napi::CallbackInfo& info) {
  std::unique_lock<std::mutex> endpointLock;
  if (!EnsureOptionsOpen(info.Env(), endpointLock, EBADF)) return Napi::Value();
  int events = 0;
  if (!GetOption(info.Env(), socket_, ZMQ_EVENTS, events)) return Napi::Value();
  return Napi::Number::New(info.Env(), events);
}

int Socket::SendMessage(Napi::Env env, napi_value message) {
  // The common case first: one frame in a Buffer, read by one N-API call.
  zmq_msg_t single;
  const FrameStatus single_status = InitTypedArrayFrame(env, data_->releases, message, &single);
  if (single_status == FrameStatus::Failed) {
    Throw(ZmqError(env, ENOMEM));
    return -2;
  }
  if (single_status == FrameStatus::Ok) {
    if (RetryInterrupted([&] { return zmq_msg_send(&single, socket_, ZMQ_DONTWAIT); }) >= 0)
      return 1;
    const int error = zmq_errno();
    zmq_msg_close(&single);
    if (error == EAGAIN) return 0;
    Throw(ZmqError(env, error));
    return -2;
  }

  bool isArray = false;
  napi_is_array(env, message, &isArray);
  uint32_t count = 1;
  if (isArray) napi_get_array_length(env, message, &count);
  if (count == 0) return -1;

  // Prepare every frame before sending any, so a bad frame never leaves half a message.
  zmq_msg_t inline_frames[4];
  std::vector<zmq_msg_t> more_frames;
  zmq_msg_t* frames = inline_frames;
  if (count > 4) {
    more_frames.resize(count);
    frames = more_frames.data();
  }
  for (uint32_t i = 0; i < count; i++) {
    napi_value frame = message;
    if (isArray) napi_get_element(env, message, i, &frame);
    const FrameStatus status = InitFrame(env, data_->releases, frame, &frames[i]);
    if (status != FrameStatus::Ok) {
      for (uint32_t j = 0; j < i; j++) zmq_msg_close(&frames[j]);
      if (status == FrameStatus::Unsupported) return -1;
      Throw(ZmqError(env, ENOMEM));
      return -2;
    }
  }

  for (uint32_t i = 0; i < count; i++) {
    const int more = i + 1 < count ? ZMQ_SNDMORE : 0;
    if (RetryInterrupted([&] { return zmq_msg_send(&frames[i], socket_, more | ZMQ_DONTWAIT); }) <
        0) {
      const int error = zmq_errno();
      for (uint32_t j = i; j < count; j++) zmq_msg_close(&frames[j]);
      // Once the first frame is queued the rest of a multipart message is always accepted,
      // so EAGAIN can only mean "nothing was sent".
      if (error == EAGAIN && i == 0) return 0;
      Throw(ZmqError(env, error));
      return -2;
    }
  }
  return 1;
}

// send(message) → 1 sent, 0 would block, -1 unsupported frame type.
Napi::Value Socket::Send(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  const int result = SendMessage(env, info[0]);
  if (result == -2) return Napi::Value();
  return Napi::Number::New(env, result);
}

// sendMany(...messages) → how many of the messages were queued before the socket would block;
// -1 - index when messages[index] holds an unsupported frame. The messages come as arguments
// (lib/socket.ts spreads a chunk of its array): reading an argument is free, where
// napi_get_element per message was a tenth of a batch sender's time.
Napi::Value Socket::SendMany(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  const uint32_t count = static_cast<uint32_t>(info.Length());
  uint32_t sent = 0;
  for (; sent < count; sent++) {
    const int result = SendMessage(env, info[sent]);
    if (result == 1) continue;
    if (result == 0) break;
    if (result == -1) return Napi::Number::New(env, -1.0 - sent);
    return Napi::Value();
  }
  return Napi::Number::New(env, sent);
}

Napi::Value Socket::ReceiveMessage(Napi::Env env, bool& wouldBlock, uint8_t* target,
                                   size_t targetSize) {
  wouldBlock = false;
  Napi::Array frames;
  uint32_t index = 0;
  for (;;) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    if (RetryInterrupted([&] { return zmq_msg_recv(&msg, socket_, ZMQ_DONTWAIT); }) < 0) {
      const int error = zmq_errno();
      zmq_msg_close(&msg);
      // The parts of a multipart message arrive together: EAGAIN only before the first.
      if (error == EAGAIN && index == 0) {
        wouldBlock = true;
        return env.Undefined();
      }
      Throw(ZmqError(env, error));
      return Napi::Value();
    }
    const bool more = zmq_msg_more(&msg);
    // A one-frame message is the frame alone: lib/ makes the array (an array made here costs
    // ~1,000 instructions of V8's slow paths per message).
    if (index == 0 && !more) {
      const size_t length = zmq_msg_size(&msg);
      // No target (none given, or detached) has size 0: an empty frame still fits.
      if (length > targetSize) return FrameToBuffer(env, &msg);
      if (length > 0) std::memcpy(target, zmq_msg_data(&msg), length);
      zmq_msg_close(&msg);
      return Napi::Number::New(env, static_cast<double>(length));
    }
    if (index == 0) frames = Napi::Array::New(env, 2);
    frames.Set(index++, FrameToBuffer(env, &msg));
    if (!more) return frames;
  }
}

Napi::Value Socket::ReceiveOne(Napi::Env env) {
  bool wouldBlock;
  return ReceiveMessage(env, wouldBlock, scratchData_, scratchSize_);
}

// receive() → the frame (one-frame message), or its length when it was copied into the scratch
// buffer, Buffer[] (multipart) or undefined when nothing is ready.
Napi::Value Socket::Receive(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  return ReceiveOne(env);
}

// receiveInto(target) → as receive(), but a one-frame message that fits is copied into target
// (any TypedArray or DataView; lib/ checks it), whatever its size: the caller's memory is
// reused, where a large frame received as a Buffer holds libzmq's until V8 collects it.
Napi::Value Socket::ReceiveInto(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  void* data = nullptr;
  size_t length = 0;
  napi_value arrayBuffer;
  if (!TypedArrayBytes(env, info[0], &data, &length, &arrayBuffer) &&
      !DataViewBytes(env, info[0], &data, &length, &arrayBuffer)) {
    Napi::TypeError::New(env, "receiveInto needs a TypedArray or DataView")
        .ThrowAsJavaScriptException();
    return Napi::Value();
  }
  bool wouldBlock;
  return ReceiveMessage(env, wouldBlock, static_cast<uint8_t*>(data), length);
}

// receiveBatch(max, large) → one slab Buffer (see FramesToSlab) holding up to max whole
// messages that are ready now, or undefined when none is. Stops early once the copied bytes
// pass kSlabBytes, so one retained frame never pins much memory.
Napi::Value Socket::ReceiveBatch(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!EnsureOpen(env)) return Napi::Value();
  return ReceiveSlab(env, info[0].As<Napi::Number>().Uint32Value(), info[1]);
}

Napi::Value Socket::ReceiveSlab(Napi::Env env, uint32_t max, napi_value large) {
  constexpr size_t kSlabBytes = 256 * 1024;
  std::vector<zmq_msg_t> msgs;
  std::vector<bool> moreFlags;
  msgs.reserve(max < 64 ? max : 64);
  uint32_t messages = 0;
  size_t bytes = 0;
  int error = 0;
  bool more = false;
  while (messages < max && (more || bytes < kSlabBytes)) {
    msgs.emplace_back();
    zmq_msg_t* msg = &msgs.back();
    zmq_msg_init(msg);
    if (RetryInterrupted([&] { return zmq_msg_recv(msg, socket_, ZMQ_DONTWAIT); }) < 0) {
      error = zmq_errno();
      zmq_msg_close(msg);
      msgs.pop_back();
      break;
    }
    more = zmq_msg_more(msg);
    moreFlags.push_back(more);
    const size_t length = zmq_msg_size(msg);
    if (length < kZeroCopyThreshold) bytes += length;
    if (!more) messages++;
  }
  // The parts of a multipart message arrive together: EAGAIN only between messages. Any other
  // error after some messages: hand those over; the error repeats next time.
  if (messages == 0) {
    for (auto& msg : msgs) zmq_msg_close(&msg);
    // Nothing asked for (max 0) or nothing ready.
    if (error == 0 || error == EAGAIN) return env.Undefined();
    Throw(ZmqError(env, error));
    return Napi::Value();
  }
  while (moreFlags.back()) {  // a message cut short by an error
    zmq_msg_close(&msgs.back());
    msgs.pop_back();
    moreFlags.pop_back();
  }
  std::unique_ptr<bool[]> flags(new bool[moreFlags.size()]);
  for (size_t i = 0; i < moreFlags.size(); i++) flags[i] = moreFlags[i];
  return FramesToSlab(env, msgs.data(), flags.get(), msgs.size(), large);
}

// watch(): call onReady when the socket may be ready. Holds the JS object alive meanwhile,
// so a socket with pending operations is never collected.
Napi::Value Socket::Watch(const Napi::CallbackInfo& info) {
  if (!EnsureOpen(info.Env())) return Napi::Value();
  watchCalls_++;
  want_ = info[0].IsNumber() ? info[0].As<Napi::Number>().Int32Value() : kNotify;
  if (info[1].IsNumber()) deliverBatch_ = info[1].As<Napi::Number>().Uint32Value();
  if (!watching_) {
    watching_ = true;
    Ref();
    onReady_.Ref();
    poller_.SetKeepAlive(true);
  }
  poller_.Start();
  return info.Env().Undefined();
}

// idle(): nothing waits. The poll stays armed, so the next wait costs no epoll_ctl pair (two
// system calls per side and round trip otherwise), but it holds neither the process nor the
// JS object, and wake-ups meanwhile are absorbed natively (see the constructor).
Napi::Value Socket::Idle(const Napi::CallbackInfo& info) {
  watchCalls_++;
  Release();
  return info.Env().Undefined();
}

Napi::Value Socket::Unwatch(const Napi::CallbackInfo& info) {
  StopWatching();
  return info.Env().Undefined();
}

}  // namespace zmqn
