package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * /api/kpi/targets over HTTP as a client calls it: who may read and change targets, and every kind of bad
 * input refused with a Thai message and nothing changed. Uses fiscal year 2590 only, emptied after each test.
 */
class KpiTargetApiTest extends PlatformTest {

  private static final int FY = 2590;
  private static final String PATH = "/api/kpi/targets";

  @Autowired KpiTargetRepository repository;

  @AfterEach
  void removeOwnTargets() {
    repository.byFiscalYear(FY).forEach(t -> repository.delete(t.id()));
  }

  private Reply send(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }

  private static Map<String, Object> target(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", FY);
    body.put("indicatorCode", code);
    body.put("nameTh", "ร้อยละของเรื่องที่ตอบรับภายใน 3 วันทำการ");
    body.put("processKey", "petition");
    body.put("measure", "ON_TIME_PERCENT");
    body.put("target", 85.5);
    body.put("ownerBureau", "officePresident");
    return body;
  }

  private static Map<String, Object> with(String code, String key, Object value) {
    Map<String, Object> body = target(code);
    body.put(key, value);
    return body;
  }

  private int count() {
    return repository.byFiscalYear(FY).size();
  }

  @Test
  void maintainersAddChangeAndRemoveTargetsAndEveryUserReadsThem() {
    Reply added = send("POST", PATH, "kpiManagersUser", target("PET-1"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long id = added.json().path("id").asLong();
    assertThat(added.json().path("target").decimalValue()).isEqualByComparingTo("85.5");

    assertThat(send("POST", PATH, "burPolicyPlanUser", target("PET-2")).status()).isEqualTo(201);
    assertThat(send("POST", PATH, "demo", with("PET-3", "fiscalYear", String.valueOf(FY))).status()).isEqualTo(201);

    Reply list = send("GET", PATH + "?fiscalYear=" + FY, "officePresidentUser", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("indicatorCode")).containsExactly("PET-1", "PET-2", "PET-3");

    Map<String, Object> changed = with("PET-1", "target", 90);
    changed.put("ownerBureau", "burCommittee1");
    Reply put = send("PUT", PATH + "/" + id, "burPolicyPlanUser", changed);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(repository.find(id)).get().satisfies(t -> {
      assertThat(t.target()).isEqualByComparingTo("90");
      assertThat(t.ownerBureau()).isEqualTo("burCommittee1");
    });

    assertThat(send("DELETE", PATH + "/" + id, "kpiManagersUser", null).status()).isEqualTo(204);
    Reply gone = send("DELETE", PATH + "/" + id, "kpiManagersUser", null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.detail()).contains("ไม่พบตัวชี้วัดเป้าหมาย");
    assertThat(send("PUT", PATH + "/" + id, "kpiManagersUser", target("PET-1")).status()).isEqualTo(404);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void otherUsersMayNotChangeTargetsAndAnonymousMayNotRead() {
    long id = send("POST", PATH, "kpiManagersUser", target("PET-1")).json().path("id").asLong();
    for (String user : List.of("officePresidentUser", "sgOfficeUser", "burItUser")) {
      Reply post = send("POST", PATH, user, target("PET-9"));
      assertThat(post.status()).as(user).isEqualTo(403);
      assertThat(post.detail()).contains("ไม่มีสิทธิ์");
      assertThat(send("PUT", PATH + "/" + id, user, with("PET-1", "target", 10)).status()).as(user).isEqualTo(403);
      assertThat(send("DELETE", PATH + "/" + id, user, null).status()).as(user).isEqualTo(403);
    }
    assertThat(send("GET", PATH + "?fiscalYear=" + FY, null, null).status()).isEqualTo(401);
    assertThat(send("POST", PATH, null, target("PET-9")).status()).isEqualTo(401);
    assertThat(repository.find(id)).get().extracting(KpiTarget::target).satisfies(t -> assertThat(t).isEqualByComparingTo("85.5"));
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithAThaiMessageAndChangesNothing() {
    long id = send("POST", PATH, "kpiManagersUser", target("PET-1")).json().path("id").asLong();
    send("POST", PATH, "kpiManagersUser", target("PET-2"));
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    cases.put("มีอยู่แล้ว", target("PET-1"));
    cases.put("ไม่รู้จักสำนักเจ้าของตัวชี้วัด 'burNowhere'", with("PET-5", "ownerBureau", "burNowhere"));
    cases.put("ไม่รู้จักสำนักเจ้าของตัวชี้วัด 'kpiManagers'", with("PET-5", "ownerBureau", "kpiManagers"));
    cases.put("ระหว่าง 0 ถึง 100 (ร้อยละ) ได้รับ 100.5", with("PET-5", "target", 100.5));
    cases.put("ระหว่าง 0 ถึง 100 (ร้อยละ) ได้รับ -1", with("PET-5", "target", -1));
    cases.put("ค่าเป้าหมาย 'มาก' ต้องเป็นตัวเลข", with("PET-5", "target", "มาก"));
    cases.put("ทศนิยมได้ไม่เกิน 1 ตำแหน่ง", with("PET-5", "target", 80.25));
    cases.put("ปีงบประมาณ '25x0' ไม่ถูกต้อง", with("PET-5", "fiscalYear", "25x0"));
    cases.put("ปีพุทธศักราช 2500–2700", with("PET-5", "fiscalYear", 2026));
    cases.put("ต้องระบุปีงบประมาณ", with("PET-5", "fiscalYear", null));
    cases.put("ไม่พบกระบวนงาน 'petitions'", with("PET-5", "processKey", "petitions"));
    cases.put("ไม่รู้จักวิธีวัด 'SPEED'", with("PET-5", "measure", "SPEED"));
    cases.put("รหัสตัวชี้วัด 'PET 5' ไม่ถูกต้อง", with("PET-5", "indicatorCode", "PET 5"));
    cases.put("ต้องระบุชื่อตัวชี้วัดภาษาไทย", with("PET-5", "nameTh", " "));
    cases.forEach((message, body) -> {
      Reply reply = send("POST", PATH, "kpiManagersUser", body);
      assertThat(reply.status()).as(message + " " + reply.body()).isEqualTo(400);
      assertThat(reply.detail()).as(reply.body()).contains(message);
    });
    // a change into a duplicate code, or with a bad value, leaves the row as it was
    Reply dup = send("PUT", PATH + "/" + id, "kpiManagersUser", with("PET-2", "target", 50));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.detail()).contains("มีอยู่แล้ว");
    assertThat(send("PUT", PATH + "/" + id, "kpiManagersUser", with("PET-1", "target", 101)).status()).isEqualTo(400);
    assertThat(repository.find(id)).get().satisfies(t -> {
      assertThat(t.indicatorCode()).isEqualTo("PET-1");
      assertThat(t.target()).isEqualByComparingTo("85.5");
    });
    assertThat(send("POST", PATH, "kpiManagersUser", "{not json").status()).isEqualTo(400);
    assertThat(send("GET", PATH + "?fiscalYear=abcd", "kpiManagersUser", null).detail()).contains("ไม่ถูกต้อง");
    assertThat(send("GET", PATH, "kpiManagersUser", null).status()).isEqualTo(400);
    assertThat(send("DELETE", PATH + "/abc", "kpiManagersUser", null).status()).isEqualTo(400);
    assertThat(count()).isEqualTo(2);
  }
}
