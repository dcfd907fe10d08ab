package th.go.senate.workflow.notice;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.web.CurrentUser;

/**
 * The outbox for administrators ({@code camunda-admin}): every notice written, to whom, when, whether and when
 * it was sent, the last error; {@code ?businessKey=} for one case. A browser gets a page (HTTP Basic log-in),
 * a client asking for JSON the rows. The mails hold personal data, hence administrators only; a clerk sees what
 * was sent to the petitioner on the case itself ({@link PetitionerNotices#RECORD_VARIABLE}).
 */
@RestController
public class NoticeController {

  static final int LIMIT = 200;

  private final NoticeOutbox outbox;
  private final CurrentUser currentUser;

  public NoticeController(NoticeOutbox outbox, CurrentUser currentUser) {
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  @GetMapping(value = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<NoticeOutbox.Notice> json(@RequestParam(required = false) String businessKey) {
    currentUser.requireAnyGroup();
    return outbox.latest(businessKey, LIMIT);
  }

  @GetMapping(value = "/api/notices", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String html(@RequestParam(required = false) String businessKey) {
    currentUser.requireAnyGroup();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>หนังสือแจ้งทางอีเมล</title>"
        + "<style>body{font-family:'Sarabun','Noto Sans Thai',Tahoma,sans-serif;margin:1.5em;color:#222}"
        + "article{border:1px solid #bbb;border-radius:6px;padding:.6em 1em;margin:.8em 0}"
        + "pre{white-space:pre-wrap;font-family:inherit;background:#f6f6f6;padding:.6em}.meta{color:#555}"
        + ".wait{color:#a60}.sent{color:#270}</style></head><body><h1>หนังสือแจ้งทางอีเมล (ล่าสุด " + LIMIT
        + " ฉบับ)</h1>");
    List<NoticeOutbox.Notice> notices = outbox.latest(businessKey, LIMIT);
    if (notices.isEmpty()) {
      html.append("<p>ยังไม่มีหนังสือแจ้ง</p>");
    }
    for (NoticeOutbox.Notice notice : notices) {
      html.append("<article><h2>").append(HtmlUtils.htmlEscape(notice.subject())).append("</h2><p class=\"meta\">ถึง ")
          .append(HtmlUtils.htmlEscape(notice.recipient())).append(" · ").append(HtmlUtils.htmlEscape(notice.kind()))
          .append(" · เรื่อง ").append(HtmlUtils.htmlEscape(String.valueOf(notice.businessKey())))
          .append(" · บันทึก ").append(ThaiDates.dateTime(notice.createdAt())).append(" · ");
      if (notice.sentAt() != null) {
        html.append("<span class=\"sent\">ส่งแล้ว ").append(ThaiDates.dateTime(notice.sentAt())).append("</span>");
      } else {
        html.append("<span class=\"wait\">รอส่ง (พยายามแล้ว ").append(notice.attempts()).append(" ครั้ง");
        if (notice.lastError() != null) {
          html.append(": ").append(HtmlUtils.htmlEscape(notice.lastError()));
        }
        html.append(")</span>");
      }
      html.append("</p><pre>").append(HtmlUtils.htmlEscape(notice.body())).append("</pre></article>");
    }
    return html.append("</body></html>").toString();
  }
}
