package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.HostDefinition.ConfigFile;
import io.iisfarm.operator.simulator.windows.HostDefinition.MachineKey;
import io.iisfarm.operator.simulator.windows.HostDefinition.SessionState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Generates machine.config, the root web.config and site web.config files modelled on the files the
 * .NET Framework installs in {@code %windir%\Microsoft.NET\Framework[64]\<version>\CONFIG}: the XML
 * declaration, the header comment, {@code configSections}, {@code configProtectedData} (with the tab
 * indentation the shipped file has) and {@code system.web}. The shipped files are abridged (fewer
 * section declarations and providers); every line ends in CRLF.
 */
final class ConfigTemplates {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ConfigTemplates() {}

  static byte[] machineConfig(boolean v2, ConfigFile def) {
    String ver = v2 ? "2.0.0.0" : "4.0.0.0";
    String web = "System.Web, Version=" + ver + ", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
    String cfg = "System.Configuration, Version=" + ver + ", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
    String sys = "System, Version=" + ver + ", Culture=neutral, PublicKeyToken=b77a5c561934e089";
    StringBuilder s = new StringBuilder();
    s.append("""
        <?xml version="1.0" encoding="UTF-8" ?>
        <!--
            Please refer to machine.config.comments for a description and
            the default values of each configuration section.

            For a full documentation of the schema please refer to
            http://go.microsoft.com/fwlink/?LinkId=42127

            To improve performance, machine.config should contain only those
            settings that differ from their defaults.
        -->
        <configuration>
            <configSections>
        """);
    s.append(section(8, "appSettings", "System.Configuration.AppSettingsSection, " + cfg,
        " restartOnExternalChanges=\"false\" requirePermission=\"false\""));
    s.append(section(8, "connectionStrings", "System.Configuration.ConnectionStringsSection, " + cfg,
        " requirePermission=\"false\""));
    s.append(section(8, "runtime", "System.Configuration.IgnoreSection, " + cfg, " allowLocation=\"false\""));
    s.append(section(8, "system.data", "System.Data.Common.DbProviderFactoriesConfigurationHandler, System.Data, Version="
        + ver + ", Culture=neutral, PublicKeyToken=b77a5c561934e089", ""));
    s.append(section(8, "system.diagnostics", "System.Diagnostics.SystemDiagnosticsSection, " + sys, ""));
    s.append("        <sectionGroup name=\"system.web\" type=\"System.Web.Configuration.SystemWebSectionGroup, ")
        .append(web).append("\">\n");
    String m2a = " allowDefinition=\"MachineToApplication\"";
    s.append(section(12, "anonymousIdentification", "System.Web.Configuration.AnonymousIdentificationSection, " + web, m2a));
    s.append(section(12, "authentication", "System.Web.Configuration.AuthenticationSection, " + web, m2a));
    s.append(section(12, "authorization", "System.Web.Configuration.AuthorizationSection, " + web, ""));
    s.append(section(12, "compilation", "System.Web.Configuration.CompilationSection, " + web, " requirePermission=\"false\""));
    s.append(section(12, "customErrors", "System.Web.Configuration.CustomErrorsSection, " + web, ""));
    if (!v2) {
      s.append(section(12, "fullTrustAssemblies", "System.Web.Configuration.FullTrustAssembliesSection, " + web, m2a));
    }
    s.append(section(12, "globalization", "System.Web.Configuration.GlobalizationSection, " + web, ""));
    s.append(section(12, "httpHandlers", "System.Web.Configuration.HttpHandlersSection, " + web, ""));
    s.append(section(12, "httpModules", "System.Web.Configuration.HttpModulesSection, " + web, ""));
    s.append(section(12, "httpRuntime", "System.Web.Configuration.HttpRuntimeSection, " + web, ""));
    s.append(section(12, "machineKey", "System.Web.Configuration.MachineKeySection, " + web, m2a));
    s.append(section(12, "membership", "System.Web.Configuration.MembershipSection, " + web, m2a));
    s.append(section(12, "pages", "System.Web.Configuration.PagesSection, " + web, " requirePermission=\"false\""));
    s.append(section(12, "processModel", "System.Web.Configuration.ProcessModelSection, " + web,
        " allowDefinition=\"MachineOnly\" allowLocation=\"false\""));
    s.append(section(12, "profile", "System.Web.Configuration.ProfileSection, " + web, m2a));
    s.append(section(12, "roleManager", "System.Web.Configuration.RoleManagerSection, " + web, m2a));
    s.append(section(12, "securityPolicy", "System.Web.Configuration.SecurityPolicySection, " + web, m2a));
    s.append(section(12, "sessionState", "System.Web.Configuration.SessionStateSection, " + web, m2a));
    s.append(section(12, "trust", "System.Web.Configuration.TrustSection, " + web, m2a));
    s.append("        </sectionGroup>\n");
    s.append("    </configSections>\n\n");
    s.append("    <configProtectedData defaultProvider=\"RsaProtectedConfigurationProvider\">\n");
    s.append("        <providers>\n");
    s.append("            <add name=\"RsaProtectedConfigurationProvider\"\n");
    s.append("\t\t\t\ttype=\"System.Configuration.RsaProtectedConfigurationProvider,").append(cfg).append("\"\n");
    s.append("\t\t\t\tdescription=\"Uses RsaCryptoServiceProvider to encrypt and decrypt\"\n");
    s.append("\t\t\t\tkeyContainerName=\"NetFrameworkConfigurationKey\"\n");
    s.append("\t\t\t\tcspProviderName=\"\"\n");
    s.append("\t\t\t\tuseMachineContainer=\"true\"\n");
    s.append("\t\t\t\tuseOAEP=\"false\" />\n\n");
    s.append("            <add name=\"DataProtectionConfigurationProvider\"\n");
    s.append("\t\t\t\ttype=\"System.Configuration.DpapiProtectedConfigurationProvider,").append(cfg).append("\"\n");
    s.append("\t\t\t\tdescription=\"Uses CryptProtectData and CryptUnProtectData Windows APIs to encrypt and decrypt\"\n");
    s.append("\t\t\t\tuseMachineProtection=\"true\"\n");
    s.append("\t\t\t\tkeyEntropy=\"\" />\n");
    s.append("        </providers>\n");
    s.append("    </configProtectedData>\n\n");
    s.append("    <runtime />\n\n");
    s.append("    <connectionStrings>\n");
    s.append("        <add name=\"LocalSqlServer\" connectionString=\"data source=.\\SQLEXPRESS;Integrated Security=SSPI;"
        + "AttachDBFilename=|DataDirectory|aspnetdb.mdf;User Instance=true\" providerName=\"System.Data.SqlClient\" />\n");
    s.append("    </connectionStrings>\n\n");
    s.append("    <system.data>\n        <DbProviderFactories />\n    </system.data>\n\n");
    s.append("    <system.web>\n");
    s.append("        <processModel autoConfig=\"true\" />\n\n");
    s.append("        <httpHandlers />\n\n");
    appendSettings(s, def, 8);
    s.append("        <membership>\n");
    s.append("            <providers>\n");
    s.append("                <add name=\"AspNetSqlMembershipProvider\" type=\"System.Web.Security.SqlMembershipProvider, ")
        .append(web).append("\" connectionStringName=\"LocalSqlServer\" enablePasswordRetrieval=\"false\" ")
        .append("enablePasswordReset=\"true\" requiresQuestionAndAnswer=\"true\" applicationName=\"/\" ")
        .append("requiresUniqueEmail=\"false\" passwordFormat=\"Hashed\" maxInvalidPasswordAttempts=\"5\" ")
        .append("minRequiredPasswordLength=\"7\" minRequiredNonalphanumericCharacters=\"1\" passwordAttemptWindow=\"10\" ")
        .append("passwordStrengthRegularExpression=\"\" />\n");
    s.append("            </providers>\n");
    s.append("        </membership>\n\n");
    s.append("        <roleManager>\n");
    s.append("            <providers>\n");
    s.append("                <add name=\"AspNetSqlRoleProvider\" connectionStringName=\"LocalSqlServer\" applicationName=\"/\" ")
        .append("type=\"System.Web.Security.SqlRoleProvider, ").append(web).append("\" />\n");
    s.append("                <add name=\"AspNetWindowsTokenRoleProvider\" applicationName=\"/\" ")
        .append("type=\"System.Web.Security.WindowsTokenRoleProvider, ").append(web).append("\" />\n");
    s.append("            </providers>\n");
    s.append("        </roleManager>\n");
    s.append("    </system.web>\n\n");
    if (def != null && def.machineKey() != null && def.machineKey().locked()) {
      // "Locking Configuration Settings" (ASP.NET): a location of the file's own level with allowOverride="false"
      s.append("    <location path=\".\" allowOverride=\"false\">\n        <system.web>\n");
      s.append(machineKeyElement(def.machineKey(), 12)).append("\n");
      s.append("        </system.web>\n    </location>\n\n");
    }
    s.append("</configuration>\n");
    return encode(s, def);
  }

