package org.boxoffice.waitlist.entity;

/** Where an entry stands: WAITING and OFFERED are live, the others are final. */
public enum WaitlistStatus {
  WAITING,
  OFFERED,
  CLAIMED,
  DECLINED,
  EXPIRED,
  LEFT,
  CLOSED;

  public boolean isLive() {
    return this == WAITING || this == OFFERED;
  }
}
