package org.boxoffice.identity.entity;

/** What a user may do. The name is the JWT {@code groups} claim and the Jakarta Security role. */
public enum Role {
  ATTENDEE,
  ORGANIZER,
  ADMIN
}
