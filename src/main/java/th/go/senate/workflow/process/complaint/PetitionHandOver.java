package th.go.senate.workflow.process.complaint;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.notice.PetitionerNotices;

/**
 * EndEvent_HandedOverToComplaint of {@code petition}: the petition ends and an independent case starts in
 * the same transaction. A service complaint starts a {@code complaint}, linked both ways by business keys
 * (it carries {@code petitionBusinessKey}, the petition records {@code complaintBusinessKey}); corruption
 * starts an {@code integrityCase} through {@link IntegrityCaseService#handOver}: the petitioner's identity
 * and the link between the two cases go to the protected store, and the petition records no reference.
 */
@Component("petitionHandOver")
public class PetitionHandOver implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final IntegrityCaseService integrityCases;

  public PetitionHandOver(RuntimeService runtimeService, IntegrityCaseService integrityCases) {
    this.runtimeService = runtimeService;
    this.integrityCases = integrityCases;
  }

  @Override
  public void execute(DelegateExecution petition) {
    String subject = (String) petition.getVariable("subject");
    String details = (String) petition.getVariable("details");
    String receivedDate = String.valueOf(petition.getVariable("receivedDate"));
    if ("CORRUPTION".equals(petition.getVariable("triageCategory"))) {
      integrityCases.handOver(petition, "PETITION", subject, details, receivedDate);
      return;
    }
    Map<String, Object> complaint = new HashMap<>();
    complaint.put("channel", "PETITION");
    complaint.put("complaintType", "SERVICE_COMPLAINT");
    complaint.put("complainantName", petition.getVariable("petitionerName"));
    // The complaint has one contact field: the petition's contact and e-mail address, as the integrity store keeps them.
    complaint.put("complainantContact", IntegrityCaseService.reachedBy(text(petition.getVariable("petitionerContact")),
        text(petition.getVariable(PetitionerNotices.EMAIL_VARIABLE))));
    complaint.put("subject", subject);
    complaint.put("details", details);
    complaint.put("receivedDate", receivedDate);
    complaint.put("petitionBusinessKey", petition.getProcessBusinessKey());
    ProcessInstance started = runtimeService.startProcessInstanceByKey("complaint", complaint);
    petition.setVariable("complaintBusinessKey", started.getBusinessKey());
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
