package th.go.senate.workflow.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.NotFoundException;

/**
 * KPI targets as data: each change is checked completely before anything is written, so a refused change
 * leaves the table as it was.
 */
@Service
public class KpiTargetService {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final KpiTargetRepository repository;
  private final BureauDirectory bureaus;
  private final RepositoryService repositoryService;

  public KpiTargetService(KpiTargetRepository repository, BureauDirectory bureaus, RepositoryService repositoryService) {
    this.repository = repository;
    this.bureaus = bureaus;
    this.repositoryService = repositoryService;
  }

  public List<KpiTarget> list(int fiscalYear) {
    return repository.byFiscalYear(fiscalYear);
  }

  /** The bureaus that own at least one target of the fiscal year, in a stable order. */
  public List<String> owningBureaus(int fiscalYear) {
    return repository.byFiscalYear(fiscalYear).stream().map(KpiTarget::ownerBureau).distinct().sorted().toList();
  }

  @Transactional
  public KpiTarget add(TargetInput input) {
    KpiTarget target = validate(null, input);
    try {
      long id = repository.insert(target);
      return repository.find(id).orElseThrow();
    } catch (DuplicateKeyException race) {
      throw duplicate(target);
    }
  }

  @Transactional
  public KpiTarget change(long id, TargetInput input) {
    if (repository.find(id).isEmpty()) {
      throw notFound(id);
    }
    KpiTarget target = validate(id, input);
    try {
      repository.update(target);
    } catch (DuplicateKeyException race) {
      throw duplicate(target);
    }
    return repository.find(id).orElseThrow();
  }

  @Transactional
  public void remove(long id) {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
  }

  /** A fiscal year as typed (text or number): four digits, Buddhist Era. */
  public static int parseFiscalYear(String text) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("ต้องระบุปีงบประมาณ (พ.ศ.) เช่น 2570");
    }
    String value = text.strip();
    if (!YEAR.matcher(value).matches()) {
      throw new BadRequestException("ปีงบประมาณ '" + text + "' ไม่ถูกต้อง ใช้ปีพุทธศักราช 4 หลัก เช่น 2570");
    }
    int year = Integer.parseInt(value);
    FiscalRound.checkFiscalYear(year);
    return year;
  }

  private KpiTarget validate(Long id, TargetInput in) {
    if (in == null) {
      throw new BadRequestException("ต้องส่งข้อมูลตัวชี้วัด");
    }
    int fiscalYear = parseFiscalYear(in.fiscalYear());
    String code = in.indicatorCode() == null ? "" : in.indicatorCode().strip();
    if (!CODE.matcher(code).matches()) {
      throw new BadRequestException("รหัสตัวชี้วัด '" + in.indicatorCode() + "' ไม่ถูกต้อง ใช้ตัวอักษรอังกฤษ ตัวเลข . _ -"
          + " ไม่เกิน 50 ตัว เช่น PET-1");
    }
    String nameTh = in.nameTh() == null ? "" : in.nameTh().strip();
    if (nameTh.isEmpty() || nameTh.length() > 500) {
      throw new BadRequestException("ต้องระบุชื่อตัวชี้วัดภาษาไทย ไม่เกิน 500 ตัวอักษร");
    }
    InputRules.requireText("nameTh", nameTh);
    String processKey = in.processKey() == null ? "" : in.processKey().strip();
    if (processKey.isEmpty()
        || repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
      throw new BadRequestException("ไม่พบกระบวนงาน '" + in.processKey() + "' ที่ติดตั้งในระบบ");
    }
    KpiMeasure measure;
    try {
      measure = KpiMeasure.valueOf(in.measure() == null ? "" : in.measure().strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("ไม่รู้จักวิธีวัด '" + in.measure() + "' ใช้ ON_TIME_PERCENT หรือ "
          + "CASES_WITHIN_LIMIT_PERCENT");
    }
    BigDecimal target;
    try {
      target = new BigDecimal(in.target() == null ? "" : in.target().strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("ค่าเป้าหมาย '" + in.target() + "' ต้องเป็นตัวเลข 0–100");
    }
    if (target.signum() < 0 || target.compareTo(HUNDRED) > 0) {
      throw new BadRequestException("ค่าเป้าหมายต้องอยู่ระหว่าง 0 ถึง 100 (ร้อยละ) ได้รับ " + target.toPlainString());
    }
    if (target.stripTrailingZeros().scale() > 1) {
      throw new BadRequestException("ค่าเป้าหมายมีทศนิยมได้ไม่เกิน 1 ตำแหน่ง ได้รับ " + target.toPlainString());
    }
    String owner = in.ownerBureau() == null ? "" : in.ownerBureau().strip();
    boolean isBureau = bureaus.getGroups().stream().anyMatch(g -> g.hasHeadGroup() && g.getId().equals(owner));
    if (!isBureau) {
      throw new BadRequestException("ไม่รู้จักสำนักเจ้าของตัวชี้วัด '" + in.ownerBureau() + "' ใช้รหัสสำนักตาม "
          + "identity/bureaus.yaml เช่น burPolicyPlan");
    }
    KpiTarget candidate = new KpiTarget(id, fiscalYear, code, nameTh, processKey, measure, target.setScale(1), owner);
    repository.find(fiscalYear, code).filter(existing -> !existing.id().equals(id)).ifPresent(existing -> {
      throw duplicate(candidate);
    });
    return candidate;
  }

  private static BadRequestException duplicate(KpiTarget target) {
    return new BadRequestException("ตัวชี้วัด " + target.indicatorCode() + " ของปีงบประมาณ " + target.fiscalYear()
        + " มีอยู่แล้ว ไม่ได้บันทึกซ้ำ");
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("ไม่พบตัวชี้วัดเป้าหมายหมายเลข " + id);
  }

  /** What a client sends; numbers arrive as text so that a malformed one gets a message naming it. */
  public record TargetInput(String fiscalYear, String indicatorCode, String nameTh, String processKey, String measure,
      String target, String ownerBureau) {
  }
}
