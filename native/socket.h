// One libzmq socket: endpoints, options, non-blocking send and receive, and readiness
// notification. Queueing, timeouts and promises live in lib/socket.ts.
#pragma once

#include <napi.h>
#include <uv.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <vector>

#include "draft.h"
#include "poller.h"
#include "tagged.h"
#include "util/reaper.h"

namespace zmqn {

struct AddonData;
class Socket;

// What holds on to a socket and must let go before it closes: its observers, a proxy running
// with it. The socket tells each one, so none keeps a pointer to a closed or collected socket.
class SocketUser {
 public:
  // JS thread: `socket` is about to close (close(), its finalizer, teardown) and forgets this
  // user. False: it must stay open for now (a JS exception is pending).
  virtual bool SocketClosing(Socket* socket) = 0;

 protected:
  ~SocketUser() = default;
};

class Socket : public Napi::ObjectWrap<Socket>, public Closable {
 public:
  // Marks instances (native/tagged.h); Unwrap hides ObjectWrap's, see UnwrapThis.
  static const napi_type_tag kTypeTag;
  static Socket* Unwrap(Napi::Object object) { return UnwrapThis<Socket>(object, "Socket"); }

  static Napi::Function Define(Napi::Env env);

  explicit Socket(const Napi::CallbackInfo& info);
  ~Socket() override;

  // Closes the socket, giving queued messages `linger` ms when >= 0 (the socket's own linger
  // setting otherwise). Used by close() and at environment teardown.
  void Close(int linger = -2);
  // Environment teardown: closes with the socket's own linger at a natural exit, none otherwise.
  void Reap(ExitWait wait) override;

  // The libzmq socket (null once closed), for the observer and the proxy.
  void* Handle() const { return socket_; }
  // While a proxy runs on its own thread with this socket, every JS call except close()
  // fails with EBUSY; close() asks the proxy to let go first. Null: given back.
  void Lend(SocketUser* proxy) {
    owner_ = proxy;
    // The proxy thread owns the socket now: the JS thread's poll must not touch it.
    if (proxy != nullptr) StopWatching();
  }
  bool Lent() const { return owner_ != nullptr; }
  // Observers: told before the socket closes (SocketUser), until they let go themselves.
  void AddUser(SocketUser* user) { users_.push_back(user); }
  void RemoveUser(SocketUser* user);
  // Throws EBADF (closed) or EBUSY (proxied, or a bind or unbind running on the thread pool,
  // as zeromq v6 words it) and returns false when JS may not use the socket.
  bool EnsureOpen(Napi::Env env);
  // For options: as EnsureOpen, but a bind or unbind in flight is waited for (v6 lets options
  // through meanwhile): the caller holds `endpointLock` until it is done. A closed socket's
  // error is what libzmq itself gives (ENOTSOCK, as zeromq v6 reports it) unless told.
  bool EnsureOptionsOpen(Napi::Env env, std::unique_lock<std::mutex>& endpointLock,
                         int closedError = ENOTSOCK);
  // EnsureOptionsOpen for reading `option`, which a running proxy allows for most options.
  bool EnsureReadable(Napi::Env env, std::unique_lock<std::mutex>& endpointLock, int option);

  // A bind or unbind on the thread pool (endpoint_work.h) owns the socket while it runs: the
  // worker holds this lock around its libzmq call, and close() takes it first.
  std::unique_lock<std::mutex> LockForEndpointWork() { return std::unique_lock(endpointLock_); }
  void BeginEndpointWork() { endpointBusy_ = true; }
  void EndEndpointWork() { endpointBusy_ = false; }
  bool EndpointBusy() const { return endpointBusy_; }

 private:
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Bind(const Napi::CallbackInfo& info);
  Napi::Value Unbind(const Napi::CallbackInfo& info);
  Napi::Value BindAsync(const Napi::CallbackInfo& info);
  Napi::Value UnbindAsync(const Napi::CallbackInfo& info);
  Napi::Value Connect(const Napi::CallbackInfo& info);
  Napi::Value ConnectPeer(const Napi::CallbackInfo& info);
  Napi::Value Disconnect(const Napi::CallbackInfo& info);

  template <typename T>
  Napi::Value GetNumber(const Napi::CallbackInfo& info);
  template <typename T>
  Napi::Value SetNumber(const Napi::CallbackInfo& info);
  Napi::Value GetBytes(const Napi::CallbackInfo& info);
  Napi::Value SetBytes(const Napi::CallbackInfo& info);
  Napi::Value Join(const Napi::CallbackInfo& info);
  Napi::Value Leave(const Napi::CallbackInfo& info);

