package th.go.senate.workflow.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The credential of the metrics scrape (Prometheus): one user name and secret of its own, checked here and not in
 * Camunda's user store, so that no failed login elsewhere can lock or delay it, and good for reading
 * {@code /actuator/prometheus} and {@code /actuator/metrics} only (web/OperatorAuthenticationFilter).
 *
 * <p>Configured by the secret's SHA-256 ({@code senate.monitoring.scrape.password-sha256}, hex) or by the secret itself
 * ({@code senate.monitoring.scrape.password}, environment {@code SENATE_SCRAPE_PASSWORD}, normally given as a file:
 * {@code SENATE_SCRAPE_PASSWORD_FILE}, read by secrets/SecretFiles like every other secret), hashed at start; with
 * neither there is no scrape credential (production default) and only administrators read the metrics. The secret
 * should be long and random ({@code openssl rand -hex 32}): a plain hash is enough for that, not for a password a
 * person chose.
 */
@Component
public class ScrapeCredential {

  private final String user;
  private final byte[] secretHash;

  public ScrapeCredential(@Value("${senate.monitoring.scrape.user:prometheus}") String user,
      @Value("${senate.monitoring.scrape.password-sha256:}") String passwordSha256,
      @Value("${senate.monitoring.scrape.password:}") String password) {
    this.user = user.trim();
    if (!passwordSha256.isBlank() && !password.isBlank()) {
      throw new IllegalStateException("senate.monitoring.scrape: กำหนด password-sha256 หรือ password อย่างใดอย่างหนึ่ง "
          + "(set either password-sha256 or password, not both)");
    }
    if (!passwordSha256.isBlank()) {
      try {
        this.secretHash = HexFormat.of().parseHex(passwordSha256.trim().toLowerCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("senate.monitoring.scrape.password-sha256 ต้องเป็นเลขฐานสิบหก 64 ตัว "
            + "(must be 64 hex digits: sha256sum of the secret)", e);
      }
      if (secretHash.length != 32) {
        throw new IllegalStateException("senate.monitoring.scrape.password-sha256 ต้องเป็นเลขฐานสิบหก 64 ตัว "
            + "(must be 64 hex digits: sha256sum of the secret)");
      }
    } else if (!password.isBlank()) {
      this.secretHash = sha256(password.strip());
    } else {
      this.secretHash = null;
    }
  }

  public boolean configured() {
    return secretHash != null;
  }

  /** Whether the user name is the scrape credential's (then its password is checked here, never by the engine). */
  public boolean isScrapeUser(String userId) {
    return configured() && user.equals(userId);
  }

  /** Constant-time comparison of the secret's hash. */
  public boolean matches(String userId, String password) {
    return isScrapeUser(userId) && MessageDigest.isEqual(secretHash, sha256(password));
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
