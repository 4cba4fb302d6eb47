package io.iisfarm.operator.host;

import java.nio.charset.StandardCharsets;

/**
 * Config files shaped like the ones .NET setup installs (abridged): the comment header, a configSections
 * block that declares a section named "machineKey" (a text search would find it), connection strings,
 * and system.web with its usual first children. Line endings and byte order mark are chosen per test.
 */
final class ConfigFixtures {
  private ConfigFixtures() {}

  static final String V4_MACHINE_CONFIG = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <!--
          Please refer to machine.config.comments for a description and
          the default values of each configuration section.
          Example, not active: <machineKey validationKey="AutoGenerate" />
      -->
      <configuration>
          <configSections>
              <section name="appSettings" type="System.Configuration.AppSettingsSection, System.Configuration, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" restartOnExternalChanges="false" requirePermission="false" />
              <sectionGroup name="system.web" type="System.Web.Configuration.SystemWebSectionGroup, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a">
                  <section name="machineKey" type="System.Web.Configuration.MachineKeySection, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" allowDefinition="MachineToApplication" />
                  <section name="sessionState" type="System.Web.Configuration.SessionStateSection, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" allowDefinition="MachineToApplication" />
              </sectionGroup>
          </configSections>
          <connectionStrings>
              <add name="LocalSqlServer" connectionString="data source=.\\SQLEXPRESS;Integrated Security=SSPI;AttachDBFilename=|DataDirectory|aspnetdb.mdf;User Instance=true" providerName="System.Data.SqlClient"/>
          </connectionStrings>
          <system.data>
              <DbProviderFactories/>
          </system.data>
          <system.web>
              <processModel autoConfig="true"/>
              <httpHandlers/>
              <membership>
                  <providers>
                      <add name="AspNetSqlMembershipProvider" type="System.Web.Security.SqlMembershipProvider, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" connectionStringName="LocalSqlServer" enablePasswordRetrieval="false"/>
                  </providers>
              </membership>
          </system.web>
          <system.serviceModel>
              <extensions/>
          </system.serviceModel>
      </configuration>
      """;

  /** A v2.0 machine.config whose machineKey an admin set by hand, attributes on several lines. */
  static final String V2_MACHINE_CONFIG_WITH_KEY = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <configuration>
      \t<configSections>
      \t\t<sectionGroup name="system.web" type="System.Web.Configuration.SystemWebSectionGroup, System.Web, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a">
      \t\t\t<section name="machineKey" type="System.Web.Configuration.MachineKeySection, System.Web, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" allowDefinition="MachineToApplication"/>
      \t\t</sectionGroup>
      \t</configSections>
      \t<system.web>
      \t\t<!-- farm key: keep in step with the other servers -->
      \t\t<machineKey decryption='3DES'
      \t\t            validationKey="AutoGenerate,IsolateApps"
      \t\t            decryptionKey="AutoGenerate,IsolateApps"   validation="SHA1" applicationName="legacy" />
      \t\t<sessionState mode="SQLServer" sqlConnectionString="data source=SQL01\\ASPSTATE;user id=aspstate;password=Zz9-secret" cookieless="false" timeout="20"/>
      \t\t<processModel autoConfig="true"/>
      \t</system.web>
      </configuration>
      """;

  /**
   * A v4.0 root web.config that also holds a machineKey (it wins over machine.config), and one more in a location
   * that names a site: that one applies to the site only.
   */
  static final String V4_ROOT_WEB_CONFIG = """
      <?xml version="1.0" encoding="utf-8"?>
      <configuration>
        <location path="Default Web Site/legacy" allowOverride="true">
          <system.web>
            <machineKey validationKey="1111" />
          </system.web>
        </location>
        <system.web>
          <machineKey validationKey="0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF" decryptionKey="00112233445566778899AABBCCDDEEFF0011223344556677" validation="HMACSHA256" decryption="AES" compatibilityMode="Framework45"></machineKey>
          <sessionState mode="StateServer" stateConnectionString="tcpip=10.0.0.5:42424" />
        </system.web>
      </configuration>
      """;

  /**
   * A v2.0 machine.config that locks its machineKey the documented way: inside {@code <location path="."
   * allowOverride="false">}, with a sessionState at the top of system.web.
   */
  static final String V2_MACHINE_CONFIG_LOCKED_KEY = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <configuration>
          <system.web>
              <sessionState mode="StateServer" stateConnectionString="tcpip=10.0.0.5:42424" />
          </system.web>
          <location path="." allowOverride="false">
              <system.web>
                  <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" validation="SHA1" />
              </system.web>
          </location>
      </configuration>
      """;

  /** A v4.0 machine.config after {@code aspnet_regiis -pe "system.web/machineKey" -pkm} (cipher values shortened). */
  static final String V4_MACHINE_CONFIG_ENCRYPTED_KEY = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <configuration>
          <system.web>
              <machineKey configProtectionProvider="RsaProtectedConfigurationProvider">
                  <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element"
                      xmlns="http://www.w3.org/2001/04/xmlenc#">
                      <EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#tripledes-cbc" />
                      <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">
                          <EncryptedKey xmlns="http://www.w3.org/2001/04/xmlenc#">
                              <EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-1_5" />
                              <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">
                                  <KeyName>Rsa Key</KeyName>
                              </KeyInfo>
                              <CipherData>
                                  <CipherValue>bW9ja2VkIFJTQSBlbmNyeXB0ZWQgc2Vzc2lvbiBrZXk=</CipherValue>
                              </CipherData>
                          </EncryptedKey>
                      </KeyInfo>
                      <CipherData>
                          <CipherValue>bW9ja2VkIDNERVMgZW5jcnlwdGVkIG1hY2hpbmVLZXkgZWxlbWVudA==</CipherValue>
                      </CipherData>
                  </EncryptedData>
              </machineKey>
          </system.web>
      </configuration>
      """;

  static byte[] crlf(String text) {
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] lf(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] withBom(byte[] bytes) {
    byte[] out = new byte[bytes.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, out, 3, bytes.length);
    return out;
  }
}
