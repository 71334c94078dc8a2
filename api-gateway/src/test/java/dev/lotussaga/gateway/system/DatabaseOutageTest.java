package dev.lotussaga.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

  @Test
  void aRestartingServerOrALostConnectionIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection")))
        .isTrue();
    assertThat(
            DatabaseOutage.causedBy(
                new TransactionSystemException(
                    "rollback failed",
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(
            DatabaseOutage.causedBy(
                new JpaSystemException(
                    new RuntimeException(new SQLException("I/O error", "08006")))))
        .isTrue();
    assertThat(
            DatabaseOutage.causedBy(
                new JpaSystemException(
                    new TransactionException(
                        "Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed")))))
        .isTrue();
  }

  @Test
  void aBugIsNotAnOutage() {
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
  }
}
