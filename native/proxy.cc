// A steerable libzmq proxy between two sockets (and an optional capture socket), run on a
// thread of its own — never one of libuv's pool threads, which it would occupy for its whole
// life — and steered from the JS thread through an inproc PAIR control socket. Every method
// runs on the JS thread except the body of the proxy thread started by run(). The policy around
// it (send timeouts for the run, which socket types may be proxied) is lib/proxy.ts's.
#include "proxy.h"

#include <zmq.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#if defined(__linux__)
#include <pthread.h>
#endif

#include "context.h"
#include "environment.h"
#include "errors.h"
#include "interrupted.h"
#include "poller.h"
#include "socket.h"

namespace zmqn {

namespace {
std::atomic<unsigned long> controlCounter{0};

// Names a proxy thread, as libzmq names its own ("ZMQbg/IO/0"), so that a debugger's thread list
// and a test counting /proc/self/task/*/comm tell it from the runtime's threads, which come and
// go. Linux can name another thread, so this is done before run() returns; elsewhere it is not
// needed.
void NameProxyThread(std::thread& thread) {
#if defined(__linux__)
  pthread_setname_np(thread.native_handle(), "zmq-native/prx");
#else
  (void)thread;
#endif
}

}  // namespace

const napi_type_tag Proxy::kTypeTag = {0x0dc2e56f3faa55c0ULL, 0xd37d862183e9cfe8ULL};

Napi::Function Proxy::Define(Napi::Env env) {
  return DefineClass(env, "Proxy",
                     {
                         InstanceMethod<&Proxy::Run>("run"),
                         InstanceMethod<&Proxy::Pause>("pause"),
                         InstanceMethod<&Proxy::Resume>("resume"),
                         InstanceMethod<&Proxy::Terminate>("terminate"),
                         InstanceMethod<&Proxy::Halt>("halt"),
                         InstanceAccessor<&Proxy::Running>("running"),
                     });
}

// new Proxy(context, frontEnd, backEnd, capture | null): native sockets; the control pair lives
// in `context` (the front end's).
Proxy::Proxy(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Proxy>(info) {
  TagInstance<Proxy>(info);
  data_ = AddonData::Of(info.Env());
  contextObject_ = Napi::Persistent(info[0].As<Napi::Object>());
  for (int i = 0; i < 3; i++) {
    if (!info[i + 1].IsObject()) continue;
    socketObjects_[i] = Napi::Persistent(info[i + 1].As<Napi::Object>());
    sockets_[i] = Unwrapped<Socket>(info.Env(), socketObjects_[i].Value());
  }
}

Proxy::~Proxy() {
  // A running proxy holds a reference to itself, so this only happens at teardown.
  if (running_) Teardown();
}

// Throw-then-return for run().
static Napi::Value Refuse(Napi::Error error) {
  Throw(error);
  return Napi::Value();
}

// Whether a socket is open and was bound or connected (libzmq then has a last endpoint).
static bool HasEndpoint(Socket* socket) {
  if (socket == nullptr || socket->Handle() == nullptr) return false;
  // Another proxy's thread owns it: the checks that follow say so.
  if (socket->Lent()) return true;
  char endpoint[256];
  size_t length = sizeof endpoint;
  if (zmq_getsockopt(socket->Handle(), ZMQ_LAST_ENDPOINT, endpoint, &length) != 0) return true;
  return length > 1;
}

// run(stopWaitMs, settle): starts the proxy, or throws why it cannot. settle() is called on the
// JS thread once the run has ended: with no argument when terminate() ended it, with the error
// when libzmq's proxy failed or one of its sockets was closed under it. lib/proxy.ts makes run()'s
// promise: one made here (napi_create_promise) and still pending when the environment ends
// (worker termination, exit) could never be settled nor freed. stopWaitMs: how long stopping may
// wait for the proxy thread — lib/proxy.ts gives every socket a finite send timeout for the run,
// so that the thread, which reads its commands only between blocking sends, always comes back.
Napi::Value Proxy::Run(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!info[0].IsNumber() || !info[1].IsFunction()) {
    return Refuse(Napi::TypeError::New(
        env, "run(stopWaitMs, settle): a number of milliseconds and a function"));
  }
  if (running_) return Refuse(AddonError(env, Failure::ProxyRunning));
  // A bind or unbind running on the thread pool has its socket until it settles.
  for (Socket* socket : sockets_) {
    if (socket != nullptr && socket->EndpointBusy())
      return Refuse(AddonError(env, Failure::SocketBlocked));
  }
  // libzmq's proxy would wait for ever on a front or back end that has no endpoint (closed
  // ones have none): refuse at once, in zeromq v6's words.
  static const Failure unusable[2] = {Failure::ProxyFrontEndUnusable,
                                      Failure::ProxyBackEndUnusable};
  for (int i = 0; i < 2; i++) {
    if (!HasEndpoint(sockets_[i])) return Refuse(AddonError(env, unusable[i]));
  }
  void* handles[3] = {nullptr, nullptr, nullptr};
  for (int i = 0; i < 3; i++) {
    if (sockets_[i] == nullptr) continue;
    if (sockets_[i]->Handle() == nullptr) return Refuse(ZmqError(env, EBADF));
    if (sockets_[i]->Lent()) return Refuse(AddonError(env, Failure::SocketProxied));
    handles[i] = sockets_[i]->Handle();
  }
  auto* context = Unwrapped<Context>(env, contextObject_.Value());
  if (context == nullptr || context->Handle() == nullptr) return Refuse(ZmqError(env, ETERM));

  // The control pair: this thread keeps the bound end, the proxy thread gets the other one.
  const std::string endpoint = "inproc://zmq-native.proxy." + std::to_string(++controlCounter);
  void* control = zmq_socket(context->Handle(), ZMQ_PAIR);
  void* remote = control != nullptr ? zmq_socket(context->Handle(), ZMQ_PAIR) : nullptr;
  const int linger = 0;
  if (remote == nullptr || zmq_setsockopt(control, ZMQ_LINGER, &linger, sizeof linger) != 0 ||
      zmq_setsockopt(remote, ZMQ_LINGER, &linger, sizeof linger) != 0 ||
      zmq_bind(control, endpoint.c_str()) != 0 || zmq_connect(remote, endpoint.c_str()) != 0) {
    auto error = ZmqError(env, zmq_errno());
    if (remote != nullptr) zmq_close(remote);
    if (control != nullptr) zmq_close(control);
    return Refuse(error);
  }

  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  // A running proxy keeps the process alive until it ends.
  const int status = done_.Start(
      loop,
      [this](std::vector<int>& results) {
        if (!running_) return;
        result_ = results.back();
        Napi::HandleScope scope(Env());
        Finish(Report::FromLoop);
      },
      true);
  if (status != 0) {
    zmq_close(remote);
    zmq_close(control);
    return Refuse(UvError(env, status, "uv_async_init"));
  }

  settle_ = Napi::Persistent(info[1].As<Napi::Function>());
  stopWaitMs_ = info[0].As<Napi::Number>().Int64Value();
  control_ = control;
  result_ = 0;
  forcedError_ = 0;
  finished_ = false;
  running_ = true;
  Ref();
  Track(data_->reaper, Stage::Proxies);
  for (Socket* socket : sockets_) {
    if (socket != nullptr) socket->Lend(this);
  }

  // The proxy thread owns the three sockets and `remote` until it ends; starting it is the
  // full memory barrier libzmq asks for when a socket moves between threads.
  thread_ = std::thread([this, handles, remote, done = done_.NewSender()]() {
    BlockSignalsInThisThread();  // a signal here would end the proxy with EINTR
    const int rc = zmq_proxy_steerable(handles[0], handles[1], handles[2], remote);
    const int result = rc == 0 ? 0 : zmq_errno();
    zmq_close(remote);
    finished_ = true;
    done.Push(result);
  });
  NameProxyThread(thread_);
  return env.Undefined();
}

// Waits, up to stopWaitMs_ from now, for the proxy thread to end (JS thread).
bool Proxy::AwaitThread() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(stopWaitMs_);
  while (!finished_) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (thread_.joinable()) thread_.join();
  return true;
}

