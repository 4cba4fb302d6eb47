package io.iisfarm.operator.simulator.windows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where a standard handle's bytes go: the console stream WinRM returns, NUL, or a file. Text is written in
 * the shell's console code page (what {@code WINRS_CODEPAGE} asked for, else the host's OEM code page);
 * characters that code page lacks become {@code ?}. Bytes written as such ({@code type}) pass unchanged.
 */
abstract class Sink {
  private final Charset charset;

  Sink(Charset charset) {
    this.charset = charset;
  }

  abstract void write(byte[] bytes);

  final void print(String text) {
    write(text.getBytes(charset));
  }

  Charset charset() {
    return charset;
  }

  final void println(String line) {
    print(line + "\r\n");
  }

  static final class Console extends Sink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Console(Charset charset) {
      super(charset);
    }

    @Override
    void write(byte[] b) {
      bytes.writeBytes(b);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  static final Sink NUL = new Sink(StandardCharsets.US_ASCII) {
    @Override
    void write(byte[] bytes) {}
  };

  /** Writes straight through to a file, as cmd's redirection does; truncated when opened with {@code >}. */
  static final class FileSink extends Sink {
    private final WindowsFileSystem fs;
    private final String path;

    FileSink(WindowsFileSystem fs, String path, boolean append, Charset charset) {
      super(charset);
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
