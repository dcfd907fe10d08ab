package th.go.senate.workflow.identity;

import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.go.senate.workflow.web.ApiException;

/**
 * Staff accounts from a CSV file, for a Secretariat without a directory (with one, use the ldap profile): one
 * line per person, {@code id,name,email,bureau,head}, header first. The file is checked as a whole before
 * anything is written: every bad line is reported with its number, and if there is one, nobody is created.
 * A dry run checks and reports only.
 *
 * <p>A person is a member of the bureau's group; a director ({@code head} yes) of the bureau's supervisor group
 * {@code <bureau>Head} as well, so that the director also sees the bureau's work. Each new user gets a random
 * initial password, returned once in the answer to the administrator and stored only as Camunda's hash; the
 * person changes it at first sign-in (Camunda's Welcome app, "My Profile"). The engine cannot force that change,
 * which the README says. There is never a shared default password.
 */
@Service
public class StaffImport {

  private static final Logger LOG = LoggerFactory.getLogger(StaffImport.class);

  static final List<String> COLUMNS = List.of("id", "name", "email", "bureau", "head");
  /** Camunda's own rule for user ids (userResourceWhitelistPattern), without its camunda-admin exception. */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int MAX_ROWS = 5000;
  /** Column sizes of ACT_ID_USER. */
  static final int MAX_ID = 64;
  static final int MAX_TEXT = 255;
  private static final Set<String> YES = Set.of("yes", "y", "true", "1", "ใช่");
  private static final Set<String> NO = Set.of("", "no", "n", "false", "0", "ไม่ใช่");

  private final IdentityService identityService;
  private final BureauDirectory bureaus;
  private final TransactionTemplate transaction;
  private final SecureRandom random = new SecureRandom();

  public StaffImport(IdentityService identityService, BureauDirectory bureaus, PlatformTransactionManager transactions) {
    this.identityService = identityService;
    this.bureaus = bureaus;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** One person as read from the file; {@code initialPassword} only in the answer of a real import. */
  public record StaffMember(int line, String id, String firstName, String lastName, String email, String bureau,
      boolean head, List<String> groups, String initialPassword) {
  }

  public record LineError(int line, String message) {
  }

  public record Result(boolean dryRun, int count, List<StaffMember> users) {
  }

  /** The file refused: every bad line, nothing created. */
  public static class RefusedException extends ApiException {
    private final List<LineError> errors;

    RefusedException(List<LineError> errors) {
      super(org.springframework.http.HttpStatus.BAD_REQUEST, "ไม่ได้นำเข้าผู้ใช้ใดเลย: แฟ้มมีข้อผิดพลาด " + errors.size()
          + " รายการ แก้ไขแล้วส่งใหม่ทั้งแฟ้ม");
      this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
      return errors;
    }
  }

  public Result importCsv(String csv, boolean dryRun) {
    if (identityService.isReadOnly()) {
      throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "บัญชีผู้ใช้มาจากไดเรกทอรี "
          + "เพิ่มผู้ใช้ที่ไดเรกทอรีแทน");
    }
    List<StaffMember> members = check(csv);
    if (dryRun) {
      return new Result(true, members.size(), members);
    }
    // One transaction (the engine's services join it): a failure half-way, e.g. an id created meanwhile by
    // someone in Admin, rolls back every user of the file.
    List<StaffMember> created = transaction.execute(status -> members.stream().map(this::create).toList());
    LOG.info("Staff import: {} users created", created.size());
    return new Result(false, created.size(), created);
  }

  private StaffMember create(StaffMember member) {
    String password = initialPassword();
    User user = identityService.newUser(member.id());
    user.setFirstName(member.firstName());
    user.setLastName(member.lastName());
    user.setEmail(member.email());
    user.setPassword(password);
    identityService.saveUser(user);
    for (String group : member.groups()) {
      identityService.createMembership(member.id(), group);
    }
    return new StaffMember(member.line(), member.id(), member.firstName(), member.lastName(), member.email(),
        member.bureau(), member.head(), member.groups(), password);
  }

