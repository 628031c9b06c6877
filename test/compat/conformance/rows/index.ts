// The one table of conformance scenarios, by area.
import type {Row} from "../table"
import {moduleRows} from "./module"
import {constructRows} from "./construct"
import {optionRows} from "./options"
import {rawOptionRows} from "./raw-options"
import {endpointRows} from "./endpoints"
import {messageRows} from "./messages"
import {socketRows} from "./sockets"
import {draftRows} from "./draft"
import {eventRows} from "./events"
import {proxyRows} from "./proxy"
import {lifecycleRows} from "./lifecycle"

export const rows: Row[] = [
  ...moduleRows,
  ...constructRows,
  ...optionRows,
  ...rawOptionRows,
  ...endpointRows,
  ...messageRows,
  ...socketRows,
  ...draftRows,
  ...eventRows,
  ...proxyRows,
  ...lifecycleRows,
]
