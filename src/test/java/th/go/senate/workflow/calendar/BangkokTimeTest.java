package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one reading of a date value (form value or process variable) and of "today": every rule that used its own
 * parse now asks {@link BangkokTime}, so these cases hold for all of them. The tests run in UTC (surefire), so a
 * Bangkok day that differs from the UTC day shows.
 */
class BangkokTimeTest {

  /** 01:30 on 1 Dec 2026 in Bangkok is still 30 Nov in UTC. */
  private static final Instant EARLY_MORNING_BANGKOK = Instant.parse("2026-11-30T18:30:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void todayIsTheBangkokDayOnTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(EARLY_MORNING_BANGKOK));
    assertThat(BangkokTime.now()).isEqualTo(EARLY_MORNING_BANGKOK);
    assertThat(BangkokTime.today()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(BangkokTime.dateOf(EARLY_MORNING_BANGKOK)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(BangkokTime.startOf(LocalDate.of(2026, 12, 1))).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
  }

  @Test
  void readsTheDayOfEveryKindOfDateValue() {
    LocalDate day = LocalDate.of(2026, 12, 1);
    assertThat(BangkokTime.date("2026-12-01")).as("form-js").isEqualTo(day);
    assertThat(BangkokTime.date("  2026-12-01 ")).isEqualTo(day);
    assertThat(BangkokTime.date(day)).isEqualTo(day);
    assertThat(BangkokTime.date(Date.from(EARLY_MORNING_BANGKOK))).as("a Date is read in Bangkok").isEqualTo(day);
    assertThat(BangkokTime.date(EARLY_MORNING_BANGKOK)).isEqualTo(day);
    assertThat(BangkokTime.date("2026-11-30T18:30:00Z")).as("an ISO instant, its Bangkok day").isEqualTo(day);
    assertThat(BangkokTime.date("2026-12-01T01:30:00+07:00")).isEqualTo(day);
    assertThat(BangkokTime.date(OffsetDateTime.of(2026, 11, 30, 18, 30, 0, 0, ZoneOffset.UTC))).isEqualTo(day);
    assertThat(BangkokTime.date("2026-12-01T09:00")).as("a local date-time").isEqualTo(day);
    assertThat(BangkokTime.date(LocalDateTime.of(2026, 12, 1, 9, 0))).isEqualTo(day);
  }

  @Test
  void anythingElseIsNotADate() {
    assertThat(BangkokTime.date(null)).isNull();
    assertThat(BangkokTime.date("")).isNull();
    assertThat(BangkokTime.date("   ")).isNull();
    assertThat(BangkokTime.date("01/12/2569")).as("Thai civil text is not a form value").isNull();
    assertThat(BangkokTime.date("2026-02-30")).isNull();
    assertThat(BangkokTime.date("2026-12-01xyz")).isNull();
    assertThat(BangkokTime.date(20261201)).isNull();
    assertThat(BangkokTime.instant("not a date")).isNull();
    assertThat(BangkokTime.instant(null)).isNull();
  }

  @Test
  void anInstantIsExactAndADateAloneStartsAtMidnightInBangkok() {
    assertThat(BangkokTime.instant("2026-12-01")).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    assertThat(BangkokTime.instant(LocalDate.of(2026, 12, 1))).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    assertThat(BangkokTime.instant("2026-12-01T09:00:00+07:00")).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    assertThat(BangkokTime.instant("2026-12-01T09:00")).as("no zone: Bangkok")
        .isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    assertThat(BangkokTime.instant(Date.from(EARLY_MORNING_BANGKOK))).isEqualTo(EARLY_MORNING_BANGKOK);
  }
}
