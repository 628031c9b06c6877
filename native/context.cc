// A libzmq context: owned (created here, terminated by close()) or the process-wide shared one
// that every environment (main thread, workers) uses by default, so inproc works across them.
#include "context.h"

#include <zmq.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "environment.h"
#include "errors.h"
#include "interrupted.h"

namespace zmqn {

// How long environment teardown waits for a context to flush lingering messages, where it is
// bounded; and how long a natural exit waits before saying that it waits.
constexpr int kTeardownWaitMs = 5000;
constexpr int kExitWarningMs = 500;

namespace {
std::mutex sharedMutex;
void* sharedContext = nullptr;
int sharedUsers = 0;
// Set through whichever environment's wrapper, applied to the threads every one shares.
ThreadStart sharedThreads;
}  // namespace

void* AcquireSharedContext() {
  std::lock_guard<std::mutex> lock(sharedMutex);
  if (sharedContext == nullptr) {
    sharedContext = zmq_ctx_new();
    sharedThreads.Reset();
  }
  sharedUsers++;
  return sharedContext;
}

void ReleaseSharedContext(ExitWait wait) {
  void* last = nullptr;
  {
    std::lock_guard<std::mutex> lock(sharedMutex);
    if (--sharedUsers == 0) {
      last = sharedContext;
      sharedContext = nullptr;
    }
  }
  if (last != nullptr) TerminateAtExit(last, wait);
}

void TerminateAtExit(void* context, ExitWait wait) {
  if (wait == ExitWait::Bounded) return TerminateBounded(context, kTeardownWaitMs);
  // Read before terminating: the warning names blocky only when it holds the exit.
  const bool blocky = zmq_ctx_get(context, ZMQ_BLOCKY) == 1;
  auto finished = std::make_shared<std::promise<void>>();
  auto done = finished->get_future();
  std::thread([context, finished]() {
    RetryInterrupted([&] { return zmq_ctx_term(context); });
    finished->set_value();
  }).detach();
  if (done.wait_for(std::chrono::milliseconds(kExitWarningMs)) == std::future_status::timeout) {
    // zeromq v6's words; process.emitWarning cannot run any more, so it is mimicked.
    std::fprintf(
        stderr, "(node:%d) WARNING: Waiting for queued ZeroMQ messages to be delivered.%s\n",
        uv_os_getpid(), blocky ? " Set 'context.blocky = false' to change this behaviour." : "");
  }
  done.wait();
}

void TerminateBounded(void* context, int timeoutMs) {
  struct State {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
  };
  auto state = std::make_shared<State>();
  std::thread([context, state]() {
    RetryInterrupted([&] { return zmq_ctx_term(context); });
    std::lock_guard<std::mutex> lock(state->mutex);
    state->finished = true;
    state->done.notify_all();
  }).detach();

  if (timeoutMs == 0) return;
  std::unique_lock<std::mutex> lock(state->mutex);
  if (timeoutMs < 0) {
    state->done.wait(lock, [&] { return state->finished; });
    return;
  }
  if (!state->done.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                            [&] { return state->finished; })) {
    // Mimic process.emitWarning: the JS runtime is already gone at this point.
    std::fprintf(stderr,
                 "(zmq-native) WARNING: gave up waiting %d ms for queued ZeroMQ messages to be "
                 "delivered at exit; close sockets (with a finite linger) or await "
                 "context.close() to control this.\n",
                 timeoutMs);
  }
}

const napi_type_tag Context::kTypeTag = {0x6c9459502c5bc0f1ULL, 0x2f8a87e0106eea0fULL};

Napi::Function Context::Define(Napi::Env env) {
  return DefineClass(env, "Context",
                     {
                         InstanceMethod<&Context::GetOption>("getOption"),
                         InstanceMethod<&Context::SetOption>("setOption"),
                         InstanceMethod<&Context::Terminate>("terminate"),
                         InstanceMethod<&Context::TerminateInBackground>("terminateInBackground"),
                     });
}

// new Context(shared?: boolean): shared is for the addon's own `context` export (addon.cc).
Context::Context(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Context>(info) {
  TagInstance<Context>(info);
  auto env = info.Env();
  // Read, not coerced: coercion fails in a terminating worker (see IsTrue, errors.h).
  shared_ = IsTrue(info[0]);
  if (shared_) {
    context_ = AcquireSharedContext();
    threads_ = &sharedThreads;
    // Given back in the environment's teardown (addon.cc), not by this wrapper.
    return;
  }
  context_ = zmq_ctx_new();
  if (context_ == nullptr) {
    ThrowLastError(env);
    return;
  }
  Track(AddonData::Of(env)->reaper, Stage::Contexts);
}

Context::~Context() {
  if (!shared_ && context_ != nullptr) {
    // Collected without close(): its sockets are unreachable too and are being finalized
    // around now, so termination finishes on its own; never block the collector for it.
    Untrack();
    TerminateBounded(context_, 0);
  }
}

void Context::Reap(ExitWait wait) {
  if (shared_ || context_ == nullptr) return;
  TerminateAtExit(context_, wait);
  context_ = nullptr;
}

Napi::Value Context::GetOption(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (context_ == nullptr) {
    Throw(ZmqError(env, ETERM));
    return Napi::Value();
  }
  const int value = zmq_ctx_get(context_, info[0].As<Napi::Number>().Int32Value());
  if (value < 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  return Napi::Number::New(env, value);
}

Napi::Value Context::SetOption(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (context_ == nullptr) {
    Throw(ZmqError(env, ETERM));
    return Napi::Value();
  }
  const int option = info[0].As<Napi::Number>().Int32Value();
  const int value = info[1].As<Napi::Number>().Int32Value();
  if (zmq_ctx_set(context_, option, value) != 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  threads_->Record(option, value);
  return env.Undefined();
}

// terminate() → Promise, resolved once zmq_ctx_term returns (it waits for the sockets'
// linger on a libuv pool thread). lib/ closes the sockets with a bounded linger first.
Napi::Value Context::Terminate(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto pending = NewPromise(env);
  if (!pending) return Napi::Value();
  if (shared_ || context_ == nullptr) {
    napi_resolve_deferred(env, pending->deferred, env.Undefined());
    return Napi::Value(env, pending->promise);
  }
  void* context = context_;
  context_ = nullptr;
  Untrack();

  class TermWorker : public Napi::AsyncWorker {
   public:
    TermWorker(Napi::Env env, void* context, napi_deferred deferred)
        : Napi::AsyncWorker(env), context_(context), deferred_(deferred) {}
    void Execute() override {
      RetryInterrupted([&] { return zmq_ctx_term(context_); });
    }
    void OnOK() override { napi_resolve_deferred(Env(), deferred_, Env().Undefined()); }

   private:
    void* context_;
    napi_deferred deferred_;
  };
  (new TermWorker(env, context, pending->deferred))->Queue();
  return Napi::Value(env, pending->promise);
}

// terminateInBackground(): zmq_ctx_term on a detached thread, nothing to wait for. For a context
// whose sockets are closed without lingering (the capability probe's): a terminate() promise
// still pending when a worker ends is never freed (8 bytes each, valgrind).
Napi::Value Context::TerminateInBackground(const Napi::CallbackInfo& info) {
  if (shared_ || context_ == nullptr) return info.Env().Undefined();
  Untrack();
  TerminateBounded(context_, 0);
  context_ = nullptr;
  return info.Env().Undefined();
}

}  // namespace zmqn
