package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.HostDefinition.Framework;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Whether the ASP.NET configuration of one runtime and bitness loads: its machine.config and root web.config,
 * as far as the simulated hosts model them. What fails:
 * <ul>
 *   <li>a file that is not well-formed XML;
 *   <li>a second machine-level {@code <machineKey>} (top of {@code system.web}, or in a {@code <location>} of the
 *       file's own level: no path, {@code ""} or {@code "."}); IIS: "There is a duplicate 'system.web/machineKey'
 *       section defined";
 *   <li>a {@code <machineKey>} attribute the runtime does not know ("Unrecognized attribute 'x'. Note that
 *       attribute names are case-sensitive."): .NET 2.0 knows validationKey, decryptionKey, validation and
 *       decryption, and compatibilityMode from 2.0 SP2 on (MachineKeySection.CompatibilityMode in the .NET 3.5
 *       reference); 4.x adds applicationName and dataProtectorType; every section takes the lock* attributes,
 *       configSource and configProtectionProvider;
 *   <li>a value it does not know for validation, decryption or compatibilityMode (Framework45 and HMACSHA* exist
 *       only in 4.x); values are compared case-sensitively, as written in the documentation;
 *   <li>a root web.config {@code <machineKey>} while machine.config locks it with {@code allowOverride="false"} or
 *       {@code overrideMode="Deny"}.
 * </ul>
 * An encrypted element (configProtectionProvider with EncryptedData) loads: the host holds the key container.
 */
final class AspNetConfiguration {
  /** One reason the configuration does not load, where IIS's configuration error names it. */
  record Error(String file, int line, String description) {
    @Override
    public String toString() {
      return file + " line " + line + ": " + description;
    }
  }

  private static final Set<String> SECTION_ATTRIBUTES = Set.of("lockAttributes", "lockAllAttributesExcept",
      "lockElements", "lockAllElementsExcept", "lockItem", "configSource", "configProtectionProvider");

  private AspNetConfiguration() {}

  /** The first errors of each file of {@code framework} on the host, machine.config first. */
  static List<Error> errors(HostRuntime host, Framework framework) {
    String dir = host.windir() + "\\Microsoft.NET\\" + (framework.bitness() == 64 ? "Framework64" : "Framework") + "\\"
        + framework.folder() + "\\CONFIG\\";
    List<Error> errors = new ArrayList<>();
    FileScan machine = scan(host, dir + "machine.config", framework, errors);
    FileScan web = scan(host, dir + "web.config", framework, errors);
    if (machine != null && machine.locked && web != null && web.machineKeyLine > 0) {
      errors.add(new Error(dir + "web.config", web.machineKeyLine, "This configuration section cannot be used at"
          + " this path. This happens when the section is locked at a parent level. Locking is either by default"
          + " (overrideModeDefault=\"Deny\"), or set explicitly by a location tag with overrideMode=\"Deny\" or the"
          + " legacy allowOverride=\"false\"."));
    }
    return errors;
  }

  /** What a file held that matters across files; null when it is missing or broken. */
  private static final class FileScan extends DefaultHandler {
    final String path;
    final Framework framework;
    final List<Error> errors;
    final List<String> stack = new ArrayList<>();
    Locator locator;
    int locationDepth = -1;
    boolean locationLocks;
    boolean locked;
    int machineKeyLine;

    FileScan(String path, Framework framework, List<Error> errors) {
      this.path = path;
      this.framework = framework;
      this.errors = errors;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      stack.add(qName);
      int depth = stack.size();
      if (depth == 2 && qName.equals("location")) {
        String where = attributes.getValue("path");
        if (where == null || where.isBlank() || where.strip().equals(".")) {
          locationDepth = 2;
          locationLocks = "false".equals(attributes.getValue("allowOverride"))
              || "Deny".equals(attributes.getValue("overrideMode"));
        }
      }
      boolean topLevel = depth == 3 && stack.get(1).equals("system.web");
      boolean inOwnLocation = depth == 4 && locationDepth == 2 && stack.get(2).equals("system.web");
      if (qName.equals("machineKey") && stack.get(0).equals("configuration") && (topLevel || inOwnLocation)) {
        machineKey(attributes, inOwnLocation && locationLocks);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (stack.size() == locationDepth) {
        locationDepth = -1;
      }
      stack.remove(stack.size() - 1);
    }

    private void machineKey(Attributes attributes, boolean lockedHere) {
      int line = locator.getLineNumber();
      if (machineKeyLine > 0) {
        errors.add(new Error(path, line, "There is a duplicate 'system.web/machineKey' section defined"));
        return;
      }
      machineKeyLine = line;
      locked = lockedHere;
      boolean v2 = framework.isV2();
      for (int i = 0; i < attributes.getLength(); i++) {
        String name = attributes.getQName(i);
        if (name.equals("xmlns") || name.startsWith("xmlns:") || SECTION_ATTRIBUTES.contains(name)) {
          continue;
        }
        boolean known = switch (name) {
          case "validationKey", "decryptionKey", "validation", "decryption" -> true;
          case "compatibilityMode" -> !v2 || framework.effectiveServicePack() >= 2;
          case "applicationName", "dataProtectorType" -> !v2;
          default -> false;
        };
        if (!known) {
          errors.add(new Error(path, line, "Unrecognized attribute '" + name + "'. Note that attribute names are"
              + " case-sensitive."));
          return;
        }
      }
      value(attributes, "validation", line, v2 ? Set.of("SHA1", "MD5", "3DES", "AES")
          : Set.of("SHA1", "MD5", "3DES", "AES", "HMACSHA256", "HMACSHA384", "HMACSHA512"));
      value(attributes, "decryption", line, Set.of("Auto", "DES", "3DES", "AES"));
      value(attributes, "compatibilityMode", line, v2 ? Set.of("Framework20SP1", "Framework20SP2")
          : Set.of("Framework20SP1", "Framework20SP2", "Framework45"));
    }

    private void value(Attributes attributes, String name, int line, Set<String> allowed) {
      String value = attributes.getValue(name);
      boolean custom = !framework.isV2() && value != null && value.startsWith("alg:");
      if (value != null && !allowed.contains(value) && !custom) {
        errors.add(new Error(path, line, "The value of attribute '" + name + "' is not one of " + allowed.stream()
            .sorted().toList()));
      }
    }
  }

  private static FileScan scan(HostRuntime host, String path, Framework framework, List<Error> errors) {
    if (!host.fs.isFile(path)) {
      return null;
    }
    FileScan scan = new FileScan(path, framework, errors);
    try {
      parser().parse(new ByteArrayInputStream(host.fs.read(path)), scan);
      return scan;
    } catch (SAXParseException e) {
      errors.add(new Error(path, Math.max(0, e.getLineNumber()), "Configuration file is not well-formed XML"));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      errors.add(new Error(path, 0, "Configuration file is not well-formed XML"));
    }
    return null;
  }

  private static SAXParser parser() throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newSAXParser();
  }
}
