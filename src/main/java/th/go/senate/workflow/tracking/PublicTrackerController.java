package th.go.senate.workflow.tracking;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import th.go.senate.workflow.web.ApiException;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.NotFoundException;

/**
 * The public case tracker, no login (outside {@code /api/**}, like the public statistics): {@code /public/track}
 * is a Thai page for a phone, {@code /public/track.json?ref=…&code=…} the same answer as JSON. A wrong code is
 * answered exactly as an unknown reference number (404, the same text); each client address has a limited
 * number of look-ups (429).
 */
@RestController
public class PublicTrackerController {

  static final String NOT_FOUND = "ไม่พบเรื่องตามเลขที่เรื่องและรหัสติดตามเรื่องที่ระบุ กรุณาตรวจสอบแล้วลองใหม่อีกครั้ง";
  static final String TOO_MANY = "ท่านค้นหาบ่อยเกินกำหนด กรุณารอสักครู่แล้วลองใหม่ "
      + "หรือติดต่อสำนักงานเลขาธิการวุฒิสภา";

  private final CaseTracker tracker;
  private final TrackerRateLimit rateLimit;

  public PublicTrackerController(CaseTracker tracker, TrackerRateLimit rateLimit) {
    this.tracker = tracker;
    this.rateLimit = rateLimit;
  }

