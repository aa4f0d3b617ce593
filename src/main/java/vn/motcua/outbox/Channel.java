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
    SMS,
    /** The commune police's system: the residence part of an inter-agency bundle. */
    POLICE,
    /** The social insurance agency's system (BHXH): health insurance cards, funeral allowance, survivor benefits. */
    SOCIAL_INSURANCE,
    /** The tax authority's system: the financial obligations of a land procedure (status 6). */
    TAX
}
