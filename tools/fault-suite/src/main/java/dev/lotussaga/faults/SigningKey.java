package dev.lotussaga.faults;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a fresh private RSA JWK for the gateway: {@code ./lotus up} keeps one under {@code
 * .lotus/} so that tokens survive a restart, and the fault suite's stack gets one so that the
 * kill-gateway round logs nobody out. {@code ./lotus} runs this file as a source program, with the
 * JDK only.
 */
final class SigningKey {

  private SigningKey() {}

  public static void main(String[] args) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    System.out.println(
        "{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\""
            + UUID.randomUUID()
            + "\",\"n\":\""
            + base64Url(key.getModulus())
            + "\",\"e\":\""
            + base64Url(key.getPublicExponent())
            + "\",\"d\":\""
            + base64Url(key.getPrivateExponent())
            + "\",\"p\":\""
            + base64Url(key.getPrimeP())
            + "\",\"q\":\""
            + base64Url(key.getPrimeQ())
            + "\",\"dp\":\""
            + base64Url(key.getPrimeExponentP())
            + "\",\"dq\":\""
            + base64Url(key.getPrimeExponentQ())
            + "\",\"qi\":\""
            + base64Url(key.getCrtCoefficient())
            + "\"}");
  }

  /** JWK integers are unsigned big-endian: BigInteger's sign byte must go. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
