package th.go.senate.workflow.process.planreview;

/** The ids of the plan review model (bpmn/planReview.bpmn) the tests name, once. */
public final class PlanReviewIds {

  public static final String PROCESS = "planReview";

  public static final String REPORT = "Task_ReportKpiResults";
  public static final String CORRECTIVE_PLANS = "Activity_CorrectivePlans";
  public static final String CORRECTIVE_PLANS_DONE = "Gateway_CorrectivePlansDone";
  public static final String PREPARE = "Task_PrepareCorrectivePlan";
  public static final String REVIEW = "Task_ReviewCorrectivePlan";
  public static final String CONSOLIDATE = "Task_ConsolidateRoundReport";
  public static final String APPROVE = "Task_ApproveRoundReport";
  public static final String WEBSITE = "Task_PublishOnWebsite";
  public static final String ANNOUNCE = "Task_AnnounceRoundReport";
  public static final String END = "EndEvent_RoundPublished";

  /** The group of the Bureau of Policy and Planning, which opens rounds and reviews plans. */
  public static final String POLICY_PLAN = "burPolicyPlan";

  private PlanReviewIds() {
  }
}
