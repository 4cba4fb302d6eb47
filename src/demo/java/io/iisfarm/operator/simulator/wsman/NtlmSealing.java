package io.iisfarm.operator.simulator.wsman;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * NTLM session security on the server side of one connection (MS-NLMP 3.4.2-3.4.5, extended session security,
 * 128-bit keys): unseals and checks what the client sent, seals and signs what the server answers. WinRM over
 * plain HTTP wraps every message this way (MS-WSMV 2.2.9.1.1); each direction has its own RC4 stream, signing
 * key and sequence number, starting at 0.
 */
final class NtlmSealing {
  private static final byte[] CLIENT_SIGNING = magic("session key to client-to-server signing key magic constant");
  private static final byte[] SERVER_SIGNING = magic("session key to server-to-client signing key magic constant");
  private static final byte[] CLIENT_SEALING = magic("session key to client-to-server sealing key magic constant");
  private static final byte[] SERVER_SEALING = magic("session key to server-to-client sealing key magic constant");

  private final boolean keyExchange;
  private final byte[] clientSigningKey;
  private final byte[] serverSigningKey;
  private final Cipher clientSeal;
  private final Cipher serverSeal;
  private int incoming;
  private int outgoing;

  /** The signature or the sequence does not match: a tampered or replayed message. */
  static final class SealingException extends Exception {
    SealingException(String message) {
      super(message);
    }
  }

  NtlmSealing(Ntlm.Logon logon) {
    if ((logon.flags() & Ntlm.EXTENDED_SESSION_SECURITY) == 0 || (logon.flags() & Ntlm.NEGOTIATE_128) == 0) {
      throw new IllegalArgumentException("only 128-bit extended session security is emulated");
    }
    byte[] key = logon.exportedSessionKey();
    this.keyExchange = (logon.flags() & Ntlm.KEY_EXCH) != 0;
    this.clientSigningKey = md5(Ntlm.concat(key, CLIENT_SIGNING));
    this.serverSigningKey = md5(Ntlm.concat(key, SERVER_SIGNING));
    this.clientSeal = rc4(md5(Ntlm.concat(key, CLIENT_SEALING)));
    this.serverSeal = rc4(md5(Ntlm.concat(key, SERVER_SEALING)));
  }

  /** {@code signature length (4, little-endian) | signature (16) | sealed message}, as the client sent it. */
  synchronized byte[] unwrap(byte[] stream) throws SealingException {
    if (stream.length < 20) {
      throw new SealingException("encrypted payload too short");
    }
    int signatureLength = ByteBuffer.wrap(stream, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (signatureLength != 16 || stream.length < 4 + signatureLength) {
      throw new SealingException("unexpected signature length " + signatureLength);
    }
    byte[] signature = Arrays.copyOfRange(stream, 4, 20);
    byte[] plain = clientSeal.update(Arrays.copyOfRange(stream, 20, stream.length));
    byte[] expected = signature(clientSigningKey, clientSeal, incoming, plain);
    if (!MessageDigest.isEqual(signature, expected)) {
      throw new SealingException("message signature or sequence number does not match");
    }
    incoming++;
    return plain;
  }

  /** Seals and signs {@code plain} for the client, in the same layout. */
  synchronized byte[] wrap(byte[] plain) {
    byte[] sealed = serverSeal.update(plain);
    byte[] signature = signature(serverSigningKey, serverSeal, outgoing++, plain);
    return ByteBuffer.allocate(4 + 16 + sealed.length).order(ByteOrder.LITTLE_ENDIAN).putInt(16).put(signature)
        .put(sealed).array();
  }

  /** NTLMSSP_MESSAGE_SIGNATURE for extended session security (MS-NLMP 2.2.2.9.2, 3.4.4.2). */
  private byte[] signature(byte[] signingKey, Cipher seal, int sequence, byte[] message) {
    byte[] seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sequence).array();
    byte[] checksum = Arrays.copyOf(Ntlm.hmacMd5(signingKey, Ntlm.concat(seq, message)), 8);
    if (keyExchange) {
      checksum = seal.update(checksum);
    }
    return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum).put(seq).array();
  }

  static Cipher rc4(byte[] key) {
    try {
      Cipher cipher = Cipher.getInstance("ARCFOUR");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RC4 unavailable", e);
    }
  }

  private static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }

  private static byte[] magic(String text) {
    return (text + "\0").getBytes(StandardCharsets.US_ASCII);
  }
}
