package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CommandTokens.Kind;
import dev.redshiftdata.local.bulk.CommandTokens.Token;
import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import dev.redshiftdata.local.bulk.UnloadCommand.Format;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
    if (!target.regionMatches(true, 0, "s3://", 0, 5) || target.length() <= 5) {
      throw new RedshiftSqlError("S3 path \"" + target + "\" has invalid format. It must start with s3://");
    }
    target = "s3://" + target.substring(5);

    Authorization authorization = null;
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
    Set<String> seen = new LinkedHashSet<>();

    while (!t.atEnd()) {
      if (t.accept(';')) {
        continue;
      }
      Authorization auth = Authorization.tryParse(t);
      if (auth != null) {
        once(seen, "CREDENTIALS");
        authorization = auth;
        continue;
      }
      Token option = t.take();
      if (option.kind() != Kind.WORD) {
        throw CommandTokens.syntaxError(option);
      }
      String name = option.upper();
      switch (name) {
        case "FORMAT" -> {
          t.accept("AS");
          format = format(t.expectWord(), t);
          once(seen, "FORMAT");
        }
        case "PARQUET", "CSV", "JSON" -> {
          format = format(name, t);
          once(seen, "FORMAT");
        }
        case "MANIFEST" -> {
          manifest = true;
          verbose = t.accept("VERBOSE");
          once(seen, name);
        }
        case "HEADER" -> header = once(seen, name);
        case "DELIMITER" -> {
          t.accept("AS");
          delimiter = t.expectString();
          once(seen, name);
        }
        case "FIXEDWIDTH" -> {
          t.accept("AS");
          t.expectString();
          fixedWidth = once(seen, name);
        }
        case "NULL" -> {
          t.accept("AS");
          nullAs = t.expectString();
          once(seen, "NULL AS");
        }
        case "ENCRYPTED" -> {
          t.accept("AUTO");
          once(seen, name);
        }
        case "GZIP", "BZIP2", "ZSTD" -> {
          if (compression != Compression.NONE) {
            throw new RedshiftSqlError("conflicting or redundant options");
          }
          compression = Compression.valueOf(name);
        }
        case "ADDQUOTES" -> addQuotes = once(seen, name);
        case "ESCAPE" -> escape = once(seen, name);
        case "ALLOWOVERWRITE" -> allowOverwrite = once(seen, name);
        case "CLEANPATH" -> cleanPath = once(seen, name);
        case "PARALLEL" -> {
          parallel = true;
          if (t.accept("OFF") || t.accept("FALSE")) {
            parallel = false;
          } else if (!t.accept("ON")) {
            t.accept("TRUE");
          }
          once(seen, name);
        }
        case "MAXFILESIZE" -> {
          maxFileSize = size(t, "MAXFILESIZE");
          once(seen, name);
        }
        case "ROWGROUPSIZE" -> {
          rowGroupSize = size(t, "ROWGROUPSIZE");
          once(seen, name);
        }
        case "REGION" -> {
          t.accept("AS");
          t.expectString();
          once(seen, name);
        }
        case "EXTENSION" -> {
          t.accept("AS");
          extension = t.expectString();
          once(seen, name);
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
          once(seen, "PARTITION BY");
        }
        default -> throw CommandTokens.syntaxError(option);
      }
    }

    if (authorization == null) {
      throw new RedshiftSqlError(
          "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or "
              + "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'");
    }
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

  private static boolean once(Set<String> seen, String option) {
    if (!seen.add(option)) {
      throw new RedshiftSqlError("conflicting or redundant options");
    }
    return true;
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
          case PARQUET -> List.of("DELIMITER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS", "HEADER");
          case JSON -> List.of("DELIMITER", "HEADER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS");
          case CSV -> List.of("FIXEDWIDTH", "ADDQUOTES");
          case TEXT -> List.of();
        };
    for (String option : refused) {
      if (seen.contains(option)) {
        throw new RedshiftSqlError(option + " argument is not supported for " + format + " based UNLOAD");
      }
    }
    if (format == Format.PARQUET && compression != Compression.NONE) {
      throw new RedshiftSqlError(compression + " argument is not supported for PARQUET based UNLOAD");
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
