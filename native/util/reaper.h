// Teardown order, in one place: every native object that an ending environment (process exit,
// worker termination) must close registers here, and the environment's cleanup hook closes
// them stage by stage — running proxies before the sockets their threads use, sockets before
// the observers reading their monitors, contexts last. Objects leave when they close on their
// own. Every method runs on the JS thread.
#pragma once

#include <cstddef>

namespace zmqn {

// How teardown waits for lingering messages: a bounded time (worker termination,
// process.exit()), or until they are delivered (the main thread ends naturally, as in v6).
enum class ExitWait { Bounded, UntilDelivered };

class Reaper;

class Closable {
 public:
  // Closing order at teardown, first to last.
  enum class Stage { Proxies, Sockets, Observers, Contexts };
  static constexpr size_t kStages = 4;

  Closable() = default;
  Closable(const Closable&) = delete;
  Closable& operator=(const Closable&) = delete;

  // Environment teardown: close now, JS can no longer run. Untracked already.
  virtual void Reap(ExitWait wait) = 0;

 protected:
  ~Closable() { Untrack(); }
  // Until Untrack() (or destruction), teardown reaps this object at `stage`.
  void Track(Reaper& reaper, Stage stage);
  void Untrack();

 private:
  friend class Reaper;
  Reaper* reaper_ = nullptr;
  Stage stage_ = Stage::Proxies;
  Closable* previous_ = nullptr;
  Closable* next_ = nullptr;
};

class Reaper {
 public:
  // Teardown: reaps every tracked object, stage by stage. Reap() may close (and untrack) others.
  void ReapAll(ExitWait wait) {
    reaping_ = true;
    for (size_t stage = 0; stage < Closable::kStages; stage++) {
      while (Closable* closable = first_[stage]) {
        Remove(closable);
        closable->Reap(wait);
      }
    }
  }
  // Whether teardown has begun.
  bool Reaping() const { return reaping_; }

 private:
  friend class Closable;
  void Add(Closable* closable) {
    auto& first = first_[static_cast<size_t>(closable->stage_)];
    closable->previous_ = nullptr;
    closable->next_ = first;
    if (first != nullptr) first->previous_ = closable;
    first = closable;
  }
  void Remove(Closable* closable) {
    auto& first = first_[static_cast<size_t>(closable->stage_)];
    if (closable->previous_ != nullptr) {
      closable->previous_->next_ = closable->next_;
    } else {
      first = closable->next_;
    }
    if (closable->next_ != nullptr) closable->next_->previous_ = closable->previous_;
    closable->previous_ = closable->next_ = nullptr;
    closable->reaper_ = nullptr;
  }

  // Intrusive lists, one per stage: tracking and untracking cost no allocation.
  Closable* first_[Closable::kStages] = {};
  bool reaping_ = false;
};

inline void Closable::Track(Reaper& reaper, Stage stage) {
  if (reaper_ != nullptr) return;
  reaper_ = &reaper;
  stage_ = stage;
  reaper.Add(this);
}

inline void Closable::Untrack() {
  if (reaper_ != nullptr) reaper_->Remove(this);
}

}  // namespace zmqn