bool Proxy::Command(Napi::Env env, const char* command) {
  if (!running_ || finished_) {
    Throw(AddonError(env, Failure::ProxyNotRunning));
    return false;
  }
  if (RetryInterrupted([&] { return zmq_send(control_, command, std::strlen(command), 0); }) < 0) {
    ThrowLastError(env);
    return false;
  }
  return true;
}

// pause(): returns at once. The proxy thread takes the command at its next turn (after the burst
// it may be forwarding), before the messages that reached its sockets meanwhile; from then on
// they stay queued until resume().
Napi::Value Proxy::Pause(const Napi::CallbackInfo& info) {
  Command(info.Env(), "PAUSE");
  return info.Env().Undefined();
}

Napi::Value Proxy::Resume(const Napi::CallbackInfo& info) {
  Command(info.Env(), "RESUME");
  return info.Env().Undefined();
}

// terminate(): asks the proxy to stop; run() resolves once it has.
Napi::Value Proxy::Terminate(const Napi::CallbackInfo& info) {
  Command(info.Env(), "TERMINATE");
  return info.Env().Undefined();
}

Napi::Value Proxy::Running(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), running_);
}

// halt(): a socket of the proxy is about to close — stop now, run() rejects with EBADF.
Napi::Value Proxy::Halt(const Napi::CallbackInfo& info) {
  StopForClose();
  return info.Env().Undefined();
}

