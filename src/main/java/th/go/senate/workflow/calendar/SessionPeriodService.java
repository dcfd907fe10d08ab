package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.ConflictException;
import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.NotFoundException;
import th.go.senate.workflow.web.Refusal;

/**
 * Opens, changes (closes early, extends) and removes parliamentary session periods. Every change re-plans,
 * in the same transaction, every open deadline (a bill's legal limit counts session days): either the
 * calendar and all deadlines change together, or nothing does.
 */
@Service
public class SessionPeriodService {

  /** An ordinary session lasts 120 days and may be extended; a year-long "session" is a typing mistake. */
  public static final int MAX_SESSION_DAYS = 366;

  private final SessionPeriodRepository repository;
  private final ApplicationEventPublisher events;

  public SessionPeriodService(SessionPeriodRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  public List<SessionPeriod> list() {
    return repository.findAll();
  }

  @Transactional
  public SessionPeriod add(SessionPeriod request) {
    SessionPeriod period = checked(request, null);
    long id = repository.insert(period);
    SessionPeriod saved = new SessionPeriod(id, period.name(), period.openedOn(), period.closedOn());
    replan("session opened " + saved.openedOn() + ".." + saved.closedOn());
    return saved;
  }

  @Transactional
  public SessionPeriod change(long id, SessionPeriod request) {
    if (repository.find(id).isEmpty()) {
      throw notFound(id);
    }
    SessionPeriod period = checked(request, id);
    SessionPeriod saved = new SessionPeriod(id, period.name(), period.openedOn(), period.closedOn());
    repository.update(saved);
    replan("session " + id + " changed to " + saved.openedOn() + ".." + saved.closedOn());
    return saved;
  }

  @Transactional
  public void remove(long id) {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
    replan("session " + id + " removed");
  }

  private SessionPeriod checked(SessionPeriod period, Long id) {
    if (period.name() == null || period.name().isBlank()) {
      throw new BadRequestException("ต้องระบุชื่อสมัยประชุม");
    }
    if (period.name().length() > 200) {
      throw new BadRequestException("ชื่อสมัยประชุมยาวเกิน 200 ตัวอักษร");
    }
    InputRules.requireText("name", period.name());
    if (period.openedOn() == null || period.closedOn() == null) {
      throw new BadRequestException("ต้องระบุวันเปิดและวันปิดสมัยประชุม");
    }
    if (period.closedOn().isBefore(period.openedOn())) {
      throw new BadRequestException("วันปิดสมัยประชุม " + ThaiDates.date(period.closedOn()) + " อยู่ก่อนวันเปิด " + ThaiDates.date(period.openedOn())
          + " ไม่ได้บันทึก");
    }
    long days = ChronoUnit.DAYS.between(period.openedOn(), period.closedOn()) + 1;
    if (days > MAX_SESSION_DAYS) {
      throw new BadRequestException("สมัยประชุมยาว " + days + " วัน เกิน " + MAX_SESSION_DAYS
          + " วัน ตรวจสอบวันที่อีกครั้ง");
    }
    List<SessionPeriod> clashes = repository.overlapping(period.openedOn(), period.closedOn(), id);
    if (!clashes.isEmpty()) {
      SessionPeriod other = clashes.get(0);
      throw new BadRequestException("ช่วงวันที่ " + ThaiDates.date(period.openedOn()) + " ถึง " + ThaiDates.date(period.closedOn())
          + " ทับซ้อนกับสมัยประชุม \"" + other.name() + "\" (" + ThaiDates.date(other.openedOn()) + " ถึง " + ThaiDates.date(other.closedOn())
          + ") ไม่ได้บันทึก");
    }
    return new SessionPeriod(id, period.name().strip(), period.openedOn(), period.closedOn());
  }

  /**
   * Re-plans every open deadline. A change that leaves an open bill without enough recorded session days
   * to count its limit is refused as a whole (the next session must be recorded first).
   */
  private void replan(String what) {
    try {
      events.publishEvent(new CalendarChangedEvent(what));
    } catch (ProcessEngineException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof Refusal)) {
        cause = cause.getCause();
      }
      if (cause == null) {
        throw e;
      }
      throw new ConflictException("เปลี่ยนสมัยประชุมไม่ได้ เพราะกำหนดเวลาของเรื่องที่ค้างอยู่นับไม่ได้: "
          + cause.getMessage() + " — บันทึกสมัยประชุมถัดไปก่อน ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ");
    }
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("ไม่พบสมัยประชุมรหัส " + id);
  }

  /** For the API: a session as text dates, parsed with a message naming a malformed one. */
  public static LocalDate parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate day = BangkokTime.date(value);
    if (day == null) {
      throw new BadRequestException("วันที่ '" + value + "' ของ " + field + " ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว ค.ศ.");
    }
    return day;
  }
}
