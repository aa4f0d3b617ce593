package vn.motcua.security;

import java.util.Set;

/** What an integration client's key may do. */
public final class Scopes {

    public static final String SUBMIT_DOSSIERS = "dossiers:submit";
    public static final String READ_DOSSIERS = "dossiers:read";
    public static final String POST_EVENTS = "post:events";
    public static final String PAYMENT_CALLBACK = "payment:callback";
    public static final Set<String> ALL = Set.of(SUBMIT_DOSSIERS, READ_DOSSIERS, POST_EVENTS, PAYMENT_CALLBACK);

    private Scopes() {
    }
}
