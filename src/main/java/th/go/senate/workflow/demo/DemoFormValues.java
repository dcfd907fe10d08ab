package th.go.senate.workflow.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import th.go.senate.workflow.form.FormDefinition;
import th.go.senate.workflow.form.FormField;

/**
 * What a clerk would type into a form of the demo history: every input of the deployed .form file is filled
 * (so the platform's own form check sees a complete form), choices are drawn with the weights of a believable
 * year (most petitions concluded, most questions admissible, a few returned drafts), dates are the day the step
 * is worked, and the few values a process rule ties together (the votes of a secret sitting, the signatures of a
 * motion, a Monday question slot, a sitting notice of at least three days) are chosen so that the rule holds.
 * A field the form hides under the values chosen so far is left out, as form-js leaves it out.
 */
final class DemoFormValues {

  /** Weighted choices: value, weight (a value not listed weighs 1; a weight of 0 is never drawn). */
  private static final Map<String, Map<String, Integer>> WEIGHTS = Map.ofEntries(
      Map.entry("considerationStatus", Map.of("CONCLUDED", 7, "IN_PROGRESS", 3)),
      Map.entry("checkResult", Map.of("CORRECT", 8, "RETURN", 2, "COMPLETE", 9)),
      Map.entry("committeeAction", Map.of("REPORT", 8, "EXTEND", 2)),
      Map.entry("admissibility", Map.of("ADMISSIBLE", 17, "INADMISSIBLE", 3)),
      Map.entry("presidentDecision", Map.of("APPROVED", 9, "NOT_APPROVED", 1)),
      Map.entry("sittingOutcome", Map.of("ANSWERED", 14, "POSTPONED", 3, "ASKER_ABSENT", 2, "MINISTER_ABSENT", 1,
          "CONSIDERED", 16, "WITHDRAWN", 1)),
      Map.entry("senateResolution", Map.of("ADOPTED", 6, "REJECTED", 2, "REFERRED_TO_COMMITTEE", 2)),
      Map.entry("correctivePlanDecision", Map.of("ACCEPTED", 8, "REWORK", 2)),
      Map.entry("reportDecision", Map.of("APPROVED", 8, "RETURNED", 2)),
      Map.entry("firstReading", Map.of("ACCEPT", 9, "REJECT", 1)),
      Map.entry("senateDecision", Map.of("APPROVE", 6, "AMEND", 3, "REJECT", 1)),
      Map.entry("requestExtension", Map.of("NO", 8, "YES", 2)),
      Map.entry("houseResolution", Map.of("AGREE", 7, "DISAGREE", 3)),
      Map.entry("billType", Map.of("ORDINARY", 8, "MONEY", 1, "APPROPRIATION", 1)),
      Map.entry("triageCategory", Map.of("SENATE_REMIT", 10, "EXECUTIVE_MATTER", 5, "SERVICE_COMPLAINT", 3,
          "CORRUPTION", 1)),
      Map.entry("complaintType", Map.of("SERVICE_COMPLAINT", 8, "STAFF_COMPLAINT", 3, "SUGGESTION", 4, "OPINION", 2,
          "COMPLIMENT", 2, "CORRUPTION", 1)),
      // A general debate (s.153) is held once a year and needs a third of the senators: the demo files ordinary
      // motions only, so that no drawn history breaks the once-a-year rule.
      Map.entry("motionType", Map.of("ORDINARY", 1, "GENERAL_DEBATE", 0)),
      Map.entry("secretSitting", Map.of("NO", 8, "YES", 2)),
      Map.entry("redactionNeeded", Map.of("NO", 7, "YES", 3)),
      Map.entry("certificationResult", Map.of("CERTIFIED", 8, "CERTIFIED_WITH_AMENDMENTS", 2)),
      Map.entry("satisfactionSurveyed", Map.of("YES", 7, "NO", 3)),
      Map.entry("formCheckResult", Map.of("COMPLETE", 8, "CORRECTED", 2)),
      Map.entry("answerMode", Map.of("GAZETTE", 6, "SITTING", 4)),
      Map.entry("urgent", Map.of("NO", 8, "YES", 2)),
      Map.entry("disclosure", Map.of("OPEN", 9, "PARTIAL", 1)),
      Map.entry("protectionNeeded", Map.of("NO", 6, "YES", 4)),
      Map.entry("reviewOutcome", Map.of("FACT_FINDING", 5, "REFER_AGENCY", 2, "DISMISS", 3)),
      Map.entry("petitionOutcome", Map.of("RESOLVED", 6, "PARTIALLY_RESOLVED", 2, "NOT_RESOLVED", 1,
          "WITHDRAWN", 1)),
      Map.entry("responseMethod", Map.of("LETTER", 4, "EMAIL", 3, "PHONE", 2, "IN_PERSON", 1, "NOT_POSSIBLE", 0)));

