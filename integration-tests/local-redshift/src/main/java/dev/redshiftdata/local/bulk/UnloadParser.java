package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CommandTokens.Kind;
import dev.redshiftdata.local.bulk.CommandTokens.Token;
import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import dev.redshiftdata.local.bulk.UnloadCommand.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Redshift's UNLOAD syntax and refuses the option combinations Redshift refuses. Pure.
 *
 * <pre>
 * UNLOAD ('select-statement') TO 's3://object-path/name-prefix' authorization [ option [ ... ] ]
 * </pre>
 *
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_UNLOAD.html">UNLOAD</a>
 */
public final class UnloadParser {

  static final long MB = 1024L * 1024;
  static final long GB = 1024 * MB;

  /** MAXFILESIZE bounds and default: 5 MB to 6.2 GB. */
  static final long MIN_FILE_SIZE = 5 * MB;

  static final long MAX_FILE_SIZE = (long) (6.2 * GB);

  /** Default Parquet row group size: 32 MB. */
  static final long DEFAULT_ROW_GROUP_SIZE = 32 * MB;

  private UnloadParser() {}

  public static UnloadCommand parse(String sql) {
    CommandTokens t = CommandTokens.of(sql);
    t.expect("UNLOAD");
    t.expect('(');
    String select = t.expectString();
    t.expect(')');
    t.expect("TO");
    String target = t.expectString();
    target = CommandClauses.s3Url(target);

    Format format = null;
    boolean manifest = false;
    boolean verbose = false;
    boolean header = false;
    String delimiter = null;
    String nullAs = null;
    Boolean parallel = null;
    Long maxFileSize = null;
    Long rowGroupSize = null;
    boolean allowOverwrite = false;
    boolean cleanPath = false;
    List<String> partitionBy = List.of();
    boolean partitionInclude = false;
    String extension = null;
    Compression compression = Compression.NONE;
    boolean addQuotes = false;
    boolean escape = false;
    boolean fixedWidth = false;
    CommandClauses clauses = new CommandClauses();
    Set<String> seen = clauses.seen();

    Token option;
    while ((option = clauses.next(t)) != null) {
      String name = option.upper();
      switch (name) {
        case "FORMAT" -> {
          t.accept("AS");
          format = format(t.expectWord(), t);
          clauses.once("FORMAT");
        }
        case "PARQUET", "CSV", "JSON" -> {
          format = format(name, t);
          clauses.once("FORMAT");
        }
        case "MANIFEST" -> {
          manifest = true;
          verbose = t.accept("VERBOSE");
          clauses.once(name);
        }
        case "HEADER" -> header = clauses.once(name);
        case "DELIMITER" -> {
          t.accept("AS");
          delimiter = t.expectString();
          clauses.once(name);
        }
        case "FIXEDWIDTH" -> {
          t.accept("AS");
          t.expectString();
          fixedWidth = clauses.once(name);
        }
        case "NULL" -> {
          t.accept("AS");
          nullAs = t.expectString();
          clauses.once("NULL AS");
        }
        case "ENCRYPTED" -> {
          t.accept("AUTO");
          clauses.once(name);
        }
        case "KMS_KEY_ID", "MASTER_SYMMETRIC_KEY" -> {
          // SSE-KMS / client-side keys: accepted; the local S3 server stores objects unencrypted.
          t.expectString();
          clauses.once(name);
        }
        case "GZIP", "BZIP2", "ZSTD" -> {
          if (compression != Compression.NONE) {
            throw new RedshiftSqlError("conflicting or redundant options");
          }
          compression = Compression.valueOf(name);
        }
        case "ADDQUOTES" -> addQuotes = clauses.once(name);
        case "ESCAPE" -> escape = clauses.once(name);
        case "ALLOWOVERWRITE" -> allowOverwrite = clauses.once(name);
        case "CLEANPATH" -> cleanPath = clauses.once(name);
        case "PARALLEL" -> {
          parallel = true;
          if (t.accept("OFF") || t.accept("FALSE")) {
            parallel = false;
          } else if (!t.accept("ON")) {
            t.accept("TRUE");
          }
          clauses.once(name);
        }
        case "MAXFILESIZE" -> {
          maxFileSize = size(t, "MAXFILESIZE");
          clauses.once(name);
        }
        case "ROWGROUPSIZE" -> {
          rowGroupSize = size(t, "ROWGROUPSIZE");
          clauses.once(name);
        }
        case "REGION" -> {
          t.accept("AS");
          t.expectString();
          clauses.once(name);
        }
        case "EXTENSION" -> {
          t.accept("AS");
          extension = t.expectString();
          clauses.once(name);
        }
        case "PARTITION" -> {
          t.expect("BY");
          t.expect('(');
          List<String> cols = new ArrayList<>();
          do {
            Token col = t.take();
            if (col.kind() == Kind.STRING) {
              throw new RedshiftSqlError("String literals are not supported in PARTITION BY");
            }
            if (col.kind() != Kind.WORD) {
              throw CommandTokens.syntaxError(col);
            }
            cols.add(col.text().toLowerCase(Locale.ROOT));
          } while (t.accept(','));
          t.expect(')');
          partitionInclude = t.accept("INCLUDE");
          partitionBy = cols;
          clauses.once("PARTITION BY");
        }
        default -> throw CommandTokens.syntaxError(option);
      }
    }

    Authorization authorization = clauses.requireAuthorization();
    Format effective = format == null ? Format.TEXT : format;
    refuseCombinations(effective, seen, compression, cleanPath, allowOverwrite, header, fixedWidth);
    refuseOuterLimit(select);

    long maxSize = maxFileSize == null ? MAX_FILE_SIZE : maxFileSize;
    if (maxSize < MIN_FILE_SIZE || maxSize > MAX_FILE_SIZE) {
      throw new RedshiftSqlError("MAXFILESIZE must be between 5 MB and 6.2 GB");
    }
    long groupSize = rowGroupSize == null ? DEFAULT_ROW_GROUP_SIZE : rowGroupSize;
    if (rowGroupSize != null && effective != Format.PARQUET) {
      throw new RedshiftSqlError("ROWGROUPSIZE is only supported for PARQUET based UNLOAD");
    }
    if (rowGroupSize != null && (groupSize < 32 * MB || groupSize > 128 * MB)) {
      throw new RedshiftSqlError("ROWGROUPSIZE must be between 32 MB and 128 MB");
    }
    return new UnloadCommand(
        select,
        target,
        authorization,
        effective,
        manifest,
        verbose,
        header,
        delimiter,
        nullAs,
        parallel == null || parallel,
        maxSize,
        groupSize,
        allowOverwrite,
        cleanPath,
        partitionBy,
        partitionInclude,
        extension,
        compression,
        addQuotes,
        escape);
  }

