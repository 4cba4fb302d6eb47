package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.WinRm;
import io.cloudsoft.winrm4j.client.WinRmClient;
import io.cloudsoft.winrm4j.client.shell.CommandLine;
import io.cloudsoft.winrm4j.client.shell.CommandStateType;
import io.cloudsoft.winrm4j.client.shell.DesiredStreamType;
import io.cloudsoft.winrm4j.client.shell.Receive;
import io.cloudsoft.winrm4j.client.shell.ReceiveResponse;
import io.cloudsoft.winrm4j.client.shell.Shell;
import io.cloudsoft.winrm4j.client.shell.StreamType;
import io.cloudsoft.winrm4j.client.transfer.ResourceCreated;
import io.cloudsoft.winrm4j.client.wsman.Locale;
import io.cloudsoft.winrm4j.client.wsman.OptionSetType;
import io.cloudsoft.winrm4j.client.wsman.OptionType;
import io.cloudsoft.winrm4j.client.wsman.SelectorSetType;
import io.cloudsoft.winrm4j.client.wsman.SelectorType;
import io.cloudsoft.winrm4j.client.wsman.Signal;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.xml.ws.soap.SOAPFaultException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One Windows Remote Shell (MS-WSMV) driven through winrm4j's WS-Management port, byte for byte.
 *
 * <p>winrm4j's own {@code ShellCommand} turns each Receive's bytes into text with the JVM's default charset,
 * one response at a time, and sends the shell code page 437 without saying so. This class asks for code page
 * 437 itself ({@code WINRS_CODEPAGE}, which every Windows release honours, Server 2003's WinRM 2.0 included),
 * keeps every stream's bytes until the command is done, and decodes them once with that code page; a
 * character split over two Receive responses (output larger than one envelope) survives. It also ends a
 * command it gives up on (Signal {@code terminate}) so that no command is left behind in the shell.
 */
final class CmdShell {

  /** The OEM code page of en-US Windows; what the shell is asked to write its console output in. */
  static final int CODE_PAGE = 437;
  static final Charset CHARSET = Charset.forName("IBM" + CODE_PAGE);
  /**
   * Largest response accepted, in bytes: 150 KB, the MaxEnvelopeSizekb of WinRM 2.0 (Server 2003 with WMF 2.0,
   * Server 2008 R2) and below the 500 KB of later releases, so every host can answer it. Larger output comes
   * in several Receive responses.
   */
  static final int MAX_ENVELOPE_SIZE = 153_600;

  static final String RESOURCE_URI = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
  private static final String DONE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done";
  private static final String TERMINATE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate";
  /** MS-WSMV 3.1.4.14: no output yet within the OperationTimeout; the client asks again. */
  static final String OPERATION_TIMED_OUT = "2150858793";
  /** ERROR_WSMAN_UNEXPECTED_SELECTORS: the shell or command is already gone. */
  static final String NOT_FOUND = "2150858843";

  /** What one command printed, as bytes in the shell's code page, and its exit code. */
  record Output(int exitCode, byte[] stdout, byte[] stderr) {
    String stdoutText() { return new String(stdout, CHARSET); }

    String stderrText() { return new String(stderr, CHARSET); }
  }

  private final WinRm port;
  private final String operationTimeout;
  private final Locale locale;
  private final SelectorSetType selector;

  private CmdShell(WinRm port, String operationTimeout, Locale locale, SelectorSetType selector) {
    this.port = port;
    this.operationTimeout = operationTimeout;
    this.locale = locale;
    this.selector = selector;
  }

  /** Creates the shell on the host: cmd.exe, code page {@value #CODE_PAGE}, the user's profile loaded. */
  static CmdShell create(WinRmClient client, Duration wsmanOperationTimeout) {
    WinRm port = portOf(client);
    Locale locale = new Locale();
    locale.setLang("en-US");
    String timeout = xsDuration(wsmanOperationTimeout);
    Shell shell = new Shell();
    shell.getInputStreams().add("stdin");
    shell.getOutputStreams().add("stdout");
    shell.getOutputStreams().add("stderr");
    OptionSetType options = new OptionSetType();
    options.getOption().add(option("WINRS_NOPROFILE", "FALSE"));
    options.getOption().add(option("WINRS_CODEPAGE", String.valueOf(CODE_PAGE)));
    ResourceCreated created = port.create(shell, RESOURCE_URI, MAX_ENVELOPE_SIZE, timeout, locale, options);
    return new CmdShell(port, timeout, locale, shellSelector(shellId(created)));
  }

  /**
   * Runs one command line and collects its output until the host reports it done; a Receive that times out
   * on the host (no output yet) is repeated while {@code keepPolling} holds. When polling stops, or any
   * request fails after the command started, the command is ended with a terminate Signal where the host still
   * answers, and the failure is rethrown.
   */
  Output run(String commandLine, BooleanSupplier keepPolling) {
    CommandLine command = new CommandLine();
    command.setCommand(commandLine);
    OptionSetType options = new OptionSetType();
    options.getOption().add(option("WINRS_CONSOLEMODE_STDIN", "TRUE"));
    options.getOption().add(option("WINRS_SKIP_CMD_SHELL", "FALSE"));
    String commandId = port.command(command, RESOURCE_URI, MAX_ENVELOPE_SIZE, operationTimeout, locale, selector,
        options).getCommandId();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    while (true) {
      ReceiveResponse response;
      try {
        response = port.receive(receive(commandId), RESOURCE_URI, MAX_ENVELOPE_SIZE, operationTimeout, locale,
            selector);
      } catch (SOAPFaultException fault) {
        if (OPERATION_TIMED_OUT.equals(faultCode(fault)) && keepPolling.getAsBoolean()) {
          continue;
        }
        if (faultCode(fault) != null) {
          // the host answered: end the command there rather than leave it running in the shell
          try {
            terminateQuietly(commandId);
          } catch (RuntimeException e) {
            fault.addSuppressed(e);
          }
        }
        throw fault;
      }
      for (StreamType stream : response.getStream()) {
        byte[] value = stream.getValue();
        if (value != null && value.length > 0) {
          ("stderr".equals(stream.getName()) ? stderr : stdout).writeBytes(value);
        }
      }
      CommandStateType state = response.getCommandState();
      if (state != null && DONE.equals(state.getState())) {
        int exitCode = state.getExitCode() == null ? 0 : state.getExitCode().intValue();
        terminateQuietly(commandId);
        return new Output(exitCode, stdout.toByteArray(), stderr.toByteArray());
      }
    }
  }

  /** Deletes the shell; a shell the host no longer has counts as deleted. */
  void delete() {
    try {
      port.delete(RESOURCE_URI, MAX_ENVELOPE_SIZE, operationTimeout, locale, selector);
    } catch (SOAPFaultException fault) {
      if (!NOT_FOUND.equals(faultCode(fault))) {
        throw fault;
      }
    }
  }

  /** Releases a command on the host (MS-WSMV 3.1.4.12); one already gone is fine. */
  private void terminateQuietly(String commandId) {
    Signal signal = new Signal();
    signal.setCommandId(commandId);
    signal.setCode(TERMINATE);
    try {
      port.signal(signal, RESOURCE_URI, MAX_ENVELOPE_SIZE, operationTimeout, locale, selector);
    } catch (SOAPFaultException fault) {
      if (!NOT_FOUND.equals(faultCode(fault))) {
        throw fault;
      }
    }
  }

  private static Receive receive(String commandId) {
    DesiredStreamType streams = new DesiredStreamType();
    streams.setCommandId(commandId);
    streams.setValue("stdout stderr");
    Receive receive = new Receive();
    receive.setDesiredStream(streams);
    return receive;
  }

  private static OptionType option(String name, String value) {
    OptionType option = new OptionType();
    option.setName(name);
    option.setValue(value);
    return option;
  }

  private static SelectorSetType shellSelector(String shellId) {
    SelectorType selector = new SelectorType();
    selector.setName("ShellId");
    selector.getContent().add(shellId);
    SelectorSetType set = new SelectorSetType();
    set.getSelector().add(selector);
    return set;
  }

  private static String shellId(ResourceCreated created) {
    for (Element element : created.getAny()) {
      String id = findSelector(element);
      if (id != null && !id.isBlank()) {
        return id.strip();
      }
    }
    throw new IllegalStateException("the Create response names no ShellId");
  }

  private static String findSelector(Node node) {
    if (node instanceof Element e && "Selector".equals(e.getLocalName()) && "ShellId".equals(e.getAttribute("Name"))) {
      return e.getTextContent();
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      String found = findSelector(children.item(i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The WSManFault code of a fault the host sent, or null. */
  static String faultCode(SOAPFaultException fault) {
    return WinRmErrors.wsManFaultCode(fault.getFault());
  }

  /** {@code PT55S}, {@code PT1.5S}: the xs:duration WS-Management headers carry. */
  static String xsDuration(Duration d) {
    return "PT" + BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "S";
  }

  /**
   * winrm4j's configured WS-Management port of a client (authentication, conduit, handlers set up), which
   * {@link WinRmClient} keeps private; read once per client. winrm4j is pinned (0.12.3), and a test fails
   * should the field ever move.
   */
  static WinRm portOf(WinRmClient client) {
    try {
      Field field = WinRmClient.class.getDeclaredField("winrm");
      field.setAccessible(true);
      return (WinRm) field.get(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this winrm4j version does not expose its WS-Management port as expected", e);
    }
  }
}
