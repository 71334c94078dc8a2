package dev.lotussaga.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC over every schema of the stack; a new connection per query survives restarts. */
final class Database {

  private final SuiteSettings settings;

  Database(SuiteSettings settings) {
    this.settings = settings;
  }

  List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        if (parameter instanceof String[] array) {
          statement.setArray(i + 1, connection.createArrayOf("varchar", array));
        } else {
          statement.setObject(i + 1, parameter);
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData columns = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns.getColumnCount(); c++) {
            row.put(columns.getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  long count(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
  }
}