  static byte[] rootWebConfig(boolean v2, ConfigFile def) {
    String ver = v2 ? "2.0.0.0" : "4.0.0.0";
    StringBuilder s = new StringBuilder();
    s.append("""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- the root web configuration file -->
        <configuration>

            <!--
                Using a location directive with a missing path attribute
                scopes the configuration to the entire machine.  If used in
                conjunction with allowOverride="false", it can be used to
                prevent configuration from being altered on the machine

                Administrators that want to restrict permissions granted to
                web applications should change the default Trust level and ensure
                that overrides are not allowed
            -->
            <location allowOverride="true">
                <system.web>
                    <securityPolicy>
                        <trustLevel name="Full" policyFile="internal" />
                        <trustLevel name="High" policyFile="web_hightrust.config" />
                        <trustLevel name="Medium" policyFile="web_mediumtrust.config" />
                        <trustLevel name="Low"  policyFile="web_lowtrust.config" />
                        <trustLevel name="Minimal" policyFile="web_minimaltrust.config" />
                    </securityPolicy>
                    <trust level="Full" originUrl="" />
                </system.web>
            </location>

            <system.web>
                <authorization>
                    <allow users="*" />
                </authorization>

        """);
    if (!v2) {
      s.append("        <fullTrustAssemblies />\n        <partialTrustVisibleAssemblies />\n\n");
    }
    s.append("""
                <httpHandlers>
                    <add path="trace.axd" verb="*" type="System.Web.Handlers.TraceHandler" validate="True" />
                    <add path="WebResource.axd" verb="GET" type="System.Web.Handlers.AssemblyResourceLoader" validate="True" />
                    <add path="*.aspx" verb="*" type="System.Web.UI.PageHandlerFactory" validate="True" />
                    <add path="*.config" verb="*" type="System.Web.HttpForbiddenHandler" validate="True" />
                    <add path="*" verb="GET,HEAD,POST" type="System.Web.DefaultHttpHandler" validate="True" />
                </httpHandlers>

                <httpModules>
                    <add name="OutputCache" type="System.Web.Caching.OutputCacheModule" />
                    <add name="Session" type="System.Web.SessionState.SessionStateModule" />
                    <add name="WindowsAuthentication" type="System.Web.Security.WindowsAuthenticationModule" />
                    <add name="FormsAuthentication" type="System.Web.Security.FormsAuthenticationModule" />
                    <add name="UrlAuthorization" type="System.Web.Security.UrlAuthorizationModule" />
                    <add name="FileAuthorization" type="System.Web.Security.FileAuthorizationModule" />
                    <add name="RoleManager" type="System.Web.Security.RoleManagerModule" />
        """);
    if (!v2) {
      s.append("            <add name=\"UrlRoutingModule-4.0\" type=\"System.Web.Routing.UrlRoutingModule\" />\n");
    }
    s.append("        </httpModules>\n\n");
    s.append("        <compilation>\n            <assemblies>\n");
    s.append("                <add assembly=\"mscorlib\" />\n");
    s.append("                <add assembly=\"System, Version=").append(ver)
        .append(", Culture=neutral, PublicKeyToken=b77a5c561934e089\" />\n");
    s.append("                <add assembly=\"System.Configuration, Version=").append(ver)
        .append(", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a\" />\n");
    s.append("                <add assembly=\"System.Web, Version=").append(ver)
        .append(", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a\" />\n");
    s.append("                <add assembly=\"*\" />\n");
    s.append("            </assemblies>\n        </compilation>\n");
    if (def != null && (def.machineKey() != null || def.sessionState() != null)) {
      s.append('\n');
      appendSettings(s, def, 8);
    }
    s.append("    </system.web>\n\n</configuration>\n");
    return encode(s, def);
  }

