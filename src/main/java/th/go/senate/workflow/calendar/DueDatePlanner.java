package th.go.senate.workflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.web.Refusal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The one due-date planner: turns (start, number of days, calendar) into an instant, and measures the
 * business time between two instants. Task due dates, SLA timers, reports and the calendar API all
 * call it, so that a deadline is counted the same way everywhere (domain.md, "Counting rules").
 */
@Component
public class DueDatePlanner {

  public static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
  public static final LocalTime OFFICE_CLOSES = LocalTime.of(16, 30);

  /** No deadline of the Secretariat is ten years away; a larger number is a typing mistake. */
  public static final int MAX_DAYS = 3650;

  /** Counting never looks further than this for the N-th day (guards against a calendar with no sessions). */
  private static final int MAX_DAYS_SEARCHED = 3 * 366;

  /**
   * Holidays and sessions are read from the database and kept for a minute: a change on this node
   * clears the copy at once, a change made on another node of a cluster is seen within the minute.
   */
  private static final Duration SNAPSHOT_TTL = Duration.ofMinutes(1);

  private final HolidayRepository holidays;
  private final SessionPeriodRepository sessions;
  /** One entry (the calendar); cleared by {@link #forget} and {@link #forgetRolledBack}. */
  private final LoadingCache<Boolean, Snapshot> snapshot = Caffeine.newBuilder().expireAfterWrite(SNAPSHOT_TTL)
      .build(calendar -> read());

  public DueDatePlanner(HolidayRepository holidays, SessionPeriodRepository sessions) {
    this.holidays = holidays;
    this.sessions = sessions;
  }

  /**
   * The deadline of {@code days} days on {@code calendar} counted from {@code start}.
   *
   * <ul>
   *   <li>WORKING_DAYS: 16:30 Bangkok time of the N-th working day strictly after the local date of
   *       start (a start on a holiday or after hours changes nothing).</li>
   *   <li>CALENDAR_DAYS: the local date of start is day 1; the deadline is 24:00 of day N.</li>
   *   <li>SESSION_DAYS: as CALENDAR_DAYS, counting only days inside a session period.</li>
   * </ul>
   */
  public Instant due(Instant start, int days, CalendarKind calendar) {
    if (start == null) {
      throw new IllegalArgumentException("ต้องระบุเวลาเริ่มนับ");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("จำนวนวันต้องอยู่ระหว่าง 1 ถึง " + MAX_DAYS);
    }
    if (calendar == null) {
      throw new IllegalArgumentException("ต้องระบุปฏิทิน");
    }
    Snapshot data = snapshot();
    LocalDate startDay = BangkokTime.dateOf(start);
    switch (calendar) {
      case WORKING_DAYS: {
        LocalDate day = startDay;
        int counted = 0;
        while (counted < days) {
          day = day.plusDays(1);
          if (data.isWorkingDay(day)) {
            counted++;
          }
        }
        return day.atTime(OFFICE_CLOSES).atZone(BangkokTime.ZONE).toInstant();
      }
      case CALENDAR_DAYS:
        return endOfDay(startDay.plusDays(days - 1L));
      case SESSION_DAYS: {
        LocalDate day = startDay;
        int counted = 0;
        for (int searched = 0; searched <= MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
          if (data.isSessionDay(day) && ++counted == days) {
            return endOfDay(day);
          }
        }
        // The caller cannot fix this, the calendar's maintainers can: the message says what they must enter.
        throw new Refusal("ไม่มีสมัยประชุมเพียงพอที่จะนับ " + days + " วันนับแต่วันที่ " + ThaiDates.date(startDay)
            + ": ผู้ดูแลปฏิทิน (ผู้ดูแลระบบหรือผู้ดูแลตัวชี้วัด) ต้องบันทึกสมัยประชุมของวุฒิสภา (ชื่อสมัยประชุม วันเปิดและ"
            + "วันปิดสมัยประชุม) ที่ครอบคลุมตั้งแต่วันที่ " + ThaiDates.date(startDay) + " ให้มีวันประชุมรวมอย่างน้อย " + days + " วัน"
            + " ในปฏิทินของระบบก่อน แล้วจึงดำเนินการอีกครั้ง");
      }
      default:
        throw new IllegalArgumentException("Unknown calendar " + calendar);
    }
  }

