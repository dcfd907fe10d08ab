package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles from value counts must equal SQL's percentile_cont over the same values listed one by one. */
class WorkingMinutesTest {

  @Test
  void noValuesHaveNoPercentile() {
    assertThat(new WorkingMinutes().percentile(0.5)).isNull();
  }

  @Test
  void oneValueIsEveryPercentile() {
    WorkingMinutes minutes = new WorkingMinutes();
    minutes.add(42, 1);
    assertThat(minutes.percentile(0.5)).isEqualTo(42.0);
    assertThat(minutes.percentile(0.9)).isEqualTo(42.0);
  }

  @Test
  void interpolatesBetweenTheTwoNearestValues() {
    // Values 10, 20, 30, 40 (added out of order): median at position 1.5 → 25; p90 at 2.7 → 30 + 0.7 × 10 = 37.
    WorkingMinutes minutes = new WorkingMinutes();
    minutes.add(40, 1);
    minutes.add(10, 1);
    minutes.add(30, 1);
    minutes.add(20, 1);
    assertThat(minutes.percentile(0.5)).isEqualTo(25.0);
    assertThat(minutes.percentile(0.9)).isCloseTo(37.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void repeatedValuesCountEachTime() {
    // 5, 5, 5, 100: median at position 1.5 → 5 (both neighbours are 5); p90 at 2.7 → 5 + 0.7 × 95 = 71.5.
    WorkingMinutes minutes = new WorkingMinutes();
    minutes.add(5, 2);
    minutes.add(100, 1);
    minutes.add(5, 1);
    assertThat(minutes.percentile(0.5)).isEqualTo(5.0);
    assertThat(minutes.percentile(0.9)).isCloseTo(71.5, org.assertj.core.data.Offset.offset(1e-9));
  }
}
