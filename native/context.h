// A libzmq context: owned (created here, terminated by close()) or the process-wide shared one
// that every environment (main thread, workers) uses by default, so inproc works across them.
#pragma once

#include <napi.h>

#include "tagged.h"
#include "thread-start.h"
#include "util/reaper.h"

namespace zmqn {

class Context : public Napi::ObjectWrap<Context>, public Closable {
 public:
  // Marks instances (native/tagged.h); Unwrap hides ObjectWrap's, see UnwrapThis.
  static const napi_type_tag kTypeTag;
  static Context* Unwrap(Napi::Object object) { return UnwrapThis<Context>(object, "Context"); }

  static Napi::Function Define(Napi::Env env);

  explicit Context(const Napi::CallbackInfo& info);
  ~Context() override;

  void* Handle() const { return context_; }
  // What starting its threads takes; checked before each socket is made.
  ThreadStart& Threads() { return *threads_; }

  // Environment teardown: terminate an owned context (see TerminateAtExit).
  void Reap(ExitWait wait) override;

 private:
  Napi::Value GetOption(const Napi::CallbackInfo& info);
  Napi::Value SetOption(const Napi::CallbackInfo& info);
  Napi::Value Terminate(const Napi::CallbackInfo& info);
  Napi::Value TerminateInBackground(const Napi::CallbackInfo& info);

  void* context_ = nullptr;
  bool shared_ = false;
  ThreadStart ownThreads_;
  ThreadStart* threads_ = &ownThreads_;
};

// The process-wide default context; each environment takes one use and gives it back at
// teardown; the last one terminates it.
void* AcquireSharedContext();
void ReleaseSharedContext(ExitWait wait);

// Ends a context at teardown: bounded in time, or at the main thread's natural exit as
// zeromq v6 does, until its lingering messages are delivered, warning after 500 ms that it waits.
void TerminateAtExit(void* context, ExitWait wait);

// Terminates a context on a helper thread, waiting at most timeoutMs (forever when < 0, not
// at all when 0), so that a context held open by lingering messages cannot hang process exit.
void TerminateBounded(void* context, int timeoutMs);

}  // namespace zmqn
