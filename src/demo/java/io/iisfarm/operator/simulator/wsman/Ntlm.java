package io.iisfarm.operator.simulator.wsman;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The server side of NTLM (MS-NLMP) as HTTP.sys runs it for WinRM's Negotiate scheme: answers a
 * NEGOTIATE_MESSAGE with a CHALLENGE_MESSAGE and checks the AUTHENTICATE_MESSAGE's NTLMv2
 * response against the account's password. Only NTLMv2 responses are accepted; NTLMv1 is refused,
 * as on a hardened server. The logon yields the session key that seals WinRM messages over plain HTTP
 * ({@link NtlmSealing}); the message integrity code and channel bindings are not checked.
 */
final class Ntlm {
  static final int NEGOTIATE = 1;
  static final int AUTHENTICATE = 3;

  private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
  private static final int UNICODE = 0x00000001;
  private static final int REQUEST_TARGET = 0x00000004;
  private static final int SIGN = 0x00000010;
  static final int SEAL = 0x00000020;
  private static final int NTLM = 0x00000200;
  private static final int ALWAYS_SIGN = 0x00008000;
  private static final int TARGET_TYPE_SERVER = 0x00020000;
  static final int EXTENDED_SESSION_SECURITY = 0x00080000;
  private static final int TARGET_INFO = 0x00800000;
  private static final int VERSION = 0x02000000;
  static final int NEGOTIATE_128 = 0x20000000;
  static final int KEY_EXCH = 0x40000000;
  private static final int NEGOTIATE_56 = 0x80000000;
  /** Windows Server 2019 (10.0, build 17763), NTLM revision 15. */
  private static final byte[] SERVER_VERSION = {10, 0, 0x63, 0x45, 0, 0, 0, 0x0F};
  /** Seconds from 1601-01-01 (FILETIME epoch) to 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

  private Ntlm() {}

  /** The message type of an NTLMSSP token, or -1 when it is not one. */
  static int messageType(byte[] token) {
    if (token.length < 12 || !Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE)) {
      return -1;
    }
    return le(token).getInt(8);
  }

  /** CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2) for a stand-alone server named {@code machine}. */
  static byte[] challenge(byte[] negotiate, byte[] serverChallenge, String machine) {
    int clientFlags = negotiate.length >= 16 ? le(negotiate).getInt(12) : 0;
    int flags = UNICODE | REQUEST_TARGET | NTLM | ALWAYS_SIGN | TARGET_TYPE_SERVER
        | EXTENDED_SESSION_SECURITY | TARGET_INFO | VERSION
        | (clientFlags & (SIGN | SEAL | NEGOTIATE_128 | KEY_EXCH | NEGOTIATE_56));
    String netbios = machine.toUpperCase(Locale.ROOT);
    String dns = machine.toLowerCase(Locale.ROOT);
    byte[] targetName = utf16(netbios);
    ByteBuffer info = le(ByteBuffer.allocate(256 + 8 * machine.length()));
    avPair(info, 2, utf16(netbios));
    avPair(info, 1, utf16(netbios));
    avPair(info, 4, utf16(dns));
    avPair(info, 3, utf16(dns));
    Instant now = Instant.now();
    long filetime = (now.getEpochSecond() + FILETIME_EPOCH_OFFSET) * 10_000_000L
        + now.getNano() / 100;
    avPair(info, 7, le(ByteBuffer.allocate(8)).putLong(filetime).array());
    avPair(info, 0, new byte[0]);
    byte[] targetInfo = Arrays.copyOf(info.array(), info.position());

    int payload = 56;
    ByteBuffer message = le(ByteBuffer.allocate(payload + targetName.length + targetInfo.length));
    message.put(SIGNATURE).putInt(2);
    message.putShort((short) targetName.length).putShort((short) targetName.length)
        .putInt(payload);
    message.putInt(flags).put(serverChallenge).putLong(0);
    message.putShort((short) targetInfo.length).putShort((short) targetInfo.length)
        .putInt(payload + targetName.length);
    message.put(SERVER_VERSION).put(targetName).put(targetInfo);
    return message.array();
  }

  /** A successful logon: the user (lower case), the negotiated flags and the exported session key. */
  record Logon(String user, int flags, byte[] exportedSessionKey) {
    boolean sealing() {
      return (flags & SEAL) != 0;
    }
  }

  /**
   * Checks an AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3) against the challenge sent: the user must be
   * {@code username} (case-insensitive) and the NTLMv2 proof must match {@code password}.
   *
   * @return the user, lower-cased, when the proof holds
   */
  static Optional<String> verify(byte[] authenticate, byte[] serverChallenge, String username,
      String password) {
    return logon(authenticate, serverChallenge, username, password).map(Logon::user);
  }

  /**
   * As {@link #verify}, with the session key MS-NLMP 3.3.2 and 3.4.5.1 derive: SessionBaseKey =
   * HMAC_MD5(ResponseKeyNT, NTProofStr), which is the KeyExchangeKey under NTLMv2; with NEGOTIATE_KEY_EXCH the
   * client's EncryptedRandomSessionKey, RC4-decrypted with it, is the exported session key.
   */
  static Optional<Logon> logon(byte[] authenticate, byte[] serverChallenge, String username, String password) {
    try {
      ByteBuffer m = le(authenticate);
      int flags = m.getInt(60);
      byte[] ntResponse = field(authenticate, 20);
      String domain = text(field(authenticate, 28), flags);
      String user = text(field(authenticate, 36), flags);
      if (ntResponse.length <= 24 || !user.equalsIgnoreCase(username)) {
        return Optional.empty();
      }
      byte[] ntHash = md4(utf16(password));
      byte[] responseKey = hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
      byte[] proof = Arrays.copyOf(ntResponse, 16);
      byte[] temp = Arrays.copyOfRange(ntResponse, 16, ntResponse.length);
      byte[] expected = hmacMd5(responseKey, concat(serverChallenge, temp));
      if (!MessageDigest.isEqual(proof, expected)) {
        return Optional.empty();
      }
      byte[] sessionBaseKey = hmacMd5(responseKey, proof);
      byte[] exported = sessionBaseKey;
      byte[] encryptedRandomSessionKey = field(authenticate, 52);
      if ((flags & KEY_EXCH) != 0 && encryptedRandomSessionKey.length == 16) {
        exported = NtlmSealing.rc4(sessionBaseKey).update(encryptedRandomSessionKey);
      }
      return Optional.of(new Logon(user.toLowerCase(Locale.ROOT), flags, exported));
    } catch (RuntimeException e) {
      // a truncated or garbled message is a failed logon, not a server error
      return Optional.empty();
    }
  }

  private static byte[] field(byte[] message, int offset) {
    ByteBuffer m = le(message);
    int length = Short.toUnsignedInt(m.getShort(offset));
    int start = m.getInt(offset + 4);
    if (length == 0) {
      return new byte[0];
    }
    if (start < 0 || start + length > message.length) {
      throw new IllegalArgumentException("NTLM field out of range");
    }
    return Arrays.copyOfRange(message, start, start + length);
  }

  private static String text(byte[] bytes, int flags) {
    return new String(bytes, (flags & UNICODE) != 0 ? StandardCharsets.UTF_16LE
        : StandardCharsets.ISO_8859_1);
  }

  private static void avPair(ByteBuffer buffer, int id, byte[] value) {
    buffer.putShort((short) id).putShort((short) value.length).put(value);
  }

  private static byte[] md4(byte[] input) {
    MD4Digest digest = new MD4Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-MD5 unavailable", e);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] utf16(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer le(ByteBuffer buffer) {
    return buffer.order(ByteOrder.LITTLE_ENDIAN);
  }
}
