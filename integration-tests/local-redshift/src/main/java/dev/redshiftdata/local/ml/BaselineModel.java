package dev.redshiftdata.local.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The local Redshift's stand-in for SageMaker Autopilot: a small deterministic model trained on the
 * rows of the CREATE MODEL query and turned into the body of a SQL function.
 *
 * <ul>
 *   <li>Regression (numeric target, unless a classification PROBLEM_TYPE is given): ordinary least
 *       squares on the numeric features plus an intercept; the target's mean when the system is
 *       singular or there are no numeric features. An integer target's predictions are rounded.
 *   <li>Classification (boolean or character target, or PROBLEM_TYPE *CLASSIFICATION): nearest
 *       centroid over the numeric features (squared Euclidean distance, ties to the smaller label);
 *       the majority class (ties to the smaller label) when there are no numeric features.
 * </ul>
 *
 * Non-numeric features are accepted as function parameters and ignored. Rows with a NULL target or
 * a NULL numeric feature are left out of training. Pure.
 */
final class BaselineModel {

  static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "float4", "float8", "numeric");
  private static final Set<String> INTEGER = Set.of("int2", "int4", "int8");

  /** The function's SQL body (one SELECT over $1..$n) and a one-line description for SHOW MODEL. */
  record Trained(
      String body,
      String returnType,
      String problemType,
      String objective,
      String method,
      long rows) {}

  private BaselineModel() {}

  /**
   * @param featureTypes PostgreSQL type names of the feature columns, in parameter order
   * @param rows each row: the feature values (Double for numeric features, else null) then the
   *     target as text
   */
  static Trained train(
      List<String> featureTypes, String targetType, String problemType, List<Object[]> rows) {
    boolean classification =
        problemType != null
            ? problemType.contains("CLASSIFICATION")
            : !NUMERIC.contains(targetType);
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < featureTypes.size(); i++) {
      if (NUMERIC.contains(featureTypes.get(i))) {
        numeric.add(i);
      }
    }
    List<Object[]> usable = new ArrayList<>();
    for (Object[] row : rows) {
      boolean ok = row[featureTypes.size()] != null;
      for (int i : numeric) {
        ok &= row[i] != null;
      }
      if (ok) {
        usable.add(row);
      }
    }
    String returnType =
        switch (targetType) {
          case "bpchar", "text", "varchar" -> "varchar";
          default -> targetType;
        };
    return classification
        ? classify(featureTypes.size(), numeric, returnType, usable)
        : regress(featureTypes.size(), numeric, returnType, usable);
  }

  private static Trained regress(
      int features, List<Integer> numeric, String returnType, List<Object[]> rows) {
    int k = numeric.size() + 1;
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    double sum = 0;
    for (Object[] row : rows) {
      double y = Double.parseDouble((String) row[features]);
      sum += y;
      double[] x = new double[k];
      x[0] = 1;
      for (int j = 0; j < numeric.size(); j++) {
        x[j + 1] = (Double) row[numeric.get(j)];
      }
      for (int a = 0; a < k; a++) {
        xty[a] += x[a] * y;
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[a] * x[b];
        }
      }
    }
    double mean = rows.isEmpty() ? 0 : sum / rows.size();
    double[] beta = rows.size() >= k ? solve(xtx, xty) : null;
    StringBuilder expr = new StringBuilder();
    String method;
    if (beta == null) {
      expr.append(literal(mean));
      method = "mean of the target";
    } else {
      expr.append(literal(beta[0]));
      for (int j = 0; j < numeric.size(); j++) {
        expr.append(" + ")
            .append(literal(beta[j + 1]))
            .append(" * $")
            .append(numeric.get(j) + 1)
            .append("::float8");
      }
      method = "least squares linear regression";
    }
    String value = "(" + expr + ")";
    if (INTEGER.contains(returnType)) {
      value = "round" + value;
    }
    return new Trained(
        "SELECT " + value + "::" + returnType,
        returnType,
        "REGRESSION",
        "MSE",
        method,
        rows.size());
  }

  private static Trained classify(
      int features, List<Integer> numeric, String returnType, List<Object[]> rows) {
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Object[] row : rows) {
      String label = (String) row[features];
      double[] s = sums.computeIfAbsent(label, l -> new double[numeric.size()]);
      for (int j = 0; j < numeric.size(); j++) {
        s[j] += (Double) row[numeric.get(j)];
      }
      counts.merge(label, 1, Integer::sum);
    }
    String problem = counts.size() <= 2 ? "BINARY_CLASSIFICATION" : "MULTICLASS_CLASSIFICATION";
    String objective = counts.size() <= 2 ? "F1" : "Accuracy";
    if (counts.isEmpty()) {
      return new Trained(
          "SELECT NULL::" + returnType, returnType, problem, objective, "no training rows", 0);
    }
    if (numeric.isEmpty()) {
      String best = null;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (best == null || e.getValue() > counts.get(best)) {
          best = e.getKey();
        }
      }
      return new Trained(
          "SELECT " + quote(best) + "::" + returnType,
          returnType,
          problem,
          objective,
          "majority class",
          rows.size());
    }
    StringBuilder values = new StringBuilder();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      int n = counts.get(e.getKey());
      values.append(values.length() == 0 ? "" : ", ").append("(").append(quote(e.getKey()));
      for (double s : e.getValue()) {
        values.append(", ").append(literal(s / n));
      }
      values.append(")");
    }
    StringBuilder columns = new StringBuilder("label");
    StringBuilder distance = new StringBuilder();
    for (int j = 0; j < numeric.size(); j++) {
      columns.append(", m").append(j);
      distance
          .append(j == 0 ? "" : " + ")
          .append("(coalesce($")
          .append(numeric.get(j) + 1)
          .append("::float8, c.m")
          .append(j)
          .append(") - c.m")
          .append(j)
          .append(") ^ 2");
    }
    String body =
        "SELECT c.label::"
            + returnType
            + " FROM (VALUES "
            + values
            + ") AS c("
            + columns
            + ") ORDER BY "
            + distance
            + ", c.label LIMIT 1";
    return new Trained(body, returnType, problem, objective, "nearest centroid", rows.size());
  }

  /** Gaussian elimination with partial pivoting; null when (nearly) singular. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] v = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-9) {
        return null;
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      double tv = v[col];
      v[col] = v[pivot];
      v[pivot] = tv;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= f * m[col][c];
        }
        v[r] -= f * v[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = v[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static String literal(double d) {
    // Rounded to 12 significant digits so that exact fits print exactly (2.0, not
    // 1.9999999999999996).
    double r = Double.parseDouble(String.format(Locale.ROOT, "%.12g", d));
    return "(" + Double.toString(r) + ")::float8";
  }

  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
