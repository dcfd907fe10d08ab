package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.web.Refusal;

/** Round cut-offs and windows across the fiscal-year boundary (FY 2569 = 1 Oct 2025 – 30 Sep 2026). */
class FiscalRoundTest {

  @Test
  void cutOffsFallInTheYearTheFiscalYearEnds() {
    assertThat(new FiscalRound(2569, 6).cutOff()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(new FiscalRound(2569, 9).cutOff()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(new FiscalRound(2569, 12).cutOff()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(new FiscalRound(2570, 6).cutOff()).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  @Test
  void windowRunsFromFirstOctoberToTheEndOfTheCutOffDayInBangkok() {
    FiscalRound round = new FiscalRound(2569, 6);
    assertThat(round.windowStart()).isEqualTo(LocalDateTime.of(2025, 10, 1, 0, 0).atZone(BangkokTime.ZONE).toInstant());
    assertThat(round.windowEnd()).isEqualTo(LocalDateTime.of(2026, 4, 1, 0, 0).atZone(BangkokTime.ZONE).toInstant());
    assertThat(round.closedAt()).isEqualTo(LocalDateTime.of(2026, 3, 31, 16, 30).atZone(BangkokTime.ZONE).toInstant());
    assertThat(FiscalYear.of(round.windowStart())).isEqualTo(2569);
    assertThat(FiscalYear.of(new FiscalRound(2569, 12).windowEnd())).as("the day after the 12-month cut-off").isEqualTo(2570);
    assertThat(new FiscalRound(2569, 12).closesFiscalYear()).isTrue();
    assertThat(new FiscalRound(2569, 9).closesFiscalYear()).isFalse();
  }

  @Test
  void refusesUnknownRoundsAndGregorianYearsWithTheOneRefusal() {
    assertThatThrownBy(() -> new FiscalRound(2569, 3)).isInstanceOf(Refusal.class)
        .hasMessageContaining("6, 9 หรือ 12");
    assertThatThrownBy(() -> new FiscalRound(2026, 6)).isInstanceOf(Refusal.class)
        .hasMessageContaining("พุทธศักราช");
    assertThatThrownBy(() -> new FiscalRound(2499, 12)).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> new FiscalRound(2701, 12)).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> FiscalRound.checkFiscalYear(2026)).isInstanceOf(Refusal.class)
        .hasMessageContaining("2500–2700");
    assertThat(new FiscalRound(2500, 6).fiscalYear()).isEqualTo(2500);
    assertThat(new FiscalRound(2700, 12).fiscalYear()).isEqualTo(2700);
  }
}
