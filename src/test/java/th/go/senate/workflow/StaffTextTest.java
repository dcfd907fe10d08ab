package th.go.senate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff read Thai only (issue 13 §8, docs/glossary.md): every text the application can show a staff member has no
 * Latin word (English goes to the log), no ISO date (dates read "7 เม.ย. 2569") and no "18:01 น." time ("18.01 น.").
 * Checked over every message of the Java sources (refusals, notices, report labels, controller errors), the notice
 * templates, the Thai labels of the four webapps, the forms and the models' names; the checker is tried on planted
 * bad texts first, so that this test can be seen to fail.
 */
class StaffTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOCALES = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  /**
   * Cockpit and Admin, which operators and process designers use, name the standards and products they work with
   * as they are called (BPMN, DMN, the Optimize product); Tasklist and the welcome page allow none of them.
   */
  private static final Set<String> OPERATOR_NAMES = Set.of("BPMN", "DMN", "DRD", "CMMN", "CSV", "JSON", "XML", "LDAP",
      "URL", "API", "CTRL", "F5", "Optimize", "cockpit", "tasklist");
  /** The input format of an operator's date-time field in Cockpit, which the label shows; not a date. */
  private static final Pattern FORMAT_HINT = Pattern.compile("(?i)yyyy-MM-ddTHH:mm:ss");
  /**
   * Sources whose Thai messages are not read by staff in the webapps, and why they may name settings, API values or
   * types as they are spelt. Every other source of src/main/java is checked.
   */
  static final Map<String, String> NOT_STAFF_MESSAGES = Map.ofEntries(
      Map.entry("AdministratorSetup.java", "start-up check: the operator sets CAMUNDA_BPM_ADMINUSER_ID"),
      Map.entry("ScrapeCredential.java", "start-up check of the monitoring settings"),
      Map.entry("SecretFiles.java", "start-up check of the *_FILE secrets"),
      Map.entry("DirectoryIdentity.java", "start-up check of the ldap profile"),
      Map.entry("BureauDirectory.java", "start-up check of identity/bureaus.yaml"),
      Map.entry("ProtectedIdentityStore.java", "start-up check of senate.integrity.identity-key"),
      Map.entry("EngineOperations.java", "start-up check of senate.history-cleanup"),
      Map.entry("DatabaseHealth.java", "Actuator's health detail, read by the operator's monitoring"),
      Map.entry("DemoSessionPeriods.java", "the demo profile's marker of the periods it seeded, kept as stored"),
      Map.entry("CalendarController.java", "the calendar API: names its parameters and calendars as a caller sends them"),
      Map.entry("KpiTargetService.java", "the KPI target API: names the measures as a caller sends them"),
      Map.entry("ReportQuery.java", "the report API: names groupBy's values"),
      Map.entry("StaffImport.java", "the staff import file: names its CSV columns and their values"),
      Map.entry("EngineRestErrors.java", "engine-rest callers: names the variable types of the REST API"),
      Map.entry("InputRules.java", "API input rule: names the process key format"),
      Map.entry("KpiCases.java", "the cases API: names the measure's values as a caller sends them"),
      Map.entry("KpiCasesController.java", "the cases API: names its parameters and the measure's values"),
      Map.entry("SlaPolicyService.java", "the policy table's start-up check: names the table's columns as the Modeler shows them"),
      Map.entry("PublicStatisticsPage.java", "the Secretariat's English name under the Thai one, marked lang=\"en\""));

  @Test
  void theCheckerFindsLatinTextIsoDatesAndColonTimes() {
    String source = """
        class Planted {
          void refuse(java.time.LocalDate arrival, Task task) {
            throw new Refusal("ต้องระบุประเภทร่าง (billType is required)");
          }
          void split(String what) {
            throw new Refusal("ต้องระบุ" + what + " เป็นตัวเลข (" + what + " must be a number)");
          }
          void date(java.time.LocalDate arrival) {
            throw new Refusal("วันที่ร่างมาถึง " + arrival + " อยู่หลังวันนี้");
          }
          void getter(Task task) {
            String text = "ครบกำหนด " + task.getDueDate();
          }
          void accessor(Round round) {
            throw new Refusal("ยังไม่สิ้นสุด (สิ้นสุดวันที่ " + round.cutOff() + ")");
          }
          void time() {
            String text = String.format(" เวลา %02d:%02d น.", 18, 1);
          }
          void fine(java.time.LocalDate arrival) {
            LOG.warn("Refused: arrival {} after today", arrival);
            throw new Refusal("วันที่ร่างมาถึง " + ThaiDates.date(arrival) + " อยู่หลังวันนี้");
          }
        }
        """;
    List<String> found = StaffTexts.javaProblems(source);
    assertThat(found).hasSize(8)
        .anySatisfy(p -> assertThat(p).startsWith("3: Latin \"billType\""))
        .anySatisfy(p -> assertThat(p).startsWith("6: English beside Thai:  must be a number)"))
        .anySatisfy(p -> assertThat(p).contains("a date joined as it is (ISO): arrival"))
        .anySatisfy(p -> assertThat(p).contains("getDueDate"))
        .anySatisfy(p -> assertThat(p).contains("round.cutOff()"))
        .anySatisfy(p -> assertThat(p).contains("time with a colon"));
    assertThat(StaffTexts.problems("ครบกำหนด 2026-04-07", Set.of())).containsExactly("ISO date");
    assertThat(StaffTexts.problems("[{referenceNumber}] ครบกำหนด {dueDate} เวลา {time} น.", Set.of())).isEmpty();
    assertThat(StaffTexts.problems("เปิดงานใน Tasklist", Set.of())).containsExactly("Latin \"Tasklist\"");
    assertThat(StaffTexts.problems("ส่งเมื่อ 7 เม.ย. 2569 เวลา 18.01 น.", Set.of())).isEmpty();
  }

  @Test
  void theCheckerReadsFormsCaseHeaderIncluded() throws IOException {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"id": "Field_a", "type": "select", "label": "ประเภท (Type)", "values": [{"label": "Select", "value": "X"}]},
          {"id": "Group_CaseHeader", "type": "group", "components": [{"id": "Field_b", "label": "ตาราง motionRules"}]}
        ]}""");
    assertThat(StaffTexts.formProblems(form)).hasSize(3);
  }

  @Test
  void everyMessageOfTheJavaSourcesIsThaiOnly() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (NOT_STAFF_MESSAGES.containsKey(file.getFileName().toString())) {
          continue;
        }
        for (String problem : StaffTexts.javaProblems(Files.readString(file, StandardCharsets.UTF_8))) {
          found.add(file.getFileName() + ":" + problem);
        }
      }
    }
    assertThat(found).as("messages shown to staff").isEmpty();
  }

  @Test
  void everyNoticeTemplateIsThaiOnly() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/notices"))) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          for (String problem : StaffTexts.problems(lines.get(i), Set.of())) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + problem + ": " + lines.get(i));
          }
        }
      }
      assertThat(lines(Path.of("src/main/resources/notices"))).isGreaterThan(50);
    }
    assertThat(found).as("notice templates").isEmpty();
  }

  @Test
  void everyThaiLabelOfTheWebappsIsThaiOnly() throws IOException {
    List<String> found = new ArrayList<>();
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      Set<String> names = app.equals("cockpit") || app.equals("admin") ? OPERATOR_NAMES : Set.of();
      JsonNode labels = JSON.readTree(LOCALES.resolve(app + "/locales/th.json").toFile()).get("labels");
      for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> label = it.next();
        String text = names.isEmpty() ? label.getValue().asText()
            : FORMAT_HINT.matcher(label.getValue().asText()).replaceAll(" ");
        for (String problem : StaffTexts.problems(text, names)) {
          found.add(app + ":" + label.getKey() + ": " + problem + ": " + label.getValue().asText());
        }
      }
    }
    assertThat(found).as("labels of the webapps").isEmpty();
  }

  @Test
  void everyFormTextIsThaiOnly() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (String problem : StaffTexts.formProblems(JSON.readTree(file.toFile()))) {
          found.add(file.getFileName() + ": " + problem);
        }
      }
    }
    assertThat(found).as("texts of the forms").isEmpty();
  }

  @Test
  void everyNameInTheModelsIsThaiOnly() throws IOException {
    Pattern name = Pattern.compile("<bpmn:(\\w+) [^>]*?\\bname=\"([^\"]*)\"");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        Matcher matcher = name.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          for (String problem : StaffTexts.problems(matcher.group(2), Set.of())) {
            found.add(file.getFileName() + ": " + matcher.group(1) + " \"" + matcher.group(2) + "\": " + problem);
          }
        }
      }
    }
    assertThat(found).as("names in the models").isEmpty();
  }

  private static long lines(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> {
        try {
          return Files.readAllLines(f).size();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
