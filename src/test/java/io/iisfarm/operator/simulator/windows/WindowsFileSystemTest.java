package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowsFileSystemTest {
  private final WindowsFileSystem fs = new WindowsFileSystem(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void fullPathResolvesRelativeDotsAndSlashes() {
    assertThat(WindowsFileSystem.fullPath("a\\..\\b\\.\\c.txt", "C:\\Users\\x")).isEqualTo("C:\\Users\\x\\b\\c.txt");
    assertThat(WindowsFileSystem.fullPath("\\Windows", "D:\\data")).isEqualTo("D:\\Windows");
    assertThat(WindowsFileSystem.fullPath("c:/windows/temp/", "D:\\")).isEqualTo("C:\\windows\\temp");
    assertThat(WindowsFileSystem.fullPath("C:\\x\\name. . ", "C:\\")).isEqualTo("C:\\x\\name");
    assertThat(WindowsFileSystem.fullPath("..\\..\\..", "C:\\a")).isEqualTo("C:\\");
  }

  @Test
  void namesAreCaseInsensitiveButKeepTheirCase() {
    fs.createDrive('C');
    fs.ensureDirectory("C:\\Windows\\Temp");
    fs.write("C:\\WINDOWS\\temp\\Report.TXT", new byte[] {1, 2, 3});
    assertThat(fs.read("c:\\windows\\TEMP\\report.txt")).containsExactly(1, 2, 3);
    assertThat(fs.storedCase("c:\\windows\\temp\\report.txt")).isEqualTo("C:\\Windows\\Temp\\Report.TXT");
    fs.write("C:\\windows\\temp\\REPORT.txt", new byte[] {9});
    assertThat(fs.list("C:\\Windows\\Temp")).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("Report.TXT");
      assertThat(e.size()).isEqualTo(1);
    });
  }

  @Test
  void errorsAreTheWin32Ones() {
    fs.createDrive('C');
    fs.ensureDirectory("C:\\dir");
    assertThatThrownBy(() -> fs.read("C:\\dir\\none")).isInstanceOfSatisfying(Win32Exception.class,
        e -> assertThat(e.error()).isEqualTo(Win32Error.FILE_NOT_FOUND));
    assertThatThrownBy(() -> fs.read("C:\\nodir\\none")).isInstanceOfSatisfying(Win32Exception.class,
        e -> assertThat(e.error()).isEqualTo(Win32Error.PATH_NOT_FOUND));
    assertThatThrownBy(() -> fs.read("C:\\dir")).isInstanceOfSatisfying(Win32Exception.class,
        e -> assertThat(e.error()).isEqualTo(Win32Error.ACCESS_DENIED));
    assertThatThrownBy(() -> fs.write("C:\\nodir\\f", new byte[0])).isInstanceOf(Win32Exception.class);
    assertThatThrownBy(() -> fs.mkdirs("C:\\dir")).isInstanceOfSatisfying(Win32Exception.class,
        e -> assertThat(e.error()).isEqualTo(Win32Error.ALREADY_EXISTS));
  }

  @Test
  void shortNamesReachTheSameNode() {
    fs.createDrive('C');
    fs.ensureDirectory("C:\\Documents and Settings\\u\\Local Settings\\Temp");
    fs.setShortName("C:\\Documents and Settings", "DOCUME~1");
    fs.setShortName("C:\\Documents and Settings\\u\\Local Settings", "LOCALS~1");
    fs.write("C:\\DOCUME~1\\u\\LOCALS~1\\Temp\\x", new byte[] {7});
    assertThat(fs.read("C:\\Documents and Settings\\u\\Local Settings\\Temp\\x")).containsExactly(7);
    assertThat(fs.storedCase("C:\\docume~1\\u\\locals~1\\temp")).isEqualTo("C:\\Documents and Settings\\u\\Local Settings\\Temp");
  }

  @Test
  void writeTimesStrictlyIncreaseEvenOnAFixedClock() {
    fs.createDrive('C');
    fs.write("C:\\a", new byte[0]);
    fs.write("C:\\b", new byte[0]);
    assertThat(fs.lastWrite("C:\\b")).isAfter(fs.lastWrite("C:\\a"));
  }
}
