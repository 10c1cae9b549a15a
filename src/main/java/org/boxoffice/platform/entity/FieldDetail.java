package org.boxoffice.platform.entity;

/** One refused field and why: {@code quantity}, {@code must be at most 4}. */
public record FieldDetail(String field, String message) {}
