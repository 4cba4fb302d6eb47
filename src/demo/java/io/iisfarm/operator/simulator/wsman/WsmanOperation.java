package io.iisfarm.operator.simulator.wsman;

import java.util.Locale;

/** The remote-shell operations of MS-WSMV, each named by its {@code wsa:Action}. */
public enum WsmanOperation {
  CREATE(WsmanUris.ACTION_CREATE),
  COMMAND(WsmanUris.ACTION_COMMAND),
  RECEIVE(WsmanUris.ACTION_RECEIVE),
  SEND(WsmanUris.ACTION_SEND),
  SIGNAL(WsmanUris.ACTION_SIGNAL),
  DELETE(WsmanUris.ACTION_DELETE);

  private final String action;

  WsmanOperation(String action) {
    this.action = action;
  }

  public String action() {
    return action;
  }

  /** Case-insensitive name, as the farm YAML spells it ({@code Command}, {@code receive}). */
  public static WsmanOperation fromName(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  static WsmanOperation fromAction(String action) {
    for (WsmanOperation op : values()) {
      if (op.action.equals(action)) {
        return op;
      }
    }
    return null;
  }
}
