package io.iisfarm.operator.winrm;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSLContext whose engines never enable a protocol outside an allowed list. CXF's async conduit enables
 * every non-SSL protocol the engine supports, which would offer TLS 1.0 to every host whenever the JVM
 * permits it; this keeps TLS 1.0 for hosts that set {@code allowLegacyTls}.
 */
final class ProtocolLimitedSslContext {

  private ProtocolLimitedSslContext() {}

  static SSLContext wrap(SSLContext delegate, List<String> allowed) {
    return new SSLContext(new Spi(delegate, allowed), delegate.getProvider(), delegate.getProtocol()) { };
  }

  private static String[] filter(String[] protocols, List<String> allowed) {
    return Arrays.stream(protocols).filter(allowed::contains).toArray(String[]::new);
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;
    private final List<String> allowed;

    Spi(SSLContext delegate, List<String> allowed) {
      this.delegate = delegate;
      this.allowed = allowed;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
      delegate.init(km, tm, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() { return delegate.getSocketFactory(); }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() { return delegate.getServerSocketFactory(); }

    @Override
    protected SSLEngine engineCreateSSLEngine() { return limit(delegate.createSSLEngine()); }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) { return limit(delegate.createSSLEngine(host, port)); }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() { return delegate.getServerSessionContext(); }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() { return delegate.getClientSessionContext(); }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      SSLParameters p = delegate.getDefaultSSLParameters();
      p.setProtocols(filter(p.getProtocols(), allowed));
      return p;
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      SSLParameters p = delegate.getSupportedSSLParameters();
      p.setProtocols(filter(p.getProtocols(), allowed));
      return p;
    }

    private SSLEngine limit(SSLEngine engine) {
      LimitedEngine limited = new LimitedEngine(engine, allowed);
      limited.setEnabledProtocols(engine.getEnabledProtocols());
      return limited;
    }
  }

  /** Delegates everything; protocol lists pass through the allowed filter. */
  private static final class LimitedEngine extends SSLEngine {
    private final SSLEngine d;
    private final List<String> allowed;

    LimitedEngine(SSLEngine delegate, List<String> allowed) {
      super(delegate.getPeerHost(), delegate.getPeerPort());
      this.d = delegate;
      this.allowed = allowed;
    }

    @Override
    public String[] getSupportedProtocols() { return filter(d.getSupportedProtocols(), allowed); }

    @Override
    public String[] getEnabledProtocols() { return d.getEnabledProtocols(); }

    @Override
    public void setEnabledProtocols(String[] protocols) { d.setEnabledProtocols(filter(protocols, allowed)); }

    @Override
    public SSLParameters getSSLParameters() { return d.getSSLParameters(); }

    @Override
    public void setSSLParameters(SSLParameters params) {
      if (params.getProtocols() != null) {
        params.setProtocols(filter(params.getProtocols(), allowed));
      }
      d.setSSLParameters(params);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
      return d.wrap(srcs, offset, length, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
      return d.unwrap(src, dsts, offset, length);
    }

    @Override public Runnable getDelegatedTask() { return d.getDelegatedTask(); }
    @Override public void closeInbound() throws SSLException { d.closeInbound(); }
    @Override public boolean isInboundDone() { return d.isInboundDone(); }
    @Override public void closeOutbound() { d.closeOutbound(); }
    @Override public boolean isOutboundDone() { return d.isOutboundDone(); }
    @Override public String[] getSupportedCipherSuites() { return d.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return d.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { d.setEnabledCipherSuites(suites); }
    @Override public SSLSession getSession() { return d.getSession(); }
    @Override public SSLSession getHandshakeSession() { return d.getHandshakeSession(); }
    @Override public void beginHandshake() throws SSLException { d.beginHandshake(); }
    @Override public SSLEngineResult.HandshakeStatus getHandshakeStatus() { return d.getHandshakeStatus(); }
    @Override public void setUseClientMode(boolean mode) { d.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return d.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { d.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return d.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { d.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return d.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { d.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return d.getEnableSessionCreation(); }
    @Override public String getApplicationProtocol() { return d.getApplicationProtocol(); }
    @Override public String getHandshakeApplicationProtocol() { return d.getHandshakeApplicationProtocol(); }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
      d.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
      return d.getHandshakeApplicationProtocolSelector();
    }
  }
}
