package vn.motcua.dossier;

/** How a dossier was submitted (KenhThucHien): 1 at the counter, 2 online, 3 by public post. */
public enum Channel {
    COUNTER(1), ONLINE(2), POST(3);

    private final int portalCode;

    Channel(int portalCode) {
        this.portalCode = portalCode;
    }

    public int portalCode() {
        return portalCode;
    }
}
