package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CommandTokens.Kind;
import dev.redshiftdata.local.bulk.CommandTokens.Token;
import dev.redshiftdata.local.bulk.CopyCommand.Format;
import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Redshift's {@code COPY table [(cols)] FROM 's3://...' authorization [options]} and refuses what Redshift
 * refuses (e.g. MAXERROR with PARQUET). The table name is kept as written (quoted parts re-quoted) for the dialect
 * translator to resolve. Pure.
 *
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_COPY.html">COPY</a>
 */
public final class CopyParser {

  /** Options COPY from Parquet or ORC accepts (copy-usage_notes-copy-from-columnar). */
  private static final Set<String> COLUMNAR_OPTIONS =
      Set.of("ACCEPTINVCHARS", "FILLRECORD", "CREDENTIALS", "STATUPDATE", "MANIFEST", "EXPLICIT_IDS",
          "SERIALIZETOJSON", "FORMAT", "REGION", "COMPUPDATE");

  private CopyParser() {}

  public static CopyCommand parse(String sql) {
    CommandTokens t = CommandTokens.of(sql);
    t.expect("COPY");
    String table = qualifiedName(t);
    List<String> columns = new ArrayList<>();
    if (t.accept('(')) {
      do {
        columns.add(identifier(t.take()));
      } while (t.accept(','));
      t.expect(')');
    }
    t.expect("FROM");
    String source = t.expectString();
    if (!source.regionMatches(true, 0, "s3://", 0, 5) || source.length() <= 5) {
      throw new RedshiftSqlError("S3 path \"" + source + "\" has invalid format. It must start with s3://");
    }
    source = "s3://" + source.substring(5);

    Authorization authorization = null;
    Format format = null;
    boolean manifest = false;
    String delimiter = null;
    char quote = '"';
    int ignoreHeader = 0;
    String nullAs = null;
    boolean emptyAsNull = false;
    boolean blanksAsNull = false;
    String dateFormat = null;
    String timeFormat = null;
    int maxError = 0;
    boolean truncateColumns = false;
    String acceptInvChars = null;
    boolean serializeToJson = false;
    boolean fillRecord = false;
    boolean trimBlanks = false;
    boolean ignoreBlankLines = false;
    boolean removeQuotes = false;
    boolean escape = false;
    boolean roundDecimals = false;
    boolean explicitIds = false;
    Compression compression = Compression.NONE;
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
          format = format(t.expectWord());
          once(seen, "FORMAT");
          if (format == Format.JSON) {
            t.expectString();
          }
          if (format == Format.CSV && t.accept("QUOTE")) {
            t.accept("AS");
            quote = t.expectString().charAt(0);
          }
        }
        case "CSV" -> {
          format = Format.CSV;
          once(seen, "FORMAT");
          if (t.accept("QUOTE")) {
            t.accept("AS");
            quote = t.expectString().charAt(0);
          }
        }
        case "PARQUET" -> {
          format = Format.PARQUET;
          once(seen, "FORMAT");
        }
        case "JSON" -> {
          format = Format.JSON;
          once(seen, "FORMAT");
          t.accept("AS");
          t.expectString();
        }
        case "ORC", "AVRO" -> throw new RedshiftSqlError("COPY FORMAT " + name + " is not supported by the local Redshift");
        case "MANIFEST" -> manifest = once(seen, name);
        case "DELIMITER" -> {
          t.accept("AS");
          delimiter = t.expectString();
          once(seen, name);
        }
        case "IGNOREHEADER" -> {
          t.accept("AS");
          ignoreHeader = number(t);
          once(seen, name);
        }
        case "NULL" -> {
          t.accept("AS");
          nullAs = t.expectString();
          once(seen, "NULL AS");
        }
        case "EMPTYASNULL" -> emptyAsNull = once(seen, name);
        case "BLANKSASNULL" -> blanksAsNull = once(seen, name);
        case "DATEFORMAT" -> {
          t.accept("AS");
          dateFormat = t.expectString();
          once(seen, name);
        }
        case "TIMEFORMAT" -> {
          t.accept("AS");
          timeFormat = t.expectString();
          once(seen, name);
        }
        case "MAXERROR" -> {
          t.accept("AS");
          maxError = number(t);
          if (maxError > 100_000) {
            throw new RedshiftSqlError("MAXERROR must be between 0 and 100000");
          }
          once(seen, name);
        }
        case "TRUNCATECOLUMNS" -> truncateColumns = once(seen, name);
        case "ACCEPTINVCHARS" -> {
          acceptInvChars = "?";
          if (t.accept("AS") || t.peek().kind() == Kind.STRING) {
            acceptInvChars = t.expectString();
          }
          once(seen, name);
        }
        case "SERIALIZETOJSON" -> serializeToJson = once(seen, name);
        case "FILLRECORD" -> fillRecord = once(seen, name);
        case "TRIMBLANKS" -> trimBlanks = once(seen, name);
        case "IGNOREBLANKLINES" -> ignoreBlankLines = once(seen, name);
        case "REMOVEQUOTES" -> removeQuotes = once(seen, name);
        case "ESCAPE" -> escape = once(seen, name);
        case "ROUNDEC" -> roundDecimals = once(seen, name);
        case "EXPLICIT_IDS" -> explicitIds = once(seen, name);
        case "GZIP", "BZIP2", "ZSTD" -> {
          compression = Compression.valueOf(name);
          once(seen, "COMPRESSION");
        }
        case "COMPUPDATE", "STATUPDATE" -> {
          if (!t.accept("ON") && !t.accept("OFF") && !t.accept("TRUE") && !t.accept("FALSE")) {
            t.accept("PRESET");
          }
          once(seen, name);
        }
        case "REGION", "ENCODING" -> {
          t.accept("AS");
          if (t.peek().kind() == Kind.STRING) {
            t.take();
          } else {
            t.expectWord();
          }
          once(seen, name);
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
    if (effective == Format.PARQUET) {
      for (String option : seen) {
        if (!COLUMNAR_OPTIONS.contains(option)) {
          throw new RedshiftSqlError(option + " argument is not supported for PARQUET based COPY");
        }
      }
    } else if (serializeToJson) {
      throw new RedshiftSqlError("SERIALIZETOJSON argument is supported only for PARQUET and ORC based COPY");
    }
    if (effective == Format.CSV && (removeQuotes || escape)) {
      throw new RedshiftSqlError((removeQuotes ? "REMOVEQUOTES" : "ESCAPE") + " argument is not supported for CSV based COPY");
    }
    if (effective == Format.CSV && delimiter == null) {
      delimiter = ",";
    }
    if (delimiter == null) {
      delimiter = "|";
    }
    return new CopyCommand(
        table, columns, source, authorization, effective, manifest, delimiter, quote, ignoreHeader, nullAs,
        emptyAsNull, blanksAsNull, dateFormat, timeFormat, maxError, truncateColumns, acceptInvChars,
        serializeToJson, fillRecord, trimBlanks, ignoreBlankLines, removeQuotes, escape, roundDecimals, explicitIds,
        compression);
  }

