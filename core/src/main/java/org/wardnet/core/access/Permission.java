package org.wardnet.core.access;

/** What a route needs. Roles are bundles of these (see {@link Role}). */
public enum Permission {
    /** Camera health, the health summary and its event stream. */
    HEALTH_READ,
    /** Sites and cameras as registered (never their passwords). */
    REGISTRY_READ,
    /** Creating, changing and deleting sites. */
    SITES_WRITE,
    /** Creating, changing, importing and deleting cameras. */
    CAMERAS_WRITE,
    /** Discovery, registration of candidates, verification and snapshots. */
    INSTALL,
    /** Recording plans and status. */
    RECORDING,
    /** Clips, media, timelines, coverage and footage export. */
    FOOTAGE,
    /** Watching cameras live (RTSP re-serve and the browser's live view). */
    LIVE,
    /** Follow, corridor, sightings and cases. */
    INVESTIGATE,
    /** The street network and manual links between cameras. */
    TRACK_SETUP,
    /** Reading the audit trail. */
    AUDIT_READ,
    /** Users, their grants and other users' tokens. */
    USERS_ADMIN,
    /** Pushing a tier node's own subtree upward to its parent (node accounts only). */
    SYNC
}
