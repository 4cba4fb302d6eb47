package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmdInterpreterTest {
  private WindowsHost host;

  @BeforeEach
  void setUp() {
    host = TestHosts.iis10();
  }

  private CommandResult run(String line) {
    return host.run(line);
  }

  @Test
  void cmdPrefixIsOptionalAndQuotesAroundTheWholeLineAreStripped() {
    assertThat(run("echo hi").stdout()).isEqualTo("hi\r\n");
    assertThat(run("cmd /c echo hi").stdout()).isEqualTo("hi\r\n");
    assertThat(run("cmd.exe /C \"echo a & echo b\"").stdout()).isEqualTo("a \r\nb\r\n");
    assertThat(run("C:\\Windows\\system32\\cmd.exe /q /c echo x").stdout()).isEqualTo("x\r\n");
  }

  @Test
  void echoFormsFollowCmd() {
    assertThat(run("echo.").stdout()).isEqualTo("\r\n");
    assertThat(run("echo").stdout()).isEqualTo("ECHO is on.\r\n");
    assertThat(run("@echo off").stdout()).isEmpty();
    assertThat(run("@echo hello  ").stdout()).isEqualTo("hello  \r\n");
    assertThat(run("echo:colon").stdout()).isEqualTo("colon\r\n");
    assertThat(run("echo  two").stdout()).as("one delimiter is eaten, the rest kept").isEqualTo(" two\r\n");
    assertThat(run("echo a^&b").stdout()).isEqualTo("a&b\r\n");
    assertThat(run("echo \"a & b\"").stdout()).isEqualTo("\"a & b\"\r\n");
  }

  @Test
  void operatorsChainOnSuccessAndFailure() {
    assertThat(run("type nosuch.txt && echo yes").stdout()).isEmpty();
    assertThat(run("type nosuch.txt || echo no").stdout()).isEqualTo("no\r\n");
    assertThat(run("echo a&&echo b").stdout()).isEqualTo("a\r\nb\r\n");
    assertThat(run("type nosuch.txt & echo after").stdout()).isEqualTo("after\r\n");
    assertThat(run("(echo a & echo b) && echo c").stdout()).isEqualTo("a \r\nb\r\nc\r\n");
  }

  @Test
  void exitCodeIsTheFinalErrorlevelAndEchoLeavesItAlone() {
    CommandResult r = run("type nosuch.txt & echo after");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("The system cannot find the file specified.\r\n");
    assertThat(run("type nosuch.txt & ver >nul").exitCode()).isZero();
  }

  @Test
  void percentExpansionHappensOnceForTheWholeLine() {
    assertThat(run("echo %COMPUTERNAME% %SystemDrive% %undefined%").stdout()).isEqualTo("WEB10 C: %undefined%\r\n");
    assertThat(run("type nosuch.txt & echo %ERRORLEVEL%").stdout()).as("expanded before anything ran").isEqualTo("0\r\n");
    assertThat(run("echo %windir%").stdout()).isEqualTo("C:\\Windows\r\n");
    assertThat(run("echo 100%").stdout()).isEqualTo("100%\r\n");
  }

  @Test
  void redirectionWritesAppendsAndDiscards() {
    CommandResult r = run("echo one> %TEMP%\\f.txt & echo two >> %TEMP%\\f.txt & type %TEMP%\\f.txt");
    // the spaces before & and >> stay part of ECHO's text, as in cmd
    assertThat(r.stdout()).isEqualTo("one \r\ntwo  \r\n");
    assertThat(run("type nosuch.txt 2>nul").stderr()).isEmpty();
    assertThat(run("type nosuch.txt 2>&1").stdout()).isEqualTo("The system cannot find the file specified.\r\n");
    assertThat(run("type nosuch.txt > %TEMP%\\err.txt 2>&1 & type %TEMP%\\err.txt").stdout())
        .isEqualTo("The system cannot find the file specified.\r\n");
    assertThat(run("echo x >nul").stdout()).isEmpty();
    assertThat(run("(echo a & echo b) > %TEMP%\\g.txt & type %TEMP%\\g.txt").stdout()).isEqualTo("a \r\nb\r\n");
  }

  @Test
  void redirectionToAMissingFolderFailsTheCommandButKeepsErrorlevel() {
    CommandResult r = run("echo x > C:\\no\\such\\dir\\f.txt || echo failed");
    assertThat(r.stderr()).isEqualTo("The system cannot find the path specified.\r\n");
    assertThat(r.stdout()).isEqualTo("failed\r\n");
  }

  @Test
  void ifExistElseAndErrorlevel() {
    assertThat(run("if exist %windir%\\system32\\cmd.exe (echo yes) else (echo no)").stdout()).isEqualTo("yes\r\n");
    assertThat(run("if exist C:\\nothing.txt (echo yes) else (echo no)").stdout()).isEqualTo("no\r\n");
    assertThat(run("if not exist C:\\nothing.txt echo missing").stdout()).isEqualTo("missing\r\n");
    assertThat(run("if exist \"C:\\Program Files\" echo dir").stdout()).isEqualTo("dir\r\n");
    assertThat(run("if exist %windir%\\*.none echo x").stdout()).isEmpty();
    assertThat(run("type nosuch.txt 2>nul & if errorlevel 1 echo failed").stdout()).isEqualTo("failed\r\n");
    assertThat(run("ver >nul & if errorlevel 1 (echo failed) else (echo ok)").stdout()).isEqualTo("ok\r\n");
    assertThat(run("if /i \"ABC\"==\"abc\" echo same").stdout()).isEqualTo("same\r\n");
    assertThat(run("if \"ABC\"==\"abc\" (echo same) else echo differ").stdout()).isEqualTo("differ\r\n");
    assertThat(run("if 10 GTR 9 echo numeric").stdout()).isEqualTo("numeric\r\n");
  }

  @Test
  void unparenthesisedIfBodyRunsToTheEndOfTheLine() {
    assertThat(run("if exist C:\\nothing.txt echo a & echo b").stdout()).isEmpty();
    assertThat(run("if exist C:\\Windows echo a & echo b").stdout()).isEqualTo("a \r\nb\r\n");
  }

  @Test
  void forFRunsACommandAndSplitsTokens() {
    assertThat(run("for /f \"tokens=1,2 delims=:\" %a in ('echo x:y:z') do echo %b-%a").stdout()).isEqualTo("y-x\r\n");
    assertThat(run("for /f \"tokens=*\" %l in ('echo first^& echo second') do echo [%l]").stdout())
        .isEqualTo("[first]\r\n[second]\r\n");
    assertThat(run("for /f \"skip=1\" %l in ('ver') do echo %l").stdout()).isEqualTo("Microsoft\r\n");
    assertThat(run("for /f \"usebackq delims=\" %l in (`echo a b`) do echo %l").stdout()).isEqualTo("a b\r\n");
    assertThat(run("for /f %l in (\"literal text\") do echo %l").stdout()).isEqualTo("literal\r\n");
  }

  @Test
  void forFReadsFilesAndUsesEol() {
    run("echo ;comment> %TEMP%\\list.txt & echo alpha>> %TEMP%\\list.txt");
    assertThat(run("for /f %l in (%TEMP%\\list.txt) do echo got %l").stdout()).isEqualTo("got alpha\r\n");
  }

  @Test
  void forOverWildcardsAndModifiers() {
    run("echo a> %TEMP%\\x1.bak & echo b> %TEMP%\\x2.bak & echo c> %TEMP%\\y.txt");
    assertThat(run("for %f in (%TEMP%\\*.bak) do echo %~nxf").stdout()).isEqualTo("x1.bak\r\nx2.bak\r\n");
    assertThat(run("for %f in (one two) do echo %f").stdout()).isEqualTo("one\r\ntwo\r\n");
    assertThat(run("for %f in (\"a b\") do echo %~f").stdout()).isEqualTo("a b\r\n");
  }

  @Test
  void batchStyleForVariableIsRejectedAtTheCommandLine() {
    CommandResult r = run("for /f %%i in ('ver') do echo %%i");
    assertThat(r.stderr()).isEqualTo("%%i was unexpected at this time.\r\n");
    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void verAndHostname() {
    assertThat(run("ver").stdout()).isEqualTo("\r\nMicrosoft Windows [Version 10.0.17763.1]\r\n");
    assertThat(TestHosts.iis6().run("ver").stdout()).isEqualTo("\r\nMicrosoft Windows [Version 5.2.3790]\r\n");
    assertThat(run("hostname").stdout()).isEqualTo("web10\r\n");
  }

  @Test
  void unknownProgramsGive9009() {
    CommandResult r = run("frobnicate /x");
    assertThat(r.exitCode()).isEqualTo(9009);
    assertThat(r.stderr()).isEqualTo("'frobnicate' is not recognized as an internal or external command,\r\n"
        + "operable program or batch file.\r\n");
    assertThat(run("C:\\no\\such\\tool.exe").exitCode()).isEqualTo(3);
    assertThat(run("C:\\Windows\\nosuch.exe").exitCode()).isEqualTo(9009);
    CommandResult ps = TestHosts.iis6().run("powershell -Command Get-Date");
    assertThat(ps.exitCode()).isEqualTo(9009);
    assertThat(ps.stderr()).startsWith("'powershell' is not recognized");
  }

  @Test
  void realCommandsThatAreNotEmulatedFailLoudlyAndStopTheLine() {
    CommandResult r = run("echo before & powershell -Command Get-Date & echo after");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("before \r\n");
    assertThat(r.stderr()).isEqualTo("simulator: not emulated: powershell -Command Get-Date\r\n");
    assertThat(run("set X=1").stderr()).startsWith("simulator: not emulated: set X=1");
    assertThat(run("dir").stderr()).startsWith("simulator: not emulated: dir");
    assertThat(run("echo a | findstr a").stderr()).startsWith("simulator: not emulated:");
    assertThat(run("net stop w3svc").exitCode()).isEqualTo(1);
  }

  @Test
  void mkdirCreatesParentsAndRefusesExisting() {
    assertThat(run("mkdir %TEMP%\\a\\b\\c && if exist %TEMP%\\a\\b\\c\\ echo made").stdout()).isEqualTo("made\r\n");
    CommandResult again = run("md %TEMP%\\a\\b");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).isEqualTo("A subdirectory or file " + host.expand("%TEMP%") + "\\a\\b already exists.\r\n");
    assertThat(run("mkdir Q:\\x").stderr()).isEqualTo("The system cannot find the path specified.\r\n");
  }

  @Test
  void copyCopiesBytesAndReportsCounts() {
    CommandResult r = run("copy /Y %windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\machine.config %TEMP%\\m.bak");
    assertThat(r.stdout()).isEqualTo("        1 file(s) copied.\r\n");
    assertThat(r.exitCode()).isZero();
    assertThat(host.readFile("%TEMP%\\m.bak")).contains(
        host.readFile(host.configPath("v4.0", 64, false)).orElseThrow());
    CommandResult missing = run("copy /Y %TEMP%\\none.txt %TEMP%\\x.txt");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).isEqualTo("The system cannot find the file specified.\r\n");
    assertThat(missing.stdout()).isEqualTo("        0 file(s) copied.\r\n");
    assertThat(run("copy %TEMP%\\m.bak %TEMP%\\m.bak").stderr()).isEqualTo("The file cannot be copied onto itself.\r\n");
    assertThat(run("copy %TEMP%\\m.bak %TEMP%\\m2.bak & copy %TEMP%\\m.bak %TEMP%\\m2.bak").stderr())
        .as("overwriting without /Y would prompt").startsWith("simulator: not emulated:");
  }

  @Test
  void copyWithWildcardsListsEachFile() {
    run("mkdir %TEMP%\\src & echo a> %TEMP%\\src\\a.cfg & echo b> %TEMP%\\src\\b.cfg & mkdir %TEMP%\\dst");
    CommandResult r = run("copy /Y %TEMP%\\src\\*.cfg %TEMP%\\dst\\");
    assertThat(r.stdout()).isEqualTo(host.expand("%TEMP%") + "\\src\\a.cfg\r\n" + host.expand("%TEMP%")
        + "\\src\\b.cfg\r\n        2 file(s) copied.\r\n");
    assertThat(host.listDirectory("%TEMP%\\dst")).containsExactly("a.cfg", "b.cfg");
  }

  @Test
  void delHandlesWildcardsMissingFilesAndPrompts() {
    run("echo a> %TEMP%\\a.bak & echo b> %TEMP%\\b.bak & echo k> %TEMP%\\keep.txt");
    CommandResult r = run("del /q %TEMP%\\*.bak");
    assertThat(r.exitCode()).isZero();
    assertThat(host.listDirectory("%TEMP%")).containsExactly("keep.txt");
    CommandResult none = run("del %TEMP%\\*.bak");
    assertThat(none.stderr()).isEqualTo("Could Not Find " + host.expand("%TEMP%") + "\\*.bak\r\n");
    assertThat(none.exitCode()).as("del does not fail for a missing file").isZero();
    assertThat(run("del C:\\no\\such\\dir\\x.txt").exitCode()).isEqualTo(1);
    assertThat(run("del %TEMP%\\*").stderr()).startsWith("simulator: not emulated:");
    assertThat(run("del /q %TEMP%\\*").exitCode()).isZero();
    assertThat(host.listDirectory("%TEMP%")).isEmpty();
  }

  @Test
  void dirBareListsWithOrderAndAttributes() {
    run("mkdir %TEMP%\\d & mkdir %TEMP%\\d\\sub & echo b> %TEMP%\\d\\b.txt & echo a> %TEMP%\\d\\A.txt & echo c> %TEMP%\\d\\c.log");
    assertThat(run("dir /b %TEMP%\\d").stdout()).isEqualTo("A.txt\r\nb.txt\r\nc.log\r\nsub\r\n");
    assertThat(run("dir /b /a-d %TEMP%\\d").stdout()).isEqualTo("A.txt\r\nb.txt\r\nc.log\r\n");
    assertThat(run("dir /b /ad %TEMP%\\d").stdout()).isEqualTo("sub\r\n");
    assertThat(run("dir /b /o:-n %TEMP%\\d\\*.txt").stdout()).isEqualTo("b.txt\r\nA.txt\r\n");
    assertThat(run("dir /b/o-d %TEMP%\\d\\*.txt").stdout()).isEqualTo("A.txt\r\nb.txt\r\n");
    CommandResult none = run("dir /b %TEMP%\\d\\*.none");
    assertThat(none.stderr()).isEqualTo("File Not Found\r\n");
    assertThat(none.exitCode()).isEqualTo(1);
  }

  @Test
  void aDigitBeforeTheRedirectionIsAHandle() {
    CommandResult r = run("echo 1> %TEMP%\\h.txt & type %TEMP%\\h.txt");
    assertThat(r.stdout()).as("echo got no text; its 'ECHO is on.' went to the file").isEqualTo("ECHO is on.\r\n");
    assertThat(run("echo v2> %TEMP%\\v.txt & type %TEMP%\\v.txt").stdout()).isEqualTo("v2 \r\n");
  }

  @Test
  void cdChangesTheDirectoryForTheRestOfTheLine() {
    assertThat(run("cd").stdout()).isEqualTo("C:\\Users\\farmadmin\r\n");
    assertThat(run("cd %windir%\\system32 & cd").stdout()).isEqualTo("C:\\Windows\\system32\r\n");
    assertThat(run("cd C:\\nowhere").exitCode()).isEqualTo(1);
  }

  @Test
  void exitEndsTheLineWithItsCode() {
    CommandResult r = run("echo a & exit /b 7 & echo b");
    assertThat(r.stdout()).isEqualTo("a \r\n");
    assertThat(r.exitCode()).isEqualTo(7);
  }

  @Test
  void syntaxErrorsRunNothing() {
    CommandResult r = run("echo a & (echo b");
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("The syntax of the command is incorrect.\r\n");
    assertThat(r.exitCode()).isEqualTo(255);
  }

  @Test
  void linesOverTheCmdLimitAreRejected() {
    CommandResult r = run("echo " + "x".repeat(8200));
    assertThat(r.stderr()).isEqualTo("The command line is too long.\r\n");
    assertThat(r.stdout()).isEmpty();
    assertThat(run("echo " + "x".repeat(8000)).exitCode()).isZero();
  }

  @Test
  void typePrintsExactBytesIncludingTheBom() {
    byte[] file = host.readFile(host.configPath("v4.0", 64, false)).orElseThrow();
    assertThat(file[0] & 0xFF).isEqualTo(0xEF);
    byte[] typed = WindowsHost.consoleBytes(run("type %windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\machine.config").stdout());
    assertThat(typed).isEqualTo(file);
    assertThat(new String(typed, StandardCharsets.UTF_8)).contains("\r\n<configuration>\r\n");
  }

  @Test
  void pathsAreCaseInsensitiveAndShortNamesResolve() {
    assertThat(run("type C:\\WINDOWS\\microsoft.net\\FRAMEWORK64\\V4.0.30319\\config\\MACHINE.CONFIG >nul").exitCode()).isZero();
    WindowsHost old = TestHosts.iis6();
    assertThat(old.expand("%TEMP%")).isEqualTo("C:\\DOCUME~1\\farmadmin\\LOCALS~1\\Temp");
    old.run("echo x> %TEMP%\\short.txt");
    assertThat(old.readFile("C:\\Documents and Settings\\farmadmin\\Local Settings\\Temp\\short.txt"))
        .contains("x\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(old.expand("%windir%")).isEqualTo("C:\\WINDOWS");
  }
}
