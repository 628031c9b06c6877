/*
 * LD_PRELOAD shim for Debian bookworm's linux.uml (6.1) on hosts whose CPU has a large
 * XSAVE area (AVX-512, AMX: ~11 KB instead of 832 bytes).
 *
 * Why: UML 6.1 saves and restores a guest process's FPU state with
 * ptrace(PTRACE_GETREGSET / PTRACE_SETREGSET, NT_X86_XSTATE) using a buffer of a size fixed
 * at build time (Debian's 6.1.176 passes 2696 bytes; older notes say 832). The host kernel
 * clips a longer buffer to its own XSAVE size, but a SET shorter than that size fails with
 * EFAULT. On a host whose XSAVE area is larger than UML's buffer (AMX: ~11 KB) the first
 * guest process therefore dies with "ptrace set fp regs failed, errno = 14" and the guest
 * kernel panics. Where the host's area is smaller (a VM without AMX: 2432 bytes) stock UML
 * works and this shim changes nothing.
 *
 * What: wrap ptrace() for those two requests only.
 *   GET: read the full state, hand UML as much of it as fits its buffer.
 *   SET: read the tracee's current full state, lay UML's bytes over its start (as many as
 *        the host size allows), write exactly the host size back. Whatever UML's buffer does
 *        not cover (with 2696 bytes: only AMX tile state) keeps the value the host process
 *        has; UML never tracked it anyway. test/harness/xstate-threads.c checks that AVX-512
 *        registers stay per guest thread.
 * Every other request goes to the real ptrace() untouched.
 *
 * Buffers are static: UML calls ptrace() on small kernel stacks, and the tracer is a single
 * host thread, so one scratch buffer is enough. No malloc, no dlsym at run time (the real
 * ptrace is reached through syscall(2), which is what glibc does for these requests).
 *
 * Built on demand by test/harness/run-in-uml into build/uml/; see test/harness/uml/README.md.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef PTRACE_GETREGSET
#define PTRACE_GETREGSET 0x4204
#endif
#ifndef PTRACE_SETREGSET
#define PTRACE_SETREGSET 0x4205
#endif
#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif
#define PTRACE_PEEKTEXT_ 1
#define PTRACE_PEEKUSER_ 3

/* Far larger than any XSAVE area today (AMX makes it ~11 KB); 64-byte aligned like XSAVE. */
static unsigned char full_state[64 * 1024] __attribute__((aligned(64)));

static long raw_ptrace(long request, long pid, void *addr, void *data) {
  return syscall(SYS_ptrace, request, pid, addr, data);
}

/* Reads the tracee's whole XSAVE area into full_state; returns its size or -1 (errno set). */
static long read_full_state(long pid) {
  struct iovec iov = {full_state, sizeof full_state};
  if (raw_ptrace(PTRACE_GETREGSET, pid, (void *)(long)NT_X86_XSTATE, &iov) < 0) return -1;
  return (long)iov.iov_len;
}

static long get_xstate(long pid, struct iovec *uml) {
  long full = read_full_state(pid);
  if (full < 0) return -1;
  size_t n = uml->iov_len < (size_t)full ? uml->iov_len : (size_t)full;
  memcpy(uml->iov_base, full_state, n);
  uml->iov_len = n;
  return 0;
}

static long set_xstate(long pid, const struct iovec *uml) {
  long full = read_full_state(pid);
  if (full < 0) return -1;
  size_t n = uml->iov_len < (size_t)full ? uml->iov_len : (size_t)full;
  memcpy(full_state, uml->iov_base, n);
  struct iovec iov = {full_state, (size_t)full};
  return raw_ptrace(PTRACE_SETREGSET, pid, (void *)(long)NT_X86_XSTATE, &iov);
}

/* Same contract as glibc's ptrace(): PEEK requests return the word read, errno 0. */
long ptrace(int request, ...) {
  va_list ap;
  va_start(ap, request);
  long pid = (long)va_arg(ap, int);
  void *addr = va_arg(ap, void *);
  void *data = va_arg(ap, void *);
  va_end(ap);

  if ((long)addr == NT_X86_XSTATE && data != NULL) {
    if (request == PTRACE_GETREGSET) return get_xstate(pid, data);
    if (request == PTRACE_SETREGSET) return set_xstate(pid, data);
  }
  if (request >= PTRACE_PEEKTEXT_ && request <= PTRACE_PEEKUSER_) {
    long word;
    long rc = raw_ptrace(request, pid, addr, &word);
    if (rc < 0) return rc;
    errno = 0;
    return word;
  }
  return raw_ptrace(request, pid, addr, data);
}
