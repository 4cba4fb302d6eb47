package io.iisfarm.operator.simulator.windows;

import java.util.Locale;

/**
 * The Win32 errors the simulated tools report, with the system message text FormatMessage gives
 * for them (Microsoft Learn, "System Error Codes (0-499)" and "(1000-1299)").
 */
public enum Win32Error {
  FILE_NOT_FOUND(2, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."),
  PATH_NOT_FOUND(3, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."),
  ACCESS_DENIED(5, "ERROR_ACCESS_DENIED", "Access is denied."),
  INVALID_DATA(13, "ERROR_INVALID_DATA", "The data is invalid."),
  SHARING_VIOLATION(32, "ERROR_SHARING_VIOLATION",
      "The process cannot access the file because it is being used by another process."),
  FILE_EXISTS(80, "ERROR_FILE_EXISTS", "The file exists."),
  INVALID_PARAMETER(87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
  ALREADY_EXISTS(183, "ERROR_ALREADY_EXISTS", "Cannot create a file when that file already exists."),
  SERVICE_ALREADY_RUNNING(1056, "ERROR_SERVICE_ALREADY_RUNNING", "An instance of the service is already running."),
  SERVICE_NOT_ACTIVE(1062, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started."),
  NOT_FOUND(1168, "ERROR_NOT_FOUND", "Element not found."),
  OBJECT_NOT_FOUND(4312, "ERROR_OBJECT_NOT_FOUND", "The object identifier does not represent a valid object.");

  private final int code;
  private final String symbol;
  private final String message;

  Win32Error(int code, String symbol, String message) {
    this.code = code;
    this.symbol = symbol;
    this.message = message;
  }

  public int code() { return code; }

  public String symbol() { return symbol; }

  public String message() { return message; }

  /** HRESULT_FROM_WIN32 as a signed int, which is what tools that exit with an HRESULT return. */
  public int hresult() { return 0x80070000 | code; }

  /** The HRESULT as eight lower-case hex digits, e.g. {@code 80070002}, as appcmd prints it. */
  public String hresultHex() { return String.format(Locale.ROOT, "%08x", hresult()); }
}
