package th.go.senate.workflow.webapp;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openqa.selenium.By;

/**
 * A Tasklist filter of one case, with the card variables of one of the platform's filters: the shared test database
 * holds many open tasks ahead of a test's own in the platform's filters. It comes last by priority (never the
 * default filter of another test), is chosen by clicking its name (Tasklist keeps the last chosen filter and
 * ignores a changed URL hash), and is deleted by {@link #close()}.
 */
final class CaseFilter implements AutoCloseable {

  private final FilterService filters;
  private final Filter filter;
  final String name;

  CaseFilter(FilterService filters, String like, String reference, TaskQuery query) {
    this.filters = filters;
    this.name = "เรื่อง " + reference;
    Filter model = filters.createFilterQuery().filterName(like).singleResult();
    Map<String, Object> properties = new HashMap<>(model.getProperties());
    properties.put("priority", 1000);
    this.filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(filter);
  }

  /** Opens Tasklist afresh (so that it reads the filters again) and chooses this filter. */
  void openIn(Chromium browser, int port) {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.driver.navigate().refresh();
    browser.click(By.xpath("//a[contains(normalize-space(.),'" + name + "')]"));
  }

  @Override
  public void close() {
    filters.deleteFilter(filter.getId());
  }
}
