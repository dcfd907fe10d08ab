package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one "% on time": exact, one decimal, half up; nothing counted is no figure. */
class OnTimeShareTest {

  @Test
  void roundsTheExactShareHalfUpToOneDecimal() {
    assertThat(new OnTimeShare(6, 5).percent()).isEqualByComparingTo("83.3");
    assertThat(new OnTimeShare(3, 2).percent()).isEqualByComparingTo("66.7");
    assertThat(new OnTimeShare(8, 1).percent()).isEqualByComparingTo("12.5");
    assertThat(new OnTimeShare(16, 1).percent()).isEqualByComparingTo("6.3"); // 6.25 exactly: up
    assertThat(new OnTimeShare(2000, 1).percent()).isEqualByComparingTo("0.1"); // 0.05 exactly: up
    assertThat(new OnTimeShare(2001, 1).percent()).isEqualByComparingTo("0.0"); // 0.049…
    assertThat(new OnTimeShare(4, 4).percentValue()).isEqualTo(100.0);
    assertThat(new OnTimeShare(4, 0).percentValue()).isEqualTo(0.0);
    assertThat(new OnTimeShare(6, 5).percent().scale()).isEqualTo(1);
  }

  @Test
  void nothingCountedIsNoFigure() {
    assertThat(new OnTimeShare(0, 0).percent()).isNull();
    assertThat(new OnTimeShare(0, 0).percentValue()).isNull();
  }

  @Test
  void theReportsFormerDoubleFormulaAndTheIndicatorsDecimalOneAgreeEverywhere() {
    // The reports computed Math.round(1000.0 * part / whole) / 10.0, the indicators BigDecimal HALF_UP: the one
    // rule gives both their former figures for every share of up to 1,000 counted.
    for (long whole = 1; whole <= 1000; whole++) {
      for (long part = 0; part <= whole; part++) {
        OnTimeShare share = new OnTimeShare(whole, part);
        assertThat(share.percentValue()).as("%d of %d", part, whole)
            .isEqualTo(Math.round(1000.0 * part / whole) / 10.0);
      }
    }
  }

  @Test
  void sharesAddUpAndCannotCountMoreOnTimeThanCounted() {
    assertThat(new OnTimeShare(3, 2).plus(new OnTimeShare(3, 3))).isEqualTo(new OnTimeShare(6, 5));
    assertThatThrownBy(() -> new OnTimeShare(1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OnTimeShare(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aComputedPercentageIsRoundedByTheSameRule() {
    assertThat(OnTimeShare.round(44.791666)).isEqualTo(44.8);
    assertThat(OnTimeShare.round(82.5)).isEqualTo(82.5);
    assertThat(OnTimeShare.round(12.25)).isEqualTo(12.3);
    assertThat(OnTimeShare.round(0.04999)).isEqualTo(0.0);
  }
}
