package dev.redshiftdata.local.bulk;

/**
 * How an UNLOAD or COPY authorizes itself to S3. The local S3 server accepts any of them; the form
 * is kept so the request log and error texts can say which was used (never the secret values).
 */
public record Authorization(Kind kind, String iamRole) {

  public enum Kind {
    IAM_ROLE,
    IAM_ROLE_DEFAULT,
    ACCESS_KEYS,
    CREDENTIALS
  }

  /**
   * Parses one authorization clause if the next tokens start one; returns null otherwise. {@code
   * IAM_ROLE 'arn' | IAM_ROLE default | ACCESS_KEY_ID 'k' SECRET_ACCESS_KEY 's' [SESSION_TOKEN 't']
   * | [WITH] CREDENTIALS [AS] 'aws-auth-args'}
   */
  static Authorization tryParse(CommandTokens t) {
    if (t.accept("IAM_ROLE")) {
      if (t.accept("default")) {
        return new Authorization(Kind.IAM_ROLE_DEFAULT, null);
      }
      return new Authorization(Kind.IAM_ROLE, t.expectString());
    }
    if (t.accept("ACCESS_KEY_ID")) {
      t.expectString();
      t.expect("SECRET_ACCESS_KEY");
      t.expectString();
      if (t.accept("SESSION_TOKEN")) {
        t.expectString();
      }
      return new Authorization(Kind.ACCESS_KEYS, null);
    }
    if (t.peek().isWord("WITH") && t.peek(1).isWord("CREDENTIALS")) {
      t.take();
    }
    if (t.accept("CREDENTIALS")) {
      t.accept("AS");
      String args = t.expectString();
      String role = null;
      for (String part : args.split(";")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("aws_iam_role")) {
          role = kv[1].trim();
        }
      }
      return new Authorization(Kind.CREDENTIALS, role);
    }
    return null;
  }
}
