// Watches a libzmq socket's ZMQ_FD from libuv's loop and calls back on the JS thread.
#include "poller.h"

namespace zmqn {

napi_value CallFromLoop(napi_env env, napi_value recv, napi_value fn, size_t argc,
                        const napi_value* argv) {
  napi_value result;
  if (napi_make_callback(env, nullptr, recv, fn, argc, argv, &result) == napi_ok) return result;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  // No exception but a failure: Node refused to run JS (the environment is shutting down).
  if (!pending) return nullptr;
  napi_value error;
  napi_get_and_clear_last_exception(env, &error);
  napi_fatal_exception(env, error);
  return nullptr;
}

int Poller::Init(uv_loop_t* loop, uv_os_sock_t fd, std::function<void()> onReady) {
  onReady_ = std::move(onReady);
  return handle_.Init(uv_poll_init_socket, loop, this, fd);
}

void Poller::Start() {
  if (active_ || !handle_) return;
  active_ = true;
  uv_poll_start(handle_.Get(), UV_READABLE, OnPoll);
}

void Poller::Stop() {
  if (!active_ || !handle_) return;
  active_ = false;
  uv_poll_stop(handle_.Get());
}

void Poller::SetKeepAlive(bool keepAlive) {
  handle_.KeepAlive(keepAlive);
}

void Poller::Close() {
  Stop();
  handle_.Close();
}

void Poller::OnPoll(uv_poll_t* handle, int /*status*/, int /*events*/) {
  // Errors from the descriptor also mean "look at the socket": the owner's next libzmq call
  // reports what is wrong.
  auto* self = static_cast<Poller*>(handle->data);
  if (self != nullptr && self->active_) self->onReady_();
}

}  // namespace zmqn
