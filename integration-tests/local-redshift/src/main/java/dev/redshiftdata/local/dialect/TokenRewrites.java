package dev.redshiftdata.local.dialect;

/**
 * A group of rewrites that edit one statement's tokens in place: it reads them through {@link #c}
 * and writes through {@link #edits}.
 */
abstract class TokenRewrites {
  final TokenCursor c;
  final TokenEdits edits;

  TokenRewrites(TokenCursor c, TokenEdits edits) {
    this.c = c;
    this.edits = edits;
  }
}