  private static Format format(String word, CommandTokens t) {
    String w = word.toUpperCase(Locale.ROOT);
    if (w.equals("JSON") || w.equals("CSV") || w.equals("PARQUET")) {
      return Format.valueOf(w);
    }
    throw new RedshiftSqlError("syntax error at or near \"" + word + "\"");
  }

  private static long size(CommandTokens t, String option) {
    t.accept("AS");
    Token number = t.take();
    if (number.kind() != Kind.NUMBER) {
      throw CommandTokens.syntaxError(number);
    }
    double value = Double.parseDouble(number.text());
    long unit = MB;
    if (t.accept("GB")) {
      unit = GB;
    } else {
      t.accept("MB");
    }
    return (long) (value * unit);
  }

  private static void refuseCombinations(
      Format format,
      Set<String> seen,
      Compression compression,
      boolean cleanPath,
      boolean allowOverwrite,
      boolean header,
      boolean fixedWidth) {
    if (cleanPath && allowOverwrite) {
      throw new RedshiftSqlError("CLEANPATH and ALLOWOVERWRITE options cannot be used together");
    }
    if (header && fixedWidth) {
      throw new RedshiftSqlError("HEADER option is not supported with FIXEDWIDTH");
    }
    List<String> refused =
        switch (format) {
          case PARQUET ->
              List.of("DELIMITER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS", "HEADER");
          case JSON ->
              List.of("DELIMITER", "HEADER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS");
          case CSV -> List.of("FIXEDWIDTH", "ADDQUOTES");
          case TEXT -> List.of();
        };
    for (String option : refused) {
      if (seen.contains(option)) {
        throw new RedshiftSqlError(
            option + " argument is not supported for " + format + " based UNLOAD");
      }
    }
    if (format == Format.PARQUET && compression != Compression.NONE) {
      throw new RedshiftSqlError(
          compression + " argument is not supported for PARQUET based UNLOAD");
    }
  }

  /** Redshift refuses LIMIT in the outermost SELECT of an UNLOAD; a nested SELECT may use it. */
  private static void refuseOuterLimit(String select) {
    CommandTokens t = CommandTokens.of(select);
    int depth = 0;
    while (!t.atEnd()) {
      Token tok = t.take();
      if (tok.isPunct('(')) {
        depth++;
      } else if (tok.isPunct(')')) {
        depth--;
      } else if (depth == 0 && tok.isWord("LIMIT")) {
        throw new RedshiftSqlError(
            "Limit clause is not supported in the outermost select of UNLOAD. "
                + "Use a nested select: select * from (select ... limit n)");
      }
    }
  }
}
