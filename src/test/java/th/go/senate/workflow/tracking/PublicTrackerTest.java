package th.go.senate.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.process.complaint.IntegrityCaseService;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The public tracker, called anonymously as a member of the public would: the right code shows the stage, its
 * B.E. dates, the bureau and the next date and nothing personal; a wrong code is answered exactly as an
 * unknown reference number; an integrity case shows only a minimal status; the look-ups are rate-limited.
 */
class PublicTrackerTest extends PlatformTest {

  @Autowired TrackerRateLimit rateLimit;
  @Autowired TrackingProperties properties;
  @Autowired IntegrityCaseService integrityCases;

  @BeforeEach
  void freshLimit() {
    rateLimit.reset();
  }

  @Test
  void theRightCodeShowsTheStageItsDatesTheBureauAndTheNextDateAndNothingPersonal() {
    ProcessInstance instance = startPetition();
    String ref = instance.getBusinessKey();
    String code = code(instance);
    Task acknowledge = task(instance);

    Reply received = track(ref, code);
    assertThat(received.status()).isEqualTo(200);
    JsonNode json = received.json();
    assertThat(json.path("stage").asText()).isEqualTo(CaseTracker.RECEIVED);
    assertThat(json.path("caseType").asText()).isEqualTo("เรื่องราวร้องทุกข์");
    assertThat(json.path("bureau").asText()).isEqualTo("สำนักงานประธานวุฒิสภา");
    assertThat(json.path("nextExpectedDate").asText()).isEqualTo(ThaiDates.date(acknowledge.getDueDate().toInstant()));
    assertThat(json.path("stages").get(0).path("date").asText()).matches("\\d{1,2} \\S+ 25\\d\\d");
    assertThat(json.path("closed").asBoolean()).isFalse();

    // Typed as a person would: lower case, without the dash.
    assertThat(track(ref, code.toLowerCase().replace("-", "")).status()).isEqualTo(200);

    PetitionPaths.walk(taskService, identityService, instance.getId(), new PetitionPaths.Path("to the committee",
        List.of(new PetitionPaths.Step(PetitionPaths.ACKNOWLEDGE, "officePresident", PetitionValues.acknowledge()),
            new PetitionPaths.Step(PetitionPaths.TRIAGE, "officePresident",
                PetitionPaths.triageSenateRemit("burCommittee2"))), null));
    Reply considering = track(ref, code);
    assertThat(considering.json().path("stage").asText()).isEqualTo("อยู่ระหว่างการพิจารณาของคณะกรรมาธิการ");
    assertThat(considering.json().path("bureau").asText()).isEqualTo("สำนักกรรมาธิการ 2");
    assertThat(considering.json().findValuesAsText("label")).containsExactly(CaseTracker.RECEIVED,
        "อยู่ระหว่างตรวจสอบและคัดกรองเรื่อง", "อยู่ระหว่างการพิจารณาของคณะกรรมาธิการ");
    // No person, no free text of the case.
    assertThat(considering.body()).doesNotContain("สมใจ", "081-234-5678", "ถนน", "User", "officePresident",
        instance.getId());
  }

  @Test
  void aWrongCodeIsAnsweredExactlyAsAnUnknownReferenceNumber() {
    ProcessInstance instance = startPetition();
    String ref = instance.getBusinessKey();
    String code = code(instance);
    String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);

    Reply wrongCode = track(ref, wrong);
    Reply unknown = track("PET-2499-999999", code);
    Reply otherCase = track(startPetition().getBusinessKey(), code);
    assertThat(wrongCode.status()).isEqualTo(404);
    assertThat(wrongCode.detail()).isEqualTo(PublicTrackerController.NOT_FOUND);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo(wrongCode.body());
    assertThat(otherCase.body()).as("a code of another case").isEqualTo(wrongCode.body());
    assertThat(track(ref, "").status()).as("no code: a Thai 400").isEqualTo(400);
  }

  @Test
  void anIntegrityCaseShowsOnlyAMinimalStatus() {
    IntegrityCaseService.Opened opened = integrityCases.open(new IntegrityCaseService.Intake("LETTER", true, null, null,
        null, "เรื่องทดสอบตัวติดตาม", "ข้อกล่าวหาที่ต้องไม่ปรากฏ", "2026-11-26"), "burCentralAdminUser");
    String code = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(opened.processInstanceId())
        .variableName(TrackingCodes.VARIABLE).singleResult().getValue();

    Reply reply = track(opened.businessKey(), code);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("stage").asText()).isEqualTo(CaseTracker.MINIMAL_OPEN);
    assertThat(reply.json().path("stages").size()).isZero();
    assertThat(reply.json().path("bureau").isNull()).isTrue();
    assertThat(reply.json().path("nextExpectedDate").isNull()).isTrue();
    assertThat(reply.body()).doesNotContain("เรื่องทดสอบตัวติดตาม", "ข้อกล่าวหา", "ตรวจสอบภายใน");
  }

  @Test
  void lookUpsAreRateLimitedPerClientAddressWithAThaiAnswer() {
    ProcessInstance instance = startPetition();
    String ref = instance.getBusinessKey();
    String code = code(instance);
    for (int i = 0; i < properties.getAttempts(); i++) {
      assertThat(track(ref, "AAAA-AAAA").status()).as("attempt %d", i + 1).isEqualTo(404);
    }
    Reply limited = track(ref, code);
    assertThat(limited.status()).as("even with the right code").isEqualTo(429);
    assertThat(limited.detail()).isEqualTo(PublicTrackerController.TOO_MANY);
    Reply page = page("/public/track?ref=" + ref + "&code=" + code);
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body()).contains(PublicTrackerController.TOO_MANY);
  }

  @Test
  void thePageIsThaiAndAnonymousAndShowsTheAnswer() {
    ProcessInstance instance = startPetition();
    Reply empty = page("/public/track");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("<html lang=\"th\"", "สำนักงานเลขาธิการวุฒิสภา", "ติดตามสถานะเรื่อง",
        "name=\"ref\"", "name=\"code\"", "width=device-width");
    Reply found = page("/public/track?ref=" + instance.getBusinessKey() + "&code="
        + URLEncoder.encode(code(instance), StandardCharsets.UTF_8));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains("สถานะ: <strong>" + CaseTracker.RECEIVED, "สำนักงานประธานวุฒิสภา");
    Reply wrong = page("/public/track?ref=" + instance.getBusinessKey() + "&code=AAAA-AAAA");
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.body()).contains(PublicTrackerController.NOT_FOUND);
  }

  /** The page as a browser asks for it. */
  private Reply page(String path) {
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
              .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(path, e);
    }
  }

  private String code(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), TrackingCodes.VARIABLE);
  }

  private Reply track(String ref, String code) {
    return ApiClient.send(port, "GET", "/public/track.json?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8)
        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8), null, null);
  }
}
