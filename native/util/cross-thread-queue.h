// Hands items from any thread to the JS thread: a Sender pushes them (libzmq's I/O threads
// returning borrowed buffers, the proxy's thread reporting its end) and a uv_async handle
// delivers them, in order, to a callback on the loop's thread. The state the senders share
// outlives the queue, so a push after the environment has gone is safe: it is dropped.
#pragma once

#include <uv.h>

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "uv-handle.h"

namespace zmqn {

template <typename T>
class CrossThreadQueue {
  struct State {
    std::mutex mutex;
    std::vector<T> items;
    // Null once stopped; guarded by mutex, since senders signal it from their threads.
    uv_async_t* async = nullptr;
    size_t senders = 0;
    std::function<void(std::vector<T>&)> deliver;
  };

 public:
  using Deliver = std::function<void(std::vector<T>& items)>;

  // What another thread holds to push items. Counted while it exists (see Senders()).
  class Sender {
   public:
    Sender() = default;
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;
    Sender(Sender&& other) noexcept : state_(std::move(other.state_)) {}
    ~Sender() {
      if (state_ == nullptr) return;
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->senders--;
    }

    // Any thread. False when the queue has stopped: the item is dropped.
    bool Push(T item) const {
      if (state_ == nullptr) return false;
      std::lock_guard<std::mutex> lock(state_->mutex);
      if (state_->async == nullptr) return false;
      state_->items.push_back(std::move(item));
      uv_async_send(state_->async);
      return true;
    }

   private:
    friend class CrossThreadQueue;
    explicit Sender(std::shared_ptr<State> state) : state_(std::move(state)) {
      if (state_ == nullptr) return;
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->senders++;
    }
    std::shared_ptr<State> state_;
  };

  CrossThreadQueue() = default;
  CrossThreadQueue(const CrossThreadQueue&) = delete;
  CrossThreadQueue& operator=(const CrossThreadQueue&) = delete;
  ~CrossThreadQueue() { Stop(); }

  // JS thread: starts delivering to `deliver` on `loop`; `deliver` must not destroy the queue.
  // keepAlive: whether waiting for items keeps the process alive (until Stop()). Returns libuv's
  // error code (0 on success).
  int Start(uv_loop_t* loop, Deliver deliver, bool keepAlive) {
    Stop();
    auto state = std::make_shared<State>();
    state->deliver = std::move(deliver);
    const int status = async_.Init(uv_async_init, loop, this, OnSignal);
    if (status != 0) return status;
    async_.KeepAlive(keepAlive);
    state->async = async_.Get();
    state_ = std::move(state);
    return 0;
  }

  bool Started() const { return state_ != nullptr; }

  // JS thread. A sender of a stopped queue pushes nothing.
  Sender NewSender() const { return Sender(state_); }

  // Senders alive now (any thread may end one meanwhile).
  size_t Senders() const {
    if (state_ == nullptr) return 0;
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->senders;
  }

  // JS thread: delivers what is queued, then drops every later push. Safe to call again.
  void Stop() {
    if (state_ == nullptr) return;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->async = nullptr;
    }
    async_.Close();
    // Taken first: `deliver` may call Stop() again.
    auto state = std::move(state_);
    DeliverQueued(state.get());
  }

 private:
  static void OnSignal(uv_async_t* handle) {
    auto* self = static_cast<CrossThreadQueue*>(handle->data);
    if (self == nullptr || self->state_ == nullptr) return;
    // Held here: `deliver` may stop the queue, which lets go of state_.
    auto state = self->state_;
    DeliverQueued(state.get());
  }

  static void DeliverQueued(State* state) {
    std::vector<T> batch;
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      batch.swap(state->items);
    }
    if (!batch.empty()) state->deliver(batch);
  }

  std::shared_ptr<State> state_;
  UvHandle<uv_async_t> async_;
};

}  // namespace zmqn
