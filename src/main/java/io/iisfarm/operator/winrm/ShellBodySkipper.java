package io.iisfarm.operator.winrm;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Skips the {@code rsp:Shell} element that Windows Server 2012 and later put after {@code ResourceCreated} in a
 * Create response (MS-WSMV 2.2.4.37), which the WSDL's response has no part for, while the body is read.
 *
 * <p>winrm4j removes it with a JAX-WS SOAP handler instead; but any SOAP handler makes CXF copy every message,
 * both ways and whatever the operation, into a SAAJ DOM, and that copy was a large share of the operator's CPU
 * per request. With this interceptor on the bus the clients run without handlers.
 */
final class ShellBodySkipper extends AbstractPhaseInterceptor<Message> {
  static final ShellBodySkipper INSTANCE = new ShellBodySkipper();
  private static final String SHELL_NS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";

  private ShellBodySkipper() {
    super(Phase.UNMARSHAL);
    addBefore(DocLiteralInInterceptor.class.getName());
  }

  @Override
  public void handleMessage(Message message) {
    BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
    XMLStreamReader reader = message.getContent(XMLStreamReader.class);
    if (operation != null && reader != null && "Create".equals(operation.getName().getLocalPart())) {
      message.setContent(XMLStreamReader.class, new Skipping(reader));
    }
  }

  /** A reader that never stops on {@code rsp:Shell} or anything inside it. */
  private static final class Skipping extends StreamReaderDelegate {
    Skipping(XMLStreamReader reader) {
      super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
      int event = super.next();
      while (event == XMLStreamConstants.START_ELEMENT && "Shell".equals(getLocalName())
          && SHELL_NS.equals(getNamespaceURI())) {
        for (int depth = 1; depth > 0; ) {
          event = super.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
        event = super.next();
      }
      return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
      int event = next();
      while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
          || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
          || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
        event = next();
      }
      if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
        throw new XMLStreamException("expected an element", getLocation());
      }
      return event;
    }
  }
}
