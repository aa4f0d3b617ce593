package vn.motcua.dossier;

import java.util.Optional;

/**
 * The electronic result of a dossier as the citizen downloads it: the PDF the leader signed, or
 * the result as approved, printed. The documents print it; the dossier only hands it out, so it
 * does not depend on how the forms are made.
 */
public interface ElectronicResult {

    /** The result's PDF, or empty while the dossier has none. */
    Optional<byte[]> pdf(String code);
}
