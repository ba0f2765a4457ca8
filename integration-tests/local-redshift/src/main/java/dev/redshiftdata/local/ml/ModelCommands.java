package dev.redshiftdata.local.ml;

import dev.redshiftdata.local.bulk.RedshiftSqlError;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Redshift ML on the local Redshift: {@code CREATE MODEL} trains a {@link BaselineModel} on the
 * FROM query's rows and registers the prediction function; {@code SHOW MODEL name | ALL} answers
 * with Redshift's key/value rows; {@code DROP MODEL} removes both. A model reports TRAINING until
 * the configured delay has passed and one SHOW MODEL has seen it training (so a client's wait loop
 * is exercised), then READY; with a zero delay it is READY at once. No SageMaker, no S3 artifacts.
 */
public final class ModelCommands {

  /** The statements handled here. */
  public enum Kind {
    CREATE,
    SHOW,
    DROP
  }

  private static final Pattern LEADING =
      Pattern.compile("(?s)^(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*");
  private static final Pattern CREATE = Pattern.compile("(?is)^create\\s+model\\b.*");
  private static final Pattern SHOW = Pattern.compile("(?is)^show\\s+model\\b.*");
  private static final Pattern DROP = Pattern.compile("(?is)^drop\\s+model\\b.*");
  private static final DateTimeFormatter CREATION_TIME =
      DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy HH:mm:ss", Locale.ROOT);

  private final Supplier<Duration> trainingDelay;

  public ModelCommands(Supplier<Duration> trainingDelay) {
    this.trainingDelay = trainingDelay;
  }

  /** The model statement {@code sql} is, or null. */
  public static Kind kind(String sql) {
    String s = LEADING.matcher(sql).replaceFirst("");
    if (CREATE.matcher(s).matches()) {
      return Kind.CREATE;
    }
    if (SHOW.matcher(s).matches()) {
      return Kind.SHOW;
    }
    return DROP.matcher(s).matches() ? Kind.DROP : null;
  }

  /**
   * Runs a model statement on the statement's connection (as its user, in its transaction).
   *
   * @return a PostgreSQL query producing the statement's result set, or null when it has none
   */
  public String run(Connection c, String role, String sql, boolean caseSensitive)
      throws SQLException {
    String s = LEADING.matcher(sql).replaceFirst("").replaceFirst("[\\s;]+$", "");
    Kind kind = kind(s);
    if (kind == Kind.SHOW) {
      return show(c, ModelParser.parseShow(s));
    }
    // The function and the registry row change together, also when the statement is auto-committed.
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      if (kind == Kind.CREATE) {
        create(c, role, ModelParser.parseCreate(s), caseSensitive);
      } else {
        drop(c, ModelParser.parseDrop(s));
      }
      if (autoCommit) {
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (autoCommit) {
        c.rollback();
      }
      throw e;
    } finally {
      if (autoCommit) {
        c.setAutoCommit(true);
      }
    }
    return null;
  }