  @GetMapping(value = "/public/track.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseTracker.Status json(@RequestParam(required = false) String ref, @RequestParam(required = false) String code,
      HttpServletRequest request) {
    return lookUp(ref, code, request).orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  @GetMapping(value = "/public/track", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ResponseEntity<String> html(@RequestParam(required = false) String ref,
      @RequestParam(required = false) String code, HttpServletRequest request) {
    StringBuilder html = new StringBuilder(HEAD);
    html.append("<form method=\"get\" action=\"track\"><label for=\"ref\">เลขที่เรื่อง</label>")
        .append("<input id=\"ref\" name=\"ref\" maxlength=\"40\" placeholder=\"เช่น PET-2570-00123\" required value=\"")
        .append(ref == null ? "" : HtmlUtils.htmlEscape(ref)).append("\">")
        .append("<label for=\"code\">รหัสติดตามเรื่อง</label>")
        .append("<input id=\"code\" name=\"code\" maxlength=\"20\" placeholder=\"เช่น ABCD-EFGH\" required "
            + "autocomplete=\"off\" autocapitalize=\"characters\">")
        .append("<button type=\"submit\">ตรวจสอบสถานะ</button></form>");
    HttpStatus status = HttpStatus.OK;
    if (ref != null || code != null) {
      try {
        Optional<CaseTracker.Status> found = lookUp(ref, code, request);
        if (found.isPresent()) {
          result(html, found.get());
        } else {
          status = HttpStatus.NOT_FOUND;
          html.append("<p class=\"msg\" role=\"alert\">").append(NOT_FOUND).append("</p>");
        }
      } catch (ApiException e) {
        status = e.status();
        html.append("<p class=\"msg\" role=\"alert\">").append(HtmlUtils.htmlEscape(e.getMessage())).append("</p>");
      }
    }
    html.append(FOOT);
    return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(html.toString());
  }

  private Optional<CaseTracker.Status> lookUp(String ref, String code, HttpServletRequest request) {
    if (!rateLimit.allow(request.getRemoteAddr())) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
    }
    if (ref == null || ref.isBlank() || code == null || code.isBlank()) {
      throw new BadRequestException("กรุณากรอกทั้งเลขที่เรื่องและรหัสติดตามเรื่อง");
    }
    if (ref.length() > 40 || code.length() > 20) {
      throw new BadRequestException("เลขที่เรื่องหรือรหัสติดตามเรื่องยาวเกินกำหนด");
    }
    return tracker.track(ref.strip().toUpperCase(java.util.Locale.ROOT), code);
  }

  private static void result(StringBuilder html, CaseTracker.Status status) {
    html.append("<section class=\"result\" aria-live=\"polite\"><h2>").append(HtmlUtils.htmlEscape(status.caseType()))
        .append(" เลขที่ ").append(HtmlUtils.htmlEscape(status.referenceNumber())).append("</h2>")
        .append("<p class=\"stage\">สถานะ: <strong>").append(HtmlUtils.htmlEscape(status.stage())).append("</strong></p>");
    if (status.bureau() != null) {
      html.append("<p>หน่วยงานที่รับผิดชอบ: ").append(HtmlUtils.htmlEscape(status.bureau())).append("</p>");
    }
    if (status.nextExpectedDate() != null) {
      html.append("<p>คาดว่าจะดำเนินการขั้นตอนปัจจุบันแล้วเสร็จภายในวันที่ ")
          .append(HtmlUtils.htmlEscape(status.nextExpectedDate())).append("</p>");
    }
    if (!status.stages().isEmpty()) {
      html.append("<ol class=\"stages\">");
      for (CaseTracker.Stage stage : status.stages()) {
        html.append("<li><span>").append(HtmlUtils.htmlEscape(stage.label())).append("</span><time>")
            .append(HtmlUtils.htmlEscape(stage.date())).append("</time></li>");
      }
      html.append("</ol>");
    }
    html.append("</section>");
  }

  private static final String HEAD = "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      + "<title>ติดตามสถานะเรื่อง สำนักงานเลขาธิการวุฒิสภา</title><style>"
      + "*{box-sizing:border-box}body{margin:0;font-family:'Sarabun','Noto Sans Thai',Tahoma,sans-serif;color:#1d2433;"
      + "background:#f4f1ea;font-size:17px;line-height:1.5}"
      + "header{background:#27348b;color:#fff;padding:14px 16px;border-bottom:4px solid #c9a227}"
      + "header .org{font-size:15px;opacity:.9}header h1{margin:2px 0 0;font-size:22px}"
      + "main{max-width:560px;margin:0 auto;padding:16px}"
      + "form{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
      + "label{display:block;font-weight:bold;margin:8px 0 4px}"
      + "input{width:100%;font-size:18px;padding:10px;border:1px solid #8a8f9c;border-radius:6px}"
      + "button{width:100%;margin-top:14px;font-size:18px;padding:12px;border:0;border-radius:6px;"
      + "background:#27348b;color:#fff}"
      + ".msg{background:#fff3cd;border-left:4px solid #c9a227;padding:12px;margin-top:16px}"
      + ".result{background:#fff;border-radius:8px;padding:16px;margin-top:16px;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
      + ".result h2{font-size:19px;margin:0 0 8px}.stage strong{color:#27348b}"
      + ".stages{list-style:none;padding:0;margin:12px 0 0;border-left:3px solid #c9a227}"
      + ".stages li{padding:4px 0 10px 14px;position:relative;display:flex;flex-wrap:wrap;justify-content:space-between;"
      + "gap:4px}.stages li:before{content:'';position:absolute;left:-8px;top:10px;width:13px;height:13px;"
      + "border-radius:50%;background:#27348b}.stages time{color:#555}"
      + "footer{font-size:14px;color:#555;text-align:center;padding:16px}</style></head><body>"
      + "<header><div class=\"org\">สำนักงานเลขาธิการวุฒิสภา</div><h1>ติดตามสถานะเรื่อง</h1></header><main>"
      + "<p>กรอกเลขที่เรื่องและรหัสติดตามเรื่องที่ได้รับเมื่อยื่นเรื่อง เพื่อดูว่าเรื่องของท่านอยู่ในขั้นตอนใด</p>";

  private static final String FOOT = "</main><footer>สำนักงานเลขาธิการวุฒิสภา · หน้านี้ไม่แสดงข้อมูลส่วนบุคคล"
      + "</footer></body></html>";
}
