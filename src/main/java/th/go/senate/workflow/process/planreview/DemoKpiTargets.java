package th.go.senate.workflow.process.planreview;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.DemoProperties;
import th.go.senate.workflow.kpi.KpiTargetRepository;
import th.go.senate.workflow.kpi.KpiTargetService;
import th.go.senate.workflow.kpi.KpiTargetService.TargetInput;

/**
 * Example KPI targets for fiscal years 2569 and 2570, in the demo profile only, so that a plan review round
 * can be tried at once. Real targets are decided by the Secretariat each year and entered through
 * /api/kpi/targets; a migration would have put examples into production. Existing rows are left alone.
 */
@Component
public class DemoKpiTargets {

  private static final Logger LOG = LoggerFactory.getLogger(DemoKpiTargets.class);

  static final List<String[]> EXAMPLES = List.of(
      new String[] {"PET-1", "ร้อยละของขั้นตอนงานเรื่องราวร้องทุกข์ที่ดำเนินการทันเวลามาตรฐาน (ตัวอย่าง)", "petition",
          "ON_TIME_PERCENT", "80", "officePresident"},
      new String[] {"PET-2", "ร้อยละของเรื่องราวร้องทุกข์ที่ดำเนินการแล้วเสร็จภายในกำหนด (ตัวอย่าง)", "petition",
          "CASES_WITHIN_LIMIT_PERCENT", "90", "burCommittee1"},
      new String[] {"PLAN-1", "ร้อยละของขั้นตอนการทบทวนแผนที่ดำเนินการทันเวลามาตรฐาน (ตัวอย่าง)", "planReview",
          "ON_TIME_PERCENT", "100", "burPolicyPlan"},
      new String[] {"MIN-1", "ร้อยละของรายงานการประชุมที่เผยแพร่ภายในกำหนดวันทำการนับจากวันประชุม (ตัวอย่าง)",
          "committeeMinutes", "CASES_WITHIN_LIMIT_PERCENT", "80", "burMinutes"},
      new String[] {"RFM-1", "ร้อยละของรายงานการปฏิรูปประเทศที่วุฒิสภาพิจารณาภายในกำหนดนับจากวันที่ได้รับ (ตัวอย่าง)",
          "reformMonitoring", "CASES_WITHIN_LIMIT_PERCENT", "100", "burMeeting"},
      new String[] {"MOT-1", "ร้อยละของขั้นตอนงานญัตติที่ดำเนินการทันเวลามาตรฐาน (ตัวอย่าง)", "motion",
          "ON_TIME_PERCENT", "90", "burMeeting"},
      new String[] {"VET-1", "ร้อยละของคณะกรรมาธิการตรวจสอบประวัติที่รายงานภายในกำหนดเวลา (ตัวอย่าง)", "appointmentVetting",
          "CASES_WITHIN_LIMIT_PERCENT", "100", "burMeeting"});

  private final DemoProperties demo;
  private final KpiTargetService service;
  private final KpiTargetRepository repository;

  public DemoKpiTargets(DemoProperties demo, KpiTargetService service, KpiTargetRepository repository) {
    this.demo = demo;
    this.service = service;
    this.repository = repository;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void seed() {
    if (!demo.isEnabled()) {
      return;
    }
    int added = 0;
    for (int fiscalYear : new int[] {2569, 2570}) {
      for (String[] e : EXAMPLES) {
        if (repository.find(fiscalYear, e[0]).isEmpty()) {
          service.add(new TargetInput(String.valueOf(fiscalYear), e[0], e[1], e[2], e[3], e[4], e[5]));
          added++;
        }
      }
    }
    LOG.info("Demo KPI targets: {} added for fiscal years 2569 and 2570", added);
  }
}
