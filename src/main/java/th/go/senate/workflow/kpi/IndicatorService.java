package th.go.senate.workflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.FiscalRound;

/**
 * Process indicators measured from the KPI facts over a fiscal round's window (1 October to the cut-off),
 * and compared with the fiscal year's targets. The plan review cycle fills its process KPIs from here; the
 * % on time is the KPI reports' own ({@link KpiReportService#completedAndOnTime}), so a figure is computed one way.
 */
@Service
public class IndicatorService {

  private final JdbcTemplate jdbc;
  private final KpiTargetRepository targets;
  private final KpiReportService reports;

  public IndicatorService(JdbcTemplate jdbc, KpiTargetRepository targets, KpiReportService reports) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.reports = reports;
  }

  /** Every target of the round's fiscal year with its measured value; ordered by indicator code. */
  public List<IndicatorResult> evaluate(FiscalRound round) {
    return targets.byFiscalYear(round.fiscalYear()).stream()
        .map(target -> {
          Measurement m = measure(target.processKey(), target.measure(), round.windowStart(), round.windowEnd());
          return new IndicatorResult(target, m.percent(), m.counted(),
              m.percent() != null && m.percent().compareTo(target.target()) < 0);
        })
        .toList();
  }

  /**
   * One measure of one process over [from, to): the percentage (one decimal, half up) and how many steps or
   * cases it counts; the percentage is {@code null} when nothing was counted.
   */
  public Measurement measure(String processKey, KpiMeasure measure, Instant from, Instant to) {
    long[] counts = switch (measure) {
      case ON_TIME_PERCENT -> reports.completedAndOnTime(processKey, from, to);
      case CASES_WITHIN_LIMIT_PERCENT -> jdbc.queryForObject("select count(*), "
          + "coalesce(sum(case when legal_limit_met = true then 1 else 0 end), 0) from kpi_case_fact "
          + "where process_key = ? and ended_at >= ? and ended_at < ? "
          + "and (outcome is null or outcome <> '" + KpiRecorder.CANCELLED + "')",
          (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, processKey, KpiRepository.time(from),
          KpiRepository.time(to));
    };
    long counted = counts[0];
    long met = counts[1];
    BigDecimal percent = counted == 0 ? null
        : BigDecimal.valueOf(met * 100L).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
    return new Measurement(counted, met, percent);
  }

  /** How many steps or cases were counted, how many met, and the percentage (null when none counted). */
  public record Measurement(long counted, long met, BigDecimal percent) {
  }

  /**
   * An indicator in a round: its target, the measured value ({@code null}: no data in the window, so not
   * compared) and whether it is below target.
   */
  public record IndicatorResult(KpiTarget target, BigDecimal value, long counted, boolean belowTarget) {
  }
}
