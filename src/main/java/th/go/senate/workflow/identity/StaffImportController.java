package th.go.senate.workflow.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.ForbiddenException;

/**
 * Bulk import of staff accounts from CSV ({@link StaffImport}), for administrators ({@code camunda-admin}) only:
 * {@code POST /api/identity/staff?dryRun=true} checks and reports, without {@code dryRun} it creates the users.
 */
@RestController
@RequestMapping("/api/identity/staff")
public class StaffImportController {

  private final StaffImport staffImport;
  private final CurrentUser currentUser;

  public StaffImportController(StaffImport staffImport, CurrentUser currentUser) {
    this.staffImport = staffImport;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = {"text/csv", "text/plain"})
  public ResponseEntity<StaffImport.Result> importStaff(@RequestBody(required = false) String csv,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("ผู้ใช้ " + currentUser.userId() + " ไม่มีสิทธิ์นำเข้าบัญชีผู้ใช้ "
          + "เฉพาะผู้ดูแลระบบ");
    }
    StaffImport.Result result = staffImport.importCsv(csv, dryRun);
    return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }

  /** The refusal lists every bad line: {@code detail} says nothing was imported, {@code errors} says why. */
  @ExceptionHandler(StaffImport.RefusedException.class)
  public ResponseEntity<Map<String, Object>> refused(StaffImport.RefusedException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 400);
    body.put("title", "Bad Request");
    body.put("detail", e.getMessage());
    body.put("errors", e.errors());
    return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
