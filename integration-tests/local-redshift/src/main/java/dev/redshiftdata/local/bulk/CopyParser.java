package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CommandTokens.Kind;
import dev.redshiftdata.local.bulk.CommandTokens.Token;
import dev.redshiftdata.local.bulk.CopyCommand.Format;
import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Redshift's {@code COPY table [(cols)] FROM 's3://...' authorization [options]} and refuses
 * what Redshift refuses (e.g. MAXERROR with PARQUET). The table name is kept as written (quoted
 * parts re-quoted) for the dialect translator to resolve. Pure.
 *
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_COPY.html">COPY</a>
 */
public final class CopyParser {

  /** Options COPY from Parquet or ORC accepts (copy-usage_notes-copy-from-columnar). */
  private static final Set<String> COLUMNAR_OPTIONS =
      Set.of(
          "ACCEPTINVCHARS",
          "FILLRECORD",
          "CREDENTIALS",
          "STATUPDATE",
          "MANIFEST",
          "EXPLICIT_IDS",
          "SERIALIZETOJSON",
          "FORMAT",
          "REGION",
          "COMPUPDATE");

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
    source = CommandClauses.s3Url(source);

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
    String json = null;
    CommandClauses clauses = new CommandClauses();
    Set<String> seen = clauses.seen();

    Token option;
    while ((option = clauses.next(t)) != null) {
      String name = option.upper();
      switch (name) {
        case "FORMAT" -> {
          t.accept("AS");
          format = format(t.expectWord());
          clauses.once("FORMAT");
          if (format == Format.JSON) {
            t.accept("AS");
            json = t.expectString();
          }
          if (format == Format.CSV && t.accept("QUOTE")) {
            t.accept("AS");
            quote = t.expectString().charAt(0);
          }
        }
        case "CSV" -> {
          format = Format.CSV;
          clauses.once("FORMAT");
          if (t.accept("QUOTE")) {
            t.accept("AS");
            quote = t.expectString().charAt(0);
          }
        }
        case "PARQUET" -> {
          format = Format.PARQUET;
          clauses.once("FORMAT");
        }
        case "JSON" -> {
          format = Format.JSON;
          clauses.once("FORMAT");
          t.accept("AS");
          json = t.expectString();
        }
        case "ORC", "AVRO" ->
            throw new RedshiftSqlError(
                "COPY FORMAT " + name + " is not supported by the local Redshift");
        case "MANIFEST" -> manifest = clauses.once(name);
        case "DELIMITER" -> {
          t.accept("AS");
          delimiter = t.expectString();
          clauses.once(name);
        }
        case "IGNOREHEADER" -> {
          t.accept("AS");
          ignoreHeader = CommandClauses.number(t);
          clauses.once(name);
        }
        case "NULL" -> {
          t.accept("AS");
          nullAs = t.expectString();
          clauses.once("NULL AS");
        }
        case "EMPTYASNULL" -> emptyAsNull = clauses.once(name);
        case "BLANKSASNULL" -> blanksAsNull = clauses.once(name);
        case "DATEFORMAT" -> {
          t.accept("AS");
          dateFormat = t.expectString();
          clauses.once(name);
        }
        case "TIMEFORMAT" -> {
          t.accept("AS");
          timeFormat = t.expectString();
          clauses.once(name);
        }
        case "MAXERROR" -> {
          t.accept("AS");
          maxError = CommandClauses.number(t);
          if (maxError > 100_000) {
            throw new RedshiftSqlError("MAXERROR must be between 0 and 100000");
          }
          clauses.once(name);
        }
        case "TRUNCATECOLUMNS" -> truncateColumns = clauses.once(name);
        case "ACCEPTINVCHARS" -> {
          acceptInvChars = "?";
          if (t.accept("AS") || t.peek().kind() == Kind.STRING) {
            acceptInvChars = t.expectString();
          }
          clauses.once(name);
        }
        case "SERIALIZETOJSON" -> serializeToJson = clauses.once(name);
        case "FILLRECORD" -> fillRecord = clauses.once(name);
        case "TRIMBLANKS" -> trimBlanks = clauses.once(name);
        case "IGNOREBLANKLINES" -> ignoreBlankLines = clauses.once(name);
        case "REMOVEQUOTES" -> removeQuotes = clauses.once(name);
        case "ESCAPE" -> escape = clauses.once(name);
        case "ROUNDEC" -> roundDecimals = clauses.once(name);
        case "EXPLICIT_IDS" -> explicitIds = clauses.once(name);
        case "GZIP", "BZIP2", "ZSTD" -> {
          compression = Compression.valueOf(name);
          clauses.once("COMPRESSION");
        }
        case "COMPUPDATE", "STATUPDATE" -> {
          if (!t.accept("ON") && !t.accept("OFF") && !t.accept("TRUE") && !t.accept("FALSE")) {
            t.accept("PRESET");
          }
          clauses.once(name);
        }
        case "REGION", "ENCODING" -> {
          t.accept("AS");
          if (t.peek().kind() == Kind.STRING) {
            t.take();
          } else {
            t.expectWord();
          }
          clauses.once(name);
        }
        default -> throw CommandTokens.syntaxError(option);
      }
    }
    Authorization authorization = clauses.requireAuthorization();
    Format effective = format == null ? Format.TEXT : format;
    if (effective == Format.PARQUET) {
      for (String given : seen) {
        if (!COLUMNAR_OPTIONS.contains(given)) {
          throw new RedshiftSqlError(given + " argument is not supported for PARQUET based COPY");
        }
      }
    } else if (serializeToJson) {
      throw new RedshiftSqlError(
          "SERIALIZETOJSON argument is supported only for PARQUET and ORC based COPY");
    }
    if (effective == Format.CSV && (removeQuotes || escape)) {
      throw new RedshiftSqlError(
          (removeQuotes ? "REMOVEQUOTES" : "ESCAPE")
              + " argument is not supported for CSV based COPY");
    }
    if (effective == Format.CSV && delimiter == null) {
      delimiter = ",";
    }
    if (delimiter == null) {
      delimiter = "|";
    }
    return new CopyCommand(
        table,
        columns,
        source,
        authorization,
        effective,
        manifest,
        delimiter,
        quote,
        ignoreHeader,
        nullAs,
        emptyAsNull,
        blanksAsNull,
        dateFormat,
        timeFormat,
        maxError,
        truncateColumns,
        acceptInvChars,
        serializeToJson,
        fillRecord,
        trimBlanks,
        ignoreBlankLines,
        removeQuotes,
        escape,
        roundDecimals,
        explicitIds,
        compression,
        json);
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
      default ->
          throw new RedshiftSqlError(
              "COPY FORMAT " + word + " is not supported by the local Redshift");
    };
  }
}
