package th.go.senate.workflow.process.legislation;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.decision.DecisionTables;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.web.Refusal;

/**
 * Looks up the limit of a bill type in the deployed decision table {@code billLimit}, with the engine's DMN
 * engine directly (no user rights needed, no decision history: it runs whenever a deadline is re-planned).
 */
@Service
public class BillLimitService {

  public static final String DECISION_KEY = "billLimit";

  private final DecisionTables decisionTables;

  public BillLimitService(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  public BillLimit limitFor(String billType) {
    if (billType == null || billType.isBlank()) {
      throw new Refusal("ต้องระบุประเภทร่างพระราชบัญญัติ");
    }
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("billType", billType));
    if (row == null) {
      throw new Refusal("ไม่รู้จักประเภทร่างพระราชบัญญัติ '" + billType + "' ในตารางกำหนดเวลาของวุฒิสภาตามประเภทร่างพระราชบัญญัติ");
    }
    return new BillLimit(billType,
        ((Number) row.getEntry("limitDays")).intValue(),
        CalendarKind.valueOf((String) row.getEntry("calendar")),
        ((Number) row.getEntry("maxExtensionDays")).intValue(),
        ((Number) row.getEntry("sittingNoticeDays")).intValue());
  }
}
