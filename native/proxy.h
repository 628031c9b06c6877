// A steerable libzmq proxy between two sockets (and an optional capture socket), run on a
// thread of its own and steered from the JS thread through an inproc PAIR control socket.
#pragma once

#include <napi.h>
#include <uv.h>

#include <atomic>
#include <thread>

#include "socket.h"
#include "tagged.h"
#include "util/cross-thread-queue.h"
#include "util/reaper.h"

namespace zmqn {

struct AddonData;

class Proxy : public Napi::ObjectWrap<Proxy>, public Closable, public SocketUser {
 public:
  // Marks instances (native/tagged.h); Unwrap hides ObjectWrap's, see UnwrapThis.
  static const napi_type_tag kTypeTag;
  static Proxy* Unwrap(Napi::Object object) { return UnwrapThis<Proxy>(object, "Proxy"); }

  static Napi::Function Define(Napi::Env env);

  explicit Proxy(const Napi::CallbackInfo& info);
  ~Proxy() override;

  // A socket of this proxy is being closed (JS thread): stop the proxy first, so the thread
  // never uses a closed socket; run() then rejects with EBADF. False when it could not stop.
  bool SocketClosing(Socket* socket) override;
  // Environment teardown (JS thread, runtime going away): stop without calling run()'s settle.
  void Reap(ExitWait wait) override;

 private:
  Napi::Value Run(const Napi::CallbackInfo& info);
  Napi::Value Pause(const Napi::CallbackInfo& info);
  Napi::Value Resume(const Napi::CallbackInfo& info);
  Napi::Value Terminate(const Napi::CallbackInfo& info);
  Napi::Value Running(const Napi::CallbackInfo& info);
  Napi::Value Halt(const Napi::CallbackInfo& info);

  // Sends a command over the control socket; false (JS exception pending) if not running.
  bool Command(Napi::Env env, const char* command);
  // Sends TERMINATE if needed and waits, bounded, for the thread; false if it is still running.
  bool Stop();
  bool AwaitThread();
  // Stops the run because a socket closes; throws ETIMEDOUT when the thread would not stop.
  void StopForClose();
  // Stops the run at teardown, without calling run()'s settle.
  void Teardown();
  // How Finish() reports the end to run()'s settle: not at all (teardown), from the libuv
  // callback done_ delivers on, or from inside a call from JS (a socket closing).
  enum class Report { None, FromLoop, FromCall };
  // Runs on the JS thread once the proxy thread has finished.
  void Finish(Report report);

  AddonData* data_ = nullptr;
  Socket* sockets_[3] = {nullptr, nullptr, nullptr};  // front end, back end, capture (optional)
  void* control_ = nullptr;                           // the JS thread's end of the control pair
  // The proxy thread's end, reported to the JS thread: zmq_proxy_steerable's errno, or 0.
  CrossThreadQueue<int> done_;
  std::thread thread_;
  std::atomic<bool> finished_{false};
  int result_ = 0;       // what done_ delivered
  int forcedError_ = 0;  // set when the proxy was stopped because a socket was closed
  bool running_ = false;
  long long stopWaitMs_ = 0;
  Napi::FunctionReference settle_;  // run()'s settle function, while it runs
  Napi::ObjectReference contextObject_;
  Napi::ObjectReference socketObjects_[3];
};

}  // namespace zmqn
