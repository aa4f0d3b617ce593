package vn.motcua.dossier;

/** The request is understood but the dossier is not in a state to take it (HTTP 409). */
public class DossierStateConflict extends RuntimeException {

    public DossierStateConflict(String message) {
        super(message);
    }
}
