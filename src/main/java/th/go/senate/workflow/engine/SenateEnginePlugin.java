package th.go.senate.workflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.form.FormValidator;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.notice.BureauDigest;
import th.go.senate.workflow.notice.NoticeJobHandler;
import th.go.senate.workflow.notice.NoticeMetrics;
import th.go.senate.workflow.notice.NoticeOutbox;
import th.go.senate.workflow.notice.NoticeProperties;
import th.go.senate.workflow.notice.NoticeRetryCommand;
import th.go.senate.workflow.notice.PetitionerNotices;
import th.go.senate.workflow.notice.StaffNotices;
import th.go.senate.workflow.sla.SlaTaskListener;
import th.go.senate.workflow.identity.TaskHandOver;
import th.go.senate.workflow.tracking.TrackingCodes;

/**
 * The engine plugin of the platform (the Spring Boot starter picks up every ProcessEnginePlugin bean):
 * registers {@link StepInstrumentation} as a parse listener, the input rule for variables ({@link TextVariableRule}),
 * the retry of a person's task command that collided with a job ({@link PersonFirstRetry}), and the notice job
 * ({@link NoticeJobHandler}) with its retry handling ({@link NoticeRetryCommand}) and the daily digest job
 * ({@link BureauDigest}). The listeners are injected lazily because they use engine services, which exist only
 * once the engine this plugin configures has been built.
 */
@Component
public class SenateEnginePlugin extends AbstractProcessEnginePlugin {

  private final SlaTaskListener sla;
  private final TaskHandOver handOver;
  private final KpiRecorder kpi;
  private final FormValidator forms;
  private final CaseStart caseStart;
  private final TrackingCodes trackingCodes;
  private final StaffNotices staffNotices;
  private final PetitionerNotices petitionerNotices;
  private final NoticeJobHandler noticeJob;
  private final BureauDigest digest;
  private final NoticeProperties noticeProperties;
  private final NoticeOutbox outbox;
  private final NoticeMetrics noticeMetrics;
  private final boolean enabled;

  public SenateEnginePlugin(@Lazy SlaTaskListener sla, @Lazy KpiRecorder kpi, @Lazy FormValidator forms,
      @Lazy CaseStart caseStart, @Lazy TrackingCodes trackingCodes, @Lazy StaffNotices staffNotices,
      @Lazy PetitionerNotices petitionerNotices, @Lazy NoticeJobHandler noticeJob, @Lazy BureauDigest digest, NoticeProperties noticeProperties,
      @Lazy NoticeOutbox outbox, @Lazy NoticeMetrics noticeMetrics, @Lazy TaskHandOver handOver,
      @Value("${senate.instrumentation.enabled:true}") boolean enabled) {
    this.enabled = enabled;
    this.trackingCodes = trackingCodes;
    this.staffNotices = staffNotices;
    this.petitionerNotices = petitionerNotices;
    this.noticeJob = noticeJob;
    this.digest = digest;
    this.noticeProperties = noticeProperties;
    this.outbox = outbox;
    this.noticeMetrics = noticeMetrics;
    this.sla = sla;
    this.handOver = handOver;
    this.kpi = kpi;
    this.forms = forms;
    this.caseStart = caseStart;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The input rule for every String variable, on every route (not switched off with the instrumentation).
    List<HistoryEventHandler> historyHandlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    historyHandlers.add(new TextVariableRule());
    configuration.setCustomHistoryEventHandlers(historyHandlers);
    // A person's task command is run again when the platform's own job changed the task meanwhile.
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new PersonFirstRetry());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    // The notice job is registered even without instrumentation, so that notices already in the outbox are sent.
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(noticeJob);
    configuration.getCustomJobHandlers().add(digest);
    configuration.setFailedJobCommandFactory(NoticeRetryCommand.factory(noticeProperties, outbox, noticeMetrics));
    if (!enabled) {
      LoggerFactory.getLogger(SenateEnginePlugin.class).warn("senate.instrumentation.enabled=false: no SLA, KPI, "
          + "form check or reference number is attached to the models (benchmark setting, never production)");
      return;
    }
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new StepInstrumentation(sla, kpi, forms, caseStart,
        trackingCodes, staffNotices, petitionerNotices, handOver));
  }
}
