package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The redirection.config an IIS7+ host is built with. */
final class RedirectionConfigFile {
  private RedirectionConfigFile() {}

  /**
   * {@code %windir%\system32\inetsrv\config\redirection.config} as IIS installs it, or pointing at the shared
   * store with the user and the encrypted password the Shared Configuration dialog writes
   * (learn.microsoft.com/iis/configuration/configurationredirection, "Configuration Sample").
   */
  static byte[] of(String hostName, String sharedConfiguration) {
    String redirection = sharedConfiguration == null ? "<configurationRedirection />"
        : "<configurationRedirection enabled=\"true\" path=\"" + sharedConfiguration.replace("&", "&amp;")
            .replace("\"", "&quot;") + "\" userName=\"" + hostName.toUpperCase(Locale.ROOT) + "\\iisconfig\""
            + " password=\"[enc:IISRsaProvider:" + java.util.HexFormat.of().formatHex(randomBytes(20)) + ":enc]\" />";
    String text = "<configuration>\r\n\r\n    <configSections>\r\n"
        + "        <section name=\"configurationRedirection\" />\r\n    </configSections>\r\n\r\n"
        + "    <configProtectedData>\r\n        <providers>\r\n"
        + "            <add name=\"IISRsaProvider\" type=\"\" description=\"Uses RsaCryptoServiceProvider to encrypt"
        + " and decrypt\" keyContainerName=\"iisConfigurationKey\" cspProviderName=\"\" useMachineContainer=\"true\""
        + " useOAEP=\"false\" />\r\n        </providers>\r\n    </configProtectedData>\r\n\r\n"
        + "    " + redirection + "\r\n\r\n</configuration>\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
