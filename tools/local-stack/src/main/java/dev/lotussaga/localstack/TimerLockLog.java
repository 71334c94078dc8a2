package dev.lotussaga.localstack;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Temporal's test server from slowing down the longer it runs.
 *
 * <p>The server's self-advancing timer writes every time-skipping lock and unlock into a {@code
 * LinkedList} that exists for a diagnostic dump only. The entries written for each request's lock
 * changes are never removed, and every timer callback (each workflow and activity task arms some)
 * removes its own entry by scanning that list from the oldest end. So each workflow makes every
 * later one dearer: after a few thousand orders half of the local stack's CPU went into that scan
 * (JFR during {@code ./lotus bench}), and its heap only grew.
 *
 * <p>This swaps the list for one that keeps nothing. The timer never reads the list for its
 * decisions (it counts locks separately), so time skipping behaves as before; what is lost is the
 * lock history in the server's diagnostic dump. Checked against the SDK version the build pins
 * ({@code TimerLockLogTest} fails if the leak is gone or the field moved).
 */
final class TimerLockLog {

  private static final Logger log = LoggerFactory.getLogger(TimerLockLog.class);

  private TimerLockLog() {}

  /** Returns whether the server's lock log now keeps nothing; logs a warning if it could not. */
  static boolean discardEntries(TestServicesStarter services) {
    try {
      Object timer = timerOf(services);
      Lock timerLock = (Lock) read(timer, "lock");
      Field entries = timer.getClass().getDeclaredField("lockEvents");
      entries.setAccessible(true);
      // every use of the list happens under this lock, so the swap is seen by all of them
      timerLock.lock();
      try {
        entries.set(timer, new KeepsNothing<>());
      } finally {
        timerLock.unlock();
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "Could not stop the Temporal test server's timer lock log from growing ({}); it gets"
              + " slower the more workflows it runs",
          e.toString());
      return false;
    }
  }

  static int entries(TestServicesStarter services) throws ReflectiveOperationException {
    Object timer = timerOf(services);
    Lock timerLock = (Lock) read(timer, "lock");
    timerLock.lock();
    try {
      return ((LinkedList<?>) read(timer, "lockEvents")).size();
    } finally {
      timerLock.unlock();
    }
  }

  private static Object timerOf(TestServicesStarter services) throws ReflectiveOperationException {
    return read(services, "selfAdvancingTimer");
  }

  private static Object read(Object owner, String fieldName) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(fieldName);
    field.setAccessible(true);
    return field.get(owner);
  }

  /**
   * The timer adds an entry per lock and unlock and removes an entry when a lock handle is
   * released, failing if it is absent; so adding keeps nothing and removing always succeeds.
   */
  private static final class KeepsNothing<E> extends LinkedList<E> {
    @Override
    public boolean add(E entry) {
      return true;
    }

    @Override
    public boolean remove(Object entry) {
      return true;
    }
  }
}
