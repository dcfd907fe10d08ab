package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.web.Refusal;

/**
 * The one due-date planner against domain.md "Counting rules", with the seeded government holidays. The
 * JVM runs in UTC in tests, so every case also checks that days are Bangkok days.
 */
class DueDatePlannerTest extends PlatformTest {

  /** Session periods this class inserts carry this name prefix, so that only they are deleted. */
  private static final String SESSION_TAG = "DueDatePlannerTest ";

  @Autowired DueDatePlanner planner;

  @AfterEach
  void removeOwnSessions() {
    jdbc.update("delete from calendar_session_period where name like ?", SESSION_TAG + "%");
    planner.forget();
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return bangkok(LocalDateTime.of(year, month, day, hour, minute));
  }

  private Instant workingDays(Instant start, int days) {
    return planner.due(start, days, CalendarKind.WORKING_DAYS);
  }

  @Test
  void testsRunOutsideBangkokTime() {
    // The cases below would not catch a host-zone bug if the JVM ran in Bangkok time.
    assertThat(TimeZone.getDefault().getID()).isNotEqualTo("Asia/Bangkok");
  }

  @Test
  void workingDaysEndAtHalfPastFourOnTheNthWorkingDayAfterTheStartDay() {
    // Mon 2026-11-23 10:00: the day of receipt does not count.
    assertThat(workingDays(at(2026, 11, 23, 10, 0), 1)).isEqualTo(at(2026, 11, 24, 16, 30));
    assertThat(workingDays(at(2026, 11, 23, 10, 0), 2)).isEqualTo(at(2026, 11, 25, 16, 30));
    // An early start on the same day changes nothing either.
    assertThat(workingDays(at(2026, 11, 23, 8, 30), 1)).isEqualTo(at(2026, 11, 24, 16, 30));
  }

  @Test
  void workingDaysSkipTheWeekend() {
    // Thu 2026-11-26 10:00 + 3 → Fri 27, Mon 30, Tue 1 Dec.
    assertThat(workingDays(at(2026, 11, 26, 10, 0), 3)).isEqualTo(at(2026, 12, 1, 16, 30));
    // Fri + 1 → Mon.
    assertThat(workingDays(at(2026, 11, 27, 9, 0), 1)).isEqualTo(at(2026, 11, 30, 16, 30));
    // Fri + 5 → the next Fri.
    assertThat(workingDays(at(2026, 11, 27, 9, 0), 5)).isEqualTo(at(2026, 12, 4, 16, 30));
  }

  @Test
  void startOnAWeekendAHolidayOrOutOfHoursChangesNothing() {
    Instant mondayDue = at(2026, 11, 30, 16, 30);
    assertThat(workingDays(at(2026, 11, 27, 18, 0), 1)).as("Fri after hours").isEqualTo(mondayDue);
    assertThat(workingDays(at(2026, 11, 27, 7, 0), 1)).as("Fri before hours").isEqualTo(mondayDue);
    assertThat(workingDays(at(2026, 11, 28, 10, 0), 1)).as("Saturday").isEqualTo(mondayDue);
    assertThat(workingDays(at(2026, 11, 29, 23, 59), 1)).as("Sunday night").isEqualTo(mondayDue);
    // Mon 13 Apr 2026 is Songkran: counting starts with the next working day, Thu 16 Apr.
    assertThat(workingDays(at(2026, 4, 13, 10, 0), 1)).as("on a holiday").isEqualTo(at(2026, 4, 16, 16, 30));
  }

  @Test
  void workingDaysSkipSongkran2026() {
    // 13–15 Apr 2026 are holidays: Fri 10 Apr 09:00 + 3 → Thu 16, Fri 17, Mon 20.
    assertThat(workingDays(at(2026, 4, 10, 9, 0), 3)).isEqualTo(at(2026, 4, 20, 16, 30));
    assertThat(workingDays(at(2026, 4, 10, 9, 0), 1)).isEqualTo(at(2026, 4, 16, 16, 30));
  }

  @Test
  void workingDaysSkipInLieuDays() {
    // Mon 2020-07-27 "Songkran Festival (in lieu)" and Tue 2020-07-28 (King's birthday): Fri + 1 → Wed.
    assertThat(planner.isWorkingDay(LocalDate.of(2020, 7, 27))).isFalse();
    assertThat(workingDays(at(2020, 7, 24, 10, 0), 1)).isEqualTo(at(2020, 7, 29, 16, 30));
    // Mon 2026-06-01 "Visakha Bucha (in lieu)": Fri 29 May + 1 → Tue 2 Jun; + 2 → Thu 4 Jun (3 Jun is the
    // Queen's birthday).
    assertThat(workingDays(at(2026, 5, 29, 10, 0), 1)).isEqualTo(at(2026, 6, 2, 16, 30));
    assertThat(workingDays(at(2026, 5, 29, 10, 0), 2)).isEqualTo(at(2026, 6, 4, 16, 30));
  }