  /** A site's or application's own web.config, as Visual Studio generates it. */
  static byte[] siteWebConfig(boolean targetsV4, ConfigFile def) {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.append("<configuration>\n  <system.web>\n");
    s.append(targetsV4 ? "    <compilation debug=\"false\" targetFramework=\"4.0\" />\n"
        : "    <compilation debug=\"false\" />\n");
    s.append("    <customErrors mode=\"RemoteOnly\" />\n");
    appendSettings(s, def, 4);
    s.append("  </system.web>\n</configuration>\n");
    return encode(s, def);
  }

  private static String section(int indent, String name, String type, String extra) {
    return " ".repeat(indent) + "<section name=\"" + name + "\" type=\"" + type + "\"" + extra + " />\n";
  }

  private static void appendSettings(StringBuilder s, ConfigFile def, int indent) {
    if (def == null) {
      return;
    }
    String pad = " ".repeat(indent);
    if (def.machineKey() != null && !def.machineKey().locked()) {
      s.append(machineKeyElement(def.machineKey(), indent)).append("\n\n");
    }
    if (def.sessionState() != null) {
      SessionState st = def.sessionState();
      StringBuilder e = new StringBuilder("<sessionState");
      attr(e, "mode", st.mode());
      attr(e, "stateConnectionString", st.stateConnectionString());
      attr(e, "sqlConnectionString", st.sqlConnectionString());
      attr(e, "cookieless", st.cookieless());
      attr(e, "timeout", st.timeout() == null ? null : st.timeout().toString());
      s.append(pad).append(e).append(" />\n\n");
    }
  }

