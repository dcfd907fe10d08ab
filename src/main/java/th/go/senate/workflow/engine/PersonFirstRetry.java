package th.go.senate.workflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's action on a task does not lose to the platform's own job. The SLA timer's job changes the task
 * (priority, follow-up date, candidate groups); when it commits between a clerk's claim or completion reading the
 * task and writing it, the clerk's command fails with an {@link OptimisticLockingException} (a plan-review round
 * opened already overdue passes its checkpoints one after another, so that happened reliably). Such a command is
 * run again, in a new transaction that reads the task afresh, up to {@link #ATTEMPTS} times; the authorization
 * and form checks run again with it. The job, for its part, yields on the same exception: Camunda retries a job
 * that failed with it later without counting a failure. Only outermost commands outside any Spring transaction are
 * repeated (a command joining a larger transaction cannot be replayed alone); a collision that persists is answered
 * 409 with "โปรดโหลดหน้าใหม่" (web/EngineRestErrors).
 */
public class PersonFirstRetry extends CommandInterceptor {

  static final int ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(PersonFirstRetry.class);
  private static final Set<Class<?>> PERSON_COMMANDS = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class,
      CompleteTaskCmd.class, SubmitTaskFormCmd.class, DelegateTaskCmd.class, ResolveTaskCmd.class,
      SetTaskVariablesCmd.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (!PERSON_COMMANDS.contains(command.getClass()) || Context.getCommandContext() != null
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException collision) {
        if (attempt >= ATTEMPTS) {
          throw collision;
        }
        LOG.info("{} collided with a concurrent change (attempt {} of {}), run again: {}",
            command.getClass().getSimpleName(), attempt, ATTEMPTS, collision.getMessage());
      }
    }
  }
}
