package th.go.senate.workflow.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Builds the engine only after the schema migrations (Liquibase for Camunda's tables in the postgres
 * profile, Flyway for the project's): with {@code schema-update: false} the engine checks at build time
 * that its tables exist, so it must wait for the migrations. Registered in META-INF/spring.factories.
 */
public class EngineAfterSchemaMigrations implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : new Class<?>[] {ProcessEngineConfigurationImpl.class, ProcessEngine.class}) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        names.add(name);
      }
    }
    // The factory bean that builds the engine (its product type is not known before it runs).
    for (String name : beanFactory.getBeanNamesForType(org.camunda.bpm.engine.spring.ProcessEngineFactoryBean.class,
        true, false)) {
      names.add(name.startsWith("&") ? name.substring(1) : name);
    }
    return names;
  }
}
