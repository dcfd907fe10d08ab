package th.go.senate.workflow.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;

/**
 * The calendar API: any signed-in user can check a deadline and read the holidays; administrators and the
 * groups of {@code rights.calendar} in identity/bureaus.yaml (KPI managers) maintain the holidays when the
 * Cabinet changes them, and the session periods.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final DueDatePlanner planner;
  private final HolidayService holidays;
  private final SessionPeriodService sessions;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public CalendarController(DueDatePlanner planner, HolidayService holidays, SessionPeriodService sessions,
      CurrentUser currentUser, BureauDirectory bureaus) {
    this.planner = planner;
    this.holidays = holidays;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  /** Besides camunda-admin, the groups of rights.calendar maintain holidays and sessions. */
  private void requireMaintainer() {
    currentUser.requireAnyGroup(bureaus.getRights().getCalendar().toArray(String[]::new));
  }

  @GetMapping("/due")
  public Map<String, String> due(@RequestParam String start, @RequestParam int days,
      @RequestParam(defaultValue = "WORKING_DAYS") String calendar) {
    Instant from;
    try {
      from = java.time.OffsetDateTime.parse(start).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException("รูปแบบเวลาเริ่มนับไม่ถูกต้อง: '" + start
          + "' ใช้ ISO-8601 พร้อมเขตเวลา เช่น 2026-04-10T09:00:00+07:00");
    }
    CalendarKind kind;
    try {
      kind = CalendarKind.valueOf(calendar);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("ไม่รู้จักปฏิทิน '" + calendar
          + "' ใช้ WORKING_DAYS, SESSION_DAYS หรือ CALENDAR_DAYS");
    }
    Instant due = planner.due(from, days, kind);
    return Map.of("due", DueDatePlanner.local(due).toOffsetDateTime().toString());
  }

  @GetMapping("/holidays")
  public List<Holiday> holidays(@RequestParam(required = false) Integer year) {
    if (year != null && (year < 1900 || year > 2200)) {
      throw new BadRequestException("ปี " + year + " ไม่ถูกต้อง ใช้ปี ค.ศ. เช่น 2026 (ไม่ใช่ พ.ศ.)");
    }
    return holidays.list(year);
  }

  @PostMapping("/holidays")
  public ResponseEntity<Holiday> addHoliday(@RequestBody HolidayRequest request) {
    requireMaintainer();
    LocalDate date = request.parsedDate();
    Holiday saved = holidays.add(new Holiday(date, request.nameTh(), request.nameEn()));
    return ResponseEntity.created(URI.create("/api/calendar/holidays/" + saved.date())).body(saved);
  }

  @DeleteMapping("/holidays/{date}")
  public ResponseEntity<Void> removeHoliday(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    requireMaintainer();
    holidays.remove(date);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/sessions")
  public List<SessionPeriod> sessions() {
    return sessions.list();
  }

  /** A session opened by royal decree; re-plans every open deadline that counts session days. */
  @PostMapping("/sessions")
  public ResponseEntity<SessionPeriod> openSession(@RequestBody SessionRequest request) {
    requireMaintainer();
    SessionPeriod saved = sessions.add(request.period());
    return ResponseEntity.created(URI.create("/api/calendar/sessions/" + saved.id())).body(saved);
  }

  /** Closes a session early, extends it, or corrects it; re-plans every open deadline. */
  @PutMapping("/sessions/{id}")
  public SessionPeriod changeSession(@PathVariable long id, @RequestBody SessionRequest request) {
    requireMaintainer();
    return sessions.change(id, request.period());
  }

  @DeleteMapping("/sessions/{id}")
  public ResponseEntity<Void> removeSession(@PathVariable long id) {
    requireMaintainer();
    sessions.remove(id);
    return ResponseEntity.noContent().build();
  }

  /** Dates arrive as text so that a malformed one gets a message naming it. */
  public record SessionRequest(String name, String openedOn, String closedOn) {

    SessionPeriod period() {
      return new SessionPeriod(null, name, SessionPeriodService.parse("openedOn", openedOn),
          SessionPeriodService.parse("closedOn", closedOn));
    }
  }

  /** The date arrives as text so that a malformed one gets a message naming it. */
  public record HolidayRequest(String date, String nameTh, String nameEn) {

    LocalDate parsedDate() {
      if (date == null || date.isBlank()) {
        throw new BadRequestException("ต้องระบุวันที่ของวันหยุด");
      }
      LocalDate day = BangkokTime.date(date);
      if (day == null) {
        throw new BadRequestException("วันที่ '" + date + "' ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว ค.ศ. เช่น 2026-12-07");
      }
      return day;
    }
  }
}
