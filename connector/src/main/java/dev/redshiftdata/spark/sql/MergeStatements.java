package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements of an upsert ({@code mergeKeys}), run in order inside the write's one transaction
 * (one BatchExecuteStatement, so one session: the temporary table lives exactly as long as the
 * batch):
 *
 * <ol>
 *   <li>{@link #createStagingTable}: {@code CREATE TEMP TABLE "stage" (LIKE "s"."t" INCLUDING
 *       DEFAULTS)} (inherits the target's columns, NOT NULL, defaults, distribution and sort key,
 *       so the merge join is collocated);
 *   <li>the core's {@code COPY "stage" (cols) FROM ... MANIFEST} of the staged files;
 *   <li>{@link #nullKeyGuard} and {@link #duplicateKeyGuard}: each fails the transaction, with a
 *       message naming the keys, when a staged row has a NULL merge key or two staged rows share
 *       one, before the target is touched;
 *   <li>{@link #upsert}: {@code MERGE INTO "s"."t" USING "stage" ON keys WHEN MATCHED THEN UPDATE
 *       SET ... WHEN NOT MATCHED THEN INSERT ...}.
 * </ol>
 *
 * <p><b>Key semantics.</b> Keys match with SQL {@code =}, the "equal predicates" Redshift's MERGE
 * documents for its match condition (a null-safe {@code OR (a IS NULL AND b IS NULL)} form is
 * outside that and would also turn the merge join into a nested loop). Under {@code =} a NULL key
 * never matches, so every write would insert its NULL-key rows again; rather than let that happen
 * silently, {@link #nullKeyGuard} refuses NULL merge keys. Non-NULL keys compare as Redshift
 * compares values: trailing blanks of CHAR/VARCHAR are insignificant and string comparison is
 * case-sensitive (unless the column has a case-insensitive collation).
 *
 * <p><b>Guards.</b> Redshift has no {@code RAISE} outside stored procedures, so a guard is a query
 * whose only output row casts an explanatory message to {@code INTEGER}, which fails; the row
 * exists only when the check fails. The local Redshift (PostgreSQL) reports {@code invalid input
 * syntax for type integer: "Cannot merge ..."}; Redshift reports {@code Invalid digit, Value 'C',
 * Pos 0, Type: Integer} with the whole message in the error's context (unconfirmed). A caller that
 * wants the same text everywhere can recognise the failing guard by its position: the Data API
 * names the failed sub-statement ({@code <batch id>:<n>}, 1-based, the id a {@code
 * RedshiftDataException} carries), and show the message itself.
 *
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_MERGE.html">MERGE</a>
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/merge-create-staging-table.html">
 *     Creating a temporary staging table</a>
 */
public final class MergeStatements {

  /** How every guard message starts. */
  public static final String GUARD_MARKER = "Cannot merge";

  private MergeStatements() {}

  /**
   * {@code CREATE TEMP TABLE "stage" (LIKE "s"."t" INCLUDING DEFAULTS)}. A temporary table has no
   * schema; {@code stagingName} must differ from the target's table name (the merge refers to both
   * by their last name part).
   */
  public static String createStagingTable(TableName target, String stagingName) {
    Objects.requireNonNull(target, "target is null");
    checkStagingName(target, stagingName);
    return "CREATE TEMP TABLE "
        + Identifiers.quote(stagingName)
        + " (LIKE "
        + target.quoted()
        + " INCLUDING DEFAULTS)";
  }

  /**
   * A query that fails the transaction when two staged rows share the merge keys:
   *
   * <pre>
   * SELECT CAST('Cannot merge: ' || CAST(COUNT(*) AS VARCHAR) || ' value(s) of mergeKeys ("id")
   *   occur in more than one written row. ...' AS INTEGER)
   * FROM (SELECT 1 AS one FROM "stage" GROUP BY "id" HAVING COUNT(*) > 1) AS duplicates
   * HAVING COUNT(*) > 0
   * </pre>
   *
   * @param mergeKeys key columns as they are named in the staging table
   */
  public static String duplicateKeyGuard(String staging, List<String> mergeKeys) {
    String keys = quotedList(checkKeys(mergeKeys));
    String message =
        " value(s) of "
            + RedshiftOption.MERGE_KEYS
            + " ("
            + keys
            + ") occur in more than one written row; a merge needs each key at most once."
            + " Deduplicate the DataFrame on these columns before writing.";
    return "SELECT CAST("
        + Literals.string(GUARD_MARKER + ": ")
        + " || CAST(COUNT(*) AS VARCHAR) || "
        + Literals.string(message)
        + " AS INTEGER) FROM (SELECT 1 AS one FROM "
        + Identifiers.quote(checkName(staging))
        + " GROUP BY "
        + keys
        + " HAVING COUNT(*) > 1) AS duplicates HAVING COUNT(*) > 0";
  }

  /**
   * A query that fails the transaction when a staged row has NULL in a merge key (a NULL key never
   * matches under {@code =}; see the class comment):
   *
   * <pre>
   * SELECT CAST('Cannot merge: ' || CAST(COUNT(*) AS VARCHAR) || ' written row(s) have NULL in
   *   mergeKeys ("id"). ...' AS INTEGER)
   * FROM "stage" WHERE "id" IS NULL HAVING COUNT(*) > 0
   * </pre>
   */
  public static String nullKeyGuard(String staging, List<String> mergeKeys) {
    List<String> keys = checkKeys(mergeKeys);
    String message =
        " written row(s) have NULL in "
            + RedshiftOption.MERGE_KEYS
            + " ("
            + quotedList(keys)
            + "); NULL never matches a key, so these rows would be inserted on every write."
            + " Filter or fill them before writing.";
    return "SELECT CAST("
        + Literals.string(GUARD_MARKER + ": ")
        + " || CAST(COUNT(*) AS VARCHAR) || "
        + Literals.string(message)
        + " AS INTEGER) FROM "
        + Identifiers.quote(checkName(staging))
        + " WHERE "
        + keys.stream()
            .map(k -> Identifiers.quote(k) + " IS NULL")
            .collect(Collectors.joining(" OR "))
        + " HAVING COUNT(*) > 0";
  }

  /**
   * {@code MERGE INTO "s"."t" USING "stage" ON "t"."k" = "stage"."k" WHEN MATCHED THEN UPDATE SET
   * "v" = "stage"."v" WHEN NOT MATCHED THEN INSERT ("k", "v") VALUES ("stage"."k", "stage"."v")}.
   * Redshift's MERGE takes no alias for the target, so columns are qualified by the table names'
   * last parts. Only {@code columns} are updated and inserted; other target columns keep their
   * values (matched rows) or get their defaults (new rows). When every column is a key, matched
   * rows are left as they are ({@code SET "k" = "stage"."k"}; MERGE needs both clauses).
   *
   * @param columns the written columns, named as in the target (and the staging table)
   * @param mergeKeys the key columns; each must name one of {@code columns} (exactly, else ignoring
   *     ASCII case, as Redshift folds names)
   * @throws IllegalArgumentException naming {@code mergeKeys} for a key that is not a column
   */
  public static String upsert(
      TableName target, String staging, List<String> columns, List<String> mergeKeys) {
    Objects.requireNonNull(target, "target is null");
    checkStagingName(target, staging);
    Objects.requireNonNull(columns, "columns is null");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Cannot merge into " + target.quoted() + ": no columns.");
    }
    Set<String> keys = resolveKeys(target, columns, checkKeys(mergeKeys));
    String t = Identifiers.quote(target.table());
    String s = Identifiers.quote(staging);
    String on =
        keys.stream()
            .map(k -> t + "." + Identifiers.quote(k) + " = " + s + "." + Identifiers.quote(k))
            .collect(Collectors.joining(" AND "));
    List<String> updated = new ArrayList<>();
    for (String c : columns) {
      if (!keys.contains(c)) {
        updated.add(c);
      }
    }
    if (updated.isEmpty()) {
      updated.add(keys.iterator().next());
    }
    String set =
        updated.stream()
            .map(c -> Identifiers.quote(c) + " = " + s + "." + Identifiers.quote(c))
            .collect(Collectors.joining(", "));
    return "MERGE INTO "
        + target.quoted()
        + " USING "
        + s
        + " ON "
        + on
        + " WHEN MATCHED THEN UPDATE SET "
        + set
        + " WHEN NOT MATCHED THEN INSERT ("
        + quotedList(columns)
        + ") VALUES ("
        + columns.stream()
            .map(c -> s + "." + Identifiers.quote(c))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * What runs once the staged rows are in {@code staging}: {@link #nullKeyGuard}, {@link
   * #duplicateKeyGuard} and {@link #upsert}, with the keys resolved against {@code columns} once
   * (so the guards name the columns as the table does, whatever case {@code mergeKeys} used).
   */
  public static List<String> afterStaging(
      TableName target, String staging, List<String> columns, List<String> mergeKeys) {
    String upsert = upsert(target, staging, columns, mergeKeys);
    List<String> keys = List.copyOf(resolveKeys(target, columns, mergeKeys));
    return List.of(nullKeyGuard(staging, keys), duplicateKeyGuard(staging, keys), upsert);
  }

  /** The key columns by their names in {@code columns}, in the order given. */
  private static Set<String> resolveKeys(
      TableName target, List<String> columns, List<String> mergeKeys) {
    return new OptionColumns(columns, "merge into " + target.quoted())
        .resolveEach(RedshiftOption.MERGE_KEYS, mergeKeys);
  }

  private static List<String> checkKeys(List<String> mergeKeys) {
    if (mergeKeys == null || mergeKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot merge: option '" + RedshiftOption.MERGE_KEYS + "' names no column.");
    }
    return mergeKeys;
  }

  private static String checkName(String staging) {
    if (staging == null || staging.isEmpty()) {
      throw new IllegalArgumentException("staging is null or empty");
    }
    return staging;
  }

  private static void checkStagingName(TableName target, String staging) {
    checkName(staging);
    if (Identifiers.foldAscii(staging).equals(Identifiers.foldAscii(target.table()))) {
      throw new IllegalArgumentException(
          "Cannot merge into "
              + target.quoted()
              + ": the staging table needs a name other than the target's ("
              + staging
              + ").");
    }
  }

  private static String quotedList(List<String> names) {
    return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
  }
}
