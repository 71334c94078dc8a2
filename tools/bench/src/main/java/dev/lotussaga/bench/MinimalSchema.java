package dev.lotussaga.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The minimal saga's tables, in a schema of the bench's own; created at start if absent (plain DDL,
 * so that the bench needs no migration tool), and stocked with more money, units and couriers than
 * any run can use.
 */
final class MinimalSchema {

  static final String SCHEMA = "bench_minimal";

  private static final long PLENTY = 1_000_000_000_000L;

  private static final String[] TABLES = {
    "create schema if not exists bench_minimal",
    "create table if not exists bench_minimal.customer_order (order_id varchar(64) primary key,"
        + " buyer bigint not null, product int not null, price bigint not null,"
        + " status varchar(32) not null, placed_at timestamptz not null default now())",
    "create table if not exists bench_minimal.account (buyer bigint primary key,"
        + " balance bigint not null)",
    "create table if not exists bench_minimal.charge (order_id varchar(64) primary key,"
        + " buyer bigint not null, amount bigint not null)",
    "create table if not exists bench_minimal.product_stock (product int primary key,"
        + " available bigint not null)",
    "create table if not exists bench_minimal.reservation (order_id varchar(64) primary key,"
        + " product int not null)",
    "create table if not exists bench_minimal.courier_pool (zone int primary key,"
        + " free bigint not null)",
    "create table if not exists bench_minimal.courier_booking (order_id varchar(64) primary key,"
        + " zone int not null)",
    "create table if not exists bench_minimal.order_event (order_id varchar(64) not null,"
        + " type varchar(32) not null, body text not null,"
        + " stored_at timestamptz not null default now(), primary key (order_id, type))",
  };

  private MinimalSchema() {}

  static void create(DataSource db, int buyers) throws SQLException {
    try (Connection c = db.getConnection();
        Statement ddl = c.createStatement()) {
      for (String table : TABLES) {
        ddl.execute(table);
      }
      ddl.execute(
          "insert into bench_minimal.product_stock values (1, "
              + PLENTY
              + ") on conflict (product) do update set available = excluded.available");
      ddl.execute(
          "insert into bench_minimal.courier_pool values (1, "
              + PLENTY
              + ") on conflict (zone) do update set free = excluded.free");
      try (PreparedStatement account =
          c.prepareStatement(
              "insert into bench_minimal.account values (?, ?)"
                  + " on conflict (buyer) do update set balance = excluded.balance")) {
        for (long buyer = 0; buyer < buyers; buyer++) {
          account.setLong(1, buyer);
          account.setLong(2, PLENTY);
          account.executeUpdate();
        }
      }
    }
  }
}
