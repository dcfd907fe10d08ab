package th.go.senate.workflow.process.complaint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.ForbiddenException;
import th.go.senate.workflow.web.NotFoundException;

/**
 * Intake of integrity cases and the only way to read a complainant's identity. Intake is for the groups of
 * {@code rights.integrity-intake} in identity/bureaus.yaml and administrators; reading is for the handlers of
 * the protected process {@code integrityCase} only ({@code grpInternalAudit}, {@code sgOffice}: administrators
 * included in neither are refused too),
 * and every attempt is written to {@code integrity_identity_access}: refused, malformed and unknown keys
 * included ({@code granted} is true only when the identity was shown). The answer also names the petition or
 * complaint a handed-over case came from: that link is kept nowhere else.
 */
@RestController
@RequestMapping("/api/integrity-cases")
public class IntegrityCaseController {

  /** What a business key looks like (reference/ReferenceNumberService: prefix, fiscal year, running number). */
  private static final Pattern REFERENCE_NUMBER = Pattern.compile("[A-Z]{1,16}-\\d{4}-\\d{5,9}");

  private final IntegrityCaseService cases;
  private final ProtectedIdentityStore store;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public IntegrityCaseController(IntegrityCaseService cases, ProtectedIdentityStore store, CurrentUser currentUser,
      BureauDirectory bureaus) {
    this.cases = cases;
    this.store = store;
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public IntegrityCaseService.Opened open(@RequestBody IntegrityCaseService.Intake intake) {
    currentUser.requireAnyGroup(bureaus.getRights().getIntegrityIntake().toArray(String[]::new));
    return cases.open(intake, currentUser.userId());
  }

  @GetMapping("/{businessKey}/complainant")
  public Map<String, Object> complainant(@PathVariable String businessKey) {
    String user = currentUser.userId();
    List<String> handlers = bureaus.handlersOf(IntegrityCaseService.PROCESS_KEY);
    boolean handler = currentUser.groups().stream().anyMatch(handlers::contains);
    if (!handler) {
      // Refused before the key is even looked at: an outsider learns nothing about which cases exist.
      store.audit(ProtectedIdentityStore.auditable(businessKey), user, false);
      throw new ForbiddenException("ผู้ใช้ " + user + " ไม่มีสิทธิ์อ่านข้อมูลผู้ร้องเรียนการทุจริต ผู้อ่านได้มีเฉพาะ "
          + bureaus.namesTh(handlers) + " การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว");
    }
    if (!REFERENCE_NUMBER.matcher(businessKey).matches()) {
      store.audit(ProtectedIdentityStore.auditable(businessKey), user, false);
      throw new BadRequestException("เลขที่เรื่องไม่ถูกต้อง ต้องมีรูปแบบเช่น INT-2570-00001 การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว");
    }
    Optional<ProtectedIdentityStore.Stored> found = store.read(businessKey);
    // Granted means the identity was shown; a key without a record is a failed attempt, recorded as such.
    store.audit(businessKey, user, found.isPresent());
    ProtectedIdentityStore.Stored stored = found.orElseThrow(() -> new NotFoundException(
        "ไม่พบเรื่อง " + businessKey + " ในทะเบียนผู้ร้องเรียนการทุจริต การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("anonymous", stored.anonymous());
    body.put("name", stored.identity() == null ? null : stored.identity().name());
    body.put("contact", stored.identity() == null ? null : stored.identity().contact());
    body.put("nationalId", stored.identity() == null ? null : stored.identity().nationalId());
    // The petition or complaint the case was handed over from (null for a case registered directly).
    body.put("sourceBusinessKey", stored.sourceBusinessKey());
    return body;
  }
}
