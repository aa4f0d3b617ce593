package vn.motcua.dossier;

/** A dossier's return date may be moved by an apology only once (Decree 61). */
public class RescheduleRefused extends RuntimeException {

    public RescheduleRefused(String message) {
        super(message);
    }
}