  @Test
  void theStartDayIsTheBangkokDateNotTheUtcDate() {
    // Fri 2026-11-27 23:30 Bangkok = 16:30 UTC: still Friday, + 1 → Mon.
    assertThat(workingDays(at(2026, 11, 27, 23, 30), 1)).isEqualTo(at(2026, 11, 30, 16, 30));
    // Mon 2026-11-30 00:30 Bangkok = Sun 29 Nov 17:30 UTC: it is Monday in Bangkok, + 1 → Tue (a UTC date
    // would give Mon).
    Instant mondayJustAfterMidnight = OffsetDateTime.parse("2026-11-29T17:30:00Z").toInstant();
    assertThat(mondayJustAfterMidnight).isEqualTo(at(2026, 11, 30, 0, 30));
    assertThat(workingDays(mondayJustAfterMidnight, 1)).isEqualTo(at(2026, 12, 1, 16, 30));
    // Thu 2026-04-09 23:30 Bangkok + 1 → Fri 10 Apr (not Songkran-shifted, not Thursday).
    assertThat(workingDays(at(2026, 4, 9, 23, 30), 1)).isEqualTo(at(2026, 4, 10, 16, 30));
    // The due instant itself is 09:30 UTC.
    assertThat(workingDays(at(2026, 4, 9, 23, 30), 1)).isEqualTo(Instant.parse("2026-04-10T09:30:00Z"));
  }

  @Test
  void calendarDaysCountTheArrivalDayAsDayOneAndEndAtMidnight() {
    // Arrival Thu 2026-11-26 10:00 = day 1; 15 days end at 24:00 of Thu 10 Dec = 00:00 Fri 11 Dec Bangkok.
    assertThat(planner.due(at(2026, 11, 26, 10, 0), 15, CalendarKind.CALENDAR_DAYS))
        .isEqualTo(at(2026, 12, 11, 0, 0));
    // 1 day ends at the end of the arrival day, whatever the hour; weekends and holidays count.
    assertThat(planner.due(at(2026, 4, 12, 23, 30), 1, CalendarKind.CALENDAR_DAYS))
        .isEqualTo(at(2026, 4, 13, 0, 0));
    assertThat(planner.due(at(2026, 4, 10, 0, 30), 5, CalendarKind.CALENDAR_DAYS))
        .isEqualTo(at(2026, 4, 15, 0, 0));
    // Budget bill, 20 calendar days, arriving 00:30 Bangkok (the previous day in UTC).
    assertThat(planner.due(Instant.parse("2026-08-31T17:30:00Z"), 20, CalendarKind.CALENDAR_DAYS))
        .isEqualTo(at(2026, 9, 21, 0, 0));
  }

  @Test
  void businessMinutesCountOnlyOfficeHoursOfWorkingDays() {
    CalendarKind wd = CalendarKind.WORKING_DAYS;
    // Same day.
    assertThat(planner.businessMinutes(at(2026, 11, 24, 9, 0), at(2026, 11, 24, 10, 15), wd)).isEqualTo(75);
    // Across a night: Tue 15:00 → Wed 09:30 = 90 + 60.
    assertThat(planner.businessMinutes(at(2026, 11, 24, 15, 0), at(2026, 11, 25, 9, 30), wd)).isEqualTo(150);
    // Across a weekend: Fri 15:00 → Mon 10:00 = 90 + 90.
    assertThat(planner.businessMinutes(at(2026, 11, 27, 15, 0), at(2026, 11, 30, 10, 0), wd)).isEqualTo(180);
    // Out of hours to out of hours over a weekend: one full Monday (480).
    assertThat(planner.businessMinutes(at(2026, 11, 27, 20, 0), at(2026, 11, 30, 18, 0), wd)).isEqualTo(480);
    // Across Songkran: Fri 10 Apr 16:00 → Thu 16 Apr 09:00 = 30 + 30.
    assertThat(planner.businessMinutes(at(2026, 4, 10, 16, 0), at(2026, 4, 16, 9, 0), wd)).isEqualTo(60);
    // Nothing on a weekend or in the wrong order.
    assertThat(planner.businessMinutes(at(2026, 11, 28, 9, 0), at(2026, 11, 29, 17, 0), wd)).isZero();
    assertThat(planner.businessMinutes(at(2026, 11, 25, 9, 0), at(2026, 11, 24, 9, 0), wd)).isZero();
    // Calendar days: elapsed time.
    assertThat(planner.businessMinutes(at(2026, 11, 27, 15, 0), at(2026, 11, 30, 10, 0), CalendarKind.CALENDAR_DAYS))
        .isEqualTo((2 * 24 + 19) * 60);
  }