  /**
   * Business time between two instants on a calendar, in whole minutes: office hours of working days for
   * WORKING_DAYS, whole session days for SESSION_DAYS, elapsed time for CALENDAR_DAYS.
   */
  public long businessMinutes(Instant from, Instant to, CalendarKind calendar) {
    if (from == null || to == null || !to.isAfter(from)) {
      return 0;
    }
    if (calendar == CalendarKind.CALENDAR_DAYS) {
      return Duration.between(from, to).toMinutes();
    }
    Snapshot data = snapshot();
    long seconds = 0;
    for (LocalDate day = BangkokTime.dateOf(from); !day.isAfter(BangkokTime.dateOf(to));
        day = day.plusDays(1)) {
      Instant open;
      Instant close;
      if (calendar == CalendarKind.WORKING_DAYS) {
        if (!data.isWorkingDay(day)) {
          continue;
        }
        open = day.atTime(OFFICE_OPENS).atZone(BangkokTime.ZONE).toInstant();
        close = day.atTime(OFFICE_CLOSES).atZone(BangkokTime.ZONE).toInstant();
      } else {
        if (!data.isSessionDay(day)) {
          continue;
        }
        open = BangkokTime.startOf(day);
        close = endOfDay(day);
      }
      Instant a = from.isAfter(open) ? from : open;
      Instant b = to.isBefore(close) ? to : close;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).getSeconds();
      }
    }
    return seconds / 60;
  }

  /**
   * How many days of {@code calendar} lie between two dates, both inclusive (e.g. the session days a bill
   * used from its arrival day to the day of the Senate's vote). Zero when {@code to} is before {@code from}.
   */
  public int daysCounted(LocalDate from, LocalDate to, CalendarKind calendar) {
    if (from == null || to == null || to.isBefore(from)) {
      return 0;
    }
    Snapshot data = snapshot();
    int counted = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      boolean counts = switch (calendar) {
        case WORKING_DAYS -> data.isWorkingDay(day);
        case SESSION_DAYS -> data.isSessionDay(day);
        case CALENDAR_DAYS -> true;
      };
      if (counts) {
        counted++;
      }
    }
    return counted;
  }

  /** The deadline N working days from now: Tasklist filters use it ("due within 2 working days"). */
  public Date workingDaysFromNow(int days) {
    // The engine's clock, so that tests which move it see the same filters as a clerk would.
    return Date.from(due(BangkokTime.now(), days, CalendarKind.WORKING_DAYS));
  }

  public boolean isWorkingDay(LocalDate day) {
    return snapshot().isWorkingDay(day);
  }

  /** Called when holidays or sessions change on this node: the next computation reads them again. */
  @EventListener(CalendarChangedEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void forget() {
    snapshot.invalidateAll();
  }

  /**
   * A calendar change that was rolled back must not survive in this node's copy: forget it again once
   * the transaction has ended either way.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
  public void forgetRolledBack(CalendarChangedEvent event) {
    snapshot.invalidateAll();
  }

  private static Instant endOfDay(LocalDate day) {
    return BangkokTime.startOf(day.plusDays(1));
  }

  private Snapshot snapshot() {
    return snapshot.get(Boolean.TRUE);
  }

  private Snapshot read() {
    Set<LocalDate> days = new HashSet<>();
    holidays.findAll().forEach(h -> days.add(h.date()));
    return new Snapshot(days, sessions.findAll());
  }

  private record Snapshot(Set<LocalDate> holidays, List<SessionPeriod> sessions) {

    boolean isWorkingDay(LocalDate day) {
      return switch (day.getDayOfWeek()) {
        case SATURDAY, SUNDAY -> false;
        default -> !holidays.contains(day);
      };
    }

    boolean isSessionDay(LocalDate day) {
      for (SessionPeriod period : sessions) {
        if (period.contains(day)) {
          return true;
        }
      }
      return false;
    }
  }

  /** For messages: a deadline as staff read it, in Bangkok time. */
  public static ZonedDateTime local(Instant instant) {
    return instant.atZone(BangkokTime.ZONE);
  }
}
