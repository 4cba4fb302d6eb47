package io.iisfarm.operator.simulator.windows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/** Where a standard handle's bytes go: the console stream WinRM returns, NUL, or a file. */
abstract class Sink {
  /**
   * Console text is written in the OEM code page of an en-US system, code page 437 (a runtime
   * without the extra charsets falls back to ISO-8859-1, which agrees for ASCII).
   */
  static final Charset OEM = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
      : java.nio.charset.StandardCharsets.ISO_8859_1;

  abstract void write(byte[] bytes);

  final void print(String text) {
    write(text.getBytes(OEM));
  }

  final void println(String line) {
    print(line + "\r\n");
  }

  static final class Console extends Sink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    void write(byte[] b) {
      bytes.writeBytes(b);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  static final Sink NUL = new Sink() {
    @Override
    void write(byte[] bytes) {}
  };

  /** Writes straight through to a file, as cmd's redirection does; truncated when opened with {@code >}. */
  static final class FileSink extends Sink {
    private final WindowsFileSystem fs;
    private final String path;

    FileSink(WindowsFileSystem fs, String path, boolean append) {
      this.fs = fs;
      this.path = path;
      if (!append || !fs.exists(path)) {
        fs.write(path, new byte[0]);
      } else if (fs.isDirectory(path)) {
        throw new Win32Exception(Win32Error.ACCESS_DENIED);
      }
    }

    @Override
    void write(byte[] b) {
      if (b.length > 0) {
        fs.append(path, b);
      }
    }
  }
}
