package th.go.senate.workflow.process.interpellation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;

/**
 * {@code GET /api/questions}: the register of questions to ministers, for the groups of
 * {@code rights.question-register} in identity/bureaus.yaml (the bureaus that handle questions, their heads,
 * the President's office and the monitors) and administrators.
 */
@RestController
@RequestMapping("/api/questions")
public class QuestionRegisterController {

  private static final int MAX_TEXT = 200;

  private final QuestionRegister register;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public QuestionRegisterController(QuestionRegister register, CurrentUser currentUser, BureauDirectory bureaus) {
    this.register = register;
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  @GetMapping
  public List<QuestionEntry> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String minister, @RequestParam(required = false) String senator,
      @RequestParam(required = false) String fiscalYear) {
    currentUser.requireAnyGroup(bureaus.getRights().getQuestionRegister().toArray(String[]::new));
    return register.list(new QuestionRegister.Filter(status(status), text("minister", minister),
        text("senator", senator), fiscalYear(fiscalYear)));
  }

  static QuestionStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return QuestionStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(QuestionStatus.values()).map(s -> s.name() + " (" + s.thai() + ")")
          .collect(Collectors.joining(", "));
      throw new BadRequestException("ไม่รู้จักสถานะ '" + abbreviate(value) + "' สถานะที่ใช้ได้: " + allowed);
    }
  }

  static Integer fiscalYear(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int year;
    try {
      year = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("ปีงบประมาณ '" + abbreviate(value) + "' ไม่ถูกต้อง ให้ระบุเป็นปีพุทธศักราช 4 หลัก เช่น 2570");
    }
    FiscalRound.checkFiscalYear(year);
    return year;
  }

  private static String text(String name, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw new BadRequestException("ค่าของ '" + name + "' ยาวเกิน " + MAX_TEXT + " ตัวอักษร");
    }
    return value;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
