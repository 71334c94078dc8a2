package dev.lotussaga.observability.kafka;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * A PostgreSQL table that refuses to store one event a number of times, as a server that cannot
 * take connections does (SQLSTATE 57P03), then takes it: a database outage for one record, for the
 * consumers' retry tests (shared through this module's test jar). A sequence counts the tries,
 * since a rollback does not undo it. Closing it drops the trigger.
 */
public final class RefusingTable implements AutoCloseable {

  private final Consumer<String> sql;
  private final String schema;
  private final String table;
  private final String name = "refusal_" + UUID.randomUUID().toString().replace("-", "");

  private RefusingTable(Consumer<String> sql, String schema, String table) {
    this.sql = sql;
    this.schema = schema;
    this.table = table;
  }

  /** {@code sql} runs one statement (e.g. {@code jdbcTemplate::execute}). */
  public static RefusingTable refusing(
      Consumer<String> sql, String schema, String table, String eventId, int times) {
    RefusingTable refusing = new RefusingTable(sql, schema, table);
    sql.accept("create sequence %s.%s".formatted(schema, refusing.name));
    sql.accept(
        """
        create function %1$s.%2$s() returns trigger language plpgsql as $$
        begin
          if new.event_id = '%3$s' then
            if nextval('%1$s.%2$s') <= %4$d then
              raise exception 'refused for a test' using errcode = '57P03';
            end if;
          end if;
          return new;
        end $$
        """
            .formatted(schema, refusing.name, eventId, times));
    sql.accept(
        "create trigger %2$s before insert on %1$s.%3$s for each row execute function %1$s.%2$s()"
            .formatted(schema, refusing.name, table));
    return refusing;
  }

  /** A query for how often the event was offered so far: the refusals and the insert after. */
  public String triesQuery() {
    return "select last_value from %s.%s".formatted(schema, name);
  }

  @Override
  public void close() {
    sql.accept("drop trigger if exists %s on %s.%s".formatted(name, schema, table));
    sql.accept("drop function if exists %s.%s()".formatted(schema, name));
    sql.accept("drop sequence if exists %s.%s".formatted(schema, name));
  }
}
