package th.go.senate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ point only at files inside the repository: a clone has nothing else. Every relative link
 * of README.md and docs/**.md (inline, image or reference-style, outside code) must name an existing file of the
 * repository, and its #fragment, when it has one, a heading of the Markdown file it names (anchors as GitHub
 * makes them). The checker is tested on a small tree of its own, so that this test can be seen to fail.
 */
class DocsLinksTest {

  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  /** GitHub keeps letters, marks (Thai vowels and tone marks), digits, connectors, spaces and hyphens. */
  private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

  @Test
  void everyLinkOfTheReadmeAndDocsNamesAFileOfTheRepository() {
    Path repository = Path.of("").toAbsolutePath();
    List<Path> documents = documents(repository);
    assertThat(documents).as("README.md and docs/**.md").hasSizeGreaterThan(5);
    assertThat(problems(repository, documents)).isEmpty();
  }

  @Test
  void noDocumentSendsTheReaderOutsideTheRepository() {
    Path repository = Path.of("").toAbsolutePath();
    List<String> outside = new ArrayList<>();
    for (Path document : documents(repository)) {
      if (read(document).contains("../shared")) {
        outside.add(repository.relativize(document) + " mentions ../shared, which a clone does not have");
      }
    }
    assertThat(outside).isEmpty();
  }

  @Test
  void theCheckerFindsEveryKindOfBrokenLink(@TempDir Path repository) throws IOException {
    Files.createDirectories(repository.resolve("docs/processes"));
    Files.createDirectories(repository.resolve("bpmn"));
    Files.writeString(repository.resolve("bpmn/petition.bpmn"), "<definitions/>");
    Files.writeString(repository.resolve("README.md"), String.join("\n",
        "# senate-workflow",
        "## The two commands",
        "See [the guide](docs/guide.md), [its part](docs/guide.md#ส่วนที่-1-การรับงาน), [a model](bpmn/petition.bpmn),",
        "[here](#the-two-commands), <https://camunda.com/> and [Camunda](https://docs.camunda.org/).",
        "Broken: [gone](docs/gone.md), [no heading](docs/guide.md#no-such-heading), [outside](../shared/domain.md),",
        "[a folder](docs/processes), [bad anchor](#two-commands), ![picture](docs/images/none.png).",
        "`[in code](docs/also-gone.md)` is no link.",
        "```",
        "[in a block](docs/block-gone.md)",
        "```",
        "[ref]: docs/ref-gone.md"));
    Files.writeString(repository.resolve("docs/guide.md"), String.join("\n",
        "# Guide",
        "## ส่วนที่ 1: การรับงาน",
        "Back to [the README](../README.md#senate-workflow) and [the commands](../README.md#the-two-commands)."));

    List<String> problems = problems(repository, documents(repository));

    assertThat(problems).containsExactlyInAnyOrder(
        "README.md: docs/gone.md: no such file",
        "README.md: docs/guide.md#no-such-heading: no heading with that anchor",
        "README.md: ../shared/domain.md: outside the repository",
        "README.md: docs/processes: not a file",
        "README.md: #two-commands: no heading with that anchor",
        "README.md: docs/images/none.png: no such file",
        "README.md: docs/ref-gone.md: no such file");
  }

  // --- the checker ---

  private static List<Path> documents(Path repository) {
    List<Path> documents = new ArrayList<>();
    documents.add(repository.resolve("README.md"));
    Path docs = repository.resolve("docs");
    if (Files.isDirectory(docs)) {
      try (Stream<Path> files = Files.walk(docs)) {
        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return documents;
  }

  private static List<String> problems(Path repository, List<Path> documents) {
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Path document : documents) {
      String name = repository.relativize(document).toString().replace('\\', '/');
      for (String target : links(read(document))) {
        if (SCHEME.matcher(target).find()) {
          continue; // a web address: not a file of the repository
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = (file.isEmpty() ? document : document.getParent().resolve(file)).normalize();
        if (!resolved.startsWith(repository)) {
          problems.add(name + ": " + target + ": outside the repository");
        } else if (!Files.exists(resolved)) {
          problems.add(name + ": " + target + ": no such file");
        } else if (!Files.isRegularFile(resolved)) {
          problems.add(name + ": " + target + ": not a file");
        } else if (fragment != null && resolved.toString().endsWith(".md")
            && !anchors.computeIfAbsent(resolved, DocsLinksTest::anchors).contains(fragment)) {
          problems.add(name + ": " + target + ": no heading with that anchor");
        }
      }
    }
    return problems;
  }

  /** The link targets of a Markdown text, leaving out fenced code blocks and code spans. */
  private static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      String withoutCode = CODE_SPAN.matcher(line).replaceAll("");
      Matcher reference = REFERENCE_LINK.matcher(withoutCode);
      if (reference.matches()) {
        targets.add(reference.group(1));
        continue;
      }
      prose.append(withoutCode).append('\n');
    }
    // Inline links may break across lines inside their text, so they are found in the prose as a whole.
    Matcher link = INLINE_LINK.matcher(prose);
    while (link.find()) {
      targets.add(link.group(1));
    }
    return targets;
  }

  /** The anchors GitHub gives the headings of a Markdown file: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(Path markdownFile) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : read(markdownFile).split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (fenced || !heading.matches()) {
        continue;
      }
      String text = heading.group(2)
          .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
          .replace("`", "");
      String anchor = NOT_IN_ANCHOR.matcher(text.toLowerCase()).replaceAll("").replace(' ', '-');
      int count = seen.merge(anchor, 1, Integer::sum);
      anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
    }
    return anchors;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
