// Keeps the addon's code mapped until the process ends, whichever environments come and go.
#pragma once

namespace zmqn {

// Node unloads an addon (dlclose / FreeLibrary) when the last environment that loaded it is
// destroyed — a worker thread that was its only user, say. Code of ours still runs after that
// moment: libuv close callbacks of handles closed at teardown run on the dying worker's loop
// after its environment is gone, and libzmq's threads (the shared context's I/O threads, a
// termination that teardown gave up waiting for, free functions of lent buffers) run for as
// long as they run. No cleanup hook can wait for all of those, so the module is pinned instead:
// it can never be unloaded, as if the main thread had loaded it. Called from every Init; the
// first call pins, the rest cost nothing. False when the platform refused (the caller carries
// on: pinning only matters to processes whose workers alone use the addon).
bool PinModule();

}  // namespace zmqn
