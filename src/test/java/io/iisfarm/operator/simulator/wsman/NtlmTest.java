package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NTLMv2 verification against the worked example of MS-NLMP section 4.2.4. */
class NtlmTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");

  /** MS-NLMP 4.2.4.1.3 AV pairs and 4.2.4.2.2 NTProofStr for User / Domain / Password. */
  private static final String TEMP = "0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa"
      + "00000000" + "02000c0044006f006d00610069006e00" + "01000c005300650072007600650072000000"
      + "0000" + "00000000";
  private static final String NT_PROOF = "68cd0ab851e51c96aabc927bebef6a1c";

  @Test
  void acceptsTheSpecificationsWorkedExample() {
    byte[] message = authenticate("Domain", "User", HEX.parseHex(NT_PROOF + TEMP));

    assertThat(Ntlm.verify(message, SERVER_CHALLENGE, "user", "Password")).contains("user");
  }

  @Test
  void refusesAWrongPasswordAnotherUserOrAnotherChallenge() {
    byte[] message = authenticate("Domain", "User", HEX.parseHex(NT_PROOF + TEMP));

    assertThat(Ntlm.verify(message, SERVER_CHALLENGE, "User", "password")).isEmpty();
    assertThat(Ntlm.verify(message, SERVER_CHALLENGE, "Admin", "Password")).isEmpty();
    assertThat(Ntlm.verify(message, HEX.parseHex("fedcba9876543210"), "User", "Password"))
        .isEmpty();
  }

  @Test
  void refusesNtlmV1AndGarbage() {
    assertThat(Ntlm.verify(authenticate("Domain", "User", new byte[24]), SERVER_CHALLENGE, "User",
        "Password")).isEmpty();
    assertThat(Ntlm.verify(new byte[10], SERVER_CHALLENGE, "User", "Password")).isEmpty();
    assertThat(Ntlm.messageType("not ntlm".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
  }

  @Test
  void challengeCarriesTheServerChallengeAndTargetInfo() {
    byte[] negotiate = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
        .put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(0x20 | 0x10)
        .array();

    byte[] challenge = Ntlm.challenge(negotiate, SERVER_CHALLENGE, "web03");

    ByteBuffer m = ByteBuffer.wrap(challenge).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(Ntlm.messageType(challenge)).isEqualTo(2);
    assertThat(HEX.formatHex(challenge, 24, 32)).isEqualTo("0123456789abcdef");
    int flags = m.getInt(20);
    assertThat(flags & 0x00800000).as("target info").isNotZero();
    assertThat(flags & 0x30).as("sign and seal echoed").isEqualTo(0x30);
    int nameLength = Short.toUnsignedInt(m.getShort(12));
    int nameOffset = m.getInt(16);
    assertThat(new String(challenge, nameOffset, nameLength, StandardCharsets.UTF_16LE))
        .isEqualTo("WEB03");
  }

  /** An AUTHENTICATE_MESSAGE with Unicode strings and the given NT response. */
  private static byte[] authenticate(String domain, String user, byte[] ntResponse) {
    byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
    byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
    int offset = 88;
    ByteBuffer header = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN);
    header.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(3);
    header.putShort((short) 0).putShort((short) 0).putInt(offset);
    header.putShort((short) ntResponse.length).putShort((short) ntResponse.length).putInt(offset);
    header.putShort((short) d.length).putShort((short) d.length)
        .putInt(offset + ntResponse.length);
    header.putShort((short) u.length).putShort((short) u.length)
        .putInt(offset + ntResponse.length + d.length);
    int end = offset + ntResponse.length + d.length + u.length;
    header.putShort((short) 0).putShort((short) 0).putInt(end);
    header.putShort((short) 0).putShort((short) 0).putInt(end);
    header.putInt(0x00000001);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(ntResponse);
    out.writeBytes(d);
    out.writeBytes(u);
    return out.toByteArray();
  }
}
