package th.go.senate.workflow.process.complaint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The encrypted store of integrity-case complainants: AES-256-GCM, a fresh 96-bit nonce per record, the
 * business key as associated data (a ciphertext copied to another case does not decrypt). The key comes
 * from {@code senate.integrity.identity-key} (base64 of 32 bytes, environment {@code SENATE_INTEGRITY_KEY});
 * the application does not start without one. Only the demo and test profiles carry a (public) demo key.
 */
@Component
public class ProtectedIdentityStore {

  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final JdbcTemplate jdbc;
  private final SecretKey key;
  private final String keyId;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json = new ObjectMapper();

  public ProtectedIdentityStore(JdbcTemplate jdbc, @Value("${senate.integrity.identity-key:}") String base64Key) {
    this.jdbc = jdbc;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("ต้องกำหนดกุญแจเข้ารหัสข้อมูลผู้ร้องเรียนการทุจริต senate.integrity.identity-key "
          + "(SENATE_INTEGRITY_KEY) เป็น base64 ขนาด 32 ไบต์ (the integrity identity key must be set: base64 of 32 bytes, "
          + "e.g. `openssl rand -base64 32`)");
    }
    this.key = new SecretKeySpec(bytes, "AES");
    this.keyId = fingerprint(bytes);
  }

  /** Stores the identity of a case registered directly (no source case). */
  public void store(String businessKey, ComplainantIdentity identity, String storedBy) {
    store(businessKey, identity, null, storedBy);
  }

  /**
   * Stores the identity of a case and, for a case handed over from a petition or complaint, that case's
   * business key: both encrypted together (a case with nothing to protect stores no ciphertext, only the
   * fact that it is anonymous).
   */
  public void store(String businessKey, ComplainantIdentity identity, String sourceBusinessKey, String storedBy) {
    boolean anonymous = identity == null || identity.isEmpty();
    boolean sealed = !anonymous || sourceBusinessKey != null;
    jdbc.update("insert into integrity_complainant (business_key, anonymous, key_id, ciphertext, stored_at, stored_by) "
        + "values (?, ?, ?, ?, ?, ?)", businessKey, anonymous, keyId,
        sealed ? encrypt(businessKey, anonymous ? null : identity, sourceBusinessKey) : null, Timestamp.from(now()), storedBy);
  }

  /** The stored identity; empty when the case has no record. Callers check rights and audit first. */
  public Optional<Stored> read(String businessKey) {
    List<Stored> rows = jdbc.query("select anonymous, ciphertext from integrity_complainant where business_key = ?",
        (rs, i) -> stored(businessKey, rs.getBoolean(1), rs.getString(2)), businessKey);
    return rows.stream().findFirst();
  }

  /**
   * The requested key as the audit can hold it: control characters (NUL is refused by PostgreSQL) as '?', and cut
   * to the column's 255 characters with the original length noted, so that an absurd request is recorded too.
   */
  public static String auditable(String requested) {
    String clean = requested == null ? "" : requested.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() <= 255 ? clean : clean.substring(0, 230) + "…(" + clean.length() + " ตัวอักษร)";
  }

  public void audit(String businessKey, String userId, boolean granted) {
    jdbc.update("insert into integrity_identity_access (business_key, user_id, accessed_at, granted) values (?, ?, ?, ?)",
        businessKey, userId, Timestamp.from(now()), granted);
  }

  /** What the store holds for a case: its identity (null when anonymous) and the case it was handed over from. */
  public record Stored(boolean anonymous, ComplainantIdentity identity, String sourceBusinessKey) {
  }

  private Stored stored(String businessKey, boolean anonymous, String ciphertext) {
    Map<String, String> values = ciphertext == null ? Map.of() : decrypt(businessKey, ciphertext);
    ComplainantIdentity identity = anonymous ? null
        : new ComplainantIdentity(values.get("name"), values.get("contact"), values.get("nationalId"));
    return new Stored(anonymous, identity, values.get("source"));
  }

  private String encrypt(String businessKey, ComplainantIdentity identity, String sourceBusinessKey) {
    try {
      Map<String, String> values = new HashMap<>();
      if (identity != null) {
        values.put("name", identity.name());
        values.put("contact", identity.contact());
        values.put("nationalId", identity.nationalId());
      }
      if (sourceBusinessKey != null) {
        values.put("source", sourceBusinessKey);
      }
      byte[] plain = json.writeValueAsBytes(values);
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(businessKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot encrypt the complainant of " + businessKey, e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> decrypt(String businessKey, String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(businessKey.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return json.readValue(plain, Map.class);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("ถอดรหัสข้อมูลผู้ร้องของ " + businessKey + " ไม่ได้ (cannot decrypt: wrong key?)");
    }
  }

  private static String fingerprint(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
