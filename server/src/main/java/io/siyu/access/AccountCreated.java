package io.siyu.access;

/** A staff account was created (published in the creating transaction, so listeners act within it). */
public record AccountCreated(long accountId) {}