  /**
   * The {@code <machineKey>} element at {@code indent} spaces: self-closing with the attributes that are set, in
   * schema order, or, with {@code protectedBy}, encrypted as {@code aspnet_regiis -pe} writes it (the XML
   * Encryption layout of "Encrypting Configuration Information Using Protected Configuration"; the cipher values
   * here are random bytes, never derived from the key).
   */
  static String machineKeyElement(MachineKey key, int indent) {
    String pad = " ".repeat(indent);
    if (key.protectedBy() != null) {
      return encrypted(key.protectedBy(), pad);
    }
    StringBuilder e = new StringBuilder(pad).append("<machineKey");
    attr(e, "validationKey", key.validationKey());
    attr(e, "decryptionKey", key.decryptionKey());
    attr(e, "validation", key.validation());
    attr(e, "decryption", key.decryption());
    attr(e, "compatibilityMode", key.compatibilityMode());
    return e.append(" />").toString();
  }

  private static String encrypted(String provider, String pad) {
    String in = "    ";
    StringBuilder e = new StringBuilder();
    e.append(pad).append("<machineKey configProtectionProvider=\"").append(escape(provider)).append("\">\n");
    e.append(pad).append(in).append("<EncryptedData Type=\"http://www.w3.org/2001/04/xmlenc#Element\"\n");
    e.append(pad).append(in).append(in).append("xmlns=\"http://www.w3.org/2001/04/xmlenc#\">\n");
    String body = pad + in + in;
    if (provider.startsWith("Rsa")) {
      e.append(body).append("<EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#tripledes-cbc\" />\n");
      e.append(body).append("<KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">\n");
      e.append(body).append(in).append("<EncryptedKey xmlns=\"http://www.w3.org/2001/04/xmlenc#\">\n");
      e.append(body).append(in).append(in)
          .append("<EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-1_5\" />\n");
      e.append(body).append(in).append(in).append("<KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">\n");
      e.append(body).append(in).append(in).append(in).append("<KeyName>Rsa Key</KeyName>\n");
      e.append(body).append(in).append(in).append("</KeyInfo>\n");
      e.append(body).append(in).append(in).append("<CipherData>\n");
      e.append(body).append(in).append(in).append(in).append("<CipherValue>").append(randomBase64(128))
          .append("</CipherValue>\n");
      e.append(body).append(in).append(in).append("</CipherData>\n");
      e.append(body).append(in).append("</EncryptedKey>\n");
      e.append(body).append("</KeyInfo>\n");
    }
    e.append(body).append("<CipherData>\n");
    e.append(body).append(in).append("<CipherValue>").append(randomBase64(304)).append("</CipherValue>\n");
    e.append(body).append("</CipherData>\n");
    e.append(pad).append(in).append("</EncryptedData>\n");
    e.append(pad).append("</machineKey>");
    return e.toString();
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new java.security.SecureRandom().nextBytes(random);
    return java.util.Base64.getEncoder().encodeToString(random);
  }

  private static void attr(StringBuilder e, String name, String value) {
    if (value != null) {
      e.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static byte[] encode(StringBuilder text, ConfigFile def) {
    byte[] body = text.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    if (def == null || !def.hasBom()) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 3);
    out.writeBytes(BOM);
    out.writeBytes(body);
    return out.toByteArray();
  }
}
