package th.go.senate.workflow.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.FiscalRound;

/**
 * Process indicators measured from the KPI facts over a fiscal round's window (1 October to the cut-off),
 * and compared with the fiscal year's targets. The plan review cycle fills its process KPIs from here. The steps
 * counted are the KPI reports' own ({@link KpiReportQueries#completedAndOnTime}) and the percentage is
 * {@link OnTimeShare}'s, so the indicator and the report show the same figure for the same window.
 */
@Service
public class IndicatorService {

  private final KpiTargetRepository targets;
  private final KpiReportQueries queries;

  public IndicatorService(KpiTargetRepository targets, KpiReportQueries queries) {
    this.targets = targets;
    this.queries = queries;
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
   * One measure of one process over [from, to): how many steps or cases it counts, how many met their time, and
   * the percentage by the one rule of {@link OnTimeShare} ({@code null} when nothing was counted).
   */
  public Measurement measure(String processKey, KpiMeasure measure, Instant from, Instant to) {
    OnTimeShare share = switch (measure) {
      case ON_TIME_PERCENT -> queries.completedAndOnTime(processKey, from, to);
      case CASES_WITHIN_LIMIT_PERCENT -> queries.casesWithinLimit(processKey, from, to);
    };
    return new Measurement(share.counted(), share.onTime(), share.percent());
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