  private static final List<String> PEOPLE = List.of("นางสาวสมใจ ใจดี", "นายประเสริฐ มั่นคง", "นางวิไลวรรณ ศรีสุข",
      "นายสมชาย รักไทย", "นางสาวกัลยา พรหมมา", "นายธนากร บุญเรือง", "นางอรุณี แก้วประเสริฐ", "นายวีระพงษ์ ทองดี");
  private static final List<String> SENATORS = List.of("นายวันชัย สอนศิริ", "นางสาวพรทิพย์ จันทร์เพ็ญ",
      "นายเฉลิมชัย ธรรมรักษ์", "นางประภาพร สุวรรณศรี", "นายอนุชา วงศ์ใหญ่");
  private static final Map<String, List<String>> SUBJECTS = Map.of(
      "petition", List.of("ขอให้ตรวจสอบการก่อสร้างถนนในหมู่บ้าน", "ขอความเป็นธรรมกรณีที่ดินทำกิน", "ขอให้แก้ไขปัญหาน้ำท่วมขัง",
          "ขอให้ตรวจสอบการใช้งบประมาณขององค์การบริหารส่วนตำบล", "ขอความช่วยเหลือค่าชดเชยพืชผลเสียหาย"),
      "complaint", List.of("ขอที่จอดรถสำหรับผู้มาติดต่อเพิ่มเติม", "เจ้าหน้าที่ให้บริการล่าช้าที่จุดบริการ",
          "เว็บไซต์วุฒิสภาเข้าใช้งานไม่ได้", "ขอเสนอให้ถ่ายทอดการประชุมพร้อมล่ามภาษามือ", "ขอชมเชยเจ้าหน้าที่ห้องสมุด"),
      "interpellation", List.of("การแก้ไขปัญหาราคายางพาราตกต่ำ", "มาตรการป้องกันฝุ่นละอองขนาดเล็ก", "การบริหารจัดการน้ำภาคตะวันออก",
          "ความคืบหน้าโครงการรถไฟทางคู่", "การช่วยเหลือผู้ประสบภัยน้ำท่วมภาคเหนือ"),
      "motion", List.of("ขอให้วุฒิสภาพิจารณาศึกษาปัญหาหนี้ครัวเรือน", "ขอให้ตั้งคณะกรรมาธิการศึกษาการศึกษาปฐมวัย",
          "ขอให้วุฒิสภาพิจารณาปัญหาการจัดการขยะ", "ขอให้ศึกษาแนวทางส่งเสริมพลังงานหมุนเวียน"),
      "legislation", List.of("ร่างพระราชบัญญัติการศึกษาแห่งชาติ (ฉบับที่ ..) พ.ศ. ....",
          "ร่างพระราชบัญญัติส่งเสริมวิสาหกิจชุมชน (ฉบับที่ ..) พ.ศ. ....", "ร่างพระราชบัญญัติภาษีสรรพสามิต (ฉบับที่ ..) พ.ศ. ....",
          "ร่างพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล (ฉบับที่ ..) พ.ศ. ...."),
      "appointmentVetting", List.of("การตรวจสอบประวัติผู้ได้รับการเสนอชื่อเป็นกรรมการการเลือกตั้ง",
          "การตรวจสอบประวัติผู้ได้รับการเสนอชื่อเป็นผู้ตรวจการแผ่นดิน", "การตรวจสอบประวัติผู้ได้รับการเสนอชื่อเป็นตุลาการศาลรัฐธรรมนูญ"),
      "committeeMinutes", List.of("การประชุมคณะกรรมาธิการการศึกษา", "การประชุมคณะกรรมาธิการการเกษตรและสหกรณ์",
          "การประชุมคณะกรรมาธิการการคมนาคม", "การประชุมคณะกรรมาธิการการสาธารณสุข"));

  private final Random random;

  DemoFormValues(Random random) {
    this.random = random;
  }

  /**
   * The values a clerk submits on {@code form} on {@code today}, for step {@code stepId} of a {@code processKey}
   * case; {@code caseVariables} answers the case's variables (the hide conditions and the rules read them).
   */
  Map<String, Object> fill(FormDefinition form, String processKey, String stepId, Function<String, Object> caseVariables,
      LocalDate today) {
    Map<String, Object> values = new LinkedHashMap<>();
    Function<String, Object> seen = key -> values.containsKey(key) ? values.get(key) : caseVariables.apply(key);
    for (FormField field : form.fields()) {
      if (FormDefinition.hidden(field, seen)) {
        continue;
      }
      Object value = value(field, processKey, stepId, seen, today);
      if (value != null) {
        values.put(field.key(), value);
      }
    }
    return values;
  }

