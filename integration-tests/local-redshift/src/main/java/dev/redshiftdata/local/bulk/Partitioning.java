package dev.redshiftdata.local.bulk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * UNLOAD's PARTITION BY: Hive-style folders {@code col=value/} under the prefix (a slash is added
 * after a name prefix), partition columns left out of the files unless INCLUDE, NULL as {@code
 * __HIVE_DEFAULT_PARTITION__}.
 */
final class Partitioning {

  private static final Set<String> KEY_TYPES =
      Set.of(
          "int2",
          "int4",
          "int8",
          "numeric",
          "float4",
          "bool",
          "bpchar",
          "varchar",
          "text",
          "date",
          "timestamp");

  private final String root;
  private final int[] keyIndexes; // 1-based result columns
  private final List<String> keyNames;
  private final boolean[] dropped; // 0-based: left out of the data files

  private Partitioning(String root, int[] keyIndexes, List<String> keyNames, boolean[] dropped) {
    this.root = root;
    this.keyIndexes = keyIndexes;
    this.keyNames = keyNames;
    this.dropped = dropped;
  }

  static Partitioning of(UnloadCommand command, ResultSetMetaData md) throws SQLException {
    int n = md.getColumnCount();
    boolean[] dropped = new boolean[n];
    if (command.partitionBy().isEmpty()) {
      return new Partitioning(command.keyPrefix(), new int[0], List.of(), dropped);
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    int[] keys = new int[command.partitionBy().size()];
    for (int k = 0; k < keys.length; k++) {
      String key = command.partitionBy().get(k);
      int idx = names.indexOf(key);
      if (idx < 0) {
        throw new RedshiftSqlError(
            "Partition column \"" + key + "\" is not in the select list of UNLOAD");
      }
      String type = md.getColumnTypeName(idx + 1).toLowerCase(Locale.ROOT);
      if (!KEY_TYPES.contains(type)) {
        throw new RedshiftSqlError(
            "Partition column \"" + key + "\" has an unsupported type " + type);
      }
      keys[k] = idx + 1;
      dropped[idx] = !command.partitionInclude();
    }
    int kept = 0;
    for (boolean d : dropped) {
      kept += d ? 0 : 1;
    }
    if (kept == 0) {
      throw new RedshiftSqlError(
          "UNLOAD with PARTITION BY needs at least one column that is not a partition column");
    }
    String prefix = command.keyPrefix();
    String root = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    return new Partitioning(root, keys, command.partitionBy(), dropped);
  }

  boolean isEmpty() {
    return keyIndexes.length == 0;
  }

  /** Where files and the manifest go: the prefix, with a slash added when partitioned. */
  String root() {
    return root;
  }

  /** The current row's folder, e.g. {@code year=2024/month=3/}. */
  String folder(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < keyIndexes.length; k++) {
      String v = rs.getString(keyIndexes[k]);
      sb.append(keyNames.get(k)).append('=');
      sb.append(v == null ? "__HIVE_DEFAULT_PARTITION__" : escape(v)).append('/');
    }
    return sb.toString();
  }

  private static String escape(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }

  <T> List<T> project(List<T> columns) {
    if (isEmpty() || columns.isEmpty()) {
      return columns;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!dropped[i]) {
        out.add(columns.get(i));
      }
    }
    return out;
  }

  Object[] projectRow(Object[] row) {
    return project(java.util.Arrays.asList(row)).toArray();
  }
}
