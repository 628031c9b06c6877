// What only libzmq's draft API offers the addon: readiness of thread-safe sockets (which have no
// ZMQ_FD) and the draft Socket methods (connectPeer, join, leave, sendRouted, receiveRouted).
// draft.cc implements them; draft-stub.cc stands in when libzmq was built without the draft
// API (ZMQ_NATIVE_NO_DRAFT, scripts/lib/libzmq-link.js): the methods fail with ENOTSUP and
// thread-safe sockets cannot be made. Exactly one of the two compiles to anything.
#pragma once

#include <napi.h>
#include <uv.h>

namespace zmqn {

// A zmq_poller watching one thread-safe socket: its descriptor stands in for ZMQ_FD.
class ThreadSafePoller {
 public:
  ThreadSafePoller() = default;
  ThreadSafePoller(const ThreadSafePoller&) = delete;
  ThreadSafePoller& operator=(const ThreadSafePoller&) = delete;
  ~ThreadSafePoller() { Close(); }

  // Watches `socket` and sets fd to the descriptor to poll; false, with a JS exception
  // pending, on failure.
  bool Open(Napi::Env env, void* socket, uv_os_sock_t& fd);
  // After the descriptor signalled: takes the poller's event, so that it can signal again.
  void Consume();
  void Close();

 private:
  void* poller_ = nullptr;
};

}  // namespace zmqn
