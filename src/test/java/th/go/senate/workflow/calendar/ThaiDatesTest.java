package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** The Thai date texts of notices, legal deadlines and reports: one set of month names, Buddhist Era, Bangkok. */
class ThaiDatesTest {

  @Test
  void writesEachFormInBuddhistEra() {
    LocalDate day = LocalDate.of(2026, 11, 26);
    assertThat(ThaiDates.date(day)).isEqualTo("26 พ.ย. 2569");
    assertThat(ThaiDates.longDate(LocalDate.of(2046, 3, 27))).isEqualTo("27 มีนาคม พ.ศ. 2589");
    assertThat(ThaiDates.civilDate(LocalDate.of(2026, 1, 5))).isEqualTo("05/01/2569");
    assertThat(ThaiDates.month(YearMonth.of(2025, 10))).isEqualTo("ต.ค. 2568");
    assertThat(ThaiDates.buddhistYear(day)).isEqualTo(2569);
  }

  @Test
  void timesAreBangkokTime() {
    Instant utcEvening = Instant.parse("2026-11-25T18:30:00Z");
    assertThat(ThaiDates.dateTime(utcEvening)).isEqualTo("26 พ.ย. 2569 เวลา 01.30 น.");
    assertThat(ThaiDates.dateTime(Date.from(utcEvening))).isEqualTo("26 พ.ย. 2569 เวลา 01.30 น.");
    assertThat(ThaiDates.date(utcEvening)).isEqualTo("26 พ.ย. 2569");
    assertThat(ThaiDates.dateTime((Date) null)).isNull();
  }

  @Test
  void aFormValueIsShownInBuddhistEraOtherTextAsItIs() {
    assertThat(ThaiDates.value("2026-11-26")).isEqualTo("26 พ.ย. 2569");
    assertThat(ThaiDates.value("2026-13-45")).isEqualTo("2026-13-45");
    assertThat(ThaiDates.value("ร่างพระราชบัญญัติ")).isEqualTo("ร่างพระราชบัญญัติ");
    assertThat(ThaiDates.value(null)).isNull();
  }
}
