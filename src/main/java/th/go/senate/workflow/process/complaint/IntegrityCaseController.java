package th.go.senate.workflow.process.complaint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.ForbiddenException;
import th.go.senate.workflow.web.NotFoundException;

/**
 * Intake of integrity cases and the only way to read a complainant's identity. Reading is for members of
 * {@code grpInternalAudit} and {@code sgOffice} only (administrators included in neither are refused too),
 * and every attempt is written to {@code integrity_identity_access}. The answer also names the petition or
 * complaint a handed-over case came from: that link is kept nowhere else.
 */
@RestController
@RequestMapping("/api/integrity-cases")
public class IntegrityCaseController {

  private final IntegrityCaseService cases;
  private final ProtectedIdentityStore store;
  private final CurrentUser currentUser;

  public IntegrityCaseController(IntegrityCaseService cases, ProtectedIdentityStore store, CurrentUser currentUser) {
    this.cases = cases;
    this.store = store;
    this.currentUser = currentUser;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public IntegrityCaseService.Opened open(@RequestBody IntegrityCaseService.Intake intake) {
    currentUser.requireAnyGroup("grpInternalAudit", "burCentralAdmin");
    return cases.open(intake, currentUser.userId());
  }

  @GetMapping("/{businessKey}/complainant")
  public Map<String, Object> complainant(@PathVariable String businessKey) {
    String user = currentUser.userId();
    boolean handler = currentUser.groups().stream().anyMatch(IntegrityCaseService.HANDLERS::contains);
    store.audit(businessKey, user, handler);
    if (!handler) {
      throw new ForbiddenException("ผู้ใช้ " + user + " ไม่มีสิทธิ์อ่านข้อมูลผู้ร้องเรียนการทุจริต เฉพาะกลุ่มงานตรวจสอบภายในและสำนักเลขาธิการ"
          + " (only grpInternalAudit and sgOffice may read a complainant's identity; this attempt was recorded)");
    }
    ProtectedIdentityStore.Stored stored = store.read(businessKey).orElseThrow(() -> new NotFoundException(
        "ไม่พบเรื่อง " + businessKey + " ในทะเบียนผู้ร้องเรียนการทุจริต (no integrity case " + businessKey + ")"));
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