  private void create(Connection c, String role, CreateModelCommand m, boolean caseSensitive)
      throws SQLException {
    String schema = m.schema() != null ? m.schema() : currentSchema(c);
    if (find(c, schema, m.name()) != null) {
      throw new RedshiftSqlError("Model \"" + m.name() + "\" already exists");
    }
    String query = RedshiftSqlTranslator.toPostgres(m.trainingQuery(), caseSensitive);
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    String targetType;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM (" + query + ") AS localredshift_training")) {
      ResultSetMetaData md = rs.getMetaData();
      int target = -1;
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (md.getColumnLabel(i).equalsIgnoreCase(m.target())) {
          target = i;
        } else {
          names.add(md.getColumnLabel(i));
          types.add(md.getColumnTypeName(i));
        }
      }
      if (target < 0) {
        throw new RedshiftSqlError(
            "Target column \"" + m.target() + "\" is not in the training data");
      }
      if (names.isEmpty()) {
        throw new RedshiftSqlError("The training data has no columns besides the target column");
      }
      targetType = md.getColumnTypeName(target);
      while (rs.next()) {
        Object[] row = new Object[names.size() + 1];
        for (int i = 1, f = 0; i <= md.getColumnCount(); i++) {
          if (i == target) {
            continue;
          }
          if (BaselineModel.NUMERIC.contains(types.get(f))) {
            double v = rs.getDouble(i);
            row[f] = rs.wasNull() ? null : v;
          }
          f++;
        }
        row[names.size()] = rs.getString(target);
        rows.add(row);
      }
    }
    List<String> paramTypes = m.functionParamTypes().isEmpty() ? types : m.functionParamTypes();
    if (paramTypes.size() != names.size()) {
      throw new RedshiftSqlError(
          "Number of function argument types ("
              + paramTypes.size()
              + ") doesn't match the number of input columns ("
              + names.size()
              + ")");
    }
    BaselineModel.Trained t = BaselineModel.train(types, targetType, m.problemType(), rows);
    String function = quoteIdent(schema) + "." + quoteIdent(m.functionName());
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE FUNCTION "
              + function
              + "("
              + String.join(", ", paramTypes)
              + ") RETURNS "
              + t.returnType()
              + " LANGUAGE sql IMMUTABLE AS $localredshift_model$ "
              + t.body()
              + " $localredshift_model$");
    }
    Instant created = Instant.now();
    Duration delay = trainingDelay.get();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + ModelBootstrap.MODELS_TABLE
                + " (schema_name,"
                + " model_name, owner, created_at, ready_at, reported_training, training_query, target_column,"
                + " function_name, function_params, function_param_types, return_type, iam_role, s3_bucket, model_type,"
                + " problem_type, objective, auto, max_runtime, method, training_rows)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, schema);
      ps.setString(2, m.name());
      ps.setString(3, role);
      ps.setTimestamp(4, utc(created));
      ps.setTimestamp(5, utc(created.plus(delay)));
      ps.setBoolean(6, delay.isZero());
      ps.setString(7, m.trainingSource());
      ps.setString(8, m.target());
      ps.setString(9, m.functionName());
      ps.setString(10, String.join(" ", names));
      ps.setString(11, String.join(" ", paramTypes));
      ps.setString(12, t.returnType());
      ps.setString(13, m.iamRole().equals("default") ? "default-aws-iam-role" : m.iamRole());
      ps.setString(14, m.s3Bucket());
      ps.setString(15, m.modelType());
      ps.setString(16, m.problemType() != null ? m.problemType() : t.problemType());
      ps.setString(17, m.objective() != null ? m.objective() : t.objective());
      ps.setBoolean(18, m.auto());
      ps.setLong(19, m.maxRuntime());
      ps.setString(20, t.method());
      ps.setLong(21, t.rows());
      ps.executeUpdate();
    }
  }

  private String show(Connection c, ModelParser.Target target) throws SQLException {
    if (target.name() == null) {
      return "SELECT schema_name::varchar AS \"Schema Name\", model_name::varchar AS \"Model Name\" FROM "
          + ModelBootstrap.MODELS_TABLE
          + " ORDER BY 1, 2";
    }
    String schema = target.schema() != null ? target.schema() : currentSchema(c);
    Model model = find(c, schema, target.name());
    if (model == null) {
      throw new RedshiftSqlError("Model \"" + target.name() + "\" does not exist");
    }
    boolean ready = model.reportedTraining && !Instant.now().isBefore(model.readyAt);
    if (!ready && !model.reportedTraining) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE "
                  + ModelBootstrap.MODELS_TABLE
                  + " SET reported_training = true WHERE schema_name = ? AND model_name = ?")) {
        ps.setString(1, schema);
        ps.setString(2, target.name());
        ps.executeUpdate();
      }
    }
    List<String[]> rows =
        List.of(
            new String[] {"Model Name", model.name},
            new String[] {"Schema Name", model.schema},
            new String[] {"Owner", model.owner},
            new String[] {
              "Creation Time",
              CREATION_TIME.format(LocalDateTime.ofInstant(model.createdAt, ZoneOffset.UTC))
            },
            new String[] {"Model State", ready ? "READY" : "TRAINING"},
            new String[] {"Training Job Status", ready ? "Completed" : "InProgress"},
            new String[] {"Estimated Cost", "0.000000"},
            new String[] {"", ""},
            new String[] {"TRAINING DATA:", ""},
            new String[] {"Query", model.query},
            new String[] {"Target Column", model.target.toUpperCase(Locale.ROOT)},
            new String[] {"", ""},
            new String[] {"PARAMETERS:", ""},
            new String[] {"Model Type", model.modelType.toLowerCase(Locale.ROOT)},
            new String[] {"Problem Type", model.problemType},
            new String[] {"Objective", model.objective},
            new String[] {"Function Name", model.function},
            new String[] {"Function Parameters", model.params},
            new String[] {"Function Parameter Types", model.paramTypes},
            new String[] {"IAM Role", model.iamRole},
            new String[] {"S3 Bucket", model.bucket},
            new String[] {"Max Runtime", Long.toString(model.maxRuntime)},
            new String[] {
              "Local Training Method", model.method + " on " + model.trainingRows + " rows"
            });
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", ")
          .append(BaselineModel.quote(rows.get(i)[0]))
          .append(", ")
          .append(BaselineModel.quote(rows.get(i)[1]))
          .append(")");
    }
    return "SELECT k::varchar AS \"Key\", v::varchar AS \"Value\" FROM (VALUES "
        + values
        + ") AS t(n, k, v)"
        + " ORDER BY n";
  }

  private void drop(Connection c, ModelParser.Target target) throws SQLException {
    String schema = target.schema() != null ? target.schema() : currentSchema(c);
    Model model = find(c, schema, target.name());
    if (model == null) {
      if (target.ifExists()) {
        return;
      }
      throw new RedshiftSqlError("Model \"" + target.name() + "\" does not exist");
    }
    try (Statement st = c.createStatement()) {
      st.execute(
          "DROP FUNCTION IF EXISTS "
              + quoteIdent(schema)
              + "."
              + quoteIdent(model.function)
              + "("
              + String.join(", ", model.paramTypes.split(" "))
              + ")");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM "
                + ModelBootstrap.MODELS_TABLE
                + " WHERE schema_name = ? AND model_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, target.name());
      ps.executeUpdate();
    }
  }

  private record Model(
      String schema,
      String name,
      String owner,
      Instant createdAt,
      Instant readyAt,
      boolean reportedTraining,
      String query,
      String target,
      String function,
      String params,
      String paramTypes,
      String iamRole,
      String bucket,
      String modelType,
      String problemType,
      String objective,
      long maxRuntime,
      String method,
      long trainingRows) {}

  private static Model find(Connection c, String schema, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT schema_name, model_name, owner, created_at, ready_at,"
                + " reported_training, training_query, target_column, function_name, function_params, function_param_types,"
                + " iam_role, s3_bucket, model_type, problem_type, objective, max_runtime, method, training_rows FROM "
                + ModelBootstrap.MODELS_TABLE
                + " WHERE schema_name = ? AND model_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Model(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getTimestamp(4).toLocalDateTime().toInstant(ZoneOffset.UTC),
            rs.getTimestamp(5).toLocalDateTime().toInstant(ZoneOffset.UTC),
            rs.getBoolean(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13),
            rs.getString(14),
            rs.getString(15),
            rs.getString(16),
            rs.getLong(17),
            rs.getString(18),
            rs.getLong(19));
      }
    }
  }

  private static String currentSchema(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      String s = rs.getString(1);
      if (s == null) {
        throw new RedshiftSqlError("no schema has been selected to create in");
      }
      return s;
    }
  }

  private static Timestamp utc(Instant i) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
  }

  private static String quoteIdent(String id) {
    return "\"" + id.replace("\"", "\"\"") + "\"";
  }
}
