// zeromq v6's raw option accessors: get/set<Type>Option by libzmq option number, for options
// the typed accessors lack (a subclass adding one, a libzmq newer than this package). Their
// arguments are checked in v6's words and order; values are treated as the typed accessors
// treat them (lib/core/option-values.ts), warnings included.
import {native} from "./handles"
import type {NativeContext, NativeSocket} from "../native"
import * as values from "./option-values"

// The option number, checked as v6 checks it, and then the count of arguments.
function optionNumber(option: unknown, count: number, expected: 1 | 2): number {
  if (typeof option !== "number") throw new TypeError("Identifier must be a number")
  if (count > expected) {
    throw new TypeError(`Expected ${expected} argument${expected === 1 ? "" : "s"} but received ${count}`)
  }
  return option
}

// The option as error messages name it.
const label = (option: number): string => `option ${option}`

/** Options by libzmq number (ZMQ_* in zmq.h), as zeromq v6's Socket has them. */
export abstract class RawSocketOptions {
  /** @internal */
  abstract readonly [native]: NativeSocket

  /**
   * Reads a boolean (int) option by its libzmq number, e.g. 39 (ZMQ_IMMEDIATE).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getBoolOption(option: number): boolean {
    return values.getBool(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets a boolean (int) option by its libzmq number.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setBoolOption(option: number, value: boolean): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setBool(this[native], id, label(id), value)
  }

  /**
   * Reads an int option by its libzmq number, e.g. 17 (ZMQ_LINGER).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getInt32Option(option: number): number {
    return values.getInt32(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets an int option by its libzmq number; fractions are truncated, as in zeromq v6.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setInt32Option(option: number, value: number): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setInt32(this[native], id, label(id), value)
  }

  /**
   * Reads an unsigned int option by its libzmq number, e.g. 57 (ZMQ_TOS).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getUint32Option(option: number): number {
    return values.getUint32(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets an unsigned int option by its libzmq number.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setUint32Option(option: number, value: number): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setUint32(this[native], id, label(id), value)
  }

  /**
   * Reads an int64_t option by its libzmq number, e.g. 22 (ZMQ_MAXMSGSIZE).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getInt64Option(option: number): number {
    return values.getInt64(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets an int64_t option by its libzmq number.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setInt64Option(option: number, value: number): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setInt64(this[native], id, label(id), value)
  }

  /**
   * Reads a uint64_t option by its libzmq number, e.g. 4 (ZMQ_AFFINITY).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getUint64Option(option: number): number {
    return values.getUint64(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets a uint64_t option by its libzmq number (negative: 0; beyond 2^53 it warns).
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setUint64Option(option: number, value: number): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setUint64(this[native], id, label(id), value)
  }

  /**
   * Reads a text option by its libzmq number, e.g. 5 (ZMQ_ROUTING_ID); null when empty.
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ENOTSOCK` when the socket is closed.
   */
  getStringOption(option: number): string | null {
    return values.getString(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets a text or bytes option by its libzmq number; null sets it empty.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ENOTSOCK` when the socket is closed.
   */
  setStringOption(option: number, value: string | Buffer | null): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setString(this[native], id, label(id), value)
  }
}

/** Options by libzmq number (ZMQ_* context options in zmq.h), as zeromq v6's Context has them. */
export abstract class RawContextOptions {
  /** @internal */
  abstract readonly [native]: NativeContext

  /**
   * Reads a boolean context option by its libzmq number, e.g. 70 (ZMQ_BLOCKY).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ETERM` when the context is closed.
   */
  getBoolOption(option: number): boolean {
    return values.getContextBool(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets a boolean context option by its libzmq number.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ETERM` when the context is closed.
   */
  setBoolOption(option: number, value: boolean): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setContextBool(this[native], id, label(id), value)
  }

  /**
   * Reads an int context option by its libzmq number, e.g. 1 (ZMQ_IO_THREADS).
   *
   * @throws TypeError when `option` is not a number or more arguments are given; libzmq's Error
   * with `code`: `EINVAL` for an option it lacks, `ETERM` when the context is closed.
   */
  getInt32Option(option: number): number {
    return values.getContextInt32(this[native], optionNumber(option, arguments.length, 1))
  }

  /**
   * Sets an int context option by its libzmq number.
   *
   * @throws TypeError when `option` is not a number, `value` is of the wrong type or more
   * arguments are given; libzmq's Error with `code`: `EINVAL` for an option it lacks or a value
   * it refuses, `ETERM` when the context is closed.
   */
  setInt32Option(option: number, value: number): void {
    const id = optionNumber(option, arguments.length, 2)
    values.setContextInt32(this[native], id, label(id), value)
  }
}
