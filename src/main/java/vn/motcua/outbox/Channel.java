package vn.motcua.outbox;

/** Where an outbox message goes. */
public enum Channel {
    /** The national public service portal (Cổng DVCQG): status sync. */
    PORTAL,
    /** The public postal service (BCCI): shipments of results. */
    POST,
    /** E-mail to the citizen. */
    MAIL,
    /** SMS to the citizen. */
    SMS
}