bool Proxy::Stop() {
  if (!running_) return true;
  if (!finished_)
    RetryInterrupted([&] { return zmq_send(control_, "TERMINATE", 9, ZMQ_DONTWAIT); });
  return AwaitThread();
}

void Proxy::Finish(Report report) {
  if (thread_.joinable()) thread_.join();
  for (Socket* socket : sockets_) {
    if (socket != nullptr) socket->Lend(nullptr);
  }
  zmq_close(control_);
  control_ = nullptr;
  running_ = false;
  // The thread has ended (joined above); a report still queued is dropped: settling below
  // uses forcedError_ or what was delivered.
  done_.Stop();
  Untrack();
  // Taken first: settling may run JS that starts this proxy again.
  Napi::FunctionReference settleRun = std::move(settle_);
  // At teardown JS can no longer run: nothing is called, and nothing is left to free.
  if (report == Report::None || data_->reaper.Reaping()) return;
  auto env = Env();
  napi_value error = nullptr;
  if (forcedError_ != 0) {
    error = AddonError(env, Failure::ProxySocketClosed).Value();
  } else if (result_ != 0) {
    error = ZmqError(env, result_).Value();
  }
  const size_t argc = error != nullptr ? 1 : 0;
  if (report == Report::FromLoop) {
    // As Node's own callbacks: the microtasks run after it; nothing runs once JS no longer can.
    CallFromLoop(env, Value(), settleRun.Value(), argc, &error);
  } else {
    // Inside a call from JS: the promise's reactions run after that call returns.
    napi_value ignored;
    napi_call_function(env, Value(), settleRun.Value(), argc, &error, &ignored);
  }
  Unref();
}

bool Proxy::SocketClosing(Socket* /*socket*/) {
  StopForClose();
  return !running_;
}

void Proxy::Reap(ExitWait /*wait*/) {
  Teardown();
}

void Proxy::StopForClose() {
  if (!running_) return;
  if (data_->reaper.Reaping()) return Teardown();
  if (!Stop()) {
    // The socket stays open and the proxy running: closing again later can succeed.
    Throw(AddonError(Env(), Failure::ProxyWouldNotStop));
    return;
  }
  forcedError_ = EBADF;
  Finish(Report::FromCall);
}

void Proxy::Teardown() {
  if (!running_) return;
  // The runtime is going away and the thread uses this object: it must end before we return.
  // Every send of the proxy has a finite timeout, so this join is bounded too.
  if (!Stop() && thread_.joinable()) thread_.join();
  Finish(Report::None);
}

}  // namespace zmqn
