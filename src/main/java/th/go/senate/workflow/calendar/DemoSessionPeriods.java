package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.StartupLock;

/**
 * Plausible session periods for the current and the next year, in the demo profile only
 * ({@code senate.demo.session-periods}, set by application-demo.yaml and nowhere else), so that a bill can be
 * registered on the first {@code mvn spring-boot:run}: its limit counts session days, and without sessions
 * there is nothing to count. Real periods are opened and closed by royal decree and entered through
 * /api/calendar/sessions; a migration would have put invented dates into production.
 *
 * <p>The shape is the usual one of the two ordinary sessions of 120 days (Constitution s.121-122): the first
 * from 3 July, the second from 12 December. Every seeded name ends with {@link #MARK}, so an administrator
 * sees at once which periods are demo data. A period that overlaps one already recorded is left out, so a
 * second start (or a period the administrator entered) adds nothing.
 */
@Component
public class DemoSessionPeriods {

  /** Ends the name of every seeded period. */
  public static final String MARK = "(ข้อมูลตัวอย่าง demo)";

  static final int SESSION_DAYS = 120;
  static final MonthDay FIRST_OPENS = MonthDay.of(7, 3);
  static final MonthDay SECOND_OPENS = MonthDay.of(12, 12);

  private static final Logger LOG = LoggerFactory.getLogger(DemoSessionPeriods.class);

  private final boolean enabled;
  private final SessionPeriodService service;
  private final SessionPeriodRepository repository;
  private final StartupLock startupLock;

  public DemoSessionPeriods(@Value("${senate.demo.session-periods:false}") boolean enabled,
      SessionPeriodService service, SessionPeriodRepository repository, StartupLock startupLock) {
    this.enabled = enabled;
    this.service = service;
    this.repository = repository;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(21)
  public void seedAtStart() {
    if (!enabled) {
      return;
    }
    int year = BangkokTime.today().getYear();
    // Nodes of one demo cluster take turns, so the second finds the first one's periods.
    startupLock.run(() -> {
      int added = seed(year);
      LOG.info("Demo session periods: {} added for {} and {}", added, year, year + 1);
    });
  }

  /**
   * Records the demo periods that touch {@code year} or {@code year + 1} (the second session of the year
   * before runs into January) and overlap nothing recorded; returns how many were added.
   */
  public int seed(int year) {
    int added = 0;
    for (SessionPeriod period : periods(year)) {
      if (repository.overlapping(period.openedOn(), period.closedOn(), null).isEmpty()) {
        service.add(period);
        added++;
      }
    }
    return added;
  }

  /** The demo periods for {@code year} and {@code year + 1}, in order. */
  static List<SessionPeriod> periods(int year) {
    List<SessionPeriod> periods = new ArrayList<>();
    periods.add(period(year - 1, SECOND_OPENS, "ครั้งที่สอง"));
    for (int y = year; y <= year + 1; y++) {
      periods.add(period(y, FIRST_OPENS, "ครั้งที่หนึ่ง"));
      periods.add(period(y, SECOND_OPENS, "ครั้งที่สอง"));
    }
    return periods;
  }

  private static SessionPeriod period(int year, MonthDay opens, String which) {
    LocalDate openedOn = opens.atYear(year);
    return new SessionPeriod(null, "สมัยประชุมสามัญประจำปี" + which + " พ.ศ. " + (year + 543) + " " + MARK, openedOn,
        openedOn.plusDays(SESSION_DAYS - 1));
  }
}