  private static String qualifiedName(CommandTokens t) {
    StringBuilder sb = new StringBuilder(quoteIfNeeded(t.take()));
    while (t.accept('.')) {
      sb.append('.').append(quoteIfNeeded(t.take()));
    }
    return sb.toString();
  }

  /** Keeps a quoted part quoted so the translator folds it as Redshift does. */
  private static String quoteIfNeeded(Token tok) {
    if (tok.kind() != Kind.WORD) {
      throw CommandTokens.syntaxError(tok);
    }
    return tok.quoted() ? "\"" + tok.text().replace("\"", "\"\"") + "\"" : tok.text();
  }

  private static String identifier(Token tok) {
    if (tok.kind() != Kind.WORD) {
      throw CommandTokens.syntaxError(tok);
    }
    return tok.text();
  }

  private static Format format(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return switch (w) {
      case "CSV", "PARQUET", "JSON" -> Format.valueOf(w);
      default -> throw new RedshiftSqlError("COPY FORMAT " + word + " is not supported by the local Redshift");
    };
  }

  private static int number(CommandTokens t) {
    Token n = t.take();
    if (n.kind() != Kind.NUMBER) {
      throw CommandTokens.syntaxError(n);
    }
    return Integer.parseInt(n.text());
  }

  private static boolean once(Set<String> seen, String option) {
    if (!seen.add(option)) {
      throw new RedshiftSqlError("conflicting or redundant options");
    }
    return true;
  }
}
