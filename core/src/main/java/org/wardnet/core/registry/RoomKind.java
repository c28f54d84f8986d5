package org.wardnet.core.registry;

/** What a ROOM watches over; only rooms have a kind. */
public enum RoomKind {
    RESIDENTIAL_ESTATE,
    COMMERCIAL_DISTRICT,
    BANK,
    SCHOOL,
    HOSPITAL,
    INSTITUTION,
    OTHER
}
