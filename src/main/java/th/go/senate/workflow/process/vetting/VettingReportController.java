package th.go.senate.workflow.process.vetting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.ForbiddenException;
import th.go.senate.workflow.web.NotFoundException;

/**
 * The only way to read a vetting committee's confidential report: for the committee's bureau of that case and
 * the groups of {@code senate.vetting.report-readers} (sgOffice); administrators, other bureaus and the KPI
 * managers are refused. Every attempt is written to {@code vetting_report_access}; an outsider is refused the
 * same way whether the case exists or not.
 */
@RestController
@RequestMapping("/api/appointment-vettings")
public class VettingReportController {

  private final ConfidentialReportStore reports;
  private final CurrentUser currentUser;
  private final List<String> readers;

  public VettingReportController(ConfidentialReportStore reports, CurrentUser currentUser,
      @Value("${senate.vetting.report-readers:sgOffice}") List<String> readers) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.readers = List.copyOf(readers);
  }

  @GetMapping("/{businessKey}/report")
  public Map<String, Object> report(@PathVariable String businessKey) {
    String user = currentUser.userId();
    Optional<String> bureau = reports.bureauOf(businessKey);
    boolean allowed = currentUser.groups().stream().anyMatch(readers::contains)
        || bureau.filter(currentUser.groups()::contains).isPresent();
    if (!allowed) {
      reports.audit(businessKey, user, false);
      throw new ForbiddenException("ผู้ใช้ " + user + " ไม่มีสิทธิ์อ่านรายงานลับของคณะกรรมาธิการตรวจสอบประวัติ เฉพาะสำนักกรรมาธิการที่รับผิดชอบและ "
          + String.join(", ", readers) + " การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว");
    }
    Optional<ConfidentialReportStore.Stored> found = reports.read(businessKey);
    reports.audit(businessKey, user, found.isPresent());
    ConfidentialReportStore.Stored stored = found.orElseThrow(() -> new NotFoundException(
        "ไม่พบรายงานลับของเรื่อง " + businessKey + " การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", stored.businessKey());
    body.put("committeeBureau", stored.committeeBureau());
    body.put("report", stored.content());
    body.put("storedBy", stored.storedBy());
    return body;
  }
}
