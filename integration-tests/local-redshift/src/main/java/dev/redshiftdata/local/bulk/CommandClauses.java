package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CommandTokens.Kind;
import dev.redshiftdata.local.bulk.CommandTokens.Token;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What UNLOAD and COPY share after their first clause: the authorization clause anywhere among the
 * options, each option at most once, and the same errors as Redshift for a missing authorization or
 * a bad S3 URL.
 */
final class CommandClauses {

  private final Set<String> seen = new LinkedHashSet<>();
  private Authorization authorization;

  /** The next option word, with any authorization clause before it consumed; null at the end. */
  Token next(CommandTokens t) {
    while (!t.atEnd()) {
      if (t.accept(';')) {
        continue;
      }
      Authorization auth = Authorization.tryParse(t);
      if (auth != null) {
        once("CREDENTIALS");
        authorization = auth;
        continue;
      }
      Token option = t.take();
      if (option.kind() != Kind.WORD) {
        throw CommandTokens.syntaxError(option);
      }
      return option;
    }
    return null;
  }

  /** Records an option; Redshift refuses one given twice. */
  boolean once(String option) {
    if (!seen.add(option)) {
      throw new RedshiftSqlError("conflicting or redundant options");
    }
    return true;
  }

  Set<String> seen() {
    return seen;
  }

  Authorization requireAuthorization() {
    if (authorization == null) {
      throw new RedshiftSqlError(
          "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or "
              + "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'");
    }
    return authorization;
  }

  /**
   * An {@code s3://} URL as Redshift accepts it (scheme in any case), normalised to lower-case
   * scheme.
   */
  static String s3Url(String url) {
    if (!url.regionMatches(true, 0, "s3://", 0, 5) || url.length() <= 5) {
      throw new RedshiftSqlError(
          "S3 path \"" + url + "\" has invalid format. It must start with s3://");
    }
    return "s3://" + url.substring(5);
  }

  static int number(CommandTokens t) {
    Token n = t.take();
    if (n.kind() != Kind.NUMBER) {
      throw CommandTokens.syntaxError(n);
    }
    return Integer.parseInt(n.text());
  }
}
