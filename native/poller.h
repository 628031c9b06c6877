// Watches a libzmq socket's ZMQ_FD from libuv's loop and calls back on the JS thread.
// ZMQ_FD is edge-triggered in meaning: it signals that ZMQ_EVENTS may have changed, so the
// owner must read ZMQ_EVENTS (or try its operations) after every wake-up and operation.
#pragma once

#include <node_api.h>
#include <uv.h>

#include <functional>

#include "util/uv-handle.h"

namespace zmqn {

// Calls `fn` (`this` = recv) from a libuv callback and returns its result (null when it threw
// or did not run). An exception it throws is reported as uncaught, as Node does for its own
// callbacks. While the environment shuts down (natural exit, a worker terminated) libuv still
// runs handles that JS can no longer serve: a poll firing then must call nothing and throw
// nothing (throwing aborts the process).
napi_value CallFromLoop(napi_env env, napi_value recv, napi_value fn, size_t argc = 0,
                        const napi_value* argv = nullptr);

class Poller {
 public:
  Poller() = default;
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // Returns a libuv error code (0 on success).
  int Init(uv_loop_t* loop, uv_os_sock_t fd, std::function<void()> onReady);
  void Start();
  void Stop();
  // Releases the handle; safe to call more than once (util/uv-handle.h frees it).
  void Close();

  bool Active() const { return active_; }
  // Whether a started poller keeps the event loop (and so the process) alive; it does by default.
  void SetKeepAlive(bool keepAlive);

 private:
  static void OnPoll(uv_poll_t* handle, int status, int events);

  UvHandle<uv_poll_t> handle_;
  std::function<void()> onReady_;
  bool active_ = false;
};

}  // namespace zmqn