  @Test
  void daysOutOfRangeOrMissingArgumentsAreRejected() {
    Instant start = at(2026, 11, 26, 10, 0);
    for (CalendarKind kind : CalendarKind.values()) {
      assertThatThrownBy(() -> planner.due(start, 0, kind)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ระหว่าง 1 ถึง 3650");
      assertThatThrownBy(() -> planner.due(start, -3, kind)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> planner.due(start, DueDatePlanner.MAX_DAYS + 1, kind))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ระหว่าง 1 ถึง 3650");
    }
    assertThatThrownBy(() -> planner.due(null, 1, CalendarKind.WORKING_DAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> planner.due(start, 1, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sessionDaysCountOnlyDaysInSessionWithTheArrivalDayAsDayOne() {
    // Far-future dates that no other test uses: session A 1–10 Mar 2041, recess 11–19 Mar, session B 20–31 Mar.
    insertSession("A", LocalDate.of(2041, 3, 1), LocalDate.of(2041, 3, 10));
    insertSession("B", LocalDate.of(2041, 3, 20), LocalDate.of(2041, 3, 31));
    planner.forget();
    CalendarKind sd = CalendarKind.SESSION_DAYS;

    // Arrival Fri 8 Mar 23:30 Bangkok (16:30 UTC) = day 1: one day ends at 24:00 of 8 Mar.
    assertThat(planner.due(at(2041, 3, 8, 23, 30), 1, sd)).isEqualTo(at(2041, 3, 9, 0, 0));
    // 3 days: 8, 9, 10 → 24:00 of 10 Mar; weekends in session count.
    assertThat(planner.due(at(2041, 3, 8, 10, 0), 3, sd)).isEqualTo(at(2041, 3, 11, 0, 0));
    // 5 days: 8, 9, 10, (recess 11–19), 20, 21 → 24:00 of 21 Mar.
    assertThat(planner.due(at(2041, 3, 8, 10, 0), 5, sd)).isEqualTo(at(2041, 3, 22, 0, 0));
    // Arriving in recess: the clock waits for the session; 20 Mar is day 1.
    assertThat(planner.due(at(2041, 3, 15, 10, 0), 2, sd)).isEqualTo(at(2041, 3, 22, 0, 0));
    // The last session day itself.
    assertThat(planner.due(at(2041, 3, 20, 0, 30), 12, sd)).isEqualTo(at(2041, 4, 1, 0, 0));
    // More days than the recorded sessions hold: a clear error, not a wrong deadline.
    assertThatThrownBy(() -> planner.due(at(2041, 3, 20, 10, 0), 13, sd))
        .isInstanceOf(Refusal.class);
    // Session business time: whole session days only (10 Mar from 12:00, recess skipped, 20 Mar to 06:00).
    assertThat(planner.businessMinutes(at(2041, 3, 10, 12, 0), at(2041, 3, 20, 6, 0), sd))
        .isEqualTo(12 * 60 + 6 * 60);
  }

  @Test
  void aSessionAddedLaterIsSeenAfterForget() {
    insertSession("A", LocalDate.of(2042, 3, 1), LocalDate.of(2042, 3, 10));
    planner.forget();
    Instant start = at(2042, 3, 9, 10, 0);
    assertThatThrownBy(() -> planner.due(start, 3, CalendarKind.SESSION_DAYS)).isInstanceOf(Refusal.class);
    insertSession("B", LocalDate.of(2042, 4, 1), LocalDate.of(2042, 4, 30));
    planner.forget();
    // 9, 10 (session A), recess, 1 Apr (day 3).
    assertThat(planner.due(start, 3, CalendarKind.SESSION_DAYS)).isEqualTo(at(2042, 4, 2, 0, 0));
  }

  private void insertSession(String name, LocalDate opened, LocalDate closed) {
    jdbc.update("insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)",
        SESSION_TAG + name, Date.valueOf(opened), Date.valueOf(closed));
  }
}
