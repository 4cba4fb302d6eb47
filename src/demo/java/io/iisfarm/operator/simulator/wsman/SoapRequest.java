package io.iisfarm.operator.simulator.wsman;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One WS-Management request envelope, read by local names only: pywinrm writes {@code env:}/{@code a:}
 * prefixes with the Action late in the header, winrm4j (CXF) writes its own prefixes and order, and
 * both are the same message.
 */
final class SoapRequest {
  /** MaxEnvelopeSize both pywinrm and winrm4j send; WinRM's own default is 500 KB. */
  static final int DEFAULT_MAX_ENVELOPE_SIZE = 153_600;
  /** WS-Management's default OperationTimeout when the header carries none (winrm4j: PT60S). */
  static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

  private static final DocumentBuilderFactory FACTORY = newFactory();
  /** A builder per I/O thread: making one per request costs more than parsing the envelope. */
  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser", e);
    }
  });

  private final String action;
  private final String messageId;
  private final String resourceUri;
  private final int maxEnvelopeSize;
  private final Duration operationTimeout;
  private final Map<String, String> selectors;
  private final Map<String, String> options;
  private final Element bodyContent;

  private SoapRequest(String action, String messageId, String resourceUri, int maxEnvelopeSize,
      Duration operationTimeout, Map<String, String> selectors, Map<String, String> options,
      Element bodyContent) {
    this.action = action;
    this.messageId = messageId;
    this.resourceUri = resourceUri;
    this.maxEnvelopeSize = maxEnvelopeSize;
    this.operationTimeout = operationTimeout;
    this.selectors = selectors;
    this.options = options;
    this.bodyContent = bodyContent;
  }

  /** Parses an envelope; the encoding comes from its XML declaration or byte-order mark. */
  static SoapRequest parse(byte[] body) throws MalformedRequestException {
    Document document;
    try {
      DocumentBuilder builder = BUILDER.get();
      builder.reset();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw new MalformedRequestException("request is not well-formed XML");
    }
    Element envelope = document.getDocumentElement();
    if (!"Envelope".equals(envelope.getLocalName())) {
      throw new MalformedRequestException("request is not a SOAP envelope");
    }
    Element header = child(envelope, "Header")
        .orElseThrow(() -> new MalformedRequestException("SOAP envelope has no Header"));
    Element body1 = child(envelope, "Body")
        .orElseThrow(() -> new MalformedRequestException("SOAP envelope has no Body"));
    String action = child(header, "Action").map(SoapRequest::text)
        .orElseThrow(() -> new MalformedRequestException("SOAP header has no Action"));
    String messageId = child(header, "MessageID").map(SoapRequest::text).orElse("");
    String resourceUri = child(header, "ResourceURI").map(SoapRequest::text).orElse("");
    int maxEnvelope = child(header, "MaxEnvelopeSize").map(SoapRequest::text)
        .map(SoapRequest::parseIntOrDefault).orElse(DEFAULT_MAX_ENVELOPE_SIZE);
    Duration timeout = child(header, "OperationTimeout").map(SoapRequest::text)
        .map(SoapRequest::parseDuration).orElse(DEFAULT_OPERATION_TIMEOUT);
    Map<String, String> selectors = named(header, "SelectorSet", "Selector");
    Map<String, String> options = named(header, "OptionSet", "Option");
    Element content = firstElement(body1);
    return new SoapRequest(action, messageId, resourceUri, maxEnvelope, timeout, selectors, options,
        content);
  }

  String action() {
    return action;
  }

  String messageId() {
    return messageId;
  }

  String resourceUri() {
    return resourceUri;
  }

  int maxEnvelopeSize() {
    return maxEnvelopeSize;
  }

  Duration operationTimeout() {
    return operationTimeout;
  }

  Optional<String> selector(String name) {
    return Optional.ofNullable(selectors.get(name));
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** The first element inside the SOAP Body, or null for an empty body (Delete). */
  Element bodyContent() {
    return bodyContent;
  }

  static Optional<Element> child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  static String text(Element e) {
    return e.getTextContent() == null ? "" : e.getTextContent().trim();
  }

  /** An attribute by local name, whatever namespace (if any) the client put it in. */
  static Optional<String> attribute(Element e, String localName) {
    if (e.hasAttribute(localName)) {
      return Optional.of(e.getAttribute(localName));
    }
    var attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      if (localName.equals(a.getLocalName())) {
        return Optional.of(a.getNodeValue());
      }
    }
    return Optional.empty();
  }

  private static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static Map<String, String> named(Element header, String set, String item) {
    Map<String, String> values = new LinkedHashMap<>();
    child(header, set).ifPresent(s -> children(s, item).forEach(
        e -> attribute(e, "Name").ifPresent(name -> values.put(name, text(e)))));
    return values;
  }

  private static int parseIntOrDefault(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return DEFAULT_MAX_ENVELOPE_SIZE;
    }
  }

  /** xs:duration as WS-Management clients send it: {@code PT60S}, {@code PT60.000S}, {@code PT1M}. */
  static Duration parseDuration(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return DEFAULT_OPERATION_TIMEOUT;
    }
  }

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setXIncludeAware(false);
    try {
      // a SOAP message never carries a DTD; refusing one closes XXE and entity expansion
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks secure processing", e);
    }
    return f;
  }

  /** The request could not be read as a SOAP envelope. */
  static final class MalformedRequestException extends Exception {
    MalformedRequestException(String message) {
      super(message);
    }
  }
}
