/*
 * Four threads each keep their own value in ZMM16 (AVX-512 state, beyond the legacy FPU
 * area) across a busy loop long enough to be preempted, then check it is still theirs.
 * Inside a UML guest this exercises the XSAVE save/restore that test/harness/uml/xstate-shim.c
 * repairs. Prints "corrupted N of M" and exits 1 if any check saw another thread's value.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

enum { THREADS = 4, SECONDS = 2 };
static volatile int stop;
static uint64_t checks[THREADS], corrupted[THREADS];

static void *hold_zmm16(void *arg) {
  uintptr_t id = (uintptr_t)arg;
  uint64_t value = 0x0101010101010101ull * (id + 1);
  while (!stop) {
    uint32_t equal_lanes;
    __asm__ volatile(
        "vpbroadcastq %1, %%zmm16\n\t"
        "mov $200000, %%ecx\n"
        "1: dec %%ecx\n\t"
        "jnz 1b\n\t"
        "vpbroadcastq %1, %%zmm1\n\t"
        "vpcmpeqq %%zmm16, %%zmm1, %%k1\n\t"
        "kmovw %%k1, %0\n\t"
        : "=r"(equal_lanes)
        : "r"(value)
        : "rcx", "xmm1", "xmm16", "k1", "memory");
    checks[id]++;
    if ((equal_lanes & 0xff) != 0xff) corrupted[id]++;
  }
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  for (uintptr_t i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, hold_zmm16, (void *)i);
  struct timespec run = {SECONDS, 0};
  nanosleep(&run, NULL);
  stop = 1;
  uint64_t total = 0, bad = 0;
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
    total += checks[i];
    bad += corrupted[i];
  }
  printf("corrupted %llu of %llu\n", (unsigned long long)bad, (unsigned long long)total);
  return bad ? 1 : 0;
}
