// Observes a socket's libzmq monitor: zmq_socket_monitor publishes the socket's events on an
// inproc endpoint of its context, and a PAIR socket owned here reads them (two frames each:
// event id u16 + value u32, then the endpoint). Every method runs on the JS thread; turning
// ids into typed events is lib/events.ts's work.
#include "observer.h"

#include <zmq.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "context.h"
#include "environment.h"
#include "errors.h"
#include "interrupted.h"
#include "socket.h"

namespace zmqn {

namespace {
std::atomic<unsigned long> monitorCounter{0};
}

const napi_type_tag Observer::kTypeTag = {0xa7c9f1d04c7718cdULL, 0x510f84b80e7cf2ffULL};

Napi::Function Observer::Define(Napi::Env env) {
  return DefineClass(env, "Observer",
                     {
                         InstanceMethod<&Observer::Stop>("stop"),
                         InstanceMethod<&Observer::Close>("close"),
                         InstanceMethod<&Observer::Receive>("receive"),
                         InstanceMethod<&Observer::Watch>("watch"),
                         InstanceMethod<&Observer::Unwatch>("unwatch"),
                         InstanceAccessor<&Observer::Closed>("closed"),
                     });
}

// new Observer(context, socket, onReady): `context` is the one the socket was made in; onReady
// is called (no arguments) whenever events may have become readable while watched.
Observer::Observer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Observer>(info) {
  TagInstance<Observer>(info);
  auto env = info.Env();
  data_ = AddonData::Of(env);
  auto* context = Unwrapped<Context>(env, info[0]);
  socket_ = Unwrapped<Socket>(env, info[1]);
  // Weak: lib/ keeps the function alive as long as the observer object; held strongly only
  // while watching, so an idle observer and its socket can be collected together.
  onReady_ = Napi::Weak(info[2].As<Napi::Function>());
  if (socket_ == nullptr || socket_->Handle() == nullptr) {
    // libzmq's own error for a closed socket, as zeromq v6 reports it.
    Throw(ZmqError(env, ENOTSOCK));
    return;
  }
  if (socket_->Lent()) {
    Throw(AddonError(env, Failure::SocketProxied));
    socket_ = nullptr;
    return;
  }
  if (context == nullptr || context->Handle() == nullptr) {
    Throw(ZmqError(env, ETERM));
    return;
  }

  const std::string endpoint = "inproc://zmq-native.monitor." + std::to_string(++monitorCounter);
  // A bind or unbind running on the thread pool has the socket until it returns.
  auto endpointLock = socket_->LockForEndpointWork();
  if (RetryInterrupted([&] {
        return zmq_socket_monitor(socket_->Handle(), endpoint.c_str(), ZMQ_EVENT_ALL);
      }) != 0) {
    ThrowLastError(env, endpoint);
    return;
  }
  // From here a failure stops the monitor again (StopMonitor).
  monitored_ = socket_->Handle();
  pair_ = zmq_socket(context->Handle(), ZMQ_PAIR);
  const int linger = 0;
  uv_os_sock_t fd;
  size_t length = sizeof fd;
  if (pair_ == nullptr || zmq_setsockopt(pair_, ZMQ_LINGER, &linger, sizeof linger) != 0 ||
      RetryInterrupted([&] { return zmq_connect(pair_, endpoint.c_str()); }) != 0 ||
      zmq_getsockopt(pair_, ZMQ_FD, &fd, &length) != 0) {
    ThrowLastError(env, endpoint);
    StopMonitor();
    if (pair_ != nullptr) zmq_close(pair_);
    pair_ = nullptr;
    return;
  }
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  const int status = poller_.Init(loop, fd, [this]() {
    Napi::HandleScope scope(Env());
    auto onReady = onReady_.Value();
    if (!onReady.IsEmpty()) CallFromLoop(Env(), Value(), onReady);
  });
  if (status != 0) {
    Throw(UvError(env, status, "uv_poll_init_socket"));
    StopMonitor();
    zmq_close(pair_);
    pair_ = nullptr;
    return;
  }
  socket_->AddUser(this);
  Track(data_->reaper, Stage::Observers);
}

Observer::~Observer() {
  Close();
}

void Observer::StopMonitor() {
  if (socket_ == nullptr) return;
  // Only a socket that is still the one observed, and not in a proxy's hands, is touched.
  if (socket_->Handle() == monitored_ && !socket_->Lent()) {
    zmq_socket_monitor(socket_->Handle(), nullptr, 0);
  }
  socket_->RemoveUser(this);
  socket_ = nullptr;
}

bool Observer::SocketClosing(Socket* /*socket*/) {
  // Nobody reads (the socket was collected, or lib/ did not ask to read on): stop monitoring
  // while the socket is still open, then close. Closing the reading end while libzmq takes
  // apart a socket whose monitor still runs leaves both sockets, and the monitor's, alive in
  // libzmq for good (three descriptors each, measured).
  if (!watching_) {
    Close();
    return true;
  }
  socket_ = nullptr;
  return true;
}

void Observer::StopWatching() {
  poller_.Stop();
  if (watching_) {
    watching_ = false;
    onReady_.Unref();
    Unref();
  }
}

void Observer::Close() {
  if (pair_ == nullptr) return;
  StopMonitor();
  StopWatching();
  poller_.Close();
  zmq_close(pair_);
  pair_ = nullptr;
  Untrack();
}

// stop(): ends monitoring; the events already sent (and the final "end") stay readable.
Napi::Value Observer::Stop(const Napi::CallbackInfo& info) {
  StopMonitor();
  return info.Env().Undefined();
}

Napi::Value Observer::Close(const Napi::CallbackInfo& info) {
  Close();
  return info.Env().Undefined();
}

Napi::Value Observer::Closed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), pair_ == nullptr);
}