  Napi::Value Events(const Napi::CallbackInfo& info);
  Napi::Value Spin(const Napi::CallbackInfo& info);
  Napi::Value Send(const Napi::CallbackInfo& info);
  Napi::Value SendMany(const Napi::CallbackInfo& info);
  Napi::Value SendRouted(const Napi::CallbackInfo& info);
  Napi::Value Receive(const Napi::CallbackInfo& info);
  Napi::Value ReceiveBatch(const Napi::CallbackInfo& info);
  Napi::Value ReceiveInto(const Napi::CallbackInfo& info);
  Napi::Value ReceiveRouted(const Napi::CallbackInfo& info);

  Napi::Value Watch(const Napi::CallbackInfo& info);
  Napi::Value Unwatch(const Napi::CallbackInfo& info);
  Napi::Value Idle(const Napi::CallbackInfo& info);
  Napi::Value Closed(const Napi::CallbackInfo& info);

  // The methods called per message (send, receive, receiveBatch, watch) are also own
  // properties of each instance, bound to it (their data pointer): a call skips the unwrap and
  // type-tag check of `this` (two private-symbol lookups, two thirds of a prototype method's
  // ~1800 instructions). Each costs about 1 KiB per socket: only those.
  void DefineHotMethods(const Napi::CallbackInfo& info);
  template <Napi::Value (Socket::*Method)(const Napi::CallbackInfo&)>
  static napi_value Hot(napi_env env, napi_callback_info info);
  // The poll fired while watching: completes a waiting receive natively when JS allowed it
  // (watch(kDeliver)), and calls JS when there is something for it to do.
  void OnReadable();
  // Mirrors the facts lib/ reads per operation into state_.
  void PublishState();

  // Sends one message (a frame or an array of frames) without blocking.
  // 1: queued; 0: would block (EAGAIN, nothing sent); -1: a frame of an unsupported type;
  // -2: libzmq error (JS exception pending).
  int SendMessage(Napi::Env env, napi_value message);
  // Receives one whole message: its Buffer when it has one frame, else an array of Buffers;
  // its length when it has one frame that fit target (copied there: the scratch buffer, or the
  // caller's for receiveInto); undefined when none is ready, empty value with a pending
  // exception on error.
  Napi::Value ReceiveMessage(Napi::Env env, bool& wouldBlock, uint8_t* target, size_t targetSize);
  // ReceiveMessage, for callers that need not know whether it would block.
  Napi::Value ReceiveOne(Napi::Env env);
  // Up to max whole messages that are ready now in one slab (FramesToSlab), undefined if none.
  Napi::Value ReceiveSlab(Napi::Env env, uint32_t max, napi_value large);
  // Ordinary sockets expose ZMQ_FD; thread-safe (draft) ones have none: a zmq_poller watching
  // the socket provides one instead. False with a JS exception pending.
  bool ReadinessDescriptor(Napi::Env env, uv_os_sock_t& fd);
  void StopWatching();
  void Release();

  void* socket_ = nullptr;
  AddonData* data_ = nullptr;
  // What lib/ reads per operation, without a call: an Int32Array shared with JS (lib/native.ts
  // NativeSocket.state, by StateIndex), written here whenever a fact changes (close,
  // RCVTIMEO/SNDTIMEO set).
  int32_t* state_ = nullptr;
  Napi::Reference<Napi::ArrayBuffer> stateBuffer_;
  // What waits (watch(want)): kDeliver, a receive the poll callback may complete by itself
  // (`batch` messages at most, into `large` for zero-copy frames); kNotify, anything else.
  int want_ = 0;
  // Counts watch() and idle() calls: onReady's answer is stale if one came after it.
  uint32_t watchCalls_ = 0;
  uint32_t deliverBatch_ = 1;
  Napi::ObjectReference largeFrames_;
  // Where a small one-frame message is copied for lib/ to take (lib/core/frames.ts
  // receiveScratch): one buffer per thread, filled and read within one call into JS, so a
  // received frame costs a pooled JS allocation instead of a backing store of its own.
  Napi::ObjectReference scratch_;
  uint8_t* scratchData_ = nullptr;
  size_t scratchSize_ = 0;
  Poller poller_;
  ThreadSafePoller threadSafePoller_;
  Napi::FunctionReference onReady_;
  bool watching_ = false;
  SocketUser* owner_ = nullptr;
  std::vector<SocketUser*> users_;
  std::mutex endpointLock_;
  std::atomic<bool> endpointBusy_{false};
};

}  // namespace zmqn
