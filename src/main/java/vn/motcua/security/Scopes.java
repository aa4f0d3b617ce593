package vn.motcua.security;

import java.util.Set;

/** What an integration client's key may do. */
public final class Scopes {

    public static final String SUBMIT_DOSSIERS = "dossiers:submit";
    public static final String READ_DOSSIERS = "dossiers:read";
    public static final String POST_EVENTS = "post:events";
    public static final String PAYMENT_CALLBACK = "payment:callback";
    /** The police's system reports its parts of inter-agency bundles (residence). */
    public static final String AGENCY_POLICE = "agency:police";
    /** The social insurance agency's system reports its parts (health insurance card, funeral allowance, survivor benefit). */
    public static final String AGENCY_BHXH = "agency:bhxh";
    /** The tax authority's system reports a land dossier's financial obligations as met (or not). */
    public static final String AGENCY_TAX = "agency:thue";
    /**
     * A monitoring system (Prometheus) reads {@code /actuator/prometheus}, sending the key as {@code Authorization:
     * Bearer <key>} or {@code X-API-Key}; nothing else of the service.
     */
    public static final String READ_METRICS = "metrics:read";
    public static final Set<String> ALL = Set.of(SUBMIT_DOSSIERS, READ_DOSSIERS, POST_EVENTS, PAYMENT_CALLBACK,
            AGENCY_POLICE, AGENCY_BHXH, AGENCY_TAX, READ_METRICS);

    private Scopes() {
    }
}
