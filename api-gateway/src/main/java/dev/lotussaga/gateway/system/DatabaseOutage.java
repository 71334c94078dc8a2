package dev.lotussaga.gateway.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that is away for a moment (restarting, failing over, out of connections) from a
 * bug: the first is a 503 the client should retry, the second a 500.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLRecoverableException
          || (cause instanceof SQLException sql && isConnectionState(sql.getSQLState()))
          || isFailedTransactionEnd(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * A commit or rollback that failed in JDBC: the connection broke under it (after a server restart
   * the pool hands out a closed connection once, and the first error is then lost behind the
   * rollback's). The outcome is unknown, which is what a retry with the same request is for.
   */
  private static boolean isFailedTransactionEnd(Throwable cause) {
    return cause instanceof TransactionException && cause.getCause() instanceof SQLException;
  }

  /**
   * SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down or starting).
   */
  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
