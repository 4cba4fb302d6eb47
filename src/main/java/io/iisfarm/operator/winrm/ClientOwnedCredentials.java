package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.WinRmClient;
import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import java.security.Principal;
import javax.xml.ws.BindingProvider;
import org.apache.http.auth.Credentials;

/**
 * NTLM credentials whose connections no other winrm4j client may lease from the shared connection pool.
 *
 * <p>The pool hands a connection only to a request with the same user token, which CXF takes from the
 * credentials' principal: the user's name, the same for every client of one user. With message encryption the
 * NTLM session keys live in the credentials object of the client that authenticated the connection, so another
 * client's sealed message on that connection is one the host cannot read (HTTP 400). A principal of each
 * client's own keeps each client on connections it authenticated itself.
 */
final class ClientOwnedCredentials extends NTCredentialsWithEncryption {
  private final Principal owner = new Principal() {
    @Override
    public String getName() {
      return ClientOwnedCredentials.super.getUserPrincipal().getName();
    }

    @Override
    public String toString() {
      return getName();
    }
  };

  private ClientOwnedCredentials(WinRmCredentials credentials) {
    super(credentials.user(), credentials.revealPassword(), null, credentials.domain());
  }

  @Override
  public Principal getUserPrincipal() {
    return owner;
  }

  /** Replaces the NTLM credentials winrm4j put in {@code client}'s request context, if any. */
  static void install(WinRmClient client, WinRmCredentials credentials) {
    var context = ((BindingProvider) CmdShell.portOf(client)).getRequestContext();
    if (context.get(Credentials.class.getName()) instanceof NTCredentialsWithEncryption) {
      context.put(Credentials.class.getName(), new ClientOwnedCredentials(credentials));
    }
  }
}