  private Object value(FormField field, String processKey, String stepId, Function<String, Object> seen,
      LocalDate today) {
    String key = field.key();
    if (field.allowedValues() != null) {
      return choose(key, field.allowedValues());
    }
    return switch (field.type()) {
      case "datetime" -> date(key, stepId, seen, today).toString();
      case "number" -> number(field, seen);
      case "checkbox" -> null;
      case "textfield", "textarea" -> field.required() || random.nextInt(3) == 0 ? text(field, processKey, today) : null;
      default -> null;
    };
  }

  private String choose(String key, List<String> allowed) {
    Map<String, Integer> weights = WEIGHTS.getOrDefault(key, Map.of());
    int total = 0;
    for (String value : allowed) {
      total += weights.getOrDefault(value, 1);
    }
    int pick = random.nextInt(Math.max(1, total));
    for (String value : allowed) {
      pick -= weights.getOrDefault(value, 1);
      if (pick < 0) {
        return value;
      }
    }
    return allowed.get(0);
  }

  private LocalDate date(String key, String stepId, Function<String, Object> seen, LocalDate today) {
    return switch (key) {
      // A sitting comes a week after it is put on the agenda: the notice rule of a bill needs three days.
      case "sittingDate" -> today.plusDays(7);
      // Question time is on Mondays (InterpellationRules).
      case "slotDate" -> {
        LocalDate slot = today.plusDays(1);
        while (slot.getDayOfWeek() != DayOfWeek.MONDAY) {
          slot = slot.plusDays(1);
        }
        yield slot;
      }
      case "plannedCompletion" -> today.plusDays(30 + random.nextInt(60));
      case "meetingDate" -> today.minusDays(1 + random.nextInt(3));
      default -> today;
    };
  }

  private Object number(FormField field, Function<String, Object> seen) {
    String key = field.key();
    switch (key) {
      case "existingSenators":
        return 200;
      case "signatureCount":
        return 5 + random.nextInt(40);
      case "verifiedSignatures":
        return seen.apply("signatureCount") instanceof Number n ? n.intValue() : 5;
      case "votesInFavour":
        // Approval needs more than half of the existing senators (200); one nominee in five is not approved.
        return random.nextInt(5) == 0 ? 60 + random.nextInt(40) : 101 + random.nextInt(60);
      case "votesAgainst": {
        int favour = seen.apply("votesInFavour") instanceof Number n ? n.intValue() : 101;
        return random.nextInt(Math.max(1, Math.min(60, 190 - favour)));
      }
      case "votesAbstaining": {
        int favour = seen.apply("votesInFavour") instanceof Number n ? n.intValue() : 101;
        int against = seen.apply("votesAgainst") instanceof Number n ? n.intValue() : 0;
        return random.nextInt(Math.max(1, Math.min(10, 200 - favour - against)));
      }
      case "requestedExtensionDays", "extensionDays":
        return 10 + random.nextInt(21);
      case "satisfactionScore":
        return 3 + random.nextInt(3);
      case "postponements":
        return null;
      default:
        int min = field.min() == null ? 1 : (int) Math.ceil(field.min());
        int max = field.max() == null ? min + 40 : (int) Math.floor(Math.min(field.max(), min + 400));
        return min + random.nextInt(Math.max(1, max - min + 1));
    }
  }

  private String text(FormField field, String processKey, LocalDate today) {
    String key = field.key();
    String text;
    if (field.pattern() != null && field.pattern().contains("http")) {
      text = "https://www.senate.go.th/view/" + (1000 + random.nextInt(9000));
    } else if (key.endsWith("Email")) {
      return null;
    } else if (key.contains("Contact")) {
      text = "08" + (1 + random.nextInt(9)) + "-" + (100 + random.nextInt(900)) + "-" + (1000 + random.nextInt(9000));
    } else if (key.equals("senatorName")) {
      text = pick(SENATORS);
    } else if (key.endsWith("Name") && !key.equals("committeeName") && !key.equals("agencyName")) {
      text = pick(PEOPLE);
    } else if (key.equals("subject") || key.equals("questionSubject") || key.equals("billTitle")) {
      text = pick(SUBJECTS.getOrDefault(processKey, SUBJECTS.get("petition")));
    } else if (key.endsWith("No") || key.endsWith("Number") || key.endsWith("Ref") || key.endsWith("Reference")
        || key.equals("agendaItem")) {
      text = "สว " + String.format("%04d", random.nextInt(10000)) + "/" + (today.getYear() + 543);
    } else {
      text = (field.label() == null ? key : field.label()) + " (ข้อมูลตัวอย่าง)";
    }
    return field.maxLength() != null && text.length() > field.maxLength() ? text.substring(0, field.maxLength()) : text;
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
