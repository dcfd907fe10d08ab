package th.go.senate.workflow.kpi;

import java.math.BigDecimal;

/**
 * The target of one indicator in one fiscal year (table kpi_target): the process it measures, how, the
 * target percentage and the bureau that owns it.
 */
public record KpiTarget(Long id, int fiscalYear, String indicatorCode, String nameTh, String processKey,
    KpiMeasure measure, BigDecimal target, String ownerBureau) {
}