  List<StaffMember> check(String csv) {
    List<LineError> errors = new ArrayList<>();
    List<StaffMember> members = new ArrayList<>();
    String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // Excel's UTF-8 mark
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
        // Empty lines are kept as records so that a record's number is its line in the file; they are skipped below.
        .setIgnoreEmptyLines(false)
        .setTrim(true).get();
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      records = parser.getRecords().stream().filter(record -> !(record.size() == 1 && record.get(0).isEmpty()))
          .toList();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new RefusedException(List.of(new LineError(0, "อ่านแฟ้ม CSV ไม่ได้: " + e.getMessage())));
    }
    if (records.isEmpty()) {
      throw new RefusedException(List.of(new LineError(1, "แฟ้มว่าง ต้องมีบรรทัดหัวตาราง " + String.join(",", COLUMNS)
          + " และผู้ใช้อย่างน้อยหนึ่งคน")));
    }
    CSVRecord header = records.get(0);
    List<String> names = header.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    if (!names.equals(COLUMNS)) {
      throw new RefusedException(List.of(new LineError(lineOf(header), "บรรทัดหัวตารางต้องเป็น "
          + String.join(",", COLUMNS) + " พบ " + String.join(",", header.toList()))));
    }
    List<CSVRecord> rows = records.subList(1, records.size());
    if (rows.isEmpty()) {
      throw new RefusedException(List.of(new LineError(lineOf(header), "ไม่มีผู้ใช้ในแฟ้ม")));
    }
    if (rows.size() > MAX_ROWS) {
      throw new RefusedException(List.of(new LineError(lineOf(rows.get(MAX_ROWS)), "แฟ้มหนึ่งนำเข้าได้ไม่เกิน "
          + MAX_ROWS + " คน แบ่งเป็นหลายแฟ้ม")));
    }
    Map<String, Integer> firstLineOfId = new HashMap<>();
    for (CSVRecord row : rows) {
      int line = lineOf(row);
      if (row.size() != COLUMNS.size()) {
        errors.add(new LineError(line, "ต้องมี " + COLUMNS.size() + " ช่อง พบ "
            + row.size() + " ช่อง"));
        continue;
      }
      int before = errors.size();
      String id = row.get(0);
      String name = row.get(1);
      String email = row.get(2);
      String bureau = row.get(3);
      String headValue = row.get(4).toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        errors.add(new LineError(line, "ไม่มีรหัสผู้ใช้"));
      } else if (!USER_ID.matcher(id).matches() || id.length() > MAX_ID) {
        errors.add(new LineError(line, "รหัสผู้ใช้ '" + id + "' ไม่ถูกต้อง: ใช้ได้เฉพาะตัวอักษรอังกฤษและตัวเลข ไม่เกิน "
            + MAX_ID + " ตัว"));
      } else if (firstLineOfId.containsKey(id)) {
        errors.add(new LineError(line, "รหัสผู้ใช้ '" + id + "' ซ้ำกับบรรทัดที่ " + firstLineOfId.get(id)));
      } else if (identityService.createUserQuery().userId(id).count() > 0) {
        errors.add(new LineError(line, "มีผู้ใช้รหัส '" + id + "' อยู่แล้ว"));
      }
      if (!id.isEmpty()) {
        firstLineOfId.putIfAbsent(id, line);
      }
      if (name.isEmpty()) {
        errors.add(new LineError(line, "ไม่มีชื่อ-นามสกุล"));
      } else if (name.length() > MAX_TEXT) {
        errors.add(new LineError(line, "ชื่อยาวเกิน " + MAX_TEXT + " ตัวอักษร"));
      }
      if (!EMAIL.matcher(email).matches() || email.length() > MAX_TEXT) {
        errors.add(new LineError(line, "อีเมล '" + email + "' ไม่ถูกต้อง"));
      }
      boolean knownBureau = bureaus.getGroups().stream().anyMatch(g -> g.getId().equals(bureau));
      if (!knownBureau) {
        errors.add(new LineError(line, "ไม่รู้จักสำนัก/กลุ่ม '" + bureau + "' ดูรหัสใน identity/bureaus.yaml "));
      }
      boolean head = YES.contains(headValue);
      if (!head && !NO.contains(headValue)) {
        errors.add(new LineError(line, "ช่อง head ต้องเป็น yes/no (ใช่/ไม่ใช่) พบ '" + row.get(4)
            + "'"));
      } else if (head && knownBureau && bureaus.headOf(bureau).isEmpty()) {
        errors.add(new LineError(line, "'" + bureau + "' ไม่มีกลุ่มผู้อำนวยการ ระบุ head เป็น yes ไม่ได้"));
      }
      if (errors.size() == before) {
        List<String> groups = head ? List.of(bureau, bureaus.headOf(bureau).orElseThrow()) : List.of(bureau);
        int space = name.indexOf(' ');
        String firstName = space < 0 ? name : name.substring(0, space);
        String lastName = space < 0 ? "" : name.substring(space + 1).trim();
        members.add(new StaffMember(line, id, firstName, lastName, email, bureau, head, groups, null));
      }
    }
    if (!errors.isEmpty()) {
      throw new RefusedException(errors);
    }
    return members;
  }

  /** The record's line in the file (empty lines count; a value quoted over several lines would shift it). */
  private static int lineOf(CSVRecord record) {
    return (int) record.getRecordNumber();
  }

  /** 16 characters from every class Camunda's password policy asks for (lower, upper, digit, special). */
  String initialPassword() {
    String[] classes = {"abcdefghijkmnopqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!#%+-=?@_"};
    List<Character> chars = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String pool = classes[i < classes.length ? i : random.nextInt(classes.length)];
      chars.add(pool.charAt(random.nextInt(pool.length())));
    }
    java.util.Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder();
    chars.forEach(password::append);
    return password.toString();
  }
}