// receive() → [event id, value, endpoint] or undefined when no event is ready.
Napi::Value Observer::Receive(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (pair_ == nullptr) return env.Undefined();
  zmq_msg_t frames[2];
  zmq_msg_init(&frames[0]);
  zmq_msg_init(&frames[1]);
  auto done = [&]() {
    zmq_msg_close(&frames[0]);
    zmq_msg_close(&frames[1]);
  };
  if (RetryInterrupted([&] { return zmq_msg_recv(&frames[0], pair_, ZMQ_DONTWAIT); }) < 0) {
    const int error = zmq_errno();
    done();
    if (error == EAGAIN) return env.Undefined();
    Throw(ZmqError(env, error));
    return Napi::Value();
  }
  // The endpoint frame always follows the first at once; a malformed event is skipped.
  if (!zmq_msg_more(&frames[0]) ||
      RetryInterrupted([&] { return zmq_msg_recv(&frames[1], pair_, ZMQ_DONTWAIT); }) < 0 ||
      zmq_msg_size(&frames[0]) < 6) {
    done();
    return Napi::Array::New(env, 0);
  }
  uint16_t event;
  uint32_t value;
  const auto* bytes = static_cast<const uint8_t*>(zmq_msg_data(&frames[0]));
  std::memcpy(&event, bytes, sizeof event);
  std::memcpy(&value, bytes + sizeof event, sizeof value);
  auto result = Napi::Array::New(env, 3);
  result.Set(0u, Napi::Number::New(env, event));
  result.Set(1u, Napi::Number::New(env, value));
  result.Set(2u, Napi::String::New(env, static_cast<const char*>(zmq_msg_data(&frames[1])),
                                   zmq_msg_size(&frames[1])));
  done();
  return result;
}

// watch(keepAlive): call onReady when events may be readable. keepAlive: whether this keeps the
// process running (a pending receive() does; listeners alone do not).
Napi::Value Observer::Watch(const Napi::CallbackInfo& info) {
  if (pair_ == nullptr) return info.Env().Undefined();
  if (!watching_) {
    watching_ = true;
    Ref();
    onReady_.Ref();
  }
  poller_.Start();
  poller_.SetKeepAlive(IsTrue(info[0]));
  return info.Env().Undefined();
}

Napi::Value Observer::Unwatch(const Napi::CallbackInfo& info) {
  StopWatching();
  return info.Env().Undefined();
}

}  // namespace zmqn
